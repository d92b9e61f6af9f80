// The library of named scenes pixi draws itself (`# scene: office time=night weather=rain`), so a
// story needs no image files. Each scene is a few painted depths (sky or wall, far, middle, near)
// that drift apart slightly under a slow camera, lit for its time of day, with its weather outside:
// an interior never rains indoors, its weather shows only on the glass of its windows.
import type { GradientOptions } from 'pixi.js';
import { Container, FillGradient, Graphics } from 'pixi.js';
import { warnOnce } from './warn.ts';
import { seededRandom } from '../core/random.ts';
import type { SceneName, SceneParams, SceneTime, SceneWeather } from '../core/scenes.ts';
import { isSceneName, resolveSceneParams, SCENE_NAMES } from '../core/scenes.ts';

export { isSceneName, SCENE_NAMES };

export interface SceneInstance {
  readonly name: string;
  /** the time of day and weather it was drawn with (its own defaults unless the tag said) */
  readonly time: SceneTime;
  readonly weather: SceneWeather;
  readonly interior: boolean;
  /** labelled `scene:<name>` (or `scene:fallback`) */
  readonly container: Container;
  /** advances the scene's ambient motion (rain, flicker, drift); does nothing under reduced motion */
  tick(tMs: number): void;
  setReducedMotion(reduced: boolean): void;
  /**
   * The cheap level of a device that cannot keep up (render/quality.ts): true flattens the whole
   * scene into one cached picture where it stands and stops its motion; false undoes it.
   */
  setStill(still: boolean): void;
  /** true while flattened by setStill */
  readonly still: boolean;
  destroy(): void;
}

export interface SceneOptions {
  readonly reducedMotion: boolean;
  /**
   * Whether the depths drift apart (default true). On pixi's 2D canvas renderer (software, no
   * GPU) every separate depth is one more whole-screen image to draw each frame, so the stage asks
   * for none there: the depths are then drawn as one picture and only the weather and lights move.
   */
  readonly parallax?: boolean;
  /** `time=…` and `weather=…` as the tag wrote them; unknown ones warn once and are ignored */
  readonly params?: SceneParams;
  /**
   * Frees the scene's gradient textures. The renderer may still hold them bound until its next
   * frame, so a stage defers this past one render; without it they are freed at once.
   */
  readonly retire?: (free: () => void) => void;
}

type Stop = readonly [offset: number, color: string];

/**
 * Marks a layer the animation step moves or fades; every other layer is drawn once, then cached.
 * Exported because the production bundler dropped the module-local constant and left its uses.
 */
export const MOVES = 'moves';

/** Depths for parallax: how far a layer drifts with the camera (0: not at all; 1: the most). */
const FAR = 0.25;
const MID = 0.55;
const NEAR = 1;
/** Moving layers of thin strokes over mostly empty space: drawn live, never cached (see below). */
const SPARSE: ReadonlySet<string> = new Set(['rain', 'snow', 'rain-on-glass']);
/** A still layer that joins the layer under it (an overlay of light or dark), whatever its depth. */
const SAME = -1;

