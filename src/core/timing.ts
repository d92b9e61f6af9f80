// Timing policy of DESIGN.md §3: which window a decision gets.
import type { Decision, StoryMeta } from './model.ts';

export const ENGINE_DEFAULT_TIMER_S = 10;

/**
 * The longest window any decision gets, after the player's time scale: 20 minutes. It is ten
 * times the longest window the checker accepts without a warning (120 s), so the ×10 setting
 * (WCAG 2.2.1) still holds for every such window, and it is far below what a browser timer can
 * count (2^31 − 1 ms, about 24.8 days; a longer delay fires at once). A story that wants longer
 * should say `timer: off`.
 */
export const MAX_WINDOW_MS = 1_200_000;

/** How the player has asked for time: as authored, doubled, ×10, or untimed (WCAG 2.2.1). */
export type TimeScale = 1 | 2 | 10 | 'off';

/** The window in ms for a decision, or null when it waits for ever. */
export function windowMs(
  decision: Pick<Decision, 'timerSeconds'>,
  meta: Pick<StoryMeta, 'timerSeconds'>,
  scale: TimeScale = 1,
): number | null {
  if (scale === 'off') return null;
  const seconds =
    decision.timerSeconds !== undefined
      ? decision.timerSeconds
      : meta.timerSeconds !== undefined
        ? meta.timerSeconds
        : ENGINE_DEFAULT_TIMER_S;
  if (seconds === null) return null;
  const ms = Math.round(seconds * 1000 * scale);
  // NaN cannot come from the grammar, but a hand-made meta must not make a window that never ends
  return Number.isNaN(ms) ? MAX_WINDOW_MS : Math.min(ms, MAX_WINDOW_MS);
}
