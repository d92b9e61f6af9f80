// The export worker: gathers the report's data (the events arrive in slices), builds the export
// ZIP a step at a time (export-steps.ts) and reports progress between steps; the page ends it to
// cancel.
import { systemClock } from '../core/clock.ts';
import type { CaptureEvent } from '../core/events.ts';
import type { ExportInput } from './export.ts';
import { exportSteps, type ExportProgress } from './export-steps.ts';

export type ExportRequest =
  | { readonly type: 'begin'; readonly input: Omit<ExportInput, 'events'> }
  | { readonly type: 'events'; readonly events: readonly CaptureEvent[] }
  | { readonly type: 'build' };

export type ExportReply =
  | ({ readonly type: 'progress' } & ExportProgress)
  | { readonly type: 'done'; readonly bytes: Uint8Array }
  | { readonly type: 'failed'; readonly error: string };

/** The worker reports progress at most this often (ms): each report is a message to the page. */
const REPORT_EVERY_MS = 50;

/** The build from gathered requests, as a series of replies (also run in-thread where no Worker exists). */
export function exportReceiver(
  reply: (message: ExportReply, transfer?: Transferable[]) => void,
  pause: () => Promise<void> = () => Promise.resolve(),
  reportEveryMs = REPORT_EVERY_MS,
): (request: ExportRequest) => Promise<void> {
  let head: Omit<ExportInput, 'events'> | null = null;
  const events: CaptureEvent[] = [];
  return async (request) => {
    switch (request.type) {
      case 'begin':
        head = request.input;
        events.length = 0;
        return;
      case 'events':
        for (const e of request.events) events.push(e);
        return;
      case 'build': {
        if (!head) return reply({ type: 'failed', error: 'nothing to export' });
        try {
          const steps = exportSteps({ ...head, events });
          let last = -Infinity;
          for (let step = steps.next(); ; step = steps.next()) {
            if (step.done) {
              reply({ type: 'done', bytes: step.value }, [step.value.buffer]);
              return;
            }
            const now = systemClock.now();
            if (now - last >= reportEveryMs) {
              last = now;
              reply({ type: 'progress', ...step.value });
              await pause();
            }
          }
        } catch (error) {
          reply({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  };
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<ExportRequest>) => void) | null;
  postMessage(message: ExportReply, transfer?: Transferable[]): void;
}

// Only when loaded as a worker: the module is also imported for exportReceiver.
if ('WorkerGlobalScope' in globalThis) {
  const scope = globalThis as unknown as WorkerScope;
  const receive = exportReceiver((message, transfer) => scope.postMessage(message, transfer ?? []));
  scope.onmessage = (event) => {
    void receive(event.data);
  };
}
