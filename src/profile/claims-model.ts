// The model behind the claims (DESIGN.md §5): tastes fitted beside habits, a decision point seen
// again counted as the same evidence, picks after a rewind weighed less, and the prior's scale
// learned from the player's own choices instead of fixed.
import type { CaptureEvent, EventOf } from '../core/events.ts';
import { seededRandom } from '../core/random.ts';
import { asChoiceTable, tableDimensions, tasteNumber, type ChoiceTable } from './choice-table.ts';
import type { DimensionDecl } from '../core/model.ts';
import { GrowingFloats, GrowingInts } from './growing-arrays.ts';
import { declaredDimensions, type DimensionMeta } from './inference-comparisons.ts';
import {
  cholesky,
  choleskyInverse,
  choleskySolve,
  normalCdf,
  type SquareMatrix,
} from './inference-math.ts';

type Choice = EventOf<'choice.made'>;

/** The habit terms fitted beside the tastes, in the order of their columns after the tastes. */
export const HABIT_TERMS = ['first-option', 'default-option', 'repeat'] as const;
export type HabitTerm = (typeof HABIT_TERMS)[number];

/**
 * Weight of a pick the timer made: none. The timer chose, not the player; letting the default
 * stand is a matter of time, not of taste (the old fit gave it 0.25, and a frequent timer then
 * read the defaults' tastes as the player's). A timeout still shows which option is the default,
 * for the default-option term.
 */
export const TIMED_OUT_WEIGHT = 0;
/**
 * Weight of a pick made right after rewinding to the same decision: the player went back to see
 * the other branch, so the second pick is chosen for being the other one, not for its taste. It
 * counts a tenth of the first pick there (0.25 still understated strong tastes in the honesty
 * suite's rewinding explorers).
 */
export const RETRY_WEIGHT = 0.1;

/**
 * The prior's scale is learned (empirical Bayes, averaged over a grid rather than picked): each
 * taste weight is N(0, τ²) with τ one of these, every τ equally likely beforehand, and the fit
 * averages the posteriors under each τ by how well τ explains the player's choices (the Laplace
 * approximation of the marginal likelihood). A player whose choices show no taste pulls τ down
 * and with it every estimate; a player with strong tastes lets τ grow so they are not flattened.
 */
export const PRIOR_SCALES = [0.25, 0.5, 1, 2] as const;
/** Habit terms have a fixed N(0, 1) prior: a first-option bonus of 1 (odds × 2.7) is already large. */
const HABIT_PRIOR_SD = 1;

/** Knobs of the model, for the honesty suite's ablations; the defaults are the shipped model. */
export interface ClaimsModelOptions {
  readonly timedOutWeight?: number;
  readonly retryWeight?: number;
  /** the prior scales averaged over; one value gives a fixed prior N(0, τ² I) */
  readonly scales?: readonly number[];
  /** fit the habit terms (default true) */
  readonly habits?: boolean;
  /** picks at one decision point share the weight of one decision (default true) */
  readonly pointShare?: boolean;
  /** draws per prior scale for importance sampling; 0 keeps the Laplace mixture (default 400) */
  readonly samples?: number;
  /**
   * group picks by what was offered, their weights summed per option (default true): the same
   * fit, in a fraction of the time on a long log; false fits a row per pick (the reference, for
   * tests)
   */
  readonly fold?: boolean;
}

export interface Row {
  /** the columns on which the options differ (the others cancel in the softmax) */
  readonly cols: Int32Array;
  /** k × cols.length, option-major */
  readonly x: Float64Array;
  readonly k: number;
  readonly chosen: number;
  weight: number;
}

/**
 * Rows packed into flat typed arrays and grouped by what was offered, as the fit walks them. A
 * "design" is one set of options (their columns and values); its weights say how much weight the
 * picks of each of its options carry. The softmax, its mean and its curvature depend only on the
 * design, so picks of different options among the same offer share that work; and Newton's method
 * and the sampler walk every design many times, where contiguous numbers are far cheaper to walk
 * than thousands of small objects.
 */
export interface RowSet {
  readonly count: number;
  readonly k: Int32Array;
  /** design r's columns are `cols` from `colStart[r]` to `colStart[r + 1]` */
  readonly colStart: Int32Array;
  readonly cols: Int32Array;
  /** design r's k × m values (option-major) start at `xStart[r]` of `x` */
  readonly xStart: Int32Array;
  readonly x: Float64Array;
  /** design r's k weights (of the picks of option 0, 1, …) start at `weightStart[r]` */
  readonly weightStart: Int32Array;
  readonly weight: Float64Array;
  /** the most options of any design (at least 1) */
  readonly maxK: number;
}

/**
 * Rows as a RowSet: grouped, each row's weight added to its design's in order (designs in order
 * of first appearance); or not, a design per row (the row-by-row reference the tests hold the
 * grouped fit to).
 */
export function packRows(rows: readonly Row[], group = true): RowSet {
  const table = new RowTable();
  for (const r of rows) {
    const at = group ? table.find(r.k, r.cols, r.x) : table.add(r.k, r.cols, r.x);
    table.addWeight(at, r.chosen, r.weight);
  }
  return table.rowSet();
}

/** A RowSet's picks as rows: per design, a row for each option whose picks carry weight. */
export function unpackRows(set: RowSet): Row[] {
  const rows: Row[] = [];
  for (let r = 0; r < set.count; r++) {
    const c0 = set.colStart[r] ?? 0;
    const m = (set.colStart[r + 1] ?? 0) - c0;
    const k = set.k[r] ?? 0;
    const x0 = set.xStart[r] ?? 0;
    const w0 = set.weightStart[r] ?? 0;
    for (let j = 0; j < k; j++) {
      const weight = set.weight[w0 + j] ?? 0;
      if (weight === 0) continue;
      rows.push({
        cols: set.cols.slice(c0, c0 + m),
        x: set.x.slice(x0, x0 + k * m),
        k,
        chosen: j,
        weight,
      });
    }
  }
  return rows;
}

