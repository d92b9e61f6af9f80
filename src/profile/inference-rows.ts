// The rows of inferences.csv in the export: one per dimension, numbers rounded for people to read.
import type { Claim } from './claims.ts';
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
  'distinct_decisions',
  'claim_pole',
  'claim_level',
  'claim_probability',
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
  readonly distinct_decisions: number;
  /** '+', '-' or '' (no lean claimed) */
  readonly claim_pole: string;
  readonly claim_level: string;
  readonly claim_probability: number;
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
  distinct_decisions:
    'how many distinct decision points those choices were (a decision replayed counts once here)',
  claim_pole:
    'the pole the app says you lean to: + (positive), - (negative), or empty when it claims no lean',
  claim_level:
    'how sure that claim is: none, hint (might lean, not sure yet), likely or sure; posters and the home only use likely and sure',
  claim_probability:
    'probability that the weight lies beyond the no-practical-difference zone on the claimed side (for no claim: the larger side)',
  top_evidence:
    'the choices that moved the estimate most: event id (as in choices.csv) = its share of the evidence, separated by ;',
};

function round(x: number, places = 4): number {
  const f = 10 ** places;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** One row per dimension of the fit, with the claim made about it (claimsFor on the same log). */
export function inferenceRows(result: InferenceResult, claims: readonly Claim[]): InferenceRow[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return result.dimensions.map((d) => {
    const claim = byId.get(d.id);
    return {
      dimension: d.id,
      label_positive: d.positive,
      label_negative: d.negative,
      // the claim's model (tastes beside habits, learned prior) is what the app says; its numbers
      // go with it. The plain fit's are the fallback for a dimension with no claim.
      estimate: round(claim?.estimate ?? d.estimate),
      low90: round(claim?.interval[0] ?? d.low90),
      high90: round(claim?.interval[1] ?? d.high90),
      p_positive: round(d.pPositive),
      decisions: d.decisions,
      distinct_decisions: claim?.distinctDecisions ?? 0,
      claim_pole: claim?.pole ?? '',
      claim_level: claim?.level ?? 'none',
      claim_probability: round(claim?.probability ?? 0),
      top_evidence: d.evidence.map((e) => `${e.eventId}=${round(e.share, 3)}`).join(';'),
    };
  });
}
