// The decision window in the DOM: a role="progressbar" that exists only while a decision is open
// (DESIGN.md §7), its value kept current every frame from the one reading of time left.
import { remainingAt, type PlayView } from '../core/view.ts';
import { h } from './dom.ts';

export class CountdownBar {
  private readonly bar: HTMLDivElement;
  private readonly fill: HTMLDivElement;
  private view: PlayView | null = null;
  private frame = 0;

  /** `place` puts the bar where it belongs whenever a decision opens. */
  constructor(
    private readonly now: () => number,
    private readonly place: (bar: HTMLElement) => void,
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

  update(view: PlayView): void {
    this.view = view;
    const open = CountdownBar.isOpen(view);
    if (!open) {
      cancelAnimationFrame(this.frame);
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

  private tick(): void {
    const decision = this.view?.decision;
    if (!this.view || !decision || decision.windowMs === null) return;
    const left = remainingAt(decision, this.now()) ?? 0;
    const percent = Math.max(0, Math.min(100, Math.round((left / decision.windowMs) * 100)));
    this.bar.setAttribute('aria-valuenow', String(percent));
    this.bar.setAttribute('aria-valuetext', `${Math.ceil(left / 1000)} seconds left`);
    this.fill.style.width = `${percent}%`;
    if (decision.runningSince !== null) this.frame = requestAnimationFrame(() => this.tick());
  }
}
