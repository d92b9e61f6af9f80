// Choice cards of a decision (their rise, the chosen card's hold, the others' fall, the default's
// legend) and the countdown bar that closes toward its centre.
import type { FederatedPointerEvent } from 'pixi.js';
import { Container, Graphics, Text } from 'pixi.js';
import { HOLD_MS, SHOW_MS } from '../core/pacing.ts';
import type { DecisionView } from '../core/view.ts';
import { isLowTime } from '../core/view.ts';
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

/** A card's parts and what it shows now, so a new phase restyles it in place. */
interface CardParts {
  readonly index: number;
  readonly rect: Rect;
  readonly bg: Graphics;
  readonly hint: Text;
  readonly label: Text;
  /** the default's legend, or null on a card that is not the default (or in an untimed window) */
  legend: Container | null;
  /** "The clock chose", once the clock took this card */
  note: Text | null;
  chosen: boolean;
  hover: boolean;
}

const cardParts = new WeakMap<Container, CardParts>();

/**
 * Builds the `choices` container: one `choice-<i>` per option with its card, text, key hint and a
 * `default-mark` on the option the timer will take, styled for the decision's phase (see
 * `settleChoices`). One tap per decision reaches `onPick` (a second press never picks twice).
 */
export function buildChoices(
  decision: DecisionView | null,
  layout: PlayLayout,
  palette: Palette,
  handlers: ChoiceHandlers,
): Container {
  const root = new Container({ label: 'choices' });
  if (!decision) return root;
  let picked = false;
  decision.options.forEach((option, i) => {
    const rect = layout.choices.cards[i];
    if (!rect) return;
    const card = new Container({ label: `choice-${option.index}` });
    card.position.set(rect.x, rect.y);
    const bg = new Graphics({ label: 'card' });
    card.addChild(bg);

    const pad = layout.choices.cardPadding;
    const legendH = layout.choices.legendHeight;
    const hintSize = Math.max(12, Math.round(layout.choiceFontSize * 0.7));
    const hint = new Text({
      label: 'key-hint',
      text: String(i + 1),
      style: {
        fontFamily: palette.fontFamily,
        fontSize: hintSize,
        fontWeight: '700',
        fill: palette.cardText,
      },
    });
    hint.alpha = 0.6;
    hint.position.set(pad * 0.6, pad * 0.45);
    card.addChild(hint);

    // The words keep the card above the legend strip: the legend never sits on them.
    const textArea = { top: pad * 0.5, height: rect.height - legendH - pad };
    const label = new Text({
      label: 'choice-text',
      text: option.text,
      style: {
        fontFamily: palette.fontFamily,
        fontSize: layout.choiceFontSize,
        lineHeight: Math.round(layout.choiceFontSize * layout.lineHeight),
        fontWeight: '700',
        fill: palette.cardText,
        align: 'center',
        wordWrap: true,
        wordWrapWidth: Math.max(10, rect.width - pad * 2 - hintSize * 2),
        breakWords: true,
      },
    });
    // Text that would overflow a short card is scaled down rather than clipped.
    const fit = Math.min(1, textArea.height / Math.max(1, label.height));
    label.scale.set(fit);
    label.position.set(
      (rect.width - label.width) / 2,
      textArea.top + (textArea.height - label.height) / 2,
    );
    card.addChild(label);

    const parts: CardParts = {
      index: option.index,
      rect,
      bg,
      hint,
      label,
      // Only a timed window takes a default; an untimed one waits for the player.
      legend:
        option.isDefault && decision.windowMs !== null
          ? buildLegend(rect, layout, palette.defaultMark, palette)
          : null,
      note: null,
      chosen: false,
      hover: false,
    };
    if (parts.legend) card.addChild(parts.legend);
    drawCard(bg, rect, layout, palette, false, false);
    cardParts.set(card, parts);
    card.cursor = 'pointer';
    card.on('pointerover', () => {
      parts.hover = true;
      drawCard(bg, rect, layout, palette, parts.chosen, true);
    });
    card.on('pointerout', () => {
      parts.hover = false;
      drawCard(bg, rect, layout, palette, parts.chosen, false);
    });
    card.on('pointertap', (e: FederatedPointerEvent) => {
      e.stopPropagation();
      if (picked) return;
      picked = true;
      handlers.onPick(option.index, e.pointerType === 'touch' ? 'touch' : 'pointer');
    });
    root.addChild(card);
  });
  settleChoices(root, decision, layout, palette);
  return root;
}

/**
 * Styles the cards `buildChoices` made for this decision as its phase says, in place (no card is
 * rebuilt): while it is shown or selecting every card takes input; once picked or timed out the
 * chosen card takes the chosen colours (and "The clock chose" over it on a timeout), the others dim,
 * and none takes input. Only what changed is redrawn, so the pick's own frame stays cheap.
 */
