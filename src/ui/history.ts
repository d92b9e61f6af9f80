// The History dialog (DESIGN.md §3, §7): the whole playthrough so far, its lines and the choices
// made, grouped by decision, as headings and lists a screen reader can walk. It holds the window.
import type { PlayView, ShownLine } from '../core/view.ts';
import { clear, h } from './dom.ts';
import { Modal } from './modal.ts';

export interface HistoryLine {
  readonly id: number;
  readonly text: string;
  readonly speaker: string | null;
}

/** The beat that led to decision `turn`, and what was chosen there (null while it is open). */
export interface HistoryGroup {
  /** the decision this beat led to; null for the lines since the last decision */
  readonly turn: number | null;
  readonly lines: readonly HistoryLine[];
  readonly choice: { readonly text: string; readonly timedOut: boolean } | null;
}

/**
 * What the History remembers of the views it has seen: every line of the playthrough (the view's
 * `transcript`, which spans CLEARs and what a resumed save brought back; ids rise through a
 * playthrough) and, per decision, the last line id shown before it opened (`cuts[turn - 1]`, from
 * the view's past decisions when this tab never saw them open). Rewinds and restarts drop what
 * was undone.
 */
export interface HistoryMemory {
  readonly lines: readonly HistoryLine[];
  readonly cuts: readonly number[];
}

export const EMPTY_HISTORY: HistoryMemory = { lines: [], cuts: [] };

function lineOf(line: ShownLine): HistoryLine {
  return { id: line.id, text: line.text, speaker: line.speaker };
}

/** The adapter: folds one view into the memory (pure; the same memory back when nothing changed). */
export function rememberView(memory: HistoryMemory, view: PlayView): HistoryMemory {
  // a restart (the RESTART command or Inky's tag) starts the playthrough again from nothing
  if (view.state === 'loading' && view.history.length === 0 && view.lines.length === 0)
    return memory.lines.length === 0 && memory.cuts.length === 0 ? memory : EMPTY_HISTORY;
  let { lines, cuts } = memory;
  const last = lines.at(-1)?.id ?? 0;
  const fresh = (view.transcript.length > 0 ? view.transcript : view.lines).filter(
    (l) => l.id > last && l.text.trim() !== '',
  );
  if (fresh.length > 0) lines = [...lines, ...fresh.map(lineOf)];
  const open = view.state === 'choosing' || view.state === 'paused' ? view.decision : null;
  // only while it waits for a pick: lines a pick brings may come while the decision still shows
  if (open && (open.phase === 'shown' || open.phase === 'selecting')) {
    const turn = open.turn;
    if (cuts.length >= turn) {
      // shown again: a rewind back to it, so what came after it was undone
      const cut = cuts[turn - 1] ?? 0;
      if (cuts.length > turn) cuts = cuts.slice(0, turn);
      if (lines.some((l) => l.id > cut)) lines = lines.filter((l) => l.id <= cut);
    } else {
      // first time shown; decisions before it that this tab never saw open (a resumed save) take
      // their place in the lines from the view's past decisions
      const cut = lines.at(-1)?.id ?? 0;
      const unseen = Array.from({ length: turn - 1 - cuts.length }, (_, k) => {
        const past = view.history.find((p) => p.turn === cuts.length + k + 1);
        return past?.afterLine ?? 0;
      });
      cuts = [...cuts, ...unseen, cut];
    }
  }
  return lines === memory.lines && cuts === memory.cuts ? memory : { lines, cuts };
}

/** The playthrough as groups, oldest first: each decision's beat and choice, then the lines since. */
export function historyGroups(memory: HistoryMemory, view: PlayView): HistoryGroup[] {
  const groups: HistoryGroup[] = [];
  let from = 0;
  memory.cuts.forEach((cut, i) => {
    const turn = i + 1;
    const past = view.history.find((p) => p.turn === turn);
    groups.push({
      turn,
      lines: memory.lines.filter((l) => l.id > from && l.id <= cut),
      choice: past ? { text: past.chosenText, timedOut: past.timedOut } : null,
    });
    from = Math.max(from, cut);
  });
  const since = memory.lines.filter((l) => l.id > from);
  if (since.length > 0) groups.push({ turn: null, lines: since, choice: null });
  return groups;
}

