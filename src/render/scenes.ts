// The library of named scenes pixi draws itself (`# scene: office`), so a story needs no image files.
import type { GradientOptions } from 'pixi.js';
import { Container, FillGradient, Graphics } from 'pixi.js';
import { warnOnce } from './warn.ts';
import { seededRandom } from '../core/random.ts';

export const SCENE_NAMES = [
  'night-street',
  'office',
  'forest',
  'bedroom',
  'train',
  'rooftop',
  'diner',
  'arcade',
  'beach',
  'void',
  'title',
] as const;

export type SceneName = (typeof SCENE_NAMES)[number];

export function isSceneName(name: string): name is SceneName {
  return (SCENE_NAMES as readonly string[]).includes(name);
}

export interface SceneInstance {
  readonly name: string;
  /** labelled `scene:<name>` (or `scene:fallback`) */
  readonly container: Container;
  /** advances the scene's ambient motion (rain, flicker); does nothing under reduced motion */
  tick(tMs: number): void;
  setReducedMotion(reduced: boolean): void;
  destroy(): void;
}

export interface SceneOptions {
  readonly reducedMotion: boolean;
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

/** What a scene painter draws with; gradients are tracked so the scene can free their textures. */
interface Painter {
  readonly w: number;
  readonly h: number;
  readonly rand: () => number;
  /** a new layer on top; `MOVES` for one the animation step changes (position or alpha only) */
  layer(label: string, moves?: typeof MOVES): Graphics;
  vertical(stops: readonly Stop[]): FillGradient;
  horizontal(stops: readonly Stop[]): FillGradient;
  radial(stops: readonly Stop[]): FillGradient;
}

/** Draws the still frame; returns the animation step (called with ms) or null for a still scene. */
type SceneDraw = (p: Painter) => ((t: number) => void) | null;

function hashName(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

function stops(list: readonly Stop[]): { offset: number; color: string }[] {
  return list.map(([offset, color]) => ({ offset, color }));
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

const nightStreet: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('sky')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#05060f'],
        [0.55, '#1b1840'],
        [1, '#3a2747'],
      ]),
    );
  const far = p.layer('buildings-far');
  skyline(far, p, h * 0.72, h * 0.5, 0x0c0d1c, 0.18);
  const near = p.layer('buildings-near');
  skyline(near, p, h * 0.74, h * 0.38, 0x07070f, 0.1);
  const street = p.layer('street');
  street.rect(0, h * 0.72, w, h * 0.28).fill(
    p.vertical([
      [0, '#15131f'],
      [1, '#050507'],
    ]),
  );
  // Wet asphalt: streaks of reflected lamp light.
  for (let i = 0; i < 14; i++) {
    const x = p.rand() * w;
    street
      .rect(x, h * 0.76 + p.rand() * h * 0.2, w * 0.004, h * 0.05)
      .fill({ color: 0xffc46b, alpha: 0.18 });
  }
  const lampX = w * 0.72;
  const lamp = p.layer('lamp');
  lamp.rect(lampX - w * 0.004, h * 0.3, w * 0.008, h * 0.45).fill(0x111114);
  lamp.rect(lampX - w * 0.03, h * 0.29, w * 0.06, h * 0.015).fill(0x1a1a1f);
  const glow = p.layer('lamp-glow', MOVES);
  const r = Math.max(w, h) * 0.28;
  glow.circle(lampX, h * 0.31, r).fill(
    p.radial([
      [0, 'rgba(255,206,120,0.55)'],
      [0.35, 'rgba(255,190,100,0.18)'],
      [1, 'rgba(255,180,90,0)'],
    ]),
  );
  const rainBack = p.layer('rain-back', MOVES);
  drawRain(rainBack, p, 90, 0.22);
  const rainFront = p.layer('rain-front', MOVES);
  drawRain(rainFront, p, 60, 0.38);
  return (t) => {
    rainBack.y = -h + (((t * h) / 1400) % h);
    rainFront.y = -h + (((t * h) / 800) % h);
    // A sodium lamp that hums, with the odd stutter.
    const stutter = Math.sin(t / 97) > 0.985 ? 0.45 : 1;
    glow.alpha = (0.85 + 0.15 * Math.sin(t / 430)) * stutter;
  };
};

