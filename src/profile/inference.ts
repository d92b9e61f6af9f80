// The taste model of DESIGN.md §5: a Bayesian softmax over the options offered, fit by Newton's method.
import type { CaptureEvent, EventOf } from '../core/events.ts';
import type { DimensionDecl } from '../core/model.ts';
import {
  cholesky,
  choleskyInverse,
  choleskySolve,
  identity,
  normalCdf,
  Z90,
} from './inference-math.ts';
import type { SquareMatrix } from './inference-math.ts';
import { describeLean } from './describe.ts';
import type { LeanDescription } from './describe.ts';

export interface FitOptions {
  /**
   * Weight of a decision the timer made (`timedOut: true`). The timer chose, not the player, so it
   * says little about taste; it still says something (the player let the default stand), hence
   * not zero. Default 0.25.
   */
  readonly timedOutWeight?: number;
  /** How many of the decisions that moved a dimension most are listed as its evidence. Default 5. */
  readonly maxEvidence?: number;
}

export const DEFAULT_TIMED_OUT_WEIGHT = 0.25;
export const DEFAULT_MAX_EVIDENCE = 5;

/** One decision behind a dimension's estimate, ready to be shown as a link to the choice. */
export interface Evidence {
  readonly eventId: string;
  readonly storyId: string;
  readonly sessionId: string;
  readonly decisionId: string;
  readonly knot: string;
  /** the text of the option taken */
  readonly chosenText: string;
  readonly at: string;
  /** the timer chose: this decision counts with the timed-out weight */
  readonly timedOut: boolean;
  /** the weight this decision had in the fit (1, or the timed-out weight) */
  readonly weight: number;
  /** which pole this decision pulls toward at the estimate */
  readonly direction: '+' | '-';
  /** signed pull: this decision's term of the log-likelihood gradient at the estimate */
  readonly pull: number;
  /** |pull| over the sum of |pull| of all decisions bearing on the dimension (shares sum to 1) */
  readonly share: number;
}

export interface DimensionInference {
  readonly id: string;
  /** label of the positive pole (from the stories' `dimension` tags; the id when undeclared) */
  readonly positive: string;
  /** label of the negative pole (`not <id>` when undeclared) */
  readonly negative: string;
  /** false when the id only appeared in `taste` tags, never in a `dimension` tag */
  readonly declared: boolean;
  /** posterior mean (the MAP under the Laplace approximation) */
  readonly estimate: number;
  /** posterior standard deviation */
  readonly sd: number;
  /** 90% credible interval: estimate ± 1.645 sd */
  readonly low90: number;
  readonly high90: number;
  /** P(weight > 0) = Φ(estimate / sd): how likely the player leans to the positive pole */
  readonly pPositive: number;
  /** decisions whose options differed on this dimension (these are the only ones that inform it) */
  readonly decisions: number;
  /** of those, how many the timer made */
  readonly timedOutDecisions: number;
  /** the decisions that moved it most, largest share first (at most `maxEvidence`) */
  readonly evidence: readonly Evidence[];
  /** the lean in words, e.g. "leans toward Thrill-seeking, fairly sure" */
  readonly summary: string;
  readonly lean: LeanDescription;
}

export interface InferenceResult {
  /** in order: declared dimensions as first declared, then undeclared ids as first seen in tastes */
  readonly dimensions: readonly DimensionInference[];
  /** posterior covariance (Laplace): covariance[i][j] between dimensions[i] and dimensions[j] */
  readonly covariance: readonly (readonly number[])[];
  /** choice.made events that informed the fit */
  readonly decisionsUsed: number;
  /** choice.made events that carried no information (all options with the same taste, one option, or unreadable) */
  readonly decisionsWithoutInformation: number;
  /** of the decisions used, how many the timer made */
  readonly timedOutUsed: number;
  readonly timedOutWeight: number;
  readonly iterations: number;
  readonly converged: boolean;
}

type ChoiceEvent = EventOf<'choice.made'>;