export function settleChoices(
  root: Container,
  decision: DecisionView,
  layout: PlayLayout,
  palette: Palette,
): void {
  const live = acceptsPicks(decision);
  for (const card of root.children) {
    const parts = cardParts.get(card);
    if (!parts) continue;
    const chosen = decision.chosen === parts.index;
    if (chosen !== parts.chosen) {
      parts.chosen = chosen;
      // a chosen card takes no hover: it is drawn at its chosen stroke either way
      drawCard(parts.bg, parts.rect, layout, palette, chosen, parts.hover && !chosen);
      const textColour = chosen ? palette.chosenText : palette.cardText;
      parts.hint.style.fill = textColour;
      parts.label.style.fill = textColour;
      if (parts.legend) {
        const legend = buildLegend(
          parts.rect,
          layout,
          chosen ? palette.chosenText : palette.defaultMark,
          palette,
        );
        card.addChildAt(legend, card.getChildIndex(parts.legend));
        parts.legend.destroy({ children: true });
        parts.legend = legend;
      }
    }
    if (!live && !chosen) card.alpha = 0.35;
    if (chosen && decision.phase === 'timedOut' && parts.note === null) {
      // the clock's pick says so over its card for the whole hold
      const pad = layout.choices.cardPadding;
      const note = new Text({
        label: 'clock-chose',
        text: 'The clock chose',
        style: {
          fontFamily: palette.fontFamily,
          fontSize: parts.hint.style.fontSize,
          fontWeight: '700',
          letterSpacing: 1,
          fill: palette.speaker,
        },
      });
      note.position.set((parts.rect.width - note.width) / 2, -note.height - Math.max(4, pad * 0.4));
      card.addChild(note);
      parts.note = note;
    }
    card.eventMode = live ? 'static' : 'none';
    card.cursor = live ? 'pointer' : 'default';
  }
}

/** What the default card says at its foot: a clock and "taken when time runs out". */
export const DEFAULT_LEGEND = 'taken when time runs out';

/**
 * The `default-mark`: a small clock face and the legend, centred in the strip the layout keeps at
 * the foot of every card (so it never meets the option's words), scaled down on a narrow card.
 */
function buildLegend(rect: Rect, layout: PlayLayout, colour: number, palette: Palette): Container {
  const legend = new Container({ label: 'default-mark' });
  const size = layout.legendFontSize;
  const r = size * 0.42;
  const clock = new Graphics({ label: 'clock-icon' });
  clock
    .circle(r, 0, r)
    .stroke({ width: Math.max(1.25, size * 0.09), color: colour })
    .moveTo(r, 0)
    .lineTo(r, -r * 0.6)
    .moveTo(r, 0)
    .lineTo(r + r * 0.45, r * 0.2)
    .stroke({ width: Math.max(1.25, size * 0.09), color: colour, cap: 'round' });
  const words = new Text({
    label: 'default-legend',
    text: DEFAULT_LEGEND,
    style: { fontFamily: palette.fontFamily, fontSize: size, fontWeight: '700', fill: colour },
  });
  const space = size * 0.4;
  clock.y = words.height / 2;
  words.x = r * 2 + space;
  legend.addChild(clock, words);
  const pad = layout.choices.cardPadding;
  const width = r * 2 + space + words.width;
  const fit = Math.min(1, (rect.width - pad * 2) / width);
  legend.scale.set(fit);
  const stripTop = rect.height - layout.choices.legendHeight - pad * 0.5;
  legend.position.set(
    (rect.width - width * fit) / 2,
    stripTop + (layout.choices.legendHeight - words.height * fit) / 2,
  );
  return legend;
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

/** How fast the bar throbs in the last seconds: about twice a second, a heartbeat under pressure. */
const PULSE_MS = 480;

/**
 * The countdown bar: closes toward its centre (both ends move in) as the window runs, redrawn
 * every frame from `remainingAt`; in the last LOW_TIME_MS it turns the palette's warning colour
 * and throbs (not under reduced motion); grey with a pause mark while paused.
 */
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
  /** True while the bar shows the last seconds of an open window (warning colour, pulse). */
  lowTime = false;

  draw(
    decision: DecisionView | null,
    layout: PlayLayout,
    palette: Palette,
    now: number,
    reducedMotion = false,
  ): void {
    const f = decision && acceptsPicks(decision) ? timerFraction(decision, now) : null;
    this.fraction = f;
    if (f === null || !decision) {
      this.container.visible = false;
      this.lowTime = false;
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
        .fill({ color: palette.timerTrack, alpha: 0.55 });
      this.pausedMark.clear();
      if (paused) {
        const s = Math.max(10, t.height * 2);
        const cx = t.x + t.width / 2;
        const y = t.y - s - t.height;
        this.pausedMark.rect(cx - s * 0.45, y, s * 0.3, s).fill(palette.timerPaused);
        this.pausedMark.rect(cx + s * 0.15, y, s * 0.3, s).fill(palette.timerPaused);
      }
      this.pausedMark.visible = paused;
      // Drawn once at full length about its centre and scaled: no geometry rebuild per frame.
      this.fill
        .clear()
        .roundRect(-t.width / 2, -t.height / 2, t.width, t.height, t.height / 2)
        .fill(0xffffff);
      this.fill.position.set(t.x + t.width / 2, t.y + t.height / 2);
    }
    const low = !paused && isLowTime(decision, now);
    this.lowTime = low;
    this.fill.tint = paused ? palette.timerPaused : low ? palette.timerLow : palette.timerFill;
    this.fill.scale.x = f;
    // the throb: the bar swells in height and brightens, twice a second
    const beat = low && !reducedMotion ? 0.5 + 0.5 * Math.cos((now / PULSE_MS) * Math.PI * 2) : 0;
    this.fill.scale.y = 1 + 0.6 * beat;
    this.fill.alpha = 1 - 0.25 * (1 - beat) * (low && !reducedMotion ? 1 : 0);
  }

  destroy(): void {
    this.container.destroy({ children: true });
  }
}