/** A rectangle of glass the weather shows through, in scene pixels. */
interface Pane {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** What a scene painter draws with; gradients are tracked so the scene can free their textures. */
interface Painter {
  readonly w: number;
  readonly h: number;
  readonly rand: () => number;
  readonly time: SceneTime;
  readonly weather: SceneWeather;
  /** night, or the dark ends of dawn and dusk: lamps are lit */
  readonly lampsOn: boolean;
  /**
   * a new layer on top; `MOVES` for one the animation step changes (position or alpha only);
   * `depth` for how far it drifts with the camera
   */
  layer(label: string, moves?: typeof MOVES | null, depth?: number): Graphics;
  vertical(stops: readonly Stop[]): FillGradient;
  horizontal(stops: readonly Stop[]): FillGradient;
  radial(stops: readonly Stop[]): FillGradient;
}

/** Draws the still frame; returns the animation step (called with ms) or null for a still scene. */
type SceneDraw = (p: Painter) => ((t: number) => void) | null;

interface SceneDef {
  readonly interior: boolean;
  readonly time: SceneTime;
  readonly weather: SceneWeather;
  readonly draw: SceneDraw;
}

function hashName(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

function stops(list: readonly Stop[]): { offset: number; color: string }[] {
  return list.map(([offset, color]) => ({ offset, color }));
}

const SKY: Record<SceneTime, readonly Stop[]> = {
  dawn: [
    [0, '#1d2550'],
    [0.55, '#8a6a9a'],
    [1, '#f2b38c'],
  ],
  morning: [
    [0, '#6f9fd0'],
    [0.6, '#a9c8e6'],
    [1, '#e9e2cf'],
  ],
  day: [
    [0, '#4d8fd6'],
    [0.7, '#8fc1ec'],
    [1, '#cfe4f2'],
  ],
  dusk: [
    [0, '#1c1f4a'],
    [0.5, '#7a3f6a'],
    [1, '#f08a4b'],
  ],
  night: [
    [0, '#04060f'],
    [0.6, '#111a38'],
    [1, '#2a2444'],
  ],
};

/** The same skies under cloud: greyer, flatter, with less colour at the horizon. */
const OVERCAST: Record<SceneTime, readonly Stop[]> = {
  dawn: [
    [0, '#2a2e44'],
    [1, '#8d8390'],
  ],
  morning: [
    [0, '#77838f'],
    [1, '#b9bfc3'],
  ],
  day: [
    [0, '#8494a2'],
    [1, '#c9d0d4'],
  ],
  dusk: [
    [0, '#262838'],
    [1, '#6e5a64'],
  ],
  night: [
    [0, '#07090f'],
    [1, '#22222e'],
  ],
};

/** How dark the outdoors is at each time (the alpha of the blue-black laid over it). */
const DARKNESS: Record<SceneTime, number> = {
  dawn: 0.3,
  morning: 0,
  day: 0,
  dusk: 0.3,
  night: 0.55,
};

/** The colour a time casts on what it lights, laid over a scene's middle ground. */
const CAST: Record<SceneTime, string> = {
  dawn: 'rgba(255,170,150,0.10)',
  morning: 'rgba(255,236,200,0.06)',
  day: 'rgba(255,255,255,0)',
  dusk: 'rgba(255,140,80,0.12)',
  night: 'rgba(20,30,80,0.0)',
};

function skyStops(p: Painter): readonly Stop[] {
  return p.weather === 'clear' ? SKY[p.time] : OVERCAST[p.time];
}

/** A sky in a rectangle (a whole screen or a window): its gradient, sun or moon, stars. */
function drawSky(g: Graphics, p: Painter, x: number, y: number, w: number, h: number): void {
  g.rect(x, y, w, h).fill(p.vertical(skyStops(p)));
  if (p.weather !== 'clear') return;
  const r = Math.min(p.w, p.h) * 0.035;
  if (p.time === 'night') {
    for (let i = 0; i < Math.round((w * h) / 9000); i++) {
      g.circle(x + p.rand() * w, y + p.rand() * h * 0.7, Math.max(0.7, p.rand() * 1.5)).fill({
        color: 0xffffff,
        alpha: 0.35 + p.rand() * 0.5,
      });
    }
    const mx = x + w * 0.78;
    const my = y + h * 0.22;
    if (mx + r < x + w && my - r > y) g.circle(mx, my, r).fill({ color: 0xf3f0d8, alpha: 0.95 });
  } else if (p.time === 'dawn' || p.time === 'dusk') {
    const sx = x + w * (p.time === 'dawn' ? 0.28 : 0.7);
    if (h > r * 3) g.circle(sx, y + h * 0.9, r * 1.6).fill({ color: 0xffd08a, alpha: 0.9 });
  } else if (p.time === 'day' || p.time === 'morning') {
    // a few soft clouds
    for (let i = 0; i < 3; i++) {
      const cx = x + w * (0.15 + p.rand() * 0.7);
      const cy = y + h * (0.15 + p.rand() * 0.35);
      g.ellipse(cx, cy, w * 0.09, h * 0.035).fill({ color: 0xffffff, alpha: 0.55 });
      g.ellipse(cx + w * 0.05, cy - h * 0.02, w * 0.06, h * 0.03).fill({
        color: 0xffffff,
        alpha: 0.5,
      });
    }
  }
}

/** Rain drawn twice over, one screen apart, so sliding it by its own height loops seamlessly. */
function drawRain(g: Graphics, p: Painter, count: number, alpha: number): void {
  for (let i = 0; i < count; i++) {
    const x = p.rand() * p.w;
    const y = p.rand() * p.h;
    const len = p.h * (0.02 + p.rand() * 0.03);
    for (const dy of [0, p.h]) {
      g.moveTo(x, y + dy).lineTo(x - len * 0.18, y + dy + len);
    }
  }
  g.stroke({ width: Math.max(1, p.w / 1200), color: 0xaec6e8, alpha });
}

/** Outdoor weather over the whole screen (exteriors only). */
function weatherOutside(p: Painter): ((t: number) => void) | null {
  const { w, h } = p;
  if (p.weather === 'rain') {
    // one sheet of rain (each full-screen layer costs a whole-screen draw on the canvas renderer)
    const rain = p.layer('rain', MOVES);
    drawRain(rain, p, 80, 0.22);
    drawRain(rain, p, 50, 0.36);
    return (t) => {
      rain.y = -h + (((t * h) / 1000) % h);
    };
  }
  if (p.weather === 'snow') {
    const snow = p.layer('snow', MOVES);
    for (let i = 0; i < 140; i++) {
      const x = p.rand() * w;
      const y = p.rand() * h;
      const r = Math.max(1, p.rand() * h * 0.004);
      for (const dy of [0, h]) snow.circle(x, y + dy, r).fill({ color: 0xffffff, alpha: 0.75 });
    }
    return (t) => {
      snow.y = -h + (((t * h) / 9000) % h);
      snow.x = Math.sin(t / 2300) * w * 0.01;
    };
  }
  if (p.weather === 'fog') {
    const fog = p.layer('fog', MOVES);
    for (let i = 0; i < 3; i++) {
      fog.rect(-w * 0.1, h * (0.35 + i * 0.18), w * 1.2, h * 0.22).fill(
        p.vertical([
          [0, 'rgba(205,212,220,0)'],
          [0.5, 'rgba(205,212,220,0.30)'],
          [1, 'rgba(205,212,220,0)'],
        ]),
      );
    }
    return (t) => {
      fog.x = Math.sin(t / 6000) * w * 0.04;
    };
  }
  return null;
}

/**
 * The weather on the glass of an interior's windows, and nowhere else: rain runs down the panes in
 * two sets of streaks that take turns, fog whitens them, snow flecks them.
 */
function weatherOnGlass(p: Painter, panes: readonly Pane[]): ((t: number) => void) | null {
  if (p.weather === 'clear' || panes.length === 0) return null;
  if (p.weather === 'fog') {
    const g = p.layer('fog-on-glass');
    for (const pane of panes)
      g.rect(pane.x, pane.y, pane.w, pane.h).fill({ color: 0xd5dbe0, alpha: 0.35 });
    return null;
  }
  const sets = [p.layer('rain-on-glass', MOVES), p.layer('rain-on-glass', MOVES)];
  for (const g of sets) {
    for (const pane of panes) {
      const n = Math.round((pane.w * pane.h) / (p.weather === 'snow' ? 2500 : 1800));
      for (let i = 0; i < n; i++) {
        const x = pane.x + 2 + p.rand() * (pane.w - 4);
        const y = pane.y + 2 + p.rand() * (pane.h - 4);
        if (p.weather === 'snow') {
          g.circle(x, y, Math.max(1, p.h * 0.003)).fill({ color: 0xffffff, alpha: 0.8 });
        } else {
          // a streak, cut where the pane ends
          const len = Math.min(pane.y + pane.h - 2 - y, p.h * (0.015 + p.rand() * 0.03));
          g.moveTo(x, y).lineTo(x - len * 0.08, y + len);
        }
      }
    }
    if (p.weather === 'rain')
      g.stroke({ width: Math.max(1, p.w / 1400), color: 0xc8d8ec, alpha: 0.45 });
  }
  const [a, b] = sets as [Graphics, Graphics];
  return (t) => {
    const k = 0.5 + 0.5 * Math.sin(t / (p.weather === 'snow' ? 1500 : 260));
    a.alpha = k;
    b.alpha = 1 - k;
  };
}

/** Darkens what lies outside for the time of day (dawn, dusk, night); lights go on top of it. */
function dusk(p: Painter, depth = SAME): void {
  const a = DARKNESS[p.time];
  const cast = CAST[p.time];
  const g = p.layer('daylight', null, depth);
  if (a > 0) g.rect(0, 0, p.w, p.h).fill({ color: 0x060a1c, alpha: a });
  g.rect(0, 0, p.w, p.h).fill(cast);
}

/** A soft round light. */
function glow(
  g: Graphics,
  p: Painter,
  x: number,
  y: number,
  r: number,
  rgb: string,
  alpha: number,
): void {
  g.circle(x, y, r).fill(
    p.radial([
      [0, `rgba(${rgb},${alpha})`],
      [0.4, `rgba(${rgb},${alpha * 0.35})`],
      [1, `rgba(${rgb},0)`],
    ]),
  );
}

/** Both step functions, or whichever exists. */
function both(
  a: ((t: number) => void) | null,
  b: ((t: number) => void) | null,
): ((t: number) => void) | null {
  if (!a) return b;
  if (!b) return a;
  return (t) => {
    a(t);
    b(t);
  };
}

/** A window of an interior: the sky of the time in it, a frame, and its weather on the glass. */
function windowFrame(g: Graphics, pane: Pane, bars: number, color: number, width: number): void {
  for (let i = 1; i < bars; i++)
    g.rect(pane.x + (pane.w * i) / bars - width / 2, pane.y, width, pane.h).fill(color);
  g.rect(pane.x, pane.y, pane.w, pane.h).stroke({ width: width * 1.5, color });
}

function windowsGrid(
  g: Graphics,
  p: Painter,
  x: number,
  y: number,
  w: number,
  h: number,
  lit: number,
  color: number,
): void {
  const cell = Math.max(6, p.w * 0.012);
  for (let wy = y + cell; wy < y + h - cell; wy += cell * 1.8) {
    for (let wx = x + cell * 0.6; wx < x + w - cell; wx += cell * 1.5) {
      if (p.rand() < lit)
        g.rect(wx, wy, cell * 0.7, cell).fill({ color, alpha: 0.55 + p.rand() * 0.4 });
    }
  }
}

function skyline(
  g: Graphics,
  p: Painter,
  base: number,
  maxH: number,
  color: number,
  lit: number,
  from = -p.w * 0.02,
  to = p.w,
): void {
  let x = from;
  while (x < to) {
    const bw = Math.min(p.w * (0.05 + p.rand() * 0.09), to - x);
    const bh = maxH * (0.35 + p.rand() * 0.65);
    g.rect(x, base - bh, bw, bh).fill(color);
    windowsGrid(g, p, x, base - bh, bw, bh, lit, 0xffd27a);
    x += bw + p.w * 0.004;
  }
}

/** How dark a room is at each time, before its lamps: a room at night is lit by its lamps only. */
const ROOM_DARK: Record<SceneTime, number> = {
  dawn: 0.25,
  morning: 0,
  day: 0,
  dusk: 0.2,
  night: 0.3,
};

function roomDark(p: Painter): void {
  const a = ROOM_DARK[p.time];
  if (a > 0)
    p.layer('room-dark', null, SAME).rect(0, 0, p.w, p.h).fill({ color: 0x05060f, alpha: a });
}

/** Daylight falling from a window across the floor (morning and day only). */
function windowBeam(p: Painter, pane: Pane, toX: number): void {
  if (p.time !== 'morning' && p.time !== 'day') return;
  const a = p.weather === 'clear' ? 0.12 : 0.06;
  p.layer('window-light', null, SAME)
    .poly([
      pane.x,
      pane.y + pane.h,
      pane.x + pane.w,
      pane.y + pane.h,
      toX + pane.w * 1.2,
      p.h,
      toX,
      p.h,
    ])
    .fill({ color: 0xfff4d8, alpha: a });
}

/** A row of terraced roofs with chimneys along `base`. */
function roofline(
  g: Graphics,
  p: Painter,
  base: number,
  height: number,
  color: number,
  from = -p.w * 0.05,
  to = p.w * 1.05,
): void {
  let x = from;
  while (x < to) {
    const bw = Math.min(p.w * (0.08 + p.rand() * 0.06), to - x);
    const bh = height * (0.7 + p.rand() * 0.3);
    g.poly([
      x,
      base,
      x,
      base - bh * 0.6,
      x + bw / 2,
      base - bh,
      x + bw,
      base - bh * 0.6,
      x + bw,
      base,
    ]).fill(color);
    if (p.rand() < 0.7) g.rect(x + bw * 0.7, base - bh * 1.05, bw * 0.08, bh * 0.3).fill(color);
    x += bw;
  }
}

const street: SceneDraw = (p) => {
  const { w, h } = p;
  drawSky(p.layer('sky'), p, 0, 0, w, h * 0.75);
  roofline(p.layer('roofs-far', null, FAR), p, h * 0.5, h * 0.16, 0x2b2f3f);
  const shops = p.layer('shops', null, MID);
  const litRects: [number, number, number, number, number][] = [];
  const fronts = [0x5b4a44, 0x4a5560, 0x6a5a48, 0x47504a, 0x5c4e5c];
  const shopW = w / 5;
  for (let i = 0; i < 6; i++) {
    const x = i * shopW - shopW * 0.2;
    const top = h * (0.24 + p.rand() * 0.06);
    shops.rect(x, top, shopW, h * 0.72 - top).fill(fronts[i % fronts.length] ?? 0x555555);
    shops.rect(x, top, shopW, h * 0.02).fill(0x2a2226);
    // upstairs windows
    for (const fx of [0.18, 0.6]) {
      const win = { x: x + shopW * fx, y: top + h * 0.06, w: shopW * 0.22, h: h * 0.12 };
      shops.rect(win.x, win.y, win.w, win.h).fill(0x1d2430);
      if (p.lampsOn && p.rand() < 0.6) litRects.push([win.x, win.y, win.w, win.h, 0.75]);
    }
    // shop front: fascia and a big window
    shops.rect(x + shopW * 0.06, h * 0.44, shopW * 0.88, h * 0.05).fill(0x1f2a3a);
    shops
      .rect(x + shopW * 0.12, h * 0.455, shopW * 0.5, h * 0.018)
      .fill({ color: 0xe8dcc0, alpha: 0.7 });
    shops.rect(x + shopW * 0.08, h * 0.51, shopW * 0.55, h * 0.17).fill(0x222a33);
    shops.rect(x + shopW * 0.7, h * 0.52, shopW * 0.18, h * 0.2).fill(0x2e2420);
    if (p.lampsOn && i % 2 === 0)
      litRects.push([x + shopW * 0.08, h * 0.51, shopW * 0.55, h * 0.17, 0.3]);
  }
  const road = p.layer('road', null, MID);
  road.rect(0, h * 0.72, w, h * 0.05).fill(0x5d5a57);
  road.rect(0, h * 0.77, w, h * 0.23).fill(
    p.vertical([
      [0, '#3b3a3d'],
      [1, '#1b1b1e'],
    ]),
  );
  for (let x = w * 0.03; x < w; x += w * 0.14)
    road.rect(x, h * 0.88, w * 0.07, h * 0.008).fill({ color: 0xe8e2c8, alpha: 0.5 });
  dusk(p);
  // lit windows, lamps and wet reflections sit above the dark
  const lit = p.layer('lit-windows', null, SAME);
  for (const [x, y, ww, hh, a] of litRects)
    lit.rect(x, y, ww, hh).fill({ color: 0xffd38a, alpha: a });
  const lamps = p.layer('lamps', null, NEAR);
  const glows = p.layer('lamp-glow', MOVES, NEAR);
  for (const lx of [0.2, 0.62, 1.0]) {
    const x = w * lx;
    lamps.rect(x - w * 0.003, h * 0.3, w * 0.006, h * 0.44).fill(0x17171b);
    lamps.rect(x - w * 0.022, h * 0.29, w * 0.044, h * 0.012).fill(0x23232a);
    if (p.lampsOn) {
      glow(glows, p, x, h * 0.31, Math.max(w, h) * 0.16, '255,200,120', 0.55);
      if (p.weather === 'rain')
        lamps.rect(x - w * 0.012, h * 0.78, w * 0.024, h * 0.22).fill(
          p.vertical([
            [0, 'rgba(255,196,107,0.22)'],
            [1, 'rgba(255,196,107,0)'],
          ]),
        );
    }
  }
  if (p.weather === 'rain') {
    for (let i = 0; i < 10; i++)
      lamps
        .rect(p.rand() * w, h * (0.8 + p.rand() * 0.17), w * 0.05, h * 0.004)
        .fill({ color: 0xbfd0e0, alpha: 0.18 });
  }
  const weather = weatherOutside(p);
  return both(weather, (t) => {
    glows.alpha = 0.9 + 0.1 * Math.sin(t / 430);
  });
};

const kitchen: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('wall')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#c9b98f'],
        [1, '#a8966c'],
      ]),
    );
  const pane: Pane = { x: w * 0.34, y: h * 0.14, w: w * 0.3, h: h * 0.3 };
  const win = p.layer('window');
  drawSky(win, p, pane.x, pane.y, pane.w, pane.h);
  roofline(win, p, pane.y + pane.h, pane.h * 0.35, 0x4e5560, pane.x, pane.x + pane.w);
  const glass = weatherOnGlass(p, [pane]);
  const room = p.layer('room', null, MID);
  windowFrame(room, pane, 2, 0xf1ece0, Math.max(4, w * 0.006));
  room.rect(pane.x - w * 0.02, pane.y + pane.h, pane.w + w * 0.04, h * 0.02).fill(0xf1ece0);
  // wall tiles behind the sink and the worktop
  for (let x = 0; x < w; x += w * 0.035)
    for (let y = h * 0.46; y < h * 0.58; y += w * 0.035)
      room.rect(x + 1, y + 1, w * 0.033, w * 0.033).fill({ color: 0xe8e4d6, alpha: 0.9 });
  room.rect(0, h * 0.58, w, h * 0.04).fill(0x7a5a3a);
  room.rect(0, h * 0.62, w, h * 0.38).fill(0x8c6a48);
  for (let x = 0; x < w; x += w * 0.16)
    room.rect(x + w * 0.005, h * 0.64, w * 0.15, h * 0.34).stroke({ width: 2, color: 0x5e4630 });
  // kettle and a radio on the worktop
  room.roundRect(w * 0.72, h * 0.5, w * 0.06, h * 0.08, 8).fill(0xb8bcc0);
  room.roundRect(w * 0.12, h * 0.51, w * 0.1, h * 0.07, 6).fill(0x6a2f2a);
  room.circle(w * 0.145, h * 0.545, h * 0.018).fill(0x2a1a18);
  windowBeam(p, pane, w * 0.3);
  // the table in front, covered in felt-tip drawings
  const table = p.layer('table', null, NEAR);
  table.rect(w * 0.05, h * 0.76, w * 0.9, h * 0.05).fill(0xd9cdb0);
  table.rect(w * 0.05, h * 0.81, w * 0.9, h * 0.03).fill(0xa89874);
  table.rect(w * 0.1, h * 0.84, w * 0.02, h * 0.16).fill(0x7d6d50);
  table.rect(w * 0.88, h * 0.84, w * 0.02, h * 0.16).fill(0x7d6d50);
  const pens = [0xd23a3a, 0x2d7ad2, 0x2da85a, 0xe6b422, 0x8a3ad2];
  for (let i = 0; i < 7; i++) {
    const x = w * (0.12 + i * 0.11);
    const y = h * (0.765 + p.rand() * 0.01);
    table.rect(x, y, w * 0.08, h * 0.03).fill(0xfaf8f0);
    table
      .circle(x + w * 0.04, y + h * 0.015, h * 0.009)
      .stroke({ width: 2, color: pens[i % pens.length] ?? 0 });
  }
  roomDark(p);
  const lamp = p.layer('lamp-glow', MOVES);
  if (p.lampsOn) glow(lamp, p, w * 0.5, h * 0.05, Math.max(w, h) * 0.4, '255,220,160', 0.35);
  return glass;
};

