// The taste model of DESIGN.md §5: a Bayesian softmax over the options offered, fit by Newton's method.
import type { CaptureEvent } from '../core/events.ts';
import type { DimensionDecl } from '../core/model.ts';
import {
  cholesky,
  choleskyInverse,
  choleskySolve,
  identity,
  normalCdf,
  Z90,
} from './inference-math.ts';
import { describeLean } from './describe.ts';
import { asChoiceTable, tableDimensions, type ChoiceTable } from './choice-table.ts';
import {
  addComparison,
  newBuilder,
  pack,
  type Comparison,
  type Local,
  type Packed,
} from './inference-comparisons.ts';
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

/**
 * The log posterior at w with its gradient and negative Hessian; when `pulls` is given (one slot
 * per packed dimension entry), also fills each comparison's gradient term per unit of weight.
 */
function evaluate(c: Packed, w: Float64Array, dims: number, pulls?: Float64Array): Local {
  const grad = new Float64Array(dims);
  const negHess = identity(dims);
  const h = negHess.data;
  let logPost = 0;
  for (let d = 0; d < dims; d++) {
    const wd = w[d] ?? 0;
    logPost -= 0.5 * wd * wd;
    grad[d] = -wd;
  }
  const mean = new Float64Array(c.maxM);
  const wl = new Float64Array(c.maxM);
  const p = new Float64Array(c.maxK);
  const { x, dims: flatDims } = c;
  for (let i = 0; i < c.count; i++) {
    const k = c.k[i] ?? 0;
    const m = c.m[i] ?? 0;
    const chosen = c.chosen[i] ?? 0;
    const weight = c.weight[i] ?? 0;
    const dOff = c.dimOffset[i] ?? 0;
    const xOff = c.xOffset[i] ?? 0;
    if (k === 2) {
      // two options, the common case: a logistic on the difference of their tastes, which
      // needs a third of the general path's arithmetic
      const other = 1 - chosen;
      let s = 0;
      for (let l = 0; l < m; l++) {
        const diff = (x[xOff + chosen * m + l] ?? 0) - (x[xOff + other * m + l] ?? 0);
        wl[l] = diff;
        s += (w[flatDims[dOff + l] ?? 0] ?? 0) * diff;
      }
      // P(chosen) = σ(s); log σ(s) and 1 − σ(s) computed without overflow
      const q = s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
      const notQ = 1 - q;
      logPost += weight * (s >= 0 ? -Math.log1p(Math.exp(-s)) : s - Math.log1p(Math.exp(s)));
      const curvature = weight * q * notQ;
      for (let a = 0; a < m; a++) {
        const da = wl[a] ?? 0;
        const d = flatDims[dOff + a] ?? 0;
        grad[d] = (grad[d] ?? 0) + weight * notQ * da;
        if (pulls) pulls[dOff + a] = notQ * da;
        const hr = d * dims;
        for (let b2 = 0; b2 <= a; b2++) {
          const at = hr + (flatDims[dOff + b2] ?? 0);
          h[at] = (h[at] ?? 0) + curvature * da * (wl[b2] ?? 0);
        }
      }
      continue;
    }
    for (let l = 0; l < m; l++) {
      wl[l] = w[flatDims[dOff + l] ?? 0] ?? 0;
      mean[l] = 0;
    }
    let max = -Infinity;
    for (let j = 0; j < k; j++) {
      let s = 0;
      const row = xOff + j * m;
      for (let l = 0; l < m; l++) s += (wl[l] ?? 0) * (x[row + l] ?? 0);
      p[j] = s;
      if (s > max) max = s;
    }
    let z = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp((p[j] ?? 0) - max);
      p[j] = e;
      z += e;
    }
    logPost += weight * Math.log((p[chosen] ?? 0) / z);
    for (let j = 0; j < k; j++) {
      const pj = (p[j] ?? 0) / z;
      p[j] = pj;
      const row = xOff + j * m;
      for (let l = 0; l < m; l++) mean[l] = (mean[l] ?? 0) + pj * (x[row + l] ?? 0);
    }
    const chosenRow = xOff + chosen * m;
    for (let l = 0; l < m; l++) {
      const g = (x[chosenRow + l] ?? 0) - (mean[l] ?? 0);
      const d = flatDims[dOff + l] ?? 0;
      grad[d] = (grad[d] ?? 0) + weight * g;
      if (pulls) pulls[dOff + l] = g;
    }
    // the weighted covariance of the offered tastes under the choice probabilities
    for (let j = 0; j < k; j++) {
      const pw = weight * (p[j] ?? 0);
      if (pw === 0) continue;
      const row = xOff + j * m;
      for (let a = 0; a < m; a++) {
        const da = (x[row + a] ?? 0) - (mean[a] ?? 0);
        if (da === 0) continue;
        const hr = (flatDims[dOff + a] ?? 0) * dims;
        for (let b = 0; b <= a; b++) {
          const db = (x[row + b] ?? 0) - (mean[b] ?? 0);
          const at = hr + (flatDims[dOff + b] ?? 0);
          h[at] = (h[at] ?? 0) + pw * da * db;
        }
      }
    }
  }
  for (let a = 0; a < dims; a++) for (let b = 0; b < a; b++) h[b * dims + a] = h[a * dims + b] ?? 0;
  return { logPost, grad, negHess };
}

const MAX_ITERATIONS = 100;
/**
 * Newton converges quadratically: once a step is this small the next would be of order its
 * square, so the estimate is already exact to far more digits than the report shows.
 */
