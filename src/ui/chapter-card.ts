// Chapters in play: where the player is ("Chapter 2 of 4: Halcyon") and the short title card
// shown when a chapter starts, skippable by click, Enter, Space or Escape.
import type { ChapterMark, PlayView } from '../core/view.ts';
import { append, h } from './dom.ts';

/** How long a chapter's title card stays before it goes by itself. */
export const CHAPTER_CARD_MS = 2000;

export interface ChapterCardOptions {
  /** the story's chapter titles in order (the build's outline); empty when unknown */
  readonly chapters: readonly string[];
  /** holds the story's clock while the card is up, so a card never eats a choice window */
  readonly hold: (on: boolean) => void;
  readonly reducedMotion: () => boolean;
  /** timers, swapped in tests */
  readonly setTimeout?: (fn: () => void, ms: number) => number;
  readonly clearTimeout?: (id: number) => void;
}

/** "Chapter 2 of 4: Halcyon", or "Halcyon" when the chapter is not in the outline. */
export function chapterProgress(chapters: readonly string[], title: string): string {
  const at = chapters.indexOf(title);
  return at < 0 ? title : `Chapter ${at + 1} of ${chapters.length}: ${title}`;
}

export class ChapterCards {
  /** where the player is, for the play controls */
  readonly progress: HTMLParagraphElement;
  /** the title card, laid over the stage while it shows */
  readonly card: HTMLDivElement;
  private shownLineId = -1;
  private timer: number | null = null;
  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' && e.key !== ' ' && e.key !== 'Escape') return;
    // a dialog opened over the card (the pause menu, History, the ledger) keeps its own keys
    if (document.querySelector('dialog[open]') !== null) return;
    // first in line (capture): the key only dismisses the card, it never also pauses or skips
    e.preventDefault();
    e.stopImmediatePropagation();
    this.dismiss();
  };

  constructor(private readonly options: ChapterCardOptions) {
    this.progress = h('p', { class: 'play-chapter', hidden: true });
    this.card = h('div', { class: 'chapter-card', role: 'status', hidden: true });
    this.card.addEventListener('click', () => this.dismiss());
  }

  get showing(): boolean {
    return !this.card.hidden;
  }

  update(view: PlayView): void {
    const mark = view.chapter ?? null;
    this.progress.hidden = mark === null;
    this.progress.textContent = mark ? chapterProgress(this.options.chapters, mark.title) : '';
    const playing = view.state !== 'loading' && view.state !== 'ended' && view.state !== 'error';
    const fresh = mark !== null && mark.lineId > this.shownLineId;
    // marked before showing: holding the clock sends a command, and the view it makes comes
    // straight back here
    if (mark) this.shownLineId = Math.max(this.shownLineId, mark.lineId);
    if (mark && playing && fresh) this.show(mark);
    else if (!playing && this.showing) this.dismiss();
  }

  dismiss(): void {
    if (!this.showing) return;
    this.card.hidden = true;
    this.card.replaceChildren();
    if (this.timer !== null) (this.options.clearTimeout ?? clearTimeout)(this.timer);
    this.timer = null;
    window.removeEventListener('keydown', this.onKey, true);
    this.options.hold(false);
  }

  destroy(): void {
    this.dismiss();
    this.card.remove();
    this.progress.remove();
  }

  private show(mark: ChapterMark): void {
    if (this.showing) this.dismiss();
    const at = this.options.chapters.indexOf(mark.title);
    this.card.replaceChildren();
    append(
      this.card,
      at < 0
        ? null
        : h(
            'span',
            { class: 'chapter-card-number' },
            `Chapter ${at + 1} of ${this.options.chapters.length}`,
          ),
      h('span', { class: 'chapter-card-title' }, mark.title),
    );
    this.card.classList.toggle('still', this.options.reducedMotion());
    this.card.hidden = false;
    window.addEventListener('keydown', this.onKey, true);
    this.timer = (this.options.setTimeout ?? ((fn, ms) => window.setTimeout(fn, ms)))(
      () => this.dismiss(),
      CHAPTER_CARD_MS,
    );
    this.options.hold(true);
  }
}
