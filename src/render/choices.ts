// Choice cards of a decision (their rise, the chosen card's hold, the others' fall) and the
// shrinking timer bar.
import type { FederatedPointerEvent } from 'pixi.js';
import { Container, Graphics, Text } from 'pixi.js';
import { HOLD_MS, SHOW_MS } from '../core/pacing.ts';
import type { DecisionView } from '../core/view.ts';
import type { PlayLayout, Rect } from './layout.ts';
import { timerFraction } from './layout.ts';
import type { Palette } from './theme.ts';

export type PickInput = 'pointer' | 'touch';

export interface ChoiceHandlers {
  readonly onPick: (index: number, input: PickInput) => void;
}

/** Whether the cards of a decision take input: only while it is being shown or chosen. */
export function acceptsPicks(decision: DecisionView): boolean {
  return (decision.phase === 'shown' || decision.phase === 'selecting') && decision.chosen === null;
}

function drawCard(
  g: Graphics,
  rect: Rect,
  layout: PlayLayout,
  palette: Palette,
  chosen: boolean,
  hover: boolean,
): void {
  g.clear();
  g.roundRect(0, 0, rect.width, rect.height, layout.choices.radius).fill({
    color: chosen ? palette.chosen : palette.card,
    alpha: chosen ? 1 : palette.cardAlpha,
  });
  g.roundRect(0, 0, rect.width, rect.height, layout.choices.radius).stroke({
    width: hover || chosen ? 3 : 1.5,
    color: palette.cardStroke,
    alpha: hover || chosen ? 1 : 0.55,
  });
}

/**
 * Builds the `choices` container: one `choice-<i>` per option with its card, text, key hint and a
 * `default-mark` on the option the timer will take. A decision past selecting dims the options not
 * chosen and takes no input; one tap per decision reaches `onPick` (a second press never picks twice).
 */
export function buildChoices(
  decision: DecisionView | null,
  layout: PlayLayout,
  palette: Palette,
  handlers: ChoiceHandlers,
): Container {
  const root = new Container({ label: 'choices' });
  if (!decision) return root;
  const live = acceptsPicks(decision);
  let picked = false;
  decision.options.forEach((option, i) => {
    const rect = layout.choices.cards[i];
    if (!rect) return;
    const chosen = decision.chosen === option.index;
    const card = new Container({ label: `choice-${option.index}` });
    card.position.set(rect.x, rect.y);
    const bg = new Graphics({ label: 'card' });
    drawCard(bg, rect, layout, palette, chosen, false);
    card.addChild(bg);

    const pad = layout.choices.cardPadding;
    const hintSize = Math.max(12, Math.round(layout.choiceFontSize * 0.7));
    const hint = new Text({
      label: 'key-hint',
      text: String(i + 1),
      style: {
        fontFamily: palette.fontFamily,
        fontSize: hintSize,
        fontWeight: '700',
        fill: chosen ? palette.chosenText : palette.cardText,
      },
    });
    hint.alpha = 0.6;
    hint.position.set(pad * 0.6, pad * 0.45);
    card.addChild(hint);

    const label = new Text({
      label: 'choice-text',
      text: option.text,
      style: {
        fontFamily: palette.fontFamily,
        fontSize: layout.choiceFontSize,
        lineHeight: Math.round(layout.choiceFontSize * layout.lineHeight),
        fontWeight: '600',
        fill: chosen ? palette.chosenText : palette.cardText,
        align: 'center',
        wordWrap: true,
        wordWrapWidth: Math.max(10, rect.width - pad * 2 - hintSize),
        breakWords: true,
      },
    });
    // Text that would overflow a short card is scaled down rather than clipped.
    const fit = Math.min(1, (rect.height - pad) / Math.max(1, label.height));
    label.scale.set(fit);
    label.position.set((rect.width - label.width) / 2, (rect.height - label.height) / 2);
    card.addChild(label);

    if (option.isDefault) {
      const mark = new Graphics({ label: 'default-mark' });
      const mw = Math.min(rect.width * 0.3, layout.choiceFontSize * 3);
      mark
        .roundRect(
          (rect.width - mw) / 2,
          rect.height - Math.max(4, pad * 0.35),
          mw,
          Math.max(3, pad * 0.2),
          2,
        )
        .fill(palette.defaultMark);
      card.addChild(mark);
    }

    if (!live && !chosen) card.alpha = 0.35;
    if (chosen && decision.phase === 'timedOut') {
      // the clock's pick says so over its card for the whole hold
      const note = new Text({
        label: 'clock-chose',
        text: 'The clock chose',
        style: {
          fontFamily: palette.fontFamily,
          fontSize: hintSize,
          fontWeight: '700',
          letterSpacing: 1,
          fill: palette.speaker,
        },
      });
      note.position.set((rect.width - note.width) / 2, -note.height - Math.max(4, pad * 0.4));
      card.addChild(note);
    }
    if (live) {
      card.eventMode = 'static';
      card.cursor = 'pointer';
      card.on('pointerover', () => drawCard(bg, rect, layout, palette, chosen, true));
      card.on('pointerout', () => drawCard(bg, rect, layout, palette, chosen, false));
      card.on('pointertap', (e: FederatedPointerEvent) => {
        e.stopPropagation();
        if (picked) return;
        picked = true;
        handlers.onPick(option.index, e.pointerType === 'touch' ? 'touch' : 'pointer');
      });
    } else {
      card.eventMode = 'none';
    }
    root.addChild(card);
  });
  return root;
}

