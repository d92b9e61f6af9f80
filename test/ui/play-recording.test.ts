// What the play view says about recording: the label, the storage notice, and added controls.
import { afterEach, describe, expect, it } from 'vitest';
import { PlayMirror } from '../../src/ui/play-mirror.ts';

const mirrors: PlayMirror[] = [];
function mirror(): PlayMirror {
  const m = new PlayMirror({
    send: () => undefined,
    now: () => 0,
    resolveAsset: () => null,
    profileName: 'Ada',
    title: 'Night Shift',
  });
  document.body.append(m.root);
  mirrors.push(m);
  return m;
}

afterEach(() => {
  for (const m of mirrors.splice(0)) m.destroy();
});

describe('recording in the play view', () => {
  it('names the active profile and shows no storage notice while recording normally', () => {
    const m = mirror();
    expect(m.root.querySelector('.play-profile')?.textContent).toBe('Recording for Ada');
    expect(m.root.querySelector('.play-storage-notice')?.hasAttribute('hidden')).toBe(true);
  });

  it('shows a visible notice when nothing is kept, and hides it again when storage is back', () => {
    const m = mirror();
    m.setRecording('Not saved: storage unavailable', 'Storage is full: nothing new is kept.');
    const notice = m.root.querySelector('.play-storage-notice');
    expect(m.root.querySelector('.play-profile')?.textContent).toBe(
      'Not saved: storage unavailable',
    );
    expect(notice?.hasAttribute('hidden')).toBe(false);
    expect(notice?.getAttribute('role')).toBe('status');
    expect(notice?.textContent).toBe('Storage is full: nothing new is kept.');
    m.setRecording('Recording for Ada', null);
    expect(notice?.hasAttribute('hidden')).toBe(true);
  });

  it('puts an added control among the play controls', () => {
    const m = mirror();
    const button = document.createElement('button');
    button.textContent = 'What’s being recorded';
    m.addControl(button);
    expect(button.closest('.play-controls')).not.toBeNull();
  });
});
