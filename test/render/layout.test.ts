// Layout math across screen sizes: cards on screen, text clear of the cards, readable type.
import { describe, expect, it } from 'vitest';
import {
  computeLayout,
  contains,
  MAX_FONT_PX,
  MEASURE_EM,
  MIN_FONT_PX,
  timerFraction,
} from '../../src/render/layout.ts';
import { MAX_REVEAL_MS, REVEAL_CPS, revealedChars } from '../../src/core/pacing.ts';
import type { DecisionView } from '../../src/core/view.ts';
import { overlaps } from './geometry.ts';
import { decisionView } from '../builders.ts';

const SCREENS = [
  [360, 640],
  [1280, 720],
  [2560, 1440],
  [3840, 2160],
  [640, 360],
] as const;

describe('computeLayout', () => {
  for (const [w, h] of SCREENS) {
    for (const n of [1, 2, 3, 4, 6]) {
      it(`keeps ${n} choice cards inside a ${w}×${h} screen and clear of the text box`, () => {
        const layout = computeLayout(w, h, n);
        const screen = { x: 0, y: 0, width: w, height: h };
        expect(layout.choices.cards).toHaveLength(n);
        for (const card of layout.choices.cards) {
          expect(contains(screen, card)).toBe(true);
          expect(overlaps(card, layout.textBox)).toBe(false);
          expect(overlaps(card, layout.timerTrack)).toBe(false);
        }
        for (let i = 1; i < n; i++) {
          expect(overlaps(layout.choices.cards[i - 1]!, layout.choices.cards[i]!)).toBe(false);
        }
        expect(overlaps(layout.timerTrack, layout.textBox)).toBe(false);
        expect(contains(screen, layout.textBox)).toBe(true);
        expect(layout.textBox.height).toBeGreaterThan(h * 0.2);
      });
    }
  }

  it('stacks choices in a column on a phone in portrait', () => {
    expect(computeLayout(360, 640, 3).choices.direction).toBe('column');
  });

  it('lays choices out in a row on a landscape laptop screen', () => {
    expect(computeLayout(1280, 720, 3).choices.direction).toBe('row');
  });

  it('clamps body text between readable bounds and grows it with the screen', () => {
    const phone = computeLayout(360, 640, 2).fontSize;
    const laptop = computeLayout(1280, 720, 2).fontSize;
    const uhd = computeLayout(2560, 1440, 2).fontSize;
    expect(phone).toBeGreaterThanOrEqual(MIN_FONT_PX);
    expect(laptop).toBeGreaterThan(phone);
    expect(uhd).toBeGreaterThan(laptop);
    expect(computeLayout(7680, 4320, 2).fontSize).toBeLessThanOrEqual(MAX_FONT_PX);
    expect(computeLayout(200, 200, 2).choiceFontSize).toBeGreaterThanOrEqual(MIN_FONT_PX);
  });

  it('keeps a line of text to a comfortable measure on a wide screen', () => {
    const layout = computeLayout(2560, 1440, 2);
    expect(layout.textBox.width).toBeLessThan(layout.fontSize * 40);
  });

  for (const [w, h] of [
    [1280, 720],
    [2304, 1296],
    [3840, 2160],
  ] as const) {
    it(`keeps subtitles to about 60 characters a line, in a band below the top of a ${w}×${h} picture`, () => {
      for (const n of [0, 2, 3]) {
        const layout = computeLayout(w, h, n);
        // half an em a letter: the band's width holds about MEASURE_EM * 2 letters, plus margins
        expect(layout.textBox.width / (layout.fontSize * 0.5)).toBeLessThanOrEqual(
          MEASURE_EM * 2 + 4,
        );
        // the top fifth of the picture is always the scene's; the band ends at the bar or the foot
        expect(layout.textBox.y).toBeGreaterThanOrEqual(h * 0.2 - 0.5);
        const foot = n > 0 ? layout.timerTrack.y : h - layout.padding;
        expect(layout.textBox.y + layout.textBox.height).toBeGreaterThan(foot - h * 0.05);
      }
    });
  }

  it('sets the choice cards side by side at the foot of a landscape picture, the bar just above them', () => {
    const layout = computeLayout(1280, 720, 2);
    const [a, b] = layout.choices.cards;
    expect(a!.y).toBe(b!.y);
    expect(a!.y + a!.height).toBeLessThanOrEqual(720 - layout.padding + 0.5);
    expect(a!.y + a!.height).toBeGreaterThan(720 * 0.85);
    expect(layout.timerTrack.y + layout.timerTrack.height).toBeLessThanOrEqual(a!.y);
    expect(layout.timerTrack.width).toBeCloseTo(layout.choices.area.width);
  });

  it('keeps a strip for the default legend at the foot of every card', () => {
    for (const [w, h, n] of [
      [390, 844, 2],
      [1280, 720, 3],
      [640, 360, 6],
    ] as const) {
      const layout = computeLayout(w, h, n);
      const legend = layout.choices.legendHeight;
      expect(legend).toBeGreaterThanOrEqual(layout.legendFontSize);
      for (const card of layout.choices.cards) {
        // room for at least one line of the option above the strip
        expect(card.height - legend).toBeGreaterThanOrEqual(layout.choiceFontSize);
      }
    }
  });

  it('grows subtitles with the picture so they are not tiny on a 4K screen', () => {
    expect(computeLayout(2304, 1296, 2).fontSize).toBeGreaterThanOrEqual(40);
    expect(computeLayout(1067, 600, 2).fontSize).toBeGreaterThanOrEqual(19);
  });

  it('gives the text box the whole height down to the bottom margin when there are no choices', () => {
    const layout = computeLayout(1280, 720, 0);
    expect(layout.choices.cards).toHaveLength(0);
    expect(layout.textBox.y + layout.textBox.height).toBe(720 - layout.padding);
    expect(layout.timerTrack.width).toBe(0);
  });
});

