// The play view in the DOM: the accessible mirror of the canvas (DESIGN.md §7) and its controls.
// Text goes to a role="log", choices are real <button>s in the "Choices" group (laid over the
// canvas cards when a canvas is drawn, plain buttons when not), the window is a progressbar.
// While the stage loads, the DOM reads the first beat in the canvas's place; the canvas fades in
// over it. User Timing marks: `inkreel:first-beat` on the first frame that shows the story's first
// line (DOM or canvas), `inkreel:first-choice` when the first decision is in the DOM.
import type { PlayerCommand } from '../core/commands.ts';
import type { InputMethod } from '../core/events.ts';
import type { StoryOutline } from '../core/model.ts';
import type { TextSpeed } from '../core/settings.ts';
import type { PlayView, RevealReport } from '../core/view.ts';
import { ChapterCards } from './chapter-card.ts';
import { CountdownBar } from './countdown-bar.ts';
import { clear, h } from './dom.ts';
import { endingCardModel, renderEndingCard, screenKey } from './ending-card.ts';
import { ReadingControl } from './reading.ts';

/** Where a canvas card is, in CSS px relative to the stage host. */
export type Rect = Readonly<Record<'x' | 'y' | 'width' | 'height', number>>;

export interface MirrorOptions {
  readonly send: (command: PlayerCommand) => void;
  readonly now: () => number;
  /** asset path → URL, for IMAGE lines in the DOM-only view */
  readonly resolveAsset: (path: string) => string | null;
  /** the active profile, shown while playing */
  readonly profileName: string;
  readonly title: string;
  /** the story's map (#/map/<id>), linked from the ending screen when there is one */
  readonly mapHref?: string;
  /** the story's chapters and named endings, from the build (absent in older catalogues) */
  readonly outline?: StoryOutline | null;
  /** the player's reduced-motion choice: chapter cards then appear and go without a fade */
  readonly reducedMotion?: () => boolean;
  /** the canvas's continue: finishes its reveal or turns its page; false when it had nothing to do */
  readonly advanceStage?: () => boolean;
  readonly textSpeed?: TextSpeed;
  /** pages and the last beat advance by themselves after a reading time */
  readonly autoplay?: boolean;
  /** the story's sound, when it has any: a mute toggle joins the play controls */
  readonly sound?: { readonly muted: boolean; readonly setMuted: (muted: boolean) => void };
}

function inputOf(event: Event): InputMethod {
  if (event instanceof PointerEvent || 'pointerType' in event) {
    const type = (event as PointerEvent).pointerType;
    if (type === 'touch' || type === 'pen') return 'touch';
    if (type === 'mouse') return 'pointer';
  }
  // a click synthesised from Enter/Space has detail 0
  return (event as MouseEvent).detail === 0 ? 'keyboard' : 'pointer';
}

/** Enter and Space on these already mean something (pick, follow, type): they never skip text. */
function isControl(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('button, a[href], input, select, textarea, summary, [contenteditable]') !== null
  );
}

export class PlayMirror {
  readonly root: HTMLElement;
  /** where the canvas goes */
  readonly stageHost: HTMLDivElement;
  private readonly log: HTMLDivElement;
  /** while the stage loads: the beat's lines still to come, unseen, so the shown ones sit where
   * the canvas will put them (it lays out the whole page and types into it) */
  private readonly logRest: HTMLDivElement;
  private logRestKey = '';
  private readonly choices: HTMLDivElement;
  private readonly bar: CountdownBar;
  private readonly reading: ReadingControl;
  private readonly status: HTMLParagraphElement;
  private readonly screen: HTMLDivElement;
  private readonly moreTimeButton: HTMLButtonElement;
  private readonly soundButton: HTMLButtonElement | null;
  private readonly controls: HTMLDivElement;
  private readonly profileLabel: HTMLSpanElement;
  private readonly storageNotice: HTMLParagraphElement;
  private view: PlayView | null = null;
  private shownLineIds: number[] = [];
  private choiceKey = '';
  private rects: readonly Rect[] | null = null;
  private resumeNotice: HTMLElement | null = null;
  private screenKey = '';
  private endingsFound: number | null = null;
  private resumeTurn = 0;
  private readonly onKey = (e: KeyboardEvent): void => this.handleKey(e);
  private readonly chapters: ChapterCards;

