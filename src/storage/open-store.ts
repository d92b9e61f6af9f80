// Opening storage and surviving its faults: IndexedDB when it works, memory when it is unavailable,
// and a switch to memory for new writes when it fills up, leaving what is stored untouched.
import { systemClock } from '../core/clock.ts';
import type { CaptureEvent } from '../core/events.ts';
import type {
  ExternalChange,
  Profile,
  QuarantinedRecord,
  SavedPlay,
  StoreStatus,
} from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import { sortEvents } from '../profile/restore.ts';
import type { ClosableProfileStore } from './kv-store.ts';
import { itemKey } from './kv-store.ts';
import { settleImports } from './import-apply.ts';
import { createLocalforageProfileStore, localforageReady } from './localforage-store.ts';
import type { MemoryBacking } from './memory-store.ts';
import { createMemoryBacking, createMemoryProfileStore } from './memory-store.ts';

export const STORAGE_FULL_MESSAGE =
  'Storage is full: nothing new is being kept. What was already stored is safe; delete some data or free space to keep recording.';
export const STORAGE_UNAVAILABLE_MESSAGE =
  'Storage is unavailable in this browser (private mode or blocked): nothing is being kept after this tab closes.';

export interface OpenStoreOptions {
  /** database name (tests use their own) */
  readonly name?: string;
  /** how to reach persistent storage; defaults to localforage on IndexedDB */
  readonly openPersistent?: () => Promise<ClosableProfileStore>;
  /** ids of imports being written in some tab now (default: from the Web Locks held) */
  readonly liveImports?: () => Promise<Set<string>>;
}

/** The store the app uses: persistent when it can be, memory (with a status saying so) when not. */
export async function openProfileStore(
  options: OpenStoreOptions = {},
): Promise<ClosableProfileStore> {
  const name = options.name ?? 'inkreel';
  const openPersistent =
    options.openPersistent ??
    (async () => {
      await localforageReady(name);
      return createLocalforageProfileStore({ name });
    });
  let persistent: ClosableProfileStore;
  try {
    persistent = await openPersistent();
  } catch {
    return withStatus(createMemoryProfileStore(), {
      state: 'unavailable',
      message: STORAGE_UNAVAILABLE_MESSAGE,
    });
  }
  try {
    const writing = persistent.staging
      ? await settleImports(persistent.staging, options.liveImports)
      : new Set<string>();
    await persistent.recoverOrphans?.(writing);
  } catch {
    // a repair that cannot be written now is tried again at the next start
  }
  return createResilientStore(persistent);
}

function withStatus(store: ClosableProfileStore, status: StoreStatus): ClosableProfileStore {
  return { ...store, kind: 'memory', status, onStatusChange: () => () => undefined };
}

/** True for the errors browsers raise when an origin is out of storage. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}

export interface ResilientOptions {
  /** the memory that takes new writes once storage is full (shared between "tabs" in tests) */
  readonly fallback?: MemoryBacking;
  /** how often storage is tried again while full, with nothing else prompting it (ms) */
  readonly retryEveryMs?: number;
  /** the least time between two tries prompted by writes (ms) */
  readonly retryAfterMs?: number;
  /** ms clock */
  readonly now?: () => number;
}

export const STORAGE_RECOVERED_MESSAGE = '';

/**
 * Delegates to `primary` until a write fails for lack of space; from then on new writes go to
 * memory and reads merge both, so play goes on and nothing stored before is touched. While full,
 * storage is tried again after a deletion, on the next write (at most once per `retryAfterMs`)
 * and every `retryEveryMs`: what memory kept meanwhile is written back, and the status returns
 * to ok once all of it is stored.
 */