const bus: SceneDraw = (p) => {
  const { w, h } = p;
  drawSky(p.layer('sky'), p, 0, 0, w, h * 0.6);
  // outside: the town going past, drawn twice over so it loops
  const outside = p.layer('outside', MOVES, FAR);
  const panes: Pane[] = [
    { x: w * 0.02, y: h * 0.16, w: w * 0.46, h: h * 0.36 },
    { x: w * 0.52, y: h * 0.16, w: w * 0.46, h: h * 0.36 },
  ];
  for (const dx of [0, w]) {
    let x = dx;
    while (x < dx + w) {
      const bw = w * (0.06 + p.rand() * 0.08);
      const top = h * (0.24 + p.rand() * 0.14);
      outside.rect(x, top, bw, h * 0.4 - top + h * 0.2).fill(p.rand() < 0.5 ? 0x6b6258 : 0x58606a);
      for (let y = top + h * 0.03; y < h * 0.5; y += h * 0.06)
        outside.rect(x + bw * 0.2, y, bw * 0.2, h * 0.03).fill(0x2b3038);
      x += bw;
    }
  }
  dusk(p);
  const glass = weatherOnGlass(p, panes);
  // the deck: a steel-and-cream cabin around the windows, seats in rows
  const cabin = p.layer('cabin', MOVES, MID);
  cabin.rect(0, 0, w, h * 0.16).fill(0xd8d0b8);
  cabin.rect(0, h * 0.52, w, h * 0.48).fill(0xcfc6ac);
  cabin.rect(0, h * 0.16, w * 0.02, h * 0.36).fill(0xd8d0b8);
  cabin.rect(w * 0.48, h * 0.16, w * 0.04, h * 0.36).fill(0xd8d0b8);
  cabin.rect(w * 0.98, h * 0.16, w * 0.02, h * 0.36).fill(0xd8d0b8);
  for (const pane of panes)
    cabin
      .rect(pane.x, pane.y, pane.w, pane.h)
      .stroke({ width: Math.max(4, w * 0.005), color: 0x8a8a86 });
  cabin.rect(0, h * 0.06, w, h * 0.015).fill(0xf4f0e0);
  // the seats sway with the deck: one layer, one picture to draw a frame
  const seats = cabin;
  for (let i = 0; i < 3; i++) {
    const x = w * (0.06 + i * 0.33);
    seats.roundRect(x, h * 0.58, w * 0.26, h * 0.3, 18).fill(0x7a2430);
    for (let k = 0; k < 6; k++)
      seats
        .rect(x + w * 0.02 + k * w * 0.04, h * 0.62, w * 0.015, h * 0.015)
        .fill({ color: 0xe0b040, alpha: 0.6 });
    seats.roundRect(x, h * 0.55, w * 0.26, h * 0.05, 10).fill(0xa0a4a8);
  }
  // the boy in front, and his magazine
  seats.circle(w * 0.52, h * 0.5, h * 0.07).fill(0x3a2a20);
  seats.roundRect(w * 0.44, h * 0.56, w * 0.16, h * 0.2, 20).fill(0x2f4a6a);
  seats.rect(w * 0.47, h * 0.52, w * 0.12, h * 0.1).fill(0xe8e0d0);
  seats.rect(w * 0.48, h * 0.535, w * 0.045, h * 0.05).fill(0xd04a3a);
  seats.rect(w * 0, h * 0.9, w, h * 0.1).fill(0x3a3a3e);
  roomDark(p);
  return both(glass, (t) => {
    outside.x = -((t * w) / 14000) % w;
    const sway = Math.sin(t / 170) * Math.max(0.5, h * 0.002);
    cabin.y = sway;
  });
};

const hotelDesk: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('wall')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#3a2a24'],
        [1, '#241915'],
      ]),
    );
  // the street door: glass, with the road and the diner's pink sign across it
  const door: Pane = { x: w * 0.07, y: h * 0.16, w: w * 0.22, h: h * 0.58 };
  const out = p.layer('street-door');
  drawSky(out, p, door.x, door.y, door.w, door.h);
  roofline(out, p, door.y + door.h * 0.55, door.h * 0.2, 0x2a2630, door.x, door.x + door.w);
  out.rect(door.x, door.y + door.h * 0.55, door.w, door.h * 0.45).fill(0x1a1a22);
  dusk(p);
  const sign = p.layer('diner-sign', MOVES);
  if (p.lampsOn) {
    sign
      .roundRect(door.x + door.w * 0.2, door.y + door.h * 0.35, door.w * 0.55, door.h * 0.08, 6)
      .stroke({ width: Math.max(2, w * 0.003), color: 0xff5fb0 });
    glow(sign, p, door.x + door.w * 0.48, door.y + door.h * 0.39, door.w * 0.5, '255,95,176', 0.35);
  }
  const glass = weatherOnGlass(p, [door]);
  const room = p.layer('lobby', null, MID);
  room
    .rect(door.x, door.y, door.w, door.h)
    .stroke({ width: Math.max(6, w * 0.008), color: 0x6a4a2a });
  room.rect(door.x + door.w * 0.47, door.y, Math.max(3, w * 0.004), door.h).fill(0x6a4a2a);
  // wallpaper stripes and the key board with its nine hooks
  for (let x = w * 0.33; x < w; x += w * 0.03)
    room.rect(x, 0, w * 0.006, h * 0.62).fill({ color: 0x4a362c, alpha: 0.8 });
  room.rect(w * 0.52, h * 0.16, w * 0.26, h * 0.26).fill(0x5a3a22);
  for (let i = 0; i < 9; i++) {
    const kx = w * (0.55 + (i % 3) * 0.08);
    const ky = h * (0.2 + Math.floor(i / 3) * 0.07);
    room.rect(kx, ky, w * 0.05, h * 0.05).fill(0x3a2414);
    if (i !== 6) room.rect(kx + w * 0.02, ky + h * 0.008, w * 0.006, h * 0.03).fill(0xc8a04a);
  }
  // a clock above the door to the stairs
  room.circle(w * 0.88, h * 0.14, h * 0.05).fill(0xe8e0c8);
  room
    .moveTo(w * 0.88, h * 0.14)
    .lineTo(w * 0.88, h * 0.105)
    .moveTo(w * 0.88, h * 0.14)
    .lineTo(w * 0.895, h * 0.14)
    .stroke({ width: 2, color: 0x222222 });
  room.rect(0, h * 0.62, w, h * 0.38).fill(0x3a1e1a);
  // the armchair by the door
  room.roundRect(w * 0.295, h * 0.56, w * 0.11, h * 0.2, 16).fill(0x5a6a4a);
  room.roundRect(w * 0.305, h * 0.62, w * 0.09, h * 0.1, 10).fill(0x6a7a58);
  const desk = p.layer('desk', null, NEAR);
  desk.rect(w * 0.42, h * 0.66, w * 0.6, h * 0.06).fill(0x7a4a26);
  desk.rect(w * 0.44, h * 0.72, w * 0.58, h * 0.28).fill(0x4e2e18);
  for (let x = w * 0.46; x < w; x += w * 0.12)
    desk.rect(x, h * 0.75, w * 0.1, h * 0.2).stroke({ width: 2, color: 0x3a2010 });
  // the desk phone, the log book, the bell
  desk.roundRect(w * 0.48, h * 0.61, w * 0.07, h * 0.05, 6).fill(0x1a1a1a);
  desk.rect(w * 0.6, h * 0.635, w * 0.12, h * 0.03).fill(0xe8e0c8);
  desk.rect(w * 0.66, h * 0.635, w * 0.004, h * 0.03).fill(0x8a7a60);
  desk.ellipse(w * 0.78, h * 0.655, w * 0.018, h * 0.012).fill(0xd8b040);
  desk.rect(w * 0.86, h * 0.48, w * 0.006, h * 0.18).fill(0x2a2a2a);
  desk
    .poly([w * 0.835, h * 0.5, w * 0.889, h * 0.5, w * 0.875, h * 0.43, w * 0.849, h * 0.43])
    .fill(0x2f6a4a);
  roomDark(p);
  const lamp = p.layer('lamp-glow', MOVES);
  glow(lamp, p, w * 0.862, h * 0.5, Math.max(w, h) * 0.3, '255,214,140', p.lampsOn ? 0.6 : 0.25);
  return both(glass, (t) => {
    lamp.alpha = 0.92 + 0.08 * Math.sin(t / 1300);
    sign.alpha = Math.sin(t / 83) > 0.985 ? 0.35 : 1;
  });
};

