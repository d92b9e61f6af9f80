// "After the next frame": the first task after the browser has rendered its next frame. (Here in
// render/ beside the stage that draws those frames; the session uses it too.)
//
// A requestAnimationFrame callback runs at the start of a frame's rendering, beside the others of
// that frame (pixi's ticker draws the canvas in its own); a MessageChannel message posted from it
// is handled as the first task after the frame's rendering steps (every rAF callback, then style,
// layout and paint). So `afterNextFrame` runs once the next frame's work is done: a measure ending
// there covers that work, and work started there stays out of that frame. setTimeout would not do:
// it may run before the frame, and nested timeouts are clamped.

/** The frame whose callbacks are running now, while `duringFrame` runs one of them. */
let current: { readonly frameStart: number } | null = null;

/**
 * Runs `fn` as one of a frame's callbacks (a requestAnimationFrame callback, or a listener of
 * pixi's ticker, which runs in one), begun at `frameStart`: until it returns, `afterNextFrame`
 * knows that this frame, not the one after, is the next to render.
 */
export function duringFrame(frameStart: number, fn: () => void): void {
  const outer = current;
  current = { frameStart };
  try {
    fn();
  } finally {
    current = outer;
  }
}

/**
 * Runs `fn` as the first task after the next frame has rendered; `frameAt` is `clock.now()` in
 * the frame's requestAnimationFrame callback (when the frame's rendering was under way) and
 * `frameStart` the callback's timestamp: when the frame began (the display's vsync), on the same
 * timeline as performance.now().
 */
export function afterNextFrame(
  fn: (frameAt: number, frameStart: number) => void,
  clock: { now(): number } = { now: () => 0 },
): void {
  const atFrame = (frameStart: number): void => {
    const frameAt = clock.now();
    afterTask(() => fn(frameAt, frameStart));
  };
  // asked from inside a frame's callbacks (see `duringFrame`): that frame is the next to render
  if (current !== null) atFrame(current.frameStart);
  else requestAnimationFrame(atFrame);
}

/** Runs `fn` in a task of its own after the tasks already queued (one MessageChannel hop). */
function afterTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

/**
 * Resolves after the next frame has rendered and after the tasks that were waiting for that frame's
 * end (a measure of the frame, see app/play-marks.ts): one more message hop puts the work behind
 * them. After `fallbackMs` when no frame comes (a hidden tab renders none); at once where there are
 * no frames at all (Node).
 */
export function nextFrameDone(fallbackMs = 100): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function')
    return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    afterNextFrame(() => {
      afterTask(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  });
}

/**
 * Runs `begin` at the start of the next frame, inside it (see `duringFrame`), so that what it
 * changes is drawn in that frame. `schedule` hands the call to a frame source of its own (the
 * stage's ticker, so that it runs before the stage draws) and says whether it took it; else a
 * requestAnimationFrame callback runs it. After `fallbackMs` without a frame (a hidden tab renders
 * none) it runs anyway, outside any frame.
 */
export function atNextFrameStart(
  begin: () => void,
  schedule: (run: (frameStart: number) => void) => boolean = () => false,
  fallbackMs = 100,
): void {
  let done = false;
  const run = (frameStart: number | null): void => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    if (frameStart === null) begin();
    else duringFrame(frameStart, begin);
  };
  const fallback = setTimeout(() => run(null), fallbackMs);
  if (!schedule(run) && typeof requestAnimationFrame === 'function')
    requestAnimationFrame((frameStart) => run(frameStart));
}
