// View structure in jsdom: choice cards, the timer bar, story text with its reveal, and backdrops.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Container } from 'pixi.js';
import { Graphics, Sprite, Text, Texture } from 'pixi.js';
import type { DecisionView } from '../../src/core/view.ts';
import { LOW_TIME_MS } from '../../src/core/view.ts';
import { buildChoices, DEFAULT_LEGEND, TimerBar } from '../../src/render/choices.ts';
import { computeLayout } from '../../src/render/layout.ts';
import { overlaps } from './geometry.ts';
import { paletteFor } from '../../src/render/theme.ts';
import { classLook, TextView } from '../../src/render/text.ts';
import { BackdropView, CROSSFADE_MS, loadScenes } from '../../src/render/backdrop.ts';
import type { TextureLoader } from '../../src/render/assets.ts';
import { decisionView, shownLine } from '../builders.ts';

// the scene library loads lazily in the app; these tests draw scenes at once
beforeAll(async () => {
  await loadScenes();
});

const palette = paletteFor('dark');

function find(root: Container, label: string): Container | null {
  if (root.label === label) return root;
  for (const child of root.children) {
    const hit = find(child, label);
    if (hit) return hit;
  }
  return null;
}

function texts(root: Container): string[] {
  const out: string[] = [];
  const walk = (n: Container): void => {
    if (n instanceof Text) out.push(n.text);
    n.children.forEach(walk);
  };
  walk(root);
  return out;
}

const decision = (over: Partial<DecisionView> = {}): DecisionView =>
  decisionView({
    id: 'knot.0',
    options: [
      { index: 0, text: 'Frosties', isDefault: false },
      { index: 1, text: 'Sugar Puffs', isDefault: true },
    ],
    ...over,
  });

const line = shownLine;

afterEach(() => vi.restoreAllMocks());

describe('buildChoices', () => {
  it('labels one card per option with its text and marks the default option', () => {
    const layout = computeLayout(1280, 720, 2);
    const root = buildChoices(decision(), layout, palette, { onPick: () => undefined });
    expect(root.label).toBe('choices');
    expect(root.children.map((c) => c.label)).toEqual(['choice-0', 'choice-1']);
    expect(texts(find(root, 'choice-0')!)).toContain('Frosties');
    expect(find(find(root, 'choice-1')!, 'default-mark')).not.toBeNull();
    expect(find(find(root, 'choice-0')!, 'default-mark')).toBeNull();
  });

  it('places each card at its layout rectangle', () => {
    const layout = computeLayout(360, 640, 2);
    const root = buildChoices(decision(), layout, palette, { onPick: () => undefined });
    const card = find(root, 'choice-1')!;
    expect(card.x).toBe(layout.choices.cards[1]!.x);
    expect(card.y).toBe(layout.choices.cards[1]!.y);
  });

  it('shows markup in an option as plain text', () => {
    const d = decision({
      options: [{ index: 0, text: '<img src=x onerror=alert(1)>', isDefault: false }],
    });
    const root = buildChoices(d, computeLayout(1280, 720, 1), palette, { onPick: () => undefined });
    expect(texts(root)).toContain('<img src=x onerror=alert(1)>');
  });

  it('reports a tap with its input kind and never picks twice', () => {
    const onPick = vi.fn();
    const root = buildChoices(decision(), computeLayout(1280, 720, 2), palette, { onPick });
    const card = find(root, 'choice-1')!;
    const event = (pointerType: string) => ({ pointerType, stopPropagation: () => undefined });
    card.emit('pointertap', event('touch') as never);
    card.emit('pointertap', event('mouse') as never);
    find(root, 'choice-0')!.emit('pointertap', event('mouse') as never);
    expect(onPick).toHaveBeenCalledTimes(1);
    expect(onPick).toHaveBeenCalledWith(1, 'touch');
  });

  it('dims the options not chosen and takes no input once a choice is made', () => {
    const onPick = vi.fn();
    const root = buildChoices(
      decision({ phase: 'picked', chosen: 0 }),
      computeLayout(1280, 720, 2),
      palette,
      { onPick },
    );
    expect(find(root, 'choice-0')!.alpha).toBe(1);
    expect(find(root, 'choice-1')!.alpha).toBeLessThan(1);
    expect(find(root, 'choice-1')!.eventMode).toBe('none');
  });

  it('is empty when there is no decision', () => {
    const layout = computeLayout(1280, 720, 2);
    expect(buildChoices(null, layout, palette, { onPick: () => undefined }).children).toHaveLength(
      0,
    );
  });
});

