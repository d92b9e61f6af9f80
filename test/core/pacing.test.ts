// Reading pace: reveal speed per text speed, its cap, and autoplay's reading time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_REVEAL_MS,
  MIN_READ_MS,
  READ_CPS,
  readingMs,
  REVEAL_CPS,
  revealedChars,
} from '../../src/core/pacing.ts';
import type { TextSpeed } from '../../src/core/settings.ts';

const speeds: readonly TextSpeed[] = ['slow', 'normal', 'fast', 'instant'];

describe('revealedChars', () => {
  it('reveals slow text at half the normal pace and fast text quicker', () => {
    expect(revealedChars(150, 1000, 'slow')).toBe(REVEAL_CPS.slow);
    expect(revealedChars(150, 1000, 'normal')).toBe(REVEAL_CPS.normal);
    expect(revealedChars(150, 1000, 'fast')).toBe(REVEAL_CPS.fast);
  });

  it('shows the whole page at once at instant speed', () => {
    expect(revealedChars(5000, 0, 'instant')).toBe(5000);
  });

  it('never goes backwards, never exceeds the text, and always finishes within the speed’s cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.constantFrom(...speeds),
        (total, t, dt, speed) => {
          const a = revealedChars(total, t, speed);
          const b = revealedChars(total, t + dt, speed);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeGreaterThanOrEqual(a);
          expect(b).toBeLessThanOrEqual(total);
          const cap =
            speed === 'instant' ? 0 : (MAX_REVEAL_MS * REVEAL_CPS.normal) / REVEAL_CPS[speed];
          expect(revealedChars(total, cap + 1, speed)).toBe(total);
        },
      ),
    );
  });
});

describe('readingMs', () => {
  it('gives a short page the minimum and a long one time in proportion to its length', () => {
    expect(readingMs(0)).toBe(MIN_READ_MS);
    expect(readingMs(10)).toBe(MIN_READ_MS);
    expect(readingMs(READ_CPS * 10)).toBe(10_000);
  });
});
