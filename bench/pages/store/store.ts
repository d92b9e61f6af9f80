// Bench page: the app's ProfileStore (src/storage/open-store.ts) on Chromium's real IndexedDB,
// with seeding and timing functions on `window.inkreelBench` for bench/browser.ts to call.
import { openProfileStore } from '../../../src/storage/open-store.ts';
import { itemKey } from '../../../src/storage/kv-store.ts';
import { restoreRecords } from '../../../src/profile/restore.ts';
import { syntheticEvents } from '../../events.ts';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Writes events straight into localforage's object store (as it stores them), in big batches. */
async function rawSeed(
  dbName: string,
  profileId: string,
  count: number,
  seed: number,
): Promise<void> {
  const events = syntheticEvents(profileId, count, seed);
  const db = await request(indexedDB.open(dbName));
  try {
    for (let i = 0; i < events.length; i += 10_000) {
      const tx = db.transaction('events', 'readwrite');
      const store = tx.objectStore('events');
      for (const e of events.slice(i, i + 10_000)) store.put(e, itemKey(profileId, e.id));
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('seeding failed'));
      });
    }
  } finally {
    db.close();
  }
}

/** Opens (or creates) database `name` with one profile and `count` events; returns the profile id. */
async function seed(name: string, count: number, seedNo = 1): Promise<string> {
  const store = await openProfileStore({ name });
  const profile = await store.createProfile('Bench');
  await store.setActiveProfileId(profile.id);
  // one real append makes localforage create the events store before the raw batch
  const [first] = syntheticEvents(profile.id, 1, 999);
  if (first) await store.append({ ...first, id: 'warm' });
  store.close();
  if (count > 1) await rawSeed(name, profile.id, count - 1, seedNo);
  return profile.id;
}

/** ms for each of `runs` loads of all the profile's events, each with a freshly opened store. */
async function load(name: string, profileId: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const store = await openProfileStore({ name });
    const t = performance.now();
    const events = await store.events(profileId);
    out.push(performance.now() - t);
    store.close();
    if (events.length === 0) throw new Error('no events loaded');
  }
  return out;
}

/** ms of each of `count` appends, one after another, on a store holding the seeded profile. */
async function appendLatency(name: string, profileId: string, count: number): Promise<number[]> {
  const store = await openProfileStore({ name });
  const events = syntheticEvents(profileId, count, 4242).map((e) => ({ ...e, id: `a-${e.id}` }));
  const out: number[] = [];
  for (const e of events) {
    const t = performance.now();
    await store.append(e);
    out.push(performance.now() - t);
  }
  store.close();
  return out;
}

async function clear(name: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** Where a load's time goes: IndexedDB's getAll of the profile's range, then checking and sorting. */
async function breakdown(
  name: string,
  profileId: string,
): Promise<{ read: number; restore: number }> {
  const db = await request(indexedDB.open(name));
  try {
    const t0 = performance.now();
    const store = db.transaction('events', 'readonly').objectStore('events');
    const prefix = itemKey(profileId, '');
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const [keys, values] = await Promise.all([
      request(store.getAllKeys(range)),
      request<unknown[]>(store.getAll(range)),
    ]);
    const t1 = performance.now();
    restoreRecords(
      keys.map((key, i) => ({ key: typeof key === 'string' ? key : '', raw: values[i] })),
      { profileId },
    );
    return { read: t1 - t0, restore: performance.now() - t1 };
  } finally {
    db.close();
  }
}

const api = { seed, load, appendLatency, clear, breakdown };
(window as unknown as { inkreelBench: typeof api }).inkreelBench = api;
export type StoreBenchApi = typeof api;
document.title = 'bench: profile store ready';
