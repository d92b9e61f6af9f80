// Reading pace (DESIGN.md §3, read then choose): how fast text is revealed at each text speed, and
// how long autoplay leaves a page on screen before it moves on.
import type { TextSpeed } from './settings.ts';

/**
 * How long the cards take to rise and land once the beat is read; a decision's window starts when
 * they have landed, so the rise never eats into it.
 */
export const SHOW_MS = 300;
/**
 * How long the chosen card holds ("The clock chose: …" on a timeout) before the next beat. The
 * choice is stored and the next beat computed meanwhile, so the beat shows right after the hold.
 */
export const HOLD_MS = 600;

/** Characters revealed per second at each speed; `instant` shows a page whole. */
export const REVEAL_CPS: Readonly<Record<TextSpeed, number>> = {
  slow: 25,
  normal: 50,
  fast: 110,
  instant: Number.POSITIVE_INFINITY,
};

/**
 * A page still finishes revealing within this at normal speed (scaled for the others), so a
 * very long line never makes the player wait on the typewriter.
 */
export const MAX_REVEAL_MS = 3000;

/** How many characters of a `total`-character reveal are visible `elapsedMs` after it started. */
export function revealedChars(
  total: number,
  elapsedMs: number,
  speed: TextSpeed = 'normal',
): number {
  if (total <= 0) return 0;
  const base = REVEAL_CPS[speed];
  if (!Number.isFinite(base)) return total;
  const longest = (MAX_REVEAL_MS * REVEAL_CPS.normal) / base;
  const cps = Math.max(base, (total * 1000) / longest);
  return Math.min(total, Math.max(0, Math.floor((Math.max(0, elapsedMs) * cps) / 1000)));
}

/** Reading speed assumed by autoplay: about 200 words a minute, 15 characters a second. */
export const READ_CPS = 15;
/** Autoplay never moves on sooner than this, however short the page. */
export const MIN_READ_MS = 1500;

/** How long autoplay leaves `chars` characters of fully shown text before it continues. */
export function readingMs(chars: number): number {
  return Math.max(MIN_READ_MS, Math.round((Math.max(0, chars) * 1000) / READ_CPS));
}
