// The rows of inferences.csv in the export: one per dimension, numbers rounded for people to read.
import type { InferenceResult } from './inference.ts';

export const INFERENCE_COLUMNS = [
  'dimension',
  'label_positive',
  'label_negative',
  'estimate',
  'low90',
  'high90',
  'p_positive',
  'decisions',
  'top_evidence',
] as const;

export type InferenceColumn = (typeof INFERENCE_COLUMNS)[number];

export interface InferenceRow {
  readonly dimension: string;
  readonly label_positive: string;
  readonly label_negative: string;
  readonly estimate: number;
  readonly low90: number;
  readonly high90: number;
  readonly p_positive: number;
  readonly decisions: number;
  /** `eventId=share` pairs, largest share first, separated by `;` (event ids match choices.csv) */
  readonly top_evidence: string;
}

/** What each column holds, for the export's README.txt. */
export const INFERENCE_COLUMN_DESCRIPTIONS: Readonly<Record<InferenceColumn, string>> = {
  dimension: 'id of the taste dimension, as declared by the stories',
  label_positive: 'name of the positive pole',
  label_negative: 'name of the negative pole',
  estimate:
    'estimated weight (posterior mean); above 0 leans to the positive pole, below 0 to the negative',
  low90: 'lower end of the 90% interval of the weight',
  high90: 'upper end of the 90% interval of the weight',
  p_positive: 'probability that the weight is above 0 (leans to the positive pole)',
  decisions: 'number of recorded choices whose options differed on this dimension',
  top_evidence:
    'the choices that moved the estimate most: event id (as in choices.csv) = its share of the evidence, separated by ;',
};

function round(x: number, places = 4): number {
  const f = 10 ** places;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export function inferenceRows(result: InferenceResult): InferenceRow[] {
  return result.dimensions.map((d) => ({
    dimension: d.id,
    label_positive: d.positive,
    label_negative: d.negative,
    estimate: round(d.estimate),
    low90: round(d.low90),
    high90: round(d.high90),
    p_positive: round(d.pPositive),
    decisions: d.decisions,
    top_evidence: d.evidence.map((e) => `${e.eventId}=${round(e.share, 3)}`).join(';'),
  }));
}