/** A decision reduced to numbers: K options × D dimensions, dense. */
interface Comparison {
  readonly event: ChoiceEvent;
  readonly k: number;
  /** option k, dimension d at k * D + d */
  readonly x: Float64Array;
  readonly chosen: number;
  readonly weight: number;
  /** per dimension: do the options differ on it? */
  readonly bears: Uint8Array;
}

interface DimensionMeta {
  readonly id: string;
  readonly positive: string;
  readonly negative: string;
  readonly declared: boolean;
}

function isChoice(e: CaptureEvent): e is ChoiceEvent {
  return e.type === 'choice.made';
}

function tasteValue(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** Declared dimensions first (first declaration of an id wins), then ids only seen in tastes. */
function collectDimensions(
  choices: readonly ChoiceEvent[],
  declared: readonly DimensionDecl[],
): DimensionMeta[] {
  const byId = new Map<string, DimensionMeta>();
  for (const d of declared) {
    if (!byId.has(d.id))
      byId.set(d.id, { id: d.id, positive: d.positive, negative: d.negative, declared: true });
  }
  for (const e of choices) {
    for (const o of e.options) {
      for (const [id, v] of Object.entries(o.taste)) {
        if (!byId.has(id) && tasteValue(v) !== 0) {
          byId.set(id, { id, positive: id, negative: `not ${id}`, declared: false });
        }
      }
    }
  }
  return [...byId.values()];
}

function toComparison(
  e: ChoiceEvent,
  index: ReadonlyMap<string, number>,
  dims: number,
  timedOutWeight: number,
): Comparison | null {
  const k = e.options.length;
  if (k < 2 || !Number.isInteger(e.chosenIndex) || e.chosenIndex < 0 || e.chosenIndex >= k)
    return null;
  const weight = e.timedOut ? timedOutWeight : 1;
  if (!(weight > 0)) return null;
  const x = new Float64Array(k * dims);
  e.options.forEach((o, j) => {
    for (const [id, v] of Object.entries(o.taste)) {
      const d = index.get(id);
      if (d !== undefined) x[j * dims + d] = tasteValue(v);
    }
  });
  const bears = new Uint8Array(dims);
  let any = false;
  for (let d = 0; d < dims; d++) {
    const first = x[d] ?? 0;
    for (let j = 1; j < k; j++) {
      if ((x[j * dims + d] ?? 0) !== first) {
        bears[d] = 1;
        any = true;
        break;
      }
    }
  }
  // options identical in taste: the softmax gives every w the same likelihood
  if (!any) return null;
  return { event: e, k, x, chosen: e.chosenIndex, weight, bears };
}

/** Log posterior, its gradient and the negative Hessian (prior N(0, I) included). */
interface Local {
  logPost: number;
  grad: Float64Array;
  negHess: SquareMatrix;
}

function evaluate(
  comparisons: readonly Comparison[],
  w: Float64Array,
  dims: number,
  withHessian: boolean,
): Local {
  const grad = new Float64Array(dims);
  const negHess = identity(dims);
  const h = negHess.data;
  let logPost = 0;
  for (let d = 0; d < dims; d++) {
    const wd = w[d] ?? 0;
    logPost -= 0.5 * wd * wd;
    grad[d] = -wd;
  }
  const mean = new Float64Array(dims);
  let u = new Float64Array(8);
  for (const c of comparisons) {
    const { k, x, weight } = c;
    if (u.length < k) u = new Float64Array(k);
    let max = -Infinity;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += (w[d] ?? 0) * (x[j * dims + d] ?? 0);
      u[j] = s;
      if (s > max) max = s;
    }
    let z = 0;
    for (let j = 0; j < k; j++) {
      const p = Math.exp((u[j] ?? 0) - max);
      u[j] = p;
      z += p;
    }
    logPost += weight * Math.log((u[c.chosen] ?? 0) / z);
    mean.fill(0);
    for (let j = 0; j < k; j++) {
      const p = (u[j] ?? 0) / z;
      u[j] = p;
      for (let d = 0; d < dims; d++) mean[d] = (mean[d] ?? 0) + p * (x[j * dims + d] ?? 0);
    }
    for (let d = 0; d < dims; d++) {
      grad[d] = (grad[d] ?? 0) + weight * ((x[c.chosen * dims + d] ?? 0) - (mean[d] ?? 0));
    }
    if (!withHessian) continue;
    // weighted covariance of the offered tastes under the choice probabilities
    for (let j = 0; j < k; j++) {
      const pw = weight * (u[j] ?? 0);
      if (pw === 0) continue;
      for (let a = 0; a < dims; a++) {
        const da = (x[j * dims + a] ?? 0) - (mean[a] ?? 0);
        if (da === 0) continue;
        for (let b = 0; b <= a; b++) {
          const db = (x[j * dims + b] ?? 0) - (mean[b] ?? 0);
          h[a * dims + b] = (h[a * dims + b] ?? 0) + pw * da * db;
        }
      }
    }
  }
  for (let a = 0; a < dims; a++) for (let b = 0; b < a; b++) h[b * dims + a] = h[a * dims + b] ?? 0;
  return { logPost, grad, negHess };
}