const office: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('wall')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#8a8a78'],
        [0.7, '#6a6a5c'],
        [1, '#4a4a40'],
      ]),
    );
  const pane: Pane = { x: w * 0.06, y: h * 0.12, w: w * 0.34, h: h * 0.38 };
  const win = p.layer('window');
  drawSky(win, p, pane.x, pane.y, pane.w, pane.h);
  roofline(win, p, pane.y + pane.h, pane.h * 0.4, 0x3a3e4a, pane.x, pane.x + pane.w);
  const glass = weatherOnGlass(p, [pane]);
  const room = p.layer('room', null, MID);
  windowFrame(room, pane, 3, 0xdad6c8, Math.max(4, w * 0.005));
  // a framed magazine cover, a wall calendar, the fax on its shelf
  room.rect(w * 0.48, h * 0.14, w * 0.1, h * 0.16).fill(0x2a2a2a);
  room.rect(w * 0.49, h * 0.155, w * 0.08, h * 0.13).fill(0xc83a3a);
  room.rect(w * 0.5, h * 0.17, w * 0.06, h * 0.02).fill(0xf0f0e0);
  room.rect(w * 0.64, h * 0.16, w * 0.07, h * 0.11).fill(0xf4f0e4);
  room.rect(w * 0.64, h * 0.16, w * 0.07, h * 0.025).fill(0x3a6ac8);
  room.rect(w * 0.78, h * 0.36, w * 0.16, h * 0.02).fill(0x5a4a3a);
  room.rect(w * 0.8, h * 0.3, w * 0.1, h * 0.06).fill(0xd8d4c4);
  room.rect(0, h * 0.68, w, h * 0.32).fill(0x4a4038);
  windowBeam(p, pane, w * 0.12);
  const desk = p.layer('desk', null, NEAR);
  desk.rect(0, h * 0.7, w, h * 0.05).fill(0x9a7a56);
  desk.rect(0, h * 0.75, w, h * 0.25).fill(0x5e4630);
  // a home computer of the time: beige keyboard, a boxy monitor glowing blue
  desk.roundRect(w * 0.5, h * 0.38, w * 0.24, h * 0.28, 10).fill(0xd6ceb4);
  desk.rect(w * 0.52, h * 0.41, w * 0.2, h * 0.2).fill(0x16304a);
  for (let i = 0; i < 5; i++)
    desk
      .rect(w * 0.535, h * (0.43 + i * 0.03), w * (0.06 + p.rand() * 0.1), h * 0.01)
      .fill({ color: 0x9ff0ff, alpha: 0.7 });
  desk.roundRect(w * 0.48, h * 0.66, w * 0.28, h * 0.045, 6).fill(0xcfc6a8);
  for (let k = 0; k < 14; k++)
    desk.rect(w * (0.49 + k * 0.019), h * 0.672, w * 0.014, h * 0.012).fill(0x8a8470);
  // paper, cassettes, a mug
  desk.rect(w * 0.12, h * 0.66, w * 0.14, h * 0.04).fill(0xf2eee2);
  desk.rect(w * 0.28, h * 0.665, w * 0.04, h * 0.025).fill(0x2a2a2a);
  desk.rect(w * 0.33, h * 0.665, w * 0.04, h * 0.025).fill(0x2a2a2a);
  desk.roundRect(w * 0.82, h * 0.63, w * 0.03, h * 0.06, 4).fill(0xe8e8e8);
  roomDark(p);
  const screen = p.layer('screen-glow', MOVES);
  glow(screen, p, w * 0.62, h * 0.51, Math.max(w, h) * 0.25, '90,190,230', p.lampsOn ? 0.32 : 0.14);
  const tube = p.layer('fluorescent', MOVES);
  if (p.lampsOn) {
    tube.rect(w * 0.3, 0, w * 0.4, h * 0.02).fill(0xf2fbff);
    tube.rect(0, 0, w, h * 0.5).fill(
      p.vertical([
        [0, 'rgba(230,250,255,0.14)'],
        [1, 'rgba(230,250,255,0)'],
      ]),
    );
  }
  return both(glass, (t) => {
    const phase = (t / 1000) % 9;
    tube.alpha = phase > 8.2 && Math.sin(t / 23) > 0 ? 0.4 : 1;
    screen.alpha = 0.85 + 0.15 * Math.sin(t / 900);
  });
};

/**
 * A bedroom: a teenager's in 1986 (a poster, a home computer on a desk) or, for `room`, a plain
 * one (a cottage's or a rented room's: a chest of drawers, a picture, flowered paper).
 */
const bedroomOf =
  (teen: boolean): SceneDraw =>
  (p) => {
    const { w, h } = p;
    p.layer('wall')
      .rect(0, 0, w, h)
      .fill(
        p.vertical(
          teen
            ? [
                [0, '#6a6088'],
                [1, '#4a4262'],
              ]
            : [
                [0, '#a89880'],
                [1, '#7a6a58'],
              ],
        ),
      );
    const pane: Pane = { x: w * 0.58, y: h * 0.12, w: w * 0.28, h: h * 0.36 };
    const win = p.layer('window');
    drawSky(win, p, pane.x, pane.y, pane.w, pane.h);
    roofline(win, p, pane.y + pane.h, pane.h * 0.3, 0x3a3a4c, pane.x, pane.x + pane.w);
    const glass = weatherOnGlass(p, [pane]);
    const room = p.layer('room', null, MID);
    windowFrame(room, pane, 2, 0xe6e0ee, Math.max(5, w * 0.006));
    // curtains, a poster, a shelf
    room.rect(pane.x - w * 0.05, pane.y - h * 0.04, w * 0.05, pane.h + h * 0.1).fill(0x8a3a4a);
    room.rect(pane.x + pane.w, pane.y - h * 0.04, w * 0.05, pane.h + h * 0.1).fill(0x8a3a4a);
    if (teen) {
      room.rect(w * 0.14, h * 0.16, w * 0.12, h * 0.22).fill(0x2a4a6a);
      room.poly([w * 0.16, h * 0.34, w * 0.2, h * 0.2, w * 0.24, h * 0.34]).fill(0xe3b04b);
    } else {
      // flowered paper and a small framed picture of the sea
      for (let x = w * 0.02; x < w * 0.56; x += w * 0.05)
        for (let y = h * 0.05; y < h * 0.5; y += h * 0.09)
          room.circle(x, y, Math.max(1.5, h * 0.005)).fill({ color: 0xe8d8c0, alpha: 0.5 });
      room.rect(w * 0.2, h * 0.18, w * 0.12, h * 0.13).fill(0x5a4030);
      room.rect(w * 0.21, h * 0.195, w * 0.1, h * 0.1).fill(0x7a9ab0);
      room.rect(w * 0.21, h * 0.255, w * 0.1, h * 0.04).fill(0x4a6a80);
    }
    room.rect(0, h * 0.78, w, h * 0.22).fill(0x3a3048);
    windowBeam(p, pane, w * 0.42);
    const bed = p.layer('bed', null, NEAR);
    bed.roundRect(w * 0.05, h * 0.58, w * 0.5, h * 0.24, 12).fill(0x3a5f8a);
    bed.roundRect(w * 0.07, h * 0.54, w * 0.14, h * 0.08, 10).fill(0xece6f2);
    bed.rect(w * 0.05, h * 0.5, w * 0.02, h * 0.32).fill(0x4a3a30);
    // the bedside table, the clock radio, the lamp
    bed.rect(w * 0.6, h * 0.62, w * 0.1, h * 0.18).fill(0x5a4030);
    bed.rect(w * 0.61, h * 0.585, w * 0.05, h * 0.035).fill(0x2a2a2a);
    bed.rect(w * 0.62, h * 0.593, w * 0.025, h * 0.015).fill(0xff4a3a);
    bed.rect(w * 0.675, h * 0.53, w * 0.004, h * 0.09).fill(0x2a2a2a);
    bed
      .poly([w * 0.66, h * 0.56, w * 0.695, h * 0.56, w * 0.688, h * 0.52, w * 0.667, h * 0.52])
      .fill(0xd9c79a);
    if (teen) {
      // the home computer on the desk by the wall
      bed.rect(w * 0.76, h * 0.64, w * 0.22, h * 0.04).fill(0x6a4a32);
      bed.rect(w * 0.78, h * 0.68, w * 0.02, h * 0.14).fill(0x4a3424);
      bed.roundRect(w * 0.8, h * 0.5, w * 0.14, h * 0.14, 8).fill(0xd6ceb4);
      bed.rect(w * 0.815, h * 0.52, w * 0.11, h * 0.09).fill(p.lampsOn ? 0x1a3a5a : 0x2a3038);
    } else {
      // a chest of drawers with a jug on it
      bed.rect(w * 0.76, h * 0.56, w * 0.2, h * 0.24).fill(0x6a4a32);
      for (let k = 0; k < 3; k++)
        bed
          .rect(w * 0.775, h * (0.58 + k * 0.07), w * 0.17, h * 0.055)
          .stroke({ width: 2, color: 0x4a3424 });
      bed.roundRect(w * 0.84, h * 0.5, w * 0.04, h * 0.06, 6).fill(0xe8e4dc);
    }
    roomDark(p);
    const lamp = p.layer('lamp-glow', MOVES);
    if (p.lampsOn) {
      glow(lamp, p, w * 0.68, h * 0.54, Math.max(w, h) * 0.2, '255,200,130', 0.5);
      if (teen) glow(lamp, p, w * 0.87, h * 0.56, Math.max(w, h) * 0.14, '110,190,240', 0.3);
    }
    return both(glass, (t) => {
      lamp.alpha = 0.9 + 0.1 * Math.sin(t / 1300);
    });
  };

