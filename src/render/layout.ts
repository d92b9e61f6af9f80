// Pure layout math for the play canvas: the subtitle band, choice cards, timer bar, font sizes.
import type { DecisionView } from '../core/view.ts';
import { remainingAt } from '../core/view.ts';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** row: one line of cards; column: a stack; grid: two columns (landscape screens with little height). */
export type ChoiceDirection = 'row' | 'column' | 'grid';

export interface PlayLayout {
  readonly width: number;
  readonly height: number;
  readonly portrait: boolean;
  readonly padding: number;
  /** body text size in CSS px */
  readonly fontSize: number;
  readonly speakerFontSize: number;
  readonly choiceFontSize: number;
  /** the default card's "taken when time runs out" legend */
  readonly legendFontSize: number;
  /** multiplier of the font size */
  readonly lineHeight: number;
  /**
   * The subtitle band: where the story lines go, bottom-aligned inside it, over the lower part of
   * the scene (above the cards when there are some).
   */
  readonly textBox: Rect;
  readonly choices: {
    readonly direction: ChoiceDirection;
    readonly area: Rect;
    readonly cards: readonly Rect[];
    readonly cardPadding: number;
    readonly radius: number;
    /** height of the strip at the foot of every card kept for the default's legend */
    readonly legendHeight: number;
  };
  /** the full track of the countdown bar (zero-sized when there are no options) */
  readonly timerTrack: Rect;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Smallest body size we ever draw: below this, text on a phone stops being readable. */
export const MIN_FONT_PX = 16;
/** Largest body size: beyond this a 4K screen gets shouting, not reading. */
export const MAX_FONT_PX = 40;
/** A card narrower than this cannot hold a choice's words, so the row becomes a column. */
export const MIN_ROW_CARD_PX = 170;
/**
 * The subtitle measure in ems of the body size: Atkinson Hyperlegible's average letter is about
 * half an em, so this keeps a line near 60 characters, the comfortable measure for reading.
 */
export const MEASURE_EM = 30;

const LINE_HEIGHT = 1.4;

export function computeLayout(width: number, height: number, optionCount: number): PlayLayout {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const short = Math.min(w, h);
  const portrait = h > w;
  const padding = Math.round(clamp(short * 0.04, 12, 64));
  // Subtitle size follows the picture's height (as a film's does), held by the width on a phone.
  const fontSize = Math.round(clamp(Math.min(w * 0.046, h * 0.034), MIN_FONT_PX, MAX_FONT_PX));
  const speakerFontSize = Math.round(clamp(fontSize * 0.78, 13, MAX_FONT_PX));
  const choiceFontSize = Math.round(clamp(fontSize * 0.95, MIN_FONT_PX, MAX_FONT_PX));
  const legendFontSize = Math.round(clamp(choiceFontSize * 0.68, 12, 28));
  const gap = Math.round(clamp(short * 0.015, 8, 24));
  const cardPadding = Math.round(clamp(choiceFontSize * 0.6, 8, 26));
  const radius = Math.round(clamp(short * 0.01, 6, 16));
  const legendHeight = Math.round(legendFontSize * 1.5);

  const innerW = w - padding * 2;
  const textW = Math.min(innerW, fontSize * (MEASURE_EM + 2));
  const n = Math.max(0, Math.floor(optionCount));

  // Two or three cards side by side at the foot of the picture, as Bandersnatch showed them.
  const rowW = Math.min(innerW, choiceFontSize * 56);
  const rowCardW = n > 0 ? (rowW - gap * (n - 1)) / n : 0;
  const direction: ChoiceDirection =
    !portrait && rowCardW >= MIN_ROW_CARD_PX
      ? 'row'
      : !portrait && n > 2 && (rowW - gap) / 2 >= MIN_ROW_CARD_PX
        ? 'grid'
        : 'column';

  const choiceLine = choiceFontSize * LINE_HEIGHT;
  let cards: Rect[] = [];
  let area: Rect = { x: w / 2, y: h - padding, width: 0, height: 0 };
  if (n > 0) {
    if (direction === 'row') {
      const cardH = Math.round(choiceLine * 2 + cardPadding * 2 + legendHeight);
      const y = h - padding - cardH;
      const x0 = (w - rowW) / 2;
      cards = Array.from({ length: n }, (_, i) => ({
        x: x0 + i * (rowCardW + gap),
        y,
        width: rowCardW,
        height: cardH,
      }));
      area = { x: x0, y, width: rowW, height: cardH };
    } else {
      // A short landscape screen (a phone on its side) fits many options better in two columns.
      const cols = direction === 'grid' ? 2 : 1;
      const rows = Math.ceil(n / cols);
      const colW =
        cols === 1 ? Math.min(innerW, choiceFontSize * 36) : Math.min(innerW, choiceFontSize * 56);
      const cellW = (colW - gap * (cols - 1)) / cols;
      // Many options must not push the story off the screen: cards shrink to one line first.
      const maxArea = h * 0.55;
      const roomy = Math.round(choiceLine * 2 + cardPadding * 2 + legendHeight);
      const tight = Math.round(choiceLine + cardPadding + legendHeight);
      const fits = (cardH: number): number => cardH * rows + gap * (rows - 1);
      const cardH =
        fits(roomy) <= maxArea
          ? roomy
          : Math.max(tight, Math.floor((maxArea - gap * (rows - 1)) / rows));
      const total = fits(cardH);
      const x = (w - colW) / 2;
      const y0 = h - padding - total;
      cards = Array.from({ length: n }, (_, i) => ({
        x: x + (i % cols) * (cellW + gap),
        y: y0 + Math.floor(i / cols) * (cardH + gap),
        width: cellW,
        height: cardH,
      }));
      area = { x, y: y0, width: colW, height: total };
    }
  }

  // A prominent bar: thick enough to read at a glance from the sofa, thin beside the cards.
  const barH = Math.round(clamp(short * 0.012, 6, 16));
  const timerTrack: Rect =
    n > 0
      ? { x: area.x, y: area.y - gap - barH, width: area.width, height: barH }
      : { x: w / 2, y: h - padding, width: 0, height: 0 };

  const textBottom = n > 0 ? timerTrack.y - gap : h - padding;
  // Lines sit at the foot of the band, so a short beat leaves the scene in view; a paragraph may
  // rise into the upper part of the picture rather than page every few lines (story prose is
  // longer than film dialogue); many cards push the band up rather than squeeze it.
  const bandTop = h * (portrait ? 0.14 : 0.2);
  const textTop = Math.max(padding, Math.min(bandTop, textBottom - h * 0.24));
  const textBox: Rect = {
    x: (w - textW) / 2,
    y: textTop,
    width: textW,
    height: Math.max(0, textBottom - textTop),
  };

  return {
    width: w,
    height: h,
    portrait,
    padding,
    fontSize,
    speakerFontSize,
    choiceFontSize,
    legendFontSize,
    lineHeight: LINE_HEIGHT,
    textBox,
    choices: { direction, area, cards, cardPadding, radius, legendHeight },
    timerTrack,
  };
}

/** Share of the window left, 0..1; null when the decision is untimed. */
export function timerFraction(decision: DecisionView, now: number): number | null {
  const left = remainingAt(decision, now);
  if (left === null || decision.windowMs === null || decision.windowMs <= 0) return null;
  return clamp(left / decision.windowMs, 0, 1);
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x - 0.5 &&
    inner.y >= outer.y - 0.5 &&
    inner.x + inner.width <= outer.x + outer.width + 0.5 &&
    inner.y + inner.height <= outer.y + outer.height + 0.5
  );
}

/** Scale that makes a `sw`×`sh` image cover a `w`×`h` box (crop, no letterbox). */
export function coverScale(sw: number, sh: number, w: number, h: number): number {
  if (sw <= 0 || sh <= 0) return 1;
  return Math.max(w / sw, h / sh);
}

/** Scale that fits a `sw`×`sh` image inside a `w`×`h` box, never enlarging it. */
export function containScale(sw: number, sh: number, w: number, h: number): number {
  if (sw <= 0 || sh <= 0) return 1;
  return Math.min(1, w / sw, h / sh);
}
