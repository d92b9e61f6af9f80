// Autosave in storage: a bounded write per decision, saves of the old single-record layout still
// read, nothing of a cleared save left behind, and any playthrough read back as it was put.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import localforage from 'localforage';
import { describe, expect, it } from 'vitest';
import type { SavedPlay } from '../../src/core/ports.ts';
import { itemKey } from '../../src/storage/kv-store.ts';
import { createLocalforageProfileStore } from '../../src/storage/localforage-store.ts';
import { createMemoryBacking, createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import { compileLoopStory, measureAutosaveBytes } from './autosave-bytes.ts';
import { playthrough } from './contract.ts';

/** A save as the single-record layout stored it: everything in one record at the story's key. */
const oldSave: SavedPlay = {
  storyId: 'story',
  storyVersion: 'h',
  sessionId: 'old',
  snapshots: ['{"at":1}', '{"at":2}'],
  transcript: ['You wake.', 'The kitchen.'],
  lines: [
    { text: 'You wake.', tags: [], directives: [] },
    { text: 'The kitchen.', tags: ['speaker: Dad'], directives: [] },
  ],
  turns: [
    { decisionId: 'start.0', transcriptLength: 1, chosenText: 'Get up', timedOut: false },
    { decisionId: 'kitchen.0', transcriptLength: 2, chosenText: null, timedOut: false },
  ],
  savedAt: '2024-01-01T00:00:00.000Z',
  remainingMs: 3_000,
};

describe('autosave bytes', () => {
  it('writes no more at decision 40 than twice what it wrote at decision 1 of a looping story', async () => {
    const { perDecision, wholePerDecision } = await measureAutosaveBytes(compileLoopStory(), 40);
    const [first, fortieth] = [perDecision[0]!, perDecision[39]!];
    expect(first).toBeGreaterThan(0);
    expect(fortieth).toBeLessThanOrEqual(2 * first);
    // the single-record layout grows with the playthrough: the bound above is not a given
    expect(wholePerDecision[39]!).toBeGreaterThan(10 * wholePerDecision[0]!);
  });
});

describe('saves of the old single-record layout', () => {
  it('are read from the memory store as they were stored', async () => {
    const backing = createMemoryBacking();
    backing.areas.saves.set(itemKey('p1', 'story'), structuredClone(oldSave));
    const store = createMemoryProfileStore({ backing });
    expect(await store.getSave('p1', 'story')).toEqual(oldSave);
  });

  it('are read from IndexedDB as they were stored, and replaced by the next save', async () => {
    const name = 'inkreel-old-save';
    await localforage
      .createInstance({ name, storeName: 'saves' })
      .setItem(itemKey('p1', 'story'), oldSave);
    const store = createLocalforageProfileStore({ name });
    expect(await store.getSave('p1', 'story')).toEqual(oldSave);
    const next = playthrough(['a', 'b', 'c'], 0, []).at(-1)!;
    await store.putSave('p1', next);
    expect(await store.getSave('p1', 'story')).toEqual(next);
  });
});

describe('the save records', () => {
  it('leaves no record of a cleared save behind, and touches no other story', async () => {
    const backing = createMemoryBacking();
    const store = createMemoryProfileStore({ backing });
    await store.putSave('p1', playthrough(['a', 'b', 'c'], 0, []).at(-1)!);
    await store.putSave('p1', { ...playthrough(['q'], 0, [])[0]!, storyId: 'other' });
    const before = [...backing.areas.saves.keys()];
    expect(before.length).toBeGreaterThan(2);
    await store.clearSave('p1', 'story');
    expect([...backing.areas.saves.keys()]).toEqual(
      before.filter((k) => k.startsWith(itemKey('p1', 'other'))),
    );
  });

  it('reads back every save of any playthrough with rewinds, in any store instance', async () => {
    const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(ids, fc.nat(6), ids, async (picks, rewind, after) => {
        const backing = createMemoryBacking();
        const store = createMemoryProfileStore({ backing });
        const saves = playthrough(picks, Math.min(rewind, picks.length), after);
        for (const play of saves) {
          await store.putSave('p1', play);
          expect(await store.getSave('p1', 'story')).toEqual(play);
        }
        expect(await createMemoryProfileStore({ backing }).getSave('p1', 'story')).toEqual(
          saves.at(-1),
        );
      }),
      { numRuns: 60 },
    );
  });
});
