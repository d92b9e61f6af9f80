// The pause menu (DESIGN.md §3): Escape or the Menu control opens it over a dimmed stage and holds
// the decision window; every play control lives here too, so a phone's controls fold into one button.
import type { PlayerCommand } from '../core/commands.ts';
import type { TimeScale } from '../core/timing.ts';
import type { PlayView } from '../core/view.ts';
import { h } from './dom.ts';
import { mixerControls, type MixerControlOptions, type MixerControls } from './mixer-controls.ts';
import { Modal } from './modal.ts';

/** A setting offered as a few named values (text speed, until it has its own type in core). */
export interface ChoiceSetting {
  readonly value: string;
  readonly choices: readonly { readonly value: string; readonly label: string }[];
  readonly change: (value: string) => Promise<void>;
}

export interface PauseMenuOptions {
  readonly title: string;
  readonly send: (command: PlayerCommand) => void;
  /** takes the menu's hold on the window; returns its release (see menuHold) */
  readonly hold: () => () => void;
  readonly timeScale: TimeScale;
  /** keeps the timing as the profile's setting; rejects when it could not be kept */
  readonly saveTimeScale: (scale: TimeScale) => Promise<void>;
  /** offered when the play session has a text speed setting to give */
  readonly textSpeed?: ChoiceSetting;
  readonly sound?: { readonly muted: () => boolean; readonly setMuted: (muted: boolean) => void };
  /** the compact mixer: volumes applied live and kept as settings */
  readonly mixer?: MixerControlOptions;
  readonly openHistory: () => void;
  readonly openLedger: () => void;
  readonly mapHref?: string;
}

const TIMINGS: readonly { readonly scale: TimeScale; readonly label: string }[] = [
  { scale: 1, label: 'As the story sets it' },
  { scale: 2, label: 'Twice as long (×2)' },
  { scale: 10, label: 'Ten times as long (×10)' },
  { scale: 'off', label: 'No timer: wait for me' },
];

/**
 * One PAUSE for any number of open play dialogs (the menu, History over it): the window is held
 * while one is open and runs again when the last one closes.
 */
export function menuHold(send: (command: PlayerCommand) => void): () => () => void {
  let holders = 0;
  return () => {
    holders += 1;
    if (holders === 1) send({ type: 'PAUSE', reason: 'menu' });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      holders -= 1;
      if (holders === 0) send({ type: 'RESUME', reason: 'menu' });
    };
  };
}

let radioGroups = 0;

function radioSet(
  legend: string,
  choices: readonly { readonly value: string; readonly label: string }[],
  checked: string,
  onPick: (value: string) => void,
): { readonly fieldset: HTMLFieldSetElement; readonly set: (value: string) => void } {
  radioGroups += 1;
  const name = `menu-radio-${radioGroups}`;
  const inputs = choices.map((c) =>
    h('input', {
      type: 'radio',
      name,
      value: c.value,
      checked: c.value === checked,
      onchange: () => onPick(c.value),
    }),
  );
  const fieldset = h(
    'fieldset',
    { class: 'menu-radios' },
    h('legend', {}, legend),
    ...choices.map((c, i) => h('label', { class: 'menu-radio' }, inputs[i], ' ', c.label)),
  );
  const set = (value: string): void => {
    for (const input of inputs) input.checked = input.value === value;
  };
  return { fieldset, set };
}

function scaleOf(value: string): TimeScale {
  return value === 'off' ? 'off' : value === '10' ? 10 : value === '2' ? 2 : 1;
}

export class PauseMenu {
  /** the control that opens the menu; on a phone it is the only one left in the row */
  readonly button: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
  private readonly modal: Modal;
  private readonly resume: HTMLButtonElement;
  private readonly moreTime: HTMLButtonElement;
  private readonly recording: HTMLParagraphElement;
  private readonly said: HTMLParagraphElement;
  private readonly confirmBox: HTMLDivElement;
  private readonly startOver: HTMLButtonElement;
  private readonly keepPlaying: HTMLButtonElement;
  private readonly mute: HTMLButtonElement | null;
  private readonly mixer: MixerControls | null;
  private release: (() => void) | null = null;
  private timed = false;

