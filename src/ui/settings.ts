// Settings (#/settings): profiles, timing (WCAG 2.2.1), recording controls, display, personalisation.
import type { Profile } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import { TEXT_SPEED_CHOICES } from './text-speeds.ts';
import type { TimeScale } from '../core/timing.ts';
import { h } from './dom.ts';
import { mixerControls } from './mixer-controls.ts';

export interface SettingsModel {
  readonly profiles: readonly Profile[];
  readonly activeId: string;
  readonly settings: Settings;
  readonly storageNotice: string | null;
}

export interface SettingsActions {
  readonly change: <K extends keyof Settings>(key: K, value: Settings[K]) => Promise<void>;
  readonly switchProfile: (id: string) => Promise<void>;
  readonly createProfile: (name: string) => Promise<void>;
  readonly renameProfile: (id: string, name: string) => Promise<void>;
  readonly deleteProfile: (id: string) => Promise<void>;
}

let uid = 0;
function radios<T extends string | number>(
  legend: string,
  name: string,
  options: readonly { value: T; label: string }[],
  current: T,
  onChange: (value: T) => void,
): HTMLFieldSetElement {
  const set = h('fieldset', { class: 'radios' }, h('legend', {}, legend));
  for (const option of options) {
    const id = `${name}-${++uid}`;
    const input = h('input', {
      type: 'radio',
      name,
      id,
      value: String(option.value),
      checked: option.value === current,
    });
    input.addEventListener('change', () => {
      if (input.checked) onChange(option.value);
    });
    set.append(h('div', { class: 'radio' }, input, h('label', { for: id }, option.label)));
  }
  return set;
}

function checkbox(
  label: string,
  hint: string,
  checked: boolean,
  onChange: (on: boolean) => void,
): HTMLElement {
  const id = `check-${++uid}`;
  const hintId = `${id}-hint`;
  const input = h('input', { type: 'checkbox', id, checked, 'aria-describedby': hintId });
  input.addEventListener('change', () => onChange(input.checked));
  return h(
    'div',
    { class: 'check' },
    input,
    h('label', { for: id }, label),
    h('p', { id: hintId, class: 'hint' }, hint),
  );
}

const SCALE_KEY = { 1: 'x1', 2: 'x2', 10: 'x10', off: 'off' } as const;
const SCALES: readonly {
  value: (typeof SCALE_KEY)[keyof typeof SCALE_KEY];
  label: string;
  scale: TimeScale;
}[] = [
  { value: 'x1', label: 'As the author set it', scale: 1 },
  { value: 'x2', label: 'Twice as long', scale: 2 },
  { value: 'x10', label: 'Ten times as long', scale: 10 },
  { value: 'off', label: 'No timer: wait for me', scale: 'off' },
];

