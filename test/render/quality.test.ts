// The degrade rule (render/quality.ts) on fake frame times, and what 'still' does to a scene.
import { describe, expect, it } from 'vitest';
import type { Container } from 'pixi.js';
import {
  BAD_WINDOWS,
  GRACE,
  LONG_MS,
  LONG_SHARE,
  MAX_MS,
  QualityGovernor,
  WINDOW,
} from '../../src/render/quality.ts';
import { buildScene } from '../../src/render/scenes.ts';
import { BackdropView } from '../../src/render/backdrop.ts';
import { paletteFor } from '../../src/render/theme.ts';

/** Feeds intervals (ms) to a governor; returns the frame index at which it stepped down, or -1. */
function feed(g: QualityGovernor, intervals: readonly number[], start = 0): number {
  let t = start;
  g.frame(t);
  for (let i = 0; i < intervals.length; i++) {
    t += intervals[i]!;
    if (g.frame(t)) return i;
  }
  return -1;
}

describe('quality governor', () => {
  const ms = (n: number, each: (i: number) => number): number[] =>
    Array.from({ length: n }, (_, i) => each(i));
  // the frames judged after the grace frames of a new backdrop
  const judged = (frames: readonly number[]): number[] => [...ms(GRACE, () => 16.7), ...frames];

  it('stays full on steady 60 fps frames and on a few long ones', () => {
    const g = new QualityGovernor();
    expect(feed(g, judged(ms(600, (i) => (i % 10 === 0 ? 40 : 16.7))))).toBe(-1);
    expect(g.level).toBe('full');
  });

  it('steps down to still after two windows in a row with more than a fifth of frames long', () => {
    const g = new QualityGovernor();
    // every third frame long: a third of each window, over LONG_SHARE
    const at = feed(g, judged(ms(600, (i) => (i % 3 === 0 ? LONG_MS + 5 : 16.7))));
    expect(at).toBe(GRACE + BAD_WINDOWS * WINDOW - 1);
    expect(g.level).toBe('still');
    // and never back up, however fast the frames get
    g.restart();
    expect(
      feed(
        g,
        ms(600, () => 8),
        100_000,
      ),
    ).toBe(-1);
    expect(g.level).toBe('still');
  });

  it('forgives a single bad window (a burst of long frames), and judges the share exactly', () => {
    const longs = Math.floor(LONG_SHARE * WINDOW);
    const window = (n: number): number[] => ms(WINDOW, (i) => (i < n ? 30 : 16));
    const g = new QualityGovernor();
    // bad, good, bad, good…: never two bad in a row
    const alternating = [0, 1, 2, 3, 4, 5].flatMap((k) => window(k % 2 === 0 ? WINDOW : 0));
    expect(feed(g, judged(alternating))).toBe(-1);
    // exactly the share is not over it
    expect(
      feed(new QualityGovernor(), judged([...window(longs), ...window(longs), ...window(longs)])),
    ).toBe(-1);
    const g2 = new QualityGovernor();
    expect(feed(g2, judged([...window(longs + 1), ...window(longs + 1)]))).toBe(
      GRACE + 2 * WINDOW - 1,
    );
  });

  it('does not judge the grace frames after a new backdrop', () => {
    const longs = Math.floor(LONG_SHARE * WINDOW);
    // half a second of long frames while a scene is built and cached, then one burst of judder: judged from the start,
    // these would be two bad windows in a row; after the grace frames, only one
    const afterChange = [
      ...ms(30, () => 200),
      ...ms(WINDOW - 30, () => 16.7),
      ...ms(WINDOW, (i) => (i <= longs ? 30 : 16.7)),
      ...ms(600, () => 16.7),
    ];
    const g = new QualityGovernor();
    expect(feed(g, afterChange)).toBe(-1);
    g.restart();
    expect(feed(g, afterChange, 50_000)).toBe(-1);
    expect(g.level).toBe('full');
  });

  it('ignores pauses, hidden tabs and a frozen clock', () => {
    const g = new QualityGovernor();
    expect(feed(g, judged(ms(600, (i) => (i % 2 === 0 ? MAX_MS + 1 : 0))))).toBe(-1);
    expect(g.level).toBe('full');
  });

  it('does not measure across a skip', () => {
    const g = new QualityGovernor();
    for (let i = 0; i < 600; i++) {
      g.frame(i * 100);
      g.skip();
    }
    expect(g.level).toBe('full');
  });
});

describe("a scene at the 'still' level", () => {
  it('is one cached picture whose motion stops, and comes back when asked', () => {
    const scene = buildScene('hotel-desk', 1280, 720, {
      reducedMotion: false,
      params: { weather: 'rain' },
    });
    const pose = (c: Container): string =>
      JSON.stringify(c.children.map((ch) => [ch.x, ch.y, ch.alpha]));
    scene.setStill(true);
    expect(scene.still).toBe(true);
    expect(scene.container.isCachedAsTexture).toBe(true);
    const before = pose(scene.container);
    scene.tick(700);
    scene.tick(5_300);
    expect(pose(scene.container)).toBe(before);
    scene.setStill(false);
    expect(scene.container.isCachedAsTexture).toBe(false);
    scene.tick(700);
    expect(pose(scene.container)).not.toBe(before);
    scene.destroy();
  });

  it('is what a backdrop shows after frames ran long, for the scene on screen and the next', async () => {
    const { loadScenes } = await import('../../src/render/backdrop.ts');
    await loadScenes();
    const view = new BackdropView({
      resolveAsset: () => null,
      load: () => Promise.reject(new Error('no images in this test')),
      reducedMotion: false,
      palette: paletteFor('dark'),
      parallax: false,
    });
    view.resize(1280, 720);
    view.set({ type: 'scene', name: 'street', params: { weather: 'rain' } }, 0);
    const sceneOf = (): Container =>
      view.container.children.find((c) => c.label.startsWith('backdrop:'))!
        .children[0] as Container;
    let t = 0;
    for (let i = 0; i < GRACE + WINDOW * 3; i++) view.tick((t += 16.7));
    expect(view.quality).toBe('full');
    expect(sceneOf().isCachedAsTexture).toBe(false);
    for (let i = 0; i < WINDOW * 3 && view.quality === 'full'; i++) view.tick((t += 34));
    expect(view.quality).toBe('still');
    expect(sceneOf().isCachedAsTexture).toBe(true);
    view.set({ type: 'scene', name: 'rooftop' }, t + 16, { style: 'cut', ms: 0 });
    expect(sceneOf().label).toBe('scene:rooftop');
    expect(sceneOf().isCachedAsTexture).toBe(true);
    view.destroy();
  });
});
