// Decision speed as its own behavioural trait: how fast the player decides and how often the timer did.
import type { CaptureEvent, EventOf } from '../core/events.ts';

export interface SpeedOptions {
  /** a pick counts as early when made within this fraction of the window. Default 0.5 (first half). */
  readonly earlyFraction?: number;
}

export type Pace = 'quick' | 'measured' | 'deliberate';

export interface SpeedFigures {
  /** all choice.made events */
  readonly decisions: number;
  /** decisions the player made (not the timer) */
  readonly byPlayer: number;
  /**
   * median time to pick over the decisions the player made, in ms; null when there are none.
   * Timed-out decisions are left out: their time is just the window, not the player's pace.
   */
  readonly medianMs: number | null;
  /** decisions shown with a window (untimed ones cannot be early or timed out) */
  readonly timed: number;
  /** timed decisions the player made within the early part of the window */
  readonly decidedEarly: number;
  /** decidedEarly / timed; null when nothing was timed */
  readonly shareDecidedEarly: number | null;
  /** timed decisions where the window ran out and the default was taken */
  readonly timerChose: number;
  /** timerChose / timed; null when nothing was timed */
  readonly shareTimerChose: number | null;
  /** median of time / window over the timed decisions the player made; null when there are none */
  readonly medianShareOfWindow: number | null;
  /** quick: most timed picks are early; deliberate: few are, or the timer often chose; null without timed decisions */
  readonly pace: Pace | null;
  /** one sentence for the report */
  readonly summary: string;
}

export interface StorySpeed extends SpeedFigures {
  readonly storyId: string;
}

export interface DecisionSpeed {
  readonly overall: SpeedFigures;
  /** stories in the order they were first played */
  readonly byStory: readonly StorySpeed[];
}

/** Pace thresholds on the share decided early and the share the timer chose. */
export const PACE_THRESHOLDS = {
  QUICK_EARLY_FROM: 0.6,
  DELIBERATE_EARLY_BELOW: 0.3,
  DELIBERATE_TIMER_FROM: 0.25,
} as const;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(1) : Math.round(s).toString()} s`;
}

function figures(choices: readonly EventOf<'choice.made'>[], earlyFraction: number): SpeedFigures {
  const playerMs: number[] = [];
  const playerShares: number[] = [];
  let timed = 0;
  let decidedEarly = 0;
  let timerChose = 0;
  for (const c of choices) {
    const hasWindow = c.windowMs !== null && c.windowMs > 0;
    if (hasWindow) timed++;
    if (c.timedOut) {
      if (hasWindow) timerChose++;
      continue;
    }
    if (Number.isFinite(c.decisionMs) && c.decisionMs >= 0) {
      playerMs.push(c.decisionMs);
      if (hasWindow && c.windowMs !== null) {
        playerShares.push(c.decisionMs / c.windowMs);
        if (c.decisionMs <= earlyFraction * c.windowMs) decidedEarly++;
      }
    }
  }
  const shareDecidedEarly = timed > 0 ? decidedEarly / timed : null;
  const shareTimerChose = timed > 0 ? timerChose / timed : null;
  let pace: Pace | null = null;
  if (shareDecidedEarly !== null && shareTimerChose !== null) {
    if (
      shareTimerChose >= PACE_THRESHOLDS.DELIBERATE_TIMER_FROM ||
      shareDecidedEarly < PACE_THRESHOLDS.DELIBERATE_EARLY_BELOW
    ) {
      pace = 'deliberate';
    } else if (shareDecidedEarly >= PACE_THRESHOLDS.QUICK_EARLY_FROM) {
      pace = 'quick';
    } else {
      pace = 'measured';
    }
  }
  const medianMs = median(playerMs);
  const parts: string[] = [];
  if (choices.length === 0) {
    parts.push('no decisions yet');
  } else {
    parts.push(
      medianMs === null
        ? 'the timer made every decision'
        : `typically decides in ${seconds(medianMs)}`,
    );
    if (shareDecidedEarly !== null) {
      const early =
        earlyFraction === 0.5
          ? 'the first half of the window'
          : `the first ${percent(earlyFraction)} of the window`;
      parts.push(`${percent(shareDecidedEarly)} of timed decisions made in ${early}`);
      parts.push(
        timerChose === 0 ? 'the timer never chose' : `the timer chose ${timerChose} of ${timed}`,
      );
    }
  }
  return {
    decisions: choices.length,
    byPlayer: choices.filter((c) => !c.timedOut).length,
    medianMs,
    timed,
    decidedEarly,
    shareDecidedEarly,
    timerChose,
    shareTimerChose,
    medianShareOfWindow: median(playerShares),
    pace,
    summary: (pace ? `${pace}: ` : '') + parts.join('; '),
  };
}

/** Decision speed overall and per story, from the choice.made events (deduplicated by id). */
export function decisionSpeed(
  events: readonly CaptureEvent[],
  options: SpeedOptions = {},
): DecisionSpeed {
  const earlyFraction = options.earlyFraction ?? 0.5;
  const seen = new Set<string>();
  const all: EventOf<'choice.made'>[] = [];
  const byStory = new Map<string, EventOf<'choice.made'>[]>();
  for (const e of events) {
    if (e.type !== 'choice.made' || seen.has(e.id)) continue;
    seen.add(e.id);
    all.push(e);
    const list = byStory.get(e.storyId);
    if (list) list.push(e);
    else byStory.set(e.storyId, [e]);
  }
  return {
    overall: figures(all, earlyFraction),
    byStory: [...byStory].map(([storyId, list]) => ({ storyId, ...figures(list, earlyFraction) })),
  };
}
