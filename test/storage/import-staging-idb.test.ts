// Staged imports on IndexedDB (fake-indexeddb): batches in one transaction each, removal of an
// unfinished import by key range, and orphans found through the key cursor.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportData } from '../../src/profile/import.ts';
import { IMPORT_BATCH, applyImport } from '../../src/storage/import-apply.ts';
import { createLocalforageProfileStore } from '../../src/storage/localforage-store.ts';
import { eventArb } from '../profile/arbitraries.ts';

function importOf(count: number): ImportData {
  const events = fc.sample(eventArb('old'), count);
  return {
    profile: { id: 'old', name: 'Imported', createdAt: '2024-01-01T00:00:00.000Z' },
    settings: null,
    events: [...new Map(events.map((e) => [e.id, e])).values()],
    quarantined: [],
  };
}

describe('a staged import in IndexedDB (fake-indexeddb)', () => {
  it('writes batches in single transactions, switches in, and removes an unfinished one', async () => {
    const store = createLocalforageProfileStore({ name: 'staging-idb' });
    const data = importOf(IMPORT_BATCH + 3);
    const profile = await applyImport(store, data);
    expect((await store.events(profile.id)).length).toBe(data.events.length);
    await store.staging!.begin('gone');
    await store.staging!.write('gone', data.events.slice(0, 5));
    expect(await store.recoverOrphans!(new Set(['gone']))).toEqual([]);
    await store.staging!.discard('gone');
    expect(await store.staging!.pending()).toEqual([]);
    expect(await store.events('gone')).toEqual([]);
    // an orphan is found through the key-cursor listing of profiles
    await store.staging!.write('lost', data.events.slice(0, 2));
    expect((await store.recoverOrphans!()).map((p) => p.id)).toEqual(['lost']);
    store.close();
  });
});
