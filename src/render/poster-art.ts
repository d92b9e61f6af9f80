// Key art: a story's poster composed like a film poster from its own scene (scenes.ts), a subject
// drawn over it (a figure at an edge, two figures, a lit doorway…), and the title lettered in a
// safe zone. `npm run posters` (tools/posters/) renders it once into image files; the home never
// loads pixi.
import { Container, FillGradient, Graphics, Text } from 'pixi.js';
import { buildScene } from './scenes.ts';
import { parseSceneValue } from '../core/scenes.ts';

/** What stands in front of the scene; each variant of a story picks a different one. */
export const POSTER_SUBJECTS = [
  'figure',
  'runner',
  'pair',
  'doorway',
  'screen',
  'stones',
  'climber',
  'distant',
  'umbrella',
] as const;
export type PosterSubject = (typeof POSTER_SUBJECTS)[number];

export interface PosterSpec {
  /** a scene as a `# scene:` tag writes it, parameters and all */
  readonly scene: string;
  readonly subject: PosterSubject;
  readonly title: string;
  readonly author: string;
  /** the glow behind the subject, e.g. 0xffc36b */
  readonly light: number;
}

export interface PosterArt {
  readonly container: Container;
  destroy(): void;
}

const INK = 0x07070c;

/** A standing or walking person, feet at (x, y), `s` tall; `stride` 0 stands, 1 runs. */
function shape(
  g: Graphics,
  x: number,
  y: number,
  s: number,
  stride: number,
  lean: number,
  ink: { color: number; alpha: number },
): void {
  const head = s * 0.075;
  const hip = y - s * 0.47;
  const neck = y - s * 0.84;
  const shift = lean * s * 0.12;
  g.circle(x + shift * 1.2, neck - head * 1.05, head).fill(ink);
  // torso: a coat, wider at the shoulders
  g.poly([
    x + shift - s * 0.1,
    neck + s * 0.02,
    x + shift + s * 0.1,
    neck + s * 0.02,
    x + s * 0.085,
    hip + s * 0.06,
    x - s * 0.085,
    hip + s * 0.06,
  ]).fill(ink);
  const leg = (dx: number): void => {
    g.moveTo(x, hip)
      .lineTo(x + dx * s * 0.32, y)
      .stroke({ width: s * 0.07, ...ink, cap: 'round' });
  };
  if (stride === 0) {
    g.rect(x - s * 0.075, hip, s * 0.065, y - hip).fill(ink);
    g.rect(x + s * 0.01, hip, s * 0.065, y - hip).fill(ink);
  } else {
    leg(stride * 0.9);
    leg(-stride * 0.7);
  }
  const arm = (dx: number, dy: number): void => {
    g.moveTo(x + shift, neck + s * 0.05)
      .lineTo(x + shift + dx * s, neck + dy * s)
      .stroke({ width: s * 0.05, ...ink, cap: 'round' });
  };
  if (stride === 0) {
    arm(-0.13, 0.38);
    arm(0.13, 0.38);
  } else {
    arm(0.3, 0.12 - stride * 0.1);
    arm(-0.26, 0.32);
  }
}

/** A silhouette with a rim of the scene's light around it, so it stands off a dark ground. */
function person(g: Graphics, x: number, y: number, s: number, stride = 0, lean = 0): void {
  shape(g, x, y + s * 0.012, s * 1.035, stride, lean, { color: rim, alpha: 0.5 });
  shape(g, x, y, s, stride, lean, { color: INK, alpha: 1 });
}

/** The rim colour for the poster being drawn (its light). */
let rim = 0xffffff;

/** A soft pool of light: a radial gradient from the light's colour to nothing. */
function glow(g: Graphics, x: number, y: number, r: number, color: number, strength = 1): void {
  const hex = `#${color.toString(16).padStart(6, '0')}`;
  const a = (v: number) =>
    Math.round(Math.min(1, v * strength) * 255)
      .toString(16)
      .padStart(2, '0');
  const fill = new FillGradient({
    type: 'radial',
    center: { x: 0.5, y: 0.5 },
    innerRadius: 0,
    outerCenter: { x: 0.5, y: 0.5 },
    outerRadius: 0.5,
    colorStops: [
      { offset: 0, color: `${hex}${a(0.55)}` },
      { offset: 0.45, color: `${hex}${a(0.2)}` },
      { offset: 1, color: `${hex}00` },
    ],
    textureSpace: 'local',
  });
  pending.push(fill);
  g.circle(x, y, r).fill(fill);
}

