// Data controls on a store: deletions by scope leave a count-only record; pause and incognito.
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/core/events.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { applyRetention, deleteData } from '../../src/storage/controls.ts';
import { createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import { choiceEvent } from './contract.ts';

const day = (d: number) => new Date(Date.UTC(2024, 0, d)).toISOString();
const now = () => new Date(Date.UTC(2024, 0, 31));

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

function deletions(events: CaptureEvent[]) {
  return events.filter((e) => e.type === 'data.deleted');
}

describe('deleteData', () => {
  it('deletes one session and records only its scope and count', async () => {
    const { store, events } = await seeded();
    expect(await deleteData(store, 'p1', { scope: 'session', sessionId: 'a' }, { now })).toBe(2);
    const left = await store.events('p1');
    expect(left.filter((e) => e.type === 'choice.made').map((e) => e.id)).toEqual([
      events[2]!.id,
      events[3]!.id,
    ]);
    expect(deletions(left)).toEqual([
      expect.objectContaining({
        scope: 'session',
        count: 2,
        sessionId: 'a',
        storyId: '',
        at: now().toISOString(),
      }),
    ]);
    expect(JSON.stringify(deletions(left))).not.toContain('Go');
  });

  it('deletes one story’s data across its sessions', async () => {
    const { store, events } = await seeded();
    expect(await deleteData(store, 'p1', { scope: 'story', storyId: 'x' })).toBe(3);
    const left = await store.events('p1');
    expect(left.filter((e) => e.type === 'choice.made')).toEqual([events[2]]);
  });

  it('deletes one event, or everything, each leaving one count', async () => {
    const { store, events } = await seeded();
    expect(await deleteData(store, 'p1', { scope: 'event', eventId: events[1]!.id })).toBe(1);
    expect(await deleteData(store, 'p1', { scope: 'all' })).toBe(4);
    expect(
      (await store.events('p1')).map((e) =>
        e.type === 'data.deleted' ? [e.scope, e.count] : e.type,
      ),
    ).toEqual([['all', 4]]);
  });

  it('records nothing when nothing matched', async () => {
    const { store } = await seeded();
    expect(await deleteData(store, 'p1', { scope: 'session', sessionId: 'nope' })).toBe(0);
    expect(deletions(await store.events('p1'))).toEqual([]);
  });
});

describe('applyRetention', () => {
  it('keeps everything while auto-deletion is off (the default)', async () => {
    const { store } = await seeded();
    expect(await applyRetention(store, 'p1', { now })).toBe(0);
    expect(await store.events('p1')).toHaveLength(4);
  });

  it('deletes events older than N days and records an expired count', async () => {
    const { store, events } = await seeded();
    await store.putSettings('p1', { ...DEFAULT_SETTINGS, retentionDays: 7 });
    expect(await applyRetention(store, 'p1', { now })).toBe(2);
    const left = await store.events('p1');
    expect(left.filter((e) => e.type === 'choice.made')).toEqual(events.slice(2));
    expect(deletions(left)).toEqual([expect.objectContaining({ scope: 'expired', count: 2 })]);
  });
});