const office: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('wall')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#2e3a3a'],
        [0.7, '#1d2626'],
        [1, '#121616'],
      ]),
    );
  const win = p.layer('window');
  const wx = w * 0.08;
  const wy = h * 0.14;
  const ww = w * 0.36;
  const wh = h * 0.4;
  win.rect(wx, wy, ww, wh).fill(
    p.vertical([
      [0, '#0a1330'],
      [1, '#243a6b'],
    ]),
  );
  skyline(win, p, wy + wh, wh * 0.6, 0x0b1022, 0.25, wx, wx + ww);
  for (let y = wy; y < wy + wh; y += h * 0.022)
    win.rect(wx, y, ww, h * 0.008).fill({ color: 0xbfc7c2, alpha: 0.5 });
  win.rect(wx - 6, wy - 6, ww + 12, wh + 12).stroke({ width: 6, color: 0x3f4a48 });
  const desk = p.layer('desk');
  desk.rect(0, h * 0.7, w, h * 0.3).fill(
    p.vertical([
      [0, '#4a3424'],
      [1, '#2a1d14'],
    ]),
  );
  desk.rect(w * 0.52, h * 0.36, w * 0.3, h * 0.3).fill(0x0d0f12);
  desk.rect(w * 0.535, h * 0.38, w * 0.27, h * 0.25).fill(
    p.vertical([
      [0, '#2b6f8f'],
      [1, '#16384a'],
    ]),
  );
  desk.rect(w * 0.655, h * 0.66, w * 0.03, h * 0.04).fill(0x0d0f12);
  for (let i = 0; i < 6; i++) {
    desk
      .rect(w * 0.56, h * (0.42 + i * 0.03), w * (0.08 + p.rand() * 0.14), h * 0.008)
      .fill({ color: 0xd7f0ff, alpha: 0.5 });
  }
  desk.rect(w * 0.12, h * 0.64, w * 0.16, h * 0.06).fill(0xe8e2d0);
  desk.rect(w * 0.13, h * 0.62, w * 0.14, h * 0.03).fill(0xd9d2bd);
  const screenGlow = p.layer('screen-glow', MOVES);
  screenGlow.circle(w * 0.67, h * 0.5, Math.max(w, h) * 0.3).fill(
    p.radial([
      [0, 'rgba(90,190,230,0.28)'],
      [1, 'rgba(90,190,230,0)'],
    ]),
  );
  const tube = p.layer('fluorescent', MOVES);
  tube.rect(w * 0.3, 0, w * 0.4, h * 0.025).fill(0xf2fbff);
  tube.rect(0, 0, w, h * 0.5).fill(
    p.vertical([
      [0, 'rgba(230,250,255,0.16)'],
      [1, 'rgba(230,250,255,0)'],
    ]),
  );
  return (t) => {
    const phase = (t / 1000) % 9;
    tube.alpha = phase > 8.2 && Math.sin(t / 23) > 0 ? 0.35 : 1;
    screenGlow.alpha = 0.85 + 0.15 * Math.sin(t / 900);
  };
};

const forest: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('sky')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#0f1a2e'],
        [0.5, '#2f4a5a'],
        [1, '#8aa38f'],
      ]),
    );
  p.layer('moon')
    .circle(w * 0.78, h * 0.18, Math.min(w, h) * 0.06)
    .fill({ color: 0xf3f0d8, alpha: 0.9 });
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
  return (t) => {
    flies.x = Math.sin(t / 2100) * w * 0.01;
    flies.y = Math.cos(t / 1700) * h * 0.01;
    flies.alpha = 0.55 + 0.45 * Math.sin(t / 600);
  };
};

