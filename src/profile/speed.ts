// Decision speed as its own behavioural trait: how fast the player decides and how often the timer did.
// Times are read against the window as the author wrote it: a player who asked for ×2 or ×10 time
// (or no timer) is not "quick" for using a smaller share of a longer window, and each time scale is
// reported on its own.
import type { CaptureEvent, EventOf } from '../core/events.ts';

export interface SpeedOptions {
  /** a pick counts as early when made within this fraction of the window. Default 0.5 (first half). */
  readonly earlyFraction?: number;
}

export type Pace = 'quick' | 'measured' | 'deliberate';

/** The time scale a decision was shown under: as written, ×2, ×10, the timer turned off, or a story without one. */
export type ScaleGroupId = 1 | 2 | 10 | 'off' | 'untimed';

export interface ScaleGroup {
  readonly scale: ScaleGroupId;
  readonly decisions: number;
  /** median seconds to pick over the player's own picks; null when the timer made them all */
  readonly medianSeconds: number | null;
  /** median authored window in seconds (the window divided by the scale); null when untimed */
  readonly medianAuthoredSeconds: number | null;
  readonly timerChose: number;
}

/** No pace label before this many timed decisions: fewer say too little about a habit of speed. */
export const MIN_TIMED_FOR_PACE = 10;

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
  /** decisions shown with a window, at any scale (untimed ones cannot be early or timed out) */
  readonly timed: number;
  /** timed decisions the player made within the early part of the authored window */
  readonly decidedEarly: number;
  /** decidedEarly / timed; null when nothing was timed */
  readonly shareDecidedEarly: number | null;
  /** timed decisions where the window ran out and the default was taken */
  readonly timerChose: number;
  /** timerChose / timed; null when nothing was timed */
  readonly shareTimerChose: number | null;
  /** median of time / window over the timed decisions the player made; null when there are none */
  readonly medianShareOfWindow: number | null;
  /** quick: most timed picks are early; deliberate: few are, or the timer often chose; null before MIN_TIMED_FOR_PACE timed decisions */
  readonly pace: Pace | null;
  /** median seconds to pick over the player's own picks (medianMs / 1000) */
  readonly medianSeconds: number | null;
  /** median of time / authored window (the window as written, before ×2 or ×10) over the player's timed picks */
  readonly medianShareOfAuthoredWindow: number | null;
  /** decisions per time scale, in the order 1, 2, 10, off, untimed (empty groups left out) */
  readonly byScale: readonly ScaleGroup[];
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

interface ScaledChoice {
  readonly e: EventOf<'choice.made'>;
  /** the player's time scale when it was shown: 1, 2, 10 or 'off' */
  readonly scale: 1 | 2 | 10 | 'off';
}

function groupOf(c: ScaledChoice): ScaleGroupId {
  if (c.e.windowMs === null || !(c.e.windowMs > 0)) return c.scale === 'off' ? 'off' : 'untimed';
  return c.scale === 'off' ? 1 : c.scale;
}

