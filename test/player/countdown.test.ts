// The window arithmetic on its own: pauses, more time and untimed play, for any order of events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeMs,
  addTime,
  openCountdown,
  pauseCountdown,
  resumeCountdown,
} from '../../src/player/countdown.ts';
import { remainingAt } from '../../src/core/view.ts';

describe('countdown arithmetic', () => {
  it('counts paused time out of both the window and the decision time, for any pause pattern', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5_000), fc.nat(5_000)), { maxLength: 8 }), (spans) => {
        let c = openCountdown(100_000, 0, false);
        let now = 0;
        let running = 0;
        for (const [run, pause] of spans) {
          now += run;
          running += run;
          c = pauseCountdown(c, now);
          now += pause;
          c = resumeCountdown(c, now);
        }
        expect(activeMs(c, now)).toBe(running);
        expect(remainingAt(c, now)).toBe(100_000 - running);
      }),
    );
  });

  it('treats a second pause or a resume without a pause as no change', () => {
    const c = pauseCountdown(openCountdown(10_000, 0, false), 1_000);
    expect(pauseCountdown(c, 5_000)).toBe(c);
    const running = openCountdown(10_000, 0, false);
    expect(resumeCountdown(running, 3_000)).toBe(running);
  });

  it('adds one base window per "more time", never a grown one', () => {
    let c = openCountdown(10_000, 0, false);
    c = addTime(c, 4_000);
    c = addTime(c, 4_000);
    expect(c.windowMs).toBe(30_000);
    expect(remainingAt(c, 4_000)).toBe(26_000);
  });

  it('leaves an untimed window untimed whatever happens to it', () => {
    let c = openCountdown(null, 0, false);
    c = addTime(c, 1_000);
    c = resumeCountdown(pauseCountdown(c, 2_000), 9_000);
    expect(remainingAt(c, 50_000)).toBeNull();
    expect(c.windowMs).toBeNull();
    expect(activeMs(c, 10_000)).toBe(3_000);
  });

  it('never reports less than zero left', () => {
    expect(remainingAt(openCountdown(1_000, 0, false), 5_000)).toBe(0);
  });
});