const bedroom: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('wall')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#1c1830'],
        [1, '#2c2440'],
      ]),
    );
  const win = p.layer('window');
  win.rect(w * 0.58, h * 0.12, w * 0.28, h * 0.36).fill(
    p.vertical([
      [0, '#0a0f2a'],
      [1, '#22305a'],
    ]),
  );
  win.circle(w * 0.8, h * 0.2, Math.min(w, h) * 0.04).fill(0xf5f1dc);
  win.rect(w * 0.716, h * 0.12, w * 0.008, h * 0.36).fill(0x433a5c);
  win.rect(w * 0.58, h * 0.296, w * 0.28, h * 0.008).fill(0x433a5c);
  win.rect(w * 0.58, h * 0.12, w * 0.28, h * 0.36).stroke({ width: 8, color: 0x433a5c });
  const moonlight = p.layer('moonlight');
  moonlight
    .poly([w * 0.58, h * 0.48, w * 0.86, h * 0.48, w * 0.7, h, w * 0.3, h])
    .fill({ color: 0xbcc8ff, alpha: 0.07 });
  const poster = p.layer('poster');
  poster.rect(w * 0.14, h * 0.16, w * 0.12, h * 0.22).fill(0x6b2f4a);
  poster.circle(w * 0.2, h * 0.25, Math.min(w, h) * 0.04).fill(0xe3b04b);
  const bed = p.layer('bed');
  bed.rect(0, h * 0.78, w, h * 0.22).fill(0x15121f);
  bed.roundRect(w * 0.05, h * 0.58, w * 0.55, h * 0.24, 12).fill(0x3a4f7a);
  bed.roundRect(w * 0.07, h * 0.54, w * 0.14, h * 0.08, 10).fill(0xe6e1f0);
  bed.rect(w * 0.05, h * 0.5, w * 0.02, h * 0.32).fill(0x2a2138);
  bed.rect(w * 0.64, h * 0.62, w * 0.1, h * 0.18).fill(0x2a2138);
  bed.rect(w * 0.675, h * 0.55, w * 0.03, h * 0.07).fill(0xd9c79a);
  const glow = p.layer('lamp-glow', MOVES);
  glow.circle(w * 0.69, h * 0.56, Math.max(w, h) * 0.2).fill(
    p.radial([
      [0, 'rgba(255,200,130,0.5)'],
      [1, 'rgba(255,200,130,0)'],
    ]),
  );
  return (t) => {
    glow.alpha = 0.88 + 0.12 * Math.sin(t / 1300);
  };
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

