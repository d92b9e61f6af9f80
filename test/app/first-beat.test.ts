// The first beat before the stage: the story reads in the DOM while the stage loads, the stage
// takes over without typing again what the DOM showed, and the text view stays when no canvas can
// be made.
import { afterEach, describe, expect, it } from 'vitest';
import { countingStore, mount, waitForState, type Mounted } from './session-fixture.ts';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.teardown();
  mounted = null;
});

function gate<T>(): { promise: Promise<T>; open: (value: T) => void } {
  let open: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

const play = (root: HTMLElement): HTMLElement => root.querySelector<HTMLElement>('section.play')!;
const logLines = (root: HTMLElement): string[] =>
  [...root.querySelectorAll('[role="log"] p')].map((p) => p.textContent ?? '');

describe('the first beat while the stage loads', () => {
  it('shows the first line in the DOM before the stage exists, then hands the stage what was shown as read', async () => {
    const stageGate = gate<'ready' | null>();
    mounted = await mount(countingStore().store, {
      stageGate: stageGate.promise,
      settings: { reducedMotion: true },
    });
    const { root, stage } = mounted;
    // the first line is on screen at once, in the frame the canvas will fill
    expect(logLines(root)).toEqual(['You wake.']);
    expect(play(root).classList.contains('stage-pending')).toBe(true);
    expect(stage.updates).toBe(0);
    // still typing its line: the beat is not read yet, so no choice has risen
    expect(root.dataset.state).not.toBe('choosing');
    stageGate.open('ready');
    await waitForState(root, 'choosing');
    expect(play(root).classList.contains('canvas-mode')).toBe(true);
    expect(play(root).classList.contains('stage-pending')).toBe(false);
    // the stage's first view has the line the DOM showed as read, though the player had not yet
    // been told so: the canvas shows it whole instead of typing it again
    const first = stage.views[0]!;
    expect(first.lines.map((l) => l.text)).toEqual(['You wake.']);
    expect(first.readThrough).toBe(first.lines[0]!.id);
    // and the log keeps the line once
    expect(logLines(root)).toEqual(['You wake.']);
  });

  it('fades the stage in over the text unless motion is reduced', async () => {
    const stageGate = gate<'ready' | null>();
    mounted = await mount(countingStore().store, {
      stageGate: stageGate.promise,
      settings: { reducedMotion: false },
    });
    stageGate.open('ready');
    await waitForState(mounted.root, 'choosing');
    expect(play(mounted.root).classList.contains('stage-arriving')).toBe(true);
  });

  it('keeps reading in the text view when no canvas can be made', async () => {
    const stageGate = gate<'ready' | null>();
    mounted = await mount(countingStore().store, { stageGate: stageGate.promise });
    stageGate.open(null);
    await waitForState(mounted.root, 'choosing');
    const classes = play(mounted.root).classList;
    expect(classes.contains('canvas-mode')).toBe(false);
    expect(classes.contains('stage-pending')).toBe(false);
    expect(mounted.stage.updates).toBe(0);
    expect(logLines(mounted.root)).toEqual(['You wake.']);
    expect(
      mounted.root.querySelectorAll('[role="group"][aria-label="Choices"] button'),
    ).toHaveLength(2);
  });
});
