// What the app may say about a player's tastes (DESIGN.md §5 "Claims"): per dimension a pole or
// none and a level, claimed only when the posterior puts its mass beyond a region of practical
// equivalence around zero. The report's words, the home's reasons, the ledger and the poster rule
// all read these and nothing else. No words for people here: see claim-words.ts.
import type { CaptureEvent } from '../core/events.ts';
import type { DimensionDecl } from '../core/model.ts';
import type { ChoiceTable } from './choice-table.ts';
import { fitClaims, type ClaimsFit, type ClaimsModelOptions } from './claims-model.ts';
import { normalCdf, Z90 } from './inference-math.ts';

export type ClaimLevel = 'none' | 'hint' | 'likely' | 'sure';

export interface Claim {
  /** dimension id */
  readonly id: string;
  /** label of the + pole, e.g. 'Thrill-seeking' */
  readonly positive: string;
  /** label of the − pole, e.g. 'Caution' */
  readonly negative: string;
  /** null: no lean claimed */
  readonly pole: '+' | '-' | null;
  /** 'none' whenever pole is null */
  readonly level: ClaimLevel;
  /** posterior probability that the weight lies beyond δ on the claimed pole's side (for pole null: the larger of the two sides) */
  readonly probability: number;
  /** decisions (times seen) that offered a difference on this dimension */
  readonly decisions: number;
  /** distinct decision points among them */
  readonly distinctDecisions: number;
  /** 90% interval of the taste weight */
  readonly interval: readonly [number, number];
  readonly estimate: number;
}

export type HabitKind = 'first-option' | 'default-option' | 'repeat';

export interface Habit {
  readonly kind: HabitKind;
  /** e.g. 0.7 = first option picked 70% of the time */
  readonly share: number;
  /** decisions it was measured on */
  readonly decisions: number;
  /** true when it looks like a habit and was discounted (the report says so) */
  readonly flagged: boolean;
}

export interface ProfileClaims {
  readonly claims: readonly Claim[];
  readonly habits: readonly Habit[];
  /** the ROPE half-width δ */
  readonly delta: number;
  /** all choice decisions counted */
  readonly decisions: number;
  readonly distinctDecisions: number;
}

/**
 * δ, the half-width of the region of practical equivalence around zero. Taste differences between
 * the options of one decision are about one unit in the shipped stories (`+1` against nothing, or
 * `+0.5` against `−0.5`), and a weight w moves a 50/50 pick to σ(w). σ(0.2) = 0.550: a weight
 * inside ±0.2 moves an even pick by at most 5 points, too little to call a taste. A lean is claimed
 * only when the posterior mass beyond δ on one side is high, never on the sign of w alone.
 */
export const CLAIM_DELTA = 0.2;

/**
 * Levels on the posterior mass beyond δ on the leaning side. `hint` is at most "might lean, not
 * sure yet"; `likely` and `sure` are claims (and only they can pick a poster variant).
 */
export const CLAIM_LEVELS = { HINT_FROM: 0.8, LIKELY_FROM: 0.95, SURE_FROM: 0.99 } as const;

/** Habit flags: a share this high over at least this many decisions looks like a habit. */
export const HABIT_FLAG = { SHARE_FROM: 0.7, MIN_DECISIONS: 8 } as const;

export function levelFor(probability: number): ClaimLevel {
  if (probability >= CLAIM_LEVELS.SURE_FROM) return 'sure';
  if (probability >= CLAIM_LEVELS.LIKELY_FROM) return 'likely';
  if (probability >= CLAIM_LEVELS.HINT_FROM) return 'hint';
  return 'none';
}

/** The posterior mass beyond ±δ of N(estimate, sd²) on each side. */
export function massBeyond(
  estimate: number,
  sd: number,
  delta: number,
): { readonly above: number; readonly below: number } {
  if (!(sd > 0)) {
    return { above: estimate > delta ? 1 : 0, below: estimate < -delta ? 1 : 0 };
  }
  return {
    above: 1 - normalCdf((delta - estimate) / sd),
    below: normalCdf((-delta - estimate) / sd),
  };
}

/** A claim from a dimension's posterior summary (normal, by the Laplace approximation). */
export function claimFrom(
  dim: {
    readonly id: string;
    readonly positive: string;
    readonly negative: string;
    readonly estimate: number;
    readonly sd: number;
  },
  decisions: number,
  distinctDecisions: number,
  delta: number = CLAIM_DELTA,
): Claim {
  const { above, below } = massBeyond(dim.estimate, dim.sd, delta);
  const side: '+' | '-' = above >= below ? '+' : '-';
  const probability = Math.max(above, below);
  const level = decisions === 0 ? 'none' : levelFor(probability);
  return {
    id: dim.id,
    positive: dim.positive,
    negative: dim.negative,
    pole: level === 'none' ? null : side,
    level,
    probability,
    decisions,
    distinctDecisions,
    interval: [dim.estimate - Z90 * dim.sd, dim.estimate + Z90 * dim.sd],
    estimate: dim.estimate,
  };
}

/** Claims and habits for the whole log, from the claims model (claims-model.ts). */
export function profileClaims(
  events: readonly CaptureEvent[] | ChoiceTable,
  dimensions: readonly DimensionDecl[],
  /** the model's knobs, for the honesty suite's ablations; leave out for the shipped model */
  model: ClaimsModelOptions = {},
): ProfileClaims {
  return claimsFromFit(fitClaims(events, dimensions, CLAIM_DELTA, model));
}

/** The claims and habits a fit supports. */
export function claimsFromFit(fit: ClaimsFit): ProfileClaims {
  const claims = fit.dimensions.map((d): Claim => {
    const side: '+' | '-' = d.above >= d.below ? '+' : '-';
    const probability = Math.max(d.above, d.below);
    const level = d.decisions === 0 ? 'none' : levelFor(probability);
    return {
      id: d.meta.id,
      positive: d.meta.positive,
      negative: d.meta.negative,
      pole: level === 'none' ? null : side,
      level,
      probability,
      decisions: d.decisions,
      distinctDecisions: d.distinctDecisions,
      interval: d.interval,
      estimate: d.estimate,
    };
  });
  const habits = fit.habits.map((h): Habit => {
    const share = h.decisions > 0 ? h.hits / h.decisions : 0;
    // it looks like a habit when the share is high, or when the fit finds the term beyond what
    // the tastes explain (its 90% interval above zero); either way the term was fitted and its
    // part taken out of the tastes
    const beyondTastes = h.estimate - Z90 * h.sd > 0;
    return {
      kind: h.term,
      share,
      decisions: h.decisions,
      flagged:
        h.decisions >= HABIT_FLAG.MIN_DECISIONS && (share >= HABIT_FLAG.SHARE_FROM || beyondTastes),
    };
  });
  return {
    claims,
    habits,
    delta: CLAIM_DELTA,
    decisions: fit.decisions,
    distinctDecisions: fit.distinctDecisions,
  };
}

/** One claim per dimension: declared dimensions first, then ids met only in tastes. */
export function claimsFor(
  events: readonly CaptureEvent[],
  dimensions: readonly DimensionDecl[],
): readonly Claim[] {
  return profileClaims(events, dimensions).claims;
}