const rooftop: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('sky')
    .rect(0, 0, w, h)
    .fill(
      p.vertical([
        [0, '#020313'],
        [0.6, '#101a3a'],
        [1, '#3d2a4a'],
      ]),
    );
  const stars = p.layer('stars', MOVES);
  for (let i = 0; i < 140; i++) {
    stars
      .circle(p.rand() * w, p.rand() * h * 0.55, Math.max(0.8, p.rand() * 1.8))
      .fill({ color: 0xffffff, alpha: 0.4 + p.rand() * 0.6 });
  }
  const city = p.layer('city');
  skyline(city, p, h * 0.8, h * 0.28, 0x0a0c18, 0.35);
  const roof = p.layer('roof');
  roof.rect(0, h * 0.8, w, h * 0.2).fill(0x16161b);
  roof.rect(0, h * 0.78, w, h * 0.03).fill(0x2a2a31);
  roof.rect(w * 0.08, h * 0.48, w * 0.12, h * 0.2).fill(0x1d1d22);
  roof.poly([w * 0.07, h * 0.48, w * 0.14, h * 0.42, w * 0.21, h * 0.48]).fill(0x1d1d22);
  for (const x of [0.09, 0.13, 0.17]) roof.rect(w * x, h * 0.68, w * 0.008, h * 0.1).fill(0x1d1d22);
  return (t) => {
    stars.alpha = 0.8 + 0.2 * Math.sin(t / 800);
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
  win.rect(w * 0.05, h * 0.1, w * 0.9, h * 0.38).fill(
    p.vertical([
      [0, '#081028'],
      [1, '#1d2b55'],
    ]),
  );
  skyline(win, p, h * 0.48, h * 0.2, 0x0a0f22, 0.2, w * 0.05, w * 0.95);
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
  return (t) => {
    neon.alpha = Math.sin(t / 61) > 0.97 ? 0.3 : 0.9 + 0.1 * Math.sin(t / 300);
  };
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

const beach: SceneDraw = (p) => {
  const { w, h } = p;
  p.layer('sky')
    .rect(0, 0, w, h * 0.6)
    .fill(
      p.vertical([
        [0, '#2b2d6b'],
        [0.55, '#e0708a'],
        [1, '#ffb870'],
      ]),
    );
  p.layer('sun')
    .circle(w * 0.5, h * 0.6, Math.min(w, h) * 0.14)
    .fill({ color: 0xffd37a, alpha: 0.95 });
  p.layer('sea')
    .rect(0, h * 0.6, w, h * 0.22)
    .fill(
      p.vertical([
        [0, '#6a4e8a'],
        [1, '#1d3a5f'],
      ]),
    );
  const glitter = p.layer('glitter', MOVES);
  for (let i = 0; i < 30; i++)
    glitter
      .rect(w * (0.4 + p.rand() * 0.2), h * (0.61 + p.rand() * 0.18), w * 0.02, 2)
      .fill({ color: 0xffe2a0, alpha: 0.6 });
  const waves = p.layer('waves', MOVES);
  for (let k = 0; k < 3; k++) {
    const y = h * (0.8 + k * 0.015);
    waves.moveTo(-w * 0.1, y);
    for (let x = -w * 0.1; x <= w * 1.1; x += w * 0.05)
      waves.lineTo(x, y + Math.sin(x / (w * 0.04)) * h * 0.004);
  }
  waves.stroke({ width: 2, color: 0xffffff, alpha: 0.6 });
  p.layer('sand')
    .rect(0, h * 0.82, w, h * 0.18)
    .fill(
      p.vertical([
        [0, '#c9a27a'],
        [1, '#8c6a4c'],
      ]),
    );
  return (t) => {
    waves.y = Math.sin(t / 1500) * h * 0.012;
    glitter.alpha = 0.6 + 0.4 * Math.sin(t / 350);
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

const SCENES: Record<SceneName, SceneDraw> = {
  'night-street': nightStreet,
  office,
  forest,
  bedroom,
  train,
  rooftop,
  diner,
  arcade,
  beach,
  void: voidScene,
  title,
};

export function buildScene(
  name: string,
  width: number,
  height: number,
  options: SceneOptions,
): SceneInstance {
  const key = name.trim().toLowerCase();
  let draw: SceneDraw;
  let label: string;
  if (isSceneName(key)) {
    draw = SCENES[key];
    label = `scene:${key}`;
  } else {
    warnOnce(
      `scene:${key}`,
      `unknown scene "${name}"; showing a plain backdrop. Known scenes: ${SCENE_NAMES.join(', ')}.`,
    );
    draw = neutral;
    label = 'scene:fallback';
  }
  const container = new Container({ label });
  const stills: Container[] = [];
  // A moving layer sits in a holder of its own: the step moves the Graphics, `follow` hands that
  // to the holder (cached as a texture; moving or fading a cached container needs no repaint).
  const movers: { g: Graphics; holder: Container }[] = [];
  const follow = (): void => {
    // Every step sets absolute values, so the holder takes them over and the Graphics goes back.
    for (const { g, holder } of movers) {
      holder.position.copyFrom(g.position);
      holder.alpha = g.alpha;
      g.position.set(0, 0);
      g.alpha = 1;
    }
  };
  const gradients: FillGradient[] = [];
  const make = (options: GradientOptions): FillGradient => {
    const g = new FillGradient(options);
    gradients.push(g);
    return g;
  };
  const painter: Painter = {
    w: Math.max(1, width),
    h: Math.max(1, height),
    // A fixed seed: the same scene looks the same every time (and in every screenshot).
    rand: seededRandom(hashName(key)),
    layer(layerLabel, moves) {
      const g = new Graphics({ label: layerLabel });
      if (moves) {
        const holder = new Container({ label: layerLabel });
        holder.addChild(g);
        container.addChild(holder);
        movers.push({ g, holder });
      } else {
        // Still layers stacked between two moving ones share one group, cached as one texture.
        const top = container.children[container.children.length - 1];
        let group = top && stills.includes(top) ? top : null;
        if (!group) {
          group = new Container({ label: 'still' });
          stills.push(group);
          container.addChild(group);
        }
        group.addChild(g);
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
  const step = draw(painter);
  // On the 2D canvas renderer (software WebGL) repainting every path and gradient each frame cost
  // 30-60 ms; as textures, a frame is a few image draws. Moving layers only change their own
  // position or alpha, which a cached texture keeps.
  for (const group of stills) group.cacheAsTexture(true);
  // A masked layer (the train's lights) slides under a still mask beside it in its holder: it stays
  // a live Graphics that the step moves itself.
  for (let i = movers.length - 1; i >= 0; i--) if (movers[i]?.g.mask) movers.splice(i, 1);
  for (const { holder } of movers) holder.cacheAsTexture(true);
  const run = (t: number): void => {
    if (!step) return;
    step(t);
    follow();
  };
  run(0);
  let reduced = options.reducedMotion;
  return {
    name: key,
    container,
    tick(t) {
      if (!reduced) run(t);
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
