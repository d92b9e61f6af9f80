// Lookahead: each option runs ahead on a private copy; the real story, its randomness and its
// EXTERNAL bindings are untouched.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compileInk } from '../../src/build/compile-ink.ts';
import type { Directive } from '../../src/core/directives.ts';
import { parseTags } from '../../src/core/tags.ts';
import { createInkRuntime } from '../../src/story/ink-runtime.ts';
import type { InkRuntime } from '../../src/story/ink-runtime.ts';
import {
  assetsOf,
  DEFAULT_MAX_WORK,
  LOAD_WORK,
  lookahead,
  LookaheadEngine,
} from '../../src/story/lookahead.ts';

function compiled(name: string): string {
  const result = compileInk(join(import.meta.dirname, 'ink', name));
  if (result.json === null) throw new Error(JSON.stringify(result.diagnostics));
  return result.json;
}

const DESK = compiled('tags-and-decisions.ink');
const RANDOM = compiled('random.ink');
const ENDLESS = compiled('endless.ink');
// a budget no machine under load runs out of, so results never depend on timing
const AMPLE = { budgetMs: 60_000 };

/** Plays `picks` from where the runtime stands; returns every line and decision id seen. */
function playOn(rt: InkRuntime, picks: readonly number[]): string[] {
  const seen: string[] = [];
  for (const pick of picks) {
    rt.choose(pick);
    const beat = rt.nextSync();
    seen.push(...beat.lines.map((l) => l.text), beat.decision?.id ?? `end:${beat.endPath}`);
    if (!beat.decision) break;
  }
  return seen;
}

