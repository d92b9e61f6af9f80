// Reading an export back: a profile.json or the whole ZIP, validated in full before anything is
// used. One bad part rejects the whole import, with the path and the reason.
import { systemClock } from '../core/clock.ts';
import { Unzip, UnzipInflate } from 'fflate';
import * as v from 'valibot';
import type { CaptureEvent } from '../core/events.ts';
import type { Profile, QuarantinedRecord } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import { describeIssues, profileSchema, settingsSchema } from './capture-schema.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export.ts';
import { restoreEvent } from './restore.ts';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * The one budget every decompression and parse of imported data runs under: bytes of real output
 * (never a header's claim) and milliseconds of work.
 */
export interface ImportBudget {
  /** largest file in bytes (and largest decompressed profile.json, unless maxInflatedBytes says) */
  readonly maxBytes: number;
  /**
   * largest decompressed profile.json, in bytes (maxBytes when absent): an export's profile.json
   * is indented JSON, some 690 bytes an event, so the app's own export of 100 000 events inflates
   * to about 69 MB from a ZIP of a few MB
   */
  readonly maxInflatedBytes?: number;
  /** longest decompression, in ms */
  readonly inflateMs: number;
  /** longest parse and validation, in ms */
  readonly parseMs: number;
  /** ms clock; performance.now in the app */
  readonly now: () => number;
}

export const IMPORT_BUDGET: ImportBudget = {
  maxBytes: MAX_IMPORT_BYTES,
  maxInflatedBytes: 128 * 1024 * 1024,
  inflateMs: 2000,
  parseMs: 20_000,
  now: () => systemClock.now(),
};

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The refusal for a file too large to read, decided from its size before a byte is read. */
export function refuseBySize(
  size: number,
  fileName: string,
  budget: ImportBudget = IMPORT_BUDGET,
): string | null {
  return size > budget.maxBytes
    ? `${fileName} is larger than ${mb(budget.maxBytes)}; nothing was imported.`
    : null;
}

export interface ImportData {
  readonly profile: Profile;
  readonly settings: Settings | null;
  readonly events: CaptureEvent[];
  readonly quarantined: QuarantinedRecord[];
}

/** How the one who started an import follows and stops it while it is being stored. */
export interface ImportControl {
  /** events stored so far, of `total` */
  readonly onProgress?: (stored: number, total: number) => void;
  /** aborting stops the import between batches and removes what it wrote */
  readonly signal?: AbortSignal;
}

export type ImportResult =
  { readonly ok: true; readonly data: ImportData } | { readonly ok: false; readonly error: string };

const documentSchema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.string(),
  profile: profileSchema,
  settings: v.nullable(settingsSchema),
  events: v.array(v.unknown()),
  quarantined: v.array(v.strictObject({ key: v.string(), reason: v.string(), raw: v.unknown() })),
});

const fail = (error: string): ImportResult => ({ ok: false, error });

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// Input is fed to the unzipper in small slices: deflate expands at most about 1 000 times, so one
// slice can never produce more than a few megabytes past the budget before the count is checked.
const SLICE = 4096;

/** profile.json's bytes from a ZIP, inflated under the budget; a refusal as a message. */
function inflateProfileJson(
  bytes: Uint8Array,
  fileName: string,
  budget: ImportBudget,
): Uint8Array | string {
  const started = budget.now();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let found = 0;
  let done = false;
  let refusal: string | null = null;
  const maxInflated = budget.maxInflatedBytes ?? budget.maxBytes;
  const unzip = new Unzip((file) => {
    if (file.name !== 'profile.json') return;
    found += 1;
    if (found > 1) {
      refusal = `${fileName} holds more than one profile.json; nothing was imported.`;
      return;
    }
    file.ondata = (error, chunk, final) => {
      if (refusal !== null) return;
      if (error) {
        refusal = `${fileName} is not a readable ZIP archive (${error.message}).`;
        return;
      }
      size += chunk.length;
      if (size > maxInflated) {
        refusal = `profile.json in ${fileName} inflates to more than ${mb(maxInflated)}; nothing was imported.`;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && refusal === null; at += SLICE) {
      const end = Math.min(at + SLICE, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
      if (refusal === null && budget.now() - started > budget.inflateMs) {
        refusal = `profile.json in ${fileName} takes more than ${budget.inflateMs / 1000} s to decompress; nothing was imported.`;
      }
    }
  } catch (error) {
    if (refusal === null) {
      refusal = `${fileName} is not a readable ZIP archive (${error instanceof Error ? error.message : String(error)}).`;
    }
  }
  if (refusal !== null) return refusal;
  if (found === 0)
    return `${fileName} has no profile.json; only an inkreel export can be imported.`;
  if (!done) return `${fileName} is cut short: profile.json is incomplete; nothing was imported.`;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function readProfileJson(
  bytes: Uint8Array,
  fileName: string,
  budget: ImportBudget,
): string | ImportResult {
  const decode = (b: Uint8Array): string => new TextDecoder().decode(b);
  if (isZip(bytes)) {
    const inflated = inflateProfileJson(bytes, fileName, budget);
    return typeof inflated === 'string' ? fail(inflated) : decode(inflated);
  }
  const text = decode(bytes);
  if (!/^\s*\{/.test(text)) {
    return fail(`${fileName} is neither an inkreel ZIP export nor a profile.json.`);
  }
  return text;
}

/** Validates a whole import; `data` is only given when every part is valid. */
export function parseImport(
  bytes: Uint8Array,
  fileName: string,
  budget: ImportBudget = IMPORT_BUDGET,
): ImportResult {
  const tooBig = refuseBySize(bytes.byteLength, fileName, budget);
  if (tooBig !== null) return fail(tooBig);
  const text = readProfileJson(bytes, fileName, budget);
  if (typeof text !== 'string') return text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(
      `profile.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = v.safeParse(documentSchema, json);
  if (!parsed.success) return fail(`profile.json is invalid: ${describeIssues(parsed.issues)}`);
  const doc = parsed.output;
  const events: CaptureEvent[] = [];
  const ids = new Set<string>();
  const started = budget.now();
  for (const [i, raw] of doc.events.entries()) {
    if (i % 1024 === 0 && budget.now() - started > budget.parseMs) {
      return fail(
        `profile.json in ${fileName} takes more than ${budget.parseMs / 1000} s to check; nothing was imported.`,
      );
    }
    const result = restoreEvent(raw);
    if (!result.ok) return fail(`profile.json is invalid: events.${i}: ${result.reason}`);
    if (result.event.profileId !== doc.profile.id) {
      return fail(`profile.json is invalid: events.${i}.profileId: not this profile's id`);
    }
    if (ids.has(result.event.id)) {
      return fail(`profile.json is invalid: events.${i}.id: "${result.event.id}" appears twice`);
    }
    ids.add(result.event.id);
    events.push(result.event);
  }
  return {
    ok: true,
    data: { profile: doc.profile, settings: doc.settings, events, quarantined: doc.quarantined },
  };
}
