// The ink StoryRuntime: metadata, beats and decisions, endings, state, faults and stalls.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compileInk } from '../../src/build/compile-ink.ts';
import { StoryRuntimeError, StoryStalledError } from '../../src/core/ports.ts';
import { createInkRuntime, storyVersionOf } from '../../src/story/ink-runtime.ts';
import type { InkRuntimeOptions } from '../../src/story/ink-runtime.ts';

function compiled(name: string): string {
  const result = compileInk(join(import.meta.dirname, 'ink', name));
  if (result.json === null) throw new Error(JSON.stringify(result.diagnostics));
  return result.json;
}

const DESK = compiled('tags-and-decisions.ink');
const ENDLESS = compiled('endless.ink');
const FAULTS = compiled('faults.ink');

function runtime(json: string, options: Partial<InkRuntimeOptions> = {}) {
  return createInkRuntime(json, { storyId: 'test', ...options });
}

describe('story metadata', () => {
  it('reads title, author, dimensions, timer, posters and theme from the global tags', () => {
    const { meta } = runtime(DESK, { storyId: 'desk' });
    expect(meta).toMatchObject({
      id: 'desk',
      title: 'The Night Desk',
      author: 'Ann Lee',
      dimensions: [
        { id: 'risk', positive: 'Thrill-seeking', negative: 'Caution' },
        { id: 'care', positive: 'Caring', negative: 'Detached' },
      ],
      timerSeconds: 12,
      posters: [
        { path: 'assets/poster.png', when: null },
        { path: 'assets/dark.png', when: { dimension: 'risk', pole: '+' } },
      ],
      theme: 'dark',
    });
  });

  it('falls back to the story id as title and leaves the timer unset without global tags', () => {
    const { meta } = runtime(ENDLESS, { storyId: 'loop' });
    expect(meta).toMatchObject({ title: 'loop', author: '', dimensions: [], theme: null });
    expect(meta.timerSeconds).toBeUndefined();
  });

  it('versions a story by a stable hash of its JSON unless a version is given', () => {
    expect(runtime(DESK).meta.version).toBe(storyVersionOf(DESK));
    expect(storyVersionOf(DESK)).toMatch(/^[0-9a-f]{16}$/);
    expect(storyVersionOf(DESK)).not.toBe(storyVersionOf(ENDLESS));
    expect(storyVersionOf(DESK)).not.toBe(storyVersionOf(DESK.replace('Ann Lee', 'Ann Leo')));
    expect(runtime(DESK, { version: 'v7' }).meta.version).toBe('v7');
  });
});

