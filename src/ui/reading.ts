// Reading, then choosing, in the DOM: which lines the story log shows and whether it is busy, the
// "Continue" cue, autoplay, and telling the player (REVEALED) once the beat's last line is read.
// With a canvas the stage reports how far its reveal and pages are; in the text-only view the
// log reveals new lines itself, one at a time: a line shows at once (the stylesheet fades it in)
// and the next waits for its typing time at the text speed; the beat is read once the last
// line's time is over.
import type { PlayerCommand } from '../core/commands.ts';
import { MAX_REVEAL_MS, readingMs, REVEAL_CPS } from '../core/pacing.ts';
import type { TextSpeed } from '../core/settings.ts';
import type { PlayView, RevealReport } from '../core/view.ts';
import { h } from './dom.ts';

export interface ReadingOptions {
  readonly send: (command: PlayerCommand) => void;
  /** the stage's continue (finish the reveal or turn the page); false when it had nothing to do */
  readonly advanceStage?: () => boolean;
  readonly textSpeed?: TextSpeed;
  readonly autoplay?: boolean;
  /** called when the lines the log may show or its busy state change */
  readonly onChange: () => void;
}

/** How long the text-only view takes to show a line at a text speed (its typing time). */
export function lineRevealMs(chars: number, speed: TextSpeed): number {
  const cps = REVEAL_CPS[speed];
  if (!Number.isFinite(cps)) return 0;
  const longest = (MAX_REVEAL_MS * REVEAL_CPS.normal) / cps;
  return Math.min(longest, Math.round((Math.max(0, chars) * 1000) / cps));
}

export class ReadingControl {
  /** the on-screen continue cue: a real button, so keyboard and screen-reader users have it too */
  readonly continueButton: HTMLButtonElement;
  private canvas = false;
  private view: PlayView | null = null;
  private stageReport: RevealReport | null = null;
  /** text-only view: how many of the view's lines the log shows so far */
  private shownCount = 0;
  /** text-only view: runs for the typing time of the line shown last (the log is busy meanwhile) */
  private lineTimer: ReturnType<typeof setTimeout> | null = null;
  private autoTimer: ReturnType<typeof setTimeout> | null = null;
  private autoKey = '';
  private sentThrough = -1;
  /** the furthest line the log has shown for these lines: a relayout never takes one back */
  private loggedThrough = -1;
  private speed: TextSpeed;
  private autoplay: boolean;

  constructor(private readonly options: ReadingOptions) {
    this.speed = options.textSpeed ?? 'normal';
    this.autoplay = options.autoplay ?? false;
    this.continueButton = h(
      'button',
      { type: 'button', class: 'continue', hidden: true, onclick: () => this.advance() },
      'Continue',
    );
  }

  setCanvasMode(on: boolean): void {
    this.canvas = on;
    // the stage reveals from here (what the log showed, it is given as read)
    if (on) this.stopLineTimer();
    this.settle();
  }

  setTextSpeed(speed: TextSpeed): void {
    this.speed = speed;
    if (speed === 'instant') this.showAll();
    this.settle();
  }

  setAutoplay(on: boolean): void {
    this.autoplay = on;
    this.autoKey = '';
    this.settle();
  }

  /** The stage's reading state (canvas view). */
  setStageReport(report: RevealReport): void {
    this.stageReport = report;
    this.settle();
  }

  update(view: PlayView): void {
    const previous = this.view?.lines ?? [];
    const continues =
      previous.length <= view.lines.length && previous.every((l, i) => l.id === view.lines[i]?.id);
    // a CLEAR or a rewind: the lines the log had are not the start of these
    if (!continues) {
      this.shownCount = 0;
      this.loggedThrough = -1;
      this.stopLineTimer();
    }
    this.view = view;
    if (!this.canvas) {
      // lines read before (a rewind, a resumed play) show at once
      const read = view.lines.filter((l) => l.id <= view.readThrough).length;
      this.shownCount = Math.max(this.shownCount, read);
    }
    this.loggedThrough = Math.max(
      this.loggedThrough,
      Math.min(view.readThrough, view.lines.at(-1)?.id ?? -1),
    );
    this.settle();
  }

