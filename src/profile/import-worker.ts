// The import worker: reads, decompresses and validates an import file off the main thread, under
// the import budget, and hands the events back in slices so no single message holds the page up.
import type { CaptureEvent } from '../core/events.ts';
import type { Profile, QuarantinedRecord } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import { parseImport, refuseBySize } from './import.ts';

export interface ImportRequest {
  readonly file: Blob & { readonly name: string };
}

export type ImportReply =
  | { readonly type: 'refused'; readonly error: string }
  | {
      readonly type: 'begin';
      readonly profile: Profile;
      readonly settings: Settings | null;
      readonly quarantined: QuarantinedRecord[];
      readonly total: number;
    }
  | { readonly type: 'events'; readonly events: CaptureEvent[] }
  | { readonly type: 'done' };

/** Events per message: each is cloned on arrival, on the main thread. */
export const EVENTS_PER_MESSAGE = 5000;

/** The file's bytes; FileReader where Blob.arrayBuffer is missing (older engines, jsdom). */
function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') {
    return file.arrayBuffer().then((b) => new Uint8Array(b));
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

/** The whole check of one file, as a series of replies (also run in-thread where no Worker exists). */
export async function checkFile(
  file: ImportRequest['file'],
  reply: (message: ImportReply) => void,
): Promise<void> {
  const refused = refuseBySize(file.size, file.name);
  if (refused !== null) return reply({ type: 'refused', error: refused });
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch (error) {
    return reply({
      type: 'refused',
      error: `${file.name} could not be read (${error instanceof Error ? error.message : String(error)}); nothing was imported.`,
    });
  }
  const result = parseImport(bytes, file.name);
  if (!result.ok) return reply({ type: 'refused', error: result.error });
  const { profile, settings, quarantined, events } = result.data;
  reply({ type: 'begin', profile, settings, quarantined, total: events.length });
  for (let at = 0; at < events.length; at += EVENTS_PER_MESSAGE) {
    reply({ type: 'events', events: events.slice(at, at + EVENTS_PER_MESSAGE) });
  }
  reply({ type: 'done' });
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportReply): void;
}

// Only when loaded as a worker: the module is also imported for checkFile.
if ('WorkerGlobalScope' in globalThis) {
  const scope = globalThis as unknown as WorkerScope;
  scope.onmessage = (event) => {
    void checkFile(event.data.file, (message) => scope.postMessage(message));
  };
}