export interface HabitCount {
  readonly term: HabitTerm;
  /** picks the player made (not the timer) where the term singled out one option */
  readonly decisions: number;
  /** of those, how many took that option */
  readonly hits: number;
}

export interface DimensionPosterior {
  readonly meta: DimensionMeta;
  /** posterior mean (averaged over the prior scales) */
  readonly estimate: number;
  /** the 5% and 95% quantiles of the posterior */
  readonly interval: readonly [number, number];
  /** P(w > δ) and P(w < −δ) under the posterior */
  readonly above: number;
  readonly below: number;
  /** times seen, and distinct decision points, of the choices whose options differed on it */
  readonly decisions: number;
  readonly distinctDecisions: number;
}

export interface HabitPosterior extends HabitCount {
  readonly estimate: number;
  readonly sd: number;
}

export interface ClaimsFit {
  readonly dimensions: readonly DimensionPosterior[];
  readonly habits: readonly HabitPosterior[];
  /** posterior weight of each prior scale, in PRIOR_SCALES order */
  readonly scaleWeights: readonly number[];
  readonly decisions: number;
  readonly distinctDecisions: number;
}

function pointKey(e: Choice): string {
  return `${e.storyId}\u0000${e.decisionId}`;
}

/** What the fit reads from the log: rows to fit, and the counts the claims report. */
export interface Prepared {
  readonly metas: DimensionMeta[];
  readonly rows: RowSet;
  /** picks behind the rows, before grouping (the sampling budget and seed go by it) */
  readonly rowCount: number;
  readonly habitCounts: HabitCount[];
  readonly dimDecisions: number[];
  /** distinct decision points per dimension */
  readonly dimDistinct: number[];
  readonly decisions: number;
  readonly distinct: number;
}

/**
 * Reads the log once, a row per informative pick, each with its weight and habit columns: the
 * plain reading, which `prepareFolded` must equal once its rows are grouped (kept as the
 * reference the tests hold the fast path to, and for `fold: false`).
 */
export function prepareEach(
  events: readonly CaptureEvent[],
  declared: readonly DimensionDecl[],
  options: ClaimsModelOptions,
): Prepared {
  const timedOutWeight = options.timedOutWeight ?? TIMED_OUT_WEIGHT;
  const retryWeight = options.retryWeight ?? RETRY_WEIGHT;
  const useHabits = options.habits ?? true;
  const metas = declaredDimensions(declared);
  const index = new Map(metas.map((m, i) => [m.id, i]));
  const seen = new Set<string>();
  const choices: { e: Choice; retry: boolean }[] = [];
  const defaults = new Map<string, string>();
  const pendingRewinds = new Map<string, Set<string>>();
  for (const e of events) {
    if (e.type === 'decision.rewound') {
      if (e.toDecisionId === null) continue;
      let set = pendingRewinds.get(e.sessionId);
      if (!set) pendingRewinds.set(e.sessionId, (set = new Set()));
      set.add(`${e.storyId}\u0000${e.toDecisionId}`);
      continue;
    }
    if (e.type !== 'choice.made' || seen.has(e.id)) continue;
    seen.add(e.id);
    const key = pointKey(e);
    const pending = pendingRewinds.get(e.sessionId);
    const retry = pending?.delete(key) ?? false;
    choices.push({ e, retry });
    // the option the timer takes is the decision's default: a timeout anywhere in the log shows it
    const taken = e.options[e.chosenIndex];
    if (e.timedOut && taken && !defaults.has(key)) defaults.set(key, taken.text);
    for (const o of e.options)
      for (const id in o.taste)
        if (!index.has(id) && tasteNumber(o.taste[id]) !== 0) {
          index.set(id, metas.length);
          metas.push({ id, positive: id, negative: `not ${id}`, declared: false });
        }
  }
  const nT = metas.length;
  const cols = nT + HABIT_TERMS.length;
  const dimDecisions = metas.map(() => 0);
  const dimPoints = metas.map(() => new Set<string>());
  const counts = HABIT_TERMS.map(() => ({ decisions: 0, hits: 0 }));
  const lastPick = new Map<string, string>();
  const points = new Set<string>();
  const rows: Row[] = [];
  const rowPoint: string[] = [];
  for (const { e, retry } of choices) {
    const key = pointKey(e);
    points.add(key);
    const k = e.options.length;
    const valid =
      k >= 2 && Number.isInteger(e.chosenIndex) && e.chosenIndex >= 0 && e.chosenIndex < k;
    const previous = lastPick.get(key);
    if (valid) lastPick.set(key, e.options[e.chosenIndex]?.text ?? '');
    if (!valid) continue;
    const x = new Float64Array(k * cols);
    e.options.forEach((o, j) => {
      for (const id in o.taste) {
        const d = index.get(id);
        if (d !== undefined) x[j * cols + d] = tasteNumber(o.taste[id]);
      }
    });
    // habit columns: each singles out one option (or none)
    const defaultText = defaults.get(key);
    const singled = [
      0,
      defaultText === undefined ? -1 : e.options.findIndex((o) => o.text === defaultText),
      previous === undefined || retry ? -1 : e.options.findIndex((o) => o.text === previous),
    ];
    singled.forEach((j, h) => {
      if (j < 0) return;
      if (useHabits) x[j * cols + nT + h] = 1;
      if (!e.timedOut) {
        const c = counts[h];
        if (c) {
          c.decisions++;
          if (e.chosenIndex === j) c.hits++;
        }
      }
    });
    const weight = e.timedOut ? timedOutWeight : retry ? retryWeight : 1;
    if (!(weight > 0)) continue;
    let informative = false;
    for (let d = 0; d < cols; d++) {
      const first = x[d] ?? 0;
      let differs = false;
      for (let j = 1; j < k && !differs; j++) differs = (x[j * cols + d] ?? 0) !== first;
      if (differs) informative = true;
      if (differs && d < nT) {
        dimDecisions[d] = (dimDecisions[d] ?? 0) + 1;
        dimPoints[d]?.add(key);
      }
    }
    if (!informative) continue;
    const varying: number[] = [];
    for (let d = 0; d < cols; d++) {
      for (let j = 1; j < k; j++)
        if ((x[j * cols + d] ?? 0) !== (x[d] ?? 0)) {
          varying.push(d);
          break;
        }
    }
    const compact = new Float64Array(k * varying.length);
    for (let j = 0; j < k; j++)
      varying.forEach((d, l) => {
        compact[j * varying.length + l] = x[j * cols + d] ?? 0;
      });
    rows.push({
      cols: Int32Array.from(varying),
      x: compact,
      k,
      chosen: e.chosenIndex,
      weight,
    });
    rowPoint.push(key);
  }
  // a decision point seen again is the same evidence: its picks share the weight of one
  if (options.pointShare ?? true) {
    const sum = new Map<string, number>();
    const max = new Map<string, number>();
    rows.forEach((r, i) => {
      const key = rowPoint[i] ?? '';
      sum.set(key, (sum.get(key) ?? 0) + r.weight);
      max.set(key, Math.max(max.get(key) ?? 0, r.weight));
    });
    rows.forEach((r, i) => {
      const key = rowPoint[i] ?? '';
      r.weight *= (max.get(key) ?? 1) / (sum.get(key) ?? 1);
    });
  }
  return {
    metas,
    rows: packRows(rows, false),
    habitCounts: HABIT_TERMS.map((term, h) => ({
      term,
      decisions: counts[h]?.decisions ?? 0,
      hits: counts[h]?.hits ?? 0,
    })),
    rowCount: rows.length,
    dimDecisions,
    dimDistinct: dimPoints.map((p) => p.size),
    decisions: choices.length,
    distinct: points.size,
  };
}
/** "no text": a point with no default yet, or no pick yet */
const NO_TEXT = -2;

