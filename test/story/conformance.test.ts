// Conformance: the ink-proof cases replay to inklecate's transcripts through the StoryRuntime, and
// the inkjs and ink-library examples play to an ending.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoryRuntimeError } from '../../src/core/ports.ts';
import { createInkRuntime } from '../../src/story/ink-runtime.ts';
import type { Beat } from '../../src/core/model.ts';
import { compileCase, corpusCases, inputsOf, stubsOf, transcriptOf } from './corpus.ts';

const proofs = corpusCases('proof-');
const examples = [...corpusCases('inkjs-'), ...corpusCases('library-')];

describe('ink-proof transcripts', () => {
  it('has the ink-proof cases copied into the fixtures', () => {
    expect(proofs.length).toBeGreaterThanOrEqual(11);
  });

  for (const c of proofs) {
    it(`replays ${c.name} to exactly its transcript`, () => {
      const runtime = createInkRuntime(compileCase(c), { storyId: c.name });
      const expected = readFileSync(join(c.dir, 'transcript.txt'), 'utf8');
      expect(transcriptOf(runtime, inputsOf(c.dir))).toBe(expected);
    });
  }
});

/** Plays to an ending always taking the first option; returns every beat. */
function playFirstOptions(json: string, name: string, externals = {}): Beat[] {
  const runtime = createInkRuntime(json, { storyId: name, externals });
  const beats: Beat[] = [];
  for (let turn = 0; turn < 100; turn++) {
    const beat = runtime.nextSync();
    beats.push(beat);
    if (!beat.decision) return beats;
    runtime.choose(0);
  }
  throw new Error(`${name} did not end within 100 decisions`);
}

describe('inkjs and ink-library examples', () => {
  for (const c of examples) {
    it(`plays ${c.name} to an ending by always taking the first option`, () => {
      const beats = playFirstOptions(compileCase(c), c.name, stubsOf(c));
      const last = beats.at(-1)!;
      expect(last.decision).toBeNull();
      expect(last.endPath).toEqual(expect.any(String));
      expect(beats.flatMap((b) => b.lines).length).toBeGreaterThan(0);
    });
  }

  it('gives the bound EXTERNAL results in the text', () => {
    const c = examples.find((e) => e.name === 'inkjs-external-binding')!;
    const text = playFirstOptions(compileCase(c), c.name, stubsOf(c))
      .flatMap((b) => b.lines)
      .map((l) => l.text);
    expect(text).toEqual(['15', 'knock knock knock']);
  });

  it('fails with a message naming the EXTERNAL functions when they are not bound', () => {
    const c = examples.find((e) => e.name === 'inkjs-external-binding')!;
    const runtime = createInkRuntime(compileCase(c), { storyId: c.name });
    expect(runtime.missingExternals).toEqual(['message', 'multiply', 'times']);
    expect(() => runtime.nextSync()).toThrow(StoryRuntimeError);
    expect(() => runtime.nextSync()).toThrow(
      'EXTERNAL functions "message", "multiply", "times" have no binding in this player and no fallback in the story',
    );
  });

  it('names the one EXTERNAL function left unbound', async () => {
    const c = examples.find((e) => e.name === 'inkjs-external-binding')!;
    const { multiply: _, ...others } = stubsOf(c);
    const runtime = createInkRuntime(compileCase(c), { storyId: c.name, externals: others });
    await expect(runtime.next()).rejects.toThrow(
      'EXTERNAL function "multiply" has no binding in this player and no fallback in the story',
    );
  });

  it('passes tags built at run time through as tags', () => {
    const c = examples.find((e) => e.name === 'inkjs-tags-dynamic-content')!;
    const [line] = playFirstOptions(compileCase(c), c.name)[0]!.lines;
    expect(line).toMatchObject({ text: 'tag', tags: ['pic8red.jpg'] });
    expect(line!.directives).toEqual([
      { kind: 'unknown', key: 'pic8red.jpg', value: null, raw: 'pic8red.jpg' },
    ]);
  });

  it('passes tags inside sequences through as tags of their line', () => {
    const c = examples.find((e) => e.name === 'inkjs-tags-in-seq')!;
    const lines = playFirstOptions(compileCase(c), c.name).flatMap((b) => b.lines);
    expect(lines.map((l) => [l.text, l.tags])).toEqual([
      ['A red sequence.', ['red']],
      ['A white sequence.', ['white']],
    ]);
  });
});
