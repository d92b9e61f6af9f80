// Bench page: the app's own home and story map views (src/ui/home.ts, src/ui/story-map.ts) with
// their styles, timed in Chromium: the home with N stories, and frame intervals while the map of a
// large story is panned and zoomed. bench/browser.ts calls `window.inkreelViews`.
import '../../../src/ui/styles.css';
import '../../../src/ui/structure.css';
import { progressOnMap, type StoryMapData } from '../../../src/core/story-map.ts';
import { renderHome, type StoryCard } from '../../../src/ui/home.ts';
import { renderStoryMap } from '../../../src/ui/story-map.ts';

// a 2×3 grey PNG: real <img> elements without network requests
const POSTER =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAYAAAC56t6BAAAAEklEQVR42mNkYPj/nwEPYBxVAAB5FwT/HrVr3wAAAABJRU5ErkJggg==';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function cards(count: number): StoryCard[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `story-${i}`,
    title: `Story number ${i}`,
    author: 'bench',
    blurb: 'A generated story for the bench: one sentence, as a blurb is.',
    posterUrl: POSTER,
    posterVariant: null,
    progress: i % 7 === 0 ? { kind: 'saved', decision: 3, chapter: 'Part 2' } : null,
    savedAt: i % 7 === 0 ? `2026-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z` : null,
    length: { decisions: 12, minutes: 9 },
    chapters: { reached: i % 3, total: 3 },
    endings: { found: i % 4, total: 5 },
    reason: i % 5 === 0 ? 'Because you lean Warmth' : null,
  }));
}

const api = {
  /** ms from starting to render the home with `count` stories to the frame after it is in the DOM */
  async home(count: number): Promise<number> {
    const main = document.querySelector('main') as HTMLElement;
    main.replaceChildren();
    await frame();
    const list = cards(count);
    const t = performance.now();
    main.replaceChildren(
      renderHome({
        cards: list,
        featured: { card: list[0] as StoryCard, bannerUrl: POSTER, label: 'Featured' },
        profileName: null,
        personalised: true,
      }),
    );
    // forced layout, then the next frame: it has been laid out and painted
    void main.offsetHeight;
    await frame();
    return performance.now() - t;
  },

  /** frame intervals (ms) over `frames` frames of panning and zooming the map by keys and wheel */
  async mapFrames(json: string, frames: number): Promise<number[]> {
    const map = JSON.parse(json) as StoryMapData;
    const main = document.querySelector('main') as HTMLElement;
    main.replaceChildren(renderStoryMap({ title: 'Large', map, progress: progressOnMap(map, []) }));
    await frame();
    await frame();
    const view = main.querySelector('.story-map-view') as HTMLElement;
    const svg = main.querySelector('svg') as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const keys = ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown', '+', '-'];
    const intervals: number[] = [];
    let last = await frame();
    for (let i = 0; i < frames; i++) {
      if (i % 3 === 2)
        svg.dispatchEvent(
          new WheelEvent('wheel', {
            deltaY: i % 6 === 2 ? -60 : 60,
            clientX: box.left + box.width / 2,
            clientY: box.top + box.height / 2,
            bubbles: true,
            cancelable: true,
          }),
        );
      else
        view.dispatchEvent(
          new KeyboardEvent('keydown', { key: keys[i % keys.length], bubbles: true }),
        );
      const now = await frame();
      intervals.push(now - last);
      last = now;
    }
    return intervals;
  },
};

(window as unknown as { inkreelViews: typeof api }).inkreelViews = api;
export type ViewsBenchApi = typeof api;
