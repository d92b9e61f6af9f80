// The checker on the limits of the tag grammar: infinite weights, reserved dimension ids, long timers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStory } from '../../src/build/check.ts';
import { buildStory } from '../../src/build/story-build.ts';

const made: string[] = [];

function storyWith(source: string): { stories: string; main: string } {
  const stories = mkdtempSync(join(tmpdir(), 'inkreel-check-'));
  made.push(stories);
  mkdirSync(join(stories, 's'));
  const main = join(stories, 's', 'main.ink');
  writeFileSync(main, source);
  return { stories, main };
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('story check on grammar limits', () => {
  it('reports a taste weight that reads as Infinity as an error at its line', () => {
    const { stories, main } = storyWith(
      [
        '# dimension: risk = Bold / Careful',
        'Go?',
        `* [Yes #taste: risk+${'9'.repeat(400)}] -> END`,
        '* [No #taste: risk-1] -> END',
        '',
      ].join('\n'),
    );
    const findings = checkStory(stories, 's').findings.filter((f) => f.code === 'invalid-tag');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', file: main, line: 3 });
    expect(findings[0]?.message).toContain('too large to be a number');
    // the dev server prints the same tag as a warning in the browser console ([inkreel] …)
    const warning = buildStory(stories, 's').warnings.find((w) => w.line === 3);
    expect(warning?.message).toMatch(/tag "#taste: risk\+9+": the weight of "risk" is too large/);
  });

  it('reports dimension ids named like object members as errors, where they are declared and used', () => {
    const { stories, main } = storyWith(
      [
        '# dimension: constructor = Builder / Breaker',
        '# poster: assets/p.png when __proto__+',
        'Go?',
        '* [Yes #taste: prototype+1] -> END',
        '* [No #taste: toString-1] -> END',
        '',
      ].join('\n'),
    );
    const findings = checkStory(stories, 's').findings.filter((f) => f.code === 'invalid-tag');
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [1, 'error'],
      [2, 'error'],
      [4, 'error'],
      [5, 'error'],
    ]);
    expect(findings.every((f) => f.file === main && /reserved name/.test(f.message))).toBe(true);
  });

  it('warns about a timer past 120 s and says when the cap will shorten it', () => {
    const { stories } = storyWith(
      [
        'Wait. # timer: 300',
        '* [A] -> b',
        '* [B] -> b',
        '== b ==',
        'Long. # timer: 2500000',
        '* [C] -> END',
        '* [D] -> END',
        '',
      ].join('\n'),
    );
    const findings = checkStory(stories, 's').findings.filter((f) => f.code === 'timer-range');
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [1, 'warning'],
      [5, 'warning'],
    ]);
    expect(findings[0]?.message).not.toContain('capped');
    expect(findings[1]?.message).toContain('capped at 1200 s');
  });
});
