// The rows of inferences.csv: one per dimension, in the documented columns.
import { describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/profile/claims.ts';
import { fitProfile } from '../../src/profile/inference.ts';
import {
  INFERENCE_COLUMN_DESCRIPTIONS,
  INFERENCE_COLUMNS,
  inferenceRows,
} from '../../src/profile/inference-rows.ts';
import { choice } from './inference-synthetic.ts';

describe('inferenceRows', () => {
  const events = [
    choice([{ risk: 1 }, { risk: -1 }], 0),
    choice([{ risk: 1 }, {}], 0),
    choice([{ risk: 0.5 }, {}], 1),
  ];
  const result = fitProfile(
    events,
    [{ id: 'risk', positive: 'Thrill-seeking', negative: 'Caution' }],
    {
      maxEvidence: 2,
    },
  );
  const claims = claimsFor(events, [
    { id: 'risk', positive: 'Thrill-seeking', negative: 'Caution' },
  ]);
  const rows = inferenceRows(result, claims);

  it('gives one row per dimension with exactly the documented columns', () => {
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!)).toEqual([...INFERENCE_COLUMNS]);
    expect(Object.keys(INFERENCE_COLUMN_DESCRIPTIONS).sort()).toEqual(
      [...INFERENCE_COLUMNS].sort(),
    );
  });

  it("carries the claim's estimate and interval (what the report draws) and the fit's probability, rounded to four places", () => {
    const d = result.dimensions[0]!;
    const claim = claims[0]!;
    const row = rows[0]!;
    expect([row.dimension, row.label_positive, row.label_negative]).toEqual([
      'risk',
      'Thrill-seeking',
      'Caution',
    ]);
    expect(row.estimate).toBeCloseTo(claim.estimate, 4);
    expect(row.low90).toBeCloseTo(claim.interval[0], 4);
    expect(row.high90).toBeCloseTo(claim.interval[1], 4);
    expect(row.p_positive).toBeCloseTo(d.pPositive, 4);
    expect(row.estimate.toString()).toMatch(/^-?\d+(\.\d{1,4})?$/);
    expect(row.decisions).toBe(3);
  });

  it('carries the claim made on the same log: level, pole, probability and distinct decisions', () => {
    const claim = claims[0]!;
    const row = rows[0]!;
    expect(row.claim_level).toBe(claim.level);
    expect(row.claim_pole).toBe(claim.pole ?? '');
    expect(row.claim_probability).toBeCloseTo(claim.probability, 4);
    expect(row.distinct_decisions).toBe(3);
    // three decisions are not enough to claim a lean
    expect(['none', 'hint']).toContain(row.claim_level);
  });

  it('lists the top evidence as event id = share pairs, largest first', () => {
    const pairs = rows[0]!.top_evidence.split(';').map((p) => p.split('='));
    expect(pairs).toHaveLength(2);
    expect(pairs.map(([id]) => id)).toEqual(result.dimensions[0]!.evidence.map((e) => e.eventId));
    const shares = pairs.map(([, s]) => Number(s));
    expect(shares[0]).toBeGreaterThanOrEqual(shares[1]!);
  });
});