/** Each comparison's term of the log-likelihood gradient at w: how hard it pulls each dimension. */
function pulls(comparisons: readonly Comparison[], w: Float64Array, dims: number): Float64Array {
  const out = new Float64Array(comparisons.length * dims);
  const p = new Float64Array(16);
  comparisons.forEach((c, i) => {
    const probs = c.k <= p.length ? p : new Float64Array(c.k);
    let max = -Infinity;
    for (let j = 0; j < c.k; j++) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += (w[d] ?? 0) * (c.x[j * dims + d] ?? 0);
      probs[j] = s;
      if (s > max) max = s;
    }
    let z = 0;
    for (let j = 0; j < c.k; j++) {
      probs[j] = Math.exp((probs[j] ?? 0) - max);
      z += probs[j] ?? 0;
    }
    for (let d = 0; d < dims; d++) {
      let m = 0;
      for (let j = 0; j < c.k; j++) m += ((probs[j] ?? 0) / z) * (c.x[j * dims + d] ?? 0);
      out[i * dims + d] = c.weight * ((c.x[c.chosen * dims + d] ?? 0) - m);
    }
  });
  return out;
}

const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-10;

/**
 * Fits the player's taste weights from every `choice.made` event.
 *
 * Each decision is a comparison among the options offered: the utility of option k is w · x_k
 * (x_k its taste vector) and P(choose k) = softmax. With the prior w ~ N(0, I) the log posterior
 * is concave, so Newton's method (with step halving as a guard) finds the MAP; the Laplace
 * approximation takes the inverse of the negative Hessian there as the posterior covariance.
 *
 * Rewinds: a decision taken again after a rewind is still a choice the player really made, so
 * every `choice.made` counts, including those later rewound past. Deleting one removes it.
 * Decisions whose options all share one taste, or with a single option, carry no information and
 * are counted in `decisionsWithoutInformation`. Events are deduplicated by id.
 */
