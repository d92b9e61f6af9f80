// A backdrop tag takes effect on the line that carries it: while the beat's earlier lines reveal,
// the old scene stays; when the carrying line starts, the scene changes, with its transition.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from 'pixi.js';
import type { BackdropChange, PlayView } from '../../src/core/view.ts';
import type { Stage } from '../../src/render/stage.ts';
import { createStage } from '../../src/render/stage.ts';
import { playView, shownLine } from '../builders.ts';
import {
  backdropReached,
  chooseTransition,
  DIP_MS,
  loadScenes,
} from '../../src/render/backdrop.ts';

// the scene library loads lazily in the app; these tests draw scenes at once
beforeAll(async () => {
  await loadScenes();
});

function labels(root: Container, prefix: string): string[] {
  const out: string[] = [];
  const walk = (c: Container): void => {
    if (c.label?.startsWith(prefix)) out.push(c.label);
    for (const child of c.children) walk(child);
  };
  walk(root);
  return out;
}

const office = { type: 'scene', name: 'office' } as const;
const street = { type: 'scene', name: 'street', params: { time: 'night' } } as const;

function change(
  lineId: number,
  backdrop: BackdropChange['backdrop'],
  extra: Partial<BackdropChange> = {},
): BackdropChange {
  return { lineId, backdrop, transition: null, chapter: false, ...extra };
}

describe('backdropReached', () => {
  const view: Pick<PlayView, 'backdrop' | 'backdropChanges'> = {
    backdrop: street,
    backdropChanges: [change(1, office), change(3, street)],
  };

  it('keeps the scene of the lines read so far while a later line waits', () => {
    expect(backdropReached(view, 1, false).backdrop).toEqual(office);
    expect(backdropReached(view, 2, false).backdrop).toEqual(office);
  });

  it('changes when the carrying line is reached, and shows the last once the beat is read', () => {
    expect(backdropReached(view, 3, false).backdrop).toEqual(street);
    expect(backdropReached(view, null, true).backdrop).toEqual(street);
  });

  it('falls back to the beat backdrop for views without the list', () => {
    expect(backdropReached({ backdrop: office }, null, false).backdrop).toEqual(office);
  });
});

describe('chooseTransition', () => {
  it('dips to black at a chapter start and fades between places', () => {
    expect(chooseTransition(office, street, null, true, false).style).toBe('dip');
    expect(chooseTransition(office, street, null, true, false).ms).toBe(DIP_MS);
    expect(chooseTransition(office, street, null, false, false).style).toBe('fade');
  });

  it('makes a time or weather change in the same place a short fade', () => {
    const day = { type: 'scene', name: 'street', params: { time: 'day' } } as const;
    const quick = chooseTransition(day, street, null, false, false);
    const full = chooseTransition(office, street, null, false, false);
    expect(quick.style).toBe('fade');
    expect(quick.ms).toBeLessThan(full.ms);
  });

  it("follows the author's transition", () => {
    expect(chooseTransition(office, street, 'wipe', true, false).style).toBe('wipe');
    expect(chooseTransition(office, street, 'cut', false, false).ms).toBe(0);
  });

  it('cuts for the first backdrop and for everything under reduced motion', () => {
    expect(chooseTransition(undefined, street, null, true, false).style).toBe('cut');
    for (const asked of ['fade', 'dip', 'wipe', null] as const)
      expect(chooseTransition(office, street, asked, true, true)).toEqual({ style: 'cut', ms: 0 });
  });
});

describe('the stage changes the backdrop on the line that carries its tag', () => {
  let stage: Stage | null = null;
  let host: HTMLElement | null = null;
  afterEach(() => {
    stage?.destroy();
    stage = null;
    host?.remove();
  });

  async function mount(now: () => number): Promise<Stage> {
    host = document.createElement('div');
    Object.defineProperty(host, 'clientWidth', { value: 1280 });
    Object.defineProperty(host, 'clientHeight', { value: 720 });
    document.body.appendChild(host);
    stage = await createStage(host, {
      resolveAsset: () => null,
      now,
      onPick: () => undefined,
      reducedMotion: false,
      theme: 'dark',
      preference: 'canvas',
    });
    return stage;
  }

  it('holds the office while Nell talks and brings the street in with its own line', async () => {
    let t = 0;
    const s = await mount(() => t);
    const first = shownLine(1, 'Nell talks for a good while about the monsters she has drawn.');
    const second = shownLine(2, 'Outside, the street.');
    s.update(
      playView({
        lines: [first, second],
        backdrop: street,
        backdropChanges: [change(1, office), change(2, street)],
      }),
    );
    s.step();
    // the first line is revealing: the street waits
    expect(labels(s.root, 'scene:')).toEqual(['scene:office']);
    t = 400;
    s.step();
    expect(labels(s.root, 'scene:')).toEqual(['scene:office']);
    // the second line starts once the first is out: the street comes in, fading over the office
    t = 20_000;
    s.step();
    expect(labels(s.root, 'scene:')).toContain('scene:street');
    t = 40_000;
    s.step();
    expect(labels(s.root, 'scene:')).toEqual(['scene:street']);
  });

  it('shows the carrying line’s scene at once when the beat arrives read (reduced motion)', async () => {
    const s = await mount(() => 0);
    s.setReducedMotion(true);
    s.update(
      playView({
        lines: [shownLine(1, 'One.'), shownLine(2, 'Two.')],
        backdrop: street,
        backdropChanges: [change(1, office), change(2, street, { chapter: true })],
      }),
    );
    s.step();
    expect(labels(s.root, 'scene:')).toEqual(['scene:street']);
  });
});