describe('TimerBar', () => {
  const layout = computeLayout(1280, 720, 2);

  it('shrinks with the time left in the window', () => {
    const bar = new TimerBar();
    bar.draw(decision(), layout, palette, 0);
    expect(bar.container.visible).toBe(true);
    expect(bar.fraction).toBe(1);
    const full = find(bar.container, 'timer-fill')!.width;
    bar.draw(decision(), layout, palette, 7_500);
    expect(bar.fraction).toBeCloseTo(0.25);
    expect(find(bar.container, 'timer-fill')!.width).toBeLessThan(full * 0.3);
  });

  it('holds its length and shows the pause mark while paused', () => {
    const bar = new TimerBar();
    const paused = decision({ paused: true, runningSince: null, remainingMs: 5_000 });
    bar.draw(paused, layout, palette, 0);
    bar.draw(paused, layout, palette, 60_000);
    expect(bar.fraction).toBeCloseTo(0.5);
    expect(find(bar.container, 'paused-mark')!.visible).toBe(true);
  });

  it('is hidden for an untimed decision and after a pick', () => {
    const bar = new TimerBar();
    bar.draw(
      decision({ windowMs: null, remainingMs: null, runningSince: null }),
      layout,
      palette,
      0,
    );
    expect(bar.container.visible).toBe(false);
    bar.draw(decision({ phase: 'picked', chosen: 1 }), layout, palette, 0);
    expect(bar.container.visible).toBe(false);
  });
});

