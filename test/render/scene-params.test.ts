// Scene parameters: time and weather change how a scene is drawn; an interior never rains inside;
// unknown parameters warn once and are ignored; every scene the shipped stories name exists.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Container } from 'pixi.js';
import { buildScene, SCENE_NAMES, sceneSetting } from '../../src/render/scenes.ts';
import { parseTag } from '../../src/core/tags.ts';
import { sceneProblems } from '../../src/core/scenes.ts';

function find(root: Container, label: string): Container[] {
  const out: Container[] = [];
  const walk = (c: Container): void => {
    if (c.label === label) out.push(c);
    for (const child of c.children) walk(child);
  };
  walk(root);
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('scene parameters', () => {
  it('uses the tag’s time and weather over the scene’s own', () => {
    expect(sceneSetting('bedroom')).toMatchObject({ time: 'night', weather: 'clear' });
    expect(sceneSetting('bedroom', { time: 'morning', weather: 'rain' })).toMatchObject({
      time: 'morning',
      weather: 'rain',
    });
  });

  it('warns once about an unknown parameter or value and draws with the defaults', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const a = buildScene('street', 640, 360, {
      reducedMotion: true,
      params: { mood: 'gloomy', time: 'teatime' },
    });
    const b = buildScene('street', 640, 360, {
      reducedMotion: true,
      params: { mood: 'gloomy', time: 'teatime' },
    });
    expect(a.time).toBe('day');
    const said = warn.mock.calls.map((c) => String(c[0]));
    expect(said.filter((m) => m.includes('"mood"'))).toHaveLength(1);
    expect(said.filter((m) => m.includes('teatime'))).toHaveLength(1);
    a.destroy();
    b.destroy();
  });

  for (const name of SCENE_NAMES) {
    it(`${name}: rain falls ${sceneSetting(name).interior ? 'only on the glass' : 'over the scene'}`, () => {
      const w = 1280;
      const h = 720;
      const scene = buildScene(name, w, h, { reducedMotion: true, params: { weather: 'rain' } });
      const open = find(scene.container, 'rain');
      const glass = find(scene.container, 'rain-on-glass');
      if (scene.interior) {
        expect(open).toHaveLength(0);
        // streaks on panes: never a sheet the size of the room
        for (const g of glass) {
          const b = g.getLocalBounds();
          expect(b.width * b.height).toBeLessThan(w * h * 0.75);
        }
      } else {
        expect(open.length).toBeGreaterThan(0);
        expect(glass).toHaveLength(0);
      }
      scene.destroy();
    });
  }

  it('draws a room with windows differently at seven in the morning and at night', () => {
    const morning = buildScene('bedroom', 640, 360, {
      reducedMotion: true,
      params: { time: 'morning' },
    });
    const night = buildScene('bedroom', 640, 360, {
      reducedMotion: true,
      params: { time: 'night' },
    });
    // the lamp is lit at night only; daylight falls through the window in the morning only
    expect(find(night.container, 'window-light')).toHaveLength(0);
    expect(find(morning.container, 'window-light')).toHaveLength(1);
    expect(find(morning.container, 'room-dark')).toHaveLength(0);
    expect(find(night.container, 'room-dark')).toHaveLength(1);
    morning.destroy();
    night.destroy();
  });

  it('drifts its depths apart with the camera, and keeps them still under reduced motion', () => {
    const scene = buildScene('street', 1280, 720, { reducedMotion: false });
    const groups = scene.container.children;
    scene.tick(5_000);
    const xs = new Set(groups.map((g) => Math.round(g.x * 100)));
    expect(xs.size).toBeGreaterThan(2);
    scene.setReducedMotion(true);
    expect(groups.every((g) => g.label === 'rain' || g.x === 0)).toBe(true);
    scene.destroy();
  });
});

describe('parallax off (the software canvas renderer)', () => {
  it('draws the depths as fewer pictures that never drift', () => {
    const deep = buildScene('platform', 1280, 720, { reducedMotion: false });
    const flat = buildScene('platform', 1280, 720, { reducedMotion: false, parallax: false });
    expect(flat.container.children.length).toBeLessThan(deep.container.children.length);
    flat.tick(5_000);
    const stills = flat.container.children.filter((c) => c.label === 'still');
    expect(stills.length).toBeGreaterThan(0);
    expect(stills.every((c) => c.x === 0 && c.y === 0)).toBe(true);
    deep.destroy();
    flat.destroy();
  });
});

describe('the scenes the shipped stories name', () => {
  const root = join(__dirname, '../../stories');
  const tags: { where: string; raw: string }[] = [];
  for (const story of readdirSync(root)) {
    const dir = join(root, story);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ink'))) {
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = /#\s*(scene:[^#]*)/i.exec(line);
          if (m?.[1]) tags.push({ where: `${story}/${file}:${i + 1}`, raw: m[1].trim() });
        });
    }
  }

  it('finds scene tags in the stories', () => {
    expect(tags.length).toBeGreaterThan(40);
  });

  it('names only scenes that exist, with parameters the renderer understands', () => {
    const problems = tags.flatMap(({ where, raw }) => {
      const d = parseTag(raw);
      if (d.kind !== 'backdrop' || d.backdrop.type !== 'scene') return [`${where}: ${raw}`];
      return sceneProblems(d.backdrop.name, d.backdrop.params).map((p) => `${where}: ${p}`);
    });
    expect(problems).toEqual([]);
  });
});
