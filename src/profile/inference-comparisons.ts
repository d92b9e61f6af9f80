// The comparisons the taste model fits (DESIGN.md §5): each choice folded into a comparison among
// the options offered, grouped per decision point and packed into flat arrays for the fit.
import type { EventOf } from '../core/events.ts';
import type { ChoiceTable } from './choice-table.ts';
import type { DimensionDecl } from '../core/model.ts';
import type { SquareMatrix } from './inference-math.ts';

export type ChoiceEvent = EventOf<'choice.made'>;

export interface DimensionMeta {
  readonly id: string;
  readonly positive: string;
  readonly negative: string;
  readonly declared: boolean;
}

/** Declared dimensions, the first declaration of an id winning; ids only seen in tastes are added as met. */
export function declaredDimensions(declared: readonly DimensionDecl[]): DimensionMeta[] {
  const byId = new Map<string, DimensionMeta>();
  for (const d of declared) {
    if (!byId.has(d.id))
      byId.set(d.id, { id: d.id, positive: d.positive, negative: d.negative, declared: true });
  }
  return [...byId.values()];
}

/**
 * A decision reduced to numbers, kept sparse: only the dimensions on which its options differ
 * enter (a taste shared by every option adds the same utility to each and cancels in the
 * softmax). Identical decisions (same offered tastes, same pick, same weight), common when a
 * story is replayed, are folded into one comparison with a count. Its numbers live in the
 * builder's flat arrays, at the offsets given.
 */
export interface Comparison {
  /** the first event folded into this comparison */
  readonly first: ChoiceEvent;
  /**
   * the later ones, in log order, as many as evidence can list (the builder's `keep`, less the
   * first); null while there is one (most decisions never repeat)
   */
  more: ChoiceEvent[] | null;
  /** how many events are folded in */
  count: number;
  /** the next comparison with the same hash (a chain instead of an array per bucket) */
  next: Comparison | null;
  readonly k: number;
  /** how many dimensions the options differ on */
  readonly m: number;
  readonly chosen: number;
  /** the weight of one event (1, or the timed-out weight) */
  readonly weight: number;
  /** how many of its events the timer made (kept here so the summary need not revisit events) */
  timedOut: number;
  /** where its m dimension indices (ascending) start in the flat dimension list */
  readonly dimOffset: number;
  /** where its k × m tastes (option j, local dimension l at j * m + l) start in the flat taste list */
  readonly xOffset: number;
}

/**
 * Collects comparisons without allocating per event: thousands of events are common, and small
 * arrays per event would cost more in garbage collection than the fit itself.
 */
export interface Builder {
  /** the log, read once (choice-table.ts) */
  readonly table: ChoiceTable;
  /** per taste id of the table, its dimension's index */
  readonly dimOf: Int32Array;
  readonly timedOutWeight: number;
  /** events kept per comparison (first and more): the most a dimension's evidence lists */
  readonly keep: number;
  readonly comparisons: Comparison[];
  readonly dims: number[];
  readonly x: number[];
  readonly buckets: Map<number, Comparison>;
  readonly touched: number[];
  readonly varying: number[];
  scratch: Float64Array;
}

export function newBuilder(
  table: ChoiceTable,
  dimOf: Int32Array,
  timedOutWeight: number,
  keep: number,
): Builder {
  return {
    table,
    dimOf,
    timedOutWeight,
    keep,
    comparisons: [],
    dims: [],
    x: [],
    buckets: new Map(),
    touched: [],
    varying: [],
    scratch: new Float64Array(64),
  };
}

function hashStep(h: number, v: number): number {
  // kept within 30 bits so Map keys stay small integers
  return Math.imul(h ^ v, 0x01000193) & 0x3fffffff;
}

/**
 * Adds the table's choice `i` to its comparison (a new one, or an identical one seen before);
 * false when it carries no information. Identical comparisons are found by a numeric hash and an
 * exact check.
 */
