// snapshot → PlayView: the only reading of the machine's state that renderers and the DOM mirror see.
import type {
  BackdropChange,
  ChapterMark,
  DecisionPhase,
  DecisionView,
  PastDecision,
  PlayState,
  PlayView,
  ShownLine,
  SoundCue,
  UpcomingBeat,
} from '../core/view.ts';
import type { Backdrop } from '../core/directives.ts';
import { fromStep, revealed, type PlayerContext, type TranscriptEntry } from './play-context.ts';

/** A machine state value: a state name or nested `{ parent: child }` objects. */
export type StateValueLike = string | { readonly [key: string]: StateValueLike | undefined };

export interface PlayerSnapshotLike {
  readonly value: StateValueLike;
  readonly context: PlayerContext;
}

function path(value: StateValueLike): string[] {
  if (typeof value === 'string') return [value];
  const entries = Object.entries(value);
  const first = entries[0];
  if (first === undefined) return [];
  const [key, child] = first;
  return child === undefined ? [key] : [key, ...path(child)];
}

function playState(top: string | undefined): PlayState {
  switch (top) {
    case 'narrating':
      return 'narrating';
    case 'reading':
      return 'reading';
    case 'choosing':
      return 'choosing';
    case 'ended':
      return 'ended';
    case 'error':
      return 'error';
    case undefined:
    default:
      // starting, loading and restoring all look the same to the player
      return 'loading';
  }
}

function phaseOf(sub: string | undefined, timedOut: boolean): DecisionPhase {
  switch (sub) {
    case 'selecting':
      return 'selecting';
    case 'timedOut':
      return 'timedOut';
    case 'landing':
      return timedOut ? 'timedOut' : 'picked';
    case undefined:
    default:
      return 'shown';
  }
}

interface Screen {
  readonly lines: readonly ShownLine[];
  readonly all: readonly ShownLine[];
  readonly backdrop: Backdrop | null;
  readonly audioLoop: string | null;
  readonly sounds: readonly SoundCue[];
  readonly music: string | null;
  readonly changes: readonly BackdropChange[];
}

/** Folds the transcript's directives into what is on screen now; CLEAR drops the text, not the scene. */
export function screenOf(transcript: readonly TranscriptEntry[]): Screen {
  let lines: ShownLine[] = [];
  const all: ShownLine[] = [];
  let backdrop: Backdrop | null = null;
  let audioLoop: string | null = null;
  let sounds: SoundCue[] = [];
  let music: string | null = null;
  const changes: BackdropChange[] = [];
  // a `transition` tag waits for the next backdrop change, on its line or later
  let transition: BackdropChange['transition'] = null;
  for (const { id, line } of transcript) {
    for (const d of line.directives) if (d.kind === 'transition') transition = d.style;
    const chapter = line.directives.some((d) => d.kind === 'chapter');
    let speaker: string | null = null;
    let className: string | null = null;
    let image: string | null = null;
    if (line.directives.some((d) => d.kind === 'clear')) {
      lines = [];
      sounds = [];
    }
    for (const d of line.directives) {
      switch (d.kind) {
        case 'speaker':
          speaker = d.name;
          break;
        case 'class':
          className = d.name;
          break;
        case 'image':
          image = d.path;
          break;
        case 'backdrop':
          backdrop = d.backdrop;
          changes.push({ lineId: id, backdrop: d.backdrop, transition, chapter });
          transition = null;
          break;
        case 'audio':
          if (d.loop) audioLoop = d.path;
          else if (d.path !== null) sounds.push({ id, path: d.path });
          break;
        case 'music':
          music = d.cue;
          break;
        case 'clear':
        case 'restart':
        case 'pause':
        case 'title':
        case 'author':
        case 'dimension':
        case 'poster':
        case 'theme':
        case 'blurb':
        case 'look':
        case 'transition':
        case 'chapter':
        case 'ending':
        case 'timer':
        case 'taste':
        case 'default':
        case 'unknown':
        case 'invalid':
          break;
        default: {
          const never: never = d;
          void never;
        }
      }
    }
    if (line.text.trim() !== '' || image !== null) {
      const shown = { id, text: line.text, speaker, className, image };
      lines.push(shown);
      all.push(shown);
    }
  }
  return { lines, all, backdrop, audioLoop, sounds, music, changes };
}

function lastShownBefore(transcript: readonly TranscriptEntry[], length: number): number | null {
  for (let i = Math.min(length, transcript.length) - 1; i >= 0; i--) {
    const entry = transcript[i];
    if (
      entry &&
      (entry.line.text.trim() !== '' || entry.line.directives.some((d) => d.kind === 'image'))
    )
      return entry.id;
  }
  return null;
}