/** Smoothstep 0..1, for the cards' rise and fall. */
function ease(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x * x * (3 - 2 * x);
}

/**
 * Moves the cards of a decision at clock time `now`, `since` ms after its phase began: while
 * `shown` they rise into place (landed after SHOW_MS); once picked the chosen card pulses and the
 * others fall away over the hold. Reduced motion: nothing moves, the others simply go, same timing.
 * True while something still moves.
 */
export function moveChoices(
  root: Container,
  decision: DecisionView | null,
  layout: PlayLayout,
  since: number,
  reducedMotion: boolean,
): boolean {
  if (!decision) return false;
  const rise = Math.round(layout.choiceFontSize * 1.6);
  const settled = decision.phase === 'picked' || decision.phase === 'timedOut';
  let moving = false;
  decision.options.forEach((option) => {
    const card = root.getChildByLabel(`choice-${option.index}`);
    const rect = layout.choices.cards[option.index];
    if (!card || !rect) return;
    if (decision.phase === 'shown') {
      const t = reducedMotion ? 1 : ease(since / SHOW_MS);
      card.position.set(rect.x, rect.y + (1 - t) * rise);
      card.alpha = t;
      moving ||= t < 1;
    } else if (settled && option.index === decision.chosen) {
      const t = Math.min(1, since / HOLD_MS);
      const pulse = reducedMotion ? 1 : 1 + 0.05 * Math.sin(Math.PI * Math.min(1, t * 2));
      card.scale.set(pulse);
      card.position.set(
        rect.x + (rect.width * (1 - pulse)) / 2,
        rect.y + (rect.height * (1 - pulse)) / 2,
      );
      card.alpha = 1;
      moving ||= !reducedMotion && t < 0.5;
    } else if (settled) {
      const t = reducedMotion ? 1 : ease(since / (HOLD_MS * 0.6));
      card.position.set(rect.x, rect.y + t * rise * 2);
      card.alpha = 0.35 * (1 - t);
      moving ||= t < 1;
    } else {
      card.position.set(rect.x, rect.y);
      card.alpha = 1;
    }
  });
  return moving;
}

/** The countdown bar: redrawn every frame from `remainingAt`, grey with a pause mark while paused. */
export class TimerBar {
  readonly container = new Container({ label: 'timer-bar' });
  private readonly track = new Graphics({ label: 'timer-track' });
  private readonly fill = new Graphics({ label: 'timer-fill' });
  private readonly pausedMark = new Graphics({ label: 'paused-mark' });
  private lastKey = '';

  constructor() {
    this.container.addChild(this.track, this.fill, this.pausedMark);
    this.container.visible = false;
  }

  /** Share of the window the bar last showed (null when hidden); tests read it. */
  fraction: number | null = null;

  draw(decision: DecisionView | null, layout: PlayLayout, palette: Palette, now: number): void {
    const f = decision && acceptsPicks(decision) ? timerFraction(decision, now) : null;
    this.fraction = f;
    if (f === null || !decision) {
      this.container.visible = false;
      return;
    }
    this.container.visible = true;
    const t = layout.timerTrack;
    const paused = decision.paused || decision.runningSince === null;
    const key = `${t.x},${t.y},${t.width},${t.height},${palette.timerTrack},${paused}`;
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.track
        .clear()
        .roundRect(t.x, t.y, t.width, t.height, t.height / 2)
        .fill({ color: palette.timerTrack, alpha: 0.7 });
      this.pausedMark.clear();
      if (paused) {
        const s = Math.max(10, t.height * 2.5);
        const cx = t.x + t.width / 2;
        const y = t.y - s - t.height;
        this.pausedMark.rect(cx - s * 0.45, y, s * 0.3, s).fill(palette.timerPaused);
        this.pausedMark.rect(cx + s * 0.15, y, s * 0.3, s).fill(palette.timerPaused);
      }
      this.pausedMark.visible = paused;
      // Drawn once at full length and scaled about its centre: no geometry rebuild per frame.
      this.fill
        .clear()
        .rect(-t.width / 2, 0, t.width, t.height)
        .fill(0xffffff);
      this.fill.position.set(t.x + t.width / 2, t.y);
    }
    this.fill.tint = paused ? palette.timerPaused : palette.timerFill;
    this.fill.scale.x = f;
  }

  destroy(): void {
    this.container.destroy({ children: true });
  }
}
