// The fit on small hand-worked cases, plus properties that any MAP of this model must satisfy.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/core/events.ts';
import type { DimensionDecl } from '../../src/core/model.ts';
import { fitProfile } from '../../src/profile/inference.ts';
import type { InferenceResult } from '../../src/profile/inference.ts';
import { choice } from './inference-synthetic.ts';

const RISK: DimensionDecl = { id: 'risk', positive: 'Thrill-seeking', negative: 'Caution' };

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Root of a decreasing function on [lo, hi] by bisection: an independent check of Newton's answer. */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function dim(result: InferenceResult, id: string) {
  const d = result.dimensions.find((x) => x.id === id);
  if (!d) throw new Error(`no dimension ${id}`);
  return d;
}

describe('fitProfile on hand-worked cases', () => {
  it('matches the 1-D stationary point for one binary decision taken once', () => {
    // log posterior: log σ(w) − w²/2, so the MAP solves 1 − σ(w) − w = 0 and the
    // negative second derivative there is 1 + σ(w)(1 − σ(w))
    const result = fitProfile([choice([{ risk: 1 }, {}], 0)], [RISK]);
    const expected = bisect((w) => 1 - sigmoid(w) - w, 0, 1);
    const d = dim(result, 'risk');
    expect(d.estimate).toBeCloseTo(expected, 9);
    const s = sigmoid(expected);
    expect(d.sd).toBeCloseTo(1 / Math.sqrt(1 + s * (1 - s)), 9);
    expect(d.low90).toBeCloseTo(d.estimate - 1.6448536 * d.sd, 6);
    expect(d.high90).toBeCloseTo(d.estimate + 1.6448536 * d.sd, 6);
    expect(result.converged).toBe(true);
  });

  it('matches the 1-D solution when the options sit at opposite poles', () => {
    // utilities +w and −w: the MAP solves 2(1 − σ(2w)) − w = 0
    const result = fitProfile([choice([{ risk: -1 }, { risk: 1 }], 1)], [RISK]);
    expect(dim(result, 'risk').estimate).toBeCloseTo(
      bisect((w) => 2 * (1 - sigmoid(2 * w)) - w, 0, 2),
      9,
    );
  });

  it('matches the 1-D stationary point for a three-way decision', () => {
    // options risk 1, 0, 0 and the first taken: P = e^w / (e^w + 2), so the MAP solves
    // 2 / (e^w + 2) − w = 0 and the curvature of the likelihood there is P(1 − P)
    const d = dim(fitProfile([choice([{ risk: 1 }, {}, { horror: 0 }], 0)], [RISK]), 'risk');
    const expected = bisect((w) => 2 / (Math.exp(w) + 2) - w, 0, 1);
    expect(d.estimate).toBeCloseTo(expected, 9);
    const p = Math.exp(expected) / (Math.exp(expected) + 2);
    expect(d.sd).toBeCloseTo(1 / Math.sqrt(1 + p * (1 - p)), 9);
  });

  it('gives P(leans positive) = Φ(estimate / sd)', () => {
    const result = fitProfile([choice([{ risk: 1 }, {}], 0), choice([{ risk: 1 }, {}], 0)], [RISK]);
    const d = dim(result, 'risk');
    // Φ via its series-free relation to a known value: Φ(z) rises with z and Φ(0) = 0.5
    expect(d.pPositive).toBeGreaterThan(0.5);
    const z = d.estimate / d.sd;
    // numerical integral of the normal density from 0 to z, added to 0.5
    let integral = 0;
    const steps = 10_000;
    for (let i = 0; i < steps; i++) {
      const t = ((i + 0.5) / steps) * z;
      integral += (Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI)) * (z / steps);
    }
    expect(d.pPositive).toBeCloseTo(0.5 + integral, 6);
  });

  it('finds no lean when the player takes each pole equally often', () => {
    const events = [
      choice([{ risk: 1 }, { risk: -1 }], 0),
      choice([{ risk: 1 }, { risk: -1 }], 1),
      choice([{ risk: -1 }, { risk: 1 }], 0),
      choice([{ risk: -1 }, { risk: 1 }], 1),
    ];
    const d = dim(fitProfile(events, [RISK]), 'risk');
    expect(Math.abs(d.estimate)).toBeLessThan(1e-9);
    expect(d.pPositive).toBeCloseTo(0.5, 9);
    expect(d.summary).toBe('no clear lean yet');
    expect(d.decisions).toBe(4);
  });

  it('narrows the interval as evidence accumulates at the same rate', () => {
    const mixed = (n: number): CaptureEvent[] =>
      Array.from({ length: n }, (_, i) => choice([{ risk: 1 }, { risk: -1 }], i % 5 < 3 ? 0 : 1));
    const few = dim(fitProfile(mixed(5), [RISK]), 'risk');
    const many = dim(fitProfile(mixed(50), [RISK]), 'risk');
    expect(many.high90 - many.low90).toBeLessThan(few.high90 - few.low90);
    expect(many.sd).toBeLessThan(few.sd);
  });

  it('counts a decision the timer made with a smaller weight and flags it', () => {
    const byPlayer = dim(fitProfile([choice([{ risk: 1 }, {}], 0)], [RISK]), 'risk');
    const byTimer = fitProfile(
      [choice([{ risk: 1 }, {}], 0, { timedOut: true, input: 'timer' })],
      [RISK],
    );
    const d = dim(byTimer, 'risk');
    expect(d.estimate).toBeGreaterThan(0);
    expect(d.estimate).toBeLessThan(byPlayer.estimate);
    // weighted log-likelihood: 0.25 (1 − σ(w)) − w = 0
    expect(d.estimate).toBeCloseTo(
      bisect((w) => 0.25 * (1 - sigmoid(w)) - w, 0, 1),
      9,
    );
    expect(d.timedOutDecisions).toBe(1);
    expect(d.evidence[0]?.timedOut).toBe(true);
    expect(d.evidence[0]?.weight).toBe(0.25);
    expect(byTimer.timedOutUsed).toBe(1);
  });

  it('lets the caller choose the timed-out weight', () => {
    const events = [choice([{ risk: 1 }, {}], 0, { timedOut: true })];
    const light = dim(fitProfile(events, [RISK], { timedOutWeight: 0.1 }), 'risk');
    const heavy = dim(fitProfile(events, [RISK], { timedOutWeight: 1 }), 'risk');
    const asPlayer = dim(fitProfile([choice([{ risk: 1 }, {}], 0)], [RISK]), 'risk');
    expect(light.estimate).toBeLessThan(heavy.estimate);
    expect(heavy.estimate).toBeCloseTo(asPlayer.estimate, 12);
  });

  it('ignores decisions whose options all carry the same taste', () => {
    const result = fitProfile(
      [choice([{ risk: 1 }, { risk: 1 }], 0), choice([{}, {}, {}], 2), choice([{ risk: 1 }], 0)],
      [RISK],
    );
    const d = dim(result, 'risk');
    expect(result.decisionsUsed).toBe(0);
    expect(result.decisionsWithoutInformation).toBe(3);
    expect(d.estimate).toBe(0);
    expect(d.sd).toBeCloseTo(1, 12);
    expect(d.decisions).toBe(0);
    expect(d.evidence).toEqual([]);
    expect(d.summary).toBe('no choices bear on this yet');
  });

  it('counts only decisions whose options differ on a dimension as bearing on it', () => {
    const events = [
      choice([{ risk: 1, horror: 1 }, { horror: 1 }], 0),
      choice([{ horror: 1 }, { horror: -1 }], 0),
      choice([{ horror: 1 }, {}], 1),
    ];
    const result = fitProfile(events, [RISK]);
    expect(dim(result, 'risk').decisions).toBe(1);
    expect(dim(result, 'horror').decisions).toBe(2);
  });

  it('skips a choice whose chosen index is out of range instead of failing', () => {
    const result = fitProfile([choice([{ risk: 1 }, {}], 5), choice([{ risk: 1 }, {}], 0)], [RISK]);
    expect(result.decisionsUsed).toBe(1);
    expect(result.decisionsWithoutInformation).toBe(1);
  });

  it('keeps a decision taken again after a rewind, and counts a repeated event id once', () => {
    const first = choice([{ risk: 1 }, { risk: -1 }], 0, { decisionId: 'story.gate' });
    const rewound: CaptureEvent = {
      v: 1,
      id: 'rw1',
      profileId: first.profileId,
      sessionId: first.sessionId,
      storyId: first.storyId,
      storyVersion: first.storyVersion,
      at: first.at,
      type: 'decision.rewound',
      toDecisionId: 'story.gate',
      toTurn: 0,
      fromTurn: 1,
    };
    const again = choice([{ risk: 1 }, { risk: -1 }], 0, { decisionId: 'story.gate' });
    const result = fitProfile([first, rewound, again, first], [RISK]);
    expect(result.decisionsUsed).toBe(2);
    expect(dim(result, 'risk').decisions).toBe(2);
  });

  it('counts identical decisions replayed n times as n pieces of evidence', () => {
    // n identical picks: the MAP solves n (1 − σ(w)) − w = 0; replays are folded internally
    const n = 7;
    const events = Array.from({ length: n }, (_, i) =>
      choice([i % 2 === 0 ? { risk: 1 } : { risk: 1, horror: 0 }, {}], 0),
    );
    const d = dim(fitProfile(events, [RISK], { maxEvidence: 10 }), 'risk');
    expect(d.estimate).toBeCloseTo(
      bisect((w) => n * (1 - sigmoid(w)) - w, 0, 5),
      9,
    );
    expect(d.decisions).toBe(n);
    expect(new Set(d.evidence.map((e) => e.eventId)).size).toBe(n);
    for (const e of d.evidence) expect(e.share).toBeCloseTo(1 / n, 12);
  });

  it('leans strongly and surely after many consistent choices', () => {
    const events = Array.from({ length: 30 }, () => choice([{ risk: 1 }, { risk: -1 }], 0));
    const d = dim(fitProfile(events, [RISK]), 'risk');
    expect(d.pPositive).toBeGreaterThan(0.99);
    expect(d.low90).toBeGreaterThan(0);
    expect(d.summary).toBe('leans strongly toward Thrill-seeking, very sure');
  });
});