describe('beats and decisions', () => {
  it('gives the lines of a beat with their tags and parsed directives', () => {
    const beat = runtime(DESK).nextSync();
    expect(beat.lines.map((l) => l.text)).toEqual(['The phone rings.', 'Someone is waiting.']);
    expect(beat.lines[0]!.tags).toContain('scene: office');
    expect(beat.lines[1]!.directives).toContainEqual({
      kind: 'unknown',
      key: 'frobnicate',
      value: 'yes',
      raw: 'frobnicate: yes',
    });
  });

  it('keeps the global tags ink repeats on the first line out of its directives', () => {
    const [first] = runtime(DESK).nextSync().lines;
    expect(first!.tags).toContain('title: The Night Desk');
    expect(first!.directives).toEqual([
      { kind: 'backdrop', backdrop: { type: 'scene', name: 'office' } },
      { kind: 'speaker', name: 'Ann' },
    ]);
  });

  it('describes a decision with its path id, knot, options, tastes, default and timer', () => {
    const decision = runtime(DESK).nextSync().decision!;
    expect(decision).toMatchObject({
      id: 'office.desk',
      knot: 'office.desk',
      timerSeconds: 6,
      defaultOption: 1,
    });
    expect(decision.options).toEqual([
      {
        index: 0,
        text: 'Answer it',
        tags: ['taste: risk+1 care+0.5'],
        directives: [{ kind: 'taste', weights: { risk: 1, care: 0.5 } }],
        taste: { risk: 1, care: 0.5 },
        isDefault: false,
      },
      {
        index: 1,
        text: 'Let it ring',
        tags: ['default', 'taste: risk-1'],
        directives: [{ kind: 'default' }, { kind: 'taste', weights: { risk: -1 } }],
        taste: { risk: -1 },
        isDefault: true,
      },
    ]);
  });

  it('takes the first option as default and leaves the timer unset when no tags say otherwise', () => {
    const rt = runtime(DESK);
    rt.nextSync();
    rt.choose(0);
    const decision = rt.nextSync().decision!;
    expect(decision.id).toBe('hall');
    expect(decision.defaultOption).toBe(0);
    expect(decision.timerSeconds).toBeUndefined();
    expect(rt.decision).toBe(decision);
  });

  it('keeps a decision id when it comes back with fewer options', () => {
    const rt = runtime(DESK);
    const first = rt.nextSync().decision!;
    rt.choose(0);
    rt.nextSync();
    rt.choose(0); // "Go back" to the desk, where "Answer it" is gone
    const again = rt.nextSync().decision!;
    expect(again.options.map((o) => o.text)).toEqual(['Let it ring']);
    expect(again.id).toBe(first.id);
  });

  it('gives the same decision ids on every playthrough', () => {
    const ids = (): string[] => {
      const rt = runtime(DESK);
      const out: string[] = [];
      for (let beat = rt.nextSync(); beat.decision; beat = rt.nextSync()) {
        out.push(beat.decision.id);
        rt.choose(0);
      }
      return out;
    };
    expect(ids()).toEqual(['office.desk', 'hall', 'office.desk']);
    expect(ids()).toEqual(ids());
  });

  it('ends with no decision and the knot where the story ended, not a function it called', () => {
    const rt = runtime(DESK);
    rt.nextSync();
    rt.choose(1);
    const end = rt.nextSync();
    expect(end.decision).toBeNull();
    expect(end.endPath).toBe('quiet');
    expect(end.lines.map((l) => l.text)).toEqual([
      'It stops.',
      'It is quiet now.',
      '5 minutes pass.',
    ]);
    expect(rt.decision).toBeNull();
  });

  it('gives the same beats through next() as through nextSync()', async () => {
    const a = runtime(DESK);
    const b = runtime(DESK);
    expect(await a.next()).toEqual(b.nextSync());
    // the same random seed for the shuffle in the next beat
    b.loadState(a.saveState());
    a.choose(0);
    b.choose(0);
    expect(await a.next()).toEqual(b.nextSync());
  });

  it('refuses an option that does not exist, or a choice without a decision', () => {
    const rt = runtime(DESK);
    expect(() => rt.choose(0)).toThrow(StoryRuntimeError);
    rt.nextSync();
    expect(() => rt.choose(2)).toThrow('Option 2 does not exist; this decision has 2.');
  });
});

describe('state', () => {
  it('goes back to a saved decision, with its timer, and plays another branch from there', () => {
    const rt = runtime(DESK);
    rt.nextSync();
    const saved = rt.saveState();
    rt.choose(0);
    rt.nextSync();
    rt.loadState(saved);
    expect(rt.decision).toMatchObject({ id: 'office.desk', timerSeconds: 6, defaultOption: 1 });
    rt.choose(1);
    expect(rt.nextSync().endPath).toBe('quiet');
  });

  it('loads a saved state into a fresh runtime of the same story', () => {
    const first = runtime(DESK);
    first.nextSync();
    first.choose(0);
    first.nextSync();
    const second = runtime(DESK);
    second.loadState(first.saveState());
    expect(second.decision).toEqual(first.decision);
  });

  it('restarts from the very beginning on reset', () => {
    const rt = runtime(DESK);
    const opening = rt.nextSync();
    rt.choose(1);
    rt.nextSync();
    rt.reset();
    expect(rt.decision).toBeNull();
    expect(rt.nextSync()).toEqual(opening);
  });

  it('reports a state that is not JSON as a StoryRuntimeError', () => {
    expect(() => runtime(DESK).loadState('not json')).toThrow(StoryRuntimeError);
  });
});