  constructor(private readonly options: PauseMenuOptions) {
    this.button = h(
      'button',
      {
        type: 'button',
        class: 'menu-open',
        'aria-haspopup': 'dialog',
        'aria-keyshortcuts': 'Escape',
        title: 'Pause and open the menu (Esc)',
        onclick: () => this.open(),
      },
      h('span', { class: 'menu-icon', 'aria-hidden': 'true' }, '❚❚'),
      ' Menu',
    );
    this.resume = h(
      'button',
      { type: 'button', class: 'menu-resume', onclick: () => this.close() },
      'Resume',
    );
    this.moreTime = h(
      'button',
      {
        type: 'button',
        class: 'menu-more-time',
        hidden: true,
        onclick: () => {
          options.send({ type: 'MORE_TIME' });
          this.close();
        },
      },
      'More time for this choice',
    );
    const timing = radioSet(
      'Timing',
      TIMINGS.map((t) => ({ value: String(t.scale), label: t.label })),
      String(options.timeScale),
      (value) => void this.changeTiming(scaleOf(value)),
    );
    this.said = h('p', { class: 'menu-said', role: 'status' });
    this.recording = h('p', { class: 'menu-recording' });
    this.mute = options.sound
      ? h(
          'button',
          {
            type: 'button',
            class: 'menu-mute',
            'aria-pressed': String(options.sound.muted()),
            onclick: () => this.toggleSound(),
          },
          'Mute sound',
        )
      : null;
    this.mixer = options.mixer ? mixerControls(options.mixer, 'Sound') : null;
    // the mute toggle sits with the sliders it silences
    if (this.mixer && this.mute)
      this.mixer.fieldset.append(h('div', { class: 'mixer-mute' }, this.mute));
    this.startOver = h(
      'button',
      {
        type: 'button',
        class: 'danger',
        onclick: () => {
          this.close();
          options.send({ type: 'RESTART' });
        },
      },
      'Yes, start over',
    );
    this.keepPlaying = h(
      'button',
      { type: 'button', onclick: () => this.askStartOver(false) },
      'No, keep my place',
    );
    this.confirmBox = h(
      'div',
      { class: 'menu-confirm', role: 'group', 'aria-labelledby': 'menu-confirm-q', hidden: true },
      h(
        'p',
        { id: 'menu-confirm-q' },
        'Start this story over from the beginning? Your place is lost; what was recorded stays.',
      ),
      this.startOver,
      ' ',
      this.keepPlaying,
    );
    const textSpeed = options.textSpeed
      ? radioSet(
          'Text speed',
          options.textSpeed.choices,
          options.textSpeed.value,
          (value) => void this.changeTextSpeed(value),
        ).fieldset
      : null;
    this.modal = new Modal(
      {
        className: 'pause-menu',
        heading: 'Paused',
        onOpen: () => {
          this.release = options.hold();
        },
        onClose: () => {
          this.release?.();
          this.release = null;
        },
      },
      h('p', { class: 'menu-story' }, options.title),
      h(
        'div',
        { class: 'menu-actions' },
        this.resume,
        this.moreTime,
        h(
          'button',
          {
            type: 'button',
            class: 'menu-history',
            'aria-haspopup': 'dialog',
            onclick: () => options.openHistory(),
          },
          'History',
        ),
      ),
      timing.fieldset,
      textSpeed,
      this.said,
      h(
        'div',
        { class: 'menu-actions' },
        this.mixer ? null : this.mute,
        h(
          'button',
          {
            type: 'button',
            class: 'menu-ledger',
            'aria-haspopup': 'dialog',
            onclick: () => options.openLedger(),
          },
          'What’s being recorded',
        ),
      ),
      this.mixer?.fieldset,
      this.recording,
      h(
        'div',
        { class: 'menu-actions' },
        h(
          'button',
          { type: 'button', class: 'menu-start-over', onclick: () => this.askStartOver(true) },
          'Start over…',
        ),
        options.mapHref ? h('a', { href: options.mapHref, class: 'menu-link' }, 'Story map') : null,
        h('a', { href: '#/', class: 'menu-link' }, 'Stories'),
      ),
      this.confirmBox,
    );
    this.dialog = this.modal.dialog;
    this.setTiming = timing.set;
  }