export function addComparison(b: Builder, i: number): boolean {
  const { touched, varying: keep, table, dimOf } = b;
  const k = table.k[i] ?? 0;
  const chosen = table.chosen[i] ?? -1;
  if (k < 2 || chosen < 0) return false;
  const timedOut = table.timedOut[i] === 1;
  const weight = timedOut ? b.timedOutWeight : 1;
  if (!(weight > 0)) return false;
  const from = table.tasteStart[i] ?? 0;
  const to = table.tasteStart[i + 1] ?? 0;
  // the dimensions the options' non-zero tastes touch, ascending
  touched.length = 0;
  for (let t = from; t < to; t++) {
    const d = dimOf[table.tasteDim[t] ?? 0] ?? 0;
    if (!touched.includes(d)) touched.push(d);
  }
  if (touched.length === 0) return false;
  for (let a = 1; a < touched.length; a++) {
    const v = touched[a] ?? 0;
    let j = a - 1;
    while (j >= 0 && (touched[j] ?? 0) > v) {
      touched[j + 1] = touched[j] ?? 0;
      j--;
    }
    touched[j + 1] = v;
  }
  const m0 = touched.length;
  if (b.scratch.length < k * m0) b.scratch = new Float64Array(2 * k * m0);
  const all = b.scratch;
  all.fill(0, 0, k * m0);
  for (let t = from; t < to; t++) {
    const d = dimOf[table.tasteDim[t] ?? 0] ?? 0;
    all[(table.tasteOption[t] ?? 0) * m0 + touched.indexOf(d)] = table.tasteValue[t] ?? 0;
  }
  // keep the dimensions the options differ on: a taste shared by all cancels in the softmax
  keep.length = 0;
  for (let l = 0; l < m0; l++) {
    const first = all[l] ?? 0;
    for (let j = 1; j < k; j++) {
      if ((all[j * m0 + l] ?? 0) !== first) {
        keep.push(l);
        break;
      }
    }
  }
  const m = keep.length;
  if (m === 0) return false;
  let h = 0x011c9dc5;
  h = hashStep(h, Math.round(weight * 1e6));
  h = hashStep(h, chosen);
  h = hashStep(h, k);
  for (const l of keep) h = hashStep(h, touched[l] ?? 0);
  for (let j = 0; j < k; j++)
    for (const l of keep) h = hashStep(h, Math.round((all[j * m0 + l] ?? 0) * 1e6) | 0);
  const e = table.choices[i] as ChoiceEvent;
  const bucket = b.buckets.get(h);
  if (bucket) {
    search: for (let c: Comparison | null = bucket; c !== null; c = c.next) {
      if (c.weight !== weight || c.chosen !== chosen || c.k !== k || c.m !== m) continue;
      for (let l = 0; l < m; l++)
        if (b.dims[c.dimOffset + l] !== touched[keep[l] ?? 0]) continue search;
      for (let j = 0; j < k; j++) {
        for (let l = 0; l < m; l++) {
          if (b.x[c.xOffset + j * m + l] !== all[j * m0 + (keep[l] ?? 0)]) continue search;
        }
      }
      if (c.count < b.keep) {
        if (c.more) c.more.push(e);
        else c.more = [e];
      }
      c.count++;
      if (timedOut) c.timedOut++;
      return true;
    }
  }
  const c: Comparison = {
    first: e,
    more: null,
    count: 1,
    next: bucket ?? null,
    k,
    m,
    chosen,
    weight,
    timedOut: timedOut ? 1 : 0,
    dimOffset: b.dims.length,
    xOffset: b.x.length,
  };
  for (const l of keep) b.dims.push(touched[l] ?? 0);
  for (let j = 0; j < k; j++) for (const l of keep) b.x.push(all[j * m0 + l] ?? 0);
  b.buckets.set(h, c);
  b.comparisons.push(c);
  return true;
}

/** Log posterior, its gradient and the negative Hessian (prior N(0, I) included). */
export interface Local {
  logPost: number;
  grad: Float64Array;
  negHess: SquareMatrix;
}

/**
 * All comparisons packed into flat typed arrays: Newton's method walks them several times, and
 * contiguous numbers are far cheaper to walk than thousands of small objects.
 */
export interface Packed {
  readonly count: number;
  readonly k: Int32Array;
  readonly m: Int32Array;
  readonly chosen: Int32Array;
  /** event weight × number of identical events */
  readonly weight: Float64Array;
  readonly dimOffset: Int32Array;
  readonly xOffset: Int32Array;
  readonly dims: Int32Array;
  readonly x: Float64Array;
  readonly maxK: number;
  readonly maxM: number;
}

export function pack(b: Builder): Packed {
  const count = b.comparisons.length;
  const packed: Packed = {
    count,
    k: new Int32Array(count),
    m: new Int32Array(count),
    chosen: new Int32Array(count),
    weight: new Float64Array(count),
    dimOffset: new Int32Array(count),
    xOffset: new Int32Array(count),
    dims: Int32Array.from(b.dims),
    x: Float64Array.from(b.x),
    maxK: 1,
    maxM: 1,
  };
  let maxK = 1;
  let maxM = 1;
  b.comparisons.forEach((c, i) => {
    packed.k[i] = c.k;
    packed.m[i] = c.m;
    packed.chosen[i] = c.chosen;
    packed.weight[i] = c.weight * c.count;
    packed.dimOffset[i] = c.dimOffset;
    packed.xOffset[i] = c.xOffset;
    maxK = Math.max(maxK, c.k);
    maxM = Math.max(maxM, c.m);
  });
  return { ...packed, maxK, maxM };
}
