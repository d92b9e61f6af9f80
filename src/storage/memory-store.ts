// The in-memory ProfileStore: tests, incognito play and the fallback when storage fails.
import type { ExternalChange } from '../core/ports.ts';
import type { StoredRecord } from '../profile/restore.ts';
import type { ClosableProfileStore, KvArea, KvBackend, KvStoreOptions } from './kv-store.ts';
import { createKvProfileStore } from './kv-store.ts';

export type MemoryProfileStore = ClosableProfileStore;

/** What a memory store keeps. Share one between two stores to stand in for two tabs. */
export interface MemoryBacking {
  readonly areas: Readonly<Record<AreaName, Map<string, unknown>>>;
  readonly listeners: Set<(change: ExternalChange, from: object) => void>;
}

type AreaName = 'profiles' | 'meta' | 'events' | 'quarantine' | 'saves' | 'settings';

export function createMemoryBacking(): MemoryBacking {
  return {
    areas: {
      profiles: new Map(),
      meta: new Map(),
      events: new Map(),
      quarantine: new Map(),
      saves: new Map(),
      settings: new Map(),
    },
    listeners: new Set(),
  };
}

// Values are cloned in and out, as IndexedDB does, so a caller mutating an object cannot
// change what is stored.
function mapArea(map: Map<string, unknown>): KvArea {
  return {
    get: (key) => Promise.resolve(map.has(key) ? structuredClone(map.get(key)) : undefined),
    set: (key, value) => {
      map.set(key, structuredClone(value));
      return Promise.resolve();
    },
    remove: (key) => {
      map.delete(key);
      return Promise.resolve();
    },
    entries: (prefix) => {
      const out: StoredRecord[] = [];
      for (const [key, raw] of map) {
        if (key.startsWith(prefix)) out.push({ key, raw: structuredClone(raw) });
      }
      return Promise.resolve(out);
    },
    keys: (prefix) => Promise.resolve([...map.keys()].filter((key) => key.startsWith(prefix))),
    setMany: (entries) => {
      for (const [key, value] of entries) map.set(key, structuredClone(value));
      return Promise.resolve();
    },
    removePrefix: (prefix) => {
      for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
      return Promise.resolve();
    },
  };
}

export interface MemoryStoreOptions extends KvStoreOptions {
  readonly backing?: MemoryBacking;
}

export function createMemoryProfileStore(options: MemoryStoreOptions = {}): MemoryProfileStore {
  const backing = options.backing ?? createMemoryBacking();
  const self = {};
  const own = new Set<(change: ExternalChange) => void>();
  const relay = (change: ExternalChange, from: object): void => {
    if (from === self) return;
    for (const listener of own) listener(change);
  };
  backing.listeners.add(relay);
  const backend: KvBackend = {
    kind: 'memory',
    profiles: mapArea(backing.areas.profiles),
    meta: mapArea(backing.areas.meta),
    events: mapArea(backing.areas.events),
    quarantine: mapArea(backing.areas.quarantine),
    saves: mapArea(backing.areas.saves),
    settings: mapArea(backing.areas.settings),
    broadcast: (change) => {
      for (const listener of [...backing.listeners]) listener(change, self);
    },
    subscribe: (listener) => {
      own.add(listener);
      return () => own.delete(listener);
    },
    close: () => backing.listeners.delete(relay),
  };
  return createKvProfileStore(backend, options);
}
