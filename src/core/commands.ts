// What the outside world (ui/, main.ts) may ask of a playing story: the player's command vocabulary.
import type { InputMethod } from './events.ts';
import type { TimeScale } from './timing.ts';

/**
 * Why the countdown is held: the tab is hidden, an overlay (report/settings/ledger) is open, the
 * player pressed Pause, or the pause menu (or History) is open. `user` and `menu` are the
 * player's own pauses: play then shows as `paused`.
 */
export type PauseReason = 'hidden' | 'overlay' | 'user' | 'menu';

export type PlayerCommand =
  /** index: position in the decision's options (OptionView.index) */
  | { readonly type: 'PICK'; readonly index: number; readonly input: InputMethod }
  | { readonly type: 'PAUSE'; readonly reason: PauseReason }
  | { readonly type: 'RESUME'; readonly reason: PauseReason }
  | { readonly type: 'MORE_TIME' }
  /**
   * The view showing the text (stage or mirror) has every line up to `through` (a ShownLine id)
   * fully on screen: revealed, or skipped by the player. The beat's choices rise only after it.
   */
  | { readonly type: 'REVEALED'; readonly through: number }
  /** the player continues past the story's last beat to its ending */
  | { readonly type: 'CONTINUE' }
  /** the player changed how much time decisions get; applies to an open window at once */
  | { readonly type: 'SET_TIME_SCALE'; readonly scale: TimeScale }
  /** back to decision `turn` (1-based) of this playthrough */
  | { readonly type: 'REWIND'; readonly turn: number }
  | { readonly type: 'RESTART' }
  /** from the error screen: back to the last decision */
  | { readonly type: 'GO_BACK' };
