// What both fits read from a log (the evidence fit of inference.ts and the claims model of
// claims-model.ts), read once into flat typed arrays: the choices (the first `choice.made` event
// of each id, in log order), their decision points, offered tastes, picks and option texts, and
// which picks follow a rewind to their point. Walking a long log's event objects costs more than
// either fit (each event is a scatter of small objects and strings in memory), so the log is
// walked once here and the fits walk numbers.
import type { CaptureEvent, EventOf } from '../core/events.ts';
import type { DimensionDecl } from '../core/model.ts';
import { hasUniqueIds } from '../core/unique-ids.ts';
import { GrowingFloats, GrowingInts } from './growing-arrays.ts';
import { declaredDimensions, type DimensionMeta } from './inference-comparisons.ts';

type Choice = EventOf<'choice.made'>;

export interface ChoiceTable {
  readonly kind: 'choice-table';
  /** the choices, first event of each id, in log order; choice i is `choices[i]` */
  readonly choices: readonly Choice[];
  /** taste ids in order of their first non-zero value in the log (`tasteDim` indexes this) */
  readonly tasteIds: readonly string[];
  /** distinct decision points (story and decision id), numbered in order of first choice */
  readonly points: number;
  /** per choice: its decision point */
  readonly point: Int32Array;
  /** per choice: how many options were offered */
  readonly k: Int32Array;
  /** per choice: the index of the option taken, -1 when the event's index is not an option's */
  readonly chosen: Int32Array;
  /** per choice: 1 when the timer made it */
  readonly timedOut: Uint8Array;
  /** per choice: 1 when it is the first pick at its point after a rewind to it in its session */
  readonly retry: Uint8Array;
  /** choice i's options are `optionStart[i]` to `optionStart[i + 1]` of `text` */
  readonly optionStart: Int32Array;
  /** per option: its text as a number, equal for equal texts (-1 for a missing option) */
  readonly text: Int32Array;
  /** choice i's non-zero tastes are `tasteStart[i]` to `tasteStart[i + 1]` of the three below */
  readonly tasteStart: Int32Array;
  /** per taste entry: option index, taste id (into `tasteIds`) and value, in option then key order */
  readonly tasteOption: Int32Array;
  readonly tasteDim: Int32Array;
  readonly tasteValue: Float64Array;
}

/** A taste's value as the fits read it: a finite number, anything else none (0). */
export function tasteNumber(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** Reads the log's choices once (see ChoiceTable). */
export function choiceTable(events: readonly CaptureEvent[]): ChoiceTable {
  const cap = events.length;
  const choices: Choice[] = [];
  const point = new Int32Array(cap);
  const k = new Int32Array(cap);
  const chosen = new Int32Array(cap);
  const timedOut = new Uint8Array(cap);
  const retry = new Uint8Array(cap);
  const optionStart = new Int32Array(cap + 1);
  const tasteStart = new Int32Array(cap + 1);
  const text = new GrowingInts(3 * cap);
  const tasteOption = new GrowingInts(2 * cap);
  const tasteDim = new GrowingInts(2 * cap);
  const tasteValue = new GrowingFloats(2 * cap);
  const tasteIds: string[] = [];
  const tasteIndex = new Map<string, number>();
  const texts = new Map<string, number>();
  // a log the store read is known to hold each id once (restore.ts): no set of ids to build again
  const unique = hasUniqueIds(events);
  const seen = new Set<string>();
  // decision points: story → decision id → number
  const pointIds = new Map<string, Map<string, number>>();
  let points = 0;
  // per session, the points a rewind went back to and no pick has answered yet
  const pendingRewinds = new Map<string, Set<string>>();
  let n = 0;
  for (const e of events) {
    if (e.type === 'decision.rewound') {
      if (e.toDecisionId === null) continue;
      let set = pendingRewinds.get(e.sessionId);
      if (!set) pendingRewinds.set(e.sessionId, (set = new Set()));
      set.add(`${e.storyId}\u0000${e.toDecisionId}`);
      continue;
    }
    if (e.type !== 'choice.made') continue;
    if (!unique) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
    }
    let inStory = pointIds.get(e.storyId);
    if (!inStory) pointIds.set(e.storyId, (inStory = new Map<string, number>()));
    let p = inStory.get(e.decisionId);
    if (p === undefined) inStory.set(e.decisionId, (p = points++));
    const pending = pendingRewinds.get(e.sessionId);
    const again =
      pending !== undefined &&
      pending.size > 0 &&
      pending.delete(`${e.storyId}\u0000${e.decisionId}`);
    const { options } = e;
    const count = options.length;
    const index = e.chosenIndex;
    choices.push(e);
    point[n] = p;
    k[n] = count;
    chosen[n] = Number.isInteger(index) && index >= 0 && index < count ? index : -1;
    timedOut[n] = e.timedOut ? 1 : 0;
    retry[n] = again ? 1 : 0;
    for (let j = 0; j < count; j++) {
      const o = options[j];
      if (o === undefined) {
        text.push(-1);
        continue;
      }
      let t = texts.get(o.text);
      if (t === undefined) texts.set(o.text, (t = texts.size));
      text.push(t);
      const { taste } = o;
      for (const id in taste) {
        const v = tasteNumber(taste[id]);
        if (v === 0) continue;
        let d = tasteIndex.get(id);
        if (d === undefined) {
          tasteIndex.set(id, (d = tasteIds.length));
          tasteIds.push(id);
        }
        tasteOption.push(j);
        tasteDim.push(d);
        tasteValue.push(v);
      }
    }
    n++;
    optionStart[n] = text.length;
    tasteStart[n] = tasteOption.length;
  }
  return {
    kind: 'choice-table',
    choices,
    tasteIds,
    points,
    point: point.subarray(0, n),
    k: k.subarray(0, n),
    chosen: chosen.subarray(0, n),
    timedOut: timedOut.subarray(0, n),
    retry: retry.subarray(0, n),
    optionStart: optionStart.subarray(0, n + 1),
    text: text.view(),
    tasteStart: tasteStart.subarray(0, n + 1),
    tasteOption: tasteOption.view(),
    tasteDim: tasteDim.view(),
    tasteValue: tasteValue.view(),
  };
}

/** The log as a table: the table itself when given one, else the table of the events. */
export function asChoiceTable(input: readonly CaptureEvent[] | ChoiceTable): ChoiceTable {
  return 'kind' in input ? input : choiceTable(input);
}

/**
 * A fit's dimensions over a table: the declared ones (first declaration of an id winning), then
 * the ids met only in tastes in order of first appearance; and, per taste id of the table, its
 * index among them.
 */
export function tableDimensions(
  table: ChoiceTable,
  declared: readonly DimensionDecl[],
): { metas: DimensionMeta[]; dimOf: Int32Array } {
  const metas = declaredDimensions(declared);
  const index = new Map(metas.map((m, i) => [m.id, i]));
  const dimOf = new Int32Array(table.tasteIds.length);
  table.tasteIds.forEach((id, t) => {
    let d = index.get(id);
    if (d === undefined) {
      index.set(id, (d = metas.length));
      metas.push({ id, positive: id, negative: `not ${id}`, declared: false });
    }
    dimOf[t] = d;
  });
  return { metas, dimOf };
}