describe('fitProfile dimensions and labels', () => {
  it('labels dimensions from their declarations, first declaration winning, across stories', () => {
    const result = fitProfile(
      [
        choice([{ risk: 1 }, {}], 0, { storyId: 'a' }),
        choice([{ risk: 1 }, {}], 0, { storyId: 'b' }),
      ],
      [RISK, { id: 'risk', positive: 'Daring', negative: 'Care' }],
    );
    expect(result.dimensions).toHaveLength(1);
    const d = dim(result, 'risk');
    expect([d.positive, d.negative, d.declared]).toEqual(['Thrill-seeking', 'Caution', true]);
    expect(d.decisions).toBe(2);
  });

  it('labels an id seen only in tastes with the id itself', () => {
    const d = dim(fitProfile([choice([{ mystery: 1 }, {}], 0)], [RISK]), 'mystery');
    expect([d.positive, d.negative, d.declared]).toEqual(['mystery', 'not mystery', false]);
  });

  it('lists declared dimensions without any choices at their prior', () => {
    const result = fitProfile([], [RISK]);
    const d = dim(result, 'risk');
    expect([d.estimate, d.sd, d.pPositive, d.decisions]).toEqual([0, 1, 0.5, 0]);
  });

  it('orders declared dimensions first, then undeclared ones as first seen', () => {
    const result = fitProfile([choice([{ zeta: 1, alpha: 1 }, {}], 0)], [RISK]);
    expect(result.dimensions.map((d) => d.id)).toEqual(['risk', 'zeta', 'alpha']);
  });

  it('returns a symmetric covariance whose diagonal is the squared sd', () => {
    const events = [
      choice([{ risk: 1, horror: 1 }, {}], 0),
      choice([{ risk: 1 }, { horror: 1 }], 1),
      choice([{ risk: -1 }, { horror: 0.5 }], 0),
    ];
    const result = fitProfile(events, [RISK]);
    result.dimensions.forEach((d, i) => {
      expect(result.covariance[i]?.[i]).toBeCloseTo(d.sd * d.sd, 12);
      result.dimensions.forEach((_, j) => {
        expect(result.covariance[i]?.[j]).toBeCloseTo(result.covariance[j]?.[i] ?? NaN, 12);
      });
    });
  });
});

