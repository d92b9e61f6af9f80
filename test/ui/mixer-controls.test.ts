// The mixer's sliders: a move applies at once (preview), letting go keeps it (commit), and the
// sliders show the settings' values again when refreshed.
import { describe, expect, it } from 'vitest';
import { mixerControls, type VolumeKey } from '../../src/ui/mixer-controls.ts';
import type { MixSettings } from '../../src/ui/mixer.ts';

describe('the mixer sliders', () => {
  it('preview while moving, commit when let go, and say their value as a percentage', () => {
    let mix: MixSettings = {
      soundMuted: false,
      masterVolume: 0.7,
      musicVolume: 0.5,
      effectsVolume: 0.6,
    };
    const previews: [VolumeKey, number][] = [];
    const commits: [VolumeKey, number][] = [];
    const { fieldset, refresh } = mixerControls({
      value: () => mix,
      preview: (key, value) => previews.push([key, value]),
      commit: (key, value) => commits.push([key, value]),
    });
    document.body.append(fieldset);
    const music = fieldset.querySelector<HTMLInputElement>('input[data-volume="musicVolume"]');
    expect(music?.value).toBe('50');
    expect(fieldset.querySelector('label[for]')?.textContent).toBe('All sound');
    if (!music) return;
    music.value = '25';
    music.dispatchEvent(new Event('input'));
    expect(previews).toEqual([['musicVolume', 0.25]]);
    expect(commits).toEqual([]);
    expect(music.getAttribute('aria-valuetext')).toBe('25%');
    music.dispatchEvent(new Event('change'));
    expect(commits).toEqual([['musicVolume', 0.25]]);
    mix = { ...mix, musicVolume: 0.9 };
    refresh();
    expect(music.value).toBe('90');
    expect(music.getAttribute('aria-valuetext')).toBe('90%');
    fieldset.remove();
  });
});
