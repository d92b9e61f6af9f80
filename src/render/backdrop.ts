// The backdrop layer: a named scene, a colour or an image, changed by a cut, fade, dip or wipe.
import type { Backdrop } from '../core/directives.ts';
import type { TransitionStyle } from '../core/scenes.ts';
import type { BackdropChange, PlayView } from '../core/view.ts';
import type { TextureLoader } from './assets.ts';
import { drawPlaceholder, loadAsset } from './assets.ts';
import type { Palette } from './theme.ts';
import type { SceneInstance } from './scenes.ts';
import type * as ScenesModule from './scenes.ts';
import { coverScale } from './layout.ts';
import { Color, Container, Graphics, Sprite } from 'pixi.js';
import { warnOnce } from './warn.ts';
import type { Quality } from './quality.ts';
import { QualityGovernor } from './quality.ts';

/**
 * The scene library is loaded on first use, off the critical path (DESIGN §8: the art may load
 * after the text): a scene asked for before it arrives shows the theme's plain background, then
 * appears.
 */
let scenes: typeof ScenesModule | null = null;
let scenesLoading: Promise<typeof ScenesModule> | null = null;
export function loadScenes(): Promise<typeof ScenesModule> {
  scenesLoading ??= import('./scenes.ts').then((m) => (scenes = m));
  return scenesLoading;
}

export const CROSSFADE_MS = 700;
/** A change of time or weather in the same place: a short fade. */
export const QUICK_FADE_MS = 350;
export const DIP_MS = 1000;
export const WIPE_MS = 800;

/** How a change is made and how long it takes (ms; 0 for a cut). */
export interface TransitionPlan {
  readonly style: TransitionStyle;
  readonly ms: number;
}

/**
 * The transition for a change from `from` to `to`: the author's `# transition:` when given, else
 * a dip to black at a chapter start, a short fade within the same place, and a fade otherwise.
 * The first backdrop and every change under reduced motion are cuts.
 */
export function chooseTransition(
  from: Backdrop | null | undefined,
  to: Backdrop | null,
  asked: TransitionStyle | null,
  chapter: boolean,
  reducedMotion: boolean,
): TransitionPlan {
  if (reducedMotion || from === undefined) return { style: 'cut', ms: 0 };
  const style: TransitionStyle = asked ?? (chapter ? 'dip' : 'fade');
  switch (style) {
    case 'cut':
      return { style, ms: 0 };
    case 'dip':
      return { style, ms: DIP_MS };
    case 'wipe':
      return { style, ms: WIPE_MS };
    case 'fade': {
      const samePlace =
        from?.type === 'scene' && to?.type === 'scene' && from.name === to.name && !asked;
      return { style, ms: samePlace ? QUICK_FADE_MS : CROSSFADE_MS };
    }
  }
}

/**
 * The backdrop change a reader has reached: the last tag on a line up to `reached` (the line being
 * revealed), or the last of all once the beat is read (`settled`). Views without the list of
 * changes fall back to the beat's backdrop.
 */
export function backdropReached(
  view: Pick<PlayView, 'backdrop' | 'backdropChanges'>,
  reached: number | null,
  settled: boolean,
): { backdrop: Backdrop | null; change: BackdropChange | null } {
  const changes = view.backdropChanges;
  if (!changes) return { backdrop: view.backdrop, change: null };
  // from the end: a long playthrough's list only grows, and the answer is nearly always its last
  let found: BackdropChange | null = null;
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (c && (settled || (reached !== null && c.lineId <= reached))) {
      found = c;
      break;
    }
  }
  return { backdrop: found?.backdrop ?? null, change: found };
}
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
  /** scenes drift in depth (false on the software canvas renderer, where each depth costs a frame) */
  readonly parallax?: boolean;
}

