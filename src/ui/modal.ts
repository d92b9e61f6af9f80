// The play view's own modal dialogs (pause menu, History): opened over a dimmed stage, focus moved
// in and kept there, Escape closes, focus goes back where it was, and keys never reach the story.
import { h, type Child } from './dom.ts';

export interface ModalOptions {
  readonly className: string;
  /** the heading's text: it names the dialog */
  readonly heading: string;
  /** told when the dialog opens and closes (to hold the decision window) */
  readonly onOpen: () => void;
  readonly onClose: () => void;
}

let modalCount = 0;

const FOCUSABLE =
  'button, a[href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** Elements Tab can reach inside `container`, in order (hidden and disabled ones left out). */
function focusablesIn(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.closest('[hidden]') === null,
  );
}

export class Modal {
  readonly dialog: HTMLDialogElement;
  readonly heading: HTMLHeadingElement;
  private returnTo: HTMLElement | null = null;
  private isOpen = false;

  constructor(
    private readonly options: ModalOptions,
    ...children: Child[]
  ) {
    modalCount += 1;
    const id = `${options.className}-title-${modalCount}`;
    this.heading = h('h2', { id, class: 'modal-title' }, options.heading);
    this.dialog = h(
      'dialog',
      { class: `modal ${options.className}`, 'aria-labelledby': id, 'aria-modal': 'true' },
      this.heading,
      ...children,
    );
    this.dialog.addEventListener('keydown', (e) => this.onKey(e));
    // Escape in a native modal dialog fires cancel: close through our path, so RESUME goes once.
    this.dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      this.close();
    });
  }

  get opened(): boolean {
    return this.isOpen;
  }

  /** Opens the dialog and moves focus to `focus` (else its first control). */
  open(focus?: HTMLElement): void {
    if (this.isOpen) return;
    this.isOpen = true;
    const active = document.activeElement;
    this.returnTo = active instanceof HTMLElement && active !== document.body ? active : null;
    this.options.onOpen();
    if (typeof this.dialog.showModal === 'function' && this.dialog.isConnected)
      this.dialog.showModal();
    else this.dialog.setAttribute('open', '');
    (focus ?? focusablesIn(this.dialog)[0])?.focus();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    if (typeof this.dialog.close === 'function' && this.dialog.open) this.dialog.close();
    this.dialog.removeAttribute('open');
    this.options.onClose();
    const back = this.returnTo;
    this.returnTo = null;
    if (back?.isConnected) back.focus();
  }

  /** Leaving the play view: nothing is told, the player is gone. */
  destroy(): void {
    this.isOpen = false;
    if (typeof this.dialog.close === 'function' && this.dialog.open) this.dialog.close();
    this.dialog.remove();
  }

  private onKey(e: KeyboardEvent): void {
    // The play view listens on document for number keys, Escape and H: none of them may pass.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
      return;
    }
    if (e.key !== 'Tab') return;
    const stops = focusablesIn(this.dialog);
    const first = stops[0];
    const last = stops.at(-1);
    if (!first || !last) return;
    const at = document.activeElement;
    const inside = at instanceof Node && this.dialog.contains(at);
    // Focus cycles inside: a native modal would let Tab leave for the browser's own controls.
    if (e.shiftKey && (at === first || !inside)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (at === last || !inside)) {
      e.preventDefault();
      first.focus();
    }
  }
}
