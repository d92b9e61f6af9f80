// The report reads the log once for both fits (profile-inference.ts, choice-log.ts): each fit
// over that reading must equal the same fit over the whole log, duplicates and all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/core/events.ts';
import type { DimensionDecl } from '../../src/core/model.ts';
import { choiceLog, isChoiceLog } from '../../src/profile/choice-log.ts';
import { profileClaims } from '../../src/profile/claims.ts';
import { prepareFolded } from '../../src/profile/claims-model.ts';
import { fitProfile } from '../../src/profile/inference.ts';
import { profileInference } from '../../src/profile/profile-inference.ts';

const DIMS: DimensionDecl[] = [
  { id: 'risk', positive: 'Bold', negative: 'Careful' },
  { id: 'warmth', positive: 'Warm', negative: 'Cool' },
];

const base = (i: number, session: number, story: string) => ({
  v: 1 as const,
  profileId: 'p',
  sessionId: `s${session}`,
  storyId: story,
  storyVersion: 'h',
  at: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
});

/** Logs with repeated ids, rewinds, other event types and undeclared dimensions. */
const logArb: fc.Arbitrary<CaptureEvent[]> = fc
  .array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({
          kind: fc.constant('choice' as const),
          id: fc.integer({ min: 0, max: 60 }),
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
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('start' as const),
          session: fc.integer({ min: 0, max: 3 }),
          story: fc.constantFrom('a', 'b'),
        }),
      },
    ),
    { maxLength: 120 },
  )
  .map((items) =>
    items.map((it, i): CaptureEvent => {
      const b = base(i, it.session, it.story);
      if (it.kind === 'start') return { ...b, id: `x${i}`, type: 'session.started' };
      if (it.kind === 'rewind')
        return {
          ...b,
          id: `r${i}`,
          type: 'decision.rewound',
          toDecisionId: it.point === null ? null : `d${it.point}`,
        } as CaptureEvent;
      return {
        ...b,
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

describe('one reading of the log for both fits', () => {
  it('gives the same evidence fit and claims as each fit over the whole log', () => {
    fc.assert(
      fc.property(logArb, (events) => {
        const shared = profileInference(events, DIMS);
        expect(shared.result).toEqual(fitProfile(events, DIMS));
        expect(shared.claims).toEqual(profileClaims(events, DIMS));
      }),
      { numRuns: 200 },
    );
  });

  it('reads the same rows for the claims as the whole log', () => {
    fc.assert(
      fc.property(logArb, (events) => {
        expect(prepareFolded(choiceLog(events), DIMS, {})).toEqual(prepareFolded(events, DIMS, {}));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the first choice of an id and every rewind, in log order, and nothing else', () => {
    fc.assert(
      fc.property(logArb, (events) => {
        const log = choiceLog(events);
        const seen = new Set<string>();
        const expected = events.filter((e) => {
          if (e.type === 'decision.rewound') return true;
          if (e.type !== 'choice.made' || seen.has(e.id)) return false;
          seen.add(e.id);
          return true;
        });
        expect(log).toEqual(expected);
        expect(isChoiceLog(log)).toBe(true);
        expect(choiceLog(log)).toBe(log);
      }),
      { numRuns: 200 },
    );
  });

  it('does not take a plain array with duplicate ids for a deduplicated log', () => {
    const e = (id: string, chosenIndex: number): CaptureEvent => ({
      ...base(0, 0, 'a'),
      id,
      type: 'choice.made',
      decisionId: 'd0',
      knot: 'k',
      options: [
        { text: 'Go', taste: { risk: 1 } },
        { text: 'Stay', taste: { risk: -1 } },
      ],
      chosenIndex,
      decisionMs: 1000,
      windowMs: 6000,
      timedOut: false,
      input: 'pointer',
    });
    const events = [e('c1', 0), e('c1', 0), e('c2', 1)];
    expect(isChoiceLog(events)).toBe(false);
    expect(fitProfile(events, DIMS).decisionsUsed).toBe(2);
    expect(profileClaims(events, DIMS).decisions).toBe(2);
  });
});
