// The pixi stage of the play view: owns the Application and applies PlayView updates to its layers.
// pixi generates shader sync code with `new Function` unless this module is loaded; the CSP forbids eval.
import 'pixi.js/unsafe-eval';
import { Application, Container, Rectangle, UPDATE_PRIORITY } from 'pixi.js';
import type { PlayView, RevealReport } from '../core/view.ts';
import type { TextureLoader } from './assets.ts';
import { loadAsset, loadWithAssets } from './assets.ts';
import type { Backdrop } from '../core/directives.ts';
import {
  BackdropView,
  backdropKey,
  backdropReached,
  chooseTransition,
  loadScenes,
} from './backdrop.ts';
import type { PickInput } from './choices.ts';
import { acceptsPicks, buildChoices, moveChoices, settleChoices, TimerBar } from './choices.ts';
import { afterNextFrame } from './after-frame.ts';
import type { PlayLayout, Rect } from './layout.ts';
import { computeLayout } from './layout.ts';
import { TextView } from './text.ts';
import type { TextSpeed } from '../core/settings.ts';
import type { ThemeName } from './theme.ts';
import type { LookName } from '../core/scenes.ts';
import { Grade } from './grade.ts';
import { paletteFor } from './theme.ts';
import { whenFontsArrive } from './fonts.ts';

export interface StageOptions {
  /** story asset path → URL, or null when the story has no such asset */
  readonly resolveAsset: (path: string) => string | null;
  /** the same clock the player machine uses, so the bar agrees with the machine's window */
  readonly now: () => number;
  readonly onPick: (index: number, input: PickInput) => void;
  /**
   * Where the cards are whenever they move, in CSS px relative to the host (one per option, in
   * option order), or null when none are shown: the DOM mirror lays its focusable buttons over them.
   */
  readonly onChoiceRects?: (rects: readonly Rect[] | null) => void;
  /**
   * Where the reading of the text stands, whenever it changes: the mirror follows it (aria-busy,
   * the continue cue) and reports a fully read beat to the player (REVEALED).
   */
  readonly onReveal?: (report: RevealReport) => void;
  /** a tap on the stage with no text left to reveal or page to turn (continue past the last beat) */
  readonly onContinue?: () => void;
  readonly reducedMotion: boolean;
  readonly textSpeed?: TextSpeed;
  readonly theme: ThemeName;
  /** the story's `look`: a colour grade over the backdrop, under the text (none by default) */
  readonly look?: LookName | null;
  /** renderer order; defaults to WebGL first with pixi's own fallbacks */
  readonly preference?: 'webgl' | 'webgpu' | 'canvas';
  /** seam for tests: how image URLs become textures (default: pixi Assets) */
  readonly loadTexture?: TextureLoader;
  /**
   * seam for tests: runs work after the next frame has been drawn (default afterNextFrame); the
   * next beat is laid out there during a pick's hold, never in the frame that confirms the pick
   */
  readonly afterFrame?: (fn: () => void) => void;
}

export interface Stage {
  update(view: PlayView): void;
  /** loads (and caches) the textures of these asset paths; never rejects */
  preload(paths: readonly string[]): Promise<void>;
  setTheme(theme: ThemeName): void;
  setReducedMotion(reduced: boolean): void;
  setTextSpeed(speed: TextSpeed): void;
  /** shows all text still revealing; true when there was some (a key press should stop there) */
  completeReveal(): boolean;
  /** the player's continue: finishes the reveal or turns the page; false when there was neither */
  advance(): boolean;
  /** releases the WebGL context, removes the canvas and every listener */
  destroy(): void;
  readonly canvas: HTMLCanvasElement;
  /** the root container, for structure tests and screenshots */
  readonly root: Container;
  /**
   * True while the view's upcoming beat (PlayView.upcoming, known while a picked card holds) is
   * laid out off-screen, so the hold's end only swaps it in.
   */
  readonly nextBeatPrepared: boolean;
  /** true while nothing moves and the stage draws at its low idle frame rate */
  readonly idle: boolean;
  /** runs one frame's worth of animation at the stage clock's time (the ticker does this itself) */
  step(): void;
  /**
   * Calls `begin(frameStart)` at the start of the stage's next frame, before the frame's animation
   * and drawing, so that a view applied from it is drawn in that frame (false once destroyed:
   * there will be no frame).
   */
  beforeNextDraw(begin: (frameStart: number) => void): boolean;
}

/** Frame rate while nothing on the canvas moves. */
const IDLE_FPS = 8;