export function createResilientStore(
  primary: ClosableProfileStore,
  options: ResilientOptions = {},
): ClosableProfileStore {
  const backing = options.fallback ?? createMemoryBacking();
  const memory = createMemoryProfileStore({ backing });
  let status: StoreStatus = { state: 'ok', message: '' };
  const statusListeners = new Set<(status: StoreStatus) => void>();

  const now = options.now ?? (() => systemClock.now());
  const retryAfterMs = options.retryAfterMs ?? 1000;
  const retryEveryMs = options.retryEveryMs ?? 30_000;
  let lastTry = -Infinity;
  let trying: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const full = (): boolean => status.state === 'full';
  function setStatus(next: StoreStatus): void {
    status = next;
    for (const listener of [...statusListeners]) listener(status);
  }
  function becomeFull(): void {
    if (full()) return;
    lastTry = now();
    setStatus({ state: 'full', message: STORAGE_FULL_MESSAGE });
    timer = setInterval(() => void recover(true), retryEveryMs);
    (timer as { unref?: () => void }).unref?.();
  }

  /** Writes what memory kept back to primary, item by item; each one written leaves memory. */
  async function writeBack(): Promise<void> {
    const { areas } = backing;
    const ownerOf = (key: string): string => decodeURIComponent(key.slice(0, key.indexOf('/')));
    if (primary.staging) {
      for (const [id, raw] of [...areas.profiles]) {
        await primary.staging.commit(raw as Profile, null);
        areas.profiles.delete(id);
      }
    }
    for (const [key, raw] of [...areas.events]) {
      await primary.append(raw as CaptureEvent);
      areas.events.delete(key);
    }
    for (const [id, raw] of [...areas.settings]) {
      await primary.putSettings(id, raw as Settings);
      areas.settings.delete(id);
    }
    // a save is a head record `<profile>/<story>` with its decision records `<profile>/<story>/<n>`
    // beneath it: each is moved whole, assembled by the memory store and split again by primary
    const heads = [...areas.saves.keys()].filter((key) => key.split('/').length === 2);
    for (const key of heads) {
      const profileId = ownerOf(key);
      const storyId = decodeURIComponent(key.slice(key.indexOf('/') + 1));
      const save = await memory.getSave(profileId, storyId);
      if (save !== null) await primary.putSave(profileId, save);
      await memory.clearSave(profileId, storyId);
    }
    const active = areas.meta.get('activeProfileId');
    if (typeof active === 'string') {
      await primary.setActiveProfileId(active);
      areas.meta.delete('activeProfileId');
    } else {
      // nothing was kept meanwhile: one small real write tells whether there is room again
      const stored = await primary.getActiveProfileId();
      if (stored !== null) await primary.setActiveProfileId(stored);
    }
  }

  /**
   * Tries storage again while full. `force` (a deletion, the timer) ignores the pause between
   * tries that keeps a truly full disk from being tried on every write.
   */
  function recover(force = false): Promise<void> {
    if (!full()) return Promise.resolve();
    if (trying) return trying;
    if (!force && now() - lastTry < retryAfterMs) return Promise.resolve();
    lastTry = now();
    trying = writeBack()
      .then(() => {
        if (timer !== null) clearInterval(timer);
        timer = null;
        setStatus({ state: 'ok', message: STORAGE_RECOVERED_MESSAGE });
      })
      .catch(() => {
        // still full (or failing): stay on memory; what was written back is kept either way
      })
      .finally(() => {
        trying = null;
      });
    return trying;
  }

  /** Runs a write on primary; on a quota error switches over and runs it on memory instead. */
  async function write<T>(onPrimary: () => Promise<T>, onMemory: () => Promise<T>): Promise<T> {
    if (full()) await recover();
    if (!full()) {
      try {
        return await onPrimary();
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        becomeFull();
      }
    }
    return onMemory();
  }
  /** Removal frees space, so it is tried on primary even when full; a failure there is reported. */
  async function both<T>(onPrimary: () => Promise<T>, onMemory: () => Promise<T>): Promise<[T, T]> {
    const fromMemory = await onMemory();
    const fromPrimary = await onPrimary();
    await recover(true);
    return [fromPrimary, fromMemory];
  }

  const store: ClosableProfileStore = {
    get kind() {
      return full() ? 'memory' : primary.kind;
    },
    get status() {
      return status;
    },
    onStatusChange(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onExternalChange(listener: (change: ExternalChange) => void) {
      const offPrimary = primary.onExternalChange(listener);
      const offMemory = memory.onExternalChange(listener);
      return () => {
        offPrimary();
        offMemory();
      };
    },
    close() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      primary.close();
      memory.close();
    },
    recoverOrphans: (skip) => primary.recoverOrphans?.(skip) ?? Promise.resolve([]),
    // An import always goes to the persistent store, even while new picks go to memory: it is
    // all or nothing there, and a quota error only fails the import, with nothing left behind.
    staging: primary.staging && {
      ...primary.staging,
      write: async (profileId, events) => {
        try {
          await primary.staging!.write(profileId, events);
        } catch (error) {
          if (!isQuotaError(error)) throw error;
          throw new Error('storage is full, so the import does not fit', { cause: error });
        }
      },
    },

    async listProfiles(): Promise<Profile[]> {
      const byId = new Map<string, Profile>();
      for (const p of await primary.listProfiles()) byId.set(p.id, p);
      for (const p of await memory.listProfiles()) byId.set(p.id, p);
      return [...byId.values()].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    },
    createProfile: (name) =>
      write(
        () => primary.createProfile(name),
        () => memory.createProfile(name),
      ),
    async renameProfile(id, name) {
      await write(
        () => primary.renameProfile(id, name),
        async () => {
          const known = (await store.listProfiles()).find((p) => p.id === id);
          if (!known) throw new Error(`No profile ${id}`);
          backing.areas.profiles.set(id, { ...known, name });
        },
      );
    },
    async deleteProfile(id) {
      await both(
        () => primary.deleteProfile(id),
        () => memory.deleteProfile(id),
      );
    },
    async getActiveProfileId() {
      return backing.areas.meta.has('activeProfileId')
        ? memory.getActiveProfileId()
        : primary.getActiveProfileId();
    },
    setActiveProfileId: (id) =>
      write(
        () => primary.setActiveProfileId(id),
        () => memory.setActiveProfileId(id),
      ),

    append: (event: CaptureEvent) =>
      write(
        () => primary.append(event),
        () => memory.append(event),
      ),
    async events(profileId) {
      const stored = await primary.events(profileId);
      if (!full() && backing.areas.events.size === 0) return stored;
      const seen = new Set(stored.map((e) => e.id));
      const extra = (await memory.events(profileId)).filter((e) => !seen.has(e.id));
      return sortEvents([...stored, ...extra]);
    },
    async deleteEvents(profileId, ids) {
      const [a, b] = await both(
        () => primary.deleteEvents(profileId, ids),
        () => memory.deleteEvents(profileId, ids),
      );
      return a + b;
    },
    async quarantined(profileId): Promise<QuarantinedRecord[]> {
      return [...(await primary.quarantined(profileId)), ...(await memory.quarantined(profileId))];
    },

    async getSave(profileId, storyId): Promise<SavedPlay | null> {
      if (backing.areas.saves.has(itemKey(profileId, storyId))) {
        return memory.getSave(profileId, storyId);
      }
      return primary.getSave(profileId, storyId);
    },
    putSave: (profileId, save) =>
      write(
        () => primary.putSave(profileId, save),
        () => memory.putSave(profileId, save),
      ),
    async clearSave(profileId, storyId) {
      await both(
        () => primary.clearSave(profileId, storyId),
        () => memory.clearSave(profileId, storyId),
      );
    },

    async getSettings(profileId): Promise<Settings> {
      return backing.areas.settings.has(profileId)
        ? memory.getSettings(profileId)
        : primary.getSettings(profileId);
    },
    putSettings: (profileId, settings) =>
      write(
        () => primary.putSettings(profileId, settings),
        () => memory.putSettings(profileId, settings),
      ),
  };
  return store;
}