  /** Shows the timing the setting has now (it may change elsewhere, e.g. another tab). */
  readonly setTiming: (scale: string) => void;

  get opened(): boolean {
    return this.modal.opened;
  }

  open(): void {
    this.said.textContent = '';
    this.askStartOver(false);
    if (this.mute && this.options.sound)
      this.mute.setAttribute('aria-pressed', String(this.options.sound.muted()));
    this.mixer?.refresh();
    this.modal.open(this.resume);
  }

  close(): void {
    this.modal.close();
  }

  /** What the play view shows now: "More time" is offered while a timed window is open. */
  update(view: PlayView): void {
    const d = view.state === 'choosing' || view.state === 'paused' ? view.decision : null;
    this.timed =
      d !== null && d.windowMs !== null && (d.phase === 'shown' || d.phase === 'selecting');
    this.moreTime.hidden = !this.timed;
  }

  setRecording(label: string): void {
    this.recording.textContent = label;
  }

  setMuted(muted: boolean): void {
    this.mute?.setAttribute('aria-pressed', String(muted));
  }

  destroy(): void {
    this.modal.destroy();
    this.button.remove();
  }

  private askStartOver(ask: boolean): void {
    this.confirmBox.hidden = !ask;
    if (ask) this.keepPlaying.focus();
  }

  private toggleSound(): void {
    const sound = this.options.sound;
    if (!sound) return;
    const muted = !sound.muted();
    sound.setMuted(muted);
    this.setMuted(muted);
  }

  private async changeTiming(scale: TimeScale): Promise<void> {
    this.options.send({ type: 'SET_TIME_SCALE', scale });
    const label = TIMINGS.find((t) => t.scale === scale)?.label ?? String(scale);
    try {
      await this.options.saveTimeScale(scale);
      this.said.textContent = `Timing: ${label}. Saved for your next stories too.`;
    } catch (error) {
      // the window already follows it; only keeping it for next time failed, and that is said
      this.said.textContent = `Timing: ${label}, for this play only: it could not be saved (${reason(error)}).`;
    }
  }

  private async changeTextSpeed(value: string): Promise<void> {
    const speed = this.options.textSpeed;
    if (!speed) return;
    const label = speed.choices.find((c) => c.value === value)?.label ?? value;
    try {
      await speed.change(value);
      this.said.textContent = `Text speed: ${label}.`;
    } catch (error) {
      this.said.textContent = `Text speed: ${label}, for this play only: it could not be saved (${reason(error)}).`;
    }
  }
}

function reason(error: unknown): string {
  return error instanceof Error && error.message !== '' ? error.message : String(error);
}

/**
 * The play view's keys for its dialogs: Escape opens the menu, H the History. Keys typed into a
 * field, with a modifier, or while a dialog is open (it keeps its keys) are left alone.
 */
export function bindMenuKeys(
  root: HTMLElement,
  actions: { readonly menu: () => void; readonly history: () => void },
): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (!root.isConnected || e.repeat || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target;
    if (target instanceof Element && target.closest('input, select, textarea, [contenteditable]'))
      return;
    if (root.querySelector('dialog[open]')) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      actions.menu();
    } else if (e.key === 'h' || e.key === 'H') {
      e.preventDefault();
      actions.history();
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
