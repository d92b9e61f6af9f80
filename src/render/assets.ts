// Image loading for backdrops and in-flow images: pixi Assets behind a small seam, plus the placeholder.
import type { Texture } from 'pixi.js';
import { Assets, Container, Graphics } from 'pixi.js';
import { warnOnce } from './warn.ts';

/** Loads a texture from a URL; swapped in tests, where jsdom cannot decode images. */
export type TextureLoader = (url: string) => Promise<Texture>;

export const loadWithAssets: TextureLoader = (url) => Assets.load<Texture>(url);

/**
 * Resolves an asset path and loads it. Resolves to null (after one warning) when the path is unknown
 * or the image cannot be loaded, so the caller shows the placeholder and play goes on.
 */
export async function loadAsset(
  path: string,
  resolveAsset: (path: string) => string | null,
  load: TextureLoader,
): Promise<Texture | null> {
  const url = resolveAsset(path);
  if (url === null) {
    warnOnce(`asset:${path}`, `asset "${path}" is not in the story folder; showing a placeholder.`);
    return null;
  }
  try {
    return await load(url);
  } catch (error) {
    warnOnce(
      `asset:${path}`,
      `asset "${path}" could not be loaded (${String(error)}); showing a placeholder.`,
    );
    return null;
  }
}

/** A striped panel that reads as "an image belongs here" without pretending to be one. */
export function drawPlaceholder(width: number, height: number, label = 'placeholder'): Container {
  const holder = new Container({ label });
  const g = new Graphics({ label: 'stripes' });
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  g.rect(0, 0, w, h).fill(0x24262e);
  const step = Math.max(16, Math.min(w, h) / 10);
  for (let x = -h; x < w; x += step) g.moveTo(x, h).lineTo(x + h, 0);
  g.stroke({ width: Math.max(2, step / 6), color: 0x3a3d48 });
  g.rect(0, 0, w, h).stroke({ width: 2, color: 0x50545f });
  // Stripes overshoot the panel; a mask keeps them inside.
  const mask = new Graphics().rect(0, 0, w, h).fill(0xffffff);
  holder.addChild(g, mask);
  g.mask = mask;
  return holder;
}