const TOLERANCE = 1e-7;

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
  input: readonly CaptureEvent[] | ChoiceTable,
  dimensions: readonly DimensionDecl[],
  options: FitOptions = {},
): InferenceResult {
  const timedOutWeight = options.timedOutWeight ?? DEFAULT_TIMED_OUT_WEIGHT;
  const maxEvidence = options.maxEvidence ?? DEFAULT_MAX_EVIDENCE;
  const table = asChoiceTable(input);
  const { metas, dimOf } = tableDimensions(table, dimensions);
  const builder = newBuilder(table, dimOf, timedOutWeight, Math.max(0, maxEvidence));
  const { comparisons } = builder;
  const choices = table.choices.length;
  let used = 0;
  let timedOutUsed = 0;
  for (let i = 0; i < choices; i++) {
    if (addComparison(builder, i)) {
      used++;
      if (table.timedOut[i] === 1) timedOutUsed++;
    }
  }

  const dims = metas.length;
  const packed = pack(builder);
  let w = new Float64Array(dims);
  // each evaluation also fills the pulls at its point, so the accepted one needs no extra pass
  let pulls = new Float64Array(packed.dims.length);
  let local = evaluate(packed, w, dims, pulls);
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
      const candPulls = new Float64Array(packed.dims.length);
      const candLocal = evaluate(packed, cand, dims, candPulls);
      if (candLocal.logPost >= local.logPost - 1e-12) {
        w = cand;
        local = candLocal;
        pulls = candPulls;
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

  // per dimension: the comparisons bearing on it (by index) and their per-event pull, grouped by
  // dimension in two flat arrays (counted first) rather than a growing array per dimension
  const start = new Int32Array(dims + 1);
  for (let e = 0; e < packed.dims.length; e++) {
    const at = (packed.dims[e] ?? 0) + 1;
    start[at] = (start[at] ?? 0) + 1;
  }
  for (let d = 0; d < dims; d++) start[d + 1] = (start[d + 1] ?? 0) + (start[d] ?? 0);
  const fill = start.slice(0, dims);
  const flatIdx = new Int32Array(packed.dims.length);
  const flatPull = new Float64Array(packed.dims.length);
  for (let i = 0; i < comparisons.length; i++) {
    const c = comparisons[i] as Comparison;
    for (let l = 0; l < c.m; l++) {
      const d = packed.dims[c.dimOffset + l] ?? 0;
      const at = fill[d] ?? 0;
      fill[d] = at + 1;
      flatIdx[at] = i;
      flatPull[at] = c.weight * (pulls[c.dimOffset + l] ?? 0);
    }
  }
  const limit = Math.max(0, maxEvidence);

  const result: DimensionInference[] = metas.map((m, d) => {
    const estimate = w[d] ?? 0;
    const sd = Math.sqrt(Math.max(cov.data[d * dims + d] ?? 1, 0));
    const pPositive = sd > 0 ? normalCdf(estimate / sd) : estimate > 0 ? 1 : estimate < 0 ? 0 : 0.5;
    const idx = flatIdx.subarray(start[d] ?? 0, start[d + 1] ?? 0);
    const pl = flatPull.subarray(start[d] ?? 0, start[d + 1] ?? 0);
    let decisions = 0;
    let timedOutDecisions = 0;
    let total = 0;
    // the strongest pulls, found by insertion into a short list: evidence lists are short
    const top: number[] = [];
    let covered = 0;
    for (let r = 0; r < idx.length; r++) {
      const c = comparisons[idx[r] ?? 0] as Comparison;
      const n = c.count;
      const a = Math.abs(pl[r] ?? 0);
      decisions += n;
      timedOutDecisions += c.timedOut;
      total += a * n;
      if (a === 0 || limit === 0) continue;
      if (covered >= limit && a <= Math.abs(pl[top[top.length - 1] ?? 0] ?? 0)) continue;
      let at = top.length;
      while (at > 0 && Math.abs(pl[top[at - 1] ?? 0] ?? 0) < a) at--;
      top.splice(at, 0, r);
      covered += n;
      // drop entries no longer needed to fill the limit
      while (top.length > 1) {
        const last = top[top.length - 1] ?? 0;
        const lastN = (comparisons[idx[last] ?? 0] as Comparison).count;
        if (covered - lastN < limit) break;
        top.pop();
        covered -= lastN;
      }
    }
    const evidence: Evidence[] = [];
    for (const r of top) {
      const c = comparisons[idx[r] ?? 0] as Comparison;
      const pull = pl[r] ?? 0;
      for (let q = 0; q < c.count && evidence.length < limit; q++) {
        const e = q === 0 ? c.first : (c.more?.[q - 1] ?? c.first);
        evidence.push({
          eventId: e.id,
          storyId: e.storyId,
          sessionId: e.sessionId,
          decisionId: e.decisionId,
          knot: e.knot,
          chosenText: e.options[e.chosenIndex]?.text ?? '',
          at: e.at,
          timedOut: e.timedOut,
          weight: c.weight,
          direction: pull >= 0 ? '+' : '-',
          pull,
          share: total > 0 ? Math.abs(pull) / total : 0,
        });
      }
    }
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
    decisionsUsed: used,
    decisionsWithoutInformation: choices - used,
    timedOutUsed,
    timedOutWeight,
    iterations,
    converged,
  };
}
