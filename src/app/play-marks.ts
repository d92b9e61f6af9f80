// The User Timing marks of a pick (DESIGN §7, §8 "a pick answers within a frame"), kept out of the
// session so their definitions live in one place. Per pick, in the page's performance timeline:
//
// - `inkreel:pick` (mark): the PICK command, as the player's click, tap or key reaches the session,
//   before the player machine sees it. Only picks of an open decision count (a timeout is the
//   clock's pick, not the player's, and a second press never picks twice).
// - `inkreel:confirm` (measure, from `inkreel:pick`): to the end of the first frame that draws the
//   chosen card (the view in the `picked` phase). The machine answers a PICK synchronously, so that
//   view reaches the stage and the DOM mirror inside the same task; the frame after it is the
//   confirm frame.
// - `inkreel:hold-end` (mark, detail `{ turn, ready }`): the first view that leaves the pick's
//   `picked` phase: the hold is over, the choice is stored and the next beat is applied. `ready`:
//   the next beat was computed and laid out before it, i.e. an earlier view of the hold already
//   carried `upcoming` (the machine's story step was done) and, as this view arrives and before the
//   stage sees it, the stage reports that beat laid out off-screen (`stagePrepared()`). A step that
//   finishes with the hold's own end never counts as ready.
// - `inkreel:next-beat` (measure, from `inkreel:hold-end`): to the end of the first frame that shows
//   what follows the hold: the next beat's text, or the next decision, the ending or the error. The
//   hold ends at the start of a frame (the machine waits, once the hold's time is up, for the stage's
//   next tick: player.ts `atNextFrame`), before that frame draws, so that frame is the first to show
//   the next beat and this measure is the frame's own work. Only when no frame comes for 100 ms (a
//   hidden tab) does the hold end between frames, and the measure then waits for the next one.
//
// "The end of a frame" is render/after-frame.ts's afterNextFrame: a requestAnimationFrame callback
// registered after the view update posts a MessageChannel message, whose handler runs as the first
// task after that frame's rendering (every rAF callback, pixi's ticker drawing the canvas among
// them, then style, layout and paint of the DOM mirror). So the measure covers the frame's work,
// not only its start: a rAF callback alone may run before pixi's draws, and before paint.
//
// Both measures carry a breakdown in their detail, `{ taskMs, waitMs, frameMs, idleMs }`: the task that
// handled the pick (or the hold's end) from the mark to its end (a microtask queued at the mark runs
// once that task's script is done), then until this module's rAF callback in the frame (the wait
// for the frame, and the frame's earlier rAF callbacks: pixi's ticker, which draws the canvas, runs
// before it), then the rest of the frame's rendering (style, layout, paint, the canvas committed).
// `idleMs` is the part of `waitMs` before the frame began (the rAF timestamp): the display's own
// cadence, which no code of the page can shorten; the rest is work the page did.
import { afterNextFrame } from '../render/after-frame.ts';
import type { PlayView } from '../core/view.ts';

export const PICK_MARK = 'inkreel:pick';
export const CONFIRM_MEASURE = 'inkreel:confirm';
export const HOLD_END_MARK = 'inkreel:hold-end';
export const NEXT_BEAT_MEASURE = 'inkreel:next-beat';

export interface PlayMarksDeps {
  /** true once the stage has laid out the view's upcoming beat off-screen (true without a stage) */
  readonly stagePrepared: () => boolean;
  /** seam for tests: runs a function after the next frame (default afterNextFrame) */
  readonly afterFrame?: (fn: (frameAt: number, frameStart?: number) => void) => void;
  /** seam for tests: the performance timeline (default the page's) */
  readonly timeline?: Pick<Performance, 'mark' | 'measure' | 'now'>;
}

export interface PlayMarks {
  /** a PICK is about to reach the player; `view` is the view before it */
  pick(view: PlayView | null): void;
  /** a view is about to be shown (before the stage applies it) */
  beforeShow(view: PlayView): void;
  /** the view has been handed to the stage and the DOM mirror */
  afterShow(view: PlayView): void;
  /** stops measuring (play is left); a frame already asked for measures nothing */
  stop(): void;
}

type Tracking =
  | { readonly at: 'none' }
  /** PICK sent; the picked view has not been shown yet */
  | { readonly at: 'picking'; readonly turn: number }
  /** the card holds; `stepSeen`: a view of the hold carried the upcoming beat */
  | { readonly at: 'holding'; readonly turn: number; stepSeen: boolean };

const isOpen = (view: PlayView | null): boolean => {
  const phase = view?.decision?.phase;
  return phase === 'shown' || phase === 'selecting';
};

const holds = (view: PlayView, turn: number): boolean =>
  view.decision !== null &&
  view.decision.turn === turn &&
  (view.decision.phase === 'picked' || view.decision.phase === 'timedOut');

export function playMarks(deps: PlayMarksDeps): PlayMarks {
  const timeline = deps.timeline ?? performance;
  const afterFrame = deps.afterFrame ?? ((fn) => afterNextFrame(fn, timeline));
  let tracking: Tracking = { at: 'none' };
  let stopped = false;
  let pickAt = 0;
  /** a microtask queued now runs when the current task's script is done */
  const taskEnd = (): { at: number | null } => {
    const end: { at: number | null } = { at: null };
    queueMicrotask(() => {
      end.at = timeline.now();
    });
    return end;
  };
  let pickTask: { at: number | null } = { at: null };
  const measureAfterFrame = (
    name: string,
    from: string,
    startAt: number,
    task: { at: number | null },
  ): void =>
    afterFrame((frameAt, frameStart) => {
      if (stopped) return;
      const end = timeline.now();
      const taskAt = Math.min(task.at ?? frameAt, frameAt);
      // the part of the wait that was the display's: from the task's end to the frame's start
      const idleMs =
        frameStart === undefined ? 0 : Math.max(0, Math.min(frameStart, frameAt) - taskAt);
      timeline.measure(name, {
        start: from,
        end,
        detail: {
          taskMs: taskAt - startAt,
          waitMs: frameAt - taskAt,
          frameMs: end - frameAt,
          idleMs,
        },
      });
    });
  return {
    pick(view) {
      // a second press while the card holds, or a pick of a closed decision, is no new pick
      if (stopped || tracking.at !== 'none' || !isOpen(view) || !view?.decision) return;
      pickAt = timeline.mark(PICK_MARK).startTime;
      pickTask = taskEnd();
      tracking = { at: 'picking', turn: view.decision.turn };
    },
    beforeShow(view) {
      if (stopped || tracking.at !== 'holding') return;
      if (holds(view, tracking.turn)) return;
      const ready = tracking.stepSeen && deps.stagePrepared();
      const at = timeline.mark(HOLD_END_MARK, { detail: { turn: tracking.turn, ready } }).startTime;
      tracking = { at: 'none' };
      measureAfterFrame(NEXT_BEAT_MEASURE, HOLD_END_MARK, at, taskEnd());
    },
    afterShow(view) {
      if (stopped) return;
      if (tracking.at === 'picking') {
        if (holds(view, tracking.turn)) {
          tracking = { at: 'holding', turn: tracking.turn, stepSeen: false };
          measureAfterFrame(CONFIRM_MEASURE, PICK_MARK, pickAt, pickTask);
        } else {
          // the machine did not take the pick
          tracking = { at: 'none' };
        }
      }
      // seen after this view was shown: a later view is the earliest that can end the hold
      if (tracking.at === 'holding' && holds(view, tracking.turn) && view.upcoming)
        tracking.stepSeen = true;
    },
    stop() {
      stopped = true;
    },
  };
}
