// The checker and the score: an unknown cue is reported at its tag, an unreadable score at its file.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStory } from '../../src/build/check.ts';

function story(ink: string, score?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'inkreel-score-'));
  mkdirSync(join(dir, 's'));
  writeFileSync(join(dir, 's', 'main.ink'), ink);
  if (score !== undefined)
    writeFileSync(
      join(dir, 's', 'score.json'),
      typeof score === 'string' ? score : JSON.stringify(score),
    );
  return dir;
}

const INK = 'Hello. # music: title\nA storm. # music: storm\nQuiet. # music: none\n-> END\n';
const SCORE = { cues: { title: { voices: [{ instrument: 'pad', notes: 'C3+E3+G3' }] } } };

describe('the checker on music', () => {
  it('reports a cue the score does not have, at its line, and names the cues it has', () => {
    const findings = checkStory(story(INK, SCORE), 's').findings.filter((f) =>
      ['unknown-cue', 'score'].includes(f.code),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'unknown-cue', severity: 'warning', line: 2 });
    expect(findings[0]?.message).toContain('"storm"');
    expect(findings[0]?.message).toContain('title');
  });

  it('reports every cue of a story with no score', () => {
    const codes = checkStory(story(INK), 's').findings.map((f) => f.code);
    expect(codes.filter((c) => c === 'unknown-cue')).toHaveLength(2);
  });

  it('reports a score that is not JSON, or cannot play, as an error on score.json', () => {
    const broken = checkStory(story(INK, '{ cues: '), 's').findings.find((f) => f.code === 'score');
    expect(broken).toMatchObject({ severity: 'error' });
    expect(broken?.file.endsWith('score.json')).toBe(true);
    const bad = { cues: { title: { voices: [{ instrument: 'pad', notes: 'C3 W2' }] } } };
    const finding = checkStory(story(INK, bad), 's').findings.find((f) => f.code === 'score');
    expect(finding?.message).toContain('"W2"');
  });
});
