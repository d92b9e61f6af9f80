// Builds the export in a Web Worker (src/profile/export-worker.ts): the report's data is handed
// over in slices, the worker reports progress, and cancelling ends the worker at once.
import type { ExportInput } from '../profile/export.ts';
import type { ExportProgress } from '../profile/export-steps.ts';
import type { ExportReply, ExportRequest } from '../profile/export-worker.ts';

/** Events per message to the worker: each slice is cloned here, so none holds the page up long. */
const EXPORT_EVENTS_PER_MESSAGE = 5000;

export interface ExportRun {
  /** the ZIP's bytes, or null when cancelled */
  readonly result: Promise<Uint8Array | null>;
  cancel(): void;
}

const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Sends the input as requests, a slice of events at a time, yielding to the page in between. */
async function handOver(
  input: ExportInput,
  send: (request: ExportRequest) => void | Promise<void>,
  progress: (p: ExportProgress) => void,
  cancelled: () => boolean,
): Promise<void> {
  const { events, ...head } = input;
  await send({ type: 'begin', input: head });
  for (let at = 0; at < events.length && !cancelled(); at += EXPORT_EVENTS_PER_MESSAGE) {
    progress({
      fraction: 0,
      label: `Handing ${at.toLocaleString('en')} of ${events.length.toLocaleString('en')} events to the export…`,
    });
    await send({ type: 'events', events: events.slice(at, at + EXPORT_EVENTS_PER_MESSAGE) });
    await yieldToPage();
  }
  if (!cancelled()) await send({ type: 'build' });
}

export function startExport(
  input: ExportInput,
  onProgress: (progress: ExportProgress) => void,
): ExportRun {
  if (typeof Worker === 'undefined') return exportInThread(input, onProgress);
  const worker = new Worker(new URL('../profile/export-worker.ts', import.meta.url), {
    type: 'module',
  });
  let settle: (bytes: Uint8Array | null) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  let over = false;
  const result = new Promise<Uint8Array | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const finish = (): void => {
    over = true;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<ExportReply>) => {
    const reply = event.data;
    if (reply.type === 'progress') onProgress(reply);
    else if (reply.type === 'done') {
      finish();
      settle(reply.bytes);
    } else {
      finish();
      fail(new Error(reply.error));
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish();
    fail(new Error(event.message || 'the export worker failed'));
  };
  handOver(
    input,
    (r) => worker.postMessage(r),
    onProgress,
    () => over,
  ).catch((error: unknown) => {
    finish();
    fail(error instanceof Error ? error : new Error(String(error)));
  });
  return {
    result,
    cancel: () => {
      if (over) return;
      finish();
      settle(null);
    },
  };
}

/** Where no Worker exists (jsdom): the same build in this thread, yielding between steps. */
function exportInThread(
  input: ExportInput,
  onProgress: (progress: ExportProgress) => void,
): ExportRun {
  let cancelled = false;
  const result = import('../profile/export-worker.ts').then(async ({ exportReceiver }) => {
    let outcome: ExportReply | null = null;
    const receive = exportReceiver(
      (reply) => {
        if (reply.type === 'progress') onProgress(reply);
        else outcome = reply;
      },
      async () => {
        await yieldToPage();
        if (cancelled) throw new Error('cancelled');
      },
      // in this thread every step yields to the page, so every step may as well be shown
      0,
    );
    await handOver(input, receive, onProgress, () => cancelled);
    if (cancelled) return null;
    const done = outcome as ExportReply | null;
    if (!done) return null;
    if (done.type === 'failed') throw new Error(done.error);
    return done.type === 'done' ? done.bytes : null;
  });
  return {
    result,
    cancel: () => {
      cancelled = true;
    },
  };
}
