// The play session mounted in jsdom with the memory store: what is kept in each recording mode,
// what the player is told when a write fails, and a second tab on the same story.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OTHER_TAB_NOTICE } from '../../src/app/play-session.ts';
import type { SavedPlay } from '../../src/core/ports.ts';
import {
  countingStore,
  finish,
  mount,
  noticeOf,
  pick,
  profile,
  recordingLabelOf,
  shortStory,
  waitForState,
  type Mounted,
} from './session-fixture.ts';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.teardown();
  mounted = null;
  vi.restoreAllMocks();
});

/** Plays the short story to its end: two picks. */
async function playThrough(m: Mounted): Promise<void> {
  await pick(m.root, 0);
  await pick(m.root, 1);
  await finish(m.root);
}

const earlierSave: SavedPlay = {
  storyId: 'short',
  storyVersion: 'v1',
  sessionId: 'earlier-session',
  snapshots: [JSON.stringify({ node: 'hall', waiting: 'hall' })],
  transcript: ['You wake.', 'The hall.'],
  savedAt: '2026-01-01T00:00:00.000Z',
};

describe('a play session while recording', () => {
  it('keeps every event of a playthrough, stamped by the capture service, and clears the save at the end', async () => {
    const { store } = countingStore();
    mounted = await mount(store);
    await pick(mounted.root, 0);
    expect(await store.getSave(profile.id, 'short')).toMatchObject({ storyId: 'short' });
    await pick(mounted.root, 1);
    await finish(mounted.root);
    await vi.waitFor(async () => {
      expect((await store.events(profile.id)).map((e) => e.type)).toEqual([
        'session.started',
        'choice.made',
        'choice.made',
        'story.ended',
        'session.ended',
      ]);
    });
    const events = await store.events(profile.id);
    for (const event of events) {
      expect(event).toMatchObject({ v: 1, profileId: profile.id, storyId: 'short' });
      expect(event.at).toMatch(/^2026-01-01T12:00:\d\dZ|^2026-01-01T12:00:\d\d\.000Z$/);
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(new Set(events.map((e) => e.sessionId)).size).toBe(1);
    await vi.waitFor(async () => expect(await store.getSave(profile.id, 'short')).toBeNull());
    expect(recordingLabelOf(mounted.root)).toBe('Recording for Ada');
    expect(noticeOf(mounted.root)).toBe('');
  });

  it('lists in the ledger exactly the events that were stored', async () => {
    const { store } = countingStore();
    mounted = await mount(store);
    await pick(mounted.root, 0);
    await vi.waitFor(async () => {
      const stored = (await store.events(profile.id)).map((e) => e.id);
      const listed = [...mounted!.root.querySelectorAll('.ledger-item')].length;
      expect(stored.length).toBe(2);
      expect(listed).toBe(stored.length);
    });
  });

  it('resumes the live save of the story with its session', async () => {
    const { store, calls } = countingStore();
    await store.putSave(profile.id, earlierSave);
    mounted = await mount(store);
    await waitForState(mounted.root, 'choosing');
    expect(calls).toContain('getSave');
    expect(mounted.root.textContent).toContain('The hall.');
    await pick(mounted.root, 0);
    await vi.waitFor(async () => {
      const choices = (await store.events(profile.id)).filter((e) => e.type === 'choice.made');
      expect(choices.map((e) => e.sessionId)).toEqual(['earlier-session']);
    });
  });
});

describe('incognito play', () => {
  it('stores no event and no save, reads no save, and the story still plays to its end', async () => {
    const { store, calls } = countingStore();
    await store.putSave(profile.id, earlierSave);
    calls.length = 0;
    mounted = await mount(store, { settings: { incognito: true } });
    await waitForState(mounted.root, 'choosing');
    // not resumed: the earlier save was not even read
    expect(mounted.root.textContent).toContain('You wake.');
    await playThrough(mounted);
    mounted.teardown();
    mounted = null;
    expect(calls).toEqual([]);
    expect(await store.events(profile.id)).toEqual([]);
    expect(await store.getSave(profile.id, 'short')).toEqual(earlierSave);
  });
});

describe('paused recording', () => {
  it('stores no event while the story plays on, and still keeps the place in the story', async () => {
    const { store, calls } = countingStore();
    mounted = await mount(store, { settings: { recordingPaused: true } });
    await pick(mounted.root, 0);
    expect(await store.getSave(profile.id, 'short')).toMatchObject({ storyId: 'short' });
    await pick(mounted.root, 1);
    await finish(mounted.root);
    expect(calls).not.toContain('append');
    expect(calls).toContain('putSave');
    expect(await store.events(profile.id)).toEqual([]);
    expect(recordingLabelOf(mounted.root)).toMatch(/^Recording paused/);
  });
});

describe('a store that fails', () => {
  it('says which choice was not kept and why, stops saying "Recording", warns, and plays on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const counting = countingStore();
    mounted = await mount(counting.store);
    await waitForState(mounted.root, 'choosing');
    expect(recordingLabelOf(mounted.root)).toBe('Recording for Ada');
    counting.fail.append = new DOMException('The disk said no', 'UnknownError');
    await pick(mounted.root, 0);
    await vi.waitFor(() =>
      expect(noticeOf(mounted!.root)).toBe(
        'Your last choice could not be saved: The disk said no. Play goes on; it is not in your profile.',
      ),
    );
    expect(recordingLabelOf(mounted.root)).not.toMatch(/^Recording/);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('Your last choice could not be saved'),
      expect.any(DOMException),
    );
    // play goes on to the next decision and the end
    await pick(mounted.root, 1);
    await finish(mounted.root);
    expect((await counting.store.events(profile.id)).map((e) => e.type)).toEqual([
      'session.started',
    ]);
  });

  it('says so when the store refuses a choice that fails validation (a taste weight of Infinity)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { store } = countingStore();
    const infinite = {
      ...shortStory,
      start: {
        ...shortStory['start']!,
        decision: {
          ...shortStory['start']!.decision!,
          options: [
            { text: 'Get up', next: 'hall', taste: { risk: Infinity } },
            { text: 'Sleep on', next: 'hall' },
          ],
        },
      },
    };
    mounted = await mount(store, { script: infinite });
    await pick(mounted.root, 0);
    await vi.waitFor(() =>
      expect(noticeOf(mounted!.root)).toMatch(
        /^Your last choice could not be saved: Refusing to store an invalid event/,
      ),
    );
    expect(recordingLabelOf(mounted.root)).not.toMatch(/^Recording/);
    await pick(mounted.root, 0);
    await finish(mounted.root);
    const choices = (await store.events(profile.id)).filter((e) => e.type === 'choice.made');
    expect(choices).toHaveLength(1);
  });

  it('tells the player when the place in the story could not be saved, and clears once writes work', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const counting = countingStore();
    counting.fail.putSave = new Error('QuotaExceededError');
    mounted = await mount(counting.store);
    await vi.waitFor(() =>
      expect(noticeOf(mounted!.root)).toMatch(/^Your place in the story could not be saved/),
    );
    expect(recordingLabelOf(mounted.root)).not.toMatch(/^Recording/);
    delete counting.fail.putSave;
    await pick(mounted.root, 0);
    await vi.waitFor(() => expect(noticeOf(mounted!.root)).toBe(''));
    expect(recordingLabelOf(mounted.root)).toBe('Recording for Ada');
  });
});

