// Node figures for the bench: lookahead per decision, story compile time, inference, export and
// autosave bytes.
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileInk } from '../src/build/compile-ink.ts';
import { listStoryIds } from '../src/build/story-build.ts';
import { claimsFor } from '../src/profile/claims.ts';
import { buildExport } from '../src/profile/export.ts';
import { exportSteps } from '../src/profile/export-steps.ts';
import { fitProfile } from '../src/profile/inference.ts';
import { inferenceRows } from '../src/profile/inference-rows.ts';
import { profileInference } from '../src/profile/profile-inference.ts';
import { restoreRecords } from '../src/profile/restore.ts';
import { createInkRuntime } from '../src/story/ink-runtime.ts';
import { compileLoopStory, measureAutosaveBytes } from '../test/storage/autosave-bytes.ts';
import { BENCH_DIMENSIONS, syntheticEvents } from './events.ts';
import { summarize, type Summary } from './stats.ts';

/** Wall and CPU ms of `runs` calls after one warm-up call. */
export function timeCpu(
  runs: number,
  fn: () => unknown,
  warmup = 1,
): { wall: Summary; cpu: Summary } {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    fn();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

export interface LookaheadFigure {
  readonly storyId: string;
  readonly decisions: number;
  readonly wall: Summary;
  /** CPU time of the same calls: on a loaded machine wall time is partly waiting for a core */
  readonly cpu: Summary;
  readonly cutShort: number;
}

/**
 * Lookahead over `plays` random playthroughs of each shipped story, and of `extra` compiled
 * stories (the generated large story).
 */
export function lookaheadFigures(
  storiesDir: string,
  plays: number,
  extra: readonly { id: string; json: string }[] = [],
): LookaheadFigure[] {
  const out: LookaheadFigure[] = [];
  const stories = listStoryIds(storiesDir).map((id) => {
    const { json } = compileInk(join(storiesDir, id, 'main.ink'));
    if (json === null) throw new Error(`story ${id} does not compile`);
    return { id, json };
  });
  for (const { id, json } of [...stories, ...extra]) {
    const runtime = createInkRuntime(json, { storyId: id });
    const wall: number[] = [];
    const cpu: number[] = [];
    let cutShort = 0;
    // warm the engine and its copy once, as a page does during its first decision
    runtime.nextSync();
    runtime.lookahead();
    for (let play = 0; play < plays; play++) {
      runtime.reset();
      for (let beat = runtime.nextSync(), guard = 0; beat.decision && guard < 500; guard++) {
        const t = performance.now();
        const c = process.cpuUsage();
        const results = runtime.lookahead();
        const used = process.cpuUsage(c);
        wall.push(performance.now() - t);
        cpu.push((used.user + used.system) / 1000);
        cutShort += results.filter((r) => !r.complete).length;
        runtime.choose(Math.floor(Math.random() * beat.decision.options.length));
        beat = runtime.nextSync();
      }
    }
    out.push({
      storyId: id,
      decisions: wall.length,
      wall: summarize(wall),
      cpu: summarize(cpu),
      cutShort,
    });
  }
  return out;
}

function inkSize(dir: string): number {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ink'))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** Compile time of the largest shipped story (by .ink bytes). */
export function compileFigure(
  storiesDir: string,
  runs: number,
): { storyId: string; bytes: number; wall: Summary; cpu: Summary } {
  const ids = listStoryIds(storiesDir);
  const sized = ids.map((id) => ({ id, bytes: inkSize(join(storiesDir, id)) }));
  sized.sort((a, b) => b.bytes - a.bytes);
  const largest = sized[0]!;
  const entry = join(storiesDir, largest.id, 'main.ink');
  const times = timeCpu(runs, () => {
    if (compileInk(entry).json === null) throw new Error(`${largest.id} does not compile`);
  });
  return { storyId: largest.id, bytes: largest.bytes, ...times };
}

export interface ProfileFigures {
  readonly events: number;
  /**
   * fitProfile (the evidence) and profileClaims (the claims) over one reading of the log, as the
   * report runs them (profile-inference.ts)
   */
  readonly inference: { wall: Summary; cpu: Summary };
  /** fitProfile alone, the figure this row showed before the claims model */
  readonly fitOnly: { wall: Summary; cpu: Summary };
  /** the worker's build (export-steps.ts), in this thread */
  readonly exportSteps: { wall: Summary; cpu: Summary };
  readonly exportStepsBytes: number;
  readonly exportMs: { wall: Summary; cpu: Summary };
  readonly exportBytes: number;
}

/** Inference as the report runs it, and the export (buildExport and the worker's build) on a synthetic log. */
export function profileFigures(count: number, runs: number, warmup = 1): ProfileFigures {
  // The app fits the events its store returns: IndexedDB's structured clones, read back through
  // restoreRecords (validated, each id kept once and the array marked so, sorted). The generator's
  // spread-built objects are laid out far worse in V8 (a loop reading only `type` over them is
  // ~15× slower), which doubled the fit's time here; read them the store's way instead.
  const events = restoreRecords(
    syntheticEvents('bench', count).map((e) => ({ key: 'bench/', raw: structuredClone(e) })),
    { profileId: 'bench' },
  ).events;
  const profile = { id: 'bench', name: 'Bench', createdAt: '2024-01-01T00:00:00.000Z' };
  // what the report runs: the fit with its evidence, and the claims the words come from
  const inference = timeCpu(runs, () => profileInference(events, BENCH_DIMENSIONS), warmup);
  const fitOnly = timeCpu(runs, () => fitProfile(events, BENCH_DIMENSIONS), warmup);
  let bytes = 0;
  const exportMs = timeCpu(
    runs,
    () => {
      const rows = inferenceRows(
        fitProfile(events, BENCH_DIMENSIONS),
        claimsFor(events, BENCH_DIMENSIONS),
      );
      bytes = buildExport({
        profile,
        events,
        quarantined: [],
        inferences: rows,
        stories: [{ id: 'night-shift', title: 'Night Shift' }],
      }).length;
    },
    warmup,
  );
  // the export as the worker builds it (export-steps.ts), from the same input
  const input = {
    profile,
    events,
    quarantined: [],
    inferences: inferenceRows(
      fitProfile(events, BENCH_DIMENSIONS),
      claimsFor(events, BENCH_DIMENSIONS),
    ),
    stories: [{ id: 'night-shift', title: 'Night Shift' }],
  };
  let stepBytes = 0;
  const steps = timeCpu(
    runs,
    () => {
      const run = exportSteps(input);
      for (let step = run.next(); ; step = run.next())
        if (step.done) {
          stepBytes = step.value.length;
          break;
        }
    },
    warmup,
  );
  return {
    events: count,
    inference,
    fitOnly,
    exportMs,
    exportSteps: steps,
    exportStepsBytes: stepBytes,
    exportBytes: bytes,
  };
}

export interface AutosaveFigure {
  readonly decisions: number;
  /** bytes (as JSON) the autosave wrote at decision 1 and at the last decision */
  readonly first: number;
  readonly last: number;
  /** the same saves as single records, the layout before one record per decision */
  readonly wholeFirst: number;
  readonly wholeLast: number;
}

/** What autosave writes at decision 1 and decision `decisions` of a looping generated story. */
export async function autosaveFigure(decisions: number): Promise<AutosaveFigure> {
  const { perDecision, wholePerDecision } = await measureAutosaveBytes(
    compileLoopStory(),
    decisions,
  );
  const at = (xs: readonly number[], i: number): number => {
    const x = xs[i];
    if (x === undefined) throw new Error(`no autosave at decision ${String(i + 1)}`);
    return x;
  };
  return {
    decisions,
    first: at(perDecision, 0),
    last: at(perDecision, decisions - 1),
    wholeFirst: at(wholePerDecision, 0),
    wholeLast: at(wholePerDecision, decisions - 1),
  };
}