function figures(choices: readonly ScaledChoice[], earlyFraction: number): SpeedFigures {
  const playerMs: number[] = [];
  const playerShares: number[] = [];
  const authoredShares: number[] = [];
  let timed = 0;
  let decidedEarly = 0;
  let timerChose = 0;
  const groups = new Map<
    ScaleGroupId,
    { ms: number[]; windows: number[]; n: number; out: number }
  >();
  for (const c of choices) {
    const { e } = c;
    const id = groupOf(c);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { ms: [], windows: [], n: 0, out: 0 }));
    g.n++;
    const hasWindow = e.windowMs !== null && e.windowMs > 0;
    const factor = typeof id === 'number' ? id : 1;
    const authored = hasWindow && e.windowMs !== null ? e.windowMs / factor : null;
    if (authored !== null) {
      timed++;
      g.windows.push(authored);
    }
    if (e.timedOut) {
      if (hasWindow) {
        timerChose++;
        g.out++;
      }
      continue;
    }
    if (Number.isFinite(e.decisionMs) && e.decisionMs >= 0) {
      playerMs.push(e.decisionMs);
      g.ms.push(e.decisionMs);
      if (hasWindow && e.windowMs !== null && authored !== null) {
        playerShares.push(e.decisionMs / e.windowMs);
        authoredShares.push(e.decisionMs / authored);
        if (e.decisionMs <= earlyFraction * authored) decidedEarly++;
      }
    }
  }
  const shareDecidedEarly = timed > 0 ? decidedEarly / timed : null;
  const shareTimerChose = timed > 0 ? timerChose / timed : null;
  let pace: Pace | null = null;
  if (shareDecidedEarly !== null && shareTimerChose !== null && timed >= MIN_TIMED_FOR_PACE) {
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
          ? 'the first half of the window as written'
          : `the first ${percent(earlyFraction)} of the window as written`;
      parts.push(`${percent(shareDecidedEarly)} of ${timed} timed decisions made in ${early}`);
      parts.push(
        timerChose === 0 ? 'the timer never chose' : `the timer chose ${timerChose} of ${timed}`,
      );
      if (timed < MIN_TIMED_FOR_PACE)
        parts.push(`no pace named before ${MIN_TIMED_FOR_PACE} timed decisions`);
    }
  }
  const order: ScaleGroupId[] = [1, 2, 10, 'off', 'untimed'];
  const byScale: ScaleGroup[] = order.flatMap((id) => {
    const g = groups.get(id);
    if (!g) return [];
    const ms = median(g.ms);
    const w = median(g.windows);
    return [
      {
        scale: id,
        decisions: g.n,
        medianSeconds: ms === null ? null : ms / 1000,
        medianAuthoredSeconds: w === null ? null : w / 1000,
        timerChose: g.out,
      },
    ];
  });
  return {
    decisions: choices.length,
    byPlayer: choices.filter((c) => !c.e.timedOut).length,
    medianMs,
    timed,
    decidedEarly,
    shareDecidedEarly,
    timerChose,
    shareTimerChose,
    medianShareOfWindow: median(playerShares),
    pace,
    medianSeconds: medianMs === null ? null : medianMs / 1000,
    medianShareOfAuthoredWindow: median(authoredShares),
    byScale,
    summary: (pace ? `${pace}: ` : '') + parts.join('; '),
  };
}

function scaleOf(value: unknown): 1 | 2 | 10 | 'off' | null {
  if (value === 'off') return 'off';
  const n = typeof value === 'string' ? Number(value) : value;
  return n === 1 || n === 2 || n === 10 ? n : null;
}

/** Decision speed overall and per story, from the choice.made events (deduplicated by id). */
export function decisionSpeed(
  events: readonly CaptureEvent[],
  options: SpeedOptions = {},
): DecisionSpeed {
  const earlyFraction = options.earlyFraction ?? 0.5;
  const seen = new Set<string>();
  const all: ScaledChoice[] = [];
  const byStory = new Map<string, ScaledChoice[]>();
  // the time scale in force, from the settings changes recorded before each decision (the log
  // keeps them in order); as written until one says otherwise
  let scale: 1 | 2 | 10 | 'off' = 1;
  for (const e of events) {
    if (e.type === 'settings.changed' && e.key === 'timeScale') {
      scale = scaleOf(e.value) ?? scale;
      continue;
    }
    if (e.type !== 'choice.made' || seen.has(e.id)) continue;
    seen.add(e.id);
    const c = { e, scale };
    all.push(c);
    const list = byStory.get(e.storyId);
    if (list) list.push(c);
    else byStory.set(e.storyId, [c]);
  }
  return {
    overall: figures(all, earlyFraction),
    byStory: [...byStory].map(([storyId, list]) => ({ storyId, ...figures(list, earlyFraction) })),
  };
}
