// The playback machine's context and the pure steps over it: drafts of captured events, the
// autosave's shape, settling a pick, revealing lines and restoring a save. No effects here.
import type { PauseReason } from '../core/commands.ts';
import type { EventDraft, InputMethod } from '../core/events.ts';
import type { Beat, Decision, Line, StoryMeta } from '../core/model.ts';
import { StoryRuntimeError, type SavedPlay, type SavedTurn } from '../core/ports.ts';
import type { TimeScale } from '../core/timing.ts';
import { activeMs, freezeCountdown, rescaleCountdown, type Countdown } from './countdown.ts';
import { windowMs } from '../core/timing.ts';

/** A `pause:` tag never holds the story longer than this, whatever the author wrote. */
export const MAX_HOLD_MS = 10_000;

export interface TranscriptEntry {
  /** increasing for the whole life of the player, rewinds included, so keyed views never mix lines */
  readonly id: number;
  readonly line: Line;
}

export interface Turn {
  /** ink state at the moment the decision was shown */
  readonly snapshot: string;
  readonly transcriptLength: number;
  readonly decisionId: string;
  readonly chosenText: string | null;
  readonly timedOut: boolean;
}

export interface LiveDecision {
  readonly decision: Decision;
  /** 1-based */
  readonly turn: number;
  readonly countdown: Countdown;
  /** position in decision.options once picked or defaulted */
  readonly chosen: number | null;
  readonly timedOut: boolean;
  readonly input: InputMethod | null;
  readonly decisionMs: number | null;
}

/** What the machine is started with: data only; its effects are provided (player.ts). */
export interface PlayerInput {
  readonly meta: StoryMeta;
  readonly storyId: string;
  readonly sessionId: string;
  readonly timeScale: TimeScale;
  readonly resume?: SavedPlay | null;
}

export interface PlayerContext {
  readonly storyId: string;
  readonly sessionId: string;
  readonly meta: StoryMeta;
  readonly timeScale: TimeScale;
  /** the Clock's time at the last `stampNow`, read by the window arithmetic of the same step */
  readonly now: number;
  readonly pauses: readonly PauseReason[];
  readonly transcript: readonly TranscriptEntry[];
  readonly nextLineId: number;
  /** lines of the current beat not revealed yet (a `pause:` tag holds the rest back) */
  readonly pending: readonly Line[];
  readonly pendingDecision: Decision | null;
  /** ink state the beat's story step ended on, kept for the decision's turn */
  readonly pendingSnapshot: string | null;
  readonly pendingEndPath: string | null;
  readonly holdMs: number;
  readonly restartRequested: boolean;
  /** the next load starts the story from scratch (RESTART) */
  readonly resetOnLoad: boolean;
  readonly turns: readonly Turn[];
  readonly current: LiveDecision | null;
  readonly ending: { readonly path: string } | null;
  readonly error: { readonly message: string } | null;
  readonly recordFailures: number;
  readonly resume: SavedPlay | null;
  /** time left in the resumed decision's window, used once by the first decision after a resume */
  readonly resumeRemainingMs: number | null;
  /** the highest line id the view reported fully on screen (REVEALED) */
  readonly revealedThrough: number;
  /** the beat after a pick, computed while the chosen card holds, shown once the hold ends */
  readonly nextStep: StepResult | null;
  /** a story error whose text is still being shown; the error screen follows once it is read */
  readonly pendingError: { readonly message: string } | null;
}

/** What a story step produced: the beat, and the ink state it stopped at when it stopped at a decision. */
export interface StepResult {
  readonly beat: Beat;
  readonly snapshot: string | null;
}

/** The events the machine itself captures, one parameter of its one `record` action. */
export type RecordKind =
  'session.started' | 'story.ended' | 'session.ended' | 'rewound' | 'restart';

export function initialContext(input: PlayerInput): PlayerContext {
  return {
    storyId: input.storyId,
    sessionId: input.sessionId,
    meta: input.meta,
    timeScale: input.timeScale,
    now: 0,
    pauses: [],
    transcript: [],
    nextLineId: 1,
    pending: [],
    pendingDecision: null,
    pendingSnapshot: null,
    pendingEndPath: null,
    holdMs: 0,
    restartRequested: false,
    resetOnLoad: false,
    turns: [],
    current: null,
    ending: null,
    error: null,
    recordFailures: 0,
    resume: input.resume ?? null,
    resumeRemainingMs: null,
    revealedThrough: 0,
    nextStep: null,
    pendingError: null,
  };
}

/** Whether a line is drawn at all (text or an image); the view's `lines` hold only these. */
function isShown(line: Line): boolean {
  return line.text.trim() !== '' || line.directives.some((d) => d.kind === 'image');
}