/** A LockManager as Chromium's behaves for a lock another tab holds: the request times out. */
function heldElsewhere(): LockManager {
  return {
    request: (_name: string, options: LockOptions) =>
      new Promise((_resolve, reject) => {
        options.signal?.addEventListener('abort', () =>
          reject(new DOMException('timed out', 'TimeoutError')),
        );
      }),
    query: () => Promise.resolve({ held: [], pending: [] }),
  } as unknown as LockManager;
}

describe('a second tab on the same story', () => {
  it('plays its own session: it neither resumes nor overwrites the first tab’s live save, and says so', async () => {
    const { store, calls } = countingStore();
    await store.putSave(profile.id, earlierSave);
    calls.length = 0;
    mounted = await mount(store, { locks: heldElsewhere() });
    await waitForState(mounted.root, 'choosing');
    expect(mounted.root.textContent).toContain(OTHER_TAB_NOTICE);
    expect(mounted.root.textContent).toContain('You wake.');
    await playThrough(mounted);
    expect(calls.filter((c) => c !== 'append')).toEqual([]);
    expect(await store.getSave(profile.id, 'short')).toEqual(earlierSave);
    const sessions = new Set((await store.events(profile.id)).map((e) => e.sessionId));
    expect(sessions.size).toBe(1);
    expect(sessions.has('earlier-session')).toBe(false);
  });
});
