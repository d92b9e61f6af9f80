// Both fits read the log through one table of numbers (choice-table.ts): the table must say what
// a plain reading of the events says, duplicates, rewinds, odd tastes and all, and the report's
// shared reading must give what each fit gives on the events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/core/events.ts';
import type { DimensionDecl } from '../../src/core/model.ts';
import { withUniqueIds } from '../../src/core/unique-ids.ts';
import { choiceTable, type ChoiceTable } from '../../src/profile/choice-table.ts';
import { profileClaims } from '../../src/profile/claims.ts';
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

/** What the table should hold, read from the events the plain way (strings, maps, objects). */
function plainReading(events: readonly CaptureEvent[]) {
  const seen = new Set<string>();
  const pending = new Map<string, Set<string>>();
  const points = new Map<string, number>();
  const rows = [];
  for (const e of events) {
    if (e.type === 'decision.rewound') {
      if (e.toDecisionId === null) continue;
      const set = pending.get(e.sessionId) ?? new Set<string>();
      pending.set(e.sessionId, set.add(`${e.storyId}/${e.toDecisionId}`));
      continue;
    }
    if (e.type !== 'choice.made' || seen.has(e.id)) continue;
    seen.add(e.id);
    const key = `${e.storyId}/${e.decisionId}`;
    if (!points.has(key)) points.set(key, points.size);
    const k = e.options.length;
    const index = e.chosenIndex;
    rows.push({
      event: e,
      point: points.get(key),
      k,
      chosen: Number.isInteger(index) && index >= 0 && index < k ? index : -1,
      timedOut: e.timedOut,
      retry: pending.get(e.sessionId)?.delete(key) ?? false,
      texts: e.options.map((o) => o.text),
      tastes: e.options.flatMap((o, j) =>
        Object.entries(o.taste)
          .filter(([, v]) => typeof v === 'number' && Number.isFinite(v) && v !== 0)
          .map(([id, v]) => [j, id, v]),
      ),
    });
  }
  return { rows, points: points.size };
}

/** Choice i of the table, read back into the plain reading's terms. */
function rowOf(table: ChoiceTable, i: number, textOf: Map<number, string>) {
  const from = table.optionStart[i]!;
  const to = table.optionStart[i + 1]!;
  const tastes = [];
  for (let t = table.tasteStart[i]!; t < table.tasteStart[i + 1]!; t++)
    tastes.push([table.tasteOption[t], table.tasteIds[table.tasteDim[t]!], table.tasteValue[t]]);
  return {
    event: table.choices[i],
    point: table.point[i],
    k: table.k[i],
    chosen: table.chosen[i],
    timedOut: table.timedOut[i] === 1,
    retry: table.retry[i] === 1,
    texts: [...table.text.subarray(from, to)].map((t) => textOf.get(t)),
    tastes,
  };
}

describe('the choice table', () => {
  it('holds what a plain reading of the events says', () => {
    fc.assert(
      fc.property(logArb, (events) => {
        const table = choiceTable(events);
        const plain = plainReading(events);
        // equal texts get equal numbers and different texts different ones
        const textOf = new Map<number, string>();
        const numberOf = new Map<string, number>();
        table.choices.forEach((e, i) =>
          e.options.forEach((o, j) => {
            const t = table.text[table.optionStart[i]! + j]!;
            expect(textOf.get(t) ?? o.text).toBe(o.text);
            expect(numberOf.get(o.text) ?? t).toBe(t);
            textOf.set(t, o.text);
            numberOf.set(o.text, t);
          }),
        );
        expect(table.choices.length).toBe(plain.rows.length);
        expect(table.points).toBe(plain.points);
        plain.rows.forEach((row, i) => expect(rowOf(table, i, textOf)).toEqual(row));
        // taste ids in order of first non-zero value
        const met = plain.rows.flatMap((r) => r.tastes.map((t) => t[1]));
        expect(table.tasteIds).toEqual([...new Set(met)]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a log the store marked as holding each id once the same as any other', () => {
    fc.assert(
      fc.property(logArb, (events) => {
        const seen = new Set<string>();
        const distinct = events.filter((e) => !seen.has(e.id) && seen.add(e.id));
        expect(choiceTable(withUniqueIds([...distinct]))).toEqual(choiceTable(distinct));
      }),
      { numRuns: 200 },
    );
  });

  it('does not trust the mark once the marked log has grown', () => {
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
    const events = withUniqueIds([e('c1', 0), e('c2', 1)]);
    expect(choiceTable(events).choices.length).toBe(2);
    events.push(e('c1', 1));
    expect(choiceTable(events).choices.length).toBe(2);
    expect(fitProfile(events, DIMS).decisionsUsed).toBe(2);
    expect(profileClaims(events, DIMS).decisions).toBe(2);
  });
});

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
});
