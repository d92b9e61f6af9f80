// The stage end to end in jsdom (pixi's canvas renderer over the mocked 2D context).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Container, Text } from 'pixi.js';
import { Application } from 'pixi.js';
import type { PlayView } from '../../src/core/view.ts';
import type { Stage, StageOptions } from '../../src/render/stage.ts';
import { createStage } from '../../src/render/stage.ts';
import { loadScenes } from '../../src/render/backdrop.ts';
import { decisionView, playView, shownLine } from '../builders.ts';

// the scene library loads lazily in the app; these tests draw scenes at once
beforeAll(async () => {
  await loadScenes();
});

function find(root: Container, label: string): Container | null {
  if (root.label === label) return root;
  for (const child of root.children) {
    const hit = find(child, label);
    if (hit) return hit;
  }
  return null;
}

const view = (over: Partial<PlayView> = {}): PlayView =>
  playView({
    lines: [shownLine(1, 'Breakfast?', { speaker: 'Dad' })],
    backdrop: { type: 'scene', name: 'bedroom' },
    speaker: 'Dad',
    decision: decisionView({
      id: 'd0',
      options: [
        { index: 0, text: 'Frosties', isDefault: true },
        { index: 1, text: 'Sugar Puffs', isDefault: false },
      ],
    }),
    ...over,
  });

let stage: Stage | null = null;
let host: HTMLElement | null = null;

async function mount(over: Partial<StageOptions> = {}, width = 1280, height = 720): Promise<Stage> {
  host = document.createElement('div');
  Object.defineProperty(host, 'clientWidth', { value: width });
  Object.defineProperty(host, 'clientHeight', { value: height });
  document.body.appendChild(host);
  stage = await createStage(host, {
    resolveAsset: () => null,
    now: () => 0,
    onPick: () => undefined,
    reducedMotion: true,
    theme: 'dark',
    preference: 'canvas',
    ...over,
  });
  return stage;
}

afterEach(() => {
  stage?.destroy();
  stage = null;
  host?.remove();
  host = null;
  vi.restoreAllMocks();
});