/** The first of a choice's options (at `first`, `k` of them) with this text, or -1. */
function optionWithText(text: Int32Array, first: number, k: number, wanted: number): number {
  for (let j = 0; j < k; j++) if (text[first + j] === wanted) return j;
  return -1;
}

function rowHash(k: number, cols: ArrayLike<number>, x: ArrayLike<number>, xLength: number) {
  let h = Math.imul(0x011c9dc5 ^ k, 0x01000193);
  for (let l = 0; l < cols.length; l++) h = Math.imul(h ^ (cols[l] ?? 0), 0x01000193);
  for (let i = 0; i < xLength; i++)
    h = Math.imul(h ^ (Math.round((x[i] ?? 0) * 1e6) | 0), 0x01000193);
  return h & 0x3fffffff;
}

/**
 * Designs kept flat (see RowSet). `find` gives the design equal to one offered (same options'
 * columns and values), found by a numeric hash and an exact check, a chain of indices per bucket;
 * `add` keeps a new design whatever came before.
 */
class RowTable {
  private readonly k = new GrowingInts();
  private readonly colStart = new GrowingInts();
  private readonly cols = new GrowingInts();
  private readonly xStart = new GrowingInts();
  private readonly x = new GrowingFloats();
  private readonly weightStart = new GrowingInts();
  private readonly weight = new GrowingFloats();
  private readonly buckets = new Map<number, number>();
  private readonly next = new GrowingInts();
  private maxK = 1;

  constructor() {
    this.colStart.push(0);
  }

  /** the index of the design equal to this one (its values the first `xLength` of `x`), added when new */
  find(k: number, cols: ArrayLike<number>, x: ArrayLike<number>, xLength = x.length): number {
    const h = rowHash(k, cols, x, xLength);
    const head = this.buckets.get(h);
    const m = cols.length;
    const K = this.k.data;
    const starts = this.colStart.data;
    const stored = this.cols.data;
    const values = this.x.data;
    const xs = this.xStart.data;
    const next = this.next.data;
    search: for (let r = head ?? -1; r >= 0; r = next[r] ?? -1) {
      const c0 = starts[r] ?? 0;
      if (K[r] !== k || (starts[r + 1] ?? 0) - c0 !== m) continue;
      for (let l = 0; l < m; l++) if (stored[c0 + l] !== cols[l]) continue search;
      const x0 = xs[r] ?? 0;
      for (let i = 0; i < xLength; i++) if (values[x0 + i] !== x[i]) continue search;
      return r;
    }
    const at = this.add(k, cols, x, xLength);
    this.next.push(head ?? -1);
    this.buckets.set(h, at);
    return at;
  }