describe('lookahead', () => {
  it('finds the assets of each branch and the decision it reaches', () => {
    const rt = createInkRuntime(DESK, { storyId: 'desk' });
    rt.nextSync();
    expect(rt.lookahead(AMPLE)).toEqual([
      {
        optionIndex: 0,
        assets: ['assets/hall.jpg', 'assets/hum.ogg'],
        nextDecisionId: 'hall',
        steps: 3,
        complete: true,
      },
      {
        optionIndex: 1,
        assets: ['assets/click.mp3'],
        nextDecisionId: null,
        steps: 3,
        complete: true,
      },
    ]);
  });

  it('agrees with the decision the real story then reaches', () => {
    const rt = createInkRuntime(DESK, { storyId: 'desk' });
    rt.nextSync();
    const [ahead] = rt.lookahead(AMPLE);
    rt.choose(0);
    expect(rt.nextSync().decision?.id).toBe(ahead!.nextDecisionId);
  });

  it('is empty when there is no decision', () => {
    const rt = createInkRuntime(DESK, { storyId: 'desk' });
    expect(rt.lookahead(AMPLE)).toEqual([]);
  });

  it("leaves the real story's state, visit counts and random sequence as they were", () => {
    const picks = [0, 0, 0, 0];
    const withLookahead = createInkRuntime(RANDOM, { storyId: 'r', externals: { ping: () => 0 } });
    const without = createInkRuntime(RANDOM, { storyId: 'r', externals: { ping: () => 0 } });
    withLookahead.nextSync();
    without.loadState(withLookahead.saveState());
    const before = withLookahead.saveState();
    expect(withLookahead.lookahead(AMPLE).every((r) => r.complete)).toBe(true);
    expect(withLookahead.saveState()).toBe(before);

    // look ahead at every decision on one runtime and never on the other
    const a: string[] = [];
    for (const pick of picks) {
      withLookahead.lookahead(AMPLE);
      const seen = playOn(withLookahead, [pick]);
      a.push(...seen);
      if (seen.at(-1)!.startsWith('end:')) break;
    }
    const b = playOn(without, picks);
    expect(a).toEqual(b);
    expect(a.at(-1)).toBe('end:next');
    expect(a.filter((t) => /^Score \d+, \d+, seen a 1 times\.$/.test(t))).toHaveLength(2);
  });

  it('never calls the real EXTERNAL bindings', () => {
    const ping = vi.fn(() => 0);
    const rt = createInkRuntime(RANDOM, { storyId: 'r', externals: { ping } });
    rt.nextSync();
    const results = rt.lookahead(AMPLE);
    expect(results[0]!.complete).toBe(true);
    expect(ping).not.toHaveBeenCalled();
    rt.choose(0);
    rt.nextSync();
    expect(ping).toHaveBeenCalledWith(2);
  });

  it('cuts a branch that loops for ever short instead of hanging', () => {
    const rt = createInkRuntime(ENDLESS, { storyId: 'loop' });
    rt.nextSync();
    const [loop, safe] = rt.lookahead({ budgetMs: 200, totalMs: 60_000 });
    expect(loop).toMatchObject({ optionIndex: 0, complete: false, nextDecisionId: null });
    expect(safe).toMatchObject({ optionIndex: 1, complete: true, steps: 1 });
    // both are kept, the cut one too: a revisit runs nothing and reads no clock
    let reads = 0;
    const again = rt.lookahead({ budgetMs: 200, totalMs: 60_000, now: () => (reads++, 0) });
    expect(again).toEqual([loop, safe]);
    expect(reads).toBe(0);
  });

  describe('the bound on work per decision (counted in ink steps, not time)', () => {
    // a clock that never moves: only the work bound can stop these runs
    const frozen = { budgetMs: 1, totalMs: 1, now: () => 0 };

    it('cuts an endless loop without lines at the work bound, and still runs the other option', () => {
      const engine = new LookaheadEngine(ENDLESS);
      const rt = createInkRuntime(ENDLESS, { storyId: 'loop' });
      const options = rt.nextSync().decision!.options;
      const [loop, safe] = engine.run(rt.saveState(), options, { ...frozen, maxWork: 4_000 });
      expect(loop).toMatchObject({ complete: false, nextDecisionId: null });
      // one option may spend half the budget: the other still runs to its end
      expect(safe).toMatchObject({ complete: true, steps: 1 });
      expect(engine.lastWork).toBeLessThanOrEqual(4_000);
      expect(engine.lastWork).toBeGreaterThanOrEqual(2_000);
    });

    it('bounds a huge fan-out of endless branches in total, by default too', () => {
      const json = compiled('fan-out.ink');
      const rt = createInkRuntime(json, { storyId: 'fan' });
      const options = rt.nextSync().decision!.options;
      expect(options).toHaveLength(400);
      for (const maxWork of [3_000, undefined]) {
        const engine = new LookaheadEngine(json);
        const results = engine.run(rt.saveState(), options, {
          ...frozen,
          maxSteps: 1_000_000,
          ...(maxWork === undefined ? {} : { maxWork }),
        });
        const bound = maxWork ?? DEFAULT_MAX_WORK;
        expect(results).toHaveLength(400);
        expect(engine.lastWork).toBeLessThanOrEqual(bound);
        // every option is cut short or never reached; those reached each paid for their load
        expect(results.every((r) => !r.complete)).toBe(true);
        const reached = results.filter((r) => r.steps > 0).length;
        expect(reached).toBeGreaterThan(0);
        expect(reached * LOAD_WORK).toBeLessThanOrEqual(bound);
        expect(results.filter((r) => r.steps === 0).length).toBeGreaterThan(300);
      }
    });

    it('leaves ordinary decisions far inside the bound', () => {
      const engine = new LookaheadEngine(DESK);
      const rt = createInkRuntime(DESK, { storyId: 'desk' });
      const options = rt.nextSync().decision!.options;
      const results = engine.run(rt.saveState(), options, frozen);
      expect(results.every((r) => r.complete)).toBe(true);
      expect(engine.lastWork).toBeGreaterThan(options.length * LOAD_WORK);
      expect(engine.lastWork).toBeLessThan(DEFAULT_MAX_WORK / 10);
    });
  });

  it('stops a branch at maxSteps lines', () => {
    const rt = createInkRuntime(DESK, { storyId: 'desk' });
    rt.nextSync();
    const [first] = rt.lookahead({ ...AMPLE, maxSteps: 1 });
    expect(first).toMatchObject({ complete: false, steps: 1, nextDecisionId: null });
  });

  it('runs from compiled JSON and a saved state without a runtime', () => {
    const rt = createInkRuntime(DESK, { storyId: 'desk' });
    const decision = rt.nextSync().decision!;
    const engine = new LookaheadEngine(DESK);
    const viaEngine = lookahead(engine, rt.saveState(), decision.options, AMPLE);
    expect(lookahead(DESK, rt.saveState(), decision.options, AMPLE)).toEqual(viaEngine);
    expect(viaEngine).toEqual(rt.lookahead(AMPLE));
  });

  it('reuses the branches of a state met before (a replay) without running them again', () => {
    const json = compiled('replay.ink');
    const engine = new LookaheadEngine(json);
    let clockReads = 0;
    const counting = { ...AMPLE, now: () => (clockReads++, 0) };
    const rt = createInkRuntime(json, { storyId: 'replay' });
    const options = rt.nextSync().decision!.options;
    const first = engine.run(rt.saveState(), options, counting);
    expect(clockReads).toBeGreaterThan(0);
    // a restart draws a new random seed; a story that never draws a number ignores it
    rt.reset();
    const again = rt.nextSync().decision!.options;
    clockReads = 0;
    expect(engine.run(rt.saveState(), again, counting)).toEqual(first);
    expect(clockReads).toBe(0);
    expect(first.map((r) => r.assets)).toEqual([['assets/walk.png'], ['assets/wait.ogg']]);
  });

  it('runs again from a state whose random seed differs when the story draws numbers', () => {
    const engine = new LookaheadEngine(RANDOM);
    let clockReads = 0;
    const counting = { ...AMPLE, now: () => (clockReads++, 0) };
    const rt = createInkRuntime(RANDOM, { storyId: 'r', externals: { ping: () => 0 } });
    const options = rt.nextSync().decision!.options;
    const state = rt.saveState();
    const first = engine.run(state, options, counting);
    clockReads = 0;
    // the very same state (seed included) is known
    expect(engine.run(state, options, counting)).toEqual(first);
    expect(clockReads).toBe(0);
    const reseeded = state.replace(/"storySeed":-?\d+/, '"storySeed":12345');
    expect(reseeded).not.toBe(state);
    engine.run(reseeded, options, counting);
    expect(clockReads).toBeGreaterThan(0);
  });

  it('collects asset paths from backdrops, images and sounds only', () => {
    const directives: Directive[] = parseTags([
      'BACKGROUND: assets/a.jpg',
      'bg: #123456',
      'scene: office',
      'IMAGE: assets/b.png',
      'AUDIO: assets/c.mp3',
      'AUDIOLOOP: none',
      'AUDIOLOOP: assets/d.ogg',
      'speaker: Ann',
      'poster: assets/p.png',
    ]);
    expect(assetsOf(directives)).toEqual([
      'assets/a.jpg',
      'assets/b.png',
      'assets/c.mp3',
      'assets/d.ogg',
    ]);
  });
});
