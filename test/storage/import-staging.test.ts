// Imports are staged and switched in with one write: progress by batch, cancel and failures leave
// nothing, and a tab closed mid-import leaves nothing after the next start-up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/core/events.ts';
import type { ImportData } from '../../src/profile/import.ts';
import { IMPORT_BATCH, applyImport } from '../../src/storage/import-apply.ts';
import { createMemoryBacking, createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import type { MemoryBacking } from '../../src/storage/memory-store.ts';
import { openProfileStore } from '../../src/storage/open-store.ts';
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

const empty = (backing: MemoryBacking): boolean =>
  Object.values(backing.areas).every((area) => area.size === 0);

describe('a staged import', () => {
  it('reports progress per batch and shows no profile until the final write', async () => {
    const backing = createMemoryBacking();
    const store = createMemoryProfileStore({ backing });
    const data = importOf(IMPORT_BATCH * 2 + 7);
    const seen: [number, number][] = [];
    const profile = await applyImport(store, data, {
      onProgress: (done, total) => {
        seen.push([done, total]);
        // while it is written, no list shows it
        expect(backing.areas.profiles.size).toBe(0);
      },
    });
    const total = data.events.length;
    expect(seen).toEqual([
      [0, total],
      [IMPORT_BATCH, total],
      [IMPORT_BATCH * 2, total],
      [total, total],
    ]);
    expect((await store.listProfiles()).map((p) => p.id)).toEqual([profile.id]);
    expect((await store.events(profile.id)).length).toBe(total);
    expect(await store.staging!.pending()).toEqual([]);
  });

  it('leaves nothing behind when cancelled part-way', async () => {
    const backing = createMemoryBacking();
    const store = createMemoryProfileStore({ backing });
    const abort = new AbortController();
    const run = applyImport(store, importOf(IMPORT_BATCH * 3), {
      signal: abort.signal,
      onProgress: (done) => {
        if (done >= IMPORT_BATCH) abort.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(empty(backing)).toBe(true);
  });

  it('leaves nothing behind when a batch fails to write', async () => {
    const backing = createMemoryBacking();
    const inner = createMemoryProfileStore({ backing });
    let batches = 0;
    const flaky = {
      ...inner,
      staging: {
        ...inner.staging!,
        write: (id: string, events: readonly CaptureEvent[]) =>
          ++batches > 1 ? Promise.reject(new Error('disk')) : inner.staging!.write(id, events),
      },
    };
    await expect(applyImport(flaky, importOf(IMPORT_BATCH * 2))).rejects.toThrow('disk');
    expect(empty(backing)).toBe(true);
  });

  it('is removed at the next start-up when the tab closed before the switch', async () => {
    const backing = createMemoryBacking();
    const tab = createMemoryProfileStore({ backing });
    const data = importOf(50);
    // the first tab writes half of an import and is closed
    await tab.staging!.begin('half');
    await tab.staging!.write('half', data.events.slice(0, 25));
    tab.close();
    expect(backing.areas.events.size).toBe(25);
    const reopened = await openProfileStore({
      openPersistent: () => Promise.resolve(createMemoryProfileStore({ backing })),
      liveImports: () => Promise.resolve(new Set()),
    });
    expect(await reopened.listProfiles()).toEqual([]);
    expect(empty(backing)).toBe(true);
    reopened.close();
  });

  it('is left alone at start-up while another tab is still writing it', async () => {
    const backing = createMemoryBacking();
    const tab = createMemoryProfileStore({ backing });
    const data = importOf(10);
    await tab.staging!.begin('busy');
    await tab.staging!.write('busy', data.events);
    const other = await openProfileStore({
      openPersistent: () => Promise.resolve(createMemoryProfileStore({ backing })),
      liveImports: () => Promise.resolve(new Set(['busy'])),
    });
    // neither removed nor turned into a recovered profile
    expect(await other.listProfiles()).toEqual([]);
    expect(backing.areas.events.size).toBe(data.events.length);
    await tab.staging!.commit(
      { id: 'busy', name: 'Busy', createdAt: '2024-01-01T00:00:00Z' },
      null,
    );
    expect((await other.listProfiles()).map((p) => p.name)).toEqual(['Busy']);
    other.close();
    tab.close();
  });
});