  /** adds a design (its weights 0), identical to one before or not, and gives its index */
  add(k: number, cols: ArrayLike<number>, x: ArrayLike<number>, xLength = x.length): number {
    const at = this.k.length;
    this.k.push(k);
    this.xStart.push(this.x.length);
    this.weightStart.push(this.weight.length);
    for (let l = 0; l < cols.length; l++) this.cols.push(cols[l] ?? 0);
    this.colStart.push(this.cols.length);
    for (let i = 0; i < xLength; i++) this.x.push(x[i] ?? 0);
    for (let j = 0; j < k; j++) this.weight.push(0);
    if (k > this.maxK) this.maxK = k;
    return at;
  }

  /** adds weight to the picks of option `j` of design `r` */
  addWeight(r: number, j: number, weight: number): void {
    const at = (this.weightStart.data[r] ?? 0) + j;
    this.weight.data[at] = (this.weight.data[at] ?? 0) + weight;
  }

  rowSet(): RowSet {
    return {
      count: this.k.length,
      k: this.k.done(),
      colStart: this.colStart.done(),
      cols: this.cols.done(),
      xStart: this.xStart.done(),
      x: this.x.done(),
      weightStart: this.weightStart.done(),
      weight: this.weight.done(),
      maxK: this.maxK,
    };
  }
}

/**
 * `prepareEach` with its rows grouped (`packRows`), read from the log's choice table
 * (choice-table.ts) without a row (or a string) per pick: each pick's row is built in scratch
 * space and only a new design is kept. Weights are summed in log order, exactly as `packRows`
 * sums them.
 */
export function prepareFolded(
  input: readonly CaptureEvent[] | ChoiceTable,
  declared: readonly DimensionDecl[],
  options: ClaimsModelOptions,
): Prepared {
  const timedOutWeight = options.timedOutWeight ?? TIMED_OUT_WEIGHT;
  const retryWeight = options.retryWeight ?? RETRY_WEIGHT;
  const useHabits = options.habits ?? true;
  const table = asChoiceTable(input);
  const { metas, dimOf } = tableDimensions(table, declared);
  const { point: pointOf, k: ks, chosen, timedOut, retry: retries, optionStart, text } = table;
  const { tasteStart, tasteOption, tasteDim, tasteValue, points } = table;
  const n = table.choices.length;
  // the option the timer takes is the decision's default: a timeout anywhere in the log shows it
  const defaults = new Int32Array(points).fill(NO_TEXT);
  for (let i = 0; i < n; i++) {
    const c = chosen[i] ?? -1;
    const p = pointOf[i] ?? 0;
    const taken = c >= 0 ? (text[(optionStart[i] ?? 0) + c] ?? -1) : -1;
    if (timedOut[i] === 1 && taken >= 0 && defaults[p] === NO_TEXT) defaults[p] = taken;
  }
  const nT = metas.length;
  const cols = nT + HABIT_TERMS.length;
  const dimDecisions = metas.map(() => 0);
  // per dimension and decision point, whether a pick there moved it (nT × points flags)
  const dimPoints = new Uint8Array(nT * points);
  const dimDistinct = metas.map(() => 0);
  const counts = HABIT_TERMS.map(() => ({ decisions: 0, hits: 0 }));
  // per point, the text of the option last taken there
  const lastPick = new Int32Array(points).fill(NO_TEXT);
  const folded = new RowTable();
  // per informative pick: its row, its decision point and its weight before sharing
  const pickRow = new Int32Array(n);
  const pickPoint = new Int32Array(n);
  const pickChosen = new Int32Array(n);
  const pickWeight = new Float64Array(n);
  let picks = 0;
  let x = new Float64Array(4 * cols);
  const varying: number[] = [];
  let compact = new Float64Array(4 * cols);
  const singled = [0, -1, -1];
  for (let i = 0; i < n; i++) {
    const point = pointOf[i] ?? 0;
    const retry = retries[i] === 1;
    const k = ks[i] ?? 0;
    const pick = chosen[i] ?? -1;
    const first = optionStart[i] ?? 0;
    const previous = lastPick[point] ?? NO_TEXT;
    if (k < 2 || pick < 0) continue;
    lastPick[point] = text[first + pick] ?? NO_TEXT;
    if (x.length < k * cols) {
      x = new Float64Array(2 * k * cols);
      compact = new Float64Array(2 * k * cols);
    }
    x.fill(0, 0, k * cols);
    for (let t = tasteStart[i] ?? 0, end = tasteStart[i + 1] ?? 0; t < end; t++)
      x[(tasteOption[t] ?? 0) * cols + (dimOf[tasteDim[t] ?? 0] ?? 0)] = tasteValue[t] ?? 0;
    const defaultText = defaults[point] ?? NO_TEXT;
    singled[1] = defaultText === NO_TEXT ? -1 : optionWithText(text, first, k, defaultText);
    singled[2] = previous === NO_TEXT || retry ? -1 : optionWithText(text, first, k, previous);
    const timer = timedOut[i] === 1;
    for (let h = 0; h < singled.length; h++) {
      const j = singled[h] ?? -1;
      if (j < 0) continue;
      if (useHabits) x[j * cols + nT + h] = 1;
      if (!timer) {
        const c = counts[h];
        if (c) {
          c.decisions++;
          if (pick === j) c.hits++;
        }
      }
    }
    const weight = timer ? timedOutWeight : retry ? retryWeight : 1;
    if (!(weight > 0)) continue;
    varying.length = 0;
    for (let d = 0; d < cols; d++) {
      const first = x[d] ?? 0;
      let differs = false;
      for (let j = 1; j < k && !differs; j++) differs = (x[j * cols + d] ?? 0) !== first;
      if (!differs) continue;
      varying.push(d);
      if (d < nT) {
        dimDecisions[d] = (dimDecisions[d] ?? 0) + 1;
        if (dimPoints[d * points + point] === 0) {
          dimPoints[d * points + point] = 1;
          dimDistinct[d] = (dimDistinct[d] ?? 0) + 1;
        }
      }
    }
    if (varying.length === 0) continue;
    const m = varying.length;
    for (let j = 0; j < k; j++)
      for (let l = 0; l < m; l++) compact[j * m + l] = x[j * cols + (varying[l] ?? 0)] ?? 0;
    pickRow[picks] = folded.find(k, varying, compact, k * m);
    pickChosen[picks] = pick;
    pickPoint[picks] = point;
    pickWeight[picks] = weight;
    picks++;
  }
  // a decision point seen again is the same evidence: its picks share the weight of one
  const share = options.pointShare ?? true;
  const sum = new Float64Array(points);
  const max = new Float64Array(points);
  if (share)
    for (let i = 0; i < picks; i++) {
      const p = pickPoint[i] ?? 0;
      const w = pickWeight[i] ?? 0;
      sum[p] = (sum[p] ?? 0) + w;
      max[p] = Math.max(max[p] ?? 0, w);
    }
  for (let i = 0; i < picks; i++) {
    const p = pickPoint[i] ?? 0;
    const w = pickWeight[i] ?? 0;
    const shared = share ? w * ((max[p] ?? 1) / (sum[p] ?? 1)) : w;
    folded.addWeight(pickRow[i] ?? 0, pickChosen[i] ?? 0, shared);
  }
  return {
    metas,
    rows: folded.rowSet(),
    rowCount: picks,
    habitCounts: HABIT_TERMS.map((term, h) => ({
      term,
      decisions: counts[h]?.decisions ?? 0,
      hits: counts[h]?.hits ?? 0,
    })),
    dimDecisions,
    dimDistinct,
    decisions: n,
    distinct: points,
  };
}

