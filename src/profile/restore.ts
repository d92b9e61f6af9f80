// The one restore step every stored or imported event goes through: migrate, validate, quarantine.
import * as v from 'valibot';
import type { CaptureEvent } from '../core/events.ts';
import { SCHEMA_VERSION } from '../core/events.ts';
import type { Profile, QuarantinedRecord } from '../core/ports.ts';
import { withUniqueIds } from '../core/unique-ids.ts';
import { RESERVED_DIMENSION_IDS } from '../core/tags.ts';
import { captureEventSchema, describeIssues } from './capture-schema.ts';

/** A record as the store found it: its storage key and whatever value was there. */
export interface StoredRecord {
  readonly key: string;
  readonly raw: unknown;
}

/** Lifts a record of version n (the table key) to version n + 1. Pure; may throw on nonsense. */
export type Migration = (record: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** Migrations by the version they start from. Empty while version 1 is the only one shipped. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type RestoreOne =
  | { readonly ok: true; readonly event: CaptureEvent; readonly migrated: boolean }
  | {
      readonly ok: false;
      readonly reason: string;
      /** written by a newer inkreel: leave it where it is so that version can still read it */
      readonly future: boolean;
    };

export interface RestoreOptions {
  readonly migrations?: Readonly<Record<number, Migration>>;
  /** when given, events claiming another profile are quarantined */
  readonly profileId?: string;
}

export interface RestoreResult {
  /** valid events, oldest first */
  readonly events: CaptureEvent[];
  readonly quarantined: QuarantinedRecord[];
  /** keys of quarantined records written by a newer version (kept in place, not moved) */
  readonly futureKeys: string[];
  /** how many loaded events were lifted from an older version */
  readonly migrated: number;
  /** how many records repeated an event id already loaded (same event stored twice) */
  readonly duplicates: number;
}

function isPlainRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

// The fast path of restore. Nearly every stored record is a valid current-version event, and
// valibot builds a fresh copy of each while checking it, a cost that doubles a long profile's load.
// This check accepts exactly what captureEventSchema accepts for the shapes it knows and returns
// the record itself; anything it is unsure of (a failure, a taste named like a prototype key, an
// object of another prototype) goes to the full schema, so reasons and quarantine are unchanged.
// test/profile/restore.test.ts holds the two to agreement on arbitrary input.

const BASE_KEYS = ['v', 'id', 'profileId', 'sessionId', 'storyId', 'storyVersion', 'at', 'type'];
const KEYS_BY_TYPE: ReadonlyMap<unknown, ReadonlySet<string>> = new Map(
  (
    [
      ['session.started', []],
      [
        'choice.made',
        [
          'decisionId',
          'knot',
          'options',
          'chosenIndex',
          'decisionMs',
          'windowMs',
          'timedOut',
          'input',
        ],
      ],
      ['decision.rewound', ['toDecisionId', 'toTurn', 'fromTurn']],
      ['story.ended', ['endingPath', 'decisions']],
      ['session.ended', ['reason']],
      ['settings.changed', ['key', 'value']],
      ['data.deleted', ['scope', 'count']],
    ] as const
  ).map(([type, keys]) => [type, new Set([...BASE_KEYS, ...keys])]),
);

function isPlain(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

/** exactly the keys in `allowed`, all enumerable and own (the strictObject rule) */
function hasExactKeys(record: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  let n = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key) || !allowed.has(key)) return false;
    n += 1;
  }
  return n === allowed.size;
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isCount = (x: unknown): boolean => Number.isInteger(x) && (x as number) >= 0;
const isNonNegative = (x: unknown): boolean => Number.isFinite(x) && (x as number) >= 0;
const TEXT_TASTE: ReadonlySet<string> = new Set(['text', 'taste']);

function isTaste(taste: unknown): boolean {
  if (!isPlain(taste)) return false;
  for (const key in taste) {
    // names of object members are refused by the full schema (with its message): let it decide
    if (RESERVED_DIMENSION_IDS.has(key)) return false;
    if (!Object.hasOwn(taste, key) || !Number.isFinite(taste[key])) return false;
  }
  return true;
}

function isOptions(options: unknown): boolean {
  if (!Array.isArray(options)) return false;
  for (let i = 0; i < options.length; i += 1) {
    const option: unknown = options[i];
    if (!isPlain(option) || !hasExactKeys(option, TEXT_TASTE)) return false;
    if (!isString(option['text']) || !isTaste(option['taste'])) return false;
  }
  return true;
}