const decision = (over: Partial<DecisionView>): DecisionView =>
  decisionView({ id: 'd', options: [], runningSince: 1_000, ...over });

describe('timer bar', () => {
  it('is full when the window starts and empty when it runs out', () => {
    const d = decision({});
    expect(timerFraction(d, 1_000)).toBe(1);
    expect(timerFraction(d, 6_000)).toBeCloseTo(0.5);
    expect(timerFraction(d, 11_000)).toBe(0);
    expect(timerFraction(d, 99_000)).toBe(0);
  });

  it('holds still while paused', () => {
    const d = decision({ remainingMs: 4_000, runningSince: null, paused: true });
    expect(timerFraction(d, 1_000)).toBeCloseTo(0.4);
    expect(timerFraction(d, 50_000)).toBeCloseTo(0.4);
  });

  it('has no fraction when the decision is untimed', () => {
    expect(
      timerFraction(decision({ windowMs: null, remainingMs: null, runningSince: null }), 5),
    ).toBeNull();
  });
});

describe('text reveal pace', () => {
  it('reveals a short line at the readable pace', () => {
    expect(revealedChars(200, 0)).toBe(0);
    expect(revealedChars(100, 1000)).toBe(REVEAL_CPS.normal);
    expect(revealedChars(20, 10_000)).toBe(20);
  });

  it('finishes a long beat within the reveal cap', () => {
    expect(revealedChars(2000, MAX_REVEAL_MS)).toBe(2000);
    expect(revealedChars(2000, MAX_REVEAL_MS / 2)).toBeLessThan(2000);
  });
});

describe('choice arrangement on a phone on its side', () => {
  it('uses two columns when many options would not fit in a row', () => {
    const layout = computeLayout(640, 360, 6);
    expect(layout.choices.direction).toBe('grid');
    expect(new Set(layout.choices.cards.map((c) => c.x)).size).toBe(2);
  });
});