interface Mode {
  readonly w: Float64Array;
  readonly cov: SquareMatrix;
  readonly logMarginal: number;
}

/** log posterior (up to a constant), gradient and negative Hessian at w. */
export function evaluate(
  rows: RowSet,
  w: Float64Array,
  precision: Float64Array,
  /** skip the two-option shortcut (the tests hold the shortcut to the general path) */
  general = false,
): { logPost: number; grad: Float64Array; negHess: SquareMatrix; logLik: number } {
  const n = w.length;
  const grad = new Float64Array(n);
  const h = new Float64Array(n * n);
  let logLik = 0;
  let prior = 0;
  for (let d = 0; d < n; d++) {
    const wd = w[d] ?? 0;
    const p = precision[d] ?? 1;
    prior -= 0.5 * p * wd * wd;
    grad[d] = -p * wd;
    h[d * n + d] = p;
  }
  const u = new Float64Array(rows.maxK);
  const mean = new Float64Array(n);
  const wl = new Float64Array(n);
  const dev = new Float64Array(n);
  const { x, cols } = rows;
  for (let r = 0; r < rows.count; r++) {
    const k = rows.k[r] ?? 0;
    const cs = rows.colStart[r] ?? 0;
    const m = (rows.colStart[r + 1] ?? 0) - cs;
    const xs = rows.xStart[r] ?? 0;
    const ws = rows.weightStart[r] ?? 0;
    // the weight of all the design's picks, whichever option they took
    let weight = 0;
    for (let j = 0; j < k; j++) weight += rows.weight[ws + j] ?? 0;
    if (k === 2 && !general) {
      // two options, most decisions: the log-likelihood and gradient exactly as the general path
      // below computes them, and the curvature as one outer product of the options' difference
      // (p₀p₁·dd′, the same sum as the general path's in half its arithmetic)
      let u0 = 0;
      let u1 = 0;
      for (let l = 0; l < m; l++) {
        const wv = w[cols[cs + l] ?? 0] ?? 0;
        u0 += wv * (x[xs + l] ?? 0);
        u1 += wv * (x[xs + m + l] ?? 0);
      }
      const max = u0 > u1 ? u0 : u1;
      const e0 = Math.exp(u0 - max);
      const e1 = Math.exp(u1 - max);
      const z = e0 + e1;
      const w0 = rows.weight[ws] ?? 0;
      const w1 = rows.weight[ws + 1] ?? 0;
      if (w0 > 0) logLik += w0 * (Math.log(e0 / z) || -745);
      if (w1 > 0) logLik += w1 * (Math.log(e1 / z) || -745);
      const p0 = e0 / z;
      const p1 = e1 / z;
      const curvature = weight * p0 * p1;
      for (let a = 0; a < m; a++) {
        const x0 = x[xs + a] ?? 0;
        const x1 = x[xs + m + a] ?? 0;
        const mid = p0 * x0 + p1 * x1;
        const ga = cols[cs + a] ?? 0;
        grad[ga] = (grad[ga] ?? 0) + (w0 * (x0 - mid) + w1 * (x1 - mid));
        const da = x0 - x1;
        mean[a] = da;
        if (da === 0) continue;
        for (let b = 0; b <= a; b++) {
          const at = ga * n + (cols[cs + b] ?? 0);
          h[at] = (h[at] ?? 0) + curvature * da * (mean[b] ?? 0);
        }
      }
      continue;
    }
    for (let l = 0; l < m; l++) wl[l] = w[cols[cs + l] ?? 0] ?? 0;
    let max = -Infinity;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += (wl[l] ?? 0) * (x[xs + j * m + l] ?? 0);
      u[j] = s;
      if (s > max) max = s;
    }
    let z = 0;
    for (let j = 0; j < k; j++) {
      const ej = Math.exp((u[j] ?? 0) - max);
      u[j] = ej;
      z += ej;
    }
    for (let j = 0; j < k; j++) {
      const wj = rows.weight[ws + j] ?? 0;
      if (wj > 0) logLik += wj * (Math.log((u[j] ?? 0) / z) || -745);
    }
    mean.fill(0, 0, m);
    for (let j = 0; j < k; j++) {
      const pj = (u[j] ?? 0) / z;
      u[j] = pj;
      for (let l = 0; l < m; l++) mean[l] = (mean[l] ?? 0) + pj * (x[xs + j * m + l] ?? 0);
    }
    for (let l = 0; l < m; l++) {
      let g = 0;
      for (let j = 0; j < k; j++)
        g += (rows.weight[ws + j] ?? 0) * ((x[xs + j * m + l] ?? 0) - (mean[l] ?? 0));
      const d = cols[cs + l] ?? 0;
      grad[d] = (grad[d] ?? 0) + g;
    }
    for (let j = 0; j < k; j++) {
      const pw = weight * (u[j] ?? 0);
      // option j's departure from the mean, once, for the m(m+1)/2 products below
      for (let l = 0; l < m; l++) dev[l] = (x[xs + j * m + l] ?? 0) - (mean[l] ?? 0);
      for (let a = 0; a < m; a++) {
        const da = dev[a] ?? 0;
        if (da === 0) continue;
        // cols ascend, so (cols[a], cols[b]) for b ≤ a is in the lower triangle
        const row = (cols[cs + a] ?? 0) * n;
        const f = pw * da;
        for (let b = 0; b <= a; b++) {
          const at = row + (cols[cs + b] ?? 0);
          h[at] = (h[at] ?? 0) + f * (dev[b] ?? 0);
        }
      }
    }
  }
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) h[b * n + a] = h[a * n + b] ?? 0;
  return { logPost: logLik + prior, grad, negHess: { n, data: h }, logLik };
}

