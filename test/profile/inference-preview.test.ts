// Previewing a deletion: the refit without the events, and what the report would say differently.
import { describe, expect, it } from 'vitest';
import type { DimensionDecl } from '../../src/core/model.ts';
import { fitProfile } from '../../src/profile/inference.ts';
import { previewDeletion } from '../../src/profile/inference-preview.ts';
import { choice } from './inference-synthetic.ts';

const DIMS: DimensionDecl[] = [
  { id: 'risk', positive: 'Thrill-seeking', negative: 'Caution' },
  { id: 'kind', positive: 'Kindness', negative: 'Self-interest' },
];

const daring = Array.from({ length: 12 }, () => choice([{ risk: 1 }, { risk: -1 }], 0));
const kindly = [choice([{ kind: 1 }, { kind: -1 }], 1), choice([{ kind: 1 }, {}], 0)];

describe('previewDeletion', () => {
  it('refits without the events and reports the change and the new words', () => {
    const events = [...daring, ...kindly];
    const preview = previewDeletion(
      events,
      DIMS,
      daring.map((e) => e.id),
    );
    const risk = preview.changes.find((c) => c.id === 'risk');
    expect(risk?.before?.estimate).toBeGreaterThan(1);
    expect(risk?.after?.estimate).toBe(0);
    expect(risk?.delta).toBeCloseTo(-(risk?.before?.estimate ?? 0), 12);
    expect(risk?.wordsBefore).toMatch(/Thrill-seeking/);
    expect(risk?.wordsAfter).toBe('no choices bear on this yet');
    expect(risk?.wordsChange).toBe(true);
    expect(risk?.decisionsRemoved).toBe(12);
  });

  it('leaves a dimension the deleted events did not touch unchanged', () => {
    const preview = previewDeletion([...daring, ...kindly], DIMS, [daring[0]!.id]);
    const kind = preview.changes.find((c) => c.id === 'kind');
    expect(kind?.delta).toBeCloseTo(0, 12);
    expect(kind?.wordsChange).toBe(false);
    expect(kind?.decisionsRemoved).toBe(0);
  });

  it('matches a fit of the log with the events removed', () => {
    const events = [...daring.slice(0, 4), ...kindly];
    const preview = previewDeletion(events, DIMS, [kindly[0]!.id]);
    const direct = fitProfile([...daring.slice(0, 4), kindly[1]!], DIMS);
    expect(preview.after.dimensions.map((d) => d.estimate)).toEqual(
      direct.dimensions.map((d) => d.estimate),
    );
  });

  it('says which ids were not in the log and changes nothing for them', () => {
    const preview = previewDeletion(kindly, DIMS, ['missing', kindly[0]!.id]);
    expect(preview.notFound).toEqual(['missing']);
    expect(preview.removed).toEqual([kindly[0]!.id]);
  });

  it('lists a dimension that only the deleted events introduced, as gone afterwards', () => {
    const odd = choice([{ mystery: 1 }, {}], 0);
    const preview = previewDeletion([odd, ...kindly], DIMS, [odd.id]);
    const mystery = preview.changes.find((c) => c.id === 'mystery');
    expect(mystery?.before).not.toBeNull();
    expect(mystery?.after).toBeNull();
    expect(mystery?.delta).toBeCloseTo(-(mystery?.before?.estimate ?? 0), 12);
  });
});
