// The export built a step at a time (for the export worker): the same files as buildExport, each
// compressed a chunk at a time so progress can be reported between chunks and the build can be
// ended at any point.
import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { ExportInput } from './export.ts';
import {
  choicesCsv,
  inferencesCsv,
  interactiveTitlesCsv,
  profileDocument,
  profileJson,
  readme,
  sessionsCsv,
} from './export.ts';

export interface ExportProgress {
  /** 0 to 1 */
  readonly fraction: number;
  /** what is being done, for the progress label */
  readonly label: string;
}

/**
 * Deflate level of the streamed ZIP. Measured on 100 000 events (95 MB of text): level 6, fflate's
 * default and buildExport's, costs about 1.3 s and makes 4.3 MB; level 3 about 1.0 s and 5.8 MB.
 * With profile.json a record per line (70 MB of text), the whole build in Node took 1.92 s at
 * level 6 (4.1 MB) and 1.75 s at level 3 (5.2 MB), and the worker about 0.1–0.3 s more: level 6
 * would not keep the 2 s budget, so level 3 stays.
 */
export const EXPORT_LEVEL = 3;
/** bytes compressed between two progress reports */
const CHUNK = 1 << 20;
/** share of the progress bar for writing the files' text (the rest is compressing) */
const WRITING_SHARE = 0.4;

type Writer = readonly [name: string, make: () => string];

/**
 * Yields progress while it writes and compresses each file; returns the ZIP's bytes. The files
 * and their contents are buildExport's (only the ZIP's framing differs: sizes after each file).
 */
export function* exportSteps(input: ExportInput): Generator<ExportProgress, Uint8Array> {
  const titles = new Map(input.stories.map((s) => [s.id, s.title]));
  const title = (id: string): string => titles.get(id) ?? id;
  const doc = profileDocument(input);
  const writers: Writer[] = [
    ['README.txt', () => readme(input, doc)],
    ['profile.json', () => profileJson(doc)],
    ['choices.csv', () => choicesCsv(input, title)],
    ['sessions.csv', () => sessionsCsv(input, title)],
    ['inferences.csv', () => inferencesCsv(input.inferences)],
    ['InteractiveTitles.csv', () => interactiveTitlesCsv(input, title)],
  ];
  const files: (readonly [string, Uint8Array])[] = [];
  for (const [name, make] of writers) {
    yield { fraction: (WRITING_SHARE * files.length) / writers.length, label: `Writing ${name}…` };
    files.push([name, strToU8(make())]);
  }
  const total = files.reduce((n, [, bytes]) => n + bytes.length, 0);
  const mb = (n: number): string => (n / 1e6).toFixed(n < 10e6 ? 1 : 0);
  const chunks: Uint8Array[] = [];
  const failures: Error[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) failures.push(error);
    else chunks.push(chunk);
  });
  let done = 0;
  for (const [name, bytes] of files) {
    const file = new ZipDeflate(name, { level: EXPORT_LEVEL });
    zip.add(file);
    if (bytes.length === 0) file.push(bytes, true);
    for (let at = 0; at < bytes.length; at += CHUNK) {
      yield {
        fraction: WRITING_SHARE + ((1 - WRITING_SHARE) * done) / Math.max(total, 1),
        label: `Compressing ${name}: ${mb(done)} of ${mb(total)} MB…`,
      };
      const part = bytes.subarray(at, at + CHUNK);
      file.push(part, at + CHUNK >= bytes.length);
      done += part.length;
    }
  }
  zip.end();
  const [failure] = failures;
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
