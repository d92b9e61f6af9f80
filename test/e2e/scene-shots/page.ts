// One scene on a full-window pixi canvas, from the query (?scene=street&time=dawn&weather=rain&
// look=crt-1986&t=1234), for scene-shots.ts: it screenshots the scene and times its frames.
import 'pixi.js/unsafe-eval';
import { Application } from 'pixi.js';
import { buildScene } from '../../../src/render/scenes.ts';
import { defaultPreference } from '../../../src/render/stage.ts';
import { Grade } from '../../../src/render/grade.ts';
import { isLook, isTransition, parseSceneValue } from '../../../src/core/scenes.ts';
import { BackdropView, loadScenes } from '../../../src/render/backdrop.ts';
import { paletteFor } from '../../../src/render/theme.ts';

declare global {
  interface Window {
    sceneReady?: boolean;
    /** renders `frames` frames of the scene's motion; resolves to each frame's ms */
    timeFrames?: (frames: number) => number[];
  }
}

async function main(): Promise<void> {
  const q = new URLSearchParams(location.search);
  const app = new Application();
  await app.init({
    resizeTo: window,
    resolution: 1,
    antialias: true,
    preference: (q.get('renderer') as 'webgl' | 'canvas' | null) ?? defaultPreference(),
  });
  document.body.appendChild(app.canvas);
  app.ticker.stop();
  // ?scene=office&to=street%20time=night&transition=fade&at=0.5: a transition caught part-way
  const to = q.get('to');
  const style = q.get('transition') ?? 'fade';
  if (to && isTransition(style)) {
    await loadScenes();
    const view = new BackdropView({
      resolveAsset: () => null,
      load: () => Promise.reject(new Error('no images here')),
      reducedMotion: false,
      palette: paletteFor('dark'),
      parallax: app.renderer.name !== 'canvas',
    });
    app.stage.addChild(view.container);
    view.resize(app.screen.width, app.screen.height);
    view.set({ type: 'scene', ...parseSceneValue(q.get('scene') ?? 'office') }, 0);
    view.set({ type: 'scene', ...parseSceneValue(to) }, 1000, { style, ms: 1000 });
    view.tick(1000 + 1000 * Number(q.get('at') ?? '0.5'));
    app.render();
    window.sceneReady = true;
    return;
  }
  const params: Record<string, string> = {};
  for (const key of ['time', 'weather']) {
    const v = q.get(key);
    if (v) params[key] = v;
  }
  const scene = buildScene(q.get('scene') ?? 'void', app.screen.width, app.screen.height, {
    reducedMotion: false,
    params,
    // as the stage does: no depth drift on the software canvas renderer
    parallax: app.renderer.name !== 'canvas',
  });
  app.stage.addChild(scene.container);
  const look = q.get('look') ?? 'none';
  const grade = new Grade();
  app.stage.addChild(grade.container);
  if (isLook(look)) await grade.setLook(look, app.renderer, scene.container, false);
  grade.resize(app.screen.width, app.screen.height);
  const t0 = Number(q.get('t') ?? '4000');
  scene.tick(t0);
  grade.tick(t0);
  app.render();
  window.timeFrames = (frames) => {
    const out: number[] = [];
    for (let i = 0; i < frames; i++) {
      const start = performance.now();
      scene.tick(t0 + i * 16);
      grade.tick(t0 + i * 16);
      app.render();
      // a pixel read waits for the frame to be drawn, so the time is the draw, not the queue
      app.canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
      out.push(performance.now() - start);
    }
    return out;
  };
  window.sceneReady = true;
}

void main();
