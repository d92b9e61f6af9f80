// Chapter title cards and progress in jsdom: when they show, how they go, and the clock held meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChapterMark } from '../../src/core/view.ts';
import { CHAPTER_CARD_MS, ChapterCards, chapterProgress } from '../../src/ui/chapter-card.ts';
import { playView } from '../builders.ts';

let cards: ChapterCards | null = null;
afterEach(() => {
  cards?.destroy();
  cards = null;
});

function mount(reducedMotion = false) {
  const holds: boolean[] = [];
  const timers: (() => void)[] = [];
  cards = new ChapterCards({
    chapters: ['Tuesday', 'Halcyon', 'Nights', 'December'],
    hold: (on) => holds.push(on),
    reducedMotion: () => reducedMotion,
    setTimeout: (fn, ms) => {
      expect(ms).toBe(CHAPTER_CARD_MS);
      return timers.push(fn);
    },
    clearTimeout: () => undefined,
  });
  document.body.append(cards.progress, cards.card);
  return { cards, holds, timers };
}

const at = (title: string, lineId: number): ChapterMark => ({ title, lineId });
const key = (k: string) =>
  window.dispatchEvent(new KeyboardEvent('keydown', { key: k, cancelable: true }));

describe('chapter cards', () => {
  it('says where the player is as "Chapter 2 of 4: Halcyon"', () => {
    const { cards } = mount();
    cards.update(playView({ state: 'narrating', decision: null, chapter: at('Halcyon', 5) }));
    expect(cards.progress.textContent).toBe('Chapter 2 of 4: Halcyon');
    expect(chapterProgress(['A'], 'Unlisted')).toBe('Unlisted');
  });

  it('shows a title card once per chapter start and holds the clock while it shows', () => {
    const { cards, holds, timers } = mount();
    const view = playView({ state: 'narrating', decision: null, chapter: at('Halcyon', 5) });
    cards.update(view);
    expect(cards.showing).toBe(true);
    expect(cards.card.textContent).toBe('Chapter 2 of 4Halcyon');
    expect(holds).toEqual([true]);
    cards.update(view);
    expect(timers).toHaveLength(1);
    timers[0]?.();
    expect(cards.showing).toBe(false);
    expect(holds).toEqual([true, false]);
    // the same chapter again (a later update or a rewind into it) brings no second card
    cards.update(playView({ chapter: at('Halcyon', 5) }));
    expect(cards.showing).toBe(false);
    cards.update(playView({ state: 'narrating', decision: null, chapter: at('Nights', 9) }));
    expect(cards.showing).toBe(true);
  });

  it.each(['Enter', ' ', 'Escape'])('is skipped with the %j key, which does nothing else', (k) => {
    const { cards, holds } = mount();
    const seen: string[] = [];
    const later = (e: KeyboardEvent) => seen.push(e.key);
    document.addEventListener('keydown', later);
    cards.update(playView({ state: 'narrating', decision: null, chapter: at('Tuesday', 1) }));
    key(k);
    document.removeEventListener('keydown', later);
    expect(cards.showing).toBe(false);
    expect(holds).toEqual([true, false]);
    expect(seen).toEqual([]);
  });

  it('leaves Escape to a dialog opened over it (the pause menu, History, the ledger)', () => {
    const { cards } = mount();
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    cards.update(playView({ state: 'narrating', decision: null, chapter: at('Tuesday', 1) }));
    const taken = !key('Escape');
    dialog.remove();
    expect(taken).toBe(false);
    expect(cards.showing).toBe(true);
  });

  it('is skipped with a click, and other keys leave it up', () => {
    const { cards } = mount();
    cards.update(playView({ state: 'narrating', decision: null, chapter: at('Tuesday', 1) }));
    key('a');
    expect(cards.showing).toBe(true);
    cards.card.click();
    expect(cards.showing).toBe(false);
  });

  it('appears without motion when the player asks for reduced motion', () => {
    const { cards } = mount(true);
    cards.update(playView({ state: 'narrating', decision: null, chapter: at('Tuesday', 1) }));
    expect(cards.card.classList.contains('still')).toBe(true);
  });

  it('never shows over the ending, and goes when the story ends', () => {
    const { cards, holds } = mount();
    cards.update(playView({ state: 'narrating', decision: null, chapter: at('Tuesday', 1) }));
    cards.update(playView({ state: 'ended', decision: null, chapter: at('December', 30) }));
    expect(cards.showing).toBe(false);
    expect(holds).toEqual([true, false]);
  });
});

describe('chapter cards and the view that holding the clock sends back', () => {
  it('shows one card with one timer when the hold makes the player send a new view at once', () => {
    const timers: (() => void)[] = [];
    const holds: boolean[] = [];
    const view = playView({ state: 'narrating', decision: null, chapter: at('Tuesday', 1) });
    const reentrant: ChapterCards = new ChapterCards({
      chapters: ['Tuesday'],
      // as the play session does: the command makes a new view, which comes straight back
      hold: (on) => {
        holds.push(on);
        reentrant.update(view);
      },
      reducedMotion: () => false,
      setTimeout: (fn) => timers.push(fn),
      clearTimeout: () => undefined,
    });
    cards = reentrant;
    reentrant.update(view);
    expect(reentrant.showing).toBe(true);
    expect(timers).toHaveLength(1);
    expect(holds).toEqual([true]);
    timers[0]?.();
    expect(reentrant.showing).toBe(false);
    expect(holds).toEqual([true, false]);
  });
});
