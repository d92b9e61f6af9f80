// The play view-model: what the player machine's snapshot means for the screen (canvas and DOM).
import type { Backdrop } from './directives.ts';
import type { TransitionStyle } from './scenes.ts';

/** The value of `data-state` on the app root (DESIGN.md §7). */
export type PlayState =
  'loading' | 'narrating' | 'reading' | 'choosing' | 'paused' | 'ended' | 'error';

/**
 * Bandersnatch's phases of a decision (DESIGN.md §3): `shown` while the cards rise (the window has
 * not started), `selecting` while the window runs, `picked`/`timedOut` while the chosen card holds.
 */
export type DecisionPhase = 'shown' | 'selecting' | 'picked' | 'timedOut';

export interface ShownLine {
  /** increasing id, stable for the playthrough, for keyed rendering */
  readonly id: number;
  readonly text: string;
  readonly speaker: string | null;
  readonly className: string | null;
  /** asset path (relative to the story folder) of an `IMAGE` shown in the flow */
  readonly image: string | null;
}

/** A one-shot `AUDIO:` cue, keyed by the transcript id of the line that carried it. */
export interface SoundCue {
  /** the carrying line's transcript id: increases through a playthrough, so a cue plays once */
  readonly id: number;
  readonly path: string;
}

/**
 * A backdrop tag in the playthrough: the stage changes the backdrop when the line that carries it
 * starts to be read, not when the beat arrives.
 */
export interface BackdropChange {
  /** transcript id of the line that carries the tag */
  readonly lineId: number;
  readonly backdrop: Backdrop;
  /** a `transition` tag since the last change (or on this line), else null for the default */
  readonly transition: TransitionStyle | null;
  /** the carrying line starts a chapter (the default transition dips to black) */
  readonly chapter: boolean;
}

export interface OptionView {
  readonly index: number;
  readonly text: string;
  readonly isDefault: boolean;
}

export interface DecisionView {
  readonly id: string;
  /** 1-based count of decisions in this playthrough */
  readonly turn: number;
  readonly options: readonly OptionView[];
  readonly phase: DecisionPhase;
  /** full window in ms (after the player's time scale and any "more time"); null when untimed */
  readonly windowMs: number | null;
  /** ms left when the countdown last (re)started or paused */
  readonly remainingMs: number | null;
  /** clock time at which the countdown last (re)started; null while paused or untimed */
  readonly runningSince: number | null;
  readonly paused: boolean;
  /** the option picked (or taken by the timer), once the phase is picked/timedOut/hide */
  readonly chosen: number | null;
}

export interface PastDecision {
  readonly turn: number;
  /** id of the last transcript line shown before this decision (null when none), for the history */
  readonly afterLine: number | null;
  readonly decisionId: string;
  readonly chosenText: string;
  readonly timedOut: boolean;
  /** the chapter the decision stood in (the last `chapter` tag before it); null before any */
  readonly chapter?: string | null;
}

/** The chapter in play: its title and the transcript id of the line that started it. */
export interface ChapterMark {
  readonly title: string;
  /** increases through a playthrough, so a title card shows once per chapter start */
  readonly lineId: number;
}

/**
 * The beat that follows a pick, known while the chosen card still holds: what the view after the
 * hold will show (DESIGN §8: the next beat is computed and laid out before the hold ends).
 */
export interface UpcomingBeat {
  /** the `lines` the view will have once the hold ends (the new beat's first lines included) */
  readonly lines: readonly ShownLine[];
  /** its `upcomingOptions`: the cards the decision after the new beat will offer (0 when none) */
  readonly upcomingOptions: number;
  /** its `backdrop` and `backdropChanges` */
  readonly backdrop: Backdrop | null;
  readonly backdropChanges: readonly BackdropChange[];
}

export interface PlayView {
  readonly state: PlayState;
  readonly storyId: string;
  readonly title: string;
  /** lines shown since the last CLEAR, oldest first */
  readonly lines: readonly ShownLine[];
  /**
   * every line of this playthrough, CLEARs included, oldest first: with `history` (the choices
   * made, placed by `afterLine`) it is the whole playthrough for a History panel
   */
  readonly transcript: readonly ShownLine[];
  /**
   * the beat on screen is the story's last and is fully read: the player continues (CONTINUE) to
   * the ending
   */
  readonly endingNext: boolean;
  /**
   * how many options the decision after this beat will offer (0 when none), so the stage lays the
   * text out for the cards before they rise and the page does not change under the reader
   */
  readonly upcomingOptions: number;
  /**
   * lines up to this id have been read already (reported, or restored from a save): a view shows
   * them whole and never asks the player to read them again
   */
  readonly readThrough: number;
  readonly backdrop: Backdrop | null;
  /** every backdrop tag of the playthrough, oldest first (optional: older views lack it) */
  readonly backdropChanges?: readonly BackdropChange[];
  readonly speaker: string | null;
  /** asset path of the looping ambience, if any */
  readonly audioLoop: string | null;
  /** one-shot `AUDIO:` cues since the last CLEAR, oldest first (optional: older views lack it) */
  readonly sounds?: readonly SoundCue[];
  /** the score's cue in play (the last `music:` tag; null after `music: none` or before any) */
  readonly music?: string | null;
  readonly decision: DecisionView | null;
  /**
   * while a picked (or timed-out) card holds and the story has already run to what follows: that
   * beat, so a view lays it out during the hold and only swaps it in when the hold ends; absent or
   * null otherwise (optional: older views lack it)
   */
  readonly upcoming?: UpcomingBeat | null;
  /** decisions taken so far in this playthrough (for rewind and the ending screen) */
  readonly history: readonly PastDecision[];
  /** the chapter in play (never cleared by CLEAR); null before the first `chapter` tag */
  readonly chapter?: ChapterMark | null;
  readonly ending: { readonly path: string } | null;
  readonly error: { readonly message: string; readonly canGoBack: boolean } | null;
}

/**
 * ms left in a window at clock time `now`; null when untimed. The one reading of a window's time
 * left: the machine's countdown, the DOM mirror and the stage's bar all use it.
 */
export function remainingAt(
  window: Pick<DecisionView, 'remainingMs' | 'runningSince'>,
  now: number,
): number | null {
  if (window.remainingMs === null) return null;
  if (window.runningSince === null) return window.remainingMs;
  return Math.max(0, window.remainingMs - (now - window.runningSince));
}

/** The last stretch of a window: the bar turns and pulses, and a sound may warn. */
export const LOW_TIME_MS = 3_000;

/** True while a running or paused window has LOW_TIME_MS or less left (never for an untimed one). */
export function isLowTime(
  window: Pick<DecisionView, 'remainingMs' | 'runningSince'>,
  now: number,
): boolean {
  const left = remainingAt(window, now);
  return left !== null && left <= LOW_TIME_MS;
}

/**
 * Where the reading of the text on screen stands, as the view showing it (the stage, or the DOM
 * mirror in the text-only view) tells it: the mirror follows it (aria-busy, the continue cue) and
 * a fully read beat is reported to the player (REVEALED).
 */
export interface RevealReport {
  /** characters of the page are still being revealed */
  readonly busy: boolean;
  /** id of the last line on the current page; null when no text is shown */
  readonly through: number | null;
  /** lines after this page wait for the player to continue */
  readonly more: boolean;
  /** characters on the current page (autoplay's reading time) */
  readonly pageChars: number;
}