const platform: SceneDraw = (p) => {
  const { w, h } = p;
  drawSky(p.layer('sky'), p, 0, 0, w, h * 0.7);
  roofline(p.layer('town', null, FAR), p, h * 0.56, h * 0.12, 0x1e2230);
  // the far platform and the line
  const line = p.layer('line', null, MID);
  line.rect(0, h * 0.56, w, h * 0.06).fill(0x4a4640);
  line.rect(0, h * 0.62, w, h * 0.1).fill(0x2a2622);
  for (const y of [0.65, 0.69]) line.rect(0, h * y, w, h * 0.006).fill(0x9a9a9a);
  dusk(p);
  // the two-ten going through: a wall of lit windows, looping past (only while the tag says so)
  const train = p.layer('passing-train', MOVES, MID);
  // one train, 1.6 screens long, that comes through every few seconds (the still has none)
  train.rect(0, h * 0.4, w * 1.6, h * 0.26).fill(0x2a3440);
  for (let x = w * 0.02; x < w * 1.6; x += w * 0.09)
    train.rect(x, h * 0.45, w * 0.06, h * 0.09).fill({ color: 0xffe6a8, alpha: 0.9 });
  // the near platform, its canopy on iron columns, a bench, a lamp
  const near = p.layer('platform', null, NEAR);
  near.rect(0, h * 0.72, w, h * 0.04).fill(0xd8c848);
  near.rect(0, h * 0.76, w, h * 0.24).fill(0x5a5650);
  near.rect(0, 0, w, h * 0.1).fill(0x2a2e36);
  near.rect(0, h * 0.1, w, h * 0.02).fill(0x4a3a2a);
  for (let x = w * 0.1; x < w; x += w * 0.3)
    near.rect(x, h * 0.12, w * 0.012, h * 0.6).fill(0x2e3a3a);
  near.roundRect(w * 0.42, h * 0.74, w * 0.16, h * 0.03, 4).fill(0x6a4a2a);
  near.rect(w * 0.43, h * 0.77, w * 0.008, h * 0.05).fill(0x2a2a2a);
  near.rect(w * 0.57, h * 0.77, w * 0.008, h * 0.05).fill(0x2a2a2a);
  near.rect(w * 0.7, h * 0.18, w * 0.12, h * 0.05).fill(0x1c3a6a);
  near.rect(w * 0.71, h * 0.19, w * 0.1, h * 0.03).fill({ color: 0xffffff, alpha: 0.8 });
  const glows = p.layer('lamp-glow', MOVES, NEAR);
  if (p.lampsOn)
    for (const x of [0.25, 0.75])
      glow(glows, p, w * x, h * 0.13, Math.max(w, h) * 0.2, '255,220,150', 0.45);
  // rain runs off the canopy in strings
  let strings: Graphics | null = null;
  if (p.weather === 'rain') {
    strings = p.layer('rain', MOVES, NEAR);
    for (let x = w * 0.01; x < w; x += w * 0.045)
      for (const dy of [0, h * 0.6])
        strings.moveTo(x, h * 0.12 + dy).lineTo(x, h * 0.12 + dy + h * 0.3);
    strings.stroke({ width: Math.max(1, w / 1500), color: 0xbcd0e8, alpha: 0.18 });
  }
  // under the canopy the rain is the strings off its edge; other weather falls over the scene
  const weather = p.weather === 'rain' ? null : weatherOutside(p);
  return both(weather, (t) => {
    // from off the right edge, across, then gone for a while
    train.x = w - (((t * w) / 700) % (w * 8));
    if (strings) strings.y = -(((t * h) / 1500) % (h * 0.6));
  });
};

const railYard: SceneDraw = (p) => {
  const { w, h } = p;
  drawSky(p.layer('sky'), p, 0, 0, w, h * 0.6);
  roofline(p.layer('town', null, FAR), p, h * 0.5, h * 0.1, 0x4a4e58);
  const yard = p.layer('wagons', null, MID);
  yard.rect(0, h * 0.5, w, h * 0.5).fill(0x4a4238);
  const colors = [0x6a3a2a, 0x4a4a4a, 0x5a4a2a];
  for (let i = 0; i < 4; i++) {
    const x = w * (0.02 + i * 0.25);
    yard.rect(x, h * 0.34, w * 0.22, h * 0.16).fill(colors[i % 3] ?? 0x555555);
    for (let k = 1; k < 5; k++) yard.rect(x + k * w * 0.044, h * 0.34, 2, h * 0.16).fill(0x2a2420);
    yard.circle(x + w * 0.04, h * 0.51, h * 0.02).fill(0x1a1a1a);
    yard.circle(x + w * 0.18, h * 0.51, h * 0.02).fill(0x1a1a1a);
  }
  // the man in the railway coat at the far end
  yard.rect(w * 0.86, h * 0.46, w * 0.018, h * 0.07).fill(0x1a2a4a);
  yard.circle(w * 0.869, h * 0.445, h * 0.015).fill(0xd8b090);
  dusk(p);
  const ground = p.layer('sleepers', null, NEAR);
  for (let k = 0; k < 3; k++) {
    const y0 = h * (0.58 + k * 0.14);
    for (let x = -w * 0.02; x < w; x += w * 0.05)
      ground.rect(x, y0, w * 0.03, h * (0.05 + k * 0.02)).fill(0x3a2e24);
    ground.rect(0, y0 + h * 0.01, w, h * 0.008).fill(0x8a7a6a);
    ground.rect(0, y0 + h * (0.035 + k * 0.01), w, h * 0.008).fill(0x8a7a6a);
  }
  for (let i = 0; i < 6; i++)
    ground
      .ellipse(p.rand() * w, h * (0.66 + p.rand() * 0.3), w * (0.04 + p.rand() * 0.05), h * 0.015)
      .fill({ color: 0x9fb0c0, alpha: 0.45 });
  // the wire fence in front, just climbed
  const fence = p.layer('fence', null, NEAR);
  for (let x = 0; x < w; x += w * 0.02) fence.moveTo(x, h * 0.55).lineTo(x + w * 0.04, h);
  for (let x = 0; x < w * 1.1; x += w * 0.02) fence.moveTo(x, h * 0.55).lineTo(x - w * 0.04, h);
  fence.stroke({ width: Math.max(1, w / 1600), color: 0x2a2a2a, alpha: 0.35 });
  return weatherOutside(p);
};

const towpath: SceneDraw = (p) => {
  const { w, h } = p;
  drawSky(p.layer('sky'), p, 0, 0, w, h * 0.55);
  const far = p.layer('far-bank', null, FAR);
  for (let x = -w * 0.05; x < w * 1.05; x += w * 0.03)
    far.circle(x, h * (0.48 + p.rand() * 0.02), h * (0.05 + p.rand() * 0.04)).fill(0x4a5a44);
  far.rect(0, h * 0.5, w, h * 0.05).fill(0x4a5a44);
  // the bridge: a brick arch over the water
  const bridge = p.layer('bridge', null, MID);
  bridge.rect(w * 0.55, h * 0.3, w * 0.35, h * 0.28).fill(0x7a4a38);
  bridge.ellipse(w * 0.725, h * 0.58, w * 0.12, h * 0.2).fill(0x1e1a18);
  for (let y = h * 0.32; y < h * 0.56; y += h * 0.025)
    bridge.moveTo(w * 0.55, y).lineTo(w * 0.9, y);
  bridge.stroke({ width: 1, color: 0x5a3428, alpha: 0.6 });
  // the chalked maze under the arch
  bridge
    .rect(w * 0.58, h * 0.36, w * 0.07, h * 0.12)
    .stroke({ width: 2, color: 0xf0f0e0, alpha: 0.6 });
  bridge
    .rect(w * 0.595, h * 0.385, w * 0.04, h * 0.07)
    .stroke({ width: 2, color: 0xf0f0e0, alpha: 0.6 });
  // the canal: flat brown water with the sky's light on it
  const water = p.layer('water', null, MID);
  water.rect(0, h * 0.55, w, h * 0.2).fill(
    p.vertical([
      [0, '#5a5440'],
      [1, '#3a3424'],
    ]),
  );
  for (let i = 0; i < 12; i++)
    water
      .rect(p.rand() * w, h * (0.57 + p.rand() * 0.16), w * 0.08, 2)
      .fill({ color: 0xd8d8c8, alpha: 0.25 });
  dusk(p);
  const path = p.layer('towpath', null, NEAR);
  path.rect(0, h * 0.75, w, h * 0.25).fill(0x6a5a44);
  path.rect(0, h * 0.74, w, h * 0.015).fill(0x8a7a60);
  for (let i = 0; i < 8; i++)
    path
      .ellipse(p.rand() * w, h * (0.8 + p.rand() * 0.18), w * 0.05, h * 0.012)
      .fill({ color: 0x9aa8b0, alpha: 0.4 });
  // hawthorn on the left, dripping
  for (let i = 0; i < 18; i++)
    path
      .circle(w * (p.rand() * 0.3), h * (0.2 + p.rand() * 0.5), h * (0.06 + p.rand() * 0.06))
      .fill(i % 2 ? 0x2e3e2a : 0x3a4a30);
  path.rect(w * 0.12, h * 0.5, w * 0.015, h * 0.27).fill(0x3a2a1e);
  // the heron, lifting off
  const heron = p.layer('heron', MOVES, MID);
  heron
    .poly([
      w * 0.36,
      h * 0.3,
      w * 0.42,
      h * 0.26,
      w * 0.39,
      h * 0.31,
      w * 0.46,
      h * 0.29,
      w * 0.41,
      h * 0.33,
    ])
    .fill(0x6a7078);
  const weather = weatherOutside(p);
  return both(weather, (t) => {
    heron.x = ((t * w) / 60000) % (w * 0.3);
    heron.y = -((t * h) / 120000) % (h * 0.1);
  });
};

const rooftop: SceneDraw = (p) => {
  const { w, h } = p;
  drawSky(p.layer('sky'), p, 0, 0, w, h * 0.85);
  const city = p.layer('city', null, FAR);
  skyline(city, p, h * 0.72, h * 0.2, 0x0e111e, p.lampsOn ? 0.35 : 0);
  dusk(p);
  // the station lamps to the east: a yellow smear through the rain
  const station = p.layer('station-lights', MOVES, FAR);
  for (let i = 0; i < 6; i++)
    glow(
      station,
      p,
      w * (0.7 + i * 0.045),
      h * 0.66,
      h * 0.06,
      '255,210,110',
      p.lampsOn ? 0.7 : 0.2,
    );
  const roof = p.layer('roof', null, NEAR);
  roof.rect(0, h * 0.8, w, h * 0.2).fill(0x1c1c22);
  roof.rect(0, h * 0.76, w, h * 0.045).fill(0x3a3a42);
  roof.rect(w * 0.06, h * 0.5, w * 0.1, h * 0.26).fill(0x24242a);
  roof.poly([w * 0.05, h * 0.5, w * 0.11, h * 0.45, w * 0.17, h * 0.5]).fill(0x24242a);
  roof.rect(w * 0.85, h * 0.6, w * 0.05, h * 0.16).fill(0x2a2a30);
  roof.rect(w * 0.84, h * 0.58, w * 0.07, h * 0.02).fill(0x34343a);
  const weather = weatherOutside(p);
  return both(weather, (t) => {
    station.alpha = 0.85 + 0.15 * Math.sin(t / 700);
  });
};

