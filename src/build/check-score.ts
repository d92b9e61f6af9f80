// The checker's view of a story's score: score.json must read (shape and patterns), and every
// `music:` tag must name one of its cues. Kept apart from check.ts so the tag rules stay short.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCORE_PATH } from '../core/asset-kind.ts';
import { readScore } from '../story/score.ts';
import type { Finding } from './check.ts';
import type { StoryBuild } from './story-build.ts';

/** The cue names of the story's score (empty when it has none), and the problems of reading it. */
function cuesOf(build: StoryBuild): { cues: ReadonlySet<string>; findings: Finding[] } {
  const file = join(build.dir, SCORE_PATH);
  if (!existsSync(file)) return { cues: new Set(), findings: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const message = `the score is not JSON: ${error instanceof Error ? error.message : String(error)}`;
    return {
      cues: new Set(),
      findings: [{ severity: 'error', code: 'score', file, line: null, message }],
    };
  }
  const read = readScore(json);
  if (read.ok) return { cues: new Set(Object.keys(read.score.cues)), findings: [] };
  return {
    cues: new Set(),
    findings: read.problems.map((problem) => ({
      severity: 'error' as const,
      code: 'score' as const,
      file,
      line: null,
      message: `the score cannot play: ${problem}`,
    })),
  };
}

export function scoreFindings(build: StoryBuild): Finding[] {
  const { cues, findings } = cuesOf(build);
  for (const tag of build.scan.tags) {
    const d = tag.directive;
    if (d.kind !== 'music' || d.cue === null || cues.has(d.cue)) continue;
    const known = [...cues].join(', ');
    findings.push({
      severity: 'warning',
      code: 'unknown-cue',
      file: tag.file,
      line: tag.line,
      message:
        cues.size === 0
          ? `music cue "${d.cue}" but the story has no ${SCORE_PATH} (silent when played)`
          : `music cue "${d.cue}" is not in ${SCORE_PATH} (silent when played); its cues: ${known}`,
    });
  }
  return findings;
}