export interface HistoryOptions {
  /** takes the hold on the window; returns its release */
  readonly hold: () => () => void;
}

export class HistoryDialog {
  /** the control in the play row that opens it */
  readonly button: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
  private readonly modal: Modal;
  private readonly scroller: HTMLDivElement;
  private readonly list: HTMLOListElement;
  private memory: HistoryMemory = EMPTY_HISTORY;
  private view: PlayView | null = null;
  private drawn: HistoryMemory | null = null;
  private release: (() => void) | null = null;

  constructor(options: HistoryOptions) {
    this.button = h(
      'button',
      {
        type: 'button',
        class: 'history-open',
        'aria-haspopup': 'dialog',
        'aria-keyshortcuts': 'H',
        onclick: () => this.open(),
      },
      'History',
    );
    this.list = h('ol', { class: 'history-list' });
    this.scroller = h(
      'div',
      {
        class: 'history-scroll',
        role: 'region',
        'aria-label': 'Playthrough so far',
        // a scrolling box must be reachable by keyboard to be scrolled by it
        tabindex: 0,
      },
      this.list,
    );
    this.modal = new Modal(
      {
        className: 'history',
        heading: 'History',
        onOpen: () => {
          this.release = options.hold();
        },
        onClose: () => {
          this.release?.();
          this.release = null;
        },
      },
      h('p', { class: 'history-intro' }, 'Everything so far, oldest first. The story waits.'),
      this.scroller,
      h('button', { type: 'button', class: 'history-close', onclick: () => this.close() }, 'Close'),
    );
    this.dialog = this.modal.dialog;
  }

  get opened(): boolean {
    return this.modal.opened;
  }

  /** Every view of the play passes here, so nothing shown is missed. */
  update(view: PlayView): void {
    this.view = view;
    this.memory = rememberView(this.memory, view);
    if (this.modal.opened && this.drawn !== this.memory) this.render(false);
  }

  open(): void {
    this.render(true);
    this.modal.open(this.scroller);
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  close(): void {
    this.modal.close();
  }

  destroy(): void {
    this.modal.destroy();
    this.button.remove();
  }

  private render(force: boolean): void {
    if (!force && this.drawn === this.memory) return;
    this.drawn = this.memory;
    // a line that arrives while the player reads further up must not pull them down
    const box = this.scroller;
    const follow = force || box.scrollHeight - box.clientHeight - box.scrollTop < 8;
    const keep = box.scrollTop;
    clear(this.list);
    const groups = this.view ? historyGroups(this.memory, this.view) : [];
    if (groups.length === 0)
      this.list.append(h('li', { class: 'history-empty' }, 'Nothing has happened yet.'));
    for (const group of groups) {
      const lines = h('ul', { class: 'history-lines' });
      for (const line of group.lines) {
        lines.append(
          h(
            'li',
            { class: 'history-line' },
            line.speaker ? h('span', { class: 'speaker' }, `${line.speaker}: `) : null,
            line.text,
          ),
        );
      }
      const heading =
        group.turn === null
          ? groups.length === 1
            ? 'So far'
            : 'Since your last choice'
          : `Decision ${group.turn}`;
      this.list.append(
        h(
          'li',
          { class: 'history-group' },
          h('h3', {}, heading),
          group.lines.length > 0 ? lines : null,
          group.choice
            ? h(
                'p',
                { class: group.choice.timedOut ? 'history-choice by-clock' : 'history-choice' },
                group.choice.timedOut ? 'The clock chose: ' : 'You chose: ',
                h('strong', {}, group.choice.text),
              )
            : group.turn !== null
              ? h('p', { class: 'history-choice open' }, 'Not chosen yet.')
              : null,
        ),
      );
    }
    box.scrollTop = follow ? box.scrollHeight : keep;
  }
}