/** A pub or café room: a long window at the back, tables, warm lamps. */
function barRoom(
  p: Painter,
  look: { wall: string; wood: number; lamp: string; sea: boolean },
): ((t: number) => void) | null {
  const { w, h } = p;
  p.layer('wall')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, look.wall],
        [1, '#1a1210'],
      ]),
    );
  const panes: Pane[] = [0, 1, 2].map((i) => ({
    x: w * (0.08 + i * 0.29),
    y: h * 0.14,
    w: w * 0.26,
    h: h * 0.34,
  }));
  const win = p.layer('window');
  for (const pane of panes) {
    drawSky(win, p, pane.x, pane.y, pane.w, pane.h);
    if (look.sea) {
      win.rect(pane.x, pane.y + pane.h * 0.62, pane.w, pane.h * 0.38).fill(
        p.vertical([
          [0, '#5a7080'],
          [1, '#8a8a70'],
        ]),
      );
    } else {
      roofline(win, p, pane.y + pane.h, pane.h * 0.35, 0x2a2e3a, pane.x, pane.x + pane.w);
    }
  }
  const glass = weatherOnGlass(p, panes);
  const room = p.layer('room', null, MID);
  for (const pane of panes) windowFrame(room, pane, 2, look.wood, Math.max(5, w * 0.006));
  room.rect(0, h * 0.5, w, h * 0.04).fill(look.wood);
  room.rect(0, h * 0.54, w, h * 0.46).fill(0x3a2a22);
  const near = p.layer('tables', null, NEAR);
  for (let i = 0; i < 3; i++) {
    const x = w * (0.14 + i * 0.3);
    near.ellipse(x + w * 0.08, h * 0.72, w * 0.11, h * 0.035).fill(look.wood);
    near.rect(x + w * 0.075, h * 0.72, w * 0.01, h * 0.2).fill(0x2a1e16);
    near.roundRect(x + w * 0.05, h * 0.66, w * 0.025, h * 0.04, 4).fill(0xf0eadc);
    near.roundRect(x + w * 0.1, h * 0.67, w * 0.02, h * 0.03, 4).fill(0xc8a050);
  }
  near.rect(0, h * 0.9, w, h * 0.1).fill(0x2a1e18);
  roomDark(p);
  const lamps = p.layer('lamp-glow', MOVES);
  for (let i = 0; i < 3; i++) {
    const x = w * (0.22 + i * 0.3);
    lamps.rect(x - 1, 0, 2, h * 0.06).fill(0x1a1a1a);
    lamps.ellipse(x, h * 0.065, w * 0.025, h * 0.015).fill(0x2a2a2a);
    glow(lamps, p, x, h * 0.09, Math.max(w, h) * 0.18, look.lamp, p.lampsOn ? 0.55 : 0.25);
  }
  return both(glass, (t) => {
    lamps.alpha = 0.92 + 0.08 * Math.sin(t / 1100);
  });
}

const pub: SceneDraw = (p) =>
  barRoom(p, { wall: '#5a2a22', wood: 0x6a3a1e, lamp: '255,190,110', sea: false });

const cafe: SceneDraw = (p) =>
  barRoom(p, { wall: '#7a8a88', wood: 0xd8d0bc, lamp: '255,230,180', sea: true });

const shop: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('ceiling')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#d8d4c8'],
        [0.55, '#b8b2a0'],
        [1, '#8a7e6a'],
      ]),
    );
  const back = p.layer('counters', null, FAR);
  // the record counter and the wall of televisions behind
  back.rect(0, h * 0.22, w * 0.4, h * 0.3).fill(0x6a5a4a);
  for (let x = w * 0.02; x < w * 0.38; x += w * 0.035)
    back.rect(x, h * 0.26, w * 0.028, h * 0.12).fill(p.rand() < 0.5 ? 0xc84a3a : 0x3a6ac8);
  for (let i = 0; i < 6; i++) {
    const x = w * (0.46 + (i % 3) * 0.17);
    const y = h * (0.18 + Math.floor(i / 3) * 0.17);
    back.roundRect(x, y, w * 0.14, h * 0.14, 6).fill(0x3a2e24);
    back.rect(x + w * 0.01, y + h * 0.015, w * 0.12, h * 0.11).fill(0x7aa0c0);
  }
  // tinsel along the top: it is Christmas Eve
  for (let x = 0; x < w; x += w * 0.04)
    back
      .ellipse(x, h * 0.06, w * 0.02, h * 0.02)
      .fill(x % (w * 0.08) < w * 0.04 ? 0xc83a3a : 0x3ac86a);
  const table = p.layer('computers', null, NEAR);
  table.rect(0, h * 0.62, w, h * 0.06).fill(0xe8e0cc);
  table.rect(0, h * 0.68, w, h * 0.32).fill(0x4a3a5a);
  for (let i = 0; i < 6; i++) {
    const x = w * (0.03 + i * 0.163);
    table.roundRect(x, h * 0.4, w * 0.13, h * 0.18, 8).fill(0xd6ceb4);
    table.rect(x + w * 0.01, h * 0.42, w * 0.11, h * 0.13).fill(i === 3 ? 0x1a5a3a : 0x16304a);
    table.roundRect(x - w * 0.005, h * 0.585, w * 0.14, h * 0.035, 4).fill(0x2a2a2a);
  }
  // the boy's game: a maze on the fourth screen
  for (let k = 0; k < 4; k++)
    table
      .rect(
        w * (0.512 + k * 0.02),
        h * (0.44 + k * 0.02),
        w * (0.07 - k * 0.02),
        h * (0.09 - k * 0.04),
      )
      .stroke({ width: 2, color: 0x8aff9a });
  const screens = p.layer('screen-glow', MOVES);
  for (let i = 0; i < 6; i++)
    glow(screens, p, w * (0.095 + i * 0.163), h * 0.49, h * 0.14, '120,200,240', 0.25);
  return (t) => {
    screens.alpha = 0.8 + 0.2 * Math.sin(t / 500);
  };
};

/**
 * A cassette duplicating plant (Tapeloop's December): a windowless shed under strip lights, racks
 * of slave decks with their reels, a long bench with the master deck, boxes of blank tapes.
 */
const plant: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('wall')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#5e6468'],
        [0.6, '#4a5054'],
        [1, '#34383a'],
      ]),
    );
  const racks = p.layer('racks', null, FAR);
  // three racks of slave decks, each deck two reels behind a smoked window
  for (let r = 0; r < 3; r++) {
    const x0 = w * (0.04 + r * 0.32);
    racks.rect(x0, h * 0.14, w * 0.28, h * 0.48).fill(0x2a2e30);
    for (let row = 0; row < 4; row++)
      for (let col = 0; col < 3; col++) {
        const x = x0 + w * (0.012 + col * 0.09);
        const y = h * (0.16 + row * 0.115);
        racks.rect(x, y, w * 0.08, h * 0.095).fill(0x3e4446);
        racks.circle(x + w * 0.022, y + h * 0.045, h * 0.025).fill(0x1a1c1e);
        racks.circle(x + w * 0.058, y + h * 0.045, h * 0.025).fill(0x1a1c1e);
        // a red running light on some decks
        if (p.rand() < 0.6) racks.circle(x + w * 0.072, y + h * 0.012, h * 0.006).fill(0xe83a2a);
      }
  }
  const bench = p.layer('bench', null, NEAR);
  bench.rect(0, h * 0.66, w, h * 0.05).fill(0x8a8a80);
  bench.rect(0, h * 0.71, w, h * 0.29).fill(0x3a3a36);
  // the master deck: a big reel-to-reel on the bench
  bench.roundRect(w * 0.36, h * 0.46, w * 0.26, h * 0.2, 6).fill(0xb8b4a4);
  bench.circle(w * 0.43, h * 0.53, h * 0.055).fill(0x2a2a2a);
  bench.circle(w * 0.55, h * 0.53, h * 0.055).fill(0x2a2a2a);
  bench.rect(w * 0.42, h * 0.6, w * 0.14, h * 0.03).fill(0x5a5a50);
  // cardboard boxes of blank cassettes, and a stack of tapes
  bench.rect(w * 0.05, h * 0.56, w * 0.12, h * 0.1).fill(0xa8844e);
  bench.rect(w * 0.07, h * 0.5, w * 0.1, h * 0.06).fill(0xb8945e);
  for (let i = 0; i < 6; i++)
    bench
      .rect(w * 0.74, h * (0.63 - i * 0.018), w * 0.06, h * 0.016)
      .fill(i % 2 ? 0x2a2a2a : 0xe8e4d8);
  roomDark(p);
  const tubes = p.layer('strip-lights', MOVES);
  for (let i = 0; i < 3; i++)
    tubes.rect(w * (0.08 + i * 0.32), 0, w * 0.2, h * 0.018).fill(0xf2fbff);
  tubes.rect(0, 0, w, h * 0.55).fill(
    p.vertical([
      [0, 'rgba(230,250,255,0.16)'],
      [1, 'rgba(230,250,255,0)'],
    ]),
  );
  return (t) => {
    // one tube of the three is on its way out
    const phase = (t / 1000) % 7;
    tubes.alpha = phase > 6.3 && Math.sin(t / 19) > 0 ? 0.55 : 1;
  };
};

