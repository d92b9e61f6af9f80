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
// - over the last WINDOW intervals, when more than LONG_SHARE of them took longer than LONG_MS,
//   the level steps down (at 60 fps a fifth of frames over 20 ms is about one frame in five
//   dropped, which shows as judder).
export type Quality = 'full' | 'still';

export const WINDOW = 60;
export const LONG_MS = 20;
export const LONG_SHARE = 0.2;
export const MIN_MS = 1;
export const MAX_MS = 250;

export class QualityGovernor {
  #level: Quality = 'full';
  #last: number | null = null;
  /** the last WINDOW intervals, as long (1) or not (0), in a ring */
  readonly #ring = new Uint8Array(WINDOW);
  #count = 0;
  #long = 0;
  #next = 0;

  get level(): Quality {
    return this.#level;
  }

  /**
   * One frame at stage time `now` (ms). Returns true when this frame changed the level. Frames
   * that are not animating (reduced motion, nothing moving) should not be given: call `skip()`.
   */
  frame(now: number): boolean {
    const last = this.#last;
    this.#last = now;
    if (last === null || this.#level === 'still') return false;
    const dt = now - last;
    if (!(dt >= MIN_MS && dt <= MAX_MS)) return false;
    const long = dt > LONG_MS ? 1 : 0;
    if (this.#count === WINDOW) this.#long -= this.#ring[this.#next] ?? 0;
    else this.#count++;
    this.#ring[this.#next] = long;
    this.#long += long;
    this.#next = (this.#next + 1) % WINDOW;
    if (this.#count === WINDOW && this.#long > LONG_SHARE * WINDOW) {
      this.#level = 'still';
      return true;
    }
    return false;
  }

  /** A frame not to measure (nothing animating): the next interval starts from the next frame. */
  skip(): void {
    this.#last = null;
  }
}
