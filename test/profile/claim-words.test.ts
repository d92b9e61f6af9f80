import { describe, expect, it } from 'vitest';
import type { Claim, Habit } from '../../src/profile/claims.ts';
import {
  claimChance,
  claimPercent,
  claimReason,
  claimSentence,
  fromDecisions,
  habitSentence,
  speedSentence,
} from '../../src/profile/claim-words.ts';

function claim(over: Partial<Claim> = {}): Claim {
  return {
    id: 'risk',
    positive: 'Thrill-seeking',
    negative: 'Caution',
    pole: null,
    level: 'none',
    probability: 0.5,
    decisions: 14,
    distinctDecisions: 11,
    interval: [-0.5, 0.5],
    estimate: 0,
    ...over,
  };
}

describe('claimSentence', () => {
  it('says plainly that nothing bears on a dimension with 0 decisions, with no percentage', () => {
    const c = claim({ decisions: 0, distinctDecisions: 0 });
    expect(claimSentence(c)).toBe(
      'None of your choices so far bears on Thrill-seeking or Caution.',
    );
    expect(claimChance(c)).toBeNull();
    expect(claimReason(c)).toBeNull();
  });

  it('says no clear lean for level none, whatever the larger side’s probability', () => {
    const c = claim({ probability: 0.74, decisions: 1, distinctDecisions: 1 });
    expect(claimSentence(c)).toBe(
      'No clear lean toward Thrill-seeking or Caution yet, from 1 decision.',
    );
    expect(claimSentence(c)).not.toMatch(/%/);
    expect(claimChance(c)).toBeNull();
    expect(claimReason(c)).toBeNull();
  });

  it('says "might lean, not sure yet" for a hint and gives it no reason', () => {
    const c = claim({ pole: '+', level: 'hint', probability: 0.86 });
    expect(claimSentence(c)).toBe(
      'You might lean toward Thrill-seeking — not sure yet, from 14 decisions (11 distinct).',
    );
    expect(claimChance(c)).toBe(
      '86% chance of a real lean toward Thrill-seeking, more than a slight tilt',
    );
    expect(claimReason(c)).toBeNull();
  });

  it('names the negative pole for a likely claim on the − side, and the percentage matches its side', () => {
    const c = claim({ pole: '-', level: 'likely', probability: 0.968 });
    expect(claimSentence(c)).toBe(
      'You lean toward Caution — likely, from 14 decisions (11 distinct).',
    );
    expect(claimChance(c)).toMatch(/^96% chance of a real lean toward Caution/);
    expect(claimReason(c)).toBe('Because you lean Caution');
  });

  it('calls a sure claim a clear pattern and never shows 100%', () => {
    const c = claim({
      pole: '+',
      level: 'sure',
      probability: 0.99995,
      decisions: 30,
      distinctDecisions: 30,
    });
    expect(claimSentence(c)).toBe(
      'You lean toward Thrill-seeking — a clear pattern, from 30 decisions.',
    );
    expect(claimChance(c)).toMatch(/^over 99% chance/);
    expect(claimReason(c)).toBe('Because you lean Thrill-seeking');
  });
});

describe('numbers in words', () => {
  it('rounds percentages down and counts decisions in the singular and plural', () => {
    expect(claimPercent(0.958)).toBe('95%');
    expect(claimPercent(0.95)).toBe('95%');
    expect(claimPercent(1)).toBe('over 99%');
    expect(claimPercent(Number.NaN)).toBe('0%');
    expect(fromDecisions(1, 1)).toBe('from 1 decision');
    expect(fromDecisions(48, 11)).toBe('from 48 decisions (11 distinct)');
    expect(fromDecisions(5, 5)).toBe('from 5 decisions');
  });
});

describe('habitSentence', () => {
  const habit = (over: Partial<Habit>): Habit => ({
    kind: 'first-option',
    share: 0.72,
    decisions: 25,
    flagged: true,
    ...over,
  });
  it('says a flagged habit was not counted as taste', () => {
    expect(habitSentence(habit({}))).toBe(
      'You picked the first option 72% of the time (of 25 decisions); that looks like a habit, so it was not counted as taste.',
    );
  });
  it('says there is no sign of a habit when it is not flagged, and nothing with 0 decisions', () => {
    expect(habitSentence(habit({ kind: 'repeat', share: 0.4, flagged: false, decisions: 1 }))).toBe(
      'Coming back to a decision, you made the same pick as before 40% of the time (of 1 decision); no sign of a habit.',
    );
    expect(habitSentence(habit({ decisions: 0 }))).toBeNull();
  });
});

describe('speedSentence', () => {
  it('gives no label below 10 timed decisions and says how many there are', () => {
    const s = speedSentence({ medianMs: 4200, timed: 3, timerChose: 1, pace: 'quick' });
    expect(s).toBe(
      'You usually decide in about 4.2 seconds (the median); only 3 timed decisions so far, too few to label your pace (it takes 10); the timer chose for you once.',
    );
    expect(s).not.toMatch(/quick/);
  });
  it('labels the pace from 10 timed decisions, with the count', () => {
    expect(speedSentence({ medianMs: 12_400, timed: 10, timerChose: 0, pace: 'deliberate' })).toBe(
      'You usually decide in about 12 seconds (the median): a deliberate pace, across 10 timed decisions.',
    );
  });
  it('handles no decisions at all and no timed ones', () => {
    expect(speedSentence({ medianMs: null, timed: 0, timerChose: 0, pace: null })).toMatch(
      /^No decisions/,
    );
    expect(speedSentence({ medianMs: 900, timed: 0, timerChose: 0, pace: null })).toMatch(
      /none of your decisions had a timer/,
    );
  });
});
