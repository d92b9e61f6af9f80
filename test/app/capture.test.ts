// The capture service: stamping, the pause/incognito policy for every kind of event and for saves,
// observers, and failures that are reported instead of dropped.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCapture } from '../../src/app/capture.ts';
import type { EventDraft } from '../../src/core/events.ts';
import type { ProfileStore, SavedPlay } from '../../src/core/ports.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import { countingStore } from './session-fixture.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const base = { sessionId: 's1', storyId: 'night-shift', storyVersion: 'v1' };
const drafts: EventDraft[] = [
  { ...base, type: 'session.started' },
  {
    ...base,
    type: 'choice.made',
    decisionId: 'd1',
    knot: 'k',
    options: [{ text: 'A', taste: { risk: 1 } }],
    chosenIndex: 0,
    decisionMs: 900,
    windowMs: 10_000,
    timedOut: false,
    input: 'pointer',
  },
  { ...base, type: 'decision.rewound', toDecisionId: null, toTurn: 0, fromTurn: 2 },
  { ...base, type: 'story.ended', endingPath: 'end', decisions: 2 },
  { ...base, type: 'session.ended', reason: 'left' },
  {
    sessionId: 'app-1',
    storyId: '',
    storyVersion: '',
    type: 'settings.changed',
    key: 'theme',
    value: 'dark',
  },
  { sessionId: '', storyId: '', storyVersion: '', type: 'data.deleted', scope: 'all', count: 3 },
];

const save: SavedPlay = {
  storyId: 'night-shift',
  storyVersion: 'v1',
  sessionId: 's1',
  snapshots: ['{}'],
  transcript: [],
  savedAt: '2026-01-01T00:00:00.000Z',
};

function service(settings: Settings, store: ProfileStore = createMemoryProfileStore()) {
  let n = 0;
  return createCapture({
    store,
    clock: { isoNow: () => '2026-02-03T04:05:06.000Z' },
    newId: () => `e${++n}`,
    profileId: () => 'p1',
    settings: () => settings,
  });
}

describe('the capture service', () => {
  it('stamps each event with a fresh id, the active profile, the wall clock’s time and the schema version', async () => {
    const store = createMemoryProfileStore();
    const capture = service(DEFAULT_SETTINGS, store);
    const seen: string[] = [];
    capture.onRecorded((e) => seen.push(e.id));
    for (const draft of drafts) await capture.record(draft);
    // one timestamp for all, so the store's order among them is its own: compare by id
    const stored = (await store.events('p1')).sort((a, b) => a.id.localeCompare(b.id));
    expect(stored.map((e) => e.type)).toEqual(drafts.map((d) => d.type));
    expect(stored.map((e) => [e.v, e.profileId, e.at])).toEqual(
      drafts.map(() => [1, 'p1', '2026-02-03T04:05:06.000Z']),
    );
    expect([...seen].sort()).toEqual(stored.map((e) => e.id));
    expect(new Set(seen).size).toBe(drafts.length);
  });

  it('stores an event only while recording, whatever its type, and tells observers only of what it stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.boolean(),
        fc.subarray(drafts, { minLength: 1 }),
        async (incognito, recordingPaused, some) => {
          const { store, calls } = countingStore();
          const capture = service({ ...DEFAULT_SETTINGS, incognito, recordingPaused }, store);
          const seen: string[] = [];
          capture.onRecorded((e) => seen.push(e.type));
          const results = await Promise.all(some.map((d) => capture.record(d)));
          const recording = !incognito && !recordingPaused;
          expect(calls.includes('append')).toBe(recording);
          expect((await store.events('p1')).length).toBe(recording ? some.length : 0);
          expect(seen.length).toBe(recording ? some.length : 0);
          expect(results.every((r) => (r === null) !== recording)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads, writes and clears no save in incognito, and keeps saving while paused', async () => {
    for (const [settings, touched] of [
      [{ ...DEFAULT_SETTINGS, incognito: true }, false],
      [{ ...DEFAULT_SETTINGS, incognito: true, recordingPaused: true }, false],
      [{ ...DEFAULT_SETTINGS, recordingPaused: true }, true],
      [DEFAULT_SETTINGS, true],
    ] as const) {
      const { store, calls } = countingStore();
      await store.putSave('p1', save);
      calls.length = 0;
      const capture = service(settings, store);
      expect(await capture.getSave('night-shift')).toEqual(touched ? save : null);
      await capture.putSave({ ...save, sessionId: 's2' });
      await capture.clearSave('night-shift');
      expect(calls).toEqual(touched ? ['getSave', 'putSave', 'clearSave'] : []);
      expect(await store.getSave('p1', 'night-shift')).toEqual(touched ? null : save);
    }
  });

  it('never rejects on a failed write: it reports what was lost, warns, and clears once that kind of write works', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const counting = countingStore();
    const capture = service(DEFAULT_SETTINGS, counting.store);
    const reports: string[][] = [];
    capture.onFailure((failures) => reports.push(failures.map((f) => f.message)));
    // an event that fails validation, as an infinite taste weight does in IndexedDB's store
    counting.fail.append = new TypeError('choice.made: taste weight is not finite');
    await expect(capture.record(drafts[1]!)).resolves.toBeNull();
    expect(capture.failing).toBe(true);
    expect(reports).toEqual([
      [
        'Your last choice could not be saved: choice.made: taste weight is not finite. Play goes on; it is not in your profile.',
      ],
    ]);
    expect(warn).toHaveBeenCalledTimes(1);
    // a save that works says nothing of the lost choice
    await capture.putSave(save);
    expect(capture.failing).toBe(true);
    delete counting.fail.append;
    await capture.record(drafts[1]!);
    expect(capture.failing).toBe(false);
    expect(reports.at(-1)).toEqual([]);
  });
});
