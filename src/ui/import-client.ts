// Starts an import's check in a Web Worker (src/profile/import-worker.ts) and gathers its answer;
// the check can be cancelled, which ends the worker at once, whatever it was doing.
import type { CaptureEvent } from '../core/events.ts';
import type { ImportResult } from '../profile/import.ts';
import type { ImportReply, ImportRequest } from '../profile/import-worker.ts';

export interface ImportCheck {
  readonly result: Promise<
    ImportResult | { readonly ok: false; readonly cancelled: true; readonly error: string }
  >;
  cancel(): void;
}

/** A check that runs longer than this is ended: the budget inside should never let it. */
export const CHECK_DEADLINE_MS = 60_000;

const CANCELLED = {
  ok: false,
  cancelled: true,
  error: 'The import was cancelled; nothing was imported.',
} as const;

/** Gathers a worker's replies into one result. */
function collector(): {
  take(message: ImportReply): ImportResult | null;
} {
  let head: Extract<ImportReply, { type: 'begin' }> | null = null;
  const events: CaptureEvent[] = [];
  return {
    take(message) {
      switch (message.type) {
        case 'refused':
          return { ok: false, error: message.error };
        case 'begin':
          head = message;
          return null;
        case 'events':
          for (const e of message.events) events.push(e);
          return null;
        case 'done':
          if (!head) return { ok: false, error: 'The import check ended without an answer.' };
          return {
            ok: true,
            data: {
              profile: head.profile,
              settings: head.settings,
              quarantined: head.quarantined,
              events,
            },
          };
      }
    },
  };
}

export function checkImportFile(file: ImportRequest['file']): ImportCheck {
  if (typeof Worker === 'undefined') return checkInThread(file);
  const worker = new Worker(new URL('../profile/import-worker.ts', import.meta.url), {
    type: 'module',
  });
  let settle: (result: Awaited<ImportCheck['result']>) => void = () => undefined;
  const result = new Promise<Awaited<ImportCheck['result']>>((resolve) => {
    settle = resolve;
  });
  const finish = (outcome: Awaited<ImportCheck['result']>): void => {
    clearTimeout(deadline);
    worker.terminate();
    settle(outcome);
  };
  const deadline = setTimeout(
    () =>
      finish({ ok: false, error: `Checking ${file.name} took too long; nothing was imported.` }),
    CHECK_DEADLINE_MS,
  );
  const gather = collector();
  worker.onmessage = (event: MessageEvent<ImportReply>) => {
    const done = gather.take(event.data);
    if (done) finish(done);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish({
      ok: false,
      error: `${file.name} could not be checked (${event.message || 'the import worker failed'}); nothing was imported.`,
    });
  };
  const request: ImportRequest = { file };
  worker.postMessage(request);
  return { result, cancel: () => finish(CANCELLED) };
}

/** Where no Worker exists (jsdom): the same check, in this thread. */
function checkInThread(file: ImportRequest['file']): ImportCheck {
  let cancelled = false;
  const result = import('../profile/import-worker.ts').then(async ({ checkFile }) => {
    const gather = collector();
    let outcome: ImportResult | null = null;
    await checkFile(file, (message) => {
      outcome ??= gather.take(message);
    });
    if (cancelled) return CANCELLED;
    return outcome ?? { ok: false as const, error: 'The import check ended without an answer.' };
  });
  return {
    result,
    cancel: () => {
      cancelled = true;
    },
  };
}
