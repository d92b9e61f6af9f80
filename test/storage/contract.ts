// The ProfileStore contract: one suite every store implementation must pass.
import { describe, expect, it } from 'vitest';
import type { CaptureEvent, EventOf } from '../../src/core/events.ts';
import type { Line } from '../../src/core/model.ts';
import type { ExternalChange, SavedPlay, SavedTurn } from '../../src/core/ports.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { ClosableProfileStore, KvStoreOptions } from '../../src/storage/kv-store.ts';
import { itemKey } from '../../src/storage/kv-store.ts';

/** A fresh storage location: open any number of stores ("tabs") on it and poke raw records. */
export interface StoreLocation {
  open(options?: KvStoreOptions): ClosableProfileStore;
  /** writes a raw value straight into the events area, bypassing every check */
  injectRawEvent(key: string, raw: unknown): Promise<void>;
  readRawEvent(key: string): Promise<unknown>;
}

export interface StoreHarness {
  readonly kind: 'persistent' | 'memory';
  fresh(): StoreLocation;
}

let counter = 0;
export function choiceEvent(
  profileId: string,
  overrides: Partial<EventOf<'choice.made'>> = {},
): EventOf<'choice.made'> {
  counter += 1;
  return {
    v: 1,
    id: `ev-${counter}-${Math.random().toString(36).slice(2)}`,
    profileId,
    sessionId: 's1',
    storyId: 'story',
    storyVersion: 'h1',
    at: new Date(Date.UTC(2024, 0, 1, 12, 0, counter % 60)).toISOString(),
    type: 'choice.made',
    decisionId: 'office.0.c-0',
    knot: 'office',
    options: [
      { text: 'Go', taste: { risk: 1 } },
      { text: 'Stay', taste: { risk: -1 } },
    ],
    chosenIndex: 0,
    decisionMs: 1200,
    windowMs: 10000,
    timedOut: false,
    input: 'pointer',
    ...overrides,
  };
}

function at(seconds: number): string {
  return new Date(Date.UTC(2024, 0, 1, 0, 0, seconds)).toISOString();
}

