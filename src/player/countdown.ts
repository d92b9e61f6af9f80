// Pure arithmetic of one decision's window: running, paused, extended, stopped. The machine owns the timer.
import { remainingAt } from '../core/view.ts';

export interface Countdown {
  /** one window as the player's time scale made it; what "more time" adds; null when untimed */
  readonly baseWindowMs: number | null;
  /** the whole window including every "more time"; null when untimed */
  readonly windowMs: number | null;
  /** ms left when the countdown last (re)started or froze; null when untimed */
  readonly remainingMs: number | null;
  /** clock time of the last (re)start; null while frozen or untimed */
  readonly runningSince: number | null;
  /** clock time the options appeared */
  readonly shownAt: number;
  /** paused time already over, kept out of decision time */
  readonly pausedMs: number;
  /** clock time the current pause began; null when not paused */
  readonly pausedSince: number | null;
}

export function openCountdown(windowMs: number | null, now: number, paused: boolean): Countdown {
  return {
    baseWindowMs: windowMs,
    windowMs,
    remainingMs: windowMs,
    runningSince: windowMs !== null && !paused ? now : null,
    shownAt: now,
    pausedMs: 0,
    pausedSince: paused ? now : null,
  };
}

export function isCounting(c: Countdown): boolean {
  return c.remainingMs !== null && c.runningSince !== null;
}

/** Stops the bar where it is (after a pick), without counting it as a pause. */
export function freezeCountdown(c: Countdown, now: number): Countdown {
  return { ...c, remainingMs: remainingAt(c, now), runningSince: null };
}

export function pauseCountdown(c: Countdown, now: number): Countdown {
  if (c.pausedSince !== null) return c;
  return { ...freezeCountdown(c, now), pausedSince: now };
}

export function resumeCountdown(c: Countdown, now: number): Countdown {
  if (c.pausedSince === null) return c;
  return {
    ...c,
    pausedMs: c.pausedMs + (now - c.pausedSince),
    pausedSince: null,
    runningSince: c.remainingMs === null ? null : now,
  };
}

/** "More time": one more full window on top of what is left. */
export function addTime(c: Countdown, now: number): Countdown {
  if (c.baseWindowMs === null || c.windowMs === null) return c;
  const left = remainingAt(c, now) ?? 0;
  return {
    ...c,
    windowMs: c.windowMs + c.baseWindowMs,
    remainingMs: left + c.baseWindowMs,
    runningSince: c.runningSince === null ? null : now,
  };
}

/** Time the player spent on the decision, paused time excluded. */
export function activeMs(c: Countdown, now: number): number {
  const pausedNow = c.pausedSince === null ? 0 : now - c.pausedSince;
  return Math.max(0, now - c.shownAt - c.pausedMs - pausedNow);
}

/**
 * The player changed the time scale mid-window (SET_TIME_SCALE): the share of the window left is
 * kept at the new length; untimed → timed opens a full window; timed → untimed stops the clock.
 * `running`: whether the window has started (cards landed) and nothing pauses it.
 */
export function rescaleCountdown(
  c: Countdown,
  baseWindowMs: number | null,
  now: number,
  running: boolean,
): Countdown {
  if (baseWindowMs === null) {
    return { ...c, baseWindowMs: null, windowMs: null, remainingMs: null, runningSince: null };
  }
  const runningSince = running ? now : null;
  if (c.baseWindowMs === null || c.windowMs === null || c.remainingMs === null) {
    return {
      ...c,
      baseWindowMs,
      windowMs: baseWindowMs,
      remainingMs: baseWindowMs,
      runningSince,
    };
  }
  const ratio = baseWindowMs / c.baseWindowMs;
  const left = remainingAt(c, now) ?? 0;
  return {
    ...c,
    baseWindowMs,
    windowMs: Math.round(c.windowMs * ratio),
    remainingMs: Math.round(left * ratio),
    runningSince,
  };
}

/** The cards have landed: the window starts now, unless something pauses play. */
export function startCountdown(c: Countdown, now: number, paused: boolean): Countdown {
  if (paused) return { ...c, runningSince: null, pausedSince: c.pausedSince ?? now };
  return { ...c, runningSince: c.remainingMs === null ? null : now };
}
