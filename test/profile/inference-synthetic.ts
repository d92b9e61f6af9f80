// Synthetic players for the inference tests: a seeded PRNG, generated decisions and rank statistics.
import type { CaptureEvent, EventOf } from '../../src/core/events.ts';

export { seededRandom as prng } from '../../src/core/random.ts';

export function normal(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

let counter = 0;

export function choice(
  options: readonly Record<string, number>[],
  chosenIndex: number,
  extra: Partial<Omit<EventOf<'choice.made'>, 'type' | 'options' | 'chosenIndex'>> = {},
): EventOf<'choice.made'> {
  counter++;
  return {
    v: 1,
    id: `e${counter}`,
    profileId: 'p1',
    sessionId: 's1',
    storyId: 'story',
    storyVersion: 'h1',
    at: '2025-01-01T00:00:00.000Z',
    type: 'choice.made',
    decisionId: `story.knot.${counter}`,
    knot: 'knot',
    options: options.map((taste, i) => ({ text: `option ${i + 1}`, taste })),
    chosenIndex,
    decisionMs: 3000,
    windowMs: 10_000,
    timedOut: false,
    input: 'pointer',
    ...extra,
  };
}

const TASTE_VALUES = [-1, -0.5, 0.5, 1] as const;

/** One option: a sparse taste vector with one or two dimensions set (sometimes none). */
function randomTaste(rand: () => number, dims: readonly string[]): Record<string, number> {
  const taste: Record<string, number> = {};
  const r = rand();
  const count = r < 0.15 ? 0 : r < 0.7 ? 1 : 2;
  for (let i = 0; i < count; i++) {
    const id = dims[Math.floor(rand() * dims.length)] ?? 'x';
    taste[id] = TASTE_VALUES[Math.floor(rand() * TASTE_VALUES.length)] ?? 1;
  }
  return taste;
}

export interface SyntheticPlayer {
  readonly weights: readonly number[];
  readonly events: readonly CaptureEvent[];
}

/** A player with hidden weights w ~ N(0, I) who picks each generated decision by sampling the softmax. */
export function syntheticPlayer(
  rand: () => number,
  dims: readonly string[],
  decisions: number,
): SyntheticPlayer {
  const weights = dims.map(() => normal(rand));
  const events: CaptureEvent[] = [];
  for (let n = 0; n < decisions; n++) {
    const k = rand() < 0.5 ? 2 : 3;
    const options = Array.from({ length: k }, () => randomTaste(rand, dims));
    const utilities = options.map((t) =>
      dims.reduce((s, id, d) => s + (weights[d] ?? 0) * (t[id] ?? 0), 0),
    );
    const max = Math.max(...utilities);
    const expU = utilities.map((u) => Math.exp(u - max));
    const z = expU.reduce((s, x) => s + x, 0);
    let r = rand() * z;
    let chosen = k - 1;
    for (let j = 0; j < k; j++) {
      r -= expU[j] ?? 0;
      if (r <= 0) {
        chosen = j;
        break;
      }
    }
    events.push(choice(options, chosen));
  }
  return { weights, events };
}

/** The naive tally a dashboard might show: the sum of each dimension's weight over the options chosen. */
export function naiveTally(events: readonly CaptureEvent[], dims: readonly string[]): number[] {
  const tally = dims.map(() => 0);
  for (const e of events) {
    if (e.type !== 'choice.made') continue;
    const taste = e.options[e.chosenIndex]?.taste ?? {};
    dims.forEach((id, d) => {
      tally[d] = (tally[d] ?? 0) + (taste[id] ?? 0);
    });
  }
  return tally;
}

/** Ranks with ties sharing their average rank. */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const out = new Array<number>(xs.length).fill(0);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.x === order[i]?.x) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]?.i ?? 0] = avg;
    i = j + 1;
  }
  return out;
}

/** Spearman's rank correlation (Pearson on ranks); 0 when either side has no spread. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = ra.length;
  const ma = ra.reduce((s, x) => s + x, 0) / n;
  const mb = rb.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (ra[i] ?? 0) - ma;
    const db = (rb[i] ?? 0) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
