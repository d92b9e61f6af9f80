// The play mirror's keys and sound toggle: Enter/Space finish the reveal unless a control has focus.
import { afterEach, describe, expect, it } from 'vitest';
import type { PlayerCommand } from '../../src/core/commands.ts';
import type { PlayView } from '../../src/core/view.ts';
import { PlayMirror } from '../../src/ui/play-mirror.ts';
import { decisionView, playView, shownLine } from '../builders.ts';

const hello = shownLine(1, 'Hello.');
const choosing: PlayView = playView({
  lines: [hello],
  transcript: [hello],
  decision: decisionView({
    id: 'd',
    options: [
      { index: 0, text: 'Yes', isDefault: false },
      { index: 1, text: 'No', isDefault: true },
    ],
    windowMs: null,
    remainingMs: null,
    runningSince: null,
  }),
});

let mirror: PlayMirror | null = null;
afterEach(() => mirror?.destroy());

function mount(extra: Partial<ConstructorParameters<typeof PlayMirror>[0]> = {}) {
  const sent: PlayerCommand[] = [];
  let reveals = 0;
  mirror = new PlayMirror({
    send: (c) => sent.push(c),
    now: () => 0,
    resolveAsset: () => null,
    profileName: 'P',
    title: 'S',
    advanceStage: () => {
      reveals += 1;
      return true;
    },
    ...extra,
  });
  mirror.setCanvasMode(true);
  document.body.append(mirror.root);
  mirror.update(choosing);
  return { sent, reveals: () => reveals, root: mirror.root };
}

describe('play mirror keys and sound', () => {
  it('continues (the canvas reveal or page) on Enter or Space when no control has focus', () => {
    const m = mount();
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    document.body.dispatchEvent(enter);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    expect(m.reveals()).toBe(2);
    expect(enter.defaultPrevented).toBe(true);
    expect(m.sent).toEqual([]);
  });

  it('leaves Enter on a focused choice button to the button, so it still picks', () => {
    const m = mount();
    const button = m.root.querySelector<HTMLButtonElement>('[aria-label="Choices"] button');
    expect(button).not.toBeNull();
    button?.focus();
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    button?.dispatchEvent(enter);
    expect(m.reveals()).toBe(0);
    expect(enter.defaultPrevented).toBe(false);
    button?.click();
    expect(m.sent).toEqual([{ type: 'PICK', index: 0, input: 'keyboard' }]);
  });

  it('offers a mute toggle only when the story has sound, its state in aria-pressed', () => {
    const plain = mount();
    expect(plain.root.querySelector('button.mute')).toBeNull();
    mirror?.destroy();
    const changes: boolean[] = [];
    const m = mount({ sound: { muted: false, setMuted: (x) => changes.push(x) } });
    const mute = m.root.querySelector<HTMLButtonElement>('button.mute');
    expect(mute?.textContent).toBe('Mute sound');
    expect(mute?.getAttribute('aria-pressed')).toBe('false');
    mute?.click();
    expect(mute?.getAttribute('aria-pressed')).toBe('true');
    mute?.click();
    expect(changes).toEqual([true, false]);
  });
});