  constructor(private readonly options: MirrorOptions) {
    this.stageHost = h('div', { class: 'stage-host', 'aria-hidden': 'true' });
    this.log = h('div', {
      class: 'story-log',
      role: 'log',
      'aria-live': 'polite',
      'aria-label': 'Story',
    });
    this.logRest = h('div', { class: 'story-log-rest', 'aria-hidden': 'true' });
    this.choices = h('div', { class: 'choices', role: 'group', 'aria-label': 'Choices' });
    this.bar = new CountdownBar(
      options.now,
      (bar) => this.choices.before(bar),
      () => options.reducedMotion?.() ?? false,
    );
    this.reading = new ReadingControl({
      send: options.send,
      advanceStage: options.advanceStage,
      textSpeed: options.textSpeed,
      autoplay: options.autoplay,
      onChange: () => {
        if (this.view) this.renderLines(this.view);
      },
    });
    this.status = h('p', { class: 'play-status', role: 'status' });
    this.screen = h('div', { class: 'play-screen' });
    this.moreTimeButton = h(
      'button',
      {
        type: 'button',
        class: 'more-time',
        onclick: () => this.options.send({ type: 'MORE_TIME' }),
      },
      'More time',
    );
    this.profileLabel = h(
      'span',
      { class: 'play-profile' },
      `Recording for ${options.profileName}`,
    );
    // Visible whenever nothing is being kept on disk (DESIGN.md §4: a visible notice).
    this.storageNotice = h('p', { class: 'play-storage-notice', role: 'status', hidden: true });
    this.soundButton = this.makeSoundButton();
    this.chapters = new ChapterCards({
      chapters: options.outline?.chapters.map((c) => c.title) ?? [],
      hold: (on) => options.send({ type: on ? 'PAUSE' : 'RESUME', reason: 'overlay' }),
      reducedMotion: () => options.reducedMotion?.() ?? false,
    });
    const controls = h(
      'div',
      { class: 'play-controls' },
      h('h1', { class: 'play-title' }, options.title),
      this.chapters.progress,
      this.profileLabel,
      this.moreTimeButton,
      this.soundButton,
      this.storageNotice,
    );
    this.controls = controls;
    this.root = h(
      'section',
      { class: 'play', 'aria-label': 'Story player' },
      // the frame letterboxes the picture (stage and overlay) to the cinema aspect, see styles.css
      h(
        'div',
        { class: 'play-frame' },
        this.stageHost,
        h(
          'div',
          { class: 'play-overlay' },
          this.log,
          this.logRest,
          this.reading.continueButton,
          this.choices,
          this.status,
          this.screen,
          this.chapters.card,
        ),
      ),
      controls,
    );
    document.addEventListener('keydown', this.onKey);
  }

  /** What the play controls say about recording, and the notice shown when nothing is kept. */
  setRecording(label: string, notice: string | null): void {
    this.profileLabel.textContent = label;
    this.storageNotice.textContent = notice ?? '';
    this.storageNotice.hidden = notice === null;
  }

  /** How many of the story's endings this profile has found (this one included), once known. */
  setEndingsFound(found: number): void {
    this.endingsFound = found;
    if (this.view) this.renderScreen(this.view);
  }

  /** Adds a control (e.g. the ledger button) at the end of the play controls. */
  addControl(control: HTMLElement): void {
    this.controls.insertBefore(control, this.storageNotice);
  }

  /**
   * Tells the player that play picked up from an autosave, with a way to start over right there;
   * it goes away once play moves past that decision.
   */
  showResumed(turn: number): void {
    this.resumeNotice?.remove();
    this.resumeTurn = turn;
    this.resumeNotice = h(
      'p',
      { class: 'resume-notice', role: 'status' },
      `Resumed at decision ${turn} where you left off. `,
      h(
        'button',
        {
          type: 'button',
          class: 'resume-start-over',
          // no confirm here: the offer is the point of the notice, and nothing is chosen yet
          onclick: () => {
            this.resumeNotice?.remove();
            this.resumeNotice = null;
            this.options.send({ type: 'RESTART' });
          },
        },
        'Start over',
      ),
    );
    this.status.before(this.resumeNotice);
  }