/** What the cards are built from; a new phase or pick restyles the same cards in place. */
function decisionKey(view: PlayView): string {
  const d = view.decision;
  if (!d) return 'none';
  return `${d.id}|${d.turn}|${d.windowMs === null ? 'untimed' : 'timed'}|${d.options.map((o) => `${o.index}:${o.isDefault ? '*' : ''}${o.text}`).join('\u0000')}`;
}

/** The upcoming beat a view asks the stage to lay out ahead, or '' for none. */
function upcomingKey(view: PlayView | null): string {
  const u = view?.upcoming;
  if (!u) return '';
  return `${u.upcomingOptions}|${u.lines.map((l) => l.id).join(',')}`;
}

/** The cards the layout makes room for: those on screen, or those about to rise after the beat. */
function optionCount(view: PlayView | null): number {
  const d = view?.decision;
  return d ? d.options.length : (view?.upcomingOptions ?? 0);
}

/**
 * WebGL when the GPU draws it; pixi's 2D canvas renderer when WebGL is a software rasteriser
 * (SwiftShader, llvmpipe): there a full-screen scene costs hundreds of ms a frame, the canvas ~16.
 */
export function defaultPreference(): 'webgl' | 'canvas' {
  try {
    const probe = document.createElement('canvas');
    const gl = probe.getContext('webgl2') ?? probe.getContext('webgl');
    if (!gl) return 'canvas';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
    );
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software|basic render/i.test(renderer) ? 'canvas' : 'webgl';
  } catch {
    return 'canvas';
  }
}

