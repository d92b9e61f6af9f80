// The degrade rule (render/quality.ts) on fake frame times, and what 'still' does to a scene.
import { describe, expect, it } from 'vitest';
import type { Container } from 'pixi.js';
import { LONG_MS, LONG_SHARE, MAX_MS, QualityGovernor, WINDOW } from '../../src/render/quality.ts';
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
  it('stays full on steady 60 fps frames and on a few long ones', () => {
    const g = new QualityGovernor();
    const steady = Array.from({ length: 600 }, (_, i) => (i % 10 === 0 ? 40 : 16.7));
    expect(feed(g, steady)).toBe(-1);
    expect(g.level).toBe('full');
  });

  it('steps down to still once more than a fifth of a window of frames run long', () => {
    const g = new QualityGovernor();
    // every third frame long: a third of the window, over LONG_SHARE
    const judder = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? LONG_MS + 5 : 16.7));
    const at = feed(g, judder);
    expect(at).toBe(WINDOW - 1);
    expect(g.level).toBe('still');
    // and never back up, however fast the frames get
    expect(
      feed(
        g,
        Array.from({ length: 300 }, () => 8),
        10_000,
      ),
    ).toBe(-1);
    expect(g.level).toBe('still');
  });

  it('decides on the share in the last window, not on the whole history', () => {
    const g = new QualityGovernor();
    const longs = Math.floor(LONG_SHARE * WINDOW); // exactly the share: not over it
    const window = [
      ...Array.from({ length: longs }, () => 30),
      ...Array.from({ length: WINDOW - longs }, () => 16),
    ];
    expect(feed(g, [...window, ...window, ...window])).toBe(-1);
    expect(g.level).toBe('full');
    // one more long frame in the window tips it
    const g2 = new QualityGovernor();
    const over = [
      ...Array.from({ length: longs + 1 }, () => 30),
      ...Array.from({ length: WINDOW - longs - 1 }, () => 16),
    ];
    expect(feed(g2, over)).toBe(WINDOW - 1);
  });

  it('ignores pauses, hidden tabs and a frozen clock', () => {
    const g = new QualityGovernor();
    const odd = Array.from({ length: 600 }, (_, i) => (i % 2 === 0 ? MAX_MS + 1 : 0));
    expect(feed(g, odd)).toBe(-1);
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
    for (let i = 0; i < WINDOW * 2; i++) view.tick((t += 16.7));
    expect(view.quality).toBe('full');
    expect(sceneOf().isCachedAsTexture).toBe(false);
    for (let i = 0; i < WINDOW * 2 && view.quality === 'full'; i++) view.tick((t += 34));
    expect(view.quality).toBe('still');
    expect(sceneOf().isCachedAsTexture).toBe(true);
    view.set({ type: 'scene', name: 'rooftop' }, t + 16, { style: 'cut', ms: 0 });
    expect(sceneOf().label).toBe('scene:rooftop');
    expect(sceneOf().isCachedAsTexture).toBe(true);
    view.destroy();
  });
});
