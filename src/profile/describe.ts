// Words for an inferred lean: turns a dimension's probability and interval into a plain sentence.
import type { Pole } from '../core/directives.ts';

/** What the words are computed from (a DimensionInference has all of it). */
export interface LeanInput {
  readonly positive: string;
  readonly negative: string;
  readonly estimate: number;
  readonly pPositive: number;
  readonly decisions: number;
}

export type Confidence = 'none' | 'unsure' | 'fairly sure' | 'very sure';
export type Strength = 'slightly' | 'clearly' | 'strongly';

export interface LeanDescription {
  /** e.g. "leans toward Thrill-seeking, fairly sure" */
  readonly text: string;
  /** the pole the player leans to, or null when there is no lean worth naming */
  readonly pole: Pole | null;
  /** label of that pole, or null */
  readonly label: string | null;
  /** probability that the lean is to `pole` (max(P, 1 − P)); 0.5 when there is nothing to go on */
  readonly probability: number;
  readonly confidence: Confidence;
  /** how large the lean is, when one is named */
  readonly strength: Strength | null;
}

/**
 * Thresholds on q = max(P(positive), 1 − P(positive)), the probability of the more likely pole.
 * They are tied to the 90% interval the report draws: q > 0.95 exactly when that interval lies
 * wholly on one side of zero, so the words never say "sure" while the bar's interval crosses the
 * middle.
 * - below NO_LEAN (0.75): "no clear lean yet" — the evidence is close to a coin toss;
 * - NO_LEAN to FAIRLY_SURE (0.95): "might lean toward X, not sure yet";
 * - FAIRLY_SURE to VERY_SURE (0.99): "…, fairly sure";
 * - VERY_SURE and above: "…, very sure".
 */
export const LEAN_THRESHOLDS = { NO_LEAN: 0.75, FAIRLY_SURE: 0.95, VERY_SURE: 0.99 } as const;

/**
 * Size of the weight: one unit of a taste multiplies the odds of picking an option by e^w, so
 * |w| below 0.5 (odds × 1.6) is slight and 1.5 or more (odds × 4.5) is strong.
 */
export const STRENGTH_THRESHOLDS = { SLIGHT_BELOW: 0.5, STRONG_FROM: 1.5 } as const;

function strengthOf(estimate: number): Strength {
  const a = Math.abs(estimate);
  if (a < STRENGTH_THRESHOLDS.SLIGHT_BELOW) return 'slightly';
  if (a >= STRENGTH_THRESHOLDS.STRONG_FROM) return 'strongly';
  return 'clearly';
}

export function describeLean(dim: LeanInput): LeanDescription {
  if (dim.decisions === 0) {
    return {
      text: 'no choices bear on this yet',
      pole: null,
      label: null,
      probability: 0.5,
      confidence: 'none',
      strength: null,
    };
  }
  const positive = dim.pPositive >= 0.5;
  const q = positive ? dim.pPositive : 1 - dim.pPositive;
  if (!(q >= LEAN_THRESHOLDS.NO_LEAN)) {
    return {
      text: 'no clear lean yet',
      pole: null,
      label: null,
      probability: q,
      confidence: 'none',
      strength: null,
    };
  }
  const pole: Pole = positive ? '+' : '-';
  const label = positive ? dim.positive : dim.negative;
  const strength = strengthOf(dim.estimate);
  if (q < LEAN_THRESHOLDS.FAIRLY_SURE) {
    return {
      text: `might lean toward ${label}, not sure yet`,
      pole,
      label,
      probability: q,
      confidence: 'unsure',
      strength,
    };
  }
  const confidence: Confidence = q >= LEAN_THRESHOLDS.VERY_SURE ? 'very sure' : 'fairly sure';
  const verb = strength === 'clearly' ? 'leans toward' : `leans ${strength} toward`;
  return {
    text: `${verb} ${label}, ${confidence}`,
    pole,
    label,
    probability: q,
    confidence,
    strength,
  };
}

/** The lean of a dimension as one sentence, e.g. "leans toward Thrill-seeking, fairly sure". */
export function words(dim: LeanInput): string {
  return describeLean(dim).text;
}