/** Gradients made while composing, freed with the poster. */
let pending: FillGradient[] = [];

function drawSubject(
  g: Graphics,
  subject: PosterSubject,
  w: number,
  h: number,
  cx: number,
  ground: number,
  light: number,
): void {
  const s = Math.min(w, h) * 0.42;
  switch (subject) {
    case 'figure':
      glow(g, cx, ground - s * 0.5, s * 0.8, light, 0.9);
      person(g, cx, ground, s);
      break;
    case 'runner': {
      // an edge: the ground stops, the figure is already past it
      const edge = cx + s * 0.25;
      g.rect(0, ground, edge, h - ground).fill(INK);
      g.poly([edge, ground, edge + s * 0.04, ground, edge, h]).fill(INK);
      g.moveTo(0, ground)
        .lineTo(edge, ground)
        .stroke({ width: Math.max(2, s * 0.012), color: light, alpha: 0.8 });
      glow(g, edge + s * 0.3, ground - s * 0.9, s * 0.9, light, 0.8);
      person(g, edge + s * 0.12, ground - s * 0.16, s * 0.95, 1, 0.6);
      break;
    }
    case 'pair':
      glow(g, cx, ground - s * 0.55, s * 0.95, light, 1);
      person(g, cx - s * 0.17, ground, s * 1.02, 0, 0.25);
      person(g, cx + s * 0.17, ground, s * 0.92, 0, -0.25);
      break;
    case 'doorway': {
      const dw = s * 0.52;
      const dh = s * 1.15;
      g.rect(cx - dw * 0.7, ground - dh * 1.08, dw * 1.4, dh * 1.08).fill({
        color: INK,
        alpha: 0.85,
      });
      glow(g, cx, ground - dh * 0.5, s * 1.1, light, 1.2);
      g.rect(cx - dw / 2, ground - dh, dw, dh).fill(light);
      g.rect(cx - dw / 2 + dw * 0.08, ground - dh + dw * 0.08, dw * 0.84, dh - dw * 0.08).fill({
        color: 0xffffff,
        alpha: 0.35,
      });
      // the light spilling out across the floor
      g.poly([cx - dw / 2, ground, cx + dw / 2, ground, cx + dw * 1.6, h, cx - dw * 1.6, h]).fill({
        color: light,
        alpha: 0.28,
      });
      person(g, cx, ground, s * 0.62);
      break;
    }
    case 'screen': {
      const sw = s * 0.95;
      const sh = sw * 0.76;
      const top = ground - sh - s * 0.25;
      glow(g, cx, top + sh * 0.5, s * 1.3, light, 1.3);
      g.roundRect(cx - sw * 0.62, top - sw * 0.1, sw * 1.24, sh + sw * 0.26, sw * 0.06).fill(INK);
      g.roundRect(cx - sw / 2, top, sw, sh, sw * 0.08).fill(light);
      for (let i = 0; i < 6; i++) {
        const lw = sw * (0.35 + ((i * 37) % 50) / 100);
        g.rect(cx - sw * 0.42, top + sh * (0.14 + i * 0.12), lw, sh * 0.05).fill({
          color: INK,
          alpha: 0.55,
        });
      }
      g.rect(cx - sw * 0.75, ground - s * 0.22, sw * 1.5, s * 0.1).fill(INK);
      g.rect(cx - sw * 0.9, ground - s * 0.12, sw * 1.8, s * 0.12 + h).fill(INK);
      // the player, from behind: head and shoulders against the glow
      const hx = cx - sw * 0.12;
      const hy = ground - s * 0.22;
      g.circle(hx, hy - s * 0.05, s * 0.105).fill({ color: rim, alpha: 0.45 });
      g.ellipse(hx, hy + s * 0.24, s * 0.24, s * 0.16).fill(INK);
      g.circle(hx, hy - s * 0.05, s * 0.1).fill(INK);
      break;
    }
    case 'stones': {
      // a letter laid out in pebbles on the sand, seen at a low angle
      glow(g, cx, ground + s * 0.1, s * 0.9, light, 0.7);
      const letter = [
        [0, 0],
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
        [1, 4],
        [2, 4],
        [3, 4],
      ] as const;
      const cell = s * 0.21;
      for (const [col, row] of letter) {
        const px = cx - cell * 1.5 + col * cell * 1.05 + row * cell * 0.1;
        const py = ground - s * 0.05 + row * cell * 0.42;
        const r = cell * (0.28 + row * 0.04);
        g.ellipse(px, py + r * 0.3, r * 1.25, r * 0.5).fill({ color: INK, alpha: 0.6 });
        g.ellipse(px, py, r, r * 0.62).fill(0xd8d2c4);
        g.ellipse(px - r * 0.25, py - r * 0.2, r * 0.45, r * 0.2).fill({
          color: 0xffffff,
          alpha: 0.5,
        });
      }
      person(g, cx + s * 0.55, ground + s * 0.05, s * 0.55);
      break;
    }
    case 'climber': {
      // stairs rising to a lit landing, one figure halfway up
      const steps = 9;
      const stepW = s * 0.16;
      const stepH = s * 0.11;
      const x0 = cx - stepW * steps * 0.5;
      glow(g, x0 + stepW * steps, ground - stepH * steps - s * 0.2, s * 0.9, light, 1.3);
      for (let i = 0; i < steps; i++) {
        g.rect(x0 + i * stepW, ground - (i + 1) * stepH, stepW * (steps - i), (i + 1) * stepH).fill(
          INK,
        );
        g.moveTo(x0 + i * stepW, ground - (i + 1) * stepH)
          .lineTo(x0 + (i + 1) * stepW, ground - (i + 1) * stepH)
          .stroke({ width: Math.max(1, s * 0.008), color: light, alpha: 0.7 });
      }
      person(g, x0 + stepW * 4.5, ground - stepH * 5, s * 0.55, 0.6, 0.3);
      g.rect(0, ground, w, h - ground).fill(INK);
      break;
    }
    case 'distant': {
      // far off, alone; a line of footprints leads from the foreground out to them
      const fx = cx + s * 0.35;
      const fy = ground - s * 0.02;
      glow(g, fx, fy - s * 0.1, s * 0.55, light, 0.8);
      g.rect(0, fy + s * 0.02, w, h - fy).fill({ color: INK, alpha: 0.35 });
      for (let i = 0; i < 14; i++) {
        const t = i / 13;
        const px = w * 0.22 + (fx - w * 0.22) * t ** 0.8 + (i % 2 ? 1 : -1) * s * 0.035 * (1 - t);
        const py = h * 0.99 - (h * 0.99 - fy - s * 0.04) * t ** 0.6;
        const r = s * 0.05 * (1 - t * 0.8);
        g.ellipse(px, py, r * 0.55, r * 0.32).fill({ color: INK, alpha: 0.75 });
        g.ellipse(px, py - r * 0.1, r * 0.5, r * 0.25).fill({ color: light, alpha: 0.25 });
      }
      person(g, fx, fy, s * 0.24);
      break;
    }
    case 'umbrella': {
      glow(g, cx, ground - s * 1.1, s * 0.75, light, 1);
      // the street lamp the figure waits under
      g.rect(cx - s * 0.42, ground - s * 1.45, s * 0.035, s * 1.45).fill(INK);
      g.roundRect(cx - s * 0.5, ground - s * 1.5, s * 0.2, s * 0.07, s * 0.02).fill(INK);
      g.ellipse(cx - s * 0.4, ground - s * 1.42, s * 0.07, s * 0.025).fill(light);
      person(g, cx, ground, s * 0.9);
      const top = ground - s * 0.9;
      g.moveTo(cx - s * 0.3, top)
        .arc(cx, top, s * 0.3, Math.PI, 0)
        .closePath()
        .fill(INK);
      g.rect(cx - s * 0.008, top, s * 0.016, s * 0.3).fill(INK);
      break;
    }
    default: {
      const never: never = subject;
      throw new Error(`unknown poster subject ${String(never)}`);
    }
  }
}