describe('faults', () => {
  it('keeps the text ink produced before a runtime error with the error (as bare inkjs shows it)', () => {
    const rt = runtime(compiled('error-after-text.ink'));
    rt.nextSync();
    rt.choose(0);
    let thrown: unknown = null;
    try {
      rt.nextSync();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoryRuntimeError);
    expect((thrown as StoryRuntimeError).message).toMatch(/didn't contain a divert target/);
    expect((thrown as StoryRuntimeError).lines.map((l) => l.text)).toEqual(['opt', 'text']);
  });

  it("turns an ink runtime error into a StoryRuntimeError with ink's message", () => {
    const rt = runtime(FAULTS, { externals: { boom: () => 0 } });
    rt.nextSync();
    rt.choose(1);
    expect(() => rt.nextSync()).toThrow(/RANDOM was called with minimum as 5 and maximum as 1/);
  });

  it('turns an exception thrown by an EXTERNAL binding into a StoryRuntimeError', async () => {
    const rt = runtime(FAULTS, {
      externals: {
        boom: () => {
          throw new Error('host went boom');
        },
      },
    });
    await rt.next();
    rt.choose(0);
    await expect(rt.next()).rejects.toThrow(StoryRuntimeError);
  });

  it('calls EXTERNAL bindings with the arguments ink passes', () => {
    const boom = vi.fn(() => 42);
    const rt = runtime(FAULTS, { externals: { boom } });
    rt.nextSync();
    rt.choose(0);
    expect(rt.nextSync().lines.map((l) => l.text)).toEqual(['42']);
    expect(boom).toHaveBeenCalledTimes(1);
  });

  it('recovers from an error by going back to a saved decision', () => {
    const rt = runtime(FAULTS, { externals: { boom: () => 1 } });
    rt.nextSync();
    const saved = rt.saveState();
    rt.choose(1);
    expect(() => rt.nextSync()).toThrow(StoryRuntimeError);
    expect(() => rt.nextSync()).toThrow(/go back to a saved decision/);
    rt.loadState(saved);
    rt.choose(0);
    expect(rt.nextSync().lines.map((l) => l.text)).toEqual(['1']);
  });
});

describe('endless loops', () => {
  it('rejects with StoryStalledError when ink loops without output, yielding to the host meanwhile', async () => {
    const yieldToHost = vi.fn(() => Promise.resolve());
    const rt = runtime(ENDLESS, { stallMs: 200, sliceMs: 4, yieldToHost });
    await rt.next();
    rt.choose(0);
    await expect(rt.next()).rejects.toThrow(StoryStalledError);
    expect(yieldToHost.mock.calls.length).toBeGreaterThan(1);
  });

  it('names the knot of the loop in the stall message', async () => {
    const rt = runtime(ENDLESS, { stallMs: 200, sliceMs: 4, yieldToHost: () => Promise.resolve() });
    await rt.next();
    rt.choose(0);
    await expect(rt.next()).rejects.toThrow(/without any new text.*"spin"/);
  });

  it('guards nextSync by slice count even when the clock stands still', () => {
    const rt = runtime(ENDLESS, { stallMs: 200, sliceMs: 4, now: () => 0 });
    rt.nextSync();
    rt.choose(0);
    expect(() => rt.nextSync()).toThrow(StoryStalledError);
  });

  it('plays on after a stall once a saved decision is loaded', () => {
    const rt = runtime(ENDLESS, { stallMs: 200, sliceMs: 4 });
    rt.nextSync();
    const saved = rt.saveState();
    rt.choose(0);
    expect(() => rt.nextSync()).toThrow(StoryStalledError);
    rt.loadState(saved);
    rt.choose(1);
    expect(rt.nextSync()).toMatchObject({ decision: null, endPath: 'safe' });
  });
});