  private makeSoundButton(): HTMLButtonElement | null {
    const sound = this.options.sound;
    if (!sound) return null;
    // One name, its state in aria-pressed: a screen reader hears "Mute sound, toggle button, pressed".
    const button = h(
      'button',
      { type: 'button', class: 'mute', 'aria-pressed': String(sound.muted) },
      'Mute sound',
    );
    button.addEventListener('click', () => {
      const muted = button.getAttribute('aria-pressed') !== 'true';
      this.showMuted(muted);
      sound.setMuted(muted);
    });
    return button;
  }

  /** The mute toggle's state, when the sound was muted elsewhere (the pause menu). */
  showMuted(muted: boolean): void {
    this.soundButton?.setAttribute('aria-pressed', String(muted));
  }

  /** Canvas mode: the canvas draws text and cards; the DOM text is for assistive tech only. */
  setCanvasMode(on: boolean): void {
    this.root.classList.toggle('canvas-mode', on);
    this.root.classList.remove('stage-pending');
    this.reading.setCanvasMode(on);
    if (this.view) this.renderRest(this.view);
  }

  /**
   * While the stage and its art load: the frame is laid out as the canvas will be, and the DOM
   * reads the story (line by line, as the text view does) in the canvas's subtitle place and type.
   */
  setStagePending(): void {
    this.root.classList.add('canvas-mode', 'stage-pending');
    this.reading.setCanvasMode(false);
  }