describe('createStage', () => {
  it('adds a canvas hidden from assistive technology to the host', async () => {
    const s = await mount();
    expect(s.canvas.parentElement).toBe(host);
    expect(s.canvas.getAttribute('aria-hidden')).toBe('true');
  });

  it('builds labelled layers from a play view', async () => {
    const s = await mount();
    s.update(view());
    for (const label of [
      'backdrop',
      'text',
      'choices',
      'choice-0',
      'choice-1',
      'timer-bar',
      'scene:bedroom',
    ]) {
      expect(find(s.root, label), label).not.toBeNull();
    }
    expect(find(s.root, 'timer-bar')!.visible).toBe(true);
  });

  it('removes the cards when the decision goes away', async () => {
    const s = await mount();
    s.update(view());
    s.update(view({ decision: null, state: 'narrating' }));
    expect(find(s.root, 'choice-0')).toBeNull();
    expect(find(s.root, 'timer-bar')!.visible).toBe(false);
  });

  it('passes a tap on a card to onPick', async () => {
    const onPick = vi.fn();
    const s = await mount({ onPick });
    s.update(view());
    find(s.root, 'choice-1')!.emit('pointertap', {
      pointerType: 'mouse',
      stopPropagation: () => undefined,
    } as never);
    expect(onPick).toHaveBeenCalledWith(1, 'pointer');
  });

  it('completes the text reveal on a tap outside the cards', async () => {
    const s = await mount({ reducedMotion: false });
    s.update(view());
    const body = find(s.root, 'line-text') as Text;
    expect(body.text).toBe('');
    s.root.emit('pointertap', {} as never);
    expect(body.text).toBe('Breakfast?');
  });

  it('redraws its text in the other theme without replaying the reveal', async () => {
    const s = await mount({ reducedMotion: false });
    s.update(view());
    s.completeReveal();
    s.setTheme('light');
    expect((find(s.root, 'line-text') as Text).text).toBe('Breakfast?');
  });

  it('shows the whole text at once after reduced motion is switched on', async () => {
    const s = await mount({ reducedMotion: false });
    s.update(view());
    s.setReducedMotion(true);
    expect((find(s.root, 'line-text') as Text).text).toBe('Breakfast?');
  });

  it('never rejects a preload, even for missing assets', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const s = await mount();
    await expect(s.preload(['assets/a.png', 'assets/a.png'])).resolves.toBeUndefined();
  });

  it('removes the canvas and stops applying updates when destroyed', async () => {
    const s = await mount();
    s.update(view());
    const canvas = s.canvas;
    s.destroy();
    stage = null;
    expect(canvas.isConnected).toBe(false);
    expect(host!.querySelector('canvas')).toBeNull();
    expect(() => s.update(view())).not.toThrow();
    expect(() => s.destroy()).not.toThrow();
  });

  it('rejects with a clear error when the renderer cannot start', async () => {
    vi.spyOn(Application.prototype, 'init').mockRejectedValue(new Error('WebGL unavailable'));
    const target = document.createElement('div');
    await expect(
      createStage(target, {
        resolveAsset: () => null,
        now: () => 0,
        onPick: () => undefined,
        reducedMotion: true,
        theme: 'dark',
      }),
    ).rejects.toThrow(/renderer could not start.*WebGL unavailable/);
    expect(target.querySelector('canvas')).toBeNull();
  });

  for (const [w, h] of [
    [360, 640],
    [2560, 1440],
  ] as const) {
    it(`keeps the cards and the text on a ${w}×${h} screen`, async () => {
      const s = await mount({}, w, h);
      s.update(view());
      for (const label of ['choice-0', 'choice-1', 'text']) {
        const b = find(s.root, label)!.getBounds();
        expect(b.x, label).toBeGreaterThanOrEqual(0);
        expect(b.y, label).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, label).toBeLessThanOrEqual(w);
        expect(b.y + b.height, label).toBeLessThanOrEqual(h);
      }
      const text = find(s.root, 'text')!.getBounds();
      const card = find(s.root, 'choice-0')!.getBounds();
      expect(text.y + text.height).toBeLessThanOrEqual(card.y);
    });
  }

  it('tells the caller where the cards are, and that they are gone', async () => {
    const onChoiceRects = vi.fn();
    const s = await mount({ onChoiceRects });
    s.update(view());
    const rects = onChoiceRects.mock.lastCall?.[0] as { x: number; y: number; width: number }[];
    expect(rects).toHaveLength(2);
    const card = find(s.root, 'choice-1')!;
    expect(rects[1]!.x).toBe(card.x);
    expect(rects[1]!.y).toBe(card.y);
    s.update(view({ decision: null, state: 'narrating' }));
    expect(onChoiceRects).toHaveBeenLastCalledWith(null);
  });

  it('slows its frame rate while nothing moves and speeds up for an update', async () => {
    const s = await mount({ reducedMotion: true });
    s.update(view({ decision: null, state: 'narrating' }));
    s.step();
    expect(s.idle).toBe(true);
    s.update(view());
    expect(s.idle).toBe(false);
    s.step();
    expect(s.idle).toBe(false);
  });

  it('keeps full speed while scenes animate', async () => {
    const s = await mount({ reducedMotion: false });
    s.update(view({ decision: null, state: 'narrating' }));
    s.completeReveal();
    s.step();
    expect(s.idle).toBe(false);
  });
});

describe('the stage and its typeface', () => {
  it('draws at once without the font, then lays its text out again when the font arrives', async () => {
    let arrive: (faces: FontFace[]) => void = () => undefined;
    const loading = new Promise<FontFace[]>((resolve) => (arrive = resolve));
    const fonts = { check: () => false, load: () => loading };
    Object.defineProperty(document, 'fonts', { value: fonts, configurable: true });
    try {
      const s = await mount();
      s.update(view());
      const before = find(s.root, 'line-1');
      expect(before).not.toBeNull();
      arrive([{} as FontFace]);
      // microtasks only: no frame is drawn (jsdom's canvas mock cannot draw every fill)
      for (let i = 0; i < 20 && find(s.root, 'line-1') === before; i++) await Promise.resolve();
      expect(find(s.root, 'line-1')).not.toBe(before);
      // the same line, drawn again: still there, and the cards too
      expect(find(s.root, 'line-1')).not.toBeNull();
      expect(find(s.root, 'choice-1')).not.toBeNull();
    } finally {
      Reflect.deleteProperty(document, 'fonts');
    }
  });
});
