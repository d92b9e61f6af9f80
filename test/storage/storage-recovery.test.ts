// "Storage full" clears: once there is room again (after a deletion, on the next write, or on the
// timer) what memory kept is written back and the status returns to ok.
import { describe, expect, it } from 'vitest';
import type { StoreStatus } from '../../src/core/ports.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { ClosableProfileStore } from '../../src/storage/kv-store.ts';
import { createMemoryBacking, createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import type { MemoryBacking } from '../../src/storage/memory-store.ts';
import { createResilientStore } from '../../src/storage/open-store.ts';
import { choiceEvent, playthrough } from './contract.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A persistent store on a disk whose room the test switches on and off. */
function disk(): { store: ClosableProfileStore; backing: MemoryBacking; room: { free: boolean } } {
  const backing = createMemoryBacking();
  const inner = createMemoryProfileStore({ backing });
  const room = { free: true };
  const guard =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    (...a: A): Promise<R> =>
      room.free ? f(...a) : Promise.reject(quota());
  const store: ClosableProfileStore = {
    ...inner,
    kind: 'persistent',
    append: guard(inner.append.bind(inner)),
    createProfile: guard(inner.createProfile.bind(inner)),
    setActiveProfileId: guard(inner.setActiveProfileId.bind(inner)),
    putSave: guard(inner.putSave.bind(inner)),
    putSettings: guard(inner.putSettings.bind(inner)),
    staging: inner.staging && {
      ...inner.staging,
      write: guard(inner.staging.write.bind(inner.staging)),
      commit: guard(inner.staging.commit.bind(inner.staging)),
    },
  };
  return { store, backing, room };
}

function watch(store: ClosableProfileStore): StoreStatus['state'][] {
  const seen: StoreStatus['state'][] = [];
  store.onStatusChange((s) => seen.push(s.state));
  return seen;
}

describe('a full store that gets room again', () => {
  it('recovers after a deletion, writing back what memory kept, and says ok again', async () => {
    const { store: primary, backing, room } = disk();
    const p = await primary.createProfile('Ada');
    await primary.setActiveProfileId(p.id);
    const old = choiceEvent(p.id);
    await primary.append(old);
    const store = createResilientStore(primary);
    const seen = watch(store);
    room.free = false;
    const kept = choiceEvent(p.id);
    await store.append(kept);
    await store.putSettings(p.id, { ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(store.status.state).toBe('full');
    expect(store.kind).toBe('memory');
    room.free = true;
    await store.deleteEvents(p.id, [old.id]);
    expect(seen).toEqual(['full', 'ok']);
    expect(store.status).toEqual({ state: 'ok', message: '' });
    expect(store.kind).toBe('persistent');
    // written back to the disk itself, not only visible through the merge
    expect((await primary.events(p.id)).map((e) => e.id)).toEqual([kept.id]);
    expect((await primary.getSettings(p.id)).theme).toBe('dark');
    expect(backing.areas.events.size).toBe(1);
    store.close();
  });

  it('writes back a save kept in memory meanwhile whole: its head and every decision record', async () => {
    const { store: primary, room } = disk();
    const p = await primary.createProfile('Ada');
    const store = createResilientStore(primary);
    const saves = playthrough(['a', 'b', 'c'], 0, []);
    await store.putSave(p.id, saves[0]!);
    room.free = false;
    await store.append(choiceEvent(p.id));
    expect(store.status.state).toBe('full');
    const latest = saves.at(-1)!;
    await store.putSave(p.id, latest);
    room.free = true;
    await store.deleteEvents(p.id, []);
    expect(store.status.state).toBe('ok');
    // on the disk itself, the three decisions, not the one saved before storage filled up
    expect(await primary.getSave(p.id, 'story')).toEqual(latest);
    store.close();
  });

  it('recovers on the next write once the pause between tries has passed', async () => {
    const { store: primary, room } = disk();
    const p = await primary.createProfile('Ada');
    let clock = 0;
    const store = createResilientStore(primary, { now: () => clock, retryAfterMs: 1000 });
    room.free = false;
    const first = choiceEvent(p.id);
    await store.append(first);
    expect(store.status.state).toBe('full');
    room.free = true;
    clock = 500;
    const second = choiceEvent(p.id);
    await store.append(second);
    // too soon to try again: still in memory
    expect(store.status.state).toBe('full');
    clock = 1600;
    const third = choiceEvent(p.id);
    await store.append(third);
    expect(store.status.state).toBe('ok');
    expect((await primary.events(p.id)).map((e) => e.id).sort()).toEqual(
      [first.id, second.id, third.id].sort(),
    );
    store.close();
  });

  it('stays full, losing nothing, while there is still no room', async () => {
    const { store: primary, room } = disk();
    const p = await primary.createProfile('Ada');
    let clock = 0;
    const store = createResilientStore(primary, { now: () => clock });
    room.free = false;
    const events = [choiceEvent(p.id), choiceEvent(p.id)];
    await store.append(events[0]!);
    clock = 5000;
    await store.append(events[1]!);
    expect(store.status.state).toBe('full');
    expect((await store.events(p.id)).map((e) => e.id).sort()).toEqual(
      events.map((e) => e.id).sort(),
    );
    store.close();
  });

  it('tries again on its own, on a timer, when nothing else prompts it', async () => {
    const { store: primary, room } = disk();
    const p = await primary.createProfile('Ada');
    await primary.setActiveProfileId(p.id);
    const store = createResilientStore(primary, { retryEveryMs: 20 });
    room.free = false;
    await store.append(choiceEvent(p.id));
    expect(store.status.state).toBe('full');
    room.free = true;
    await expect.poll(() => store.status.state, { timeout: 2000 }).toBe('ok');
    expect(await primary.events(p.id)).toHaveLength(1);
    store.close();
  });
});