/** MAP by Newton's method with step halving, and the Laplace approximation there. */
function fitMode(rows: RowSet, precision: Float64Array, start: Float64Array): Mode {
  const n = precision.length;
  let w = Float64Array.from(start);
  let local = evaluate(rows, w, precision);
  for (let it = 0; it < 60; it++) {
    const l = cholesky(local.negHess);
    if (!l) break;
    const step = choleskySolve(l, local.grad);
    let t = 1;
    let moved = false;
    for (let halvings = 0; halvings < 30; halvings++) {
      const cand = new Float64Array(n);
      for (let d = 0; d < n; d++) cand[d] = (w[d] ?? 0) + t * (step[d] ?? 0);
      const next = evaluate(rows, cand, precision);
      if (next.logPost >= local.logPost - 1e-12) {
        w = cand;
        local = next;
        moved = true;
        break;
      }
      t /= 2;
    }
    let size = 0;
    for (let d = 0; d < n; d++) size = Math.max(size, Math.abs(t * (step[d] ?? 0)));
    if (!moved || size < 1e-8) break;
  }
  const factor = cholesky(local.negHess);
  let logDet = 0;
  let logDetPrior = 0;
  for (let d = 0; d < n; d++) {
    logDet += 2 * Math.log(factor ? (factor.data[d * n + d] ?? 1) : 1);
    logDetPrior += Math.log(precision[d] ?? 1);
  }
  // Laplace: log p(y | τ) ≈ log p(y | ŵ) + log N(ŵ; 0, Λ⁻¹) + (n/2) log 2π − ½ log det H
  //                      = log posterior at ŵ (as evaluated) + ½ log det Λ − ½ log det H
  return {
    w,
    cov: factor ? choleskyInverse(factor) : { n, data: new Float64Array(n * n) },
    logMarginal: local.logPost + 0.5 * logDetPrior - 0.5 * logDet,
  };
}

/** The q-quantile of a mixture of normals, by bisection on its CDF. */
function mixtureQuantile(
  q: number,
  weights: readonly number[],
  means: readonly number[],
  sds: readonly number[],
): number {
  let lo = Infinity;
  let hi = -Infinity;
  means.forEach((m, g) => {
    const s = sds[g] ?? 0;
    lo = Math.min(lo, m - 8 * s - 1e-9);
    hi = Math.max(hi, m + 8 * s + 1e-9);
  });
  const cdf = (v: number): number =>
    weights.reduce((acc, p, g) => {
      const s = sds[g] ?? 0;
      const m = means[g] ?? 0;
      return acc + p * (s > 0 ? normalCdf((v - m) / s) : v >= m ? 1 : 0);
    }, 0);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The Laplace approximation is symmetric, but a taste posterior is not: a player who nearly always
 * takes the bolder option has a likelihood that keeps rising toward large weights, so the true
 * posterior has a long tail away from zero that a normal at the mode cuts off (its 90% intervals
 * then miss strong tastes). Importance sampling corrects it: draws from heavy-tailed t
 * distributions around each scale's mode, weighed by the exact posterior (likelihood times the
 * prior averaged over the scales) against that proposal. The draws are seeded, so the same log
 * gives the same claims.
 */
export const SAMPLES_PER_SCALE = 300;
/**
 * Sampling costs draws × rows; it is kept within this many row evaluations (some 50 ms). A log
 * long enough to need fewer than MIN_SAMPLES draws per scale has a posterior close to normal, and
 * the Laplace mixture serves.
 */
const SAMPLING_BUDGET = 150_000;
const MIN_SAMPLES = 100;
const T_DOF = 4;
/** the proposal's spread relative to the Laplace covariance */
const PROPOSAL_SCALE = 1.3;

