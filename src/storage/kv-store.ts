// ProfileStore over a small key-value backend, shared by the memory and localforage stores so both
// keep exactly the same layout and rules. One key per event: appends never rewrite a growing list,
// so two tabs appending at once cannot overwrite each other and no lock is needed.
import { systemClock } from '../core/clock.ts';
import * as v from 'valibot';
import type { CaptureEvent } from '../core/events.ts';
import type {
  ExternalChange,
  Profile,
  ProfileStore,
  QuarantinedRecord,
  SavedPlay,
  StoreStatus,
} from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import { DEFAULT_SETTINGS } from '../core/settings.ts';
import {
  describeIssues,
  profileSchema,
  savedPlaySchema,
  settingsSchema,
} from '../profile/capture-schema.ts';
import type { StoredRecord } from '../profile/restore.ts';
import {
  RECOVERED_NAME,
  restoreEvent,
  restoreProfile,
  restoreRecords,
} from '../profile/restore.ts';
import {
  assembleSave,
  saveHeadSchema,
  saveTurnSchema,
  splitSave,
  turnKey,
  type SaveTurnRecord,
} from './save-records.ts';

/** One concern's key space (a localforage instance, or a Map in memory). */
export interface KvArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** every record whose key starts with prefix, in key order */
  entries(prefix: string): Promise<StoredRecord[]>;
  keys(prefix: string): Promise<string[]>;
  /**
   * the values of `entries(prefix)` without their keys, in the same order, where the backend reads
   * them cheaper so (IndexedDB: no second request for 100 000 keys); null when it cannot
   */
  values?(prefix: string): Promise<unknown[] | null>;
  /** the distinct `<profile>/` prefixes of the keys, when the backend can list them cheaply */
  prefixes?(): Promise<string[]>;
  /** writes many records at once (one transaction where the backend has them) */
  setMany?(entries: readonly (readonly [string, unknown])[]): Promise<void>;
  /** removes every record whose key starts with prefix (one request where the backend can) */
  removePrefix?(prefix: string): Promise<void>;
}

export interface KvBackend {
  readonly kind: 'persistent' | 'memory';
  readonly profiles: KvArea;
  readonly meta: KvArea;
  readonly events: KvArea;
  readonly quarantine: KvArea;
  readonly saves: KvArea;
  readonly settings: KvArea;
  /** tell other tabs (not this one) that something changed */
  broadcast(change: ExternalChange): void;
  /** listen to other tabs; returns an unsubscribe */
  subscribe(listener: (change: ExternalChange) => void): () => void;
  close(): void;
}

export interface KvStoreOptions {
  readonly now?: () => Date;
  readonly newId?: () => string;
}

/** A ProfileStore that also owns resources (a BroadcastChannel) to release when done. */
export interface ClosableProfileStore extends ProfileStore {
  readonly status: StoreStatus;
  onStatusChange(listener: (status: StoreStatus) => void): () => void;
  onExternalChange(listener: (change: ExternalChange) => void): () => void;
  close(): void;
  /**
   * Start-up repair: events whose profile has no record (a record lost or removed, events
   * orphaned) get a recovered profile so they can be seen, exported and deleted. Ids in `skip`
   * (an import still being written) are left alone. Resolves to the profiles recovered.
   */
  recoverOrphans?(skip?: ReadonlySet<string>): Promise<Profile[]>;
  /** where imports are written before they are switched in */
  readonly staging?: ImportStaging;
}

/**
 * An import written where no list shows it, switched in with one final write. Its events are
 * stored under the new profile's id while that id has no profile record, and a marker in meta
 * says an import is under way; the commit writes the profile record, which is what makes the
 * profile exist. A tab closed before the commit leaves a marker without a record: start-up
 * removes the lot (openProfileStore).
 */
export interface ImportStaging {
  /** marks `profileId` as an import under way */
  begin(profileId: string): Promise<void>;
  /** stores one batch of the import's events (already validated; profileId is rewritten) */
  write(profileId: string, events: readonly CaptureEvent[]): Promise<void>;
  /** settings, then the profile record: from here on the profile exists */
  commit(profile: Profile, settings: Settings | null): Promise<void>;
  /** removes everything an unfinished import wrote */
  discard(profileId: string): Promise<void>;
  /** ids of imports marked as under way (live in another tab, or abandoned) */
  pending(): Promise<string[]>;
}

