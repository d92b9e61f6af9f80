// Timing policy of DESIGN.md §3: which window a decision gets.
import type { Decision, StoryMeta } from './model.ts';

export const ENGINE_DEFAULT_TIMER_S = 10;

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
  return Math.round(seconds * 1000 * scale);
}
