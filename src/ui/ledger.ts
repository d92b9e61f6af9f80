// The live ledger: a dialog over the story that lists each event as it is captured, newest first,
// and says plainly when nothing is being kept. Opening it pauses the decision window.
import type { CaptureEvent } from '../core/events.ts';
import type { StoreStatus } from '../core/ports.ts';
import type { RecordingMode } from '../core/settings.ts';
import { clear, h } from './dom.ts';

/**
 * Whether what happens in play is being kept: the settings' RecordingMode, or, while recording,
 * a store that fell back to memory or writes that are failing.
 */
export type RecordingState = RecordingMode | 'memory' | 'failing';

/**
 * Incognito wins over pause (it keeps even less); a store that fell back to memory comes next,
 * then writes that fail (the last one did not go through).
 */
export function recordingModeOf(
  mode: RecordingMode,
  storeKind: 'persistent' | 'memory',
  status: StoreStatus | undefined,
  failing = false,
): RecordingState {
  if (mode !== 'recording') return mode;
  if (storeKind === 'memory' || (status !== undefined && status.state !== 'ok')) return 'memory';
  return failing ? 'failing' : 'recording';
}

/** The short label in the play controls. */
export function recordingLabel(mode: RecordingState, profileName: string): string {
  switch (mode) {
    case 'recording':
      return `Recording for ${profileName}`;
    case 'paused':
      return `Recording paused (${profileName})`;
    case 'incognito':
      return 'Incognito: nothing is kept';
    case 'memory':
      return 'Not saved: storage unavailable';
    case 'failing':
      return 'Not recording: saving failed';
  }
}

