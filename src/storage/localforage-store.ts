// The persistent ProfileStore: IndexedDB through localforage, one instance per concern, and a
// BroadcastChannel so other tabs on the same profile know to reload.
import localforage from 'localforage';
import type { ExternalChange } from '../core/ports.ts';
import type { StoredRecord } from '../profile/restore.ts';
import type { ClosableProfileStore, KvArea, KvBackend, KvStoreOptions } from './kv-store.ts';
import { createKvProfileStore } from './kv-store.ts';

export type LocalforageProfileStore = ClosableProfileStore;

export interface LocalforageStoreOptions extends KvStoreOptions {
  /** database name; tests use a fresh one each */
  readonly name?: string;
  /** restricts localforage to these drivers (e.g. [localforage.INDEXEDDB]) */
  readonly drivers?: readonly string[];
}

function forageArea(instance: LocalForage): KvArea {
  return {
    // localforage gives null for a missing key; the store contract uses undefined for "absent".
    get: async (key) => (await instance.getItem<unknown>(key)) ?? undefined,
    set: async (key, value) => {
      await instance.setItem(key, value);
    },
    remove: (key) => instance.removeItem(key),
    entries: async (prefix) => {
      await instance.ready();
      if (instance.driver() === localforage.INDEXEDDB && typeof indexedDB !== 'undefined') {
        const config = instance.config();
        const fast = await readRange(String(config.name), String(config.storeName), prefix);
        if (fast) return fast;
      }
      const out: StoredRecord[] = [];
      await instance.iterate<unknown, void>((raw, key) => {
        if (key.startsWith(prefix)) out.push({ key, raw });
      });
      return out;
    },
    values: async (prefix) => {
      await instance.ready();
      if (instance.driver() !== localforage.INDEXEDDB || typeof indexedDB === 'undefined')
        return null;
      const config = instance.config();
      return readValues(String(config.name), String(config.storeName), prefix);
    },
    keys: async (prefix) => (await instance.keys()).filter((key) => key.startsWith(prefix)),
    prefixes: async () => {
      const fast = await onRawStore(instance, 'readonly', listPrefixes);
      if (fast !== null) return fast;
      const keys = await instance.keys();
      return [...new Set(keys.map((key) => key.slice(0, key.indexOf('/') + 1)))];
    },
    setMany: async (entries) => {
      const done = await onRawStore(instance, 'readwrite', async (store) => {
        for (const [key, value] of entries) store.put(value, key);
        return Promise.resolve(true);
      });
      if (done === null) for (const [key, value] of entries) await instance.setItem(key, value);
    },
    removePrefix: async (prefix) => {
      const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
      const done = await onRawStore(instance, 'readwrite', async (store) => {
        store.delete(range);
        return Promise.resolve(true);
      });
      if (done === null) {
        for (const key of await instance.keys()) {
          if (key.startsWith(prefix)) await instance.removeItem(key);
        }
      }
    },
  };
}

// Bulk work (an import's batches, removing an unfinished one, listing profiles) goes to
// IndexedDB directly, in one transaction per call, where localforage would open one per record.
// localforage stores plain values under plain string keys on this driver, so what is written
// here is exactly what it would write. Resolves to null when the fast path is unavailable.
async function onRawStore<T>(
  instance: LocalForage,
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => Promise<T>,
): Promise<T | null> {
  await instance.ready();
  if (instance.driver() !== localforage.INDEXEDDB || typeof indexedDB === 'undefined') return null;
  const config = instance.config();
  let db: IDBDatabase;
  try {
    db = await request(indexedDB.open(String(config.name)));
  } catch {
    return null;
  }
  db.onversionchange = () => db.close();
  try {
    const storeName = String(config.storeName);
    if (!db.objectStoreNames.contains(storeName)) return null;
    const tx = db.transaction(storeName, mode);
    const finished = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
    const result = await work(tx.objectStore(storeName));
    await finished;
    return result;
  } finally {
    db.close();
  }
}

/** The distinct `<profile>/` prefixes of a store's keys: one cursor step per profile. */
function listPrefixes(store: IDBObjectStore): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const found: string[] = [];
    const cursor = store.openKeyCursor();
    cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB cursor failed'));
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return resolve(found);
      const key = at.key;
      const slash = typeof key === 'string' ? key.indexOf('/') : -1;
      if (typeof key !== 'string' || slash < 0) return at.continue();
      const prefix = key.slice(0, slash + 1);
      found.push(prefix);
      // '/' + 1 is '0': the next key after every key of this prefix
      at.continue(`${key.slice(0, slash)}0`);
    };
  });
}