export function runStoreContract(name: string, harness: StoreHarness): void {
  describe(`ProfileStore contract: ${name}`, () => {
    it('reports its kind', () => {
      expect(harness.fresh().open().kind).toBe(harness.kind);
    });

    it('starts with no profiles and no active profile', async () => {
      const store = harness.fresh().open();
      expect(await store.listProfiles()).toEqual([]);
      expect(await store.getActiveProfileId()).toBeNull();
    });

    it('creates, renames and lists profiles oldest first, and keeps them on reopening', async () => {
      const location = harness.fresh();
      let t = 0;
      const store = location.open({ now: () => new Date(Date.UTC(2024, 0, 1, 0, 0, t++)) });
      const a = await store.createProfile('Ada');
      const b = await store.createProfile('Bo');
      expect(a.id).not.toBe(b.id);
      await store.renameProfile(b.id, 'Bob');
      await store.setActiveProfileId(b.id);
      const reopened = location.open();
      expect((await reopened.listProfiles()).map((p) => p.name)).toEqual(['Ada', 'Bob']);
      expect(await reopened.getActiveProfileId()).toBe(b.id);
    });

    it('refuses to rename a profile that does not exist', async () => {
      const store = harness.fresh().open();
      await expect(store.renameProfile('nobody', 'x')).rejects.toThrow(/nobody/);
    });

    it('returns appended events oldest first once append resolves, on a reopened store too', async () => {
      const location = harness.fresh();
      const store = location.open();
      const later = choiceEvent('p1', { at: at(30) });
      const earlier = choiceEvent('p1', { at: at(10) });
      await store.append(later);
      await store.append(earlier);
      expect(await location.open().events('p1')).toEqual([earlier, later]);
    });

    it('orders a session start before and its end after events of the same millisecond', async () => {
      const store = harness.fresh().open();
      const base = {
        v: 1,
        profileId: 'p1',
        sessionId: 's',
        storyId: 'x',
        storyVersion: 'h',
        at: at(5),
      } as const;
      const ended: CaptureEvent = { ...base, id: 'a', type: 'session.ended', reason: 'ended' };
      const story: CaptureEvent = {
        ...base,
        id: 'b',
        type: 'story.ended',
        endingPath: 'end',
        decisions: 2,
      };
      const started: CaptureEvent = { ...base, id: 'c', type: 'session.started' };
      for (const e of [ended, story, started]) await store.append(e);
      expect((await store.events('p1')).map((e) => e.type)).toEqual([
        'session.started',
        'story.ended',
        'session.ended',
      ]);
    });

    it('stores an event once however often it is appended, and the first write wins', async () => {
      const store = harness.fresh().open();
      const event = choiceEvent('p1');
      await store.append(event);
      await store.append(event);
      await store.append({ ...event, chosenIndex: 1 });
      expect(await store.events('p1')).toEqual([event]);
    });

    it('rejects an event that breaks the schema and stores nothing', async () => {
      const store = harness.fresh().open();
      const bad = { ...choiceEvent('p1'), chosenIndex: -1 };
      await expect(store.append(bad)).rejects.toThrow(/chosenIndex/);
      expect(await store.events('p1')).toEqual([]);
    });

    it('keeps each profile’s events apart', async () => {
      const store = harness.fresh().open();
      const mine = choiceEvent('p1');
      const theirs = choiceEvent('p2');
      await store.append(mine);
      await store.append(theirs);
      expect(await store.events('p1')).toEqual([mine]);
      expect(await store.events('p2')).toEqual([theirs]);
    });

    it('does not let a caller change stored events by mutating what it got back', async () => {
      const store = harness.fresh().open();
      const event = choiceEvent('p1');
      await store.append(event);
      const [loaded] = await store.events('p1');
      (loaded as { knot: string }).knot = 'changed';
      expect(await store.events('p1')).toEqual([event]);
    });

    it('deletes the given events and counts only those that existed', async () => {
      const store = harness.fresh().open();
      const [a, b, c] = [choiceEvent('p1'), choiceEvent('p1'), choiceEvent('p1')];
      for (const e of [a, b, c]) await store.append(e);
      expect(await store.deleteEvents('p1', [a.id, c.id, 'missing', a.id])).toBe(2);
      expect(await store.events('p1')).toEqual([b]);
      expect(await store.deleteEvents('p2', [b.id])).toBe(0);
    });

    it('quarantines unreadable records with a reason, untouched, and still loads the rest', async () => {
      const location = harness.fresh();
      const store = location.open();
      const good = choiceEvent('p1');
      await store.append(good);
      const broken = { ...choiceEvent('p1'), options: 'lost' };
      await location.injectRawEvent(itemKey('p1', 'broken'), broken);
      await location.injectRawEvent(itemKey('p1', 'junk'), 'not json at all');
      expect(await store.events('p1')).toEqual([good]);
      const aside = await location.open().quarantined('p1');
      expect(aside.map((q) => q.key).sort()).toEqual(
        [itemKey('p1', 'broken'), itemKey('p1', 'junk')].sort(),
      );
      expect(aside.find((q) => q.key === itemKey('p1', 'broken'))?.raw).toEqual(broken);
      expect(aside.find((q) => q.key === itemKey('p1', 'broken'))?.reason).toMatch(/options/);
      expect(await location.open().events('p1')).toEqual([good]);
    });

    it('leaves records of a newer schema where they are and reports them', async () => {
      const location = harness.fresh();
      const future = { ...choiceEvent('p1'), v: 99, novelty: true };
      const key = itemKey('p1', future.id);
      await location.injectRawEvent(key, future);
      const store = location.open();
      expect(await store.events('p1')).toEqual([]);
      const aside = await store.quarantined('p1');
      expect(aside).toEqual([{ key, reason: expect.stringMatching(/newer/), raw: future }]);
      expect(await location.readRawEvent(key)).toEqual(future);
    });

    it('answers events and quarantined asked together (one shared read) as it does apart', async () => {
      const location = harness.fresh();
      const store = location.open();
      const good = choiceEvent('p1');
      await store.append(good);
      const future = { ...choiceEvent('p1'), v: 99, novelty: true };
      await location.injectRawEvent(itemKey('p1', future.id), future);
      await location.injectRawEvent(itemKey('p1', 'junk'), 'not json at all');
      const [events, aside] = await Promise.all([store.events('p1'), store.quarantined('p1')]);
      expect(events).toEqual([good]);
      expect(aside.map((q) => q.key).sort()).toEqual(
        [itemKey('p1', future.id), itemKey('p1', 'junk')].sort(),
      );
      const again = location.open();
      expect(await again.events('p1')).toEqual(events);
      expect((await again.quarantined('p1')).map((q) => q.key).sort()).toEqual(
        aside.map((q) => q.key).sort(),
      );
      // an event stored after a read is seen by the next one
      const later = choiceEvent('p1');
      await store.append(later);
      const [after] = await Promise.all([store.events('p1'), store.quarantined('p1')]);
      expect(after.map((e) => e.id).sort()).toEqual([good.id, later.id].sort());
    });

    it('deletes a profile with its events, saves, settings and quarantine', async () => {
      const location = harness.fresh();
      const store = location.open();
      const gone = await store.createProfile('Gone');
      const kept = await store.createProfile('Kept');
      await store.setActiveProfileId(gone.id);
      await store.append(choiceEvent(gone.id));
      await location.injectRawEvent(itemKey(gone.id, 'junk'), 42);
      const keptEvent = choiceEvent(kept.id);
      await store.append(keptEvent);
      await store.putSave(gone.id, save('story'));
      await store.putSettings(gone.id, { ...DEFAULT_SETTINGS, incognito: true });
      await store.deleteProfile(gone.id);
      expect((await store.listProfiles()).map((p) => p.id)).toEqual([kept.id]);
      expect(await store.getActiveProfileId()).toBeNull();
      expect(await store.events(gone.id)).toEqual([]);
      expect(await store.quarantined(gone.id)).toEqual([]);
      expect(await store.getSave(gone.id, 'story')).toBeNull();
      expect(await store.getSettings(gone.id)).toEqual(DEFAULT_SETTINGS);
      expect(await store.events(kept.id)).toEqual([keptEvent]);
    });

    it('keeps one autosave per story and clears it', async () => {
      const store = harness.fresh().open();
      expect(await store.getSave('p1', 'story')).toBeNull();
      await store.putSave('p1', save('story', 1));
      await store.putSave('p1', save('story', 2));
      await store.putSave('p1', save('other', 3));
      expect((await store.getSave('p1', 'story'))?.snapshots).toHaveLength(2);
      await store.clearSave('p1', 'story');
      expect(await store.getSave('p1', 'story')).toBeNull();
      expect(await store.getSave('p1', 'other')).not.toBeNull();
    });

    it('gives back a save of many decisions exactly as it was put, through a rewind and on', async () => {
      const location = harness.fresh();
      const store = location.open();
      let last: SavedPlay | null = null;
      for (const play of playthrough(['a', 'b', 'c', 'd', 'e'], 2, ['x', 'y', 'z'])) {
        await store.putSave('p1', play);
        expect(await store.getSave('p1', 'story')).toEqual(play);
        last = play;
      }
      // another tab, which never wrote this save, reads the same
      expect(await location.open().getSave('p1', 'story')).toEqual(last);
    });

    it('keeps the time left and a save with no decision yet', async () => {
      const store = harness.fresh().open();
      const [first] = playthrough(['a'], 0, []);
      await store.putSave('p1', { ...first!, remainingMs: 4_000 });
      expect(await store.getSave('p1', 'story')).toEqual({ ...first!, remainingMs: 4_000 });
      const none = { ...first!, snapshots: [], turns: [] };
      await store.putSave('p1', none);
      expect(await store.getSave('p1', 'story')).toEqual(none);
    });

    it('clears every decision of a save, so a shorter save put later is not mixed with it', async () => {
      const store = harness.fresh().open();
      const saves = playthrough(['a', 'b', 'c'], 0, []);
      await store.putSave('p1', saves.at(-1)!);
      await store.clearSave('p1', 'story');
      expect(await store.getSave('p1', 'story')).toBeNull();
      const fresh = playthrough(['q'], 0, [])[0]!;
      await store.putSave('p1', fresh);
      expect(await store.getSave('p1', 'story')).toEqual(fresh);
    });

    it('gives default settings until some are stored, then exactly what was stored', async () => {
      const location = harness.fresh();
      const store = location.open();
      expect(await store.getSettings('p1')).toEqual(DEFAULT_SETTINGS);
      const mine = {
        ...DEFAULT_SETTINGS,
        timeScale: 'off',
        retentionDays: 30,
        theme: 'dark',
      } as const;
      await store.putSettings('p1', mine);
      expect(await location.open().getSettings('p1')).toEqual(mine);
      expect(await store.getSettings('p2')).toEqual(DEFAULT_SETTINGS);
    });

    it('refuses invalid settings', async () => {
      const store = harness.fresh().open();
      await expect(
        store.putSettings('p1', { ...DEFAULT_SETTINGS, retentionDays: -3 }),
      ).rejects.toThrow(/retentionDays/);
    });

    it('loses and duplicates nothing when two tabs append to one profile at once', async () => {
      const location = harness.fresh();
      const tabA = location.open();
      const tabB = location.open();
      const fromA = Array.from({ length: 60 }, () => choiceEvent('p1'));
      const fromB = Array.from({ length: 60 }, () => choiceEvent('p1'));
      await Promise.all([
        ...fromA.map((e) => tabA.append(e)),
        ...fromB.map((e) => tabB.append(e)),
        // a retry from the other tab of an event already sent must not duplicate it
        tabB.append(fromA[0]!),
      ]);
      for (const tab of [tabA, tabB]) {
        const ids = (await tab.events('p1')).map((e) => e.id);
        expect(new Set(ids).size).toBe(120);
        expect(ids.sort()).toEqual([...fromA, ...fromB].map((e) => e.id).sort());
      }
    });

    it('tells the other tab, not itself, that a profile changed', async () => {
      const location = harness.fresh();
      const tabA = location.open();
      const tabB = location.open();
      const heardByA: ExternalChange[] = [];
      tabA.onExternalChange((c) => heardByA.push(c));
      const heardByB = new Promise<ExternalChange>((resolve) => {
        tabB.onExternalChange(resolve);
      });
      await tabA.append(choiceEvent('p1'));
      expect(await heardByB).toEqual({ profileId: 'p1' });
      expect(heardByA).toEqual([]);
      tabA.close();
      tabB.close();
    });
  });
}