describe('TextView', () => {
  const deps = { resolveAsset: () => null, load: () => Promise.reject(new Error('no')) };

  function bodies(view: TextView): string[] {
    const out: string[] = [];
    const walk = (n: Container): void => {
      if (n instanceof Text && n.label === 'line-text') out.push(n.text);
      n.children.forEach(walk);
    };
    walk(view.container);
    return out;
  }

  it('reveals new text gradually and completes it at once on request', () => {
    const view = new TextView(deps, false);
    view.setLayout(computeLayout(1280, 720, 0), palette);
    view.setLines([line(1, 'The phone rings.')], 1_000);
    expect(bodies(view)).toEqual(['']);
    expect(view.revealing).toBe(true);
    view.tick(1_100);
    expect(bodies(view)[0]!.length).toBeGreaterThan(0);
    expect(bodies(view)[0]!.length).toBeLessThan('The phone rings.'.length);
    expect(view.completeReveal()).toBe(true);
    expect(bodies(view)).toEqual(['The phone rings.']);
    expect(view.revealing).toBe(false);
    expect(view.completeReveal()).toBe(false);
  });

  it('shows everything at once under reduced motion', () => {
    const view = new TextView(deps, true);
    view.setLayout(computeLayout(1280, 720, 0), palette);
    view.setLines([line(1, 'Hello.'), line(2, 'Again.')], 0);
    expect(bodies(view)).toEqual(['Hello.', 'Again.']);
    expect(view.revealing).toBe(false);
  });

  it('does not replay lines it has already shown', () => {
    const view = new TextView(deps, false);
    view.setLayout(computeLayout(1280, 720, 0), palette);
    view.setLines([line(1, 'First.')], 0);
    view.tick(10_000);
    view.setLines([line(1, 'First.'), line(2, 'Second.')], 10_000);
    expect(bodies(view)).toEqual(['First.', '']);
  });

  it('puts the speaker name above an attributed line', () => {
    const view = new TextView(deps, true);
    view.setLayout(computeLayout(1280, 720, 0), palette);
    view.setLines([line(3, 'Who are you?', { speaker: 'Colin' })], 0);
    const node = find(view.container, 'line-3')!;
    const speaker = find(node, 'speaker') as Text;
    const body = find(node, 'line-text') as Text;
    expect(speaker.text).toBe('COLIN');
    expect(speaker.y).toBeLessThan(body.y);
  });

  it('keeps story markup as plain text', () => {
    const view = new TextView(deps, true);
    view.setLayout(computeLayout(1280, 720, 0), palette);
    view.setLines([line(1, '<script>alert(1)</script>')], 0);
    expect(bodies(view)).toEqual(['<script>alert(1)</script>']);
  });

  it('pages a beat that does not fit, inside the text box and clear of the cards, dropping no line', () => {
    const layout = computeLayout(360, 640, 3);
    const view = new TextView(deps, true);
    view.setLayout(layout, palette);
    const many = Array.from({ length: 60 }, (_, i) =>
      line(i + 1, `Line number ${i + 1} of a long beat that wraps.`),
    );
    view.setLines(many, 0);
    // the first page starts at the first line and says more is waiting
    expect(find(view.container, 'line-1')).not.toBeNull();
    expect(find(view.container, 'line-60')).toBeNull();
    expect(view.report).toMatchObject({ busy: false, more: true });
    const seen: number[] = [];
    for (let page = 0; page < 60; page++) {
      const bounds = view.container.getBounds();
      expect(bounds.y).toBeGreaterThanOrEqual(layout.textBox.y - 1);
      expect(bounds.y + bounds.height).toBeLessThanOrEqual(
        layout.textBox.y + layout.textBox.height + 1,
      );
      for (const card of layout.choices.cards) {
        expect(
          overlaps({ x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height }, card),
        ).toBe(false);
      }
      for (const l of many) if (find(view.container, `line-${l.id}`)) seen.push(l.id);
      if (!view.report.more) break;
      expect(view.advance(0)).toBe(true);
    }
    // every line was on some page, in order, and the last page ends the beat
    expect([...new Set(seen)]).toEqual(many.map((l) => l.id));
    expect(view.report).toMatchObject({ busy: false, more: false, through: 60 });
    expect(view.advance(0)).toBe(false);
  });

  it('reveals a later page only when the player turns to it', () => {
    const view = new TextView(deps, false);
    view.setLayout(computeLayout(360, 640, 3), palette);
    const many = Array.from({ length: 30 }, (_, i) => line(i + 1, `Line ${i + 1} of a beat.`));
    view.setLines(many, 0);
    expect(view.report).toMatchObject({ busy: true, more: true });
    // the first continue finishes the page, the second turns it
    expect(view.advance(10)).toBe(true);
    expect(view.report).toMatchObject({ busy: false, more: true });
    const firstThrough = view.report.through!;
    expect(view.advance(20)).toBe(true);
    expect(view.report.busy).toBe(true);
    expect(bodies(view)[0]).toBe('');
    expect(find(view.container, `line-${firstThrough + 1}`)).not.toBeNull();
  });

  it('lets lines already read leave the top for a new beat, never lines not yet read', () => {
    const view = new TextView(deps, true);
    const layout = computeLayout(360, 640, 3);
    view.setLayout(layout, palette);
    // a subtitle band on a phone holds a few lines: the first beat fits, the next pushes it out
    const first = Array.from({ length: 3 }, (_, i) => line(i + 1, `Read line ${i + 1}.`));
    view.setLines(first, 0);
    expect(view.report.more).toBe(false);
    const next = Array.from({ length: 8 }, (_, i) => line(i + 4, `New line ${i + 4} arrives.`));
    view.setLines([...first, ...next], 0);
    // the new beat's first line is on screen; old ones made room
    expect(find(view.container, 'line-4')).not.toBeNull();
    expect(view.report.through).toBeGreaterThanOrEqual(4);
  });

  it('shows a speaker’s name only with the first letter of its line, never alone', () => {
    const view = new TextView(deps, false);
    view.setLayout(computeLayout(1280, 720, 0), palette);
    view.setLines([line(1, 'Narration first.'), line(2, 'Who are you?', { speaker: 'Colin' })], 0);
    const speaker = find(find(view.container, 'line-2')!, 'speaker') as Text;
    view.tick(100);
    expect(bodies(view)[1]).toBe('');
    expect(speaker.visible).toBe(false);
    view.tick(400);
    expect(bodies(view)[1]!.length).toBeGreaterThan(0);
    expect(speaker.visible).toBe(true);
  });

  it('attributes a speaker to its own line only', () => {
    const view = new TextView(deps, true);
    view.setLayout(computeLayout(1280, 720, 0), palette);
    view.setLines(
      [line(1, 'Hi.', { speaker: 'Vesna' }), line(2, 'She puts her notebook down.')],
      0,
    );
    expect(find(find(view.container, 'line-1')!, 'speaker')).not.toBeNull();
    expect(find(find(view.container, 'line-2')!, 'speaker')).toBeNull();
  });

  it('shows a placeholder for an image that cannot be found, and warns', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const view = new TextView(deps, true);
    view.setLayout(computeLayout(1280, 720, 0), palette);
    view.setLines([line(1, 'Look.', { image: 'assets/missing-in-flow.png' })], 0);
    await Promise.resolve();
    await Promise.resolve();
    expect(find(find(view.container, 'line-1')!, 'placeholder')).not.toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('draws a loaded image in the flow of the text', async () => {
    const texture = Texture.WHITE;
    const view = new TextView(
      { resolveAsset: (p) => `/s/${p}`, load: () => Promise.resolve(texture) },
      true,
    );
    view.setLayout(computeLayout(1280, 720, 0), palette);
    view.setLines([line(1, 'Look.', { image: 'assets/photo.png' })], 0);
    await new Promise((r) => setTimeout(r, 0));
    const image = find(find(view.container, 'line-1')!, 'image')!;
    expect(image.children[0]).toBeInstanceOf(Sprite);
  });
});

describe('BackdropView', () => {
  const make = (
    reducedMotion: boolean,
    load: TextureLoader = () => Promise.reject(new Error('404')),
  ) =>
    new BackdropView({
      resolveAsset: (p) => (p.startsWith('assets/') ? `/x/${p}` : null),
      load,
      reducedMotion,
      palette,
    });

  it('dips to black: the old scene darkens away, then the new one comes up out of the dark', () => {
    const b = make(false);
    b.resize(800, 600);
    b.set({ type: 'scene', name: 'office' }, 0);
    b.set({ type: 'scene', name: 'street' }, 1_000, { style: 'dip', ms: 1_000 });
    b.tick(1_250);
    const cover = find(b.container, 'dip')!;
    expect(cover.visible).toBe(true);
    expect(cover.alpha).toBeCloseTo(0.5, 1);
    // before black: only the old scene is visible under the cover
    expect(find(b.container, 'backdrop:scene:street')!.visible).toBe(false);
    b.tick(1_750);
    expect(find(b.container, 'scene:office')).toBeNull();
    expect(find(b.container, 'backdrop:scene:street')!.visible).toBe(true);
    expect(cover.alpha).toBeCloseTo(0.5, 1);
    b.tick(2_000);
    expect(b.fading).toBe(false);
    expect(cover.visible).toBe(false);
  });

  it('wipes the new scene across over the old one, both opaque', () => {
    const b = make(false);
    b.resize(800, 600);
    b.set({ type: 'scene', name: 'office' }, 0);
    b.set({ type: 'scene', name: 'street' }, 1_000, { style: 'wipe', ms: 800 });
    b.tick(1_400);
    const next = find(b.container, 'backdrop:scene:street')!;
    const old = find(b.container, 'backdrop:scene:office')!;
    const mask = find(b.container, 'wipe-mask')!;
    expect(next.mask).toBe(mask);
    expect(next.alpha).toBe(1);
    expect(old.alpha).toBe(1);
    expect(mask.scale.x).toBeGreaterThan(0.2);
    expect(mask.scale.x).toBeLessThan(0.8);
    b.tick(1_800);
    expect(next.mask).toBeFalsy();
    expect(find(b.container, 'scene:office')).toBeNull();
  });

  it('draws a named scene', () => {
    const b = make(false);
    b.resize(1280, 720);
    b.set({ type: 'scene', name: 'office' }, 0);
    expect(find(b.container, 'scene:office')).not.toBeNull();
  });

  it('fades the old backdrop out, flattened, over the new one drawn opaque, then drops it', () => {
    const b = make(false);
    b.resize(800, 600);
    b.set({ type: 'scene', name: 'forest' }, 0);
    b.set({ type: 'color', color: '#223344' }, 1_000);
    expect(b.fading).toBe(true);
    b.tick(1_000 + CROSSFADE_MS / 2);
    const next = find(b.container, 'backdrop:color:#223344')!;
    const old = find(b.container, 'backdrop:scene:forest')!;
    // never two translucent scenes: the new one is whole, the old one fades as one picture above
    expect(next.alpha).toBe(1);
    expect(old.alpha).toBeGreaterThan(0);
    expect(old.alpha).toBeLessThan(1);
    expect(old.isCachedAsTexture).toBe(true);
    expect(b.container.children.indexOf(old)).toBeGreaterThan(b.container.children.indexOf(next));
    expect(find(b.container, 'scene:forest')).not.toBeNull();
    b.tick(1_000 + CROSSFADE_MS);
    expect(b.fading).toBe(false);
    expect(next.alpha).toBe(1);
    expect(find(b.container, 'scene:forest')).toBeNull();
  });

  it('cuts straight to the next backdrop under reduced motion', () => {
    const b = make(true);
    b.resize(800, 600);
    b.set({ type: 'scene', name: 'forest' }, 0);
    b.set({ type: 'scene', name: 'beach' }, 10);
    expect(b.fading).toBe(false);
    expect(find(b.container, 'scene:forest')).toBeNull();
    expect(find(b.container, 'scene:beach')!.parent!.alpha).toBe(1);
  });

  it('fills a colour backdrop and falls back to the theme for a colour it cannot read', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const b = make(true);
    b.resize(800, 600);
    b.set({ type: 'color', color: 'not-a-colour-xyz' }, 0);
    expect(find(b.container, 'color')).toBeInstanceOf(Graphics);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('shows a placeholder and warns once when an image asset is missing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const b = make(true);
    b.resize(800, 600);
    b.set({ type: 'asset', path: 'assets/gone.png' }, 0);
    await new Promise((r) => setTimeout(r, 0));
    expect(find(b.container, 'placeholder')).not.toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('covers the screen with a loaded image', async () => {
    const b = make(true, () => Promise.resolve(Texture.WHITE));
    b.resize(800, 600);
    b.set({ type: 'asset', path: 'assets/bg.png' }, 0);
    await new Promise((r) => setTimeout(r, 0));
    const sprite = find(b.container, 'image') as Sprite;
    expect(sprite.width).toBeGreaterThanOrEqual(800);
    expect(sprite.height).toBeGreaterThanOrEqual(600);
  });

  it('redraws the scene to fill the screen after a resize', () => {
    const b = make(true);
    b.resize(360, 640);
    b.set({ type: 'scene', name: 'rooftop' }, 0);
    b.resize(2560, 1440);
    const bounds = find(b.container, 'scene:rooftop')!.getLocalBounds();
    expect(bounds.maxX).toBeGreaterThanOrEqual(2560);
    expect(bounds.maxY).toBeGreaterThanOrEqual(1440);
  });
});

describe('classLook', () => {
  it('gives the common Inky classes a canvas look and leaves others plain', () => {
    expect(classLook('italic').fontStyle).toBe('italic');
    expect(classLook('shout').fontWeight).toBe('700');
    expect(classLook('my-own-class')).toEqual({ fontStyle: 'normal', fontWeight: 'normal' });
    expect(classLook(null)).toEqual({ fontStyle: 'normal', fontWeight: 'normal' });
  });
});

describe('the default card’s legend', () => {
  const bounds = (c: Container): { x: number; y: number; width: number; height: number } => {
    const b = c.getBounds();
    return { x: b.x, y: b.y, width: b.width, height: b.height };
  };
  const long = 'Tear out the renderer and rewrite the whole thing tonight, whatever it costs';

  for (const [w, h, n] of [
    [390, 844, 2],
    [1280, 720, 3],
    [2560, 1440, 2],
    [640, 360, 6],
  ] as const) {
    it(`says "${DEFAULT_LEGEND}" clear of a long option's words and inside its card at ${w}×${h}`, () => {
      const layout = computeLayout(w, h, n);
      const options = Array.from({ length: n }, (_, i) => ({
        index: i,
        text: long,
        isDefault: i === n - 1,
      }));
      const root = buildChoices(decision({ options }), layout, palette, {
        onPick: () => undefined,
      });
      const card = find(root, `choice-${n - 1}`)!;
      const legend = find(card, 'default-mark')!;
      expect(texts(legend)).toEqual([DEFAULT_LEGEND]);
      const words = bounds(find(card, 'choice-text')!);
      expect(overlaps(bounds(legend), words)).toBe(false);
      const rect = layout.choices.cards[n - 1]!;
      const inCard = bounds(legend);
      expect(inCard.x).toBeGreaterThanOrEqual(rect.x - 0.5);
      expect(inCard.x + inCard.width).toBeLessThanOrEqual(rect.x + rect.width + 0.5);
      expect(inCard.y + inCard.height).toBeLessThanOrEqual(rect.y + rect.height + 0.5);
      expect(words.y).toBeGreaterThanOrEqual(rect.y - 0.5);
    });
  }

  it('is not drawn on an untimed decision, where nothing is taken for the player', () => {
    const root = buildChoices(
      decision({ windowMs: null, remainingMs: null, runningSince: null }),
      computeLayout(1280, 720, 2),
      palette,
      { onPick: () => undefined },
    );
    expect(find(root, 'default-mark')).toBeNull();
  });
});

describe('TimerBar in the last seconds', () => {
  const layout = computeLayout(1280, 720, 2);
  const fill = (bar: TimerBar) => find(bar.container, 'timer-fill') as Graphics;

  it('closes toward its centre: both ends move in', () => {
    const bar = new TimerBar();
    const t = layout.timerTrack;
    bar.draw(decision(), layout, palette, 5_000);
    const b = fill(bar).getBounds();
    expect(b.x).toBeGreaterThan(t.x + t.width * 0.2);
    expect(b.x + b.width).toBeLessThan(t.x + t.width * 0.8);
    expect(b.x + b.width / 2).toBeCloseTo(t.x + t.width / 2, 0);
  });

  it('turns the warning colour from LOW_TIME_MS left, and not before', () => {
    const bar = new TimerBar();
    bar.draw(decision(), layout, palette, 10_000 - LOW_TIME_MS - 1);
    expect(bar.lowTime).toBe(false);
    expect(fill(bar).tint).toBe(palette.timerFill);
    bar.draw(decision(), layout, palette, 10_000 - LOW_TIME_MS);
    expect(bar.lowTime).toBe(true);
    expect(fill(bar).tint).toBe(palette.timerLow);
  });

  it('pulses in the last seconds with motion and holds still under reduced motion', () => {
    const heights = (reduced: boolean): number[] => {
      const bar = new TimerBar();
      return [7_500, 7_620, 7_740, 7_860].map((now) => {
        bar.draw(decision(), layout, palette, now, reduced);
        return fill(bar).scale.y;
      });
    };
    expect(new Set(heights(false)).size).toBeGreaterThan(1);
    expect(new Set(heights(true))).toEqual(new Set([1]));
  });

  it('is neither low nor pulsing while paused', () => {
    const bar = new TimerBar();
    bar.draw(
      decision({ paused: true, runningSince: null, remainingMs: 1_000 }),
      layout,
      palette,
      0,
    );
    expect(bar.lowTime).toBe(false);
    expect(fill(bar).tint).toBe(palette.timerPaused);
  });
});

describe('subtitles', () => {
  const deps = { resolveAsset: () => null, load: () => Promise.reject(new Error('no')) };

  it('centre each line in the band and lay a full-width scrim from above the text to the foot of the picture', () => {
    const layout = computeLayout(1280, 720, 2);
    const view = new TextView(deps, true);
    view.setLayout(layout, palette);
    view.setLines([line(1, 'Short.'), line(2, 'A longer line of the subtitles.')], 0);
    const box = layout.textBox;
    for (const id of [1, 2]) {
      const b = find(find(view.container, `line-${id}`)!, 'line-text')!.getBounds();
      expect(b.x + b.width / 2).toBeCloseTo(box.x + box.width / 2, 0);
    }
    const scrim = view.scrim.getBounds();
    const text = view.container.getBounds();
    expect(scrim.x).toBeLessThanOrEqual(0);
    expect(scrim.width).toBeGreaterThanOrEqual(1280);
    expect(scrim.y + scrim.height).toBeGreaterThanOrEqual(720);
    expect(scrim.y).toBeLessThan(text.y);
    // the scene above stays clear: the scrim starts in the lower half
    expect(scrim.y).toBeGreaterThan(720 * 0.35);
  });

  it('draw no scrim when there is no text', () => {
    const view = new TextView(deps, true);
    view.setLayout(computeLayout(1280, 720, 0), palette);
    view.setLines([], 0);
    expect(view.scrim.getBounds().width).toBe(0);
  });
});