export function renderSettings(model: SettingsModel, actions: SettingsActions): HTMLElement {
  const { settings } = model;
  // nothing plays on this page: a slider is kept when let go, and heard in play
  let mix = settings;
  const mixer = mixerControls({
    value: () => mix,
    preview: () => undefined,
    commit: (key, value) => {
      mix = { ...mix, [key]: value };
      void actions.change(key, value);
    },
  });
  const profileRows = h('ul', { class: 'profiles' });
  for (const profile of model.profiles) {
    const active = profile.id === model.activeId;
    const nameInput = h('input', {
      type: 'text',
      value: profile.name,
      'aria-label': `Name of profile ${profile.name}`,
      maxlength: 40,
    });
    profileRows.append(
      h(
        'li',
        { class: active ? 'profile active' : 'profile' },
        nameInput,
        h(
          'button',
          {
            type: 'button',
            onclick: () =>
              void actions.renameProfile(profile.id, nameInput.value.trim() || profile.name),
          },
          'Rename',
        ),
        active
          ? h('span', { class: 'badge' }, 'Active')
          : h(
              'button',
              { type: 'button', onclick: () => void actions.switchProfile(profile.id) },
              `Switch to ${profile.name}`,
            ),
        model.profiles.length > 1
          ? h(
              'button',
              {
                type: 'button',
                class: 'danger',
                onclick: () => {
                  if (confirm(`Delete profile ${profile.name} and everything it recorded?`))
                    void actions.deleteProfile(profile.id);
                },
              },
              `Delete ${profile.name}`,
            )
          : null,
      ),
    );
  }
  const newName = h('input', {
    type: 'text',
    id: 'new-profile',
    maxlength: 40,
    placeholder: 'Name',
  });
  const retention = h('input', {
    type: 'number',
    id: 'retention-days',
    min: 1,
    max: 3650,
    value: settings.retentionDays ?? '',
    placeholder: 'Keep for ever',
  });
  retention.addEventListener('change', () => {
    const days = Number(retention.value);
    void actions.change(
      'retentionDays',
      retention.value === '' || !(days > 0) ? null : Math.round(days),
    );
  });

  return h(
    'section',
    { class: 'settings', 'aria-labelledby': 'settings-title' },
    h('h1', { id: 'settings-title' }, 'Settings'),
    model.storageNotice ? h('p', { class: 'notice', role: 'status' }, model.storageNotice) : null,
    h('h2', {}, 'Profiles'),
    h(
      'p',
      {},
      'Each profile keeps its own choices, report and saved places. One is active at a time.',
    ),
    profileRows,
    h(
      'form',
      {
        class: 'new-profile',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const name = newName.value.trim();
          if (name) void actions.createProfile(name);
        },
      },
      h('label', { for: 'new-profile' }, 'New profile'),
      ' ',
      newName,
      ' ',
      h('button', { type: 'submit' }, 'Create'),
    ),
    h('h2', {}, 'Time to choose'),
    radios(
      'How long each choice waits',
      'time-scale',
      SCALES.map(({ value, label }) => ({ value, label })),
      SCALE_KEY[settings.timeScale],
      (value) =>
        void actions.change('timeScale', SCALES.find((s) => s.value === value)?.scale ?? 1),
    ),
    h(
      'p',
      { class: 'hint' },
      'During a choice you can also press Escape to pause, or use "More time".',
    ),
    h('h2', {}, 'Reading'),
    radios(
      'Text speed',
      'text-speed',
      TEXT_SPEED_CHOICES,
      settings.textSpeed,
      (value) => void actions.change('textSpeed', value),
    ),
    checkbox(
      'Autoplay',
      'Pages and the last scene move on by themselves after a time to read them. Choices are always yours: autoplay never picks.',
      settings.autoplay,
      (on) => void actions.change('autoplay', on),
    ),
    h(
      'p',
      { class: 'hint' },
      'Choices appear once the text is on screen, and their time starts only then. Click, tap, Enter or Space shows the rest of the text or the next page.',
    ),
    h('h2', {}, 'Recording'),
    checkbox(
      'Pause recording',
      'Play on without adding anything to your profile. Saved places still work.',
      settings.recordingPaused,
      (on) => void actions.change('recordingPaused', on),
    ),
    checkbox(
      'Incognito play',
      'Nothing at all is stored while this is on: no choices, no saved places.',
      settings.incognito,
      (on) => void actions.change('incognito', on),
    ),
    h(
      'div',
      { class: 'field' },
      h(
        'label',
        { for: 'retention-days' },
        'Delete recorded events older than this many days (empty: keep them)',
      ),
      ' ',
      retention,
    ),
    h('h2', {}, 'Personalisation'),
    checkbox(
      'Personalise posters and the order of stories',
      'When on, the home screen may show a story poster that matches how your choices lean, and says why.',
      settings.personalisation,
      (on) => void actions.change('personalisation', on),
    ),
    h('h2', {}, 'Sound'),
    checkbox(
      'Mute all sound',
      'No music, ambience or effects. While this is on, no sound is even prepared.',
      settings.soundMuted,
      (on) => void actions.change('soundMuted', on),
    ),
    mixer.fieldset,
    h(
      'p',
      { class: 'hint' },
      'Sound starts only after you first click, tap or press a key in a story. The pause menu has the same sliders.',
    ),
    h('h2', {}, 'Display'),
    radios(
      'Theme',
      'theme',
      [
        { value: 'system', label: 'Follow the system' },
        { value: 'dark', label: 'Dark' },
        { value: 'light', label: 'Light' },
      ],
      settings.theme,
      (value) => void actions.change('theme', value),
    ),
    radios(
      'Motion',
      'motion',
      [
        { value: 'system', label: 'Follow the system' },
        { value: 'reduce', label: 'Reduce motion' },
        { value: 'full', label: 'Full motion' },
      ],
      settings.reducedMotion === null ? 'system' : settings.reducedMotion ? 'reduce' : 'full',
      (value) =>
        void actions.change('reducedMotion', value === 'system' ? null : value === 'reduce'),
    ),
  );
}
