// The decision window policy (core/timing.ts): precedence, time scale and the clamp of long windows.
import { describe, expect, it } from 'vitest';
import { ENGINE_DEFAULT_TIMER_S, MAX_WINDOW_MS, windowMs } from '../../src/core/timing.ts';
import { parseTag } from '../../src/core/tags.ts';

const story = { timerSeconds: undefined };

describe('windowMs', () => {
  it('takes the decision timer, else the story timer, else the engine default', () => {
    expect(windowMs({ timerSeconds: 8 }, { timerSeconds: 20 })).toBe(8000);
    expect(windowMs({ timerSeconds: undefined }, { timerSeconds: 20 })).toBe(20_000);
    expect(windowMs({ timerSeconds: undefined }, story)).toBe(ENGINE_DEFAULT_TIMER_S * 1000);
    expect(windowMs({ timerSeconds: null }, { timerSeconds: 20 })).toBeNull();
    expect(windowMs({ timerSeconds: 8 }, story, 'off')).toBeNull();
  });

  it('caps every window at 20 minutes, well below what a browser timer can count', () => {
    expect(MAX_WINDOW_MS).toBe(1_200_000);
    expect(MAX_WINDOW_MS).toBeLessThan(2 ** 31 - 1);
  });

  it('keeps a window just under the cap and clamps one just over it', () => {
    expect(windowMs({ timerSeconds: 1199.999 }, story)).toBe(1_199_999);
    expect(windowMs({ timerSeconds: 1200 }, story)).toBe(1_200_000);
    expect(windowMs({ timerSeconds: 1200.001 }, story)).toBe(1_200_000);
  });

  it('clamps a timer longer than setTimeout can wait instead of letting it fire at once', () => {
    expect(windowMs({ timerSeconds: 2_500_000 }, story)).toBe(MAX_WINDOW_MS);
    expect(windowMs({ timerSeconds: undefined }, { timerSeconds: 2_500_000 })).toBe(MAX_WINDOW_MS);
  });

  it('clamps after the time scale: ×10 of 120 s is exactly the cap, ×10 of 121 s is clamped', () => {
    expect(windowMs({ timerSeconds: 120 }, story, 10)).toBe(1_200_000);
    expect(windowMs({ timerSeconds: 119 }, story, 10)).toBe(1_190_000);
    expect(windowMs({ timerSeconds: 121 }, story, 10)).toBe(MAX_WINDOW_MS);
    expect(windowMs({ timerSeconds: 700 }, story, 2)).toBe(MAX_WINDOW_MS);
    expect(windowMs({ timerSeconds: 599 }, story, 2)).toBe(1_198_000);
  });

  it('never yields a window that is not a finite number', () => {
    expect(windowMs({ timerSeconds: Infinity }, story)).toBe(MAX_WINDOW_MS);
    expect(windowMs({ timerSeconds: NaN }, story)).toBe(MAX_WINDOW_MS);
  });
});

describe('timer and pause tags', () => {
  it('refuse a number of seconds too large to be a number', () => {
    const huge = '9'.repeat(400);
    expect(parseTag(`timer: ${huge}`).kind).toBe('invalid');
    expect(parseTag(`pause: ${huge}`).kind).toBe('invalid');
    expect(parseTag('timer: 2500000')).toEqual({ kind: 'timer', seconds: 2_500_000 });
  });
});
