// The one restore step every stored or imported event goes through: migrate, validate, quarantine.
import * as v from 'valibot';
import type { CaptureEvent } from '../core/events.ts';
import { SCHEMA_VERSION } from '../core/events.ts';
import type { QuarantinedRecord } from '../core/ports.ts';
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

/** Oldest first; within one millisecond a session opens before and closes after its content. */
export function compareEvents(a: CaptureEvent, b: CaptureEvent): number {
  return Date.parse(a.at) - Date.parse(b.at) || TYPE_RANK[a.type] - TYPE_RANK[b.type];
}

/** Sorted copy, oldest first (compareEvents), with each timestamp parsed once: logs are long. */
export function sortEvents(events: readonly CaptureEvent[]): CaptureEvent[] {
  const keyed = events.map((event) => ({
    event,
    t: Date.parse(event.at),
    r: TYPE_RANK[event.type],
  }));
  // Array.prototype.sort is stable, so ties keep the order the store gave them.
  keyed.sort((a, b) => a.t - b.t || a.r - b.r);
  return keyed.map((k) => k.event);
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
  return { events: sortEvents(events), quarantined, futureKeys, migrated, duplicates };
}
