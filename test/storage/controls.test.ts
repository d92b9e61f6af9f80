// Data controls on a store: deletions by scope, each returning a count-only record to keep.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { applyRetention, deleteData } from '../../src/storage/controls.ts';
import { createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import { choiceEvent } from './contract.ts';

const day = (d: number) => new Date(Date.UTC(2024, 0, d)).toISOString();
const now = new Date(Date.UTC(2024, 0, 31));

async function seeded() {
  const store = createMemoryProfileStore();
  const events = [
    choiceEvent('p1', { sessionId: 'a', storyId: 'x', at: day(1) }),
    choiceEvent('p1', { sessionId: 'a', storyId: 'x', at: day(2) }),
    choiceEvent('p1', { sessionId: 'b', storyId: 'y', at: day(29) }),
    choiceEvent('p1', { sessionId: 'c', storyId: 'x', at: day(30) }),
  ];
  for (const e of events) await store.append(e);
  return { store, events };
}

describe('deleteData', () => {
  it('deletes one session and returns a record of only its scope and count', async () => {
    const { store, events } = await seeded();
    const deletion = await deleteData(store, 'p1', { scope: 'session', sessionId: 'a' });
    expect(deletion.count).toBe(2);
    expect((await store.events('p1')).map((e) => e.id)).toEqual([events[2]!.id, events[3]!.id]);
    expect(deletion.record).toEqual({
      type: 'data.deleted',
      scope: 'session',
      count: 2,
      sessionId: 'a',
      storyId: '',
      storyVersion: '',
    });
  });

  it('deletes one story’s data across its sessions, naming the story only', async () => {
    const { store, events } = await seeded();
    const deletion = await deleteData(store, 'p1', { scope: 'story', storyId: 'x' });
    expect(deletion.count).toBe(3);
    expect(await store.events('p1')).toEqual([events[2]]);
    expect(deletion.record).toMatchObject({ scope: 'story', storyId: 'x', sessionId: '' });
  });

  it('deletes one event, or everything, and appends nothing itself', async () => {
    const { store, events } = await seeded();
    const one = await deleteData(store, 'p1', { scope: 'event', eventId: events[1]!.id });
    expect(one.count).toBe(1);
    const all = await deleteData(store, 'p1', { scope: 'all' });
    expect(all).toMatchObject({ count: 3, record: { scope: 'all', count: 3 } });
    expect(await store.events('p1')).toEqual([]);
  });

  it('returns no record when nothing matched', async () => {
    const { store } = await seeded();
    expect(await deleteData(store, 'p1', { scope: 'session', sessionId: 'nope' })).toEqual({
      count: 0,
      record: null,
    });
    expect(await store.events('p1')).toHaveLength(4);
  });
});

describe('applyRetention', () => {
  it('keeps everything while auto-deletion is off (the default)', async () => {
    const { store } = await seeded();
    expect(await applyRetention(store, 'p1', now)).toEqual({ count: 0, record: null });
    expect(await store.events('p1')).toHaveLength(4);
  });

  it('deletes events older than N days and returns an expired count', async () => {
    const { store, events } = await seeded();
    await store.putSettings('p1', { ...DEFAULT_SETTINGS, retentionDays: 7 });
    const deletion = await applyRetention(store, 'p1', now);
    expect(deletion).toMatchObject({ count: 2, record: { scope: 'expired', count: 2 } });
    expect(await store.events('p1')).toEqual(events.slice(2));
  });
});