/** The plain sentence at the top of the ledger; null while recording normally. */
export function recordingSentence(
  mode: RecordingState,
  storageMessage: string | null,
): string | null {
  switch (mode) {
    case 'recording':
      return null;
    case 'paused':
      return 'Recording is paused: nothing you do now is added to your profile. Your place in the story is still saved.';
    case 'incognito':
      return 'Incognito play: nothing is being recorded and nothing is saved, not even your place in the story.';
    case 'memory':
      return (
        storageMessage ||
        'Storage is not available: events are held in memory only and are gone when this tab closes.'
      );
    case 'failing':
      return (
        storageMessage ||
        'The last write failed: what happened since is not in your profile. Play goes on.'
      );
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export interface LedgerLine {
  /** 'you' and 'timer' mark who chose; the rest are kinds of record */
  readonly kind: 'you' | 'timer' | 'session' | 'rewind' | 'ending' | 'settings' | 'deleted';
  readonly text: string;
  /** decision time and window, for choices */
  readonly detail: string | null;
}

/** One event in the ledger's words. */
export function ledgerLine(event: CaptureEvent): LedgerLine {
  switch (event.type) {
    case 'choice.made': {
      const chosen = event.options[event.chosenIndex]?.text ?? `option ${event.chosenIndex + 1}`;
      const window = event.windowMs === null ? 'no time limit' : `of ${seconds(event.windowMs)}`;
      return event.timedOut
        ? {
            kind: 'timer',
            text: `The timer chose “${chosen}”`,
            detail: `the window of ${seconds(event.windowMs ?? event.decisionMs)} ran out`,
          }
        : {
            kind: 'you',
            text: `You chose “${chosen}”`,
            detail: `after ${seconds(event.decisionMs)} (${window}), by ${event.input}, out of ${event.options.length} options`,
          };
    }
    case 'session.started':
      return { kind: 'session', text: 'Session started', detail: null };
    case 'session.ended':
      return { kind: 'session', text: `Session ended (${event.reason})`, detail: null };
    case 'story.ended':
      return {
        kind: 'ending',
        text: `Reached an ending after ${event.decisions} decisions`,
        detail: event.endingPath,
      };
    case 'decision.rewound':
      return {
        kind: 'rewind',
        text:
          event.toTurn === 0
            ? 'Started over from the beginning'
            : `Went back from decision ${event.fromTurn} to decision ${event.toTurn}`,
        detail: null,
      };
    case 'settings.changed':
      return {
        kind: 'settings',
        text: `Setting “${event.key}” changed to ${String(event.value)}`,
        detail: null,
      };
    case 'data.deleted':
      return {
        kind: 'deleted',
        text: `Deleted ${event.count} recorded item${event.count === 1 ? '' : 's'} (${event.scope})`,
        detail: null,
      };
  }
}

function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().slice(11, 19);
}

export interface LedgerOptions {
  /** events already recorded in this session, oldest first */
  readonly events: readonly CaptureEvent[];
  readonly mode: RecordingState;
  /** the store's own sentence when it fell back to memory */
  readonly storageMessage: string | null;
  /** called when the panel opens and closes, to pause and resume the decision window */
  readonly onOpen: () => void;
  readonly onClose: () => void;
}

/**
 * A "What's being recorded" button and the modal dialog it opens. Modal so a choice cannot be
 * made behind it: the window is paused while it is open, and keys pressed in it stay in it.
 */
export class LedgerPanel {
  readonly button: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
  private readonly list: HTMLOListElement;
  private readonly empty: HTMLParagraphElement;
  private readonly notice: HTMLParagraphElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly seen = new Set<string>();
  private isOpen = false;

  constructor(private readonly options: LedgerOptions) {
    this.button = h(
      'button',
      {
        type: 'button',
        class: 'ledger-open',
        'aria-haspopup': 'dialog',
        onclick: () => this.open(),
      },
      'What’s being recorded',
    );
    this.list = h('ol', { class: 'ledger-list', 'aria-label': 'Recorded in this session' });
    this.empty = h(
      'p',
      { class: 'ledger-empty' },
      'Nothing has been recorded in this session yet.',
    );
    this.notice = h('p', { class: 'ledger-notice' });
    this.closeButton = h(
      'button',
      { type: 'button', class: 'ledger-close', onclick: () => this.close() },
      'Close and go on',
    );
    this.dialog = h(
      'dialog',
      { class: 'ledger', 'aria-labelledby': 'ledger-title', 'aria-modal': 'true' },
      h('h2', { id: 'ledger-title' }, 'What’s being recorded'),
      h(
        'p',
        { class: 'ledger-intro' },
        'Each event appears here as it is recorded, newest first. It stays on this device. The story is paused while this is open.',
      ),
      this.notice,
      this.empty,
      this.list,
      h(
        'p',
        { class: 'ledger-links' },
        h('a', { href: '#/report' }, 'Open the full report'),
        ' (what it suggests about you, and deleting it)',
      ),
      this.closeButton,
    );
    this.dialog.addEventListener('keydown', (e) => this.onKey(e));
    // Escape in a native modal dialog fires cancel; close through our path so RESUME is sent once.
    this.dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      this.close();
    });
    this.setMode(options.mode, options.storageMessage);
    for (const event of options.events) this.add(event);
  }

  get opened(): boolean {
    return this.isOpen;
  }

  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.options.onOpen();
    if (typeof this.dialog.showModal === 'function' && this.dialog.isConnected)
      this.dialog.showModal();
    else this.dialog.setAttribute('open', '');
    this.closeButton.focus();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    if (typeof this.dialog.close === 'function') this.dialog.close();
    this.dialog.removeAttribute('open');
    this.options.onClose();
    if (this.button.isConnected) this.button.focus();
  }

  /** A newly captured event; shown at the top. Repeats of one id are ignored. */
  add(event: CaptureEvent): void {
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    const line = ledgerLine(event);
    const item = h(
      'li',
      { class: `ledger-item ledger-${line.kind}`, 'data-type': event.type, 'data-at': event.at },
      h('time', { datetime: event.at }, clockTime(event.at)),
      ' ',
      h('span', { class: 'ledger-text' }, line.text),
      line.detail ? h('span', { class: 'ledger-detail' }, ` · ${line.detail}`) : null,
    );
    // Newest first; events loaded from storage after live ones still land in time order.
    const older = [...this.list.children].find(
      (li) => (li.getAttribute('data-at') ?? '') <= event.at,
    );
    this.list.insertBefore(item, older ?? null);
    this.empty.hidden = true;
  }

  setMode(mode: RecordingState, storageMessage: string | null): void {
    const sentence = recordingSentence(mode, storageMessage);
    clear(this.notice);
    this.notice.hidden = sentence === null;
    if (sentence) this.notice.append(h('strong', {}, sentence));
    this.dialog.dataset.mode = mode;
    this.empty.textContent =
      mode === 'incognito' || mode === 'paused'
        ? 'Nothing is being recorded.'
        : 'Nothing has been recorded in this session yet.';
  }

  /** Leaving the play view: no RESUME, the player is gone. */
  destroy(): void {
    this.isOpen = false;
    if (typeof this.dialog.close === 'function' && this.dialog.open) this.dialog.close();
    this.dialog.remove();
    this.button.remove();
  }

  private onKey(e: KeyboardEvent): void {
    // The play view listens on document for number keys and Escape; none of them may pass.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    }
  }
}