const beach: SceneDraw = (p) => {
  const { w, h } = p;
  drawSky(p.layer('sky'), p, 0, 0, w, h * 0.45);
  // the sea, far out at low tide, and the Hob at the end of its causeway
  const sea = p.layer('sea', null, FAR);
  sea.rect(0, h * 0.45, w, h * 0.06).fill(
    p.vertical([
      [0, '#4a6a80'],
      [1, '#6a8a98'],
    ]),
  );
  sea.ellipse(w * 0.82, h * 0.46, w * 0.08, h * 0.035).fill(0x3a4a3a);
  sea.rect(w * 0.66, h * 0.48, w * 0.17, h * 0.012).fill(0x6a6456);
  // the flat, shining sand: the sky's light lies on it
  const sand = p.layer('sand', null, MID);
  sand.rect(0, h * 0.5, w, h * 0.5).fill(
    p.vertical([
      [0, '#9aa4a4'],
      [0.3, '#b8aa8a'],
      [1, '#a08a68'],
    ]),
  );
  for (let i = 0; i < 10; i++)
    sand
      .ellipse(p.rand() * w, h * (0.53 + p.rand() * 0.12), w * (0.06 + p.rand() * 0.1), h * 0.008)
      .fill({ color: 0xe8eef0, alpha: 0.35 });
  // a few white stones on the sand (the letters are the story's to tell)
  const stones = p.layer('stones', null, MID);
  for (let i = 0; i < 14; i++)
    stones
      .circle(w * (0.25 + p.rand() * 0.5), h * (0.6 + p.rand() * 0.2), Math.max(1.5, h * 0.005))
      .fill(0xf6f4ee);
  dusk(p);
  // the ferry, lit like a street, far out
  const ferry = p.layer('ferry', MOVES, FAR);
  ferry.rect(w * 0.1, h * 0.46, w * 0.09, h * 0.015).fill(0x2a2e36);
  ferry.rect(w * 0.12, h * 0.45, w * 0.05, h * 0.01).fill(0x2a2e36);
  for (let k = 0; k < 7; k++)
    ferry.rect(w * (0.105 + k * 0.012), h * 0.463, w * 0.005, h * 0.005).fill(0xffe08a);
  // the café's wall and the steps down, close by
  const near = p.layer('sea-wall', null, NEAR);
  near.rect(0, h * 0.86, w * 0.3, h * 0.14).fill(0x6a6458);
  for (let k = 0; k < 4; k++)
    near
      .rect(w * (0.3 + k * 0.03), h * (0.86 + k * 0.035), w * 0.03, h * (0.14 - k * 0.035))
      .fill(0x7a7466);
  const weather = weatherOutside(p);
  return both(weather, (t) => {
    ferry.x = ((t * w) / 240000) % (w * 0.6);
  });
};

const forest: SceneDraw = (p) => {
  const { w, h } = p;
  drawSky(p.layer('sky'), p, 0, 0, w, h * 0.85);
  const layers: [number, number, number][] = [
    [0x2b4538, 0.55, 0.5],
    [0x1b2f25, 0.68, 0.7],
    [0x0c1711, 0.82, 1],
  ];
  for (const [color, base, scale] of layers) {
    const g = p.layer('trees');
    let x = -w * 0.05;
    while (x < w * 1.05) {
      const tw = w * (0.04 + p.rand() * 0.05) * (0.6 + scale);
      const th = h * (0.25 + p.rand() * 0.25) * scale;
      g.poly([x, h * base, x + tw / 2, h * base - th, x + tw, h * base]).fill(color);
      g.rect(x + tw * 0.45, h * base, tw * 0.1, h * 0.04).fill(color);
      x += tw * (0.45 + p.rand() * 0.4);
    }
    g.rect(0, h * base, w, h * (1 - base)).fill(color);
  }
  p.layer('mist')
    .rect(0, h * 0.5, w, h * 0.3)
    .fill(
      p.vertical([
        [0, 'rgba(200,220,210,0)'],
        [0.5, 'rgba(200,220,210,0.18)'],
        [1, 'rgba(200,220,210,0)'],
      ]),
    );
  const flies = p.layer('fireflies', MOVES);
  const spots = Array.from({ length: 24 }, () => ({
    x: p.rand() * w,
    y: h * (0.55 + p.rand() * 0.4),
    k: p.rand() * 6,
  }));
  const r = Math.max(2, Math.min(w, h) * 0.004);
  for (const s of spots) flies.circle(s.x, s.y, r).fill({ color: 0xfff3a0, alpha: 0.85 });
  const weather = weatherOutside(p);
  return both(weather, (t) => {
    flies.x = Math.sin(t / 2100) * w * 0.01;
    flies.y = Math.cos(t / 1700) * h * 0.01;
    flies.alpha = 0.55 + 0.45 * Math.sin(t / 600);
  });
};

const train: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('wall')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#3b3f46'],
        [1, '#23262b'],
      ]),
    );
  const outside = p.layer('outside');
  const wy = h * 0.18;
  const wh = h * 0.34;
  const panes = 3;
  const paneW = w / panes;
  for (let i = 0; i < panes; i++) {
    outside.roundRect(i * paneW + paneW * 0.08, wy, paneW * 0.84, wh, 14).fill(
      p.vertical([
        [0, '#070a18'],
        [1, '#1a2140'],
      ]),
    );
  }
  // Passing lights live in a masked strip twice the screen wide so they loop.
  const lights = p.layer('passing-lights', MOVES);
  for (let i = 0; i < 18; i++) {
    const x = p.rand() * w;
    const y = wy + wh * (0.2 + p.rand() * 0.7);
    for (const dx of [0, w])
      lights
        .rect(x + dx, y, w * (0.04 + p.rand() * 0.08), h * 0.006)
        .fill({ color: 0xffe0a0, alpha: 0.7 });
  }
  const mask = new Graphics({ label: 'window-mask' });
  for (let i = 0; i < panes; i++)
    mask.roundRect(i * paneW + paneW * 0.08, wy, paneW * 0.84, wh, 14).fill(0xffffff);
  lights.parent?.addChild(mask);
  lights.mask = mask;
  const cabin = p.layer('cabin', MOVES);
  cabin.rect(0, h * 0.11, w, h * 0.012).fill(0x9aa0a8);
  for (let i = 0; i < 7; i++)
    cabin.rect(w * (0.05 + i * 0.15), h * 0.11, w * 0.004, h * 0.05).fill(0x9aa0a8);
  for (let i = 0; i < panes; i++) {
    const x = i * paneW + paneW * 0.12;
    cabin.roundRect(x, h * 0.56, paneW * 0.76, h * 0.3, 18).fill(0x5a2230);
    cabin.roundRect(x, h * 0.52, paneW * 0.76, h * 0.1, 14).fill(0x6e2a3a);
  }
  cabin.rect(0, h * 0.86, w, h * 0.14).fill(
    p.vertical([
      [0, '#1a1b1e'],
      [1, '#0b0b0d'],
    ]),
  );
  return (t) => {
    lights.x = -((t * w) / 1600) % w;
    cabin.y = Math.sin(t / 140) * Math.max(0.5, h * 0.0015);
  };
};

const diner: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('wall')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#3a1f1f'],
        [1, '#241212'],
      ]),
    );
  const win = p.layer('window');
  drawSky(win, p, w * 0.05, h * 0.1, w * 0.9, h * 0.38);
  skyline(
    win,
    p,
    h * 0.48,
    h * 0.2,
    p.lampsOn ? 0x0a0f22 : 0x5a6272,
    p.lampsOn ? 0.2 : 0,
    w * 0.05,
    w * 0.95,
  );
  const glass = weatherOnGlass(p, [{ x: w * 0.05, y: h * 0.1, w: w * 0.9, h: h * 0.38 }]);
  for (let i = 1; i < 4; i++)
    win.rect(w * (0.05 + i * 0.225), h * 0.1, w * 0.008, h * 0.38).fill(0xc8c8c8);
  win.rect(w * 0.05, h * 0.1, w * 0.9, h * 0.38).stroke({ width: 6, color: 0xc8c8c8 });
  const counter = p.layer('counter');
  counter.rect(0, h * 0.62, w, h * 0.08).fill(0xd8d2c4);
  counter.rect(0, h * 0.7, w, h * 0.3).fill(
    p.vertical([
      [0, '#8c1d2a'],
      [1, '#4a0f16'],
    ]),
  );
  for (let x = 0; x < w; x += w * 0.04) {
    const dark = Math.round(x / (w * 0.04)) % 2 === 0;
    counter.rect(x, h * 0.92, w * 0.04, h * 0.08).fill(dark ? 0x1a1a1a : 0xe8e8e8);
  }
  for (let i = 0; i < 5; i++) {
    const x = w * (0.14 + i * 0.18);
    counter.rect(x - w * 0.005, h * 0.78, w * 0.01, h * 0.14).fill(0xb8b8b8);
    counter.ellipse(x, h * 0.77, w * 0.035, h * 0.02).fill(0xc2283a);
  }
  const neon = p.layer('neon', MOVES);
  neon
    .roundRect(w * 0.62, h * 0.16, w * 0.26, h * 0.1, 16)
    .stroke({ width: Math.max(3, w * 0.004), color: 0xff4fa0 });
  neon
    .circle(w * 0.68, h * 0.21, h * 0.025)
    .stroke({ width: Math.max(3, w * 0.004), color: 0x5fe8ff });
  neon.rect(w * 0.72, h * 0.19, w * 0.12, h * 0.04).fill({ color: 0xff4fa0, alpha: 0.8 });
  return both(glass, (t) => {
    neon.alpha = Math.sin(t / 61) > 0.97 ? 0.3 : 0.9 + 0.1 * Math.sin(t / 300);
  });
};

const arcade: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('room')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#0b0416'],
        [1, '#1c0a30'],
      ]),
    );
  const floor = p.layer('floor');
  floor.rect(0, h * 0.75, w, h * 0.25).fill(0x0a0312);
  for (let i = -10; i <= 10; i++) floor.moveTo(w / 2, h * 0.75).lineTo(w / 2 + i * w * 0.12, h);
  for (let y = h * 0.78; y < h; y += h * 0.04) floor.moveTo(0, y).lineTo(w, y);
  floor.stroke({ width: 1.5, color: 0xb14cff, alpha: 0.45 });
  const cabinets = p.layer('cabinets');
  const screens = p.layer('screens', MOVES);
  const colors = [0x35f0ff, 0xff3fa4, 0x7dff6b, 0xffd23f];
  const n = 6;
  for (let i = 0; i < n; i++) {
    const cw = w / n;
    const x = i * cw + cw * 0.12;
    cabinets.rect(x, h * 0.28, cw * 0.76, h * 0.5).fill(0x17122a);
    cabinets.rect(x, h * 0.24, cw * 0.76, h * 0.06).fill(colors[i % colors.length] ?? 0xffffff);
    screens
      .rect(x + cw * 0.08, h * 0.34, cw * 0.6, h * 0.16)
      .fill({ color: colors[(i + 1) % colors.length] ?? 0xffffff, alpha: 0.75 });
    cabinets.rect(x + cw * 0.05, h * 0.56, cw * 0.66, h * 0.05).fill(0x2a2045);
  }
  const haze = p.layer('haze');
  haze.rect(0, 0, w, h * 0.6).fill(
    p.vertical([
      [0, 'rgba(180,60,255,0.18)'],
      [1, 'rgba(180,60,255,0)'],
    ]),
  );
  return (t) => {
    screens.alpha = 0.75 + 0.25 * Math.abs(Math.sin(t / 180));
  };
};