describe('fitProfile evidence', () => {
  it('lists the decisions that moved a dimension most, with shares that sum to 1', () => {
    const events = [
      choice([{ risk: 1 }, { risk: -1 }], 0, { storyId: 'a', decisionId: 'a.gate' }),
      choice([{ risk: 0.5 }, {}], 0, { storyId: 'b', decisionId: 'b.door' }),
      choice([{ risk: 1 }, {}], 1, { storyId: 'b', decisionId: 'b.hall' }),
    ];
    const d = dim(fitProfile(events, [RISK], { maxEvidence: 10 }), 'risk');
    expect(d.evidence).toHaveLength(3);
    const shares = d.evidence.map((e) => e.share);
    expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    const hall = d.evidence.find((e) => e.decisionId === 'b.hall');
    expect(hall?.direction).toBe('-');
    expect(hall?.chosenText).toBe('option 2');
    expect(hall?.storyId).toBe('b');
    expect(d.evidence.find((e) => e.decisionId === 'a.gate')?.direction).toBe('+');
  });

  it('keeps only the requested number of evidence items', () => {
    const events = Array.from({ length: 8 }, () => choice([{ risk: 1 }, {}], 0));
    expect(dim(fitProfile(events, [RISK]), 'risk').evidence).toHaveLength(5);
    expect(dim(fitProfile(events, [RISK], { maxEvidence: 2 }), 'risk').evidence).toHaveLength(2);
  });

  it('reaches a stationary point: the pulls of all decisions balance the prior', () => {
    const taste = fc.dictionary(
      fc.constantFrom('a', 'b', 'c'),
      fc.constantFrom(-1, -0.5, 0.5, 1, 2),
      {
        maxKeys: 2,
      },
    );
    const decision = fc
      .tuple(fc.array(taste, { minLength: 2, maxLength: 4 }), fc.nat(), fc.boolean())
      .map(([options, pick, timedOut]) => choice(options, pick % options.length, { timedOut }));
    fc.assert(
      fc.property(fc.array(decision, { maxLength: 25 }), (events) => {
        const result = fitProfile(events, [], { maxEvidence: Infinity });
        expect(result.converged).toBe(true);
        for (const d of result.dimensions) {
          // ∂/∂w_d of the log posterior is Σ pulls − w_d, zero at the MAP
          const pull = d.evidence.reduce((s, e) => s + e.pull, 0);
          expect(pull).toBeCloseTo(d.estimate, 6);
          expect(d.low90).toBeLessThan(d.estimate);
          expect(d.sd).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
