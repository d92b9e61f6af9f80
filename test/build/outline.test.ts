// The story outline at build time (chapters, named endings, typical length) and the checker's
// findings on the chapter, ending and blurb tags.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStory } from '../../src/build/check.ts';
import { compileInk } from '../../src/build/compile-ink.ts';
import { LENGTH_BUDGET_MS, typicalLengthOf } from '../../src/build/outline.ts';
import { humaniseId } from '../../src/core/story-map.ts';
import { buildStory } from '../../src/build/story-build.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures');

/** Compiled JSON of a small ink source. */
function compiled(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'inkreel-outline-'));
  try {
    writeFileSync(join(dir, 'main.ink'), source);
    const json = compileInk(join(dir, 'main.ink')).json;
    if (json === null) throw new Error('fixture does not compile');
    return json;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('humaniseId', () => {
  it('names an ending knot as a reader would, without the word "ending"', () => {
    expect(humaniseId('ending_mirror')).toBe('Mirror');
    expect(humaniseId('ending_number_one')).toBe('Number One');
    expect(humaniseId('the_way.bus')).toBe('The Way: Bus');
    expect(humaniseId('endOfTheLine')).toBe('Of the Line');
    expect(humaniseId('ending')).toBe('Ending');
  });

  it('never shows an underscore or an empty name for any ink identifier', () => {
    const ident = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/);
    fc.assert(
      fc.property(ident, fc.option(ident, { nil: undefined }), (knot, stitch) => {
        const name = humaniseId(stitch === undefined ? knot : `${knot}.${stitch}`);
        expect(name).not.toBe('');
        if (/[A-Za-z0-9]/.test(knot)) expect(name).not.toContain('_');
      }),
    );
  });
});

describe('the outline of a built story', () => {
  const build = buildStory(join(fixtures, 'authoring'), 'structure');

  it('lists the chapters in source order with their knots', () => {
    expect(build.outline?.chapters).toEqual([
      { knot: 'hall', title: 'The Hall' },
      { knot: 'red_room', title: 'The Red Room' },
    ]);
  });

  it('names each ending by its stitch tag, its knot tag, or else its humanised knot id', () => {
    expect(build.outline?.endings).toEqual([
      { path: 'ending_blue_door', name: 'Blue Door' },
      { path: 'ending_red', name: 'Warmth' },
      { path: 'ending_red.window', name: 'Out the Window' },
    ]);
  });

  it('carries the blurb with its spaces folded', () => {
    expect(build.meta?.blurb).toBe('A hallway, two doors,');
  });

  it('measures the typical length from finished walks: one or two decisions here, at least a minute', () => {
    expect(build.outline?.typicalLength).toEqual({ decisions: expect.any(Number), minutes: 1 });
    const decisions = build.outline?.typicalLength?.decisions ?? 0;
    expect(decisions).toBeGreaterThanOrEqual(1);
    expect(decisions).toBeLessThanOrEqual(2);
  });

  it('gives the same typical length for the same seed, and null when no walk can end', () => {
    const json = build.compile.json ?? '';
    expect(typicalLengthOf(json, { seed: 3 })).toEqual(typicalLengthOf(json, { seed: 3 }));
    const loop = compiled('-> room\n=== room ===\nRound again.\n* [Go on] -> room\n');
    expect(typicalLengthOf(loop, { runs: 5 })).toBeNull();
  });

  it('gives up within its time budget on ink that loops without output, instead of hanging the build', () => {
    const spin = compiled(
      'Start.\n* [Go] -> spin\n=== spin ===\n~ temp n = 0\n- (top)\n~ n = n + 1\n-> top\n',
    );
    const started = performance.now();
    expect(typicalLengthOf(spin)).toBeNull();
    expect(performance.now() - started).toBeLessThan(LENGTH_BUDGET_MS + 1_500);
  });

  it('counts reading time: a long beat makes a longer story in minutes, not in decisions', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    const story = (text: string) => compiled(`${text}\n* [On] Done.\n-> END\n`);
    expect(typicalLengthOf(story(words(10)))).toEqual({ decisions: 1, minutes: 1 });
    // 1 800 words at 180 a minute, and one decision's few seconds
    expect(typicalLengthOf(story(words(1800)))).toEqual({ decisions: 1, minutes: 10 });
  });
});

describe('the checker on chapter, ending and blurb tags', () => {
  const file = join(fixtures, 'broken/structure/main.ink');
  const report = checkStory(join(fixtures, 'broken'), 'structure');
  const at = (line: number) => report.findings.filter((f) => f.line === line && f.file === file);

  it('warns of a chapter tag below the first line of its knot', () => {
    expect(at(8)).toEqual([
      expect.objectContaining({ code: 'misplaced-tag', severity: 'warning' }),
    ]);
    expect(at(8)[0]?.message).toContain('first line of a knot');
  });

  it('accepts a chapter tag on the first line of content of a knot', () => {
    expect(at(22)).toEqual([]);
  });

  it('warns of a blurb that is not global', () => {
    expect(at(9)).toEqual([expect.objectContaining({ code: 'misplaced-tag' })]);
    expect(at(9)[0]?.message).toContain('global tag');
  });

  it('warns of an ending tag in a knot that never ends, or on a choice', () => {
    expect(at(21)).toEqual([
      expect.objectContaining({ code: 'not-an-ending', severity: 'warning' }),
    ]);
    expect(at(21)[0]?.message).toContain('"not_an_end"');
    expect(at(10).map((f) => f.code)).toContain('not-an-ending');
  });

  it('suggests a readable name for an unnamed ending as a note, never an error', () => {
    const good = checkStory(join(fixtures, 'authoring'), 'structure');
    expect(good.findings).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'unnamed-ending',
        line: 34,
        message: expect.stringContaining('"Blue Door"'),
      }),
    ]);
  });

  it('finds nothing to say about the shipped stories but the position leans their authors are told of', () => {
    // position-lean is real in three shipped stories (their first options lean Warm, Thrill-seeking
    // and Candour, their defaults Caution/Detachment); the model fits position and default habits,
    // and the authors are told, so those warnings stand while anything else would fail here
    const stories = resolve(import.meta.dirname, '../../stories');
    for (const id of ['tapeloop', 'night-shift', 'low-tide', 'tutorial'])
      expect(checkStory(stories, id).findings.filter((f) => f.code !== 'position-lean')).toEqual(
        [],
      );
  });
});
