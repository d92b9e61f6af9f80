// The "resumed where you left off" notice of the play mirror: what it says, its start over, when it goes.
import { afterEach, describe, expect, it } from 'vitest';
import type { PlayerCommand } from '../../src/core/commands.ts';
import type { PlayView } from '../../src/core/view.ts';
import { PlayMirror } from '../../src/ui/play-mirror.ts';
import { decisionView, playView } from '../builders.ts';

function view(turn: number, state: PlayView['state'] = 'choosing'): PlayView {
  const decision = decisionView({
    id: `d${turn}`,
    turn,
    options: [
      { index: 0, text: 'Go on', isDefault: false },
      { index: 1, text: 'Wait', isDefault: true },
    ],
    windowMs: null,
    remainingMs: null,
    runningSince: null,
  });
  return playView({ state, decision: state === 'choosing' ? decision : null });
}

let mirror: PlayMirror | null = null;
function mount(): { sent: PlayerCommand[]; mirror: PlayMirror } {
  const sent: PlayerCommand[] = [];
  mirror = new PlayMirror({
    send: (c) => sent.push(c),
    now: () => 0,
    resolveAsset: () => null,
    profileName: 'Ada',
    title: 'S',
  });
  document.body.append(mirror.root);
  return { sent, mirror };
}

const notice = (): HTMLElement | null => document.querySelector('.resume-notice');

afterEach(() => {
  mirror?.destroy();
  mirror = null;
});

describe('the resume notice', () => {
  it('says plainly at which decision play resumed, as a status', () => {
    const { mirror } = mount();
    mirror.update(view(3));
    mirror.showResumed(3);
    expect(notice()?.getAttribute('role')).toBe('status');
    expect(notice()?.textContent).toContain('Resumed at decision 3 where you left off');
  });

  it('offers to start over right there, without asking twice', () => {
    const { mirror, sent } = mount();
    mirror.update(view(3));
    mirror.showResumed(3);
    notice()?.querySelector('button')?.click();
    expect(sent).toEqual([{ type: 'RESTART' }]);
    expect(notice()).toBeNull();
  });

  it('stays while that decision is open and goes once play moves on', () => {
    const { mirror } = mount();
    mirror.update(view(3));
    mirror.showResumed(3);
    mirror.update(view(3));
    expect(notice()).not.toBeNull();
    mirror.update(view(3, 'narrating'));
    expect(notice()).toBeNull();
  });
});