/**
 * Runs `read` on the profile's key range of localforage's object store, opened read-only on a
 * connection of its own; null when that is not possible (no such database or store, an error),
 * so the caller falls back to localforage's own iterate().
 */
async function inRange<T>(
  name: string,
  storeName: string,
  prefix: string,
  read: (store: IDBObjectStore, range: IDBKeyRange | undefined) => Promise<T | null>,
): Promise<T | null> {
  let db: IDBDatabase;
  try {
    db = await request(indexedDB.open(name));
  } catch {
    return null;
  }
  // Never hold up a version upgrade that localforage (in this or another tab) asks for.
  db.onversionchange = () => db.close();
  try {
    if (!db.objectStoreNames.contains(storeName)) return null;
    const store = db.transaction(storeName, 'readonly').objectStore(storeName);
    const range = prefix === '' ? undefined : IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    return await read(store, range);
  } catch {
    return null;
  } finally {
    db.close();
  }
}

// Loading a long log through localforage's cursor costs one round trip per record; IndexedDB's
// getAll over the profile's key range reads it in two requests. localforage writes plain values
// under plain string keys on this driver, so the records read here are exactly what it stored.
// Returns null when the fast path is unavailable, so the caller falls back to iterate().
function readRange(
  name: string,
  storeName: string,
  prefix: string,
): Promise<StoredRecord[] | null> {
  return inRange(name, storeName, prefix, async (store, range) => {
    const [keys, values] = await Promise.all([
      request(store.getAllKeys(range)),
      request<unknown[]>(store.getAll(range)),
    ]);
    if (keys.length !== values.length) return null;
    const out: StoredRecord[] = [];
    for (const [i, key] of keys.entries()) {
      if (typeof key !== 'string') return null;
      out.push({ key, raw: values[i] });
    }
    return out;
  });
}

/**
 * The values readRange reads, without their keys: one getAll over the range. Keys cost a second
 * request (about 150 ms for 100 000 in Chromium) that a log with nothing to quarantine never needs.
 */
function readValues(name: string, storeName: string, prefix: string): Promise<unknown[] | null> {
  return inRange(name, storeName, prefix, (store, range) =>
    request<unknown[]>(store.getAll(range)),
  );
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

const AREAS = ['profiles', 'meta', 'events', 'quarantine', 'saves', 'settings'] as const;

export function createLocalforageProfileStore(
  options: LocalforageStoreOptions = {},
): LocalforageProfileStore {
  const name = options.name ?? 'inkreel';
  const instances = Object.fromEntries(
    AREAS.map((storeName) => {
      const instance = localforage.createInstance({ name, storeName });
      if (options.drivers) void instance.setDriver([...options.drivers]).catch(() => undefined);
      return [storeName, instance];
    }),
  ) as Record<(typeof AREAS)[number], LocalForage>;

  const channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(`inkreel:${name}`) : null;
  // Node keeps a process alive for an open channel; a browser tab does not care.
  (channel as { unref?: () => void } | null)?.unref?.();
  const listeners = new Set<(change: ExternalChange) => void>();
  if (channel) {
    channel.onmessage = (message: MessageEvent<unknown>) => {
      const data = message.data as Partial<ExternalChange> | null;
      const profileId = typeof data?.profileId === 'string' ? data.profileId : null;
      for (const listener of listeners) listener({ profileId });
    };
  }

  const backend: KvBackend = {
    kind: 'persistent',
    profiles: forageArea(instances.profiles),
    meta: forageArea(instances.meta),
    events: forageArea(instances.events),
    quarantine: forageArea(instances.quarantine),
    saves: forageArea(instances.saves),
    settings: forageArea(instances.settings),
    broadcast: (change) => channel?.postMessage(change),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel?.close(),
  };
  return createKvProfileStore(backend, options);
}

/** Resolves when localforage has a working driver for this database, rejects otherwise. */
export async function localforageReady(name = 'inkreel'): Promise<void> {
  const probe = localforage.createInstance({ name, storeName: 'meta' });
  await probe.ready();
  await probe.setItem('probe', 1);
  await probe.removeItem('probe');
}