function gradient(vertical: boolean, stops: readonly [number, string, number][]): FillGradient {
  return new FillGradient({
    type: 'linear',
    start: { x: 0, y: 0 },
    end: vertical ? { x: 0, y: 1 } : { x: 1, y: 0 },
    colorStops: stops.map(([offset, hex, alpha]) => ({
      offset,
      color: `${hex}${Math.round(alpha * 255)
        .toString(16)
        .padStart(2, '0')}`,
    })),
    textureSpace: 'local',
  });
}

/** The largest size (≤ max) at which `title` fits `width` in at most two lines. */
function fitTitle(title: string, width: number, max: number, family: string): Text {
  let size = max;
  for (;;) {
    const text = new Text({
      text: title,
      style: {
        fontFamily: family,
        fontWeight: '700',
        fontSize: size,
        fill: 0xf7efe0,
        align: 'center',
        wordWrap: true,
        wordWrapWidth: width,
        lineHeight: size * 0.98,
        letterSpacing: size * 0.01,
        dropShadow: { color: 0x000000, alpha: 0.75, blur: size * 0.25, distance: 0, angle: 0 },
      },
    });
    const lines = Math.round(text.height / (size * 0.98));
    if ((text.width <= width && lines <= 2) || size < 12) return text;
    text.destroy();
    size *= 0.92;
  }
}