  /**
   * The stage arrived: canvas mode on, and the canvas fades in over the DOM text as that fades out
   * (at once under reduced motion). Resolves when the fade is over.
   */
  handOver(): Promise<void> {
    const fade = !this.options.reducedMotion?.();
    if (fade) this.root.classList.add('stage-arriving');
    this.setCanvasMode(true);
    if (!fade) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.stageHost.removeEventListener('animationend', onEnd);
        this.root.classList.remove('stage-arriving');
        if (this.view) this.renderRest(this.view);
        resolve();
      };
      const onEnd = (e: AnimationEvent): void => {
        if (e.target === this.stageHost) done();
      };
      this.stageHost.addEventListener('animationend', onEnd);
      // a tab in the background runs no animation: the fade is over by then anyway
      const timer = setTimeout(done, STAGE_FADE_MS + 200);
    });
  }

  /** Id of the last line the story log shows (null when none): what the reader has seen. */
  shownThrough(): number | null {
    return this.shownLineIds.at(-1) ?? null;
  }

  /** How far the stage's reveal and pages are (canvas view). */
  setReveal(report: RevealReport): void {
    this.reading.setStageReport(report);
  }

  /** Text speed and autoplay changed mid-play (the pause menu). */
  setReading(speed: TextSpeed, autoplay: boolean): void {
    this.reading.setTextSpeed(speed);
    this.reading.setAutoplay(autoplay);
  }

  /** Where the canvas drew each choice card, in CSS pixels relative to the stage host. */
  setChoiceRects(rects: readonly Rect[] | null): void {
    this.rects = rects;
    this.placeChoices();
  }

  update(view: PlayView): void {
    this.view = view;
    this.root.dataset.state = view.state;
    this.reading.update(view);
    this.renderLines(view);
    this.renderChoices(view);
    this.renderScreen(view);
    this.chapters.update(view);
    if (this.resumeNotice && view.decision?.turn !== this.resumeTurn) {
      this.resumeNotice.remove();
      this.resumeNotice = null;
    }
    this.bar.update(view);
    this.moreTimeButton.hidden = !CountdownBar.isOpen(view);
    this.status.textContent = statusOf(view);
  }

  destroy(): void {
    this.chapters.destroy();
    this.bar.destroy();
    this.reading.destroy();
    document.removeEventListener('keydown', this.onKey);
    this.root.remove();
  }

  private renderLines(view: PlayView): void {
    // only lines on screen (or on pages already read) are in the log; aria-busy holds the
    // announcement until the text on screen is complete
    const lines = view.lines.filter((l) => this.reading.shows(l.id));
    this.log.setAttribute('aria-busy', String(this.reading.report().busy));
    const ids = lines.map((l) => l.id);
    const continues =
      this.shownLineIds.length <= ids.length && this.shownLineIds.every((id, i) => ids[i] === id);
    if (!continues) {
      clear(this.log);
      this.shownLineIds = [];
    }
    for (const line of lines.slice(this.shownLineIds.length)) {
      const p = h('p', { class: line.className ? `line line-${line.className}` : 'line' });
      // lines the canvas has not typed yet stay out of sight while the DOM text fades out
      if (this.root.classList.contains('stage-arriving')) p.classList.add('line-after-handover');
      // the text view brings each line up gently (the canvas types its own)
      if (
        !this.root.classList.contains('canvas-mode') ||
        this.root.classList.contains('stage-pending')
      )
        if (!this.options.reducedMotion?.()) p.classList.add('line-in');
      if (line.speaker) p.append(h('span', { class: 'speaker' }, line.speaker), ' ');
      p.append(line.text);
      if (line.image) {
        const url = this.options.resolveAsset(line.image);
        if (url) p.append(h('img', { src: url, alt: '', class: 'line-image' }));
      }
      this.log.append(p);
      this.shownLineIds.push(line.id);
      performanceMarkFirstBeat();
    }
    this.log.scrollTop = this.log.scrollHeight;
    this.renderRest(view);
  }

  private renderRest(view: PlayView): void {
    const pending =
      this.root.classList.contains('stage-pending') ||
      this.root.classList.contains('stage-arriving');
    const rest = pending ? view.lines.slice(this.shownLineIds.length) : [];
    const key = rest.map((l) => l.id).join(',');
    // the cards about to rise after the beat: the canvas keeps their room below the text
    const upcoming = pending && view.decision === null ? view.upcomingOptions : 0;
    this.logRest.parentElement?.style.setProperty('--upcoming', String(upcoming));
    if (key === this.logRestKey) return;
    this.logRestKey = key;
    this.logRest.replaceChildren(
      ...rest.map((line) =>
        h('p', {}, line.speaker ? h('span', { class: 'speaker' }, line.speaker) : null, line.text),
      ),
    );
  }

  private renderChoices(view: PlayView): void {
    const decision = view.decision;
    const key = decision ? `${decision.id}#${decision.turn}` : '';
    const open =
      decision !== null && (decision.phase === 'shown' || decision.phase === 'selecting');
    if (key !== this.choiceKey) {
      this.choiceKey = key;
      clear(this.choices);
      for (const option of decision?.options ?? []) {
        const button = h(
          'button',
          { type: 'button', class: 'choice', 'data-index': option.index },
          h('span', { class: 'choice-key', 'aria-hidden': 'true' }, `${option.index + 1}`),
          ' ',
          option.text,
        );
        button.addEventListener('click', (e) => {
          // The second click of a double click (detail 2+) may land on the next decision's
          // button, which can appear within a frame of the first pick: it never picks.
          if (e.detail > 1) return;
          this.pick(option.index, inputOf(e));
        });
        this.choices.append(button);
      }
      this.placeChoices();
      if (decision) performanceMarkFirstChoice();
    }
    this.choices.hidden = decision === null;
    for (const button of this.choices.querySelectorAll('button')) {
      const index = Number(button.dataset.index);
      button.disabled = !open;
      button.classList.toggle('chosen', decision?.chosen === index);
      button.classList.toggle('is-default', decision?.options[index]?.isDefault === true);
    }
  }

  private placeChoices(): void {
    const buttons = [...this.choices.querySelectorAll('button')];
    buttons.forEach((button, i) => {
      const rect = this.rects?.[i];
      button.classList.toggle('over-canvas', rect !== undefined);
      if (rect) {
        button.style.left = `${rect.x}px`;
        button.style.top = `${rect.y}px`;
        button.style.width = `${rect.width}px`;
        button.style.height = `${rect.height}px`;
      } else {
        button.style.removeProperty('left');
        button.style.removeProperty('top');
        button.style.removeProperty('width');
        button.style.removeProperty('height');
      }
    });
  }

  private renderScreen(view: PlayView): void {
    // rebuilt only when what it shows changes, so a chip picked on the ending card stays picked
    const key = screenKey(view, this.endingsFound);
    if (key === this.screenKey) return;
    this.screenKey = key;
    clear(this.screen);
    if (view.state === 'ended') {
      this.screen.append(
        renderEndingCard(
          endingCardModel(
            view,
            this.options.outline ?? null,
            this.endingsFound,
            this.options.mapHref ?? null,
          ),
          {
            rewind: (turn) => this.options.send({ type: 'REWIND', turn }),
            restart: () => this.options.send({ type: 'RESTART' }),
          },
        ),
      );
    } else if (view.state === 'error' && view.error) {
      this.screen.append(
        h(
          'div',
          { class: 'error-screen', role: 'alert' },
          h('h2', {}, 'The story hit a problem'),
          h('p', {}, view.error.message),
          view.error.canGoBack
            ? h(
                'button',
                { type: 'button', onclick: () => this.options.send({ type: 'GO_BACK' }) },
                'Go back to the last decision',
              )
            : null,
          ' ',
          h(
            'button',
            { type: 'button', onclick: () => this.options.send({ type: 'RESTART' }) },
            'Start over',
          ),
        ),
      );
    }
  }

  private pick(index: number, input: InputMethod): void {
    this.options.send({ type: 'PICK', index, input });
  }

  private handleKey(e: KeyboardEvent): void {
    if (!this.root.isConnected || e.repeat || e.altKey || e.ctrlKey || e.metaKey) return;
    // Enter or Space away from any control continues: the rest of the text, the next page, the end.
    if ((e.key === 'Enter' || e.key === ' ') && !isControl(e.target)) {
      if (this.reading.advance()) e.preventDefault();
      return;
    }
    const view = this.view;
    // Escape belongs to the pause menu (ui/pause-menu.ts), H to the History
    if (view?.state !== 'choosing' || !view.decision) return;
    if (/^[1-9]$/.test(e.key)) {
      const option = view.decision.options[Number(e.key) - 1];
      if (option) {
        e.preventDefault();
        this.pick(option.index, 'keyboard');
      }
      return;
    }
    if (
      e.key === 'ArrowDown' ||
      e.key === 'ArrowRight' ||
      e.key === 'ArrowUp' ||
      e.key === 'ArrowLeft'
    ) {
      const buttons = [
        ...this.choices.querySelectorAll<HTMLButtonElement>('button:not([disabled])'),
      ];
      if (buttons.length === 0) return;
      e.preventDefault();
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : -1;
      const next =
        at < 0
          ? step > 0
            ? 0
            : buttons.length - 1
          : (at + step + buttons.length) % buttons.length;
      buttons[next]?.focus();
    }
  }
}

/** The status line: a pause, or the clock's pick while its card holds. */
function statusOf(view: PlayView): string {
  const d = view.decision;
  if (d?.paused) return 'Paused. The timer is waiting for you.';
  if (d?.phase === 'timedOut' && d.chosen !== null)
    return `The clock chose: ${d.options[d.chosen]?.text ?? ''}`;
  return '';
}

/** The canvas's fade in over the DOM text at the handover (styles.css `stage-in`). */
const STAGE_FADE_MS = 450;

/**
 * `inkreel:first-beat` (DESIGN §7): the first frame on which the story's first line is visible,
 * in the DOM text view or on the canvas (whose lines reach the log as the stage shows them). Once
 * per page load, as `inkreel:first-choice` is.
 */
let firstBeatMarked = false;
function performanceMarkFirstBeat(): void {
  if (firstBeatMarked) return;
  firstBeatMarked = true;
  requestAnimationFrame(() => performance.mark('inkreel:first-beat'));
}

let firstChoiceMarked = false;
/** `inkreel:first-choice` (DESIGN §7): the first decision is in the DOM, once per page load. */
function performanceMarkFirstChoice(): void {
  if (firstChoiceMarked) return;
  firstChoiceMarked = true;
  performance.mark('inkreel:first-choice');
}