export function backdropKey(backdrop: Backdrop | null): string {
  if (backdrop === null) return 'none';
  switch (backdrop.type) {
    case 'scene': {
      const params = Object.entries(backdrop.params ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .sort();
      return params.length > 0
        ? `scene:${backdrop.name}?${params.join('&')}`
        : `scene:${backdrop.name}`;
    }
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
  /** the backdrop going away: above the new one (fade), or under it (wipe, dip) */
  private leaving: Layer | null = null;
  private plan: TransitionPlan | null = null;
  private since = 0;
  /** black drawn over the scenes during a dip */
  private readonly cover = new Graphics({ label: 'dip' });
  /** the growing window the new backdrop shows through during a wipe */
  private readonly wipeMask = new Graphics({ label: 'wipe-mask' });
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

  /** steps the scenes down to still pictures when frames run long (render/quality.ts) */
  private readonly governor = new QualityGovernor();

  constructor(private readonly deps: BackdropDeps) {
    this.reducedMotion = deps.reducedMotion;
    this.palette = deps.palette;
    this.cover.visible = false;
    this.wipeMask.visible = false;
    this.container.addChild(this.cover, this.wipeMask);
  }

  get key(): string | null {
    return this.current?.key ?? null;
  }

  /** The level the backdrop draws at: 'full', or 'still' once frames ran long (never back). */
  get quality(): Quality {
    return this.governor.level;
  }

  /** True while a transition is running. */
  get fading(): boolean {
    return this.plan !== null;
  }

  /** The transition running now, for tests and the stage's frame rate. */
  get transition(): TransitionStyle | null {
    return this.plan?.style ?? null;
  }

  /**
   * Shows `backdrop` (nothing when it is already shown). `plan` says how; without one, a plain
   * fade (a cut under reduced motion or for the first backdrop).
   */
  set(backdrop: Backdrop | null, now: number, plan?: TransitionPlan): void {
    const key = backdropKey(backdrop);
    if (this.current?.key === key) return;
    this.finishTransition();
    const how =
      this.reducedMotion || this.current === null
        ? { style: 'cut' as const, ms: 0 }
        : (plan ?? { style: 'fade' as const, ms: CROSSFADE_MS });
    const next = this.makeLayer(backdrop, key);
    next.draw(this.width, this.height);
    this.governor.restart();
    const old = this.current;
    this.current = next;
    if (old === null || how.ms <= 0) {
      this.container.addChildAt(next.container, 0);
      old?.destroy();
      return;
    }
    this.leaving = old;
    this.plan = how;
    this.since = now;
    switch (how.style) {
      case 'fade':
        // The old backdrop fades out as one flattened picture over the new one, fully opaque:
        // fading its layers one by one would let its sky show through its own buildings.
        this.container.addChildAt(next.container, 0);
        old.container.cacheAsTexture(true);
        break;
      case 'dip':
        // The new backdrop waits, hidden, until the screen is black.
        next.container.visible = false;
        this.container.addChildAt(next.container, 1);
        this.cover.clear().rect(0, 0, this.width, this.height).fill(0x000000);
        this.cover.alpha = 0;
        this.cover.visible = true;
        break;
      case 'wipe':
        this.container.addChildAt(next.container, 1);
        this.wipeMask.clear().rect(0, 0, this.width, this.height).fill(0xffffff);
        this.wipeMask.scale.x = 0;
        this.wipeMask.visible = true;
        next.container.mask = this.wipeMask;
        break;
      case 'cut':
        break;
    }
    this.tick(now);
  }

  resize(width: number, height: number): void {
    const w = Math.max(1, width);
    const h = Math.max(1, height);
    // Relayouts happen on every change of the option count; scenes only need redrawing on a new size.
    if (w === this.width && h === this.height) return;
    this.width = w;
    this.height = h;
    this.finishTransition();
    this.current?.draw(this.width, this.height);
    this.governor.restart();
  }

  setPalette(palette: Palette): void {
    this.palette = palette;
    if (this.current?.key === 'none') this.current.draw(this.width, this.height);
  }

  setReducedMotion(reduced: boolean): void {
    this.reducedMotion = reduced;
    this.current?.scene?.setReducedMotion(reduced);
    if (reduced) this.finishTransition();
  }

  tick(now: number): void {
    for (const free of this.retired) free();
    this.retired = this.retiring;
    this.retiring = [];
    // measured only while something of the backdrop moves: its ambient motion or a transition
    const scene = this.current?.scene ?? null;
    if (this.reducedMotion || (!this.plan && (scene === null || scene.still))) this.governor.skip();
    else if (this.governor.frame(now)) this.current?.scene?.setStill(true);
    scene?.tick(now);
    const plan = this.plan;
    if (!plan || !this.current) return;
    const k = Math.min(1, Math.max(0, (now - this.since) / plan.ms));
    // ease in and out, so a change starts and lands softly
    const e = k * k * (3 - 2 * k);
    switch (plan.style) {
      case 'fade':
        if (this.leaving) this.leaving.container.alpha = 1 - e;
        break;
      case 'dip':
        if (k < 0.5) {
          this.cover.alpha = Math.min(1, k * 2);
        } else {
          // black: the old scene goes, the new one comes up out of the dark
          if (this.leaving) {
            this.leaving.destroy();
            this.leaving = null;
          }
          this.current.container.visible = true;
          this.cover.alpha = Math.max(0, (1 - k) * 2);
        }
        break;
      case 'wipe':
        this.wipeMask.scale.x = e;
        break;
      case 'cut':
        break;
    }
    if (k >= 1) this.finishTransition();
  }

  destroy(): void {
    this.leaving?.destroy();
    this.current?.destroy();
    this.leaving = null;
    this.current = null;
    this.plan = null;
    this.container.destroy({ children: true });
    for (const free of [...this.retired, ...this.retiring]) free();
    this.retired = [];
    this.retiring = [];
  }

  private finishTransition(): void {
    this.leaving?.destroy();
    this.leaving = null;
    this.plan = null;
    this.cover.visible = false;
    this.wipeMask.visible = false;
    if (this.current) {
      this.current.container.visible = true;
      this.current.container.alpha = 1;
      this.current.container.mask = null;
    }
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
          layer.scene = null;
          container.removeChildren().forEach((c) => c.destroy());
          if (!scenes) {
            container.addChild(
              new Graphics({ label: 'plain' }).rect(0, 0, w, h).fill(this.palette.background),
            );
            void loadScenes().then(() => {
              if (container.destroyed) return;
              layer.draw(this.width, this.height);
              this.governor.restart();
            });
            return;
          }
          layer.scene = scenes.buildScene(backdrop.name, w, h, {
            reducedMotion: this.reducedMotion,
            parallax: this.deps.parallax ?? true,
            ...(backdrop.params ? { params: backdrop.params } : {}),
            retire: this.retire,
          });
          if (this.governor.level === 'still') layer.scene.setStill(true);
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
