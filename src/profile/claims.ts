// What the app may say about a player's tastes (DESIGN.md §5 "Claims"): per dimension a pole or
// none and a level, claimed only when the posterior puts its mass beyond a region of practical
// equivalence around zero. The report's words, the home's reasons, the ledger and the poster rule
// all read these and nothing else. No words for people here: see claim-words.ts.
import type { CaptureEvent } from '../core/events.ts';
import type { DimensionDecl } from '../core/model.ts';
import { fitProfile } from './inference.ts';
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

interface Counts {
  decisions: number;
  points: Set<string>;
}

function pointKey(storyId: string, decisionId: string): string {
  return `${storyId}\u0000${decisionId}`;
}

function tasteOf(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** Per dimension, the choices whose options differ on it, and how many distinct decision points. */
function countDecisions(events: readonly CaptureEvent[]): {
  readonly byDim: Map<string, Counts>;
  readonly decisions: number;
  readonly distinct: number;
} {
  const seen = new Set<string>();
  const points = new Set<string>();
  const byDim = new Map<string, Counts>();
  let decisions = 0;
  for (const e of events) {
    if (e.type !== 'choice.made' || seen.has(e.id)) continue;
    seen.add(e.id);
    decisions++;
    const key = pointKey(e.storyId, e.decisionId);
    points.add(key);
    if (e.options.length < 2) continue;
    const ids = new Set<string>();
    for (const o of e.options) for (const id in o.taste) ids.add(id);
    for (const id of ids) {
      const first = tasteOf(e.options[0]?.taste[id]);
      if (!e.options.some((o) => tasteOf(o.taste[id]) !== first)) continue;
      let c = byDim.get(id);
      if (!c) {
        c = { decisions: 0, points: new Set() };
        byDim.set(id, c);
      }
      c.decisions++;
      c.points.add(key);
    }
  }
  return { byDim, decisions, distinct: points.size };
}

/** Claims and habits for the whole log. */
export function profileClaims(
  events: readonly CaptureEvent[],
  dimensions: readonly DimensionDecl[],
): ProfileClaims {
  const fit = fitProfile(events, dimensions, { maxEvidence: 0 });
  const counts = countDecisions(events);
  const claims = fit.dimensions.map((d) => {
    const c = counts.byDim.get(d.id);
    return claimFrom(d, c?.decisions ?? 0, c?.points.size ?? 0);
  });
  return {
    claims,
    habits: [],
    delta: CLAIM_DELTA,
    decisions: counts.decisions,
    distinctDecisions: counts.distinct,
  };
}

/** One claim per dimension: declared dimensions first, then ids met only in tastes. */
export function claimsFor(
  events: readonly CaptureEvent[],
  dimensions: readonly DimensionDecl[],
): readonly Claim[] {
  return profileClaims(events, dimensions).claims;
}
