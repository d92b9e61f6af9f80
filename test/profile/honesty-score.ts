// Scores the claims against synthetic players' hidden truth: what no-taste players are told,
// which posters they are shown, how often the 90% intervals hold the true weight, how well the
// estimates rank true tastes against a tally centred on the options offered, and how well the
// fitted model predicts a fresh playthrough (reliability and Brier score).
import type { CaptureEvent } from '../../src/core/events.ts';
import type { Decision } from '../../src/core/model.ts';
import { seededRandom } from '../../src/core/random.ts';
import { fitClaims, type ClaimsModelOptions } from '../../src/profile/claims-model.ts';
import { CLAIM_DELTA, claimsFromFit, type ProfileClaims } from '../../src/profile/claims.ts';
import { choosePoster } from '../../src/profile/personalise.ts';
import { play, type PlayerSpec, type Population, type World } from './honesty-world.ts';
import { spearman } from './inference-synthetic.ts';

/** Bins of predicted pick probability for the reliability table. */
export const RELIABILITY_BINS = 10;

export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly options: number;
  readonly predicted: number;
  readonly observed: number;
}

export interface PopulationFigures {
  readonly name: string;
  readonly noTaste: boolean;
  readonly players: number;
  readonly meanDecisions: number;
  readonly meanDistinct: number;
  /** players told at least one likely-or-stronger lean */
  readonly claimedShare: number;
  /** players given at least a hint */
  readonly hintedShare: number;
  /** stories played that showed a poster variant */
  readonly posterShare: number;
  /** (player, dimension with decisions) pairs whose 90% interval held the true weight */
  readonly coverage: number;
  readonly pairs: number;
  /** coverage on pairs with |w| ≥ 1.5 (null when there are none) */
  readonly strongCoverage: number | null;
  /** mean per-player Spearman between estimate and truth (null for no-taste players) */
  readonly modelSpearman: number | null;
  readonly tallySpearman: number | null;
  /** first-option habit flagged */
  readonly firstFlagged: number;
  /** for the reliability table and Brier score: (predicted, picked) per option of held-out decisions */
  readonly predictions: readonly (readonly [number, 0 | 1])[];
}

/** Per dimension: the sum over decisions of (chosen option's taste − mean taste of the options offered). */
export function centredTally(events: readonly CaptureEvent[], ids: readonly string[]): number[] {
  const tally = ids.map(() => 0);
  for (const e of events) {
    if (e.type !== 'choice.made' || e.options.length < 2) continue;
    ids.forEach((id, d) => {
      const mean = e.options.reduce((s, o) => s + (o.taste[id] ?? 0), 0) / e.options.length;
      tally[d] = (tally[d] ?? 0) + (e.options[e.chosenIndex]?.taste[id] ?? 0) - mean;
    });
  }
  return tally;
}