/** The last `chapter` tag among the first `length` transcript entries. */
function chapterAt(
  transcript: readonly TranscriptEntry[],
  length = transcript.length,
): ChapterMark | null {
  for (let i = Math.min(length, transcript.length) - 1; i >= 0; i--) {
    const entry = transcript[i];
    const d = entry?.line.directives.find((x) => x.kind === 'chapter');
    if (entry && d?.kind === 'chapter') return { title: d.title, lineId: entry.id };
  }
  return null;
}

function historyOf(ctx: PlayerContext): PastDecision[] {
  const past: PastDecision[] = [];
  ctx.turns.forEach((t, i) => {
    if (t.chosenText !== null) {
      past.push({
        turn: i + 1,
        afterLine: lastShownBefore(ctx.transcript, t.transcriptLength),
        decisionId: t.decisionId,
        chosenText: t.chosenText,
        timedOut: t.timedOut,
      });
      // absent, not null, before any chapter: a story without chapters keeps the view it had
      const chapter = chapterAt(ctx.transcript, t.transcriptLength);
      if (chapter) past[past.length - 1] = { ...past[past.length - 1]!, chapter: chapter.title };
    }
  });
  return past;
}

function decisionOf(ctx: PlayerContext, phase: DecisionPhase): DecisionView | null {
  const live = ctx.current;
  if (live === null) return null;
  const c = live.countdown;
  return {
    id: live.decision.id,
    turn: live.turn,
    options: live.decision.options.map((o, i) => ({
      index: i,
      text: o.text,
      isDefault: i === live.decision.defaultOption,
    })),
    phase,
    windowMs: c.windowMs,
    remainingMs: c.remainingMs,
    runningSince: c.runningSince,
    paused: ctx.pauses.length > 0,
    chosen: live.chosen,
  };
}

/**
 * While the picked card holds and the story step is done: what the view will show once the hold
 * ends, folded the way the machine will fold it (applyNextStep, then the reveal of the new beat's
 * lines up to its first `pause:`). Null before the step is done, when it failed, or when the new
 * beat restarts the story (nothing of it is shown).
 */
function upcomingOf(ctx: PlayerContext, landing: boolean): UpcomingBeat | null {
  if (!landing || ctx.nextStep === null) return null;
  const next = revealed({ ...ctx, ...fromStep(ctx.nextStep) });
  if (next.restartRequested === true || next.transcript === undefined) return null;
  const screen = screenOf(next.transcript);
  return {
    lines: screen.lines,
    upcomingOptions: ctx.nextStep.beat.decision?.options.length ?? 0,
    backdrop: screen.backdrop,
    backdropChanges: screen.changes,
  };
}

/** Pure: the same snapshot always gives an equal view, and the snapshot is never touched. */
export function selectView(snapshot: PlayerSnapshotLike): PlayView {
  const ctx = snapshot.context;
  const [top, sub] = path(snapshot.value);
  const playerPaused = ctx.pauses.includes('user') || ctx.pauses.includes('menu');
  const base = playState(top);
  const playing = base === 'narrating' || base === 'reading' || base === 'choosing';
  // the player's own pause shows as `paused`; the decision stays in the view, frozen
  const state: PlayState = playing && playerPaused ? 'paused' : base;
  const screen = screenOf(ctx.transcript);
  const last = screen.lines[screen.lines.length - 1];
  return {
    state,
    storyId: ctx.storyId,
    title: ctx.meta.title,
    lines: screen.lines,
    transcript: screen.all,
    endingNext: top === 'reading' && sub === 'lastBeat',
    readThrough: ctx.revealedThrough,
    upcomingOptions:
      top === 'narrating' || top === 'reading' ? (ctx.pendingDecision?.options.length ?? 0) : 0,
    backdrop: screen.backdrop,
    backdropChanges: screen.changes,
    speaker: last?.speaker ?? null,
    audioLoop: screen.audioLoop,
    sounds: screen.sounds,
    music: screen.music,
    decision:
      top === 'choosing' ? decisionOf(ctx, phaseOf(sub, ctx.current?.timedOut === true)) : null,
    upcoming: upcomingOf(ctx, top === 'choosing' && sub === 'landing'),
    history: historyOf(ctx),
    chapter: chapterAt(ctx.transcript),
    ending: base === 'ended' ? ctx.ending : null,
    error:
      state === 'error'
        ? {
            message: ctx.error?.message ?? 'The story stopped unexpectedly.',
            canGoBack: ctx.turns.length > 0,
          }
        : null,
  };
}
