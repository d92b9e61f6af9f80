// The claims model folds identical rows before fitting (claims-model.ts prepareFolded): the
// folded reading must equal the plain reading folded afterwards, and the fit must not change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/core/events.ts';
import type { DimensionDecl } from '../../src/core/model.ts';
import {
  evaluate,
  fitClaims,
  packRows,
  prepareEach,
  prepareFolded,
  unpackRows,
  type ClaimsModelOptions,
  type RowSet,
} from '../../src/profile/claims-model.ts';

const DIMS: DimensionDecl[] = [
  { id: 'risk', positive: 'Bold', negative: 'Careful' },
  { id: 'warmth', positive: 'Warm', negative: 'Cool' },
];

/** A small world so that picks repeat: few stories, points, texts and taste values. */
const logArb: fc.Arbitrary<CaptureEvent[]> = fc
  .array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({
          kind: fc.constant('choice' as const),
          id: fc.integer({ min: 0, max: 400 }),
          session: fc.integer({ min: 0, max: 3 }),
          story: fc.constantFrom('a', 'b'),
          point: fc.integer({ min: 0, max: 4 }),
          options: fc.array(
            fc.record({
              text: fc.constantFrom('Go', 'Stay', 'Run'),
              taste: fc.dictionary(
                fc.constantFrom('risk', 'warmth', 'odd'),
                fc.constantFrom(-1, 0, 0.5, 1),
                { maxKeys: 2 },
              ),
            }),
            { minLength: 1, maxLength: 3 },
          ),
          chosen: fc.integer({ min: -1, max: 3 }),
          timedOut: fc.boolean(),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('rewind' as const),
          session: fc.integer({ min: 0, max: 3 }),
          story: fc.constantFrom('a', 'b'),
          point: fc.option(fc.integer({ min: 0, max: 4 })),
        }),
      },
    ),
    { maxLength: 120 },
  )
  .map((items) =>
    items.map((it, i): CaptureEvent => {
      const base = {
        v: 1 as const,
        profileId: 'p',
        sessionId: `s${it.session}`,
        storyId: it.story,
        storyVersion: 'h',
        at: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
      };
      if (it.kind === 'rewind')
        return {
          ...base,
          id: `r${i}`,
          type: 'decision.rewound',
          toDecisionId: it.point === null ? null : `d${it.point}`,
        } as CaptureEvent;
      return {
        ...base,
        id: `c${it.id}`,
        type: 'choice.made',
        decisionId: `d${it.point}`,
        knot: 'k',
        options: it.options,
        chosenIndex: it.chosen,
        decisionMs: 1000,
        windowMs: 6000,
        timedOut: it.timedOut,
        input: it.timedOut ? 'timer' : 'pointer',
      };
    }),
  );

