// Measures lookahead cost per decision on the shipped stories: `npx tsx test/story/measure-lookahead.ts`.
import { join } from 'node:path';
import { compileInk } from '../../src/build/compile-ink.ts';
import { listStoryIds } from '../../src/build/story-build.ts';
import { createInkRuntime } from '../../src/story/ink-runtime.ts';

const STORIES = join(import.meta.dirname, '../../stories');
const PLAYS = 40;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

for (const id of listStoryIds(STORIES)) {
  const { json } = compileInk(join(STORIES, id, 'main.ink'));
  if (json === null) {
    console.log(`${id}: does not compile`);
    continue;
  }
  const runtime = createInkRuntime(json, { storyId: id });
  const costs: number[] = [];
  // CPU time too: on a shared, loaded machine wall time mostly measures waiting for a core
  const cpu: number[] = [];
  let incomplete = 0;
  // warm up the engine and the copy once, as a page would during its first decision
  runtime.nextSync();
  runtime.lookahead();
  for (let play = 0; play < PLAYS; play++) {
    runtime.reset();
    for (let beat = runtime.nextSync(); beat.decision; beat = runtime.nextSync()) {
      const t = performance.now();
      const c = process.cpuUsage();
      const results = runtime.lookahead();
      const used = process.cpuUsage(c);
      costs.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
      incomplete += results.filter((r) => !r.complete).length;
      runtime.choose(Math.floor(Math.random() * beat.decision.options.length));
    }
  }
  costs.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(
    `${id}: ${costs.length} decisions, lookahead p50 ${percentile(costs, 50).toFixed(2)} ms, ` +
      `p95 ${percentile(costs, 95).toFixed(2)} ms, max ${(costs.at(-1) ?? NaN).toFixed(2)} ms, ` +
      `${incomplete} branches cut short; CPU p50 ${percentile(cpu, 50).toFixed(2)} ms, ` +
      `p95 ${percentile(cpu, 95).toFixed(2)} ms`,
  );
}