function logLikelihood(rows: RowSet, w: Float64Array, u: Float64Array): number {
  let total = 0;
  const { x, cols } = rows;
  for (let r = 0; r < rows.count; r++) {
    const k = rows.k[r] ?? 0;
    const cs = rows.colStart[r] ?? 0;
    const m = (rows.colStart[r + 1] ?? 0) - cs;
    const xs = rows.xStart[r] ?? 0;
    const ws = rows.weightStart[r] ?? 0;
    let max = -Infinity;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += (w[cols[cs + l] ?? 0] ?? 0) * (x[xs + j * m + l] ?? 0);
      u[j] = s;
      if (s > max) max = s;
    }
    let z = 0;
    for (let j = 0; j < k; j++) z += Math.exp((u[j] ?? 0) - max);
    const logZ = Math.log(z);
    for (let j = 0; j < k; j++) {
      const weight = rows.weight[ws + j] ?? 0;
      if (weight > 0) total += weight * ((u[j] ?? 0) - max - logZ);
    }
  }
  return total;
}

function logSumExp(xs: readonly number[]): number {
  const max = Math.max(...xs);
  if (!Number.isFinite(max)) return max;
  return max + Math.log(xs.reduce((s, x) => s + Math.exp(x - max), 0));
}

interface Samples {
  readonly draws: Float64Array[];
  readonly weights: Float64Array;
  readonly scaleWeights: number[];
}

function sampleWithWeights(
  rows: RowSet,
  /** picks behind the rows (before folding): the seed goes by it */
  rowCount: number,
  modes: readonly Mode[],
  scales: readonly number[],
  nT: number,
  perScale: number,
): Samples | null {
  const n = modes[0]?.w.length ?? 0;
  if (n === 0) return null;
  const rand = seededRandom(0x5eed + rowCount);
  const gauss = (): number => {
    const a = 1 - rand();
    return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * rand());
  };
  const factors: SquareMatrix[] = [];
  const logDets: number[] = [];
  for (const m of modes) {
    const scaled = { n, data: m.cov.data.map((v) => v * PROPOSAL_SCALE * PROPOSAL_SCALE) };
    const l = cholesky(scaled);
    if (!l) return null;
    factors.push(l);
    let ld = 0;
    for (let d = 0; d < n; d++) ld += Math.log(l.data[d * n + d] ?? 1);
    logDets.push(ld);
  }
  const u = new Float64Array(rows.maxK);
  const draws: Float64Array[] = [];
  const logW: number[] = [];
  const resp: number[][] = [];
  const z = new Float64Array(n);
  const y = new Float64Array(n);
  const logTau = scales.map((t) => Math.log(t));
  for (let g = 0; g < modes.length; g++) {
    const mode = modes[g];
    const l = factors[g];
    if (!mode || !l) continue;
    for (let s = 0; s < perScale; s++) {
      for (let d = 0; d < n; d++) z[d] = gauss();
      let chi = 0;
      for (let c = 0; c < T_DOF; c++) chi += gauss() ** 2;
      const stretch = Math.sqrt(T_DOF / Math.max(chi, 1e-12));
      const w = new Float64Array(n);
      for (let a = 0; a < n; a++) {
        let v = 0;
        for (let b = 0; b <= a; b++) v += (l.data[a * n + b] ?? 0) * (z[b] ?? 0);
        w[a] = (mode.w[a] ?? 0) + stretch * v;
      }
      // the proposal: an equal mixture of the t's around each scale's mode
      const logQ = factors.map((lf, h) => {
        const mh = modes[h];
        if (!mh) return -Infinity;
        let m2 = 0;
        for (let a = 0; a < n; a++) {
          let v = (w[a] ?? 0) - (mh.w[a] ?? 0);
          for (let b = 0; b < a; b++) v -= (lf.data[a * n + b] ?? 0) * (y[b] ?? 0);
          const ya = v / (lf.data[a * n + a] ?? 1);
          y[a] = ya;
          m2 += ya * ya;
        }
        return -(logDets[h] ?? 0) - 0.5 * (T_DOF + n) * Math.log1p(m2 / T_DOF);
      });
      // the target: likelihood × the prior averaged over the scales (habit terms N(0, 1))
      let tasteSq = 0;
      let habitSq = 0;
      for (let d = 0; d < n; d++) {
        if (d < nT) tasteSq += (w[d] ?? 0) ** 2;
        else habitSq += (w[d] ?? 0) ** 2;
      }
      const perTau = scales.map((t, h) => (-0.5 * tasteSq) / (t * t) - nT * (logTau[h] ?? 0));
      const prior = logSumExp(perTau);
      const logP = logLikelihood(rows, w, u) + prior - (0.5 * habitSq) / HABIT_PRIOR_SD ** 2;
      draws.push(w);
      logW.push(logP - logSumExp(logQ));
      resp.push(perTau.map((v) => Math.exp(v - prior)));
    }
  }
  const top = Math.max(...logW);
  const weights = Float64Array.from(logW, (v) => Math.exp(v - top));
  let total = 0;
  let sq = 0;
  for (const v of weights) {
    total += v;
    sq += v * v;
  }
  // too few effective draws: the proposal missed the posterior, keep the Laplace mixture
  if (!(total > 0) || (total * total) / sq < 30) return null;
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) / total;
  const scaleWeights = scales.map((_, h) =>
    resp.reduce((acc, r, i) => acc + (weights[i] ?? 0) * (r[h] ?? 0), 0),
  );
  return { draws, weights, scaleWeights };
}

