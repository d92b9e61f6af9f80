// Decision speed: median time, share decided early, how often the timer chose, overall and per story.
import { describe, expect, it } from 'vitest';
import { decisionSpeed } from '../../src/profile/speed.ts';
import { choice } from './inference-synthetic.ts';

const opts: Record<string, number>[] = [{ risk: 1 }, {}];

describe('decisionSpeed', () => {
  it('takes the median over the picks the player made, leaving out the timer’s', () => {
    const events = [
      choice(opts, 0, { decisionMs: 1000 }),
      choice(opts, 0, { decisionMs: 3000 }),
      choice(opts, 0, { decisionMs: 8000 }),
      choice(opts, 0, { decisionMs: 10_000, timedOut: true }),
    ];
    const { overall } = decisionSpeed(events);
    expect(overall.medianMs).toBe(3000);
    expect(overall.decisions).toBe(4);
    expect(overall.byPlayer).toBe(3);
  });

  it('counts a pick as early within the first half of its window, and the timer’s picks as not early', () => {
    const events = [
      choice(opts, 0, { decisionMs: 5000, windowMs: 10_000 }),
      choice(opts, 0, { decisionMs: 5001, windowMs: 10_000 }),
      choice(opts, 0, { decisionMs: 1000, windowMs: 4000 }),
      choice(opts, 0, { decisionMs: 4000, windowMs: 4000, timedOut: true }),
    ];
    const { overall } = decisionSpeed(events);
    expect(overall.decidedEarly).toBe(2);
    expect(overall.shareDecidedEarly).toBe(0.5);
    expect(overall.timerChose).toBe(1);
    expect(overall.shareTimerChose).toBe(0.25);
  });

  it('leaves untimed decisions out of the early and timer shares', () => {
    const events = [choice(opts, 0, { decisionMs: 60_000, windowMs: null })];
    const { overall } = decisionSpeed(events);
    expect(overall.timed).toBe(0);
    expect(overall.shareDecidedEarly).toBeNull();
    expect(overall.pace).toBeNull();
    expect(overall.medianMs).toBe(60_000);
  });

  it('reports each story on its own, in the order first played', () => {
    const events = [
      choice(opts, 0, { storyId: 'b', decisionMs: 2000 }),
      choice(opts, 0, { storyId: 'a', decisionMs: 9000 }),
      choice(opts, 0, { storyId: 'b', decisionMs: 4000 }),
    ];
    const { byStory } = decisionSpeed(events);
    expect(byStory.map((s) => [s.storyId, s.decisions, s.medianMs])).toEqual([
      ['b', 2, 3000],
      ['a', 1, 9000],
    ]);
  });

  it('calls a player quick who decides most timed choices early, and says so in words', () => {
    const events = Array.from({ length: 10 }, () =>
      choice(opts, 0, { decisionMs: 1500, windowMs: 10_000 }),
    );
    const { overall } = decisionSpeed(events);
    expect(overall.pace).toBe('quick');
    expect(overall.summary).toBe(
      'quick: typically decides in 1.5 s; 100% of 10 timed decisions made in the first half of the window as written; the timer never chose',
    );
  });

  it('names no pace before ten timed decisions, and says how many there were', () => {
    const events = Array.from({ length: 9 }, () =>
      choice(opts, 0, { decisionMs: 1500, windowMs: 10_000 }),
    );
    const { overall } = decisionSpeed(events);
    expect(overall.pace).toBeNull();
    expect(overall.timed).toBe(9);
    expect(overall.summary).toMatch(/of 9 timed decisions.*no pace named before 10/);
  });

  it('calls a player deliberate when the timer often chose', () => {
    const events = Array.from({ length: 10 }, (_, i) =>
      i % 3 === 0
        ? choice(opts, 0, { decisionMs: 10_000, timedOut: true })
        : choice(opts, 0, { decisionMs: 1000 }),
    );
    expect(decisionSpeed(events).overall.pace).toBe('deliberate');
  });

  it('reads times against the window as written: a 7 s decider stays deliberate-leaning at ×2 and ×10', () => {
    const setting = (value: number | string) => ({
      ...choice(opts, 0),
      type: 'settings.changed' as const,
      key: 'timeScale',
      value,
    });
    // a 10 s window as written, shown as 20 s under ×2 and 100 s under ×10; the player takes 7 s
    const picks = (windowMs: number | null, n: number) =>
      Array.from({ length: n }, () => choice(opts, 0, { decisionMs: 7000, windowMs }));
    const asWritten = decisionSpeed(picks(10_000, 12)).overall;
    const scaled = decisionSpeed([
      setting(2),
      ...picks(20_000, 6),
      setting(10),
      ...picks(100_000, 6),
      setting('off'),
      ...picks(null, 3),
    ]).overall;
    expect(scaled.pace).toBe(asWritten.pace);
    expect(scaled.pace).toBe('deliberate');
    expect(scaled.medianShareOfAuthoredWindow).toBeCloseTo(0.7, 6);
    // the share of the scaled window would have called this player quick
    expect(scaled.medianShareOfWindow).toBeLessThan(0.5);
    expect(scaled.byScale.map((g) => [g.scale, g.decisions, g.medianAuthoredSeconds])).toEqual([
      [2, 6, 10],
      [10, 6, 10],
      ['off', 3, null],
    ]);
    expect(scaled.byScale[0]?.medianSeconds).toBe(7);
    expect(scaled.timed).toBe(12);
  });

  it('counts a repeated event once and says when there is nothing yet', () => {
    const e = choice(opts, 0);
    expect(decisionSpeed([e, e]).overall.decisions).toBe(1);
    expect(decisionSpeed([]).overall.summary).toBe('no decisions yet');
  });
});
