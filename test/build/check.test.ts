// The story checker: each authoring problem reported at its file and line, and compileInk's diagnostics.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStory, hasErrors } from '../../src/build/check.ts';
import { compileInk } from '../../src/build/compile-ink.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures');
const broken = join(fixtures, 'broken');

describe('compileInk', () => {
  it('locates an error in main.ink at its line', () => {
    const r = compileInk(join(broken, 'main-error/main.ink'));
    expect(r.json).toBeNull();
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: join(broken, 'main-error/main.ink'),
        line: 3,
      }),
    );
  });

  it('locates an error in an INCLUDEd file at that file and line', () => {
    const r = compileInk(join(broken, 'include-error/main.ink'));
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'error',
      file: join(broken, 'include-error/part.ink'),
      line: 3,
    });
    expect(r.files).toContain(join(broken, 'include-error/part.ink'));
  });

  it('compiles a good story to JSON with no diagnostics', () => {
    const r = compileInk(join(fixtures, 'authoring/good/main.ink'));
    expect(r.diagnostics).toEqual([]);
    expect(JSON.parse(r.json ?? '{}')).toHaveProperty('inkVersion');
  });
});

describe('checkStory', () => {
  const report = checkStory(broken, 'checks');
  const part = join(broken, 'checks/part.ink');
  const main = join(broken, 'checks/main.ink');
  const find = (code: string) => report.findings.filter((f) => f.code === code);

  it('reports an unknown tag at its file and line', () => {
    expect(find('unknown-tag')).toEqual([
      expect.objectContaining({ file: part, line: 2, severity: 'warning' }),
    ]);
  });

  it('reports a timer outside the sane range', () => {
    expect(find('timer-range')).toEqual([expect.objectContaining({ file: part, line: 3 })]);
  });

  it('reports taste on a dimension no tag declares', () => {
    expect(find('undeclared-dimension')).toEqual([
      expect.objectContaining({ file: part, line: 4, severity: 'error' }),
    ]);
    expect(find('undeclared-dimension')[0]?.message).toContain('courage');
  });

  it('reports a decision with more than one default', () => {
    expect(find('many-defaults')).toEqual([expect.objectContaining({ file: part, line: 6 })]);
  });

  it('reports a decision where no option carries a taste', () => {
    expect(find('no-taste')).toEqual([expect.objectContaining({ file: part, line: 11 })]);
  });

  it('reports an asset outside the story folder', () => {
    expect(find('asset')).toEqual([
      expect.objectContaining({ file: part, line: 10, severity: 'error' }),
    ]);
    expect(find('asset')[0]?.message).toContain('../outside.png');
  });

  it('reports an EXTERNAL function without an ink fallback', () => {
    expect(find('external-without-fallback')).toEqual([
      expect.objectContaining({ file: main, line: 3 }),
    ]);
  });

  it('warns when the first or the default options lean one way on a dimension, with the counts', () => {
    const leaning = checkStory(join(fixtures, 'authoring'), 'leaning');
    const leans = leaning.findings.filter((f) => f.code === 'position-lean');
    expect(leans.map((f) => f.message.split(':')[0])).toEqual(
      expect.arrayContaining([
        'the first option leans Thrill-seeking on "risk"',
        'the default option leans Caution on "risk"',
      ]),
    );
    expect(leans.find((f) => f.message.startsWith('the first option'))?.message).toContain(
      'in 4 of the 4 decisions',
    );
    // warmth: the first option is warmer twice and cooler once (2 of 3 < the minimum of 4)
    expect(leans.some((f) => f.message.includes('"warmth"'))).toBe(false);
    expect(leans.every((f) => f.severity === 'warning')).toBe(true);
    expect(hasErrors([leaning])).toBe(false);
  });

  it('fails on errors and passes a clean story', () => {
    expect(hasErrors([report])).toBe(true);
    const good = checkStory(join(fixtures, 'authoring'), 'good');
    expect(good.findings).toEqual([]);
    expect(hasErrors([good])).toBe(false);
  });
});