  /** The report of the view showing the text now. */
  report(): RevealReport {
    const lines = this.view?.lines ?? [];
    if (this.canvas) {
      return this.stageReport ?? { busy: false, through: null, more: false, pageChars: 0 };
    }
    const shown = lines.slice(0, this.shownCount);
    return {
      busy: this.shownCount < lines.length || this.lineTimer !== null,
      through: shown.at(-1)?.id ?? null,
      more: false,
      pageChars: shown.reduce((sum, l) => sum + l.text.length, 0),
    };
  }

  /** Whether the log may show this line yet: only lines on screen, or on pages already read. */
  shows(lineId: number): boolean {
    const through = Math.max(this.report().through ?? -1, this.loggedThrough);
    this.loggedThrough = through;
    return lineId <= through;
  }

  /** The player's continue (Enter, Space, a tap, the button); false when there was nothing to do. */
  advance(): boolean {
    if (this.canvas) {
      if (this.options.advanceStage?.()) return true;
    } else if (this.showAll()) {
      return true;
    }
    if (this.view?.endingNext) {
      this.options.send({ type: 'CONTINUE' });
      return true;
    }
    return false;
  }

  destroy(): void {
    this.clearTimers();
  }

  /** Shows the rest of the lines and ends the last one's typing time; false when nothing was left. */
  private showAll(): boolean {
    const total = this.view?.lines.length ?? 0;
    if (this.canvas || (this.shownCount >= total && this.lineTimer === null)) return false;
    this.shownCount = total;
    this.stopLineTimer();
    this.settle();
    return true;
  }

  private stopLineTimer(): void {
    if (this.lineTimer !== null) clearTimeout(this.lineTimer);
    this.lineTimer = null;
  }

  private clearTimers(): void {
    this.stopLineTimer();
    if (this.autoTimer !== null) clearTimeout(this.autoTimer);
    this.autoTimer = null;
  }

  /** Moves the text-only reveal on, tells the player what is read, offers continue, autoplays. */
  private settle(): void {
    const view = this.view;
    if (!view) return;
    if (!this.canvas) this.scheduleNextLine(view);
    const r = this.report();
    const waiting = !r.busy && (r.more || view.endingNext);
    this.continueButton.hidden = !waiting;
    this.continueButton.textContent = r.more ? 'Continue' : 'Continue to the ending';
    this.scheduleAutoplay(waiting, r);
    this.options.onChange();
    // Last: the player answers REVEALED at once with a new view, which settles again (nested);
    // nothing of this call may run after it with the old view.
    if (!r.busy && !r.more && r.through !== null && r.through > this.sentThrough) {
      this.sentThrough = r.through;
      this.options.send({ type: 'REVEALED', through: r.through });
    }
  }

  /** Shows the next line now and holds the one after it for this line's typing time. */
  private scheduleNextLine(view: PlayView): void {
    if (this.lineTimer !== null) return;
    if (this.speed === 'instant') {
      this.shownCount = view.lines.length;
      return;
    }
    let delay = 0;
    // a line with no words to type (an image alone) takes no time: the next one shows with it
    while (delay === 0 && this.shownCount < view.lines.length) {
      delay = lineRevealMs(view.lines[this.shownCount]?.text.length ?? 0, this.speed);
      this.shownCount += 1;
    }
    if (delay === 0) return;
    this.lineTimer = setTimeout(() => {
      this.lineTimer = null;
      this.settle();
    }, delay);
  }

  // Autoplay turns pages and goes on to the ending after a reading time; it never picks.
  private scheduleAutoplay(waiting: boolean, r: RevealReport): void {
    const key = waiting && this.autoplay ? `${r.through}|${r.more}` : '';
    if (key === this.autoKey) return;
    this.autoKey = key;
    if (this.autoTimer !== null) clearTimeout(this.autoTimer);
    this.autoTimer = null;
    if (key === '') return;
    this.autoTimer = setTimeout(() => {
      this.autoTimer = null;
      this.autoKey = '';
      this.advance();
    }, readingMs(r.pageChars));
  }
}
