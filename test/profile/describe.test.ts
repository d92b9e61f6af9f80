// The words of a lean: thresholds tied to the 90% interval, and the size of the lean.
import { describe, expect, it } from 'vitest';
import { describeLean, words } from '../../src/profile/describe.ts';

const base = { positive: 'Thrill-seeking', negative: 'Caution', decisions: 6 };

describe('words for a lean', () => {
  it('says nothing bears on a dimension no decision touched', () => {
    expect(words({ ...base, decisions: 0, estimate: 0, pPositive: 0.5 })).toBe(
      'no choices bear on this yet',
    );
  });

  it('names no lean while the evidence is close to a coin toss', () => {
    const d = describeLean({ ...base, estimate: 0.3, pPositive: 0.7 });
    expect(d.text).toBe('no clear lean yet');
    expect(d.pole).toBeNull();
    expect(d.probability).toBeCloseTo(0.7, 12);
  });

  it('hedges while the 90% interval still crosses zero', () => {
    const d = describeLean({ ...base, estimate: -0.8, pPositive: 0.1 });
    expect(d.text).toBe('might lean toward Caution, not sure yet');
    expect([d.pole, d.confidence]).toEqual(['-', 'unsure']);
  });

  it('says fairly sure once the 90% interval lies on one side', () => {
    expect(words({ ...base, estimate: 1, pPositive: 0.96 })).toBe(
      'leans toward Thrill-seeking, fairly sure',
    );
  });

  it('says very sure from 99% and grades the size of the lean', () => {
    expect(words({ ...base, estimate: 2, pPositive: 0.995 })).toBe(
      'leans strongly toward Thrill-seeking, very sure',
    );
    expect(words({ ...base, estimate: -0.3, pPositive: 0.003 })).toBe(
      'leans slightly toward Caution, very sure',
    );
  });
});
