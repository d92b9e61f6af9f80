// Runaway ink against generated stories: the beat limits of the runtime, and lookahead's total
// budget, cache of cut-short branches and cost that grows with the option count, not its square.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Story } from 'inkjs';
import { compileInk } from '../../src/build/compile-ink.ts';
import { StoryStalledError } from '../../src/core/ports.ts';
import { BEAT_LIMITS, createInkRuntime } from '../../src/story/ink-runtime.ts';
import { LookaheadEngine } from '../../src/story/lookahead.ts';

const dir = mkdtempSync(join(tmpdir(), 'inkreel-runaway-'));
let made = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Compiles generated ink with the project's compiler. */
function ink(source: string): string {
  const folder = join(dir, `s${made++}`);
  mkdirSync(folder);
  writeFileSync(join(folder, 'main.ink'), source);
  const result = compileInk(join(folder, 'main.ink'));
  if (result.json === null) throw new Error(JSON.stringify(result.diagnostics));
  return result.json;
}

const TEXT_LOOP = ink(
  [
    'VAR n = 0',
    'Start.',
    '* [Go] -> spin',
    '== spin ==',
    '- (top)',
    '~ n = n + 1',
    'Line {n}.',
    '-> top',
  ].join('\n'),
);
const quiet = { warn: () => undefined };

function atLoop(json: string, options = {}) {
  const rt = createInkRuntime(json, { storyId: 'r', ...quiet, ...options });
  rt.nextSync();
  rt.choose(0);
  return rt;
}