/** true only when captureEventSchema would accept `r` and output a deep copy of it */
export function isCurrentEvent(r: unknown): r is CaptureEvent {
  if (!isPlain(r) || r['v'] !== SCHEMA_VERSION) return false;
  const keys = KEYS_BY_TYPE.get(r['type']);
  if (keys === undefined || !hasExactKeys(r, keys)) return false;
  const { id, profileId, at } = r;
  if (!isString(id) || id === '' || !isString(profileId) || profileId === '') return false;
  if (!isString(r['sessionId']) || !isString(r['storyId']) || !isString(r['storyVersion'])) {
    return false;
  }
  if (!isString(at) || !Number.isFinite(Date.parse(at))) return false;
  switch (r['type']) {
    case 'session.started':
      return true;
    case 'choice.made': {
      const { input, windowMs } = r;
      return (
        isString(r['decisionId']) &&
        isString(r['knot']) &&
        isCount(r['chosenIndex']) &&
        isNonNegative(r['decisionMs']) &&
        (windowMs === null || isNonNegative(windowMs)) &&
        typeof r['timedOut'] === 'boolean' &&
        (input === 'pointer' || input === 'touch' || input === 'keyboard' || input === 'timer') &&
        isOptions(r['options'])
      );
    }
    case 'decision.rewound':
      return (
        (r['toDecisionId'] === null || isString(r['toDecisionId'])) &&
        isCount(r['toTurn']) &&
        isCount(r['fromTurn'])
      );
    case 'story.ended':
      return isString(r['endingPath']) && isCount(r['decisions']);
    case 'session.ended':
      return r['reason'] === 'ended' || r['reason'] === 'left' || r['reason'] === 'restarted';
    case 'settings.changed': {
      const value = r['value'];
      return (
        isString(r['key']) &&
        (value === null || isString(value) || typeof value === 'boolean' || Number.isFinite(value))
      );
    }
    case 'data.deleted': {
      const scope = r['scope'];
      return (
        (scope === 'event' ||
          scope === 'session' ||
          scope === 'story' ||
          scope === 'all' ||
          scope === 'expired') &&
        isCount(r['count'])
      );
    }
    default:
      return false;
  }
}

export function restoreEvent(
  raw: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): RestoreOne {
  try {
    if (!isPlainRecord(raw)) return { ok: false, reason: 'not an object', future: false };
    let record: Record<string, unknown> = raw;
    let version = record['v'];
    if (typeof version !== 'number' || !Number.isInteger(version)) {
      return { ok: false, reason: 'has no schema version (v)', future: false };
    }
    if (version > SCHEMA_VERSION) {
      return {
        ok: false,
        reason: `written by a newer version of inkreel (schema v${version})`,
        future: true,
      };
    }
    const migrated = version < SCHEMA_VERSION;
    while (version < SCHEMA_VERSION) {
      const step = migrations[version];
      if (step === undefined) {
        return { ok: false, reason: `no migration from schema v${version}`, future: false };
      }
      record = step(record);
      version += 1;
      if (record['v'] !== version) {
        return {
          ok: false,
          reason: `migration to v${version} did not produce v${version}`,
          future: false,
        };
      }
    }
    if (!migrated && isCurrentEvent(record)) return { ok: true, event: record, migrated };
    const parsed = v.safeParse(captureEventSchema, record);
    if (!parsed.success) return { ok: false, reason: describeIssues(parsed.issues), future: false };
    return { ok: true, event: parsed.output, migrated };
  } catch (error) {
    return { ok: false, reason: `could not be read: ${String(error)}`, future: false };
  }
}

const TYPE_RANK: Readonly<Record<CaptureEvent['type'], number>> = {
  'session.started': 0,
  'choice.made': 1,
  'decision.rewound': 1,
  'settings.changed': 1,
  'data.deleted': 1,
  'story.ended': 2,
  'session.ended': 3,
};

/**
 * Sorted copy, oldest first; within one millisecond a session opens before and closes after its
 * content. Each timestamp is parsed once: logs are long.
 */