function softmax(u: readonly number[]): number[] {
  const max = Math.max(...u);
  const e = u.map((x) => Math.exp(x - max));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

/** The decisions of one fresh playthrough (no repeats, rewinds or timeouts), for prediction. */
function heldOut(
  world: World,
  spec: PlayerSpec,
  rand: () => number,
  tag: string,
): { decision: Decision; chosen: number }[] {
  const storyId = spec.plays[Math.floor(rand() * spec.plays.length)] ?? 'tutorial';
  const fresh: PlayerSpec = { ...spec, repeat: 0, rewind: 0, timeout: 0, plays: [storyId] };
  const events = play(world, fresh, rand, tag);
  const story = world.stories.get(storyId);
  const out: { decision: Decision; chosen: number }[] = [];
  if (!story) return out;
  // replay the path to recover each decision's default (the event does not carry it)
  let node = story.root;
  for (const e of events) {
    if (e.type !== 'choice.made' || !node.decision) continue;
    out.push({ decision: node.decision, chosen: e.chosenIndex });
    node = node.children.get(e.chosenIndex) ?? node;
  }
  return out;
}

export function scorePopulation(
  world: World,
  pop: Population,
  players: number,
  seed: number,
  options: ClaimsModelOptions = {},
): PopulationFigures {
  const rand = seededRandom(seed);
  const ids = world.dimensions.map((d) => d.id);
  let claimed = 0;
  let hinted = 0;
  let posters = 0;
  let storiesPlayed = 0;
  let covered = 0;
  let pairs = 0;
  let strongCovered = 0;
  let strongPairs = 0;
  let model = 0;
  let tally = 0;
  let ranked = 0;
  let decisions = 0;
  let distinct = 0;
  let firstFlagged = 0;
  const predictions: [number, 0 | 1][] = [];
  for (let p = 0; p < players; p++) {
    const spec = pop.make(rand, world);
    const tag = `${seed}-${p}`;
    const events = play(world, spec, rand, tag);
    const fit = fitClaims(events, world.dimensions, CLAIM_DELTA, options);
    const result: ProfileClaims = claimsFromFit(fit);
    decisions += result.decisions;
    distinct += result.distinctDecisions;
    if (result.claims.some((c) => c.level === 'likely' || c.level === 'sure')) claimed++;
    if (result.claims.some((c) => c.level !== 'none')) hinted++;
    if (result.habits.some((h) => h.kind === 'first-option' && h.flagged)) firstFlagged++;
    for (const id of new Set(spec.plays)) {
      const meta = world.stories.get(id)?.meta;
      if (!meta) continue;
      storiesPlayed++;
      if (choosePoster(meta, result.claims).isVariant) posters++;
    }
    const est: number[] = [];
    const truth: number[] = [];
    const tallyRow: number[] = [];
    const centred = centredTally(events, ids);
    for (const c of result.claims) {
      if (c.decisions === 0) continue;
      const w = spec.weights.get(c.id) ?? 0;
      pairs++;
      const inside = w >= c.interval[0] && w <= c.interval[1];
      if (inside) covered++;
      if (Math.abs(w) >= 1.5) {
        strongPairs++;
        if (inside) strongCovered++;
      }
      est.push(c.estimate);
      truth.push(w);
      tallyRow.push(centred[ids.indexOf(c.id)] ?? 0);
    }
    if (!pop.noTaste && est.length >= 2) {
      model += spearman(est, truth);
      tally += spearman(tallyRow, truth);
      ranked++;
    }
    // predict a fresh playthrough from the fit (tastes and the position and default habits)
    const weight = new Map(fit.dimensions.map((d) => [d.meta.id, d.estimate]));
    const firstBonus = fit.habits.find((h) => h.term === 'first-option')?.estimate ?? 0;
    const defaultBonus = fit.habits.find((h) => h.term === 'default-option')?.estimate ?? 0;
    for (const { decision, chosen } of heldOut(world, spec, rand, `${tag}-h`)) {
      if (decision.options.length < 2) continue;
      const probs = softmax(
        decision.options.map((o, j) => {
          let s = 0;
          for (const id in o.taste) s += (weight.get(id) ?? 0) * (o.taste[id] ?? 0);
          if (j === 0) s += firstBonus;
          if (j === decision.defaultOption) s += defaultBonus;
          return s;
        }),
      );
      probs.forEach((q, j) => predictions.push([q, j === chosen ? 1 : 0]));
    }
  }
  return {
    name: pop.name,
    noTaste: pop.noTaste,
    players,
    meanDecisions: decisions / players,
    meanDistinct: distinct / players,
    claimedShare: claimed / players,
    hintedShare: hinted / players,
    posterShare: storiesPlayed > 0 ? posters / storiesPlayed : 0,
    coverage: pairs > 0 ? covered / pairs : 1,
    pairs,
    strongCoverage: strongPairs > 0 ? strongCovered / strongPairs : null,
    modelSpearman: ranked > 0 ? model / ranked : null,
    tallySpearman: ranked > 0 ? tally / ranked : null,
    firstFlagged: firstFlagged / players,
    predictions,
  };
}

export function reliability(predictions: readonly (readonly [number, 0 | 1])[]): {
  readonly bins: readonly ReliabilityBin[];
  readonly brier: number;
} {
  const sums = Array.from({ length: RELIABILITY_BINS }, () => ({ n: 0, p: 0, y: 0 }));
  let brier = 0;
  for (const [p, y] of predictions) {
    const bin = sums[Math.min(RELIABILITY_BINS - 1, Math.floor(p * RELIABILITY_BINS))];
    if (bin) {
      bin.n++;
      bin.p += p;
      bin.y += y;
    }
    brier += (p - y) ** 2;
  }
  return {
    bins: sums.map((s, i) => ({
      from: i / RELIABILITY_BINS,
      to: (i + 1) / RELIABILITY_BINS,
      options: s.n,
      predicted: s.n > 0 ? s.p / s.n : 0,
      observed: s.n > 0 ? s.y / s.n : 0,
    })),
    brier: predictions.length > 0 ? brier / predictions.length : 0,
  };
}
