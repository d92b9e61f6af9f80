// A story's look (`# look: crt-1986`): a colour grade over the backdrop, under the text, so the
// words stay crisp. Drawn overlays (tint, scanlines, vignette) work on every renderer; on WebGL
// the pixi-filters grade (a curved, glowing CRT; a colour adjustment) is loaded on first use, off
// the critical path, and layered on the backdrop itself. Nothing flickers under reduced motion.
import type { Filter, Renderer } from 'pixi.js';
import { Container, FillGradient, Graphics } from 'pixi.js';
import type { LookName } from '../core/scenes.ts';
import type * as PixiFilters from 'pixi-filters';

interface Overlay {
  /** a colour laid over everything: the grade's cast */
  readonly tint: number;
  readonly tintAlpha: number;
  /** how dark the corners get (0: no vignette) */
  readonly vignette: number;
  /** dark lines every few pixels, like a 1980s television (alpha; 0: none) */
  readonly scanlines: number;
  /** a wash of light over the top, for a sun-bleached look (alpha; 0: none) */
  readonly haze: number;
}

const OVERLAYS: Record<Exclude<LookName, 'none'>, Overlay> = {
  'crt-1986': { tint: 0x3aff9a, tintAlpha: 0.04, vignette: 0.45, scanlines: 0.13, haze: 0 },
  sodium: { tint: 0xff8a2a, tintAlpha: 0.09, vignette: 0.35, scanlines: 0, haze: 0 },
  seaside: { tint: 0x9ad8e0, tintAlpha: 0.08, vignette: 0.2, scanlines: 0, haze: 0.12 },
};

/** The pixi-filters module, loaded once when a story with a look plays on WebGL. */
type FiltersModule = typeof PixiFilters;
let filtersModule: Promise<FiltersModule> | null = null;
function loadFilters(): Promise<FiltersModule> {
  filtersModule ??= import('pixi-filters');
  return filtersModule;
}

/** Whether this renderer runs filters: pixi's 2D canvas renderer draws without them. */
export function rendererRunsFilters(renderer: Pick<Renderer, 'name'>): boolean {
  return renderer.name === 'webgl' || renderer.name === 'webgpu';
}

export class Grade {
  readonly container = new Container({ label: 'grade' });
  private look: LookName = 'none';
  private width = 1;
  private height = 1;
  private target: Container | null = null;
  private filters: Filter[] = [];
  private crt: { time: number; seed: number; noise: number } | null = null;
  private reducedMotion = false;
  private gradient: FillGradient | null = null;

  get name(): LookName {
    return this.look;
  }

  /**
   * Grades `target` (the backdrop) with `look`. Resolves once the filters (if any) are on;
   * the overlays are drawn at once.
   */
  async setLook(
    look: LookName,
    renderer: Pick<Renderer, 'name'>,
    target: Container,
    reducedMotion: boolean,
  ): Promise<void> {
    this.clearFilters();
    this.look = look;
    this.target = target;
    this.reducedMotion = reducedMotion;
    this.draw();
    if (look === 'none' || !rendererRunsFilters(renderer)) return;
    let made: Filter[];
    try {
      made = this.makeFilters(look, await loadFilters());
    } catch {
      // the overlays alone still give the look
      return;
    }
    if (this.look !== look || this.target !== target || target.destroyed) return;
    this.filters = made;
    target.filters = made;
  }

  resize(width: number, height: number): void {
    const w = Math.max(1, width);
    const h = Math.max(1, height);
    if (w === this.width && h === this.height) return;
    this.width = w;
    this.height = h;
    this.draw();
  }

  setReducedMotion(reduced: boolean): void {
    this.reducedMotion = reduced;
    if (reduced && this.crt) this.crt.noise = 0;
  }

  /** The CRT's slow noise drift; still under reduced motion. */
  tick(now: number): void {
    if (!this.crt || this.reducedMotion) return;
    this.crt.time = now / 1000;
    this.crt.seed = (Math.floor(now / 90) % 97) / 97;
  }

  destroy(): void {
    this.clearFilters();
    this.gradient?.destroy();
    this.gradient = null;
    this.container.destroy({ children: true });
  }

  private makeFilters(look: Exclude<LookName, 'none'>, f: FiltersModule): Filter[] {
    switch (look) {
      case 'crt-1986': {
        const crt = new f.CRTFilter({
          curvature: 2,
          // the drawn scanlines stay; the filter adds the curve, the noise and its own vignette
          lineWidth: 0,
          lineContrast: 0,
          noise: this.reducedMotion ? 0 : 0.05,
          noiseSize: 1.5,
          vignetting: 0,
        });
        this.crt = crt;
        return [
          new f.AdjustmentFilter({ saturation: 0.8, contrast: 1.08, gamma: 1.05, green: 1.04 }),
          new f.AdvancedBloomFilter({ threshold: 0.55, bloomScale: 0.7, brightness: 1, blur: 4 }),
          crt,
        ];
      }
      case 'sodium':
        return [new f.AdjustmentFilter({ saturation: 0.75, red: 1.06, blue: 0.9, contrast: 1.05 })];
      case 'seaside':
        return [new f.AdjustmentFilter({ saturation: 0.7, brightness: 1.04, contrast: 0.92 })];
    }
  }

  private clearFilters(): void {
    if (this.target && !this.target.destroyed && this.filters.length > 0) this.target.filters = [];
    for (const f of this.filters) f.destroy();
    this.filters = [];
    this.crt = null;
  }

  private draw(): void {
    for (const child of this.container.removeChildren()) child.destroy();
    this.gradient?.destroy();
    this.gradient = null;
    if (this.look === 'none') return;
    const o = OVERLAYS[this.look];
    const { width: w, height: h } = this;
    const g = new Graphics({ label: `look:${this.look}` });
    g.rect(0, 0, w, h).fill({ color: o.tint, alpha: o.tintAlpha });
    if (o.haze > 0) g.rect(0, 0, w, h).fill({ color: 0xffffff, alpha: o.haze });
    if (o.scanlines > 0) {
      // one line every 3 px at 720 tall, scaled with the screen so 4K keeps the same look
      const pitch = Math.max(2, Math.round((h / 720) * 3));
      for (let y = 0; y < h; y += pitch) g.rect(0, y, w, Math.max(1, pitch / 3));
      g.fill({ color: 0x000000, alpha: o.scanlines });
    }
    if (o.vignette > 0) {
      this.gradient = new FillGradient({
        type: 'radial',
        center: { x: 0.5, y: 0.5 },
        innerRadius: 0,
        outerCenter: { x: 0.5, y: 0.5 },
        outerRadius: 0.75,
        colorStops: [
          { offset: 0, color: 'rgba(0,0,0,0)' },
          { offset: 0.6, color: 'rgba(0,0,0,0)' },
          { offset: 1, color: `rgba(0,0,0,${o.vignette})` },
        ],
        textureSpace: 'local',
      });
      g.rect(0, 0, w, h).fill(this.gradient);
    }
    this.container.addChild(g);
    // drawn once, shown as one picture: on the canvas renderer a frame is then one image draw
    if (this.container.isCachedAsTexture) this.container.updateCacheTexture();
    else this.container.cacheAsTexture(true);
  }
}
