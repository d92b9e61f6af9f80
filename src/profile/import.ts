// Reading an export back: a profile.json or the whole ZIP, validated in full before anything is
// used. One bad part rejects the whole import, with the path and the reason.
import { strFromU8, unzipSync } from 'fflate';
import * as v from 'valibot';
import type { CaptureEvent } from '../core/events.ts';
import type { Profile, QuarantinedRecord } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import { describeIssues, profileSchema, settingsSchema } from './capture-schema.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export.ts';
import { restoreEvent } from './restore.ts';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportData {
  readonly profile: Profile;
  readonly settings: Settings | null;
  readonly events: CaptureEvent[];
  readonly quarantined: QuarantinedRecord[];
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

function readProfileJson(bytes: Uint8Array, fileName: string): string | ImportResult {
  if (isZip(bytes)) {
    let found: Uint8Array | undefined;
    let tooBig = false;
    try {
      const files = unzipSync(bytes, {
        filter: (file) => {
          if (file.name !== 'profile.json') return false;
          if (file.originalSize > MAX_IMPORT_BYTES) tooBig = true;
          return !tooBig;
        },
      });
      found = files['profile.json'];
    } catch (error) {
      return fail(`${fileName} is not a readable ZIP archive (${String(error)}).`);
    }
    if (tooBig)
      return fail(`profile.json in ${fileName} is larger than 50 MB; nothing was imported.`);
    if (!found)
      return fail(`${fileName} has no profile.json; only an inkreel export can be imported.`);
    return strFromU8(found);
  }
  const text = strFromU8(bytes);
  if (!/^\s*\{/.test(text)) {
    return fail(`${fileName} is neither an inkreel ZIP export nor a profile.json.`);
  }
  return text;
}

/** Validates a whole import; `data` is only given when every part is valid. */
export function parseImport(bytes: Uint8Array, fileName: string): ImportResult {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return fail(`${fileName} is larger than 50 MB; nothing was imported.`);
  }
  const text = readProfileJson(bytes, fileName);
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
  for (const [i, raw] of doc.events.entries()) {
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