export async function createStage(host: HTMLElement, options: StageOptions): Promise<Stage> {
  // the scene library loads beside the renderer, not before it
  void loadScenes();
  const app = new Application();
  let palette = paletteFor(options.theme);
  try {
    await app.init({
      resizeTo: host,
      resolution:
        typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1,
      autoDensity: true,
      antialias: true,
      preference: options.preference ?? defaultPreference(),
      background: palette.background,
    });
  } catch (error) {
    try {
      app.destroy(true);
    } catch {
      // init failed half-way; there is nothing more to release
    }
    throw new Error(
      `inkreel: the canvas renderer could not start (${String(error)}); use the text-only view.`,
      {
        cause: error,
      },
    );
  }

  const canvas = app.canvas;
  canvas.setAttribute('aria-hidden', 'true');
  canvas.setAttribute('data-inkreel', 'stage');
  // Which palette is drawn, for browser tests and for anyone inspecting the page.
  canvas.dataset.theme = options.theme;
  canvas.style.display = 'block';
  host.appendChild(canvas);

  const load = options.loadTexture ?? loadWithAssets;
  let reducedMotion = options.reducedMotion;
  const backdrop = new BackdropView({
    resolveAsset: options.resolveAsset,
    load,
    reducedMotion,
    palette,
    // a GPU composites the depths for free; the 2D canvas renderer pays a whole screen for each
    parallax: app.renderer.name !== 'canvas',
  });
  const text = new TextView(
    { resolveAsset: options.resolveAsset, load },
    reducedMotion,
    options.textSpeed ?? 'normal',
  );
  const timer = new TimerBar();
  let choices = new Container({ label: 'choices' });
  const root = app.stage;
  root.label = 'stage';
  // the look grades the backdrop only: the scrim and the text above it stay crisp
  const grade = new Grade();
  root.addChild(
    backdrop.container,
    grade.container,
    text.scrim,
    text.container,
    timer.container,
    choices,
  );
  if (options.look && options.look !== 'none') {
    grade.resize(app.screen.width, app.screen.height);
    void grade.setLook(options.look, app.renderer, backdrop.container, reducedMotion);
  }

  let view: PlayView | null = null;
  let layout: PlayLayout = computeLayout(app.screen.width, app.screen.height, 0);
  let lastDecisionKey = '';
  // when the decision's current phase began on the stage clock, for the cards' motion
  let phaseSince = 0;
  let phaseKey = '';
  let cardsMoving = false;
  let lastReport = '';
  // the backdrop on screen (undefined before the first): a change takes effect on its own line
  let shownBackdrop: Backdrop | null | undefined;
  const syncBackdrop = (now: number): void => {
    if (!view) return;
    const settled = !text.revealing && !text.report.more;
    const { backdrop: next, change } = backdropReached(view, text.reachedThrough, settled);
    if (shownBackdrop !== undefined && backdropKey(next) === backdrop.key) return;
    const plan = chooseTransition(
      shownBackdrop,
      next,
      change?.transition ?? null,
      change?.chapter ?? false,
      reducedMotion,
    );
    backdrop.set(next, now, plan);
    shownBackdrop = next;
  };
  const report = (): void => {
    const r = text.report;
    const key = `${r.busy}|${r.through}|${r.more}|${r.pageChars}`;
    if (key === lastReport) return;
    lastReport = key;
    options.onReveal?.(r);
  };

  const rebuildChoices = (): void => {
    choices.destroy({ children: true });
    const decision = view?.decision ?? null;
    choices = buildChoices(decision, layout, palette, { onPick: options.onPick });
    root.addChild(choices);
    cardsMoving = moveChoices(choices, decision, layout, options.now() - phaseSince, reducedMotion);
    const shown = decision !== null && decision.options.length > 0;
    options.onChoiceRects?.(shown ? layout.choices.cards.slice(0, decision.options.length) : null);
  };

  // The next beat, laid out ahead while a picked card holds (PlayView.upcoming): `asked` is the
  // upcoming beat of the last view, `prepared` what has been laid out (the layout it was laid out
  // for is the one the stage takes when the beat arrives, so the text sees the same layout).
  let asked = '';
  let prepared: {
    readonly key: string;
    readonly layout: PlayLayout;
    readonly count: number;
  } | null = null;
  const afterFrame = options.afterFrame ?? afterNextFrame;
  const layoutFor = (count: number): PlayLayout => {
    const w = app.screen.width;
    const h = app.screen.height;
    const ahead = prepared?.layout;
    if (ahead && ahead.width === w && ahead.height === h && prepared?.count === count) return ahead;
    return computeLayout(w, h, count);
  };
  const prepareNow = (key: string): void => {
    const upcoming = view?.upcoming;
    if (destroyed || !upcoming || key !== asked || upcomingKey(view) !== key) return;
    // the layout the stage will have once the beat replaces the cards
    const next =
      upcoming.upcomingOptions === optionCount(view)
        ? layout
        : computeLayout(app.screen.width, app.screen.height, upcoming.upcomingOptions);
    text.prepare(upcoming.lines, view?.readThrough ?? 0, next);
    prepared = { key, layout: next, count: upcoming.upcomingOptions };
  };
  /** Asks for the view's upcoming beat to be laid out, after the frame that shows the pick. */
  const askPrepare = (force = false): void => {
    const key = upcomingKey(view);
    if (key === asked && !force) return;
    asked = key;
    prepared = null;
    if (key !== '') afterFrame(() => prepareNow(key));
  };

  const relayout = (): void => {
    const w = app.screen.width;
    const h = app.screen.height;
    layout = computeLayout(w, h, optionCount(view));
    root.hitArea = new Rectangle(0, 0, w, h);
    backdrop.resize(w, h);
    grade.resize(w, h);
    text.setLayout(layout, palette);
    rebuildChoices();
    // a beat laid out ahead for the old size, palette or typeface is laid out again
    if (asked !== '') askPrepare(true);
  };

  // Taps outside the cards finish the reveal, the way a click skips ahead in a visual novel.
  root.eventMode = 'static';
  const onBackgroundTap = (): void => {
    if (!text.advance(options.now())) options.onContinue?.();
    report();
  };
  root.on('pointertap', onBackgroundTap);

  const onResize = (): void => relayout();
  app.renderer.on('resize', onResize);
  // pixi's resizeTo listens to the window only; a host that changes size on its own needs this.
  const observer =
    typeof ResizeObserver === 'function' ? new ResizeObserver(() => app.resize()) : null;
  observer?.observe(host);

  const frame = (): void => {
    const now = options.now();
    text.tick(now);
    syncBackdrop(now);
    backdrop.tick(now);
    grade.tick(now);
    report();
    timer.draw(view?.decision ?? null, layout, palette, now, reducedMotion);
    if (cardsMoving)
      cardsMoving = moveChoices(
        choices,
        view?.decision ?? null,
        layout,
        now - phaseSince,
        reducedMotion,
      );
    // A still screen (reduced motion, nothing revealing, fading or counting down) needs few frames;
    // a low rate still picks up late-loading images without a wake-up path for each of them.
    const d = view?.decision;
    const moving =
      !reducedMotion ||
      text.revealing ||
      cardsMoving ||
      backdrop.fading ||
      (d !== null && d !== undefined && d.runningSince !== null && acceptsPicks(d));
    app.ticker.maxFPS = moving ? 0 : IDLE_FPS;
    // Browser tests read whether text is still revealing (reduced motion, Enter to skip) here.
    const revealing = text.revealing ? 'true' : 'false';
    if (canvas.dataset.revealing !== revealing) canvas.dataset.revealing = revealing;
    // the backdrop's level (render/quality.ts), for tests and the bench
    if (canvas.dataset.quality !== backdrop.quality) canvas.dataset.quality = backdrop.quality;
  };
  app.ticker.add(frame);
  relayout();

  let destroyed = false;
  // The first beat never waits for the typeface: it draws in the fallback and is laid out again
  // (same lines, same page, no replayed reveal) once the font has arrived.
  void whenFontsArrive().then((arrived) => {
    if (!arrived || destroyed) return;
    app.ticker.maxFPS = 0;
    relayout();
  });
  const stage: Stage = {
    canvas,
    root,
    get nextBeatPrepared() {
      const upcoming = view?.upcoming;
      return (
        !destroyed &&
        upcoming !== null &&
        upcoming !== undefined &&
        prepared !== null &&
        prepared.key === upcomingKey(view) &&
        text.isPrepared(upcoming.lines, prepared.layout)
      );
    },
    get idle() {
      return !destroyed && app.ticker.maxFPS === IDLE_FPS;
    },
    step() {
      if (!destroyed) frame();
    },
    beforeNextDraw(begin) {
      if (destroyed) return false;
      // at the full rate, so the next tick is not one the idle rate skips
      app.ticker.maxFPS = 0;
      // pixi's ticker calls its listeners by priority, drawing (the application's render, LOW)
      // after the stage's frame (NORMAL): a HIGH listener runs first in the tick
      // (the ticker moves `lastTime` to this frame's time only after its listeners)
      app.ticker.addOnce(
        (ticker) => begin(ticker.lastTime + ticker.elapsedMS),
        null,
        UPDATE_PRIORITY.HIGH,
      );
      return true;
    },
    update(next) {
      if (destroyed) return;
      const prev = view;
      view = next;
      // Draw the change on the very next frame, whatever the idle rate was.
      app.ticker.maxFPS = 0;
      const now = options.now();
      // A new count of cards lays the screen out again: with the layout the beat was laid out
      // for ahead, when it was, so the text only swaps in the page made during the hold.
      const recount = optionCount(prev) !== optionCount(next);
      if (recount) layout = layoutFor(optionCount(next));
      text.show(next.lines, now, next.readThrough, layout, palette);
      syncBackdrop(now);
      const d = next.decision;
      const nextPhase = d ? `${d.id}|${d.turn}|${d.phase}` : '';
      const newPhase = nextPhase !== phaseKey;
      if (newPhase) {
        phaseKey = nextPhase;
        phaseSince = now;
      }
      const key = decisionKey(next);
      if (recount || key !== lastDecisionKey) {
        lastDecisionKey = key;
        rebuildChoices();
      } else if (newPhase && d) {
        // a pick (or the window opening) restyles the cards on screen: nothing is rebuilt
        settleChoices(choices, d, layout, palette);
        cardsMoving = moveChoices(choices, d, layout, now - phaseSince, reducedMotion);
      }
      timer.draw(next.decision, layout, palette, now, reducedMotion);
      report();
      askPrepare();
    },
    async preload(paths) {
      const unique = [...new Set(paths)];
      await Promise.all(unique.map((p) => loadAsset(p, options.resolveAsset, load)));
    },
    setTheme(theme) {
      if (destroyed) return;
      palette = paletteFor(theme);
      canvas.dataset.theme = theme;
      app.ticker.maxFPS = 0;
      app.renderer.background.color = palette.background;
      backdrop.setPalette(palette);
      relayout();
    },
    setReducedMotion(reduced) {
      if (destroyed) return;
      reducedMotion = reduced;
      app.ticker.maxFPS = 0;
      backdrop.setReducedMotion(reducedMotion);
      grade.setReducedMotion(reducedMotion);
      text.setReducedMotion(reducedMotion);
      report();
    },
    setTextSpeed(speed) {
      if (destroyed) return;
      app.ticker.maxFPS = 0;
      text.setSpeed(speed);
      report();
    },
    completeReveal() {
      if (destroyed) return false;
      const done = text.completeReveal();
      report();
      return done;
    },
    advance() {
      if (destroyed) return false;
      const moved = text.advance(options.now());
      report();
      return moved;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      options.onChoiceRects?.(null);
      observer?.disconnect();
      app.ticker.remove(frame);
      app.renderer.off('resize', onResize);
      root.off('pointertap', onBackgroundTap);
      backdrop.destroy();
      grade.destroy();
      text.destroy();
      timer.destroy();
      // Textures stay in the Assets cache for the next stage; the GPU context goes now.
      app.destroy({ removeView: true }, { children: true, context: true });
      canvas.remove();
    },
  };
  return stage;
}