/** Weighted mean, sd, 5% and 95% quantiles and the mass beyond ±δ of one coordinate. */
function summarise(
  samples: Samples,
  d: number,
  delta: number,
): { mean: number; sd: number; low: number; high: number; above: number; below: number } {
  const values = samples.draws.map((w, i) => [w[d] ?? 0, samples.weights[i] ?? 0] as const);
  let mean = 0;
  let second = 0;
  let above = 0;
  let below = 0;
  for (const [v, p] of values) {
    mean += p * v;
    second += p * v * v;
    if (v > delta) above += p;
    if (v < -delta) below += p;
  }
  values.sort((a, b) => a[0] - b[0]);
  const quantile = (q: number): number => {
    let acc = 0;
    for (const [v, p] of values) {
      acc += p;
      if (acc >= q) return v;
    }
    return values[values.length - 1]?.[0] ?? 0;
  };
  return {
    mean,
    sd: Math.sqrt(Math.max(second - mean * mean, 0)),
    low: quantile(0.05),
    high: quantile(0.95),
    above,
    below,
  };
}

/** Fits the claims model to the log. */
export function fitClaims(
  input: readonly CaptureEvent[] | ChoiceTable,
  dimensions: readonly DimensionDecl[],
  delta: number,
  options: ClaimsModelOptions = {},
): ClaimsFit {
  let prep: Prepared;
  if (options.fold ?? true) prep = prepareFolded(input, dimensions, options);
  else if ('kind' in input) throw new Error('fold: false reads the log itself, not its table');
  else prep = prepareEach(input, dimensions, options);
  const nT = prep.metas.length;
  const n = nT + HABIT_TERMS.length;
  const modes: Mode[] = [];
  let start = new Float64Array(n);
  // from the widest prior down: each fit starts from the last, which is close
  const scales = [...(options.scales ?? PRIOR_SCALES)].reverse();
  for (const tau of scales) {
    const precision = new Float64Array(n);
    for (let d = 0; d < n; d++) precision[d] = d < nT ? 1 / (tau * tau) : 1 / HABIT_PRIOR_SD ** 2;
    const mode = fitMode(prep.rows, precision, start);
    modes.push(mode);
    start = Float64Array.from(mode.w);
  }
  modes.reverse();
  const ordered = [...scales].reverse();
  const rowCount = Math.max(prep.rowCount, 1);
  const perScale = Math.min(
    options.samples ?? SAMPLES_PER_SCALE,
    Math.floor(SAMPLING_BUDGET / (rowCount * ordered.length)),
  );
  const samples =
    perScale >= MIN_SAMPLES && prep.rows.count > 0
      ? sampleWithWeights(prep.rows, prep.rowCount, modes, ordered, nT, perScale)
      : null;
  if (samples) return fromSamples(prep, samples, delta);
  const top = Math.max(...modes.map((m) => m.logMarginal));
  const raw = modes.map((m) => Math.exp(m.logMarginal - top));
  const total = raw.reduce((s, x) => s + x, 0);
  const scaleWeights = raw.map((x) => x / total);
  const sdOf = (m: Mode, d: number): number => Math.sqrt(Math.max(m.cov.data[d * n + d] ?? 0, 0));
  const dims: DimensionPosterior[] = prep.metas.map((meta, d) => {
    const means = modes.map((m) => m.w[d] ?? 0);
    const sds = modes.map((m) => sdOf(m, d));
    let estimate = 0;
    let above = 0;
    let below = 0;
    scaleWeights.forEach((p, g) => {
      const m = means[g] ?? 0;
      const s = sds[g] ?? 0;
      estimate += p * m;
      above += p * (s > 0 ? 1 - normalCdf((delta - m) / s) : m > delta ? 1 : 0);
      below += p * (s > 0 ? normalCdf((-delta - m) / s) : m < -delta ? 1 : 0);
    });
    return {
      meta,
      estimate,
      interval: [
        mixtureQuantile(0.05, scaleWeights, means, sds),
        mixtureQuantile(0.95, scaleWeights, means, sds),
      ],
      above,
      below,
      decisions: prep.dimDecisions[d] ?? 0,
      distinctDecisions: prep.dimDistinct[d] ?? 0,
    };
  });
  const habits: HabitPosterior[] = prep.habitCounts.map((c, h) => {
    const d = nT + h;
    let estimate = 0;
    let second = 0;
    scaleWeights.forEach((p, g) => {
      const m = modes[g];
      if (!m) return;
      const mean = m.w[d] ?? 0;
      const s = sdOf(m, d);
      estimate += p * mean;
      second += p * (s * s + mean * mean);
    });
    return { ...c, estimate, sd: Math.sqrt(Math.max(second - estimate * estimate, 0)) };
  });
  return {
    dimensions: dims,
    habits,
    scaleWeights,
    decisions: prep.decisions,
    distinctDecisions: prep.distinct,
  };
}

function fromSamples(prep: Prepared, samples: Samples, delta: number): ClaimsFit {
  const nT = prep.metas.length;
  return {
    dimensions: prep.metas.map((meta, d) => {
      const t = summarise(samples, d, delta);
      return {
        meta,
        estimate: t.mean,
        interval: [t.low, t.high],
        above: t.above,
        below: t.below,
        decisions: prep.dimDecisions[d] ?? 0,
        distinctDecisions: prep.dimDistinct[d] ?? 0,
      };
    }),
    habits: prep.habitCounts.map((c, h) => {
      const t = summarise(samples, nT + h, 0);
      return { ...c, estimate: t.mean, sd: t.sd };
    }),
    scaleWeights: samples.scaleWeights,
    decisions: prep.decisions,
    distinctDecisions: prep.distinct,
  };
}