export function sortEvents(events: readonly CaptureEvent[]): CaptureEvent[] {
  // Times and ranks in typed arrays and indices sorted, instead of an object per event; an
  // ordered log (the memory store's) is not sorted again.
  const n = events.length;
  const time = new Float64Array(n);
  const rank = new Uint8Array(n);
  let sorted = true;
  for (let i = 0; i < n; i += 1) {
    const event = events[i]!;
    time[i] = Date.parse(event.at);
    rank[i] = TYPE_RANK[event.type];
    if (i > 0 && (time[i]! - time[i - 1]! || rank[i]! - rank[i - 1]!) < 0) sorted = false;
  }
  if (sorted) return events.slice();
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) index[i] = i;
  // ties keep the order the store gave them (by index), as a stable sort would
  index.sort((a, b) => time[a]! - time[b]! || rank[a]! - rank[b]! || a - b);
  const out = new Array<CaptureEvent>(n);
  for (let i = 0; i < n; i += 1) out[i] = events[index[i]!]!;
  return out;
}

export function restoreRecords(
  records: Iterable<StoredRecord>,
  options: RestoreOptions = {},
): RestoreResult {
  const events: CaptureEvent[] = [];
  const quarantined: QuarantinedRecord[] = [];
  const futureKeys: string[] = [];
  const seen = new Set<string>();
  let migrated = 0;
  let duplicates = 0;
  for (const { key, raw } of records) {
    const result = restoreEvent(raw, options.migrations);
    if (!result.ok) {
      quarantined.push({ key, reason: result.reason, raw });
      if (result.future) futureKeys.push(key);
      continue;
    }
    const { event } = result;
    if (options.profileId !== undefined && event.profileId !== options.profileId) {
      quarantined.push({ key, reason: `belongs to profile ${event.profileId}`, raw });
      continue;
    }
    if (seen.has(event.id)) {
      duplicates += 1;
      continue;
    }
    seen.add(event.id);
    if (result.migrated) migrated += 1;
    events.push(event);
  }
  // first event of an id kept, the rest dropped: the fits need not look for duplicates again
  return {
    events: withUniqueIds(sortEvents(events)),
    quarantined,
    futureKeys,
    migrated,
    duplicates,
  };
}

/** The name a profile gets when its stored name cannot be read. */
export const RECOVERED_NAME = 'Recovered profile';

export type ProfileRestore =
  | {
      readonly ok: true;
      readonly profile: Profile;
      /** what had to change, in words; empty when the record was read as stored */
      readonly repairs: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

const PROFILE_KEYS: ReadonlySet<string> = new Set(['id', 'name', 'createdAt']);

function readableName(name: unknown): string | null {
  if (typeof name === 'string') return name;
  if (typeof name === 'number' && Number.isFinite(name)) return String(name);
  if (typeof name === 'boolean' || typeof name === 'bigint') return String(name);
  return null;
}

/**
 * Reads a stored profile record defensively. The store keys each record by its profile's id, so
 * the key is the id whatever the record says: one bad field (an extra key, a numeric name, a
 * missing date) is repaired rather than letting the whole profile, and the events behind it,
 * vanish from the list. Only an empty key leaves nothing to recover.
 */
export function restoreProfile(key: string, raw: unknown, now: () => Date): ProfileRestore {
  if (key === '') return { ok: false, reason: 'stored under an empty key' };
  const repairs: string[] = [];
  const record: Record<string, unknown> = isPlainRecord(raw) ? raw : {};
  if (!isPlainRecord(raw)) repairs.push('the record was not an object');
  try {
    const extra = Object.keys(record).filter((k) => !PROFILE_KEYS.has(k));
    if (extra.length > 0) repairs.push(`dropped unknown fields: ${extra.slice(0, 5).join(', ')}`);
    const id = record['id'];
    if (id !== key && isPlainRecord(raw)) repairs.push('its id did not match its key');
    let name = readableName(record['name']);
    if (name === null) {
      name = RECOVERED_NAME;
      if (isPlainRecord(raw)) repairs.push('its name could not be read');
    } else if (typeof record['name'] !== 'string') {
      repairs.push('its name was not text');
    }
    const at = record['createdAt'];
    let createdAt: string;
    if (typeof at === 'string' && Number.isFinite(Date.parse(at))) createdAt = at;
    else {
      createdAt = now().toISOString();
      if (isPlainRecord(raw)) repairs.push('its creation date could not be read');
    }
    return { ok: true, profile: { id: key, name, createdAt }, repairs };
  } catch (error) {
    // a getter or proxy that throws: keep the profile under its key, name it plainly
    return {
      ok: true,
      profile: { id: key, name: RECOVERED_NAME, createdAt: now().toISOString() },
      repairs: [`the record could not be read: ${String(error)}`],
    };
  }
}
