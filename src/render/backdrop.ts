// The backdrop layer: a named scene, a colour or an image, cross-faded (or cut) when it changes.
import type { Backdrop } from '../core/directives.ts';
import type { TextureLoader } from './assets.ts';
import { drawPlaceholder, loadAsset } from './assets.ts';
import type { Palette } from './theme.ts';
import type { SceneInstance } from './scenes.ts';
import { buildScene } from './scenes.ts';
import { coverScale } from './layout.ts';
import { Color, Container, Graphics, Sprite } from 'pixi.js';
import { warnOnce } from './warn.ts';

export const CROSSFADE_MS = 700;

interface Layer {
  readonly key: string;
  readonly container: Container;
  scene: SceneInstance | null;
  draw(w: number, h: number): void;
  destroy(): void;
}

export interface BackdropDeps {
  readonly resolveAsset: (path: string) => string | null;
  readonly load: TextureLoader;
  readonly reducedMotion: boolean;
  readonly palette: Palette;
}

export function backdropKey(backdrop: Backdrop | null): string {
  if (backdrop === null) return 'none';
  switch (backdrop.type) {
    case 'scene':
      return `scene:${backdrop.name}`;
    case 'asset':
      return `asset:${backdrop.path}`;
    case 'color':
      return `color:${backdrop.color}`;
  }
}

function parseColor(value: string): number | null {
  try {
    return Color.isColorLike(value) ? new Color(value).toNumber() : null;
  } catch {
    return null;
  }
}

export class BackdropView {
  readonly container = new Container({ label: 'backdrop' });
  private current: Layer | null = null;
  private leaving: Layer | null = null;
  private fadeStart = 0;
  private width = 1;
  private height = 1;
  private reducedMotion: boolean;
  private palette: Palette;
  // Textures freed only after a frame has rendered without them (see SceneOptions.retire).
  private retiring: (() => void)[] = [];
  private retired: (() => void)[] = [];
  private readonly retire = (free: () => void): void => {
    this.retiring.push(free);
  };

  constructor(private readonly deps: BackdropDeps) {
    this.reducedMotion = deps.reducedMotion;
    this.palette = deps.palette;
  }

  get key(): string | null {
    return this.current?.key ?? null;
  }

  /** True while an old backdrop is still fading out. */
  get fading(): boolean {
    return this.leaving !== null;
  }

  set(backdrop: Backdrop | null, now: number): void {
    const key = backdropKey(backdrop);
    if (this.current?.key === key) return;
    this.leaving?.destroy();
    this.leaving = null;
    const next = this.makeLayer(backdrop, key);
    next.draw(this.width, this.height);
    this.container.addChild(next.container);
    if (this.current && !this.reducedMotion) {
      this.leaving = this.current;
      this.fadeStart = now;
      next.container.alpha = 0;
    } else {
      this.current?.destroy();
    }
    this.current = next;
  }

  resize(width: number, height: number): void {
    const w = Math.max(1, width);
    const h = Math.max(1, height);
    // Relayouts happen on every change of the option count; scenes only need redrawing on a new size.
    if (w === this.width && h === this.height) return;
    this.width = w;
    this.height = h;
    this.current?.draw(this.width, this.height);
    this.leaving?.draw(this.width, this.height);
  }

  setPalette(palette: Palette): void {
    this.palette = palette;
    if (this.current?.key === 'none') this.current.draw(this.width, this.height);
  }

  setReducedMotion(reduced: boolean): void {
    this.reducedMotion = reduced;
    this.current?.scene?.setReducedMotion(reduced);
    if (reduced) this.finishFade();
  }

  tick(now: number): void {
    for (const free of this.retired) free();
    this.retired = this.retiring;
    this.retiring = [];
    this.current?.scene?.tick(now);
    if (this.leaving && this.current) {
      const k = (now - this.fadeStart) / CROSSFADE_MS;
      if (k >= 1) this.finishFade();
      else this.current.container.alpha = Math.max(0, k);
    }
  }

  destroy(): void {
    this.leaving?.destroy();
    this.current?.destroy();
    this.leaving = null;
    this.current = null;
    this.container.destroy({ children: true });
    for (const free of [...this.retired, ...this.retiring]) free();
    this.retired = [];
    this.retiring = [];
  }

  private finishFade(): void {
    this.leaving?.destroy();
    this.leaving = null;
    if (this.current) this.current.container.alpha = 1;
  }

  private makeLayer(backdrop: Backdrop | null, key: string): Layer {
    const container = new Container({ label: `backdrop:${key}` });
    const layer: Layer = {
      key,
      container,
      scene: null,
      draw: () => undefined,
      destroy: () => {
        layer.scene?.destroy();
        container.destroy({ children: true });
      },
    };
    if (backdrop === null) {
      layer.draw = (w, h) => {
        container.removeChildren().forEach((c) => c.destroy());
        container.addChild(
          new Graphics({ label: 'plain' }).rect(0, 0, w, h).fill(this.palette.background),
        );
      };
      return layer;
    }
    switch (backdrop.type) {
      case 'scene':
        layer.draw = (w, h) => {
          layer.scene?.destroy();
          layer.scene = buildScene(backdrop.name, w, h, {
            reducedMotion: this.reducedMotion,
            retire: this.retire,
          });
          container.addChild(layer.scene.container);
        };
        return layer;
      case 'color': {
        let color = parseColor(backdrop.color);
        if (color === null) {
          warnOnce(
            `color:${backdrop.color}`,
            `"${backdrop.color}" is not a colour; using the theme's background.`,
          );
          color = this.palette.background;
        }
        const fill = color;
        layer.draw = (w, h) => {
          container.removeChildren().forEach((c) => c.destroy());
          container.addChild(new Graphics({ label: 'color' }).rect(0, 0, w, h).fill(fill));
        };
        return layer;
      }
      case 'asset': {
        const sprite = new Sprite({ label: 'image' });
        let placeholder: Container | null = null;
        let state: 'loading' | 'ready' | 'missing' = 'loading';
        container.addChild(sprite);
        layer.draw = (w, h) => {
          placeholder?.destroy();
          placeholder = null;
          if (state === 'missing') {
            placeholder = drawPlaceholder(w, h);
            container.addChild(placeholder);
          }
          if (state === 'ready') {
            const s = coverScale(sprite.texture.width, sprite.texture.height, w, h);
            sprite.scale.set(s);
            sprite.position.set(
              (w - sprite.texture.width * s) / 2,
              (h - sprite.texture.height * s) / 2,
            );
          }
        };
        void loadAsset(backdrop.path, this.deps.resolveAsset, this.deps.load).then((texture) => {
          if (container.destroyed) return;
          if (texture) {
            sprite.texture = texture;
            state = 'ready';
          } else {
            state = 'missing';
          }
          layer.draw(this.width, this.height);
        });
        return layer;
      }
    }
  }
}