const optionsArb: fc.Arbitrary<ClaimsModelOptions> = fc.record(
  {
    timedOutWeight: fc.constantFrom(0, 0.25),
    retryWeight: fc.constantFrom(0.1, 1),
    habits: fc.boolean(),
    pointShare: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('grouping picks by what was offered', () => {
  it('reads the same rows, weights and counts as the plain reading grouped', () => {
    fc.assert(
      fc.property(logArb, optionsArb, (events, options) => {
        const plain = prepareEach(events, DIMS, options);
        const fast = prepareFolded(events, DIMS, options);
        const plainRows = unpackRows(plain.rows);
        // the plain reading keeps a design per pick
        expect(plain.rows.count).toBe(plainRows.length);
        expect(fast.rows).toEqual(packRows(plainRows));
        expect(fast.rowCount).toBe(plainRows.length);
        expect(fast.metas).toEqual(plain.metas);
        expect(fast.habitCounts).toEqual(plain.habitCounts);
        expect(fast.dimDecisions).toEqual(plain.dimDecisions);
        expect(fast.dimDistinct).toEqual(plain.dimDistinct);
        expect([fast.decisions, fast.distinct]).toEqual([plain.decisions, plain.distinct]);
      }),
      { numRuns: 300 },
    );
  });

  it('folds a log that repeats itself into fewer rows', () => {
    const log: CaptureEvent[] = Array.from({ length: 40 }, (_, i) => ({
      v: 1,
      id: `c${i}`,
      profileId: 'p',
      sessionId: `s${i}`,
      storyId: 'a',
      storyVersion: 'h',
      at: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
      type: 'choice.made',
      decisionId: `d${i % 4}`,
      knot: 'k',
      options: [
        { text: 'Go', taste: { risk: 1 } },
        { text: 'Stay', taste: { risk: -1 } },
      ],
      chosenIndex: i % 3 === 0 ? 1 : 0,
      decisionMs: 1000,
      windowMs: 6000,
      timedOut: false,
      input: 'pointer',
    }));
    const plain = prepareEach(log, DIMS, {});
    const fast = prepareFolded(log, DIMS, {});
    expect(plain.rows.count).toBe(40);
    // one offer, seen three ways: before any pick at its point, and after a pick of each option
    // (the repeat habit's column marks the option picked last time)
    expect(fast.rows.count).toBe(3);
    const total = (rows: RowSet) => rows.weight.reduce((s, w) => s + w, 0);
    expect(total(fast.rows)).toBeCloseTo(total(plain.rows), 12);
  });

  it('fits the same posterior folded as row by row', () => {
    fc.assert(
      fc.property(logArb, optionsArb, fc.constantFrom(0, 300), (events, options, samples) => {
        const a = fitClaims(events, DIMS, 0.2, { ...options, samples, fold: true });
        const b = fitClaims(events, DIMS, 0.2, { ...options, samples, fold: false });
        expect(a.decisions).toBe(b.decisions);
        expect(a.distinctDecisions).toBe(b.distinctDecisions);
        a.scaleWeights.forEach((w, i) => expect(w).toBeCloseTo(b.scaleWeights[i]!, 6));
        a.dimensions.forEach((d, i) => {
          const e = b.dimensions[i]!;
          expect(d.meta).toEqual(e.meta);
          expect([d.decisions, d.distinctDecisions]).toEqual([e.decisions, e.distinctDecisions]);
          expect(d.estimate).toBeCloseTo(e.estimate, 6);
          expect(d.interval[0]).toBeCloseTo(e.interval[0], 6);
          expect(d.interval[1]).toBeCloseTo(e.interval[1], 6);
          expect(d.above).toBeCloseTo(e.above, 6);
          expect(d.below).toBeCloseTo(e.below, 6);
        });
        a.habits.forEach((h, i) => {
          const g = b.habits[i]!;
          expect([h.term, h.decisions, h.hits]).toEqual([g.term, g.decisions, g.hits]);
          expect(h.estimate).toBeCloseTo(g.estimate, 6);
          expect(h.sd).toBeCloseTo(g.sd, 6);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('the fit over grouped picks', () => {
  it('gives the row-by-row log-likelihood, gradient and curvature', () => {
    const rowArb = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 3 }))
      .chain(([m, k]) =>
        fc.record({
          cols: fc
            .uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m })
            .map((c) => Int32Array.from(c.sort((a, b) => a - b))),
          // few values, so that offers repeat and group
          x: fc
            .array(fc.constantFrom(-1, 0, 1), { minLength: k * m, maxLength: k * m })
            .map((v) => Float64Array.from(v)),
          k: fc.constant(k),
          chosen: fc.integer({ min: 0, max: k - 1 }),
          weight: fc.constantFrom(1, 0.25, 0.1),
        }),
      );
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 30 }),
        fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (rows, weights) => {
          const w = Float64Array.from(weights);
          const precision = Float64Array.from([1, 4, 0.25, 1, 1, 1]);
          const grouped = packRows(rows);
          const each = packRows(rows, false);
          expect(grouped.count).toBeLessThanOrEqual(each.count);
          for (const general of [false, true]) {
            const a = evaluate(grouped, w, precision, general);
            const b = evaluate(each, w, precision, general);
            const close = (x: number, y: number) =>
              expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(y)));
            close(a.logLik, b.logLik);
            a.grad.forEach((g, i) => close(g, b.grad[i]!));
            a.negHess.data.forEach((v, i) => close(v, b.negHess.data[i]!));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the two-option shortcut of the fit', () => {
  it('gives the general path’s log-likelihood, gradient and curvature', () => {
    const rowArb = fc
      .tuple(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1 }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
      )
      .chain(([m, chosen, weight]) =>
        fc.record({
          cols: fc
            .uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m })
            .map((c) => Int32Array.from(c.sort((a, b) => a - b))),
          x: fc
            .array(fc.constantFrom(-1, -0.5, 0, 0.5, 1, 2), { minLength: 2 * m, maxLength: 2 * m })
            .map((v) => Float64Array.from(v)),
          k: fc.constant(2),
          chosen: fc.constant(chosen),
          weight: fc.constant(weight),
        }),
      );
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 12 }),
        fc.array(fc.double({ min: -40, max: 40, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (rows, weights) => {
          const w = Float64Array.from(weights);
          const precision = Float64Array.from([1, 4, 0.25, 1, 1, 1]);
          const fast = evaluate(packRows(rows), w, precision);
          const slow = evaluate(packRows(rows), w, precision, true);
          const close = (a: number, b: number) =>
            expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
          close(fast.logLik, slow.logLik);
          close(fast.logPost, slow.logPost);
          fast.grad.forEach((g, i) => close(g, slow.grad[i]!));
          fast.negHess.data.forEach((v, i) => close(v, slow.negHess.data[i]!));
        },
      ),
      { numRuns: 500 },
    );
  });
});