const STAGING_PREFIX = 'import-under-way:';

const ACTIVE_KEY = 'activeProfileId';
const OK: StoreStatus = { state: 'ok', message: '' };

/** Keys are `<profile>/<item>`; both parts are encoded so a `/` in an id cannot cross profiles. */
export function profilePrefix(profileId: string): string {
  return `${encodeURIComponent(profileId)}/`;
}
export function itemKey(profileId: string, item: string): string {
  return `${profilePrefix(profileId)}${encodeURIComponent(item)}`;
}

interface StoredQuarantine {
  readonly key: string;
  readonly reason: string;
  readonly raw: unknown;
}

function readQuarantine(record: StoredRecord): QuarantinedRecord {
  const value = record.raw;
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as StoredQuarantine).key === 'string' &&
    typeof (value as StoredQuarantine).reason === 'string'
  ) {
    const q = value as StoredQuarantine;
    return { key: q.key, reason: q.reason, raw: q.raw };
  }
  return { key: record.key, reason: 'unreadable quarantine entry', raw: value };
}

export function createKvProfileStore(
  backend: KvBackend,
  options: KvStoreOptions = {},
): ClosableProfileStore {
  const now = options.now ?? (() => new Date(systemClock.isoNow()));
  const newId = options.newId ?? (() => crypto.randomUUID());
  /** per save head key, the JSON of each turn record this store last wrote or found stored */
  const written = new Map<string, string[]>();

  /** events() reads in flight, by profile: quarantined() joins one rather than reading it all again */
  const reading = new Map<string, ReturnType<typeof load>>();

  /** Loads a profile's events, moving unreadable records aside (copy first, then remove). */
  async function load(
    profileId: string,
  ): Promise<{ events: CaptureEvent[]; future: QuarantinedRecord[] }> {
    const prefix = profilePrefix(profileId);
    // The keys only name records to move aside: read the values alone, and read keys and values
    // again together (one snapshot) only when a record has to be quarantined.
    const values = backend.events.values ? await backend.events.values(prefix) : null;
    if (values) {
      const quick = restoreRecords(
        values.map((raw) => ({ key: prefix, raw })),
        { profileId },
      );
      if (quick.quarantined.length === 0) return { events: quick.events, future: [] };
    }
    const records = await backend.events.entries(prefix);
    const result = restoreRecords(records, { profileId });
    const future = new Set(result.futureKeys);
    for (const q of result.quarantined) {
      if (future.has(q.key)) continue;
      const aside: StoredQuarantine = { key: q.key, reason: q.reason, raw: q.raw };
      await backend.quarantine.set(q.key, aside);
      await backend.events.remove(q.key);
    }
    return { events: result.events, future: result.quarantined.filter((q) => future.has(q.key)) };
  }

  /**
   * Writes a repaired profile record back and keeps the original aside in the profile's own
   * quarantine, so the report lists it and the export carries it. A failed write leaves the
   * repair to the next read; the profile is listed either way.
   */
  async function repairProfile(
    key: string,
    raw: unknown,
    restored: { profile: Profile; repairs: readonly string[] },
  ): Promise<void> {
    const aside: StoredQuarantine = {
      key: `profiles/${key}`,
      reason: `profile record repaired: ${restored.repairs.join('; ')}`,
      raw,
    };
    try {
      await backend.quarantine.set(itemKey(key, `profile-record ${now().toISOString()}`), aside);
      await backend.profiles.set(key, restored.profile);
    } catch {
      // storage refused: the repaired profile is still shown, and the repair is tried again
    }
  }

  const store: ClosableProfileStore = {
    kind: backend.kind,
    status: OK,
    onStatusChange: () => () => undefined,
    onExternalChange: (listener) => backend.subscribe(listener),
    close: () => backend.close(),

    async listProfiles(): Promise<Profile[]> {
      const records = await backend.profiles.entries('');
      const profiles: Profile[] = [];
      for (const { key, raw } of records) {
        const restored = restoreProfile(key, raw, now);
        if (!restored.ok) continue;
        profiles.push(restored.profile);
        if (restored.repairs.length > 0) await repairProfile(key, raw, restored);
      }
      return profiles.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    },

    async recoverOrphans(skip: ReadonlySet<string> = new Set()): Promise<Profile[]> {
      const known = new Set((await backend.profiles.keys('')).map((k) => k));
      const prefixes = backend.events.prefixes
        ? await backend.events.prefixes()
        : [...new Set((await backend.events.keys('')).map((k) => k.slice(0, k.indexOf('/') + 1)))];
      const recovered: Profile[] = [];
      for (const prefix of prefixes) {
        let id: string;
        try {
          id = decodeURIComponent(prefix.slice(0, -1));
        } catch {
          continue;
        }
        if (id === '' || known.has(id) || skip.has(id)) continue;
        const events = await backend.events.keys(profilePrefix(id));
        const profile: Profile = {
          id,
          name: `${RECOVERED_NAME} (${events.length} events)`,
          createdAt: now().toISOString(),
        };
        await backend.profiles.set(id, profile);
        recovered.push(profile);
      }
      if (recovered.length > 0) backend.broadcast({ profileId: null });
      return recovered;
    },

    staging: {
      async begin(profileId) {
        await backend.meta.set(`${STAGING_PREFIX}${profileId}`, { startedAt: now().toISOString() });
      },
      async write(profileId, events) {
        const entries = events.map(
          (event) => [itemKey(profileId, event.id), { ...event, profileId }] as const,
        );
        if (backend.events.setMany) await backend.events.setMany(entries);
        else for (const [key, value] of entries) await backend.events.set(key, value);
      },
      async commit(profile, settings) {
        if (settings) await backend.settings.set(profile.id, settings);
        await backend.profiles.set(profile.id, profile);
        await backend.meta.remove(`${STAGING_PREFIX}${profile.id}`);
        backend.broadcast({ profileId: null });
      },
      async discard(profileId) {
        if ((await backend.profiles.get(profileId)) === undefined) {
          const prefix = profilePrefix(profileId);
          if (backend.events.removePrefix) await backend.events.removePrefix(prefix);
          else
            for (const key of await backend.events.keys(prefix)) await backend.events.remove(key);
          await backend.settings.remove(profileId);
        }
        await backend.meta.remove(`${STAGING_PREFIX}${profileId}`);
      },
      async pending() {
        const keys = await backend.meta.keys(STAGING_PREFIX);
        return keys.map((key) => key.slice(STAGING_PREFIX.length));
      },
    },

    async createProfile(name: string): Promise<Profile> {
      const profile: Profile = { id: newId(), name, createdAt: now().toISOString() };
      await backend.profiles.set(profile.id, profile);
      backend.broadcast({ profileId: null });
      return profile;
    },

    async renameProfile(id: string, name: string): Promise<void> {
      const parsed = v.safeParse(profileSchema, await backend.profiles.get(id));
      if (!parsed.success) throw new Error(`No profile ${id}`);
      await backend.profiles.set(id, { ...parsed.output, name });
      backend.broadcast({ profileId: null });
    },

    async deleteProfile(id: string): Promise<void> {
      const prefix = profilePrefix(id);
      // Events go first so a crash half-way never leaves events without a visible profile entry.
      for (const key of written.keys()) if (key.startsWith(prefix)) written.delete(key);
      for (const area of [backend.events, backend.quarantine, backend.saves]) {
        for (const key of await area.keys(prefix)) await area.remove(key);
      }
      await backend.settings.remove(id);
      await backend.profiles.remove(id);
      if ((await backend.meta.get(ACTIVE_KEY)) === id) await backend.meta.remove(ACTIVE_KEY);
      backend.broadcast({ profileId: null });
    },

    async getActiveProfileId(): Promise<string | null> {
      const id = await backend.meta.get(ACTIVE_KEY);
      return typeof id === 'string' ? id : null;
    },

    async setActiveProfileId(id: string): Promise<void> {
      await backend.meta.set(ACTIVE_KEY, id);
      backend.broadcast({ profileId: null });
    },

    async append(event: CaptureEvent): Promise<void> {
      const checked = restoreEvent(event);
      if (!checked.ok) throw new Error(`Refusing to store an invalid event: ${checked.reason}`);
      const key = itemKey(event.profileId, event.id);
      // First write wins: a retried append of the same id never replaces what is stored.
      if ((await backend.events.get(key)) !== undefined) return;
      await backend.events.set(key, checked.event);
      backend.broadcast({ profileId: event.profileId });
    },

    async events(profileId: string): Promise<CaptureEvent[]> {
      const loading = load(profileId);
      reading.set(profileId, loading);
      void loading.then(forget, forget);
      function forget(): void {
        if (reading.get(profileId) === loading) reading.delete(profileId);
      }
      return (await loading).events;
    },

    async deleteEvents(profileId: string, ids: readonly string[]): Promise<number> {
      let deleted = 0;
      for (const id of new Set(ids)) {
        const key = itemKey(profileId, id);
        if ((await backend.events.get(key)) === undefined) continue;
        await backend.events.remove(key);
        deleted += 1;
      }
      if (deleted > 0) backend.broadcast({ profileId });
      return deleted;
    },

    async quarantined(profileId: string): Promise<QuarantinedRecord[]> {
      // asked beside events() (the report does), it shares that read instead of a second one
      const { future } = await (reading.get(profileId) ?? load(profileId));
      const aside = await backend.quarantine.entries(profilePrefix(profileId));
      return [...aside.map(readQuarantine), ...future];
    },

    async getSave(profileId: string, storyId: string): Promise<SavedPlay | null> {
      const key = itemKey(profileId, storyId);
      const stored = await backend.saves.get(key);
      const whole = v.safeParse(savedPlaySchema, stored);
      if (whole.success) return whole.output;
      const head = v.safeParse(saveHeadSchema, stored);
      if (!head.success) return null;
      const records: SaveTurnRecord[] = [];
      for (let i = 0; i < head.output.turnCount; i++) {
        const turn = v.safeParse(saveTurnSchema, await backend.saves.get(turnKey(key, i)));
        // a save missing a decision cannot be resumed faithfully: play starts afresh instead
        if (!turn.success) return null;
        records.push(turn.output);
      }
      return assembleSave(head.output, records);
    },

    async putSave(profileId: string, save: SavedPlay): Promise<void> {
      const parsed = v.safeParse(savedPlaySchema, save);
      if (!parsed.success)
        throw new Error(`Refusing to store an invalid save: ${describeIssues(parsed.issues)}`);
      const key = itemKey(profileId, save.storyId);
      const split = splitSave(parsed.output);
      if (split === null) {
        written.delete(key);
        await backend.saves.set(key, parsed.output);
        return;
      }
      // Turn records first, the head last: until the head is written the previous save stands.
      const known = written.get(key);
      const now: string[] = [];
      for (const [i, record] of split.turns.entries()) {
        const json = JSON.stringify(record);
        now.push(json);
        if (known?.[i] === json) continue;
        // not written by this store yet: what is stored may already be it (a resumed playthrough)
        if (known === undefined) {
          const stored: unknown = await backend.saves.get(turnKey(key, i));
          if (stored !== undefined && JSON.stringify(stored) === json) continue;
        }
        await backend.saves.set(turnKey(key, i), record);
      }
      // records beyond turnCount (after a rewind) stay until overwritten or cleared; keep what we
      // know of them so an unchanged one is not rewritten
      written.set(key, [...now, ...(known?.slice(now.length) ?? [])]);
      await backend.saves.set(key, split.head);
    },

    async clearSave(profileId: string, storyId: string): Promise<void> {
      const key = itemKey(profileId, storyId);
      written.delete(key);
      for (const turn of await backend.saves.keys(`${key}/`)) await backend.saves.remove(turn);
      await backend.saves.remove(key);
    },

    async getSettings(profileId: string): Promise<Settings> {
      return readSettings(await backend.settings.get(profileId));
    },

    async putSettings(profileId: string, settings: Settings): Promise<void> {
      const parsed = v.safeParse(settingsSchema, settings);
      if (!parsed.success) throw new Error(`Invalid settings: ${describeIssues(parsed.issues)}`);
      await backend.settings.set(profileId, parsed.output);
      backend.broadcast({ profileId: null });
    },
  };
  return store;
}

/** Stored settings field by field over the defaults: one bad field never resets the others. */
export function readSettings(stored: unknown): Settings {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_SETTINGS;
  const record = stored as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!(key in record)) continue;
    const field = settingsSchema.entries[key];
    const parsed = v.safeParse(field, record[key]);
    if (parsed.success) merged[key] = parsed.output;
  }
  return v.parse(settingsSchema, merged);
}
