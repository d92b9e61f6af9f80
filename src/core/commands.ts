// What the outside world (ui/, main.ts) may ask of a playing story: the player's command vocabulary.
import type { InputMethod } from './events.ts';

/** Why the countdown is held: the tab is hidden, an overlay (report/settings) is open, or the player paused. */
export type PauseReason = 'hidden' | 'overlay' | 'user';

export type PlayerCommand =
  /** index: position in the decision's options (OptionView.index) */
  | { readonly type: 'PICK'; readonly index: number; readonly input: InputMethod }
  | { readonly type: 'PAUSE'; readonly reason: PauseReason }
  | { readonly type: 'RESUME'; readonly reason: PauseReason }
  | { readonly type: 'MORE_TIME' }
  /** back to decision `turn` (1-based) of this playthrough */
  | { readonly type: 'REWIND'; readonly turn: number }
  | { readonly type: 'RESTART' }
  /** from the error screen: back to the last decision */
  | { readonly type: 'GO_BACK' };
