// `npm run bench -- --honesty`: the honesty suite at bench size — synthetic players with known
// tastes and habits walking the shipped stories — printed per population, with a reliability
// table (predicted against observed pick probabilities) and the Brier score.
import {
  reliability,
  scorePopulation,
  type PopulationFigures,
} from '../test/profile/honesty-score.ts';
import { POPULATIONS, loadWorld } from '../test/profile/honesty-world.ts';
import { CLAIM_DELTA } from '../src/profile/claims.ts';

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null): string => (x === null ? '—' : x.toFixed(3));

export function honestyBench(players: number, seeds: readonly number[]): string {
  const started = performance.now();
  const world = loadWorld();
  const figures: PopulationFigures[] = [];
  for (const [i, pop] of POPULATIONS.entries()) {
    for (const seed of seeds) figures.push(scorePopulation(world, pop, players, seed + i));
    process.stderr.write(`bench: honesty ${pop.name}\n`);
  }
  const lines: string[] = [];
  lines.push(
    `Honesty suite: ${players} players × ${seeds.length} seeds per population, the shipped stories (${[...world.stories.keys()].join(', ')}); δ = ${CLAIM_DELTA}`,
    '',
    '| population | decisions (distinct) | players told a likely/sure lean | given a hint | posters (variant / stories) | 90% coverage (pairs) | coverage at \\|w\\| ≥ 1.5 | Spearman model / centred tally | first-option habit flagged |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  const all: (readonly [number, 0 | 1])[] = [];
  for (const pop of POPULATIONS) {
    const parts = figures.filter((f) => f.name === pop.name);
    const n = parts.reduce((s, f) => s + f.players, 0);
    const avg = (g: (f: PopulationFigures) => number): number =>
      parts.reduce((s, f) => s + g(f) * f.players, 0) / n;
    const pairs = parts.reduce((s, f) => s + f.pairs, 0);
    const coverage = parts.reduce((s, f) => s + f.coverage * f.pairs, 0) / Math.max(pairs, 1);
    const strong = parts.filter((f) => f.strongCoverage !== null);
    const ranked = parts.filter((f) => f.modelSpearman !== null);
    const mean = (g: (f: PopulationFigures) => number | null, of: PopulationFigures[]) =>
      of.length > 0 ? of.reduce((s, f) => s + (g(f) ?? 0), 0) / of.length : null;
    for (const f of parts) all.push(...f.predictions);
    lines.push(
      `| ${pop.name} | ${avg((f) => f.meanDecisions).toFixed(1)} (${avg((f) => f.meanDistinct).toFixed(1)}) | ${pct(avg((f) => f.claimedShare))} | ${pct(avg((f) => f.hintedShare))} | ${pct(avg((f) => f.posterShare))} | ${pct(coverage)} (${pairs}) | ${pct(mean((f) => f.strongCoverage, strong))} | ${num(mean((f) => f.modelSpearman, ranked))} / ${num(mean((f) => f.tallySpearman, ranked))} | ${pct(avg((f) => f.firstFlagged))} |`,
    );
  }
  const r = reliability(all);
  lines.push(
    '',
    'Reliability on fresh playthroughs (each option of each held-out decision; predicted from the fit with its position and default terms):',
    '',
    '| predicted | options | mean predicted | observed |',
    '|---|---|---|---|',
    ...r.bins.map(
      (b) =>
        `| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.options} | ${b.options > 0 ? b.predicted.toFixed(3) : '—'} | ${b.options > 0 ? b.observed.toFixed(3) : '—'} |`,
    ),
    '',
    `Brier score ${r.brier.toFixed(4)} over ${all.length} option outcomes (an even guess per option scores ${(all.reduce((s, [, y]) => s + (y - 0.5) ** 2, 0) / Math.max(all.length, 1)).toFixed(4)}); ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return lines.join('\n');
}
