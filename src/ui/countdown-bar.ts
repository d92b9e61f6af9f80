// The decision window in the DOM: a role="progressbar" that exists only while a decision is open
// (DESIGN.md §7), its value kept current every frame from the one reading of time left. Its fill
// closes toward the centre like the canvas bar, and the last seconds are announced to the page.
import { isLowTime, remainingAt, type PlayView } from '../core/view.ts';
import { h } from './dom.ts';

/**
 * Dispatched (bubbling) on the progressbar when an open window enters its last LOW_TIME_MS, once
 * per decision turn, for whatever wants to warn the player (the sound of the last seconds).
 * `detail`: { decisionId, turn }.
 */
export const LOW_TIME_EVENT = 'inkreel:low-time';

export interface LowTimeDetail {
  readonly decisionId: string;
  readonly turn: number;
}

export class CountdownBar {
  private readonly bar: HTMLDivElement;
  private readonly fill: HTMLDivElement;
  private view: PlayView | null = null;
  private frame = 0;
  /** decision turn whose last seconds were already announced */
  private warnedTurn: string | null = null;

  /**
   * `place` puts the bar where it belongs whenever a decision opens; `reducedMotion` (the app's
   * setting, else the system's) stops the last seconds' pulse, never the colour.
   */
  constructor(
    private readonly now: () => number,
    private readonly place: (bar: HTMLElement) => void,
    private readonly reducedMotion: () => boolean = () => false,
  ) {
    this.fill = h('div', { class: 'timer-fill' });
    this.bar = h(
      'div',
      {
        class: 'timer',
        role: 'progressbar',
        'aria-label': 'Time left to choose',
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': 100,
      },
      this.fill,
    );
  }

  /** True while a timed decision is open (its cards rising or its window running). */
  static isOpen(view: PlayView): boolean {
    const d = view.decision;
    return (
      d !== null &&
      d.windowMs !== null &&
      d.chosen === null &&
      (d.phase === 'shown' || d.phase === 'selecting')
    );
  }

  /** True while the open window is in its last seconds (the bar's warning look). */
  get lowTime(): boolean {
    return this.bar.dataset.lowTime === 'true';
  }

  update(view: PlayView): void {
    this.view = view;
    const open = CountdownBar.isOpen(view);
    if (!open) {
      cancelAnimationFrame(this.frame);
      this.setLow(false);
      this.bar.remove();
      return;
    }
    if (!this.bar.isConnected) this.place(this.bar);
    cancelAnimationFrame(this.frame);
    this.tick();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.bar.remove();
  }

  private setLow(low: boolean): void {
    const value = low ? 'true' : 'false';
    if (this.bar.dataset.lowTime !== value) this.bar.dataset.lowTime = value;
    this.bar.classList.toggle('still', this.reducedMotion());
  }

  private tick(): void {
    const decision = this.view?.decision;
    if (!this.view || !decision || decision.windowMs === null) return;
    const now = this.now();
    const left = remainingAt(decision, now) ?? 0;
    const percent = Math.max(0, Math.min(100, Math.round((left / decision.windowMs) * 100)));
    this.bar.setAttribute('aria-valuenow', String(percent));
    this.bar.setAttribute('aria-valuetext', `${Math.ceil(left / 1000)} seconds left`);
    this.fill.style.width = `${percent}%`;
    const running = decision.runningSince !== null && !decision.paused;
    const low = running && isLowTime(decision, now);
    this.setLow(low);
    const turn = `${decision.id}#${decision.turn}`;
    if (low && this.warnedTurn !== turn) {
      this.warnedTurn = turn;
      const detail: LowTimeDetail = { decisionId: decision.id, turn: decision.turn };
      this.bar.dispatchEvent(new CustomEvent(LOW_TIME_EVENT, { bubbles: true, detail }));
    }
    if (decision.runningSince !== null) this.frame = requestAnimationFrame(() => this.tick());
  }
}
