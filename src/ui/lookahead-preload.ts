// Turns each decision's lookahead into preloads (images through the stage, sounds into the HTTP
// cache) and records its cost as a User Timing measure that the benchmark reads.
import { isSoundPath } from '../core/asset-kind.ts';
import { systemClock } from '../core/clock.ts';
import type { LookaheadResult } from '../core/model.ts';

/** The measure's name: one entry per decision, `duration` is the lookahead's own cost in ms. */
export const LOOKAHEAD_MEASURE = 'inkreel:lookahead';

export interface LookaheadMeasureDetail {
  readonly options: number;
  /** asset paths the branches need, once each */
  readonly assets: number;
  /** asset paths not requested by an earlier decision of this page */
  readonly requested: number;
  /** branches whose run was cut short by its budget */
  readonly incomplete: number;
}

export interface LookaheadPreloadOptions {
  /** images (backdrops, IMAGE lines); null when nothing is drawn on a canvas */
  readonly preloadImages: ((paths: readonly string[]) => Promise<void>) | null;
  readonly resolveAsset: (path: string) => string | null;
  /** warms the cache with a sound file; the default fetches it from the same origin */
  readonly fetchSound?: (url: string) => Promise<unknown>;
  /** records the cost; the default is a performance.measure ending now */
  readonly measure?: (costMs: number, detail: LookaheadMeasureDetail) => void;
}

function measureNow(costMs: number, detail: LookaheadMeasureDetail): void {
  const end = systemClock.now();
  // start + duration rather than marks: the cost was taken on the player's clock, not here
  performance.measure(LOOKAHEAD_MEASURE, {
    start: Math.max(0, end - costMs),
    duration: Math.min(costMs, end),
    detail,
  });
}

/** The player's `preload` dependency for one page: each path is asked for once. */
export function lookaheadPreloader(
  options: LookaheadPreloadOptions,
): (results: readonly LookaheadResult[], costMs: number) => void {
  const requested = new Set<string>();
  const fetchSound =
    options.fetchSound ?? ((url: string) => fetch(url, { credentials: 'same-origin' }));
  const measure = options.measure ?? measureNow;
  return (results, costMs) => {
    const all = new Set<string>();
    for (const result of results) for (const path of result.assets) all.add(path);
    const fresh = [...all].filter((path) => !requested.has(path));
    for (const path of fresh) requested.add(path);
    const images = fresh.filter((path) => !isSoundPath(path));
    const sounds = fresh.filter(isSoundPath);
    // a failed preload only means the branch loads on arrival, as it would have without lookahead
    if (images.length > 0 && options.preloadImages) {
      options.preloadImages(images).catch(() => undefined);
    }
    for (const path of sounds) {
      const url = options.resolveAsset(path);
      if (url !== null) fetchSound(url).catch(() => undefined);
    }
    measure(costMs, {
      options: results.length,
      assets: all.size,
      requested: fresh.length,
      incomplete: results.filter((r) => !r.complete).length,
    });
  };
}
