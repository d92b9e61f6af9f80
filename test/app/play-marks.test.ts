// The pick's User Timing entries (app/play-marks.ts), on a fake timeline and frame clock.
import { describe, expect, it } from 'vitest';
import { playMarks } from '../../src/app/play-marks.ts';
import type { PlayView, UpcomingBeat } from '../../src/core/view.ts';
import { decisionView, playView, shownLine } from '../builders.ts';

interface Entry {
  readonly kind: 'mark' | 'measure';
  readonly name: string;
  readonly detail: unknown;
}

function harness(prepared: () => boolean) {
  const entries: Entry[] = [];
  const frames: ((frameAt: number, frameStart?: number) => void)[] = [];
  let now = 0;
  const marks = playMarks({
    stagePrepared: prepared,
    afterFrame: (fn) => frames.push(fn),
    timeline: {
      now: () => now,
      mark: (name: string, options?: PerformanceMarkOptions) => {
        entries.push({ kind: 'mark', name, detail: options?.detail ?? null });
        return { startTime: now } as PerformanceMark;
      },
      measure: (name: string, options?: PerformanceMeasureOptions) => {
        entries.push({ kind: 'measure', name, detail: options?.detail ?? null });
        return {} as PerformanceMeasure;
      },
    },
  });
  /** a frame whose rAF callbacks run at `at`; it began (its rAF timestamp) at `start` if given */
  const frame = (at: number, start?: number): void => {
    now = at;
    for (const fn of frames.splice(0)) fn(at, start);
  };
  return { marks, entries, frame, tick: (at: number) => (now = at) };
}

const open = playView({ decision: decisionView({ turn: 3, phase: 'selecting' }) });
const picked = (upcoming: UpcomingBeat | null): PlayView =>
  playView({ decision: decisionView({ turn: 3, phase: 'picked', chosen: 0 }), upcoming });
const beat: UpcomingBeat = {
  lines: [shownLine(7, 'Next.')],
  upcomingOptions: 2,
  backdrop: null,
  backdropChanges: [],
};
const after = playView({ state: 'reading', decision: null, lines: beat.lines, upcomingOptions: 2 });

/** A pick through its hold: `step` is when the upcoming beat shows in a view. */
function playPick(h: ReturnType<typeof harness>, step: 'in-hold' | 'at-end'): void {
  h.marks.pick(open);
  h.marks.beforeShow(picked(null));
  h.marks.afterShow(picked(null));
  h.frame(16);
  if (step === 'in-hold') {
    h.marks.beforeShow(picked(beat));
    h.marks.afterShow(picked(beat));
  }
  h.tick(600);
  h.marks.beforeShow(after);
  h.marks.afterShow(after);
  h.frame(616);
}

describe('the marks of a pick', () => {
  it('marks the pick, measures the confirm frame, the hold end and the next beat, in order', () => {
    const h = harness(() => true);
    playPick(h, 'in-hold');
    expect(h.entries.map((e) => `${e.kind}:${e.name}`)).toEqual([
      'mark:inkreel:pick',
      'measure:inkreel:confirm',
      'mark:inkreel:hold-end',
      'measure:inkreel:next-beat',
    ]);
    expect(h.entries[2]?.detail).toEqual({ turn: 3, ready: true });
    expect(h.entries[1]?.detail).toMatchObject({ frameMs: 0 });
  });

  it("says how much of the wait was the display's, from the task's end to the frame's start", () => {
    const h = harness(() => true);
    h.marks.pick(open);
    h.marks.beforeShow(picked(null));
    h.marks.afterShow(picked(null));
    // the pick's task ends at 0 (the microtask runs after this synchronous code), the frame
    // begins at 12 and its rAF callbacks (pixi's draw first) reach ours at 15
    return Promise.resolve().then(() => {
      h.frame(15, 12);
      const confirm = h.entries.find((e) => e.name === 'inkreel:confirm');
      expect(confirm?.detail).toMatchObject({ taskMs: 0, waitMs: 15, idleMs: 12 });
    });
  });

  it('counts a pick not ready when the stage had not laid the beat out', () => {
    const h = harness(() => false);
    playPick(h, 'in-hold');
    expect(h.entries.find((e) => e.name === 'inkreel:hold-end')?.detail).toEqual({
      turn: 3,
      ready: false,
    });
  });

  it('counts a pick not ready when the story step came only with the hold end', () => {
    const h = harness(() => true);
    playPick(h, 'at-end');
    expect(h.entries.find((e) => e.name === 'inkreel:hold-end')?.detail).toEqual({
      turn: 3,
      ready: false,
    });
  });

  it('ignores a pick of a decision that is not open, and a second press', () => {
    const h = harness(() => true);
    h.marks.pick(picked(null));
    expect(h.entries).toEqual([]);
    h.marks.pick(open);
    h.marks.pick(open);
    expect(h.entries.filter((e) => e.name === 'inkreel:pick')).toHaveLength(1);
  });

  it('forgets a pick the player did not take, and measures nothing after stop', () => {
    const h = harness(() => true);
    h.marks.pick(open);
    // the view did not move to the picked phase
    h.marks.afterShow(open);
    h.frame(16);
    expect(h.entries.map((e) => e.name)).toEqual(['inkreel:pick']);
    h.marks.pick(open);
    h.marks.afterShow(picked(null));
    h.marks.stop();
    h.frame(32);
    expect(h.entries.map((e) => e.name)).toEqual(['inkreel:pick', 'inkreel:pick']);
  });
});
