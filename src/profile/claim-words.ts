// Words for people, from the claims (claims.ts): the report's sentences, the home's reason chips
// and the poster reason all come from here, so they say the same thing in the same words. The
// percentage shown is always the claim's own probability (the posterior mass beyond δ on the
// claimed side), and a dimension with no claim gets no percentage at all.
import type { Claim, ClaimLevel, Habit } from './claims.ts';
import { MIN_TIMED_FOR_PACE } from './speed.ts';

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/**
 * Rounded down and kept below 100, so the words never claim more certainty than the model has
 * (0.988 reads "98%", 0.9999 reads "over 99%").
 */
export function claimPercent(probability: number): string {
  if (!(probability >= 0)) return '0%';
  if (probability > 0.99) return 'over 99%';
  return `${Math.floor(probability * 100 + 1e-9)}%`;
}

/** "from 14 decisions (11 distinct)", or "from 14 decisions" when each was a different one. */
export function fromDecisions(decisions: number, distinct: number): string {
  const base = `from ${plural(decisions, 'decision')}`;
  return distinct > 0 && distinct < decisions ? `${base} (${distinct} distinct)` : base;
}

/** The label of the pole a claim is on; null when no lean is claimed. */
export function claimLabel(claim: Claim): string | null {
  if (claim.pole === null || claim.level === 'none') return null;
  return claim.pole === '+' ? claim.positive : claim.negative;
}

/** "Warmth or Detachment", the dimension named by both its poles. */
export function dimensionName(claim: Pick<Claim, 'positive' | 'negative'>): string {
  return `${claim.positive} or ${claim.negative}`;
}

/** How sure, in a word or two, for each level that names a pole. */
const HOW_SURE: Record<Exclude<ClaimLevel, 'none'>, string> = {
  hint: 'not sure yet',
  likely: 'likely',
  sure: 'a clear pattern',
};

/**
 * One sentence per dimension: "You lean toward Caution — likely, from 14 decisions (11 distinct)."
 * / "You might lean toward Warmth — not sure yet, from 5 decisions." / "No clear lean toward
 * Warmth or Detachment yet, from 6 decisions." / "None of your choices so far bears on Warmth or
 * Detachment."
 */
export function claimSentence(claim: Claim): string {
  const from = fromDecisions(claim.decisions, claim.distinctDecisions);
  if (claim.decisions <= 0) return `None of your choices so far bears on ${dimensionName(claim)}.`;
  const label = claimLabel(claim);
  if (label === null || claim.level === 'none')
    return `No clear lean toward ${dimensionName(claim)} yet, ${from}.`;
  if (claim.level === 'hint') return `You might lean toward ${label} — ${HOW_SURE.hint}, ${from}.`;
  return `You lean toward ${label} — ${HOW_SURE[claim.level]}, ${from}.`;
}

/**
 * The chance behind a claim, in words that match it: "82% chance of a real lean toward Warmth
 * (more than a slight tilt)". Null when no lean is claimed: a percentage there would only mislead.
 */
export function claimChance(claim: Claim): string | null {
  const label = claimLabel(claim);
  if (label === null || claim.decisions <= 0) return null;
  return `${claimPercent(claim.probability)} chance of a real lean toward ${label}, more than a slight tilt`;
}

/** A claim strong enough to act on (pick a poster, give a home card its reason). */
export function isFirmClaim(claim: Claim): boolean {
  return claim.pole !== null && (claim.level === 'likely' || claim.level === 'sure');
}

/**
 * The short reason for the home card and the poster: "Because you lean Thrill-seeking". Null when
 * the claim is not `likely` or `sure`: a hint is never a reason for anything.
 */
export function claimReason(claim: Claim): string | null {
  const label = claimLabel(claim);
  if (label === null || !isFirmClaim(claim)) return null;
  return `Because you lean ${label}`;
}

const HABIT_WHAT: Record<Habit['kind'], string> = {
  'first-option': 'You picked the first option',
  'default-option': 'You picked the option the timer would have taken',
  repeat: 'Coming back to a decision, you made the same pick as before',
};

/**
 * "You picked the first option 72% of the time (of 25 decisions); that looks like a habit, so it
 * was not counted as taste." Null when it was measured on no decisions.
 */
export function habitSentence(habit: Habit): string | null {
  if (habit.decisions <= 0) return null;
  const share = `${Math.round(habit.share * 100)}% of the time (of ${plural(habit.decisions, 'decision')})`;
  const verdict = habit.flagged
    ? 'that looks like a habit, so it was not counted as taste.'
    : 'no sign of a habit.';
  return `${HABIT_WHAT[habit.kind]} ${share}; ${verdict}`;
}

/** What the speed sentence is made from (speed.ts's figures carry these). */
export interface SpeedInput {
  /** median time to pick over the decisions the player made, in ms; null when there are none */
  readonly medianMs: number | null;
  /** decisions shown with a timer */
  readonly timed: number;
  /** timed decisions where the timer ran out */
  readonly timerChose: number;
  /** a label such as "quick", only given once there are enough timed decisions */
  readonly pace: string | null;
}

/** Timed decisions needed before the speed gets a label (speed.ts's own minimum). */
export const SPEED_LABEL_MIN = MIN_TIMED_FOR_PACE;

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(1) : Math.round(s).toString()} seconds`;
}

/**
 * "You usually decide in about 4.2 seconds (the median): a quick pace, across 14 timed decisions;
 * the timer chose for you twice." A label only from SPEED_LABEL_MIN timed decisions, with the count said.
 */
export function speedSentence(speed: SpeedInput): string {
  if (speed.medianMs === null)
    return 'No decisions you made yourself yet, so nothing to say about your speed.';
  const typical = `You usually decide in about ${seconds(speed.medianMs)} (the median)`;
  const timer =
    speed.timerChose > 0
      ? `; the timer chose for you ${speed.timerChose === 1 ? 'once' : speed.timerChose === 2 ? 'twice' : `${speed.timerChose} times`}`
      : '';
  if (speed.timed < SPEED_LABEL_MIN || speed.pace === null) {
    const need =
      speed.timed === 0
        ? 'none of your decisions had a timer yet, so there is no label for your pace'
        : `only ${plural(speed.timed, 'timed decision')} so far, too few to label your pace (it takes ${SPEED_LABEL_MIN})`;
    return `${typical}; ${need}${timer}.`;
  }
  return `${typical}: a ${speed.pace} pace, across ${plural(speed.timed, 'timed decision')}${timer}.`;
}
