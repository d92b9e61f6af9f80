// The canvas's typeface: pixi measures and draws text with whatever font the page has when it
// asks, so the stage waits for the self-hosted font (styles.css) off the critical path and lays
// its text out again when it arrives.
import { CanvasTextMetrics } from 'pixi.js';
import { BODY_FONT } from './theme.ts';

/** The faces the canvas draws: the body's regular and bold. */
const FACES = [`400 16px "${BODY_FONT}"`, `700 16px "${BODY_FONT}"`];

/**
 * Resolves true once the faces load after the stage had to start without them, false when they
 * were there already or cannot load (no FontFace API, a missing file): then nothing is to redo.
 */
export async function whenFontsArrive(
  fonts: FontFaceSet | undefined = typeof document === 'undefined' ? undefined : document.fonts,
): Promise<boolean> {
  if (!fonts || typeof fonts.load !== 'function') return false;
  if (FACES.every((face) => fonts.check(face))) return false;
  try {
    const loaded = await Promise.all(FACES.map((face) => fonts.load(face)));
    if (!loaded.every((list) => list.length > 0)) return false;
  } catch {
    return false;
  }
  forgetMeasurements();
  return true;
}

/** pixi caches text widths by text and style, not by the face drawn: stale once the font lands. */
function forgetMeasurements(): void {
  CanvasTextMetrics.clearMetrics();
  const cache = (CanvasTextMetrics as unknown as { _measurementCache?: { clear?: () => void } })
    ._measurementCache;
  cache?.clear?.();
}