const voidScene: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('dark').rect(0, 0, w, h).fill(0x020203);
  p.layer('glow')
    .rect(0, 0, w, h)
    .fill(
      p.radial([
        [0, 'rgba(40,44,70,0.9)'],
        [1, 'rgba(2,2,3,0)'],
      ]),
    );
  const dust = p.layer('dust', MOVES);
  for (let i = 0; i < 80; i++) {
    const x = p.rand() * w;
    const y = p.rand() * h;
    for (const dy of [0, -h])
      dust
        .circle(x, y + dy, Math.max(0.8, p.rand() * 2))
        .fill({ color: 0xbfc6ff, alpha: 0.15 + p.rand() * 0.35 });
  }
  return (t) => {
    dust.y = ((t * h) / 60000) % h;
  };
};

const title: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('backdrop')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#0a0a0f'],
        [0.6, '#14101e'],
        [1, '#2a0f18'],
      ]),
    );
  const beams = p.layer('beams', MOVES);
  for (let i = 0; i < 5; i++) {
    const x = w * (0.1 + i * 0.2);
    beams
      .poly([x - w * 0.02, 0, x + w * 0.02, 0, x + w * 0.14, h, x - w * 0.14, h])
      .fill({ color: 0xffffff, alpha: 0.035 });
  }
  p.layer('spot')
    .circle(w / 2, h * 0.45, Math.max(w, h) * 0.35)
    .fill(
      p.radial([
        [0, 'rgba(200,40,60,0.35)'],
        [1, 'rgba(200,40,60,0)'],
      ]),
    );
  p.layer('horizon')
    .rect(0, h * 0.72, w, Math.max(1, h * 0.003))
    .fill({ color: 0xff5a6a, alpha: 0.6 });
  return (t) => {
    beams.alpha = 0.7 + 0.3 * Math.sin(t / 1800);
  };
};

/** Shown for unknown scene names: a quiet gradient that suits any story. */
const neutral: SceneDraw = (p) => {
  p.layer('neutral')
    .rect(0, 0, p.w, p.h)
    .fill(
      p.vertical([
        [0, '#1d2230'],
        [1, '#0b0d12'],
      ]),
    );
  return null;
};

const DEFS: Record<SceneName, SceneDef> = {
  street: { interior: false, time: 'day', weather: 'clear', draw: street },
  'night-street': { interior: false, time: 'night', weather: 'rain', draw: street },
  office: { interior: true, time: 'day', weather: 'clear', draw: office },
  'hotel-desk': { interior: true, time: 'night', weather: 'rain', draw: hotelDesk },
  kitchen: { interior: true, time: 'morning', weather: 'clear', draw: kitchen },
  bedroom: { interior: true, time: 'night', weather: 'clear', draw: bedroomOf(true) },
  room: { interior: true, time: 'night', weather: 'clear', draw: bedroomOf(false) },
  bus: { interior: true, time: 'morning', weather: 'rain', draw: bus },
  train: { interior: true, time: 'night', weather: 'clear', draw: train },
  platform: { interior: false, time: 'night', weather: 'rain', draw: platform },
  'rail-yard': { interior: false, time: 'morning', weather: 'clear', draw: railYard },
  towpath: { interior: false, time: 'morning', weather: 'clear', draw: towpath },
  forest: { interior: false, time: 'night', weather: 'clear', draw: forest },
  rooftop: { interior: false, time: 'night', weather: 'clear', draw: rooftop },
  diner: { interior: true, time: 'night', weather: 'clear', draw: diner },
  pub: { interior: true, time: 'night', weather: 'clear', draw: pub },
  cafe: { interior: true, time: 'day', weather: 'clear', draw: cafe },
  shop: { interior: true, time: 'day', weather: 'clear', draw: shop },
  plant: { interior: true, time: 'day', weather: 'clear', draw: plant },
  arcade: { interior: true, time: 'night', weather: 'clear', draw: arcade },
  beach: { interior: false, time: 'morning', weather: 'clear', draw: beach },
  void: { interior: true, time: 'night', weather: 'clear', draw: voidScene },
  title: { interior: true, time: 'night', weather: 'clear', draw: title },
};

const FALLBACK: SceneDef = { interior: true, time: 'night', weather: 'clear', draw: neutral };

/** How the scene is drawn for these params: its defaults, overridden by what the tag says. */
export function sceneSetting(
  name: string,
  params?: SceneParams,
): { time: SceneTime; weather: SceneWeather; interior: boolean } {
  const key = name.trim().toLowerCase();
  const def = isSceneName(key) ? DEFS[key] : FALLBACK;
  const asked = resolveSceneParams(params);
  return {
    time: asked.time ?? def.time,
    weather: asked.weather ?? def.weather,
    interior: def.interior,
  };
}

/** The camera's slow drift: how far (scene px at depth 1) and how slowly it wanders. */
const DRIFT_X = 0.012;
const DRIFT_Y = 0.006;
/** The scene is drawn a little larger than the screen, so the drift never shows an edge. */
const OVERSCAN = 1.03;

export function buildScene(
  name: string,
  width: number,
  height: number,
  options: SceneOptions,
): SceneInstance {
  const key = name.trim().toLowerCase();
  let def: SceneDef;
  let label: string;
  if (isSceneName(key)) {
    def = DEFS[key];
    label = `scene:${key}`;
  } else {
    warnOnce(
      `scene:${key}`,
      `unknown scene "${name}"; showing a plain backdrop. Known scenes: ${SCENE_NAMES.join(', ')}.`,
    );
    def = FALLBACK;
    label = 'scene:fallback';
  }
  for (const problem of resolveSceneParams(options.params).problems)
    warnOnce(`scene-param:${problem}`, `scene "${key}": ${problem}; ignored.`);
  const setting = sceneSetting(key, options.params);
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const parallax = options.parallax ?? true;
  const container = new Container({ label });
  container.pivot.set(w / 2, h / 2);
  container.position.set(w / 2, h / 2);
  if (parallax) container.scale.set(OVERSCAN);
  const stills: { group: Container; depth: number }[] = [];
  // A moving layer sits in a holder of its own: the step moves the Graphics, `follow` hands that
  // to the holder (cached as a texture; moving or fading a cached container needs no repaint).
  const movers: { g: Graphics; holder: Container; depth: number }[] = [];
  const follow = (dx: number, dy: number): void => {
    // Every step sets absolute values, so the holder takes them over and the Graphics goes back.
    for (const { g, holder, depth } of movers) {
      holder.position.set(g.position.x + dx * depth, g.position.y + dy * depth);
      holder.alpha = g.alpha;
      g.position.set(0, 0);
      g.alpha = 1;
    }
    for (const { group, depth } of stills) group.position.set(dx * depth, dy * depth);
  };
  const gradients: FillGradient[] = [];
  const make = (options: GradientOptions): FillGradient => {
    const g = new FillGradient(options);
    gradients.push(g);
    return g;
  };
  const painter: Painter = {
    w,
    h,
    // A fixed seed: the same scene looks the same every time (and in every screenshot).
    rand: seededRandom(hashName(key)),
    time: setting.time,
    weather: setting.weather,
    lampsOn: setting.time === 'night' || setting.time === 'dusk' || setting.time === 'dawn',
    layer(layerLabel, moves, asked = 0) {
      const depth = parallax ? asked : asked === SAME ? SAME : 0;
      const g = new Graphics({ label: layerLabel });
      if (moves) {
        const holder = new Container({ label: layerLabel });
        holder.addChild(g);
        container.addChild(holder);
        movers.push({ g, holder, depth });
      } else {
        // Still layers of one depth stacked between two moving ones share one group, cached as one
        // texture; a new depth starts a new group, so the depths can drift apart.
        const top = container.children[container.children.length - 1];
        let entry = stills.find((s) => s.group === top && (s.depth === depth || depth === SAME));
        if (!entry) {
          entry = { group: new Container({ label: 'still' }), depth: Math.max(0, depth) };
          stills.push(entry);
          container.addChild(entry.group);
        }
        entry.group.addChild(g);
      }
      return g;
    },
    vertical: (s) =>
      make({
        type: 'linear',
        start: { x: 0, y: 0 },
        end: { x: 0, y: 1 },
        colorStops: stops(s),
        textureSpace: 'local',
      }),
    horizontal: (s) =>
      make({
        type: 'linear',
        start: { x: 0, y: 0 },
        end: { x: 1, y: 0 },
        colorStops: stops(s),
        textureSpace: 'local',
      }),
    radial: (s) =>
      make({
        type: 'radial',
        center: { x: 0.5, y: 0.5 },
        innerRadius: 0,
        outerCenter: { x: 0.5, y: 0.5 },
        outerRadius: 0.5,
        colorStops: stops(s),
        textureSpace: 'local',
      }),
  };
  const step = def.draw(painter);
  // On the 2D canvas renderer (software WebGL) repainting every path and gradient each frame cost
  // 30-60 ms; as textures, a frame is a few image draws. Moving layers only change their own
  // position or alpha, which a cached texture keeps.
  for (const { group } of stills) group.cacheAsTexture(true);
  // A masked layer (the train's lights) slides under a still mask beside it in its holder: it stays
  // a live Graphics that the step moves itself.
  for (let i = movers.length - 1; i >= 0; i--) if (movers[i]?.g.mask) movers.splice(i, 1);
  // Sparse layers (rain, snow, streaks on glass) stay live: a few hundred short strokes cost far
  // less than blending a whole-screen texture, most of it empty, every frame in software.
  for (const { holder } of movers) if (!SPARSE.has(holder.label)) holder.cacheAsTexture(true);
  const run = (t: number): void => {
    step?.(t);
    follow(w * DRIFT_X * Math.sin(t / 11000), h * DRIFT_Y * Math.sin(t / 15000));
  };
  run(0);
  let reduced = options.reducedMotion;
  let still = false;
  return {
    name: key,
    time: setting.time,
    weather: setting.weather,
    interior: setting.interior,
    container,
    get still() {
      return still;
    },
    tick(t) {
      if (!reduced && !still) run(t);
    },
    setStill(value) {
      if (value === still || container.destroyed) return;
      still = value;
      // one texture for every depth, the weather and the lights: a frame is one image draw
      container.cacheAsTexture(value);
    },
    setReducedMotion(value) {
      reduced = value;
      // A still frame, not a frozen mid-flicker one.
      if (value) run(0);
    },
    destroy() {
      container.destroy({ children: true });
      const free = (): void => gradients.forEach((g) => g.destroy());
      if (options.retire) options.retire(free);
      else free();
    },
  };
}
