// The scene library: every named scene draws something, animates only when allowed, and frees itself.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Container } from 'pixi.js';
import { Graphics } from 'pixi.js';
import { buildScene, isSceneName, SCENE_NAMES } from '../../src/render/scenes.ts';

function graphicsIn(c: Container): Graphics[] {
  const out: Graphics[] = [];
  const walk = (node: Container): void => {
    if (node instanceof Graphics) out.push(node);
    for (const child of node.children) walk(child);
  };
  walk(c);
  return out;
}

function snapshotPositions(c: Container): string {
  return JSON.stringify(c.children.map((ch) => [ch.label, ch.x, ch.y, ch.alpha]));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('scene library', () => {
  it('offers at least the scenes the issue names', () => {
    for (const name of [
      'night-street',
      'office',
      'forest',
      'bedroom',
      'train',
      'rooftop',
      'diner',
      'arcade',
      'beach',
      'void',
      'title',
    ]) {
      expect(isSceneName(name)).toBe(true);
    }
  });

  for (const name of SCENE_NAMES) {
    for (const [w, h] of [
      [360, 640],
      [1280, 720],
      [2560, 1440],
    ] as const) {
      it(`draws ${name} at ${w}×${h} as non-empty graphics covering the screen`, () => {
        const scene = buildScene(name, w, h, { reducedMotion: false });
        expect(scene.container.label).toBe(`scene:${name}`);
        const gs = graphicsIn(scene.container);
        expect(gs.length).toBeGreaterThan(0);
        const bounds = scene.container.getLocalBounds();
        expect(bounds.minX).toBeLessThanOrEqual(0);
        expect(bounds.minY).toBeLessThanOrEqual(0);
        expect(bounds.maxX).toBeGreaterThanOrEqual(w);
        expect(bounds.maxY).toBeGreaterThanOrEqual(h);
        scene.destroy();
      });
    }
  }

  it('moves the rain of the night street over time', () => {
    const scene = buildScene('night-street', 1280, 720, { reducedMotion: false });
    const before = snapshotPositions(scene.container);
    scene.tick(700);
    expect(snapshotPositions(scene.container)).not.toBe(before);
    scene.destroy();
  });

  it('keeps every scene still under reduced motion', () => {
    for (const name of SCENE_NAMES) {
      const scene = buildScene(name, 1280, 720, { reducedMotion: true });
      const before = snapshotPositions(scene.container);
      scene.tick(1234);
      scene.tick(98765);
      expect(snapshotPositions(scene.container)).toBe(before);
      scene.destroy();
    }
  });

  it('draws the same scene the same way every time', () => {
    const a = buildScene('rooftop', 800, 600, { reducedMotion: true });
    const b = buildScene('rooftop', 800, 600, { reducedMotion: true });
    expect(a.container.getLocalBounds().rectangle).toEqual(b.container.getLocalBounds().rectangle);
    a.destroy();
    b.destroy();
  });

  it('falls back to a neutral backdrop for an unknown name and warns only once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const a = buildScene('moon-base-unknown', 640, 480, { reducedMotion: false });
    const b = buildScene('moon-base-unknown', 640, 480, { reducedMotion: false });
    expect(a.container.label).toBe('scene:fallback');
    expect(graphicsIn(a.container).length).toBeGreaterThan(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('moon-base-unknown');
    a.destroy();
    b.destroy();
  });

  it('accepts scene names in any case', () => {
    const scene = buildScene('  Office ', 640, 480, { reducedMotion: true });
    expect(scene.container.label).toBe('scene:office');
    scene.destroy();
  });

  it('destroys its container', () => {
    const scene = buildScene('forest', 640, 480, { reducedMotion: false });
    scene.destroy();
    expect(scene.container.destroyed).toBe(true);
  });
});
