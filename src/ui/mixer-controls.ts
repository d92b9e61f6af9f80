// The mixer's sliders (master, music, effects and ambience), shared by the settings page and the
// pause menu's compact version: a slider applies live while it moves and is kept when let go.
import { h } from './dom.ts';
import { percent, type MixSettings } from './mixer.ts';

export type VolumeKey = 'masterVolume' | 'musicVolume' | 'effectsVolume';

export interface MixerControlOptions {
  readonly value: () => MixSettings;
  /** while a slider moves: apply at once, do not keep yet */
  readonly preview: (key: VolumeKey, value: number) => void;
  /** a slider let go: keep it as the profile's setting */
  readonly commit: (key: VolumeKey, value: number) => void;
}

const SLIDERS: readonly { readonly key: VolumeKey; readonly label: string }[] = [
  { key: 'masterVolume', label: 'All sound' },
  { key: 'musicVolume', label: 'Music' },
  { key: 'effectsVolume', label: 'Effects and ambience' },
];

let sliderIds = 0;

export interface MixerControls {
  readonly fieldset: HTMLFieldSetElement;
  /** shows the values the settings have now */
  readonly refresh: () => void;
}

export function mixerControls(options: MixerControlOptions, legend = 'Volume'): MixerControls {
  const fieldset = h('fieldset', { class: 'mixer' }, h('legend', {}, legend));
  const refreshers: (() => void)[] = [];
  for (const { key, label } of SLIDERS) {
    const id = `volume-${key}-${++sliderIds}`;
    const start = options.value()[key];
    const input = h('input', {
      type: 'range',
      id,
      min: '0',
      max: '100',
      step: '5',
      value: String(Math.round(start * 100)),
      'aria-valuetext': percent(start),
      'data-volume': key,
    });
    // a plain span: the slider itself tells assistive technology its value (aria-valuetext);
    // an <output> would be a live status region, one per slider
    const shown = h('span', { class: 'mixer-value', 'aria-hidden': 'true' }, percent(start));
    const read = (): number => Number(input.value) / 100;
    const show = (value: number): void => {
      shown.textContent = percent(value);
      input.setAttribute('aria-valuetext', percent(value));
    };
    input.addEventListener('input', () => {
      show(read());
      options.preview(key, read());
    });
    input.addEventListener('change', () => options.commit(key, read()));
    refreshers.push(() => {
      const value = options.value()[key];
      input.value = String(Math.round(value * 100));
      show(value);
    });
    fieldset.append(h('div', { class: 'mixer-row' }, h('label', { for: id }, label), input, shown));
  }
  return { fieldset, refresh: () => refreshers.forEach((r) => r()) };
}