/**
 * The saves a player makes through a playthrough: one per decision shown for `picks`, then a
 * rewind to decision `rewindTo` (1-based; 0 for none), then one per decision for `after`.
 */
export function playthrough(
  picks: readonly string[],
  rewindTo: number,
  after: readonly string[],
): SavedPlay[] {
  const lines: Line[] = [];
  const turns: SavedTurn[] = [];
  const snapshots: string[] = [];
  const out: SavedPlay[] = [];
  const show = (id: string): void => {
    lines.push(
      { text: `Before ${id}.`, tags: ['speaker: Nell'], directives: [] },
      { text: `${id} waits.`, tags: [], directives: [] },
    );
    const previous = turns.pop();
    if (previous !== undefined)
      turns.push({ ...previous, chosenText: `took ${previous.decisionId}` });
    turns.push({
      decisionId: id,
      transcriptLength: lines.length,
      chosenText: null,
      timedOut: false,
    });
    snapshots.push(JSON.stringify({ at: id, visits: turns.length }));
    out.push({
      storyId: 'story',
      storyVersion: 'h',
      sessionId: 's',
      snapshots: [...snapshots],
      transcript: lines.map((l) => l.text),
      lines: [...lines],
      turns: [...turns],
      savedAt: at(out.length),
    });
  };
  for (const id of picks) show(id);
  if (rewindTo > 0) {
    const target = turns[rewindTo - 1]!;
    turns.splice(rewindTo);
    turns[rewindTo - 1] = { ...target, chosenText: null, timedOut: false };
    snapshots.splice(rewindTo);
    lines.splice(target.transcriptLength);
    out.push({
      ...out.at(-1)!,
      ...{
        snapshots: [...snapshots],
        turns: [...turns],
        lines: [...lines],
        transcript: lines.map((l) => l.text),
        savedAt: at(out.length),
      },
    });
  }
  for (const id of after) show(id);
  return out;
}

function save(storyId: string, n = 1) {
  return {
    storyId,
    storyVersion: 'h',
    sessionId: 's',
    snapshots: Array.from({ length: n }, (_, i) => `{"state":${i}}`),
    transcript: ['Hello'],
    savedAt: at(1),
  };
}
