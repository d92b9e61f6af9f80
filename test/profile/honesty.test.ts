// The honesty test of DESIGN.md §5: synthetic players with known weights; does the model recover them?
import { describe, expect, it } from 'vitest';
import { fitProfile } from '../../src/profile/inference.ts';
import { naiveTally, prng, spearman, syntheticPlayer } from './inference-synthetic.ts';

const DIMS = ['risk', 'kindness', 'curiosity', 'horror'];
const PLAYERS = 200;

function run(seed: number) {
  const rand = prng(seed);
  let covered = 0;
  let pairs = 0;
  let modelPerPlayer = 0;
  let tallyPerPlayer = 0;
  const truth: number[] = [];
  const model: number[] = [];
  const tally: number[] = [];
  for (let p = 0; p < PLAYERS; p++) {
    const decisions = 30 + Math.floor(rand() * 11);
    const player = syntheticPlayer(rand, DIMS, decisions);
    const result = fitProfile(player.events, []);
    const estimates = DIMS.map((id, d) => {
      const dim = result.dimensions.find((x) => x.id === id);
      const w = player.weights[d] ?? 0;
      // a dimension never offered keeps its prior N(0, 1): estimate 0, interval ±1.645
      const low = dim?.low90 ?? -1.6448536269514722;
      const high = dim?.high90 ?? 1.6448536269514722;
      pairs++;
      if (w >= low && w <= high) covered++;
      return dim?.estimate ?? 0;
    });
    const counts = naiveTally(player.events, DIMS);
    modelPerPlayer += spearman(estimates, player.weights);
    tallyPerPlayer += spearman(counts, player.weights);
    truth.push(...player.weights);
    model.push(...estimates);
    tally.push(...counts);
  }
  return {
    coverage: covered / pairs,
    modelPerPlayer: modelPerPlayer / PLAYERS,
    tallyPerPlayer: tallyPerPlayer / PLAYERS,
    modelPooled: spearman(model, truth),
    tallyPooled: spearman(tally, truth),
  };
}

describe('honesty of the taste model (DESIGN.md §5)', () => {
  const figures = run(20_250_101);
  console.log(
    `honesty over ${PLAYERS} synthetic players × ${DIMS.length} dimensions, 30–40 decisions each:\n` +
      `  90% interval coverage of the true weight: ${(figures.coverage * 100).toFixed(1)}%\n` +
      `  Spearman with true weights, mean per player: model ${figures.modelPerPlayer.toFixed(3)}, naive tally ${figures.tallyPerPlayer.toFixed(3)}\n` +
      `  Spearman with true weights, pooled: model ${figures.modelPooled.toFixed(3)}, naive tally ${figures.tallyPooled.toFixed(3)}`,
  );

  it('ranks each player’s tastes closer to the truth than the naive tally of chosen tags', () => {
    expect(figures.modelPerPlayer).toBeGreaterThan(figures.tallyPerPlayer);
  });

  it('orders weights across all players closer to the truth than the naive tally', () => {
    expect(figures.modelPooled).toBeGreaterThan(figures.tallyPooled);
  });

  it('holds the true weight inside its 90% interval between 85% and 95% of the time', () => {
    expect(figures.coverage).toBeGreaterThanOrEqual(0.85);
    expect(figures.coverage).toBeLessThanOrEqual(0.95);
  });
});
