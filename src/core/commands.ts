// What the outside world (ui/, main.ts) may ask of a playing story: the player's command vocabulary.
import type { InputMethod } from './events.ts';
import type { TimeScale } from './timing.ts';

/**
 * Why the countdown is held: the tab is hidden, an overlay (report/settings/ledger) is open, the
 * player paused, or the pause menu (or History) is open.
 */
export type PauseReason = 'hidden' | 'overlay' | 'user' | 'menu';

export type PlayerCommand =
  /** index: position in the decision's options (OptionView.index) */
  | { readonly type: 'PICK'; readonly index: number; readonly input: InputMethod }
  | { readonly type: 'PAUSE'; readonly reason: PauseReason }
  | { readonly type: 'RESUME'; readonly reason: PauseReason }
  | { readonly type: 'MORE_TIME' }
  /** the player changed the timing setting mid-play: it applies from now on */
  | { readonly type: 'SET_TIME_SCALE'; readonly scale: TimeScale }
  /** back to decision `turn` (1-based) of this playthrough */
  | { readonly type: 'REWIND'; readonly turn: number }
  | { readonly type: 'RESTART' }
  /** from the error screen: back to the last decision */
  | { readonly type: 'GO_BACK' };
