// The DOM countdown: a progressbar whose fill closes toward its centre, that turns in the last
// seconds (the pulse only with motion), and tells the page once per decision that time is short.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecisionView } from '../../src/core/view.ts';
import { LOW_TIME_MS } from '../../src/core/view.ts';
import { CountdownBar, LOW_TIME_EVENT } from '../../src/ui/countdown-bar.ts';
import { decisionView, playView } from '../builders.ts';

let clock = 0;
const host = (): HTMLElement => {
  const el = document.createElement('div');
  document.body.append(el);
  return el;
};

function mount(reduced = false): { bar: CountdownBar; root: HTMLElement; warned: Event[] } {
  const root = host();
  const bar = new CountdownBar(
    () => clock,
    (el) => root.append(el),
    () => reduced,
  );
  const warned: Event[] = [];
  root.addEventListener(LOW_TIME_EVENT, (e) => warned.push(e));
  return { bar, root, warned };
}

const open = (over: Partial<DecisionView> = {}) =>
  playView({ decision: decisionView({ runningSince: 0, remainingMs: 10_000, ...over }) });

const progress = (root: HTMLElement): HTMLElement =>
  root.querySelector<HTMLElement>('[role="progressbar"]')!;

afterEach(() => {
  document.body.innerHTML = '';
  clock = 0;
  vi.restoreAllMocks();
});

describe('CountdownBar', () => {
  it('is not low with more than the last seconds left, and low from there', () => {
    const { bar, root } = mount();
    clock = 10_000 - LOW_TIME_MS - 1;
    bar.update(open());
    expect(progress(root).dataset.lowTime).toBe('false');
    expect(bar.lowTime).toBe(false);
    clock = 10_000 - LOW_TIME_MS;
    bar.update(open());
    expect(progress(root).dataset.lowTime).toBe('true');
    expect(bar.lowTime).toBe(true);
    bar.destroy();
  });

  it('announces the last seconds once per decision, with its id and turn, bubbling to the page', () => {
    const { bar, warned } = mount();
    clock = 8_000;
    bar.update(open());
    bar.update(open());
    clock = 9_000;
    bar.update(open());
    expect(warned).toHaveLength(1);
    expect((warned[0] as CustomEvent).detail).toEqual({ decisionId: 'desk.0', turn: 1 });
    // the next decision warns again
    bar.update(open({ turn: 2, runningSince: 9_000 }));
    clock = 17_500;
    bar.update(open({ turn: 2, runningSince: 9_000 }));
    expect(warned).toHaveLength(2);
    bar.destroy();
  });

  it('does not warn while the window is paused, even with little left', () => {
    const { bar, root, warned } = mount();
    bar.update(open({ paused: true, runningSince: null, remainingMs: 1_000 }));
    expect(progress(root).dataset.lowTime).toBe('false');
    expect(warned).toHaveLength(0);
    bar.destroy();
  });

  it('keeps aria-valuenow and a fill whose width is the share left', () => {
    const { bar, root } = mount();
    clock = 2_500;
    bar.update(open());
    expect(progress(root).getAttribute('aria-valuenow')).toBe('75');
    expect(root.querySelector<HTMLElement>('.timer-fill')!.style.width).toBe('75%');
    bar.destroy();
  });

  it('marks itself still under reduced motion so the last seconds do not pulse', () => {
    const calm = mount(true);
    calm.bar.update(open());
    expect(progress(calm.root).classList.contains('still')).toBe(true);
    calm.bar.destroy();
    const moving = mount(false);
    moving.bar.update(open());
    expect(progress(moving.root).classList.contains('still')).toBe(false);
    moving.bar.destroy();
  });

  it('goes away and is no longer low once the pick is made', () => {
    const { bar, root } = mount();
    clock = 9_000;
    bar.update(open());
    bar.update(open({ phase: 'picked', chosen: 0 }));
    expect(progress(root)).toBeNull();
    expect(bar.lowTime).toBe(false);
  });
});
