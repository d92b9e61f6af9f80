// A pick on the stage: the cards are restyled in place, and the next beat is laid out during the
// hold and only swapped in when it ends (DESIGN §8, "a pick answers within a frame").
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Container, Text } from 'pixi.js';
import { CanvasTextMetrics } from 'pixi.js';
import type { PlayView, UpcomingBeat } from '../../src/core/view.ts';
import type { Stage } from '../../src/render/stage.ts';
import { createStage } from '../../src/render/stage.ts';
import { loadScenes } from '../../src/render/backdrop.ts';
import { paletteFor } from '../../src/render/theme.ts';
import { decisionView, playView, shownLine } from '../builders.ts';

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

let stage: Stage | null = null;
let host: HTMLElement | null = null;
/** work the stage asked to run after the next frame */
let frames: (() => void)[] = [];

async function mount(width = 1280, height = 720): Promise<Stage> {
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
    afterFrame: (fn) => frames.push(fn),
  });
  return stage;
}

const runFrames = (): void => {
  for (const fn of frames.splice(0)) fn();
};

afterEach(() => {
  stage?.destroy();
  stage = null;
  host?.remove();
  host = null;
  frames = [];
  vi.restoreAllMocks();
});

const lines = [shownLine(1, 'The phone rings.'), shownLine(2, 'It keeps ringing.')];
const options = [
  { index: 0, text: 'Answer it', isDefault: false },
  { index: 1, text: 'Let it ring', isDefault: true },
];
const selecting = playView({
  lines,
  decision: decisionView({ options, phase: 'selecting' }),
});
const next: UpcomingBeat = {
  lines: [...lines, shownLine(3, 'A voice you know.', { speaker: 'Dad' }), shownLine(4, 'Run.')],
  upcomingOptions: 3,
  backdrop: null,
  backdropChanges: [],
};
const picked = (upcoming: UpcomingBeat | null): PlayView =>
  playView({
    lines,
    decision: decisionView({ options, phase: 'picked', chosen: 0 }),
    upcoming,
  });
const afterHold = playView({
  state: 'reading',
  lines: next.lines,
  decision: null,
  upcomingOptions: 3,
});

describe('a pick on the stage', () => {
  it('restyles the cards in place: the same cards, the chosen one in its colours, none live', async () => {
    const s = await mount();
    s.update(selecting);
    const cards = find(s.root, 'choices');
    const card0 = find(s.root, 'choice-0');
    const card1 = find(s.root, 'choice-1');
    const label0 = find(card0!, 'choice-text') as Text;
    expect(card0?.eventMode).toBe('static');
    expect(label0.style.fill).toBe(paletteFor('dark').cardText);
    s.update(picked(null));
    expect(find(s.root, 'choices')).toBe(cards);
    expect(find(s.root, 'choice-0')).toBe(card0);
    expect(find(s.root, 'choice-1')).toBe(card1);
    expect(find(card0!, 'choice-text')).toBe(label0);
    expect(label0.style.fill).toBe(paletteFor('dark').chosenText);
    expect(card0?.eventMode).toBe('none');
    expect(card1?.eventMode).toBe('none');
    // the others go (reduced motion: at once)
    expect(card1?.alpha).toBe(0);
    expect(card0?.alpha).toBe(1);
  });

  it('says "The clock chose" over the card the timer took, on the same card', async () => {
    const s = await mount();
    s.update(selecting);
    const card1 = find(s.root, 'choice-1');
    s.update(
      playView({ lines, decision: decisionView({ options, phase: 'timedOut', chosen: 1 }) }),
    );
    expect(find(s.root, 'choice-1')).toBe(card1);
    expect(find(card1!, 'clock-chose')).not.toBeNull();
    expect(find(find(s.root, 'choice-0')!, 'clock-chose')).toBeNull();
  });

  it('lays the next beat out during the hold, after the frame that shows the pick', async () => {
    const s = await mount();
    s.update(selecting);
    s.update(picked(null));
    expect(s.nextBeatPrepared).toBe(false);
    s.update(picked(next));
    // asked for, not done: the frame that confirms the pick carries none of it
    expect(s.nextBeatPrepared).toBe(false);
    expect(frames).toHaveLength(1);
    runFrames();
    expect(s.nextBeatPrepared).toBe(true);
    // off-screen: the page on screen is still the old one
    expect(find(s.root, 'line-3')).toBeNull();
    expect(find(s.root, 'line-1')).not.toBeNull();
    // a view of the same hold (the choice stored) asks for nothing more
    s.update(picked(next));
    expect(frames).toHaveLength(0);
    expect(s.nextBeatPrepared).toBe(true);
  });

  it('swaps the prepared beat in at the hold end without laying text out again', async () => {
    const s = await mount();
    s.update(selecting);
    s.update(picked(next));
    runFrames();
    const measure = vi.spyOn(CanvasTextMetrics, 'measureText');
    s.update(afterHold);
    expect(measure).not.toHaveBeenCalled();
    expect(find(s.root, 'line-4')).not.toBeNull();
    expect(find(find(s.root, 'line-3')!, 'speaker')).not.toBeNull();
    expect(find(s.root, 'choice-0')).toBeNull();
    expect(s.nextBeatPrepared).toBe(false);
  });

  it('lays the same page out at the hold end when nothing was prepared', async () => {
    const prepared = await mount();
    prepared.update(selecting);
    prepared.update(picked(next));
    runFrames();
    prepared.update(afterHold);
    const labels = (root: Container): string[] =>
      find(root, 'text')!.children.map((c) => `${c.label}@${Math.round(c.y)}`);
    const shown = labels(prepared.root);
    prepared.destroy();
    host?.remove();

    const plain = await mount();
    plain.update(selecting);
    plain.update(picked(null));
    const measure = vi.spyOn(CanvasTextMetrics, 'measureText');
    plain.update(afterHold);
    // without the hold's layout the text is measured now
    expect(measure).toHaveBeenCalled();
    expect(labels(plain.root)).toEqual(shown);
  });

  it('lays the beat out again after a change of theme during the hold', async () => {
    const s = await mount();
    s.update(selecting);
    s.update(picked(next));
    runFrames();
    expect(s.nextBeatPrepared).toBe(true);
    s.setTheme('light');
    expect(s.nextBeatPrepared).toBe(false);
    runFrames();
    expect(s.nextBeatPrepared).toBe(true);
    const measure = vi.spyOn(CanvasTextMetrics, 'measureText');
    s.update(afterHold);
    expect(measure).not.toHaveBeenCalled();
    const body = find(find(s.root, 'line-4')!, 'line-text') as Text;
    expect(body.style.fill).toBe(paletteFor('light').text);
  });
});

describe('the frame a hold ends on', () => {
  it('calls back at the start of the next tick, before the frame is drawn, and once', async () => {
    const s = await mount();
    s.update(picked(next));
    const calls: number[] = [];
    expect(s.beforeNextDraw((frameStart) => calls.push(frameStart))).toBe(true);
    expect(calls).toEqual([]);
    // pixi's ticker runs on animation frames: let a few go by
    for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toBeGreaterThan(0);
  });

  it('says there will be no frame once the stage is gone', async () => {
    const s = await mount();
    s.destroy();
    stage = null;
    expect(s.beforeNextDraw(() => undefined)).toBe(false);
  });
});
