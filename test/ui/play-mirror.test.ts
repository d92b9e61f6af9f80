// The accessible mirror of the play view in jsdom: DOM contract of DESIGN.md §7 and input rules.
import { afterEach, describe, expect, it } from 'vitest';
import type { PlayerCommand } from '../../src/core/commands.ts';
import type { PlayView } from '../../src/core/view.ts';
import { PlayMirror } from '../../src/ui/play-mirror.ts';
import { decisionView, playView, shownLine } from '../builders.ts';

const decision = decisionView;

function view(over: Partial<PlayView> = {}): PlayView {
  return playView({ lines: [shownLine(1, 'The phone rings.')], ...over });
}

let mirror: PlayMirror | null = null;
function mount(now = 0): { sent: PlayerCommand[]; mirror: PlayMirror } {
  const sent: PlayerCommand[] = [];
  mirror = new PlayMirror({
    send: (c) => sent.push(c),
    now: () => now,
    resolveAsset: () => null,
    profileName: 'Ada',
    title: 'S',
    // the text-only view's line-by-line reveal has its own tests (reading.test.ts)
    textSpeed: 'instant',
  });
  document.body.append(mirror.root);
  return { sent, mirror };
}

afterEach(() => {
  mirror?.destroy();
  mirror = null;
});

describe('PlayMirror', () => {
  it('shows the story text in a polite log and the options as buttons in the Choices group', () => {
    const { mirror } = mount();
    mirror.update(view());
    const log = document.querySelector('[role="log"]');
    expect(log?.getAttribute('aria-live')).toBe('polite');
    expect(log?.textContent).toContain('The phone rings.');
    const buttons = document.querySelectorAll('[role="group"][aria-label="Choices"] button');
    expect([...buttons].map((b) => b.textContent?.replace(/^\d\s*/, ''))).toEqual([
      'Answer it',
      'Let it ring',
    ]);
    expect(document.querySelector('[role="progressbar"]')?.hasAttribute('hidden')).toBe(false);
    expect(mirror.root.dataset.state).toBe('choosing');
  });

  it('renders markup in story text as text, never as HTML', () => {
    const { mirror } = mount();
    mirror.update(
      view({
        lines: [
          {
            id: 1,
            text: '<img src=x onerror=alert(1)>',
            speaker: '<b>x</b>',
            className: null,
            image: null,
          },
        ],
      }),
    );
    expect(document.querySelector('[role="log"] img')).toBeNull();
    expect(document.querySelector('[role="log"] b')).toBeNull();
    expect(document.querySelector('[role="log"]')?.textContent).toContain(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('sends a pick for a click and for a number key, and ignores key repeats', () => {
    const { sent, mirror } = mount();
    mirror.update(view());
    (document.querySelectorAll('.choice')[1] as HTMLButtonElement).click();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: '1' }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: '1', repeat: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: '7' }));
    const picks = sent.filter((c) => c.type === 'PICK');
    expect(picks).toEqual([
      { type: 'PICK', index: 1, input: 'keyboard' },
      { type: 'PICK', index: 0, input: 'keyboard' },
    ]);
  });

  it('disables the buttons once the decision is picked or hiding', () => {
    const { mirror } = mount();
    mirror.update(view({ decision: decision({ phase: 'picked', chosen: 0 }) }));
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('.choice')];
    expect(buttons.every((b) => b.disabled)).toBe(true);
    expect(buttons[0]?.classList.contains('chosen')).toBe(true);
  });

  it('leaves Escape to the pause menu: the mirror itself sends nothing for it', () => {
    const { sent, mirror } = mount();
    mirror.update(view());
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(sent.filter((c) => c.type !== 'REVEALED')).toEqual([]);
    expect(document.querySelector('.play-controls button.pause')).toBeNull();
  });

  it('shows the time left as a progressbar value', () => {
    const { mirror } = mount(4000);
    mirror.update(view());
    expect(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe(
      '60',
    );
  });

  it('offers to go back to each decision on the ending screen', () => {
    const { sent, mirror } = mount();
    mirror.update(
      view({
        state: 'ended',
        decision: null,
        ending: { path: 'end' },
        history: [
          { turn: 1, afterLine: null, decisionId: 'a', chosenText: 'Answer it', timedOut: false },
          { turn: 2, afterLine: null, decisionId: 'b', chosenText: 'Wait', timedOut: true },
        ],
      }),
    );
    const ending = document.querySelector('[aria-label="Ending"]');
    ending?.querySelector<HTMLButtonElement>('button[aria-label^="Decision 2"]')?.click();
    expect(ending?.textContent).toContain('the clock chose');
    ending?.querySelector<HTMLButtonElement>('.rewind')?.click();
    expect(sent.filter((c) => c.type !== 'REVEALED')).toEqual([{ type: 'REWIND', turn: 2 }]);
  });
});

describe('PlayMirror and double clicks', () => {
  it('ignores the second click of a double click, even on a new decision', () => {
    const { sent, mirror } = mount();
    mirror.update(view());
    const first = document.querySelector<HTMLButtonElement>('.choice');
    first?.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
    mirror.update(view({ decision: decision({ id: 'next', turn: 2 }) }));
    const next = document.querySelector<HTMLButtonElement>('.choice');
    expect(next).not.toBe(first);
    next?.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 2 }));
    expect(sent.filter((c) => c.type === 'PICK')).toEqual([
      { type: 'PICK', index: 0, input: 'pointer' },
    ]);
  });
});