/**
 * The id of the last line on screen (since the last CLEAR), or null when the screen has no text:
 * the line a REVEALED must reach before the beat's choices may rise.
 */
export function lastShownId(transcript: readonly TranscriptEntry[]): number | null {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const entry = transcript[i];
    if (entry === undefined) break;
    if (isShown(entry.line)) return entry.id;
    if (entry.line.directives.some((d) => d.kind === 'clear')) return null;
  }
  return null;
}

/** True once the view said the beat's last line is fully on screen. */
export function isRead(ctx: PlayerContext): boolean {
  const last = lastShownId(ctx.transcript);
  return last === null || ctx.revealedThrough >= last;
}

/**
 * A failed story step: the text ink produced before the error (StoryRuntimeError.lines) is shown
 * and read first, then the error screen; with no text the error shows at once.
 */
export function failedStep(error: unknown): Partial<PlayerContext> {
  const lines = error instanceof StoryRuntimeError ? error.lines : [];
  const failure = { message: messageOf(error) };
  return lines.length === 0
    ? { error: failure, pendingError: null, nextStep: null }
    : {
        error: null,
        pendingError: failure,
        nextStep: null,
        pending: lines,
        pendingDecision: null,
        pendingSnapshot: null,
        pendingEndPath: null,
      };
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' && error !== '' ? error : 'The story stopped unexpectedly.';
}

export function isLive(current: LiveDecision | null): current is LiveDecision {
  return current !== null && current.chosen === null;
}

function holdOf(line: Line): number {
  let ms = 0;
  for (const d of line.directives) if (d.kind === 'pause' && d.seconds > 0) ms += d.seconds * 1000;
  return Math.min(ms, MAX_HOLD_MS);
}

function draftBase(ctx: PlayerContext) {
  return { sessionId: ctx.sessionId, storyId: ctx.storyId, storyVersion: ctx.meta.version };
}

export function choiceDraft(ctx: PlayerContext): EventDraft<'choice.made'> {
  const live = ctx.current;
  if (live === null || live.chosen === null) throw new Error('No choice to record.');
  const d = live.decision;
  return {
    ...draftBase(ctx),
    type: 'choice.made',
    decisionId: d.id,
    knot: d.knot,
    options: d.options.map((o) => ({ text: o.text, taste: o.taste })),
    chosenIndex: live.chosen,
    decisionMs: live.decisionMs ?? 0,
    windowMs: live.countdown.windowMs,
    timedOut: live.timedOut,
    input: live.input ?? 'timer',
  };
}

function rewoundDraft(ctx: PlayerContext, toTurn: number): EventDraft<'decision.rewound'> {
  return {
    ...draftBase(ctx),
    type: 'decision.rewound',
    toDecisionId: toTurn === 0 ? null : (ctx.turns[toTurn - 1]?.decisionId ?? null),
    toTurn,
    fromTurn: ctx.turns.length,
  };
}

/** The draft of one of the machine's own captures; `rewindTo` is the REWIND's turn, if any. */
export function draftOf(ctx: PlayerContext, kind: RecordKind, rewindTo: number | null): EventDraft {
  switch (kind) {
    case 'session.started':
      return { ...draftBase(ctx), type: 'session.started' };
    case 'story.ended':
      return {
        ...draftBase(ctx),
        type: 'story.ended',
        endingPath: ctx.pendingEndPath ?? '',
        decisions: ctx.turns.length,
      };
    case 'session.ended':
      return { ...draftBase(ctx), type: 'session.ended', reason: 'ended' };
    case 'rewound':
      return rewoundDraft(ctx, rewindTo ?? ctx.turns.length);
    case 'restart':
      return rewoundDraft(ctx, 0);
  }
}

/** The autosave of where play stands, before the store stamps it. */
export function savedPlayOf(ctx: PlayerContext): Omit<SavedPlay, 'savedAt'> {
  return {
    storyId: ctx.storyId,
    storyVersion: ctx.meta.version,
    sessionId: ctx.sessionId,
    snapshots: ctx.turns.map((t) => t.snapshot),
    transcript: ctx.transcript.map((e) => e.line.text),
    lines: ctx.transcript.map((e) => e.line),
    turns: ctx.turns.map((t): SavedTurn => ({
      decisionId: t.decisionId,
      transcriptLength: t.transcriptLength,
      chosenText: t.chosenText,
      timedOut: t.timedOut,
    })),
  };
}