describe('beat limits', () => {
  it('stops a loop that keeps printing lines after 2 000 lines, naming the knot', () => {
    expect(BEAT_LIMITS.lines).toBe(2000);
    const rt = atLoop(TEXT_LOOP);
    expect(() => rt.nextSync()).toThrow(StoryStalledError);
    const again = atLoop(TEXT_LOOP);
    expect(() => again.nextSync()).toThrow(
      /printed more than 2 000 lines without offering a choice .*"spin"/,
    );
  });

  it('rejects next() the same way while yielding to the host', async () => {
    const yieldToHost = vi.fn(() => Promise.resolve());
    const rt = atLoop(TEXT_LOOP, { yieldToHost, sliceMs: 1 });
    await expect(rt.next()).rejects.toThrow(/more than 2 000 lines/);
  });

  it('allows a beat of exactly the line limit and stops one line past it', () => {
    const lines = (k: number) => Array.from({ length: k }, (_, i) => `L${i}.`);
    const exact = ink([...lines(5), '* [A] -> END', '* [B] -> END'].join('\n'));
    const over = ink([...lines(6), '* [A] -> END', '* [B] -> END'].join('\n'));
    const limits = { lines: 5 };
    const beat = createInkRuntime(exact, { storyId: 'e', limits }).nextSync();
    expect(beat.lines).toHaveLength(5);
    expect(beat.decision?.options).toHaveLength(2);
    expect(() => createInkRuntime(over, { storyId: 'o', limits }).nextSync()).toThrow(
      /more than 5 lines/,
    );
  });

  it('stops a loop of long lines at the character limit, long before the line limit', () => {
    const long = ink(
      ['Start.', '* [Go] -> spin', '== spin ==', '- (top)', 'x'.repeat(5000), '-> top'].join('\n'),
    );
    const rt = atLoop(long);
    expect(() => rt.nextSync()).toThrow(/printed more than 200 000 characters/);
  });

  it('stops a loop that glues onto one line for ever', () => {
    const glued = ink(
      ['Start.', '* [Go] -> spin', '== spin ==', '- (top)', 'x <>', '-> top'].join('\n'),
    );
    // the pieces ink gathers for the unfinished line are capped; the stall guard is the backstop
    expect(BEAT_LIMITS.pending).toBe(5000);
    const rt = atLoop(glued);
    expect(() => rt.nextSync()).toThrow(/kept adding to one line \(more than 5 000 pieces\)/);
  });

  it('stops a beat that has worked past its time limit whatever it prints', () => {
    const rt = atLoop(TEXT_LOOP, { limits: { ms: 30, lines: 1e9, chars: 1e12 } });
    expect(() => rt.nextSync()).toThrow(/ran for 0 s without offering a choice/);
    const later = atLoop(TEXT_LOOP, { limits: { ms: 300, lines: 1e9, chars: 1e12 } });
    const started = performance.now();
    expect(() => later.nextSync()).toThrow(/ran for 0.3 s/);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('cuts a 1 MB line to 10 000 characters with one warning and plays on', () => {
    const huge = ink(
      ['Before.', 'y'.repeat(1_000_000), 'After.', '* [A] -> END', '* [B] -> END'].join('\n'),
    );
    const warn = vi.fn();
    const beat = createInkRuntime(huge, { storyId: 'h', warn }).nextSync();
    expect(beat.lines.map((l) => l.text.length)).toEqual([7, 10_001, 6]);
    expect(beat.lines[1]?.text.endsWith('…')).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/a line of 1 000 000 characters .* cut to 10 000/);
    expect(beat.decision?.options).toHaveLength(2);
  });

  it('goes back to a saved decision after a runaway beat', () => {
    const rt = createInkRuntime(TEXT_LOOP, { storyId: 'r', ...quiet });
    rt.nextSync();
    const saved = rt.saveState();
    rt.choose(0);
    expect(() => rt.nextSync()).toThrow(StoryStalledError);
    rt.loadState(saved);
    expect(rt.decision?.options.map((o) => o.text)).toEqual(['Go']);
  });
});

/** n options, each to its own knot; `loop` makes each branch spin without output. */
function manyOptions(n: number, loop: boolean): string {
  const lines = ['Pick one.'];
  for (let i = 0; i < n; i++) lines.push(`* [Option ${i}] -> k${i % 10}`);
  for (let k = 0; k < 10; k++) {
    lines.push(`== k${k} ==`);
    if (loop) lines.push('- (top)', '~ temp x = 1', '-> top');
    else lines.push(`Went ${k}. # IMAGE: assets/i${k}.png`, '* [Again] -> END', '* [Stop] -> END');
  }
  return ink(lines.join('\n'));
}

function decisionOf(json: string) {
  const rt = createInkRuntime(json, { storyId: 'm' });
  const options = rt.nextSync().decision!.options;
  return { state: rt.saveState(), options };
}

describe('lookahead budget', () => {
  it('spends at most its total budget on a decision whose 300 options all loop', () => {
    const json = manyOptions(300, true);
    const { state, options } = decisionOf(json);
    const engine = new LookaheadEngine(json);
    const choose = vi.spyOn(Story.prototype, 'ChooseChoiceIndex');
    try {
      const started = performance.now();
      const first = engine.run(state, options);
      const spent = performance.now() - started;
      // 40 ms by default (it was 300 × 50 ms); an option may overrun its slice a little
      expect(spent).toBeLessThan(400);
      expect(first).toHaveLength(300);
      expect(first.every((r) => !r.complete && r.nextDecisionId === null)).toBe(true);
      expect(choose.mock.calls.length).toBeGreaterThan(0);
      expect(choose.mock.calls.length).toBeLessThan(20);
    } finally {
      choose.mockRestore();
    }
  });

  it('keeps cut-short branches, so each revisit reaches new options and never reruns old ones', () => {
    const json = manyOptions(40, true);
    const { state, options } = decisionOf(json);
    const engine = new LookaheadEngine(json);
    const choose = vi.spyOn(Story.prototype, 'ChooseChoiceIndex');
    try {
      const perCall: number[] = [];
      for (let call = 0; call < 100; call++) {
        const before = choose.mock.calls.length;
        engine.run(state, options, { budgetMs: 5, totalMs: 20 });
        perCall.push(choose.mock.calls.length - before);
        if (perCall.at(-1) === 0) break;
      }
      // every option was run exactly once, over several visits, and the last visit ran none
      expect(perCall.reduce((a, b) => a + b, 0)).toBe(40);
      expect(perCall.length).toBeGreaterThan(2);
      expect(perCall.at(-1)).toBe(0);
      expect(Math.max(...perCall)).toBeLessThan(40);
    } finally {
      choose.mockRestore();
    }
  });

  it('grows with the option count, not its square', () => {
    const cost = (n: number) => {
      const json = manyOptions(n, false);
      const { state, options } = decisionOf(json);
      let best = Infinity;
      for (let k = 0; k < 2; k++) {
        const engine = new LookaheadEngine(json);
        const t = performance.now();
        // every budget lifted, the work bound too: this measures the cost of running them all
        const results = engine.run(state, options, {
          budgetMs: 60_000,
          totalMs: 60_000,
          maxWork: Infinity,
        });
        best = Math.min(best, performance.now() - t);
        expect(results.every((r) => r.complete && r.assets.length === 1)).toBe(true);
      }
      return best;
    };
    cost(100); // warm the engine's code paths
    const small = cost(400);
    const large = cost(1600);
    // ×4 options: linear is about ×4, the old quadratic cost was ×16
    expect(large / small).toBeLessThan(9);
    expect(large).toBeLessThan(5000);
  }, 60_000);
});
