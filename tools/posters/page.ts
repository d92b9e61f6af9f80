// The page `npm run posters` opens in headless Chromium: it draws one poster with pixi at the
// largest density, then scales it down for the others, and hands each back as a WebP data URL.
import '@fontsource/fraunces/latin-600.css';
import '@fontsource/fraunces/latin-700.css';
import { autoDetectRenderer } from 'pixi.js';
import { composePoster, type PosterSpec } from '../../src/render/poster-art.ts';

export interface PosterJob {
  readonly spec: PosterSpec;
  /** 1× size in CSS pixels */
  readonly width: number;
  readonly height: number;
  readonly densities: readonly number[];
  readonly quality: number;
}

async function render(job: PosterJob): Promise<string[]> {
  await document.fonts.load('700 64px Fraunces');
  await document.fonts.load('600 16px Fraunces');
  const top = Math.max(...job.densities);
  const w = Math.round(job.width * top);
  const h = Math.round(job.height * top);
  const renderer = await autoDetectRenderer({
    preference: 'webgl',
    width: w,
    height: h,
    antialias: true,
    background: 0x000000,
    preserveDrawingBuffer: true,
  });
  const art = composePoster(job.spec, w, h);
  renderer.render(art.container);
  const full = document.createElement('canvas');
  full.width = w;
  full.height = h;
  full.getContext('2d')?.drawImage(renderer.canvas, 0, 0);
  art.destroy();
  renderer.destroy();
  return job.densities.map((d) => {
    const out = document.createElement('canvas');
    out.width = Math.round(job.width * d);
    out.height = Math.round(job.height * d);
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('no 2D context');
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(full, 0, 0, out.width, out.height);
    return out.toDataURL('image/webp', job.quality);
  });
}

declare global {
  interface Window {
    renderPoster: (job: PosterJob) => Promise<string[]>;
  }
}
window.renderPoster = render;
document.body.dataset.ready = 'true';