/** Settles a chosen option into the live decision and its turn, at `ctx.now`. */
export function settle(
  ctx: PlayerContext,
  index: number,
  input: InputMethod,
  timedOut: boolean,
): Pick<PlayerContext, 'current' | 'turns'> {
  const live = ctx.current;
  if (live === null) return { current: null, turns: ctx.turns };
  const now = ctx.now;
  const option = live.decision.options[index];
  const turns = ctx.turns.map((t, i) =>
    i === live.turn - 1 ? { ...t, chosenText: option?.text ?? '', timedOut } : t,
  );
  return {
    turns,
    current: {
      ...live,
      chosen: index,
      input,
      timedOut,
      decisionMs: activeMs(live.countdown, now),
      countdown: freezeCountdown(live.countdown, now),
    },
  };
}

export function fromStep(step: StepResult): Partial<PlayerContext> {
  return {
    pending: step.beat.lines,
    pendingDecision: step.beat.decision,
    pendingSnapshot: step.snapshot,
    pendingEndPath: step.beat.endPath ?? null,
    current: null,
    error: null,
    pendingError: null,
    nextStep: null,
  };
}

/** Reveals pending lines up to the next hold or RESTART. */
export function revealed(ctx: PlayerContext): Partial<PlayerContext> {
  const shown: TranscriptEntry[] = [];
  let holdMs = 0;
  let restartRequested = false;
  let taken = 0;
  let id = ctx.nextLineId;
  for (const line of ctx.pending) {
    taken += 1;
    if (line.directives.some((d) => d.kind === 'restart')) {
      restartRequested = true;
      break;
    }
    shown.push({ id, line });
    id += 1;
    holdMs = holdOf(line);
    if (holdMs > 0) break;
  }
  return {
    transcript: [...ctx.transcript, ...shown],
    nextLineId: id,
    pending: restartRequested ? [] : ctx.pending.slice(taken),
    holdMs,
    restartRequested,
  };
}

/** The transcript and turns of a save, read defensively (older saves lack lines and turns). */
export function restoredFrom(save: SavedPlay): Partial<PlayerContext> {
  const lines: readonly Line[] =
    save.lines ?? save.transcript.map((text): Line => ({ text, tags: [], directives: [] }));
  const transcript = lines.map((line, i) => ({ id: i + 1, line }));
  const last = save.snapshots.length - 1;
  const turns = save.snapshots.map((snapshot, i): Turn => {
    const t = save.turns?.[i];
    return {
      snapshot,
      transcriptLength: Math.min(t?.transcriptLength ?? transcript.length, transcript.length),
      decisionId: t?.decisionId ?? '',
      chosenText: i === last ? null : (t?.chosenText ?? ''),
      timedOut: i === last ? false : (t?.timedOut ?? false),
    };
  });
  const left = save.remainingMs;
  return {
    transcript,
    nextLineId: transcript.length + 1,
    // the text of a resumed play was read before it was saved
    revealedThrough: transcript.length,
    turns,
    resumeRemainingMs: typeof left === 'number' && left >= 0 ? left : null,
  };
}

/** Back to decision `turn`: later turns and lines go, the decision is open again. */
export function rewoundTo(ctx: PlayerContext, turn: number): Partial<PlayerContext> {
  const kept = ctx.turns.slice(0, turn);
  const target = kept[kept.length - 1];
  if (target === undefined) return {};
  return {
    turns: [...kept.slice(0, -1), { ...target, chosenText: null, timedOut: false }],
    transcript: ctx.transcript.slice(0, target.transcriptLength),
    pending: [],
    pendingDecision: null,
    pendingSnapshot: null,
    pendingEndPath: null,
    current: null,
    ending: null,
    error: null,
    pendingError: null,
    nextStep: null,
  };
}

/** A playthrough from scratch: the next load resets the story. */
export const CLEARED: Partial<PlayerContext> = {
  turns: [],
  transcript: [],
  pending: [],
  pendingDecision: null,
  pendingSnapshot: null,
  pendingEndPath: null,
  current: null,
  holdMs: 0,
  restartRequested: false,
  resetOnLoad: true,
  pendingError: null,
  nextStep: null,
};

/**
 * SET_TIME_SCALE: later decisions get the new scale, and an open window changes at once (the
 * share left is kept); `landed`: the window had started counting.
 */
export function rescaled(
  ctx: PlayerContext,
  scale: TimeScale,
  landed: boolean,
): Partial<PlayerContext> {
  if (!isLive(ctx.current)) return { timeScale: scale };
  const live = ctx.current;
  const base = windowMs(live.decision, ctx.meta, scale);
  const running = landed && ctx.pauses.length === 0;
  return {
    timeScale: scale,
    current: { ...live, countdown: rescaleCountdown(live.countdown, base, ctx.now, running) },
  };
}
