// Drawn posters for stories without key art: a scene rendered off screen to an image for the home cards.
import type { Renderer } from 'pixi.js';
import { autoDetectRenderer, Container, FillGradient, Graphics, Rectangle } from 'pixi.js';
import { buildScene } from './scenes.ts';
import { defaultPreference } from './stage.ts';

export interface PosterRenderer {
  /**
   * A still of the named scene as a data URL (unknown names get the neutral backdrop). Results are
   * cached per scene and size, so re-rendering the home screen costs nothing.
   */
  render(sceneName: string, width: number, height: number): Promise<string>;
  /** releases the off-screen renderer and its context; the home screen calls it when it unmounts */
  destroy(): void;
}

export interface PosterOptions {
  readonly preference?: 'webgl' | 'webgpu' | 'canvas';
  /** pixel density of the images (e.g. devicePixelRatio, capped by the caller) */
  readonly resolution?: number;
}

/**
 * One off-screen renderer for every poster on the home screen (browsers cap the number of live
 * WebGL contexts, so a card per context would not scale). Rejects when no renderer can start;
 * the home cards then fall back to their CSS placeholder.
 */
export async function createPosterRenderer(options: PosterOptions = {}): Promise<PosterRenderer> {
  let renderer: Renderer | null;
  try {
    renderer = await autoDetectRenderer({
      width: 8,
      height: 8,
      preference: options.preference ?? defaultPreference(),
      backgroundAlpha: 0,
      antialias: true,
    });
  } catch (error) {
    throw new Error(`inkreel: posters cannot be drawn here (${String(error)}).`, { cause: error });
  }
  const resolution = options.resolution ?? 1;
  const cache = new Map<string, Promise<string>>();
  // Renders run one at a time: the renderer has a single target.
  let queue: Promise<unknown> = Promise.resolve();
  // Gradient textures stay bound until the next render, so each poster frees the previous one's.
  let retired: (() => void)[] = [];
  const retire = (free: () => void): void => {
    retired.push(free);
  };
  const flush = (): void => {
    const frees = retired;
    retired = [];
    frees.forEach((free) => free());
  };

  const draw = async (sceneName: string, w: number, h: number): Promise<string> => {
    const r = renderer;
    if (!r) throw new Error('inkreel: the poster renderer was destroyed.');
    const width = Math.max(1, Math.round(w));
    const height = Math.max(1, Math.round(h));
    // What earlier posters left is freed once this one has rendered; this one's waits for the next.
    const previous = retired;
    retired = [];
    const root = new Container({ label: 'poster' });
    const scene = buildScene(sceneName, width, height, { reducedMotion: true, retire });
    root.addChild(scene.container);
    // A vignette at the foot of the card, where the DOM lays the title over the art.
    const shade = new FillGradient({
      type: 'linear',
      start: { x: 0, y: 0 },
      end: { x: 0, y: 1 },
      colorStops: [
        { offset: 0, color: 'rgba(0,0,0,0)' },
        { offset: 0.55, color: 'rgba(0,0,0,0)' },
        { offset: 1, color: 'rgba(0,0,0,0.6)' },
      ],
      textureSpace: 'local',
    });
    root.addChild(new Graphics({ label: 'vignette' }).rect(0, 0, width, height).fill(shade));
    retire(() => shade.destroy());
    try {
      return await r.extract.base64({
        target: root,
        frame: new Rectangle(0, 0, width, height),
        resolution,
        format: 'png',
      });
    } finally {
      scene.destroy();
      root.destroy({ children: true });
      previous.forEach((free) => free());
    }
  };

  return {
    render(sceneName, width, height) {
      const key = `${sceneName.trim().toLowerCase()}@${Math.round(width)}x${Math.round(height)}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const job = queue.then(() => draw(sceneName, width, height));
      queue = job.catch(() => undefined);
      cache.set(key, job);
      // A failed render is not remembered, so a later call can try again.
      job.catch(() => cache.delete(key));
      return job;
    },
    destroy() {
      renderer?.destroy();
      renderer = null;
      flush();
      cache.clear();
    },
  };
}
