// Reads a story's score file (stories/<id>/score.json) defensively: the shape with valibot, the
// patterns with core/score.ts. The build's checker and the play session both read it here.
import * as v from 'valibot';
import { INSTRUMENTS, scoreProblems, type Score } from '../core/score.ts';

const CUE_NAME = /^[a-z0-9_][\w-]*$/;

const voiceSchema = v.strictObject({
  instrument: v.picklist(INSTRUMENTS),
  notes: v.pipe(v.string(), v.maxLength(4000)),
  step: v.optional(v.pipe(v.number(), v.minValue(1 / 16), v.maxValue(16)), 0.5),
  gain: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 0.3),
});

const cueSchema = v.strictObject({
  tempo: v.optional(v.pipe(v.number(), v.minValue(20), v.maxValue(300)), 100),
  loop: v.optional(v.boolean(), true),
  voices: v.pipe(v.array(voiceSchema), v.minLength(1), v.maxLength(8)),
});

const scoreSchema = v.strictObject({
  cues: v.pipe(
    v.record(
      v.pipe(
        v.string(),
        v.regex(CUE_NAME, 'cue names are lower case, like "title" or "tension-2"'),
      ),
      cueSchema,
    ),
    v.check((cues) => Object.keys(cues).length <= 64, 'a score has at most 64 cues'),
  ),
});

export type ScoreRead =
  | { readonly ok: true; readonly score: Score }
  | { readonly ok: false; readonly problems: readonly string[] };

/** A score from its file's parsed JSON, or the problems that keep it from playing. */
export function readScore(json: unknown): ScoreRead {
  const parsed = v.safeParse(scoreSchema, json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.issues.map((issue) => {
        const where = v.getDotPath(issue);
        return where ? `${where}: ${issue.message}` : issue.message;
      }),
    };
  }
  // a null-prototype table: a cue named like an Object member is only ever a cue
  const score: Score = {
    cues: Object.setPrototypeOf(
      Object.fromEntries(Object.entries(parsed.output.cues)),
      null,
    ) as Score['cues'],
  };
  const problems = scoreProblems(score);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, score };
}