/**
 * Composes one poster `width`×`height` (2:3 for cards, 16:9 for banners). The title sits in the
 * top band of a portrait poster, the left third of a wide one; nothing important is drawn within
 * 5% of an edge.
 */
export function composePoster(
  spec: PosterSpec,
  width: number,
  height: number,
  family = 'Fraunces',
): PosterArt {
  const container = new Container({ label: 'poster' });
  // `hotel-desk time=night weather=rain`: the scene's own parameters, as a story's tag writes them
  const { name, params } = parseSceneValue(spec.scene);
  const scene = buildScene(name, width, height, { reducedMotion: true, params, parallax: false });
  container.addChild(scene.container);
  const wide = width > height;
  const fills: FillGradient[] = [];
  pending = fills;

  // depth: a haze over the scene so the subject stands forward, darker where the title goes
  const shade = new Graphics({ label: 'shade' });
  const haze = gradient(true, [
    [0, '#05050a', wide ? 0.35 : 0.82],
    [0.32, '#05050a', wide ? 0.25 : 0.35],
    [0.6, '#05050a', 0.1],
    [1, '#05050a', 0.85],
  ]);
  fills.push(haze);
  shade.rect(0, 0, width, height).fill(haze);
  if (wide) {
    const side = gradient(false, [
      [0, '#05050a', 0.85],
      [0.45, '#05050a', 0.2],
      [1, '#05050a', 0],
    ]);
    fills.push(side);
    shade.rect(0, 0, width, height).fill(side);
  }
  container.addChild(shade);

  const subject = new Graphics({ label: `subject:${spec.subject}` });
  const cx = wide ? width * 0.68 : width * 0.5;
  // the subject stands on the lower fifth; the stones and footprints reach below it
  const ground = height * 0.8;
  rim = spec.light;
  drawSubject(subject, spec.subject, width, height, cx, ground, spec.light);
  container.addChild(subject);

  // a vignette to close the frame
  const vignette = new Graphics({ label: 'vignette' });
  const edge = gradient(true, [
    [0, '#000000', 0],
    [0.85, '#000000', 0],
    [1, '#000000', 0.6],
  ]);
  fills.push(edge);
  vignette.rect(0, 0, width, height).fill(edge);
  container.addChild(vignette);

  const titleWidth = wide ? width * 0.4 : width * 0.86;
  const title = fitTitle(
    spec.title,
    titleWidth,
    wide ? height * 0.21 : width * 0.19,
    `${family}, Georgia, serif`,
  );
  title.anchor.set(0.5, 0.5);
  if (wide) title.position.set(width * 0.07 + titleWidth / 2, height * 0.42);
  else title.position.set(width / 2, height * 0.055 + title.height / 2 + height * 0.03);
  container.addChild(title);

  const credit = new Text({
    text: `A STORY BY ${spec.author.toUpperCase()}`,
    style: {
      fontFamily: `${family}, Georgia, serif`,
      fontWeight: '600',
      fontSize: Math.max(9, (wide ? height : width) * 0.034),
      letterSpacing: (wide ? height : width) * 0.006,
      fill: 0xe8dcc6,
      align: 'center',
      dropShadow: { color: 0x000000, alpha: 0.8, blur: 6, distance: 0, angle: 0 },
    },
  });
  credit.anchor.set(0.5, 0.5);
  if (wide)
    credit.position.set(width * 0.07 + titleWidth / 2, title.y + title.height / 2 + height * 0.06);
  else credit.position.set(width / 2, height * 0.94);
  container.addChild(credit);

  return {
    container,
    destroy() {
      container.removeChild(scene.container);
      scene.destroy();
      container.destroy({ children: true });
      for (const f of fills) f.destroy();
    },
  };
}
