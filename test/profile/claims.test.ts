// claimsFor: a lean is claimed only beyond the region of practical equivalence, never on the sign alone.
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/core/events.ts';
import type { DimensionDecl } from '../../src/core/model.ts';
import {
  CLAIM_DELTA,
  claimFrom,
  claimsFor,
  levelFor,
  massBeyond,
  profileClaims,
} from '../../src/profile/claims.ts';
import { choice } from './inference-synthetic.ts';

const RISK: DimensionDecl = { id: 'risk', positive: 'Thrill-seeking', negative: 'Caution' };
const WARMTH: DimensionDecl = { id: 'warmth', positive: 'Warm', negative: 'Cool' };

function claim(events: readonly CaptureEvent[], id: string) {
  const c = claimsFor(events, [RISK, WARMTH]).find((x) => x.id === id);
  if (!c) throw new Error(`no claim for ${id}`);
  return c;
}

describe('the ROPE rule', () => {
  it('δ moves an even pick by less than five points', () => {
    const moved = 1 / (1 + Math.exp(-CLAIM_DELTA)) - 0.5;
    expect(moved).toBeLessThan(0.05);
    expect(moved).toBeGreaterThan(0.04);
  });

  it('puts the mass beyond ±δ on each side of a normal posterior', () => {
    const { above, below } = massBeyond(0, 1, 0.2);
    expect(above).toBeCloseTo(0.42074, 4);
    expect(below).toBeCloseTo(0.42074, 4);
    const shifted = massBeyond(1, 0.5, 0.2);
    expect(shifted.above).toBeCloseTo(0.9452, 4);
    expect(shifted.below).toBeCloseTo(0.0082, 4);
  });

  it('claims nothing for a posterior sure of the sign but sitting inside the region', () => {
    // P(w > 0) = Φ(0.15 / 0.03) ≈ 1: the old rule said "very sure"; the weight is practically zero
    const c = claimFrom(
      { id: 'risk', positive: 'T', negative: 'C', estimate: 0.15, sd: 0.03 },
      40,
      40,
    );
    expect(c.pole).toBeNull();
    expect(c.level).toBe('none');
    expect(c.probability).toBeLessThan(0.1);
  });

  it('grades the mass beyond δ into levels', () => {
    expect(levelFor(0.5)).toBe('none');
    expect(levelFor(0.85)).toBe('hint');
    expect(levelFor(0.96)).toBe('likely');
    expect(levelFor(0.995)).toBe('sure');
  });
});

describe('claimsFor on the fit', () => {
  it('says nothing from a handful of decisions', () => {
    const events = [
      choice([{ risk: 1 }, { risk: -1 }], 0),
      choice([{ risk: 1 }, {}], 0),
      choice([{ risk: 0.5 }, { risk: -0.5 }], 0),
    ];
    const c = claim(events, 'risk');
    expect(c.decisions).toBe(3);
    expect(c.level === 'none' || c.level === 'hint').toBe(true);
    expect(c.interval[0]).toBeLessThan(c.estimate);
    expect(c.interval[1]).toBeGreaterThan(c.estimate);
  });

  it('claims a lean the choices show again and again, with its pole', () => {
    // the bolder option sits first or second in turn, so the lean cannot be a habit of position
    const events = Array.from({ length: 30 }, (_, i) => {
      const bold = i % 2;
      const options = bold === 0 ? [{ risk: 1 }, { risk: -1 }] : [{ risk: -1 }, { risk: 1 }];
      return choice(options, i % 6 === 0 ? 1 - bold : bold);
    });
    const c = claim(events, 'risk');
    expect(c.pole).toBe('+');
    expect(['likely', 'sure']).toContain(c.level);
    expect(c.probability).toBeGreaterThan(0.95);
    const cautious = claim(
      events.map((e) => ({ ...e, id: `${e.id}c`, chosenIndex: 1 - e.chosenIndex })),
      'risk',
    );
    expect(cautious.pole).toBe('-');
  });

  it('has no pole and level none for a dimension nothing bore on', () => {
    const c = claim([choice([{ risk: 1 }, {}], 0)], 'warmth');
    expect(c).toMatchObject({ pole: null, level: 'none', decisions: 0, distinctDecisions: 0 });
  });

  it('discounts picks that a habit of position explains as well as a taste', () => {
    // the cautious option always comes first and is always taken: position or caution?
    const confounded = Array.from({ length: 20 }, () => choice([{ risk: -1 }, { risk: 1 }], 0));
    // the same cautious picks with the cautious option first and second in turn
    const clear = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0 ? choice([{ risk: -1 }, { risk: 1 }], 0) : choice([{ risk: 1 }, { risk: -1 }], 1),
    );
    const a = profileClaims(confounded, [RISK]);
    const b = profileClaims(clear, [RISK]);
    const riskA = a.claims.find((c) => c.id === 'risk');
    const riskB = b.claims.find((c) => c.id === 'risk');
    expect(riskB?.level).toBe('sure');
    expect(riskA?.estimate).toBeGreaterThan(riskB?.estimate ?? 0);
    expect(riskA?.interval[1]).toBeGreaterThan(riskB?.interval[1] ?? 0);
    expect(a.habits.find((h) => h.kind === 'first-option')).toMatchObject({
      share: 1,
      decisions: 20,
      flagged: true,
    });
    expect(b.habits.find((h) => h.kind === 'first-option')?.flagged).toBe(false);
  });

  it('weighs a pick right after a rewind to the same decision less than the first pick', () => {
    const first = choice([{ risk: 1 }, { risk: -1 }], 0, { decisionId: 'story.door.0' });
    const rewound = {
      ...first,
      id: `${first.id}r`,
      type: 'decision.rewound' as const,
      toDecisionId: 'story.door.0',
      toTurn: 0,
      fromTurn: 1,
    };
    const retry = { ...first, id: `${first.id}b`, chosenIndex: 1 };
    const others = Array.from({ length: 6 }, (_, i) =>
      i % 2 === 0 ? choice([{ risk: 1 }, { risk: -1 }], 0) : choice([{ risk: -1 }, { risk: 1 }], 1),
    );
    const withRewind = profileClaims([...others, first, rewound, retry], [RISK]);
    // without the rewind event the same two picks are a replay: they share one decision's weight equally
    const asReplay = profileClaims([...others, first, retry], [RISK]);
    const r1 = withRewind.claims[0];
    const r2 = asReplay.claims[0];
    expect(r1?.estimate).toBeGreaterThan(r2?.estimate ?? 0);
    expect(withRewind.distinctDecisions).toBe(7);
    expect(withRewind.decisions).toBe(8);
  });

  it('counts a decision point seen again as one distinct decision', () => {
    const events = [1, 2, 3].map(() =>
      choice([{ risk: 1 }, {}], 0, { decisionId: 'story.cliff.0' }),
    );
    events.push(choice([{ warmth: 1 }, {}], 1, { decisionId: 'story.fire.0' }));
    const all = profileClaims(events, [RISK, WARMTH]);
    expect(all.decisions).toBe(4);
    expect(all.distinctDecisions).toBe(2);
    const risk = all.claims.find((c) => c.id === 'risk');
    expect(risk?.decisions).toBe(3);
    expect(risk?.distinctDecisions).toBe(1);
    expect(all.delta).toBe(CLAIM_DELTA);
  });
});
