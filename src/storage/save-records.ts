// The autosave's layout in storage: a small head record per story and one record per decision,
// so each decision writes a bounded amount however long the playthrough has grown. Older saves,
// one record holding everything, are still read.
import * as v from 'valibot';
import type { Line } from '../core/model.ts';
import type { SavedPlay, SavedTurn } from '../core/ports.ts';
import { savedPlaySchema } from '../profile/capture-schema.ts';

export const SAVE_FORMAT = 'turns/1';

const linesSchema = savedPlaySchema.entries.lines.wrapped;
const outcomeSchema = v.strictObject({
  chosenText: v.nullable(v.string()),
  timedOut: v.boolean(),
});
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** What the save stands at; written on every save, its size independent of the playthrough's. */
export const saveHeadSchema = v.strictObject({
  format: v.literal(SAVE_FORMAT),
  storyId: v.string(),
  storyVersion: v.string(),
  sessionId: v.string(),
  /** turn records 0..turnCount-1 belong to this save; any beyond are stale */
  turnCount: count,
  savedAt: savedPlaySchema.entries.savedAt,
  remainingMs: savedPlaySchema.entries.remainingMs,
  /** how the decision the save stands at was settled (null while it is open) */
  last: v.nullable(outcomeSchema),
  /** lines shown after the last decision (none, as the player saves) */
  tail: linesSchema,
});

/**
 * One decision: its ink state, the lines shown since the previous decision, and how the previous
 * decision was settled. Keeping that outcome here, not in the previous record, means a new
 * decision writes one new record and never rewrites an old one.
 */
export const saveTurnSchema = v.strictObject({
  snapshot: v.string(),
  decisionId: v.string(),
  transcriptLength: count,
  lines: linesSchema,
  previous: v.nullable(outcomeSchema),
});

interface Outcome {
  readonly chosenText: string | null;
  readonly timedOut: boolean;
}

export interface SaveHead {
  readonly format: typeof SAVE_FORMAT;
  readonly storyId: string;
  readonly storyVersion: string;
  readonly sessionId: string;
  readonly turnCount: number;
  readonly savedAt: string;
  readonly remainingMs?: number;
  readonly last: Outcome | null;
  readonly tail: readonly Line[];
}

export interface SaveTurnRecord {
  readonly snapshot: string;
  readonly decisionId: string;
  readonly transcriptLength: number;
  readonly lines: readonly Line[];
  readonly previous: Outcome | null;
}

function outcome(turn: SavedTurn | undefined): SaveTurnRecord['previous'] {
  return turn === undefined ? null : { chosenText: turn.chosenText, timedOut: turn.timedOut };
}

/**
 * The head and turn records of a save, or null when the save lacks what the layout needs
 * (lines and turns that agree with its transcript and snapshots): such a save is kept whole.
 */
export function splitSave(save: SavedPlay): { head: SaveHead; turns: SaveTurnRecord[] } | null {
  const { lines, turns } = save;
  if (lines === undefined || turns === undefined) return null;
  if (turns.length !== save.snapshots.length || lines.length !== save.transcript.length)
    return null;
  if (lines.some((line, i) => line.text !== save.transcript[i])) return null;
  let from = 0;
  const records: SaveTurnRecord[] = [];
  for (const [i, turn] of turns.entries()) {
    if (turn.transcriptLength < from || turn.transcriptLength > lines.length) return null;
    records.push({
      snapshot: save.snapshots[i] ?? '',
      decisionId: turn.decisionId,
      transcriptLength: turn.transcriptLength,
      lines: lines.slice(from, turn.transcriptLength),
      previous: outcome(turns[i - 1]),
    });
    from = turn.transcriptLength;
  }
  const head: SaveHead = {
    format: SAVE_FORMAT,
    storyId: save.storyId,
    storyVersion: save.storyVersion,
    sessionId: save.sessionId,
    turnCount: records.length,
    savedAt: save.savedAt,
    ...(save.remainingMs === undefined ? {} : { remainingMs: save.remainingMs }),
    last: outcome(turns[turns.length - 1]),
    tail: lines.slice(from),
  };
  return { head, turns: records };
}

/** The SavedPlay a head and its turn records stand for. */
export function assembleSave(head: SaveHead, records: readonly SaveTurnRecord[]): SavedPlay {
  const lines: Line[] = [...records.flatMap((r) => r.lines), ...head.tail];
  const turns = records.map((r, i): SavedTurn => {
    const settled = i === records.length - 1 ? head.last : records[i + 1]?.previous;
    return {
      decisionId: r.decisionId,
      transcriptLength: r.transcriptLength,
      chosenText: settled?.chosenText ?? null,
      timedOut: settled?.timedOut ?? false,
    };
  });
  return {
    storyId: head.storyId,
    storyVersion: head.storyVersion,
    sessionId: head.sessionId,
    snapshots: records.map((r) => r.snapshot),
    transcript: lines.map((l) => l.text),
    lines,
    turns,
    savedAt: head.savedAt,
    ...(head.remainingMs === undefined ? {} : { remainingMs: head.remainingMs }),
  };
}

/** The key of turn record `index` under a save's head key (a `/` never occurs in a head key's item). */
export function turnKey(headKey: string, index: number): string {
  return `${headKey}/${String(index)}`;
}