export function fitProfile(
  events: readonly CaptureEvent[],
  dimensions: readonly DimensionDecl[],
  options: FitOptions = {},
): InferenceResult {
  const timedOutWeight = options.timedOutWeight ?? DEFAULT_TIMED_OUT_WEIGHT;
  const maxEvidence = options.maxEvidence ?? DEFAULT_MAX_EVIDENCE;
  const seen = new Set<string>();
  const choices: ChoiceEvent[] = [];
  for (const e of events) {
    if (!isChoice(e) || seen.has(e.id)) continue;
    seen.add(e.id);
    choices.push(e);
  }
  const metas = collectDimensions(choices, dimensions);
  const dims = metas.length;
  const index = new Map(metas.map((m, i) => [m.id, i]));
  const comparisons: Comparison[] = [];
  for (const e of choices) {
    const c = toComparison(e, index, dims, timedOutWeight);
    if (c) comparisons.push(c);
  }

  let w = new Float64Array(dims);
  let local = evaluate(comparisons, w, dims, true);
  let iterations = 0;
  let converged = dims === 0;
  while (!converged && iterations < MAX_ITERATIONS) {
    iterations++;
    const l = cholesky(local.negHess);
    if (!l) break;
    const step = choleskySolve(l, local.grad);
    let t = 1;
    let improved = false;
    for (let halvings = 0; halvings < 40 && !improved; halvings++) {
      const cand = new Float64Array(dims);
      for (let d = 0; d < dims; d++) cand[d] = (w[d] ?? 0) + t * (step[d] ?? 0);
      const candLocal = evaluate(comparisons, cand, dims, true);
      if (candLocal.logPost >= local.logPost - 1e-12) {
        w = cand;
        local = candLocal;
        improved = true;
      } else {
        t /= 2;
      }
    }
    let size = 0;
    for (let d = 0; d < dims; d++) size = Math.max(size, Math.abs(t * (step[d] ?? 0)));
    // no step along Newton's direction improves: the MAP is reached to machine precision
    if (!improved || size < TOLERANCE) converged = true;
  }

  const factor = cholesky(local.negHess);
  const cov = factor ? choleskyInverse(factor) : identity(dims);
  const covariance: number[][] = [];
  for (let a = 0; a < dims; a++) {
    const row: number[] = [];
    for (let b = 0; b < dims; b++) row.push(cov.data[a * dims + b] ?? 0);
    covariance.push(row);
  }

  const pull = pulls(comparisons, w, dims);
  const result: DimensionInference[] = metas.map((m, d) => {
    const estimate = w[d] ?? 0;
    const sd = Math.sqrt(Math.max(cov.data[d * dims + d] ?? 1, 0));
    const pPositive = sd > 0 ? normalCdf(estimate / sd) : estimate > 0 ? 1 : estimate < 0 ? 0 : 0.5;
    let decisions = 0;
    let timedOutDecisions = 0;
    let total = 0;
    const moved: number[] = [];
    comparisons.forEach((c, i) => {
      if (!c.bears[d]) return;
      decisions++;
      if (c.event.timedOut) timedOutDecisions++;
      const a = Math.abs(pull[i * dims + d] ?? 0);
      total += a;
      if (a > 0) moved.push(i);
    });
    moved.sort((i, j) => Math.abs(pull[j * dims + d] ?? 0) - Math.abs(pull[i * dims + d] ?? 0));
    const evidence: Evidence[] = moved.slice(0, Math.max(0, maxEvidence)).map((i) => {
      const c = comparisons[i] as Comparison;
      const e = c.event;
      const signed = pull[i * dims + d] ?? 0;
      return {
        eventId: e.id,
        storyId: e.storyId,
        sessionId: e.sessionId,
        decisionId: e.decisionId,
        knot: e.knot,
        chosenText: e.options[e.chosenIndex]?.text ?? '',
        at: e.at,
        timedOut: e.timedOut,
        weight: c.weight,
        direction: signed >= 0 ? '+' : '-',
        pull: signed,
        share: total > 0 ? Math.abs(signed) / total : 0,
      };
    });
    const partial = {
      ...m,
      estimate,
      sd,
      low90: estimate - Z90 * sd,
      high90: estimate + Z90 * sd,
      pPositive,
      decisions,
      timedOutDecisions,
      evidence,
    };
    const lean = describeLean(partial);
    return { ...partial, lean, summary: lean.text };
  });

  return {
    dimensions: result,
    covariance,
    decisionsUsed: comparisons.length,
    decisionsWithoutInformation: choices.length - comparisons.length,
    timedOutUsed: comparisons.filter((c) => c.event.timedOut).length,
    timedOutWeight,
    iterations,
    converged,
  };
}

/** A dimension of a result by id. */
export function dimensionOf(result: InferenceResult, id: string): DimensionInference | undefined {
  return result.dimensions.find((d) => d.id === id);
}
