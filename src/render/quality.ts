// What the backdrop gives up on a device that cannot keep up (DESIGN §8: countdown and ambient
// frames under 20 ms). The stage starts at 'full' (the scene's ambient motion: rain, flicker,
// drift; parallax and the look's filters where a GPU draws them). When frames run long, it steps
// down once to 'still': the scene is flattened into one picture and its motion stops, so a frame
// draws one backdrop image under the grade, the text and the bar. Transitions, the countdown bar
// and the text are never given up. It never steps back up during a session: a scene that starts
// and stops moving with the machine's load would look broken.
//
// The rule, on frame intervals measured while the backdrop animates:
// - intervals under MIN_MS (the same frame, a frozen clock) or over MAX_MS (a hidden tab, a
//   pause, a page load) are not frames the art caused, and are skipped;
// - the first GRACE frames after a new backdrop or size are skipped too: building and caching a
//   scene, loading fonts and laying out text cost a few long frames once, not every frame;
// - frames are judged in windows of WINDOW; a window is bad when more than LONG_SHARE of its
//   frames took longer than LONG_MS (at 60 fps, a fifth of frames dropped shows as judder); two
//   bad windows in a row (about two seconds) step the level down.
export type Quality = 'full' | 'still';

export const WINDOW = 60;
export const LONG_MS = 20;
export const LONG_SHARE = 0.2;
export const BAD_WINDOWS = 2;
export const GRACE = 30;
export const MIN_MS = 1;
export const MAX_MS = 250;

export class QualityGovernor {
  #level: Quality = 'full';
  #last: number | null = null;
  #grace = GRACE;
  #count = 0;
  #long = 0;
  #bad = 0;

  get level(): Quality {
    return this.#level;
  }

  /**
   * One animating frame at stage time `now` (ms). Returns true when this frame changed the level.
   * Frames with nothing animating (reduced motion, a still scene) are not given: call `skip()`.
   */
  frame(now: number): boolean {
    const last = this.#last;
    this.#last = now;
    if (last === null || this.#level === 'still') return false;
    const dt = now - last;
    if (!(dt >= MIN_MS && dt <= MAX_MS)) return false;
    if (this.#grace > 0) {
      this.#grace--;
      return false;
    }
    this.#count++;
    if (dt > LONG_MS) this.#long++;
    if (this.#count < WINDOW) return false;
    this.#bad = this.#long > LONG_SHARE * WINDOW ? this.#bad + 1 : 0;
    this.#count = 0;
    this.#long = 0;
    if (this.#bad < BAD_WINDOWS) return false;
    this.#level = 'still';
    return true;
  }

  /** A frame not to measure (nothing animating): the next interval starts from the next frame. */
  skip(): void {
    this.#last = null;
  }

  /** A new backdrop or size: its first GRACE frames are not judged, and judging starts over. */
  restart(): void {
    this.#last = null;
    this.#grace = GRACE;
    this.#count = 0;
    this.#long = 0;
    this.#bad = 0;
  }
}
