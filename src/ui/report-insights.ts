// The report's reading of the choices, for people: "In short" (one plain sentence per lean, the
// habits and the speed, each a step from its evidence), "What your choices suggest" (each lean
// with its chart and the decisions that moved it most), and the maths under a collapsed
// "How this is calculated". Every sentence about a lean comes from claim-words.ts.
import type { Claim, ProfileClaims } from '../profile/claims.ts';
import { CLAIM_LEVELS } from '../profile/claims.ts';
import {
  claimChance,
  claimSentence,
  dimensionName,
  habitSentence,
  speedSentence,
} from '../profile/claim-words.ts';
import type { DimensionInference, InferenceResult } from '../profile/inference.ts';
import type { DecisionSpeed, ScaleGroup, SpeedFigures } from '../profile/speed.ts';
import { intervalChart, shareBar } from './charts.ts';
import { h } from './dom.ts';

/** Rounded down, so the page never claims more certainty than the model has. */
export function percent(x: number): string {
  return `${Math.floor(x * 100 + 1e-9)}%`;
}

function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return (Object.is(r, -0) ? 0 : r).toFixed(2);
}

export function eventAnchor(eventId: string): string {
  return `event-${eventId}`;
}

/** The id of a lean's section in "What your choices suggest" (home chips link here too). */
export function leanAnchor(dimensionId: string): string {
  return `lean-${dimensionId}`;
}

/** The folded list of dimensions with no clear lean yet. */
const NO_LEAN_ANCHOR = 'no-lean';

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const LEVEL_ORDER: Record<Claim['level'], number> = { sure: 0, likely: 1, hint: 2, none: 3 };

/** Leans with something to go on, firmest first; ties keep the catalogue's order. */
function spoken(claims: readonly Claim[]): Claim[] {
  return claims
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.decisions > 0)
    .sort((a, b) => LEVEL_ORDER[a.c.level] - LEVEL_ORDER[b.c.level] || a.i - b.i)
    .map(({ c }) => c);
}

function silentNote(claims: readonly Claim[]): HTMLElement | null {
  const silent = claims.filter((c) => c.decisions <= 0);
  if (silent.length === 0) return null;
  return h(
    'p',
    { class: 'dimension-silent' },
    'Nothing you chose so far bears on ',
    silent.map((c) => dimensionName(c)).join('; '),
    '.',
  );
}

export interface GlanceInput {
  readonly claims: ProfileClaims;
  readonly speed: DecisionSpeed;
}

/** "In short": the first screen's plain sentences, each a link away from its evidence. */
export function renderGlance(input: GlanceInput): HTMLElement {
  const { claims } = input.claims;
  const leans = spoken(claims);
  const section = h(
    'section',
    { class: 'report-glance', 'aria-labelledby': 'glance-title' },
    h('h2', { id: 'glance-title' }, 'In short'),
  );
  if (leans.length === 0) {
    section.append(
      h(
        'p',
        { class: 'glance-empty' },
        claims.length === 0
          ? 'Nothing to say yet: none of the stories here asks about a taste.'
          : 'Nothing to say about your tastes yet: none of your choices so far was between options that differ in taste. Play a story and this fills in.',
      ),
    );
  } else {
    const named = leans.filter((c) => c.level !== 'none');
    const unnamed = leans.filter((c) => c.level === 'none');
    const why = (target: string, name: string, open: boolean): HTMLElement =>
      h(
        'a',
        {
          href: `#${target}`,
          class: 'glance-why',
          'data-target': target,
          ...(open ? { 'data-open': 'evidence' } : {}),
        },
        h('span', { class: 'visually-hidden' }, `${name}: `),
        'why?',
      );
    const items = named.map((c) =>
      h(
        'li',
        { 'data-dimension': c.id, 'data-level': c.level },
        claimSentence(c),
        ' ',
        why(leanAnchor(c.id), dimensionName(c), true),
      ),
    );
    // several dimensions with no lean read as one sentence, not a wall of "no clear lean" lines
    if (unnamed.length === 1) {
      const c = unnamed[0]!;
      items.push(
        h(
          'li',
          { 'data-dimension': c.id, 'data-level': c.level },
          claimSentence(c),
          ' ',
          why(leanAnchor(c.id), dimensionName(c), true),
        ),
      );
    } else if (unnamed.length > 1) {
      items.push(
        h(
          'li',
          {
            class: 'glance-no-lean',
            'data-level': 'none',
            'data-dimensions': unnamed.map((c) => c.id).join(' '),
          },
          'No clear lean yet on ',
          unnamed.map((c) => `${dimensionName(c)} (${plural(c.decisions, 'decision')})`).join('; '),
          '. ',
          why(NO_LEAN_ANCHOR, 'No clear lean yet', false),
        ),
      );
    }
    section.append(h('ul', { class: 'glance-leans', 'aria-label': 'Your leans' }, ...items));
  }
  const silent = silentNote(claims);
  if (silent && leans.length > 0) section.append(silent);
  const habits = input.claims.habits.filter((x) => x.decisions > 0);
  const flagged = habits.filter((x) => x.flagged);
  const other = h('ul', { class: 'glance-other', 'aria-label': 'Habits and speed' });
  for (const habit of flagged) {
    const text = habitSentence(habit);
    if (text) other.append(h('li', { class: 'habit', 'data-habit': habit.kind }, text));
  }
  if (flagged.length === 0 && habits.length > 0) {
    const most = Math.max(...habits.map((x) => x.decisions));
    other.append(
      h(
        'li',
        { class: 'habit habit-none' },
        `No habit such as always taking the first option showed up (checked over ${plural(most, 'decision')}).`,
      ),
    );
  }
  if (input.claims.decisions > 0)
    other.append(h('li', { class: 'speed-sentence' }, speedSentence(input.speed.overall)));
  if (other.childElementCount > 0) section.append(other);
  return section;
}

/** The chart's words: the claim's own estimate and interval, so chart and sentence agree. */
function chartAlt(claim: Claim, delta: number): string {
  const side = (v: number): string =>
    Math.abs(v) <= delta ? 'no real lean' : v > 0 ? claim.positive : claim.negative;
  const [low, high] = claim.interval;
  return (
    `${claim.negative} on the left, ${claim.positive} on the right, no lean in the middle. ` +
    `Best guess: ${side(claim.estimate)}; 90% likely somewhere from ${side(low)} (${num(low)}) ` +
    `to ${side(high)} (${num(high)}).`
  );
}

function evidenceList(d: DimensionInference, storyTitle: (id: string) => string): HTMLElement {
  if (d.evidence.length === 0)
    return h('p', { class: 'evidence-none' }, 'No choices bear on this yet.');
  const list = h('ol', {
    class: 'evidence',
    'aria-label': `Evidence for ${d.positive} or ${d.negative}`,
  });
  for (const e of d.evidence) {
    const toward = e.direction === '+' ? d.positive : d.negative;
    list.append(
      h(
        'li',
        { 'data-evidence-for': d.id },
        h(
          'a',
          {
            href: `#${eventAnchor(e.eventId)}`,
            class: 'evidence-link',
            'data-event-id': e.eventId,
          },
          `“${e.chosenText}”`,
        ),
        ` in ${storyTitle(e.storyId)}: toward ${toward}, ${percent(e.share)} of what moved it`,
        e.timedOut
          ? h(
              'span',
              { class: 'badge timer-flag' },
              ' the timer chose this, so it counts for little',
            )
          : null,
      ),
    );
  }
  return list;
}

function leanCard(
  claim: Claim,
  d: DimensionInference | undefined,
  delta: number,
  storyTitle: (id: string) => string,
): HTMLElement {
  const headingId = `dim-${claim.id}`;
  const chance = claimChance(claim);
  const timer =
    d && d.timedOutDecisions > 0
      ? `The timer made ${d.timedOutDecisions} of these ${plural(claim.decisions, 'decision')}; they count for little`
      : null;
  return h(
    'article',
    {
      class: 'dimension',
      id: leanAnchor(claim.id),
      'aria-labelledby': headingId,
      'data-dimension': claim.id,
      'data-level': claim.level,
    },
    h('h3', { id: headingId }, `${claim.positive} or ${claim.negative}`),
    h('p', { class: 'dimension-words' }, claimSentence(claim)),
    d
      ? h(
          'div',
          { class: 'dimension-bar' },
          h('span', { class: 'pole pole-negative', 'aria-hidden': 'true' }, d.negative),
          // the claim's model drew the words: its estimate and interval draw the chart
          intervalChart({
            estimate: claim.estimate,
            low: claim.interval[0],
            high: claim.interval[1],
            band: delta,
            negative: d.negative,
            positive: d.positive,
            alt: chartAlt(claim, delta),
          }),
          h('span', { class: 'pole pole-positive', 'aria-hidden': 'true' }, d.positive),
        )
      : null,
    chance || timer
      ? h(
          'p',
          { class: 'dimension-figures' },
          [chance ? capitalise(chance) : null, timer].filter((x) => x !== null).join('. '),
          '.',
        )
      : null,
    d
      ? h(
          'details',
          { class: 'evidence-details' },
          h('summary', {}, `The decisions that moved it most (${d.evidence.length})`),
          evidenceList(d, storyTitle),
        )
      : null,
  );
}

function scaleName(scale: ScaleGroup['scale']): string {
  switch (scale) {
    case 1:
      return 'Timer as written';
    case 2:
      return 'Timer ×2 (more time)';
    case 10:
      return 'Timer ×10';
    case 'off':
      return 'Timer turned off';
    case 'untimed':
      return 'No timer in the story';
  }
}

/** Each time scale apart: ×2 and ×10 give more time, so they never blur the pace as written. */
function scaleList(groups: readonly ScaleGroup[]): HTMLElement | null {
  if (groups.length < 2) return null;
  return h(
    'ul',
    { class: 'speed-scales', 'aria-label': 'Speed by timer setting' },
    ...groups.map((g) =>
      h(
        'li',
        { 'data-scale': String(g.scale) },
        `${scaleName(g.scale)}: ${plural(g.decisions, 'decision')}`,
        g.medianSeconds !== null ? `, median ${g.medianSeconds.toFixed(1)} s` : '',
        g.medianAuthoredSeconds !== null
          ? ` (the story gives ${g.medianAuthoredSeconds.toFixed(0)} s)`
          : '',
        g.timerChose > 0 ? `, the timer chose ${g.timerChose}` : '',
        '.',
      ),
    ),
  );
}

function speedBlock(figures: SpeedFigures): HTMLElement {
  const timed = figures.timed;
  const early = timed > 0 ? figures.decidedEarly / timed : 0;
  const timer = timed > 0 ? figures.timerChose / timed : 0;
  const later = Math.max(0, 1 - early - timer);
  // the sentence itself is in "In short"; here, the split of the timed decisions
  return h(
    'div',
    { class: 'speed' },
    timed > 0
      ? h('p', {}, `How soon you picked, across ${plural(timed, 'timed decision')}:`)
      : h('p', {}, speedSentence(figures)),
    timed > 0
      ? h(
          'div',
          { class: 'speed-bar' },
          shareBar({
            parts: [
              { share: early, className: 'share-early' },
              { share: later, className: 'share-later' },
              { share: timer, className: 'share-timer' },
            ],
            alt: `Of ${plural(timed, 'timed decision')}: ${percent(early)} decided in the first half of the time, ${percent(later)} later, ${percent(timer)} left to the timer.`,
          }),
          h(
            'p',
            { class: 'speed-legend', 'aria-hidden': 'true' },
            h('span', { class: 'key share-early' }),
            ` early ${percent(early)} `,
            h('span', { class: 'key share-later' }),
            ` later ${percent(later)} `,
            h('span', { class: 'key share-timer' }),
            ` timer ${percent(timer)}`,
          ),
        )
      : null,
    scaleList(figures.byScale),
  );
}

/** The model, δ and the figures behind every sentence: for whoever wants them, folded away. */
function howCalculated(
  claims: ProfileClaims,
  result: InferenceResult,
  extra: readonly HTMLElement[],
): HTMLElement {
  const byId = new Map(result.dimensions.map((d) => [d.id, d]));
  const figures = h('dl', { class: 'calc-figures' });
  for (const c of claims.claims) {
    const d = byId.get(c.id);
    figures.append(
      h('dt', {}, `${c.positive} / ${c.negative} (${c.id})`),
      h(
        'dd',
        {},
        `level ${c.level}; estimate ${num(c.estimate)}; 90% interval ${num(c.interval[0])} to ${num(c.interval[1])}; ` +
          `P(beyond δ on the ${c.pole === null ? 'likelier' : c.pole === '-' ? '−' : '+'} side) ${percent(c.probability)}; ` +
          `${c.decisions} decisions, ${c.distinctDecisions} distinct` +
          (d ? `; ${d.timedOutDecisions} by the timer; P(w > 0) ${percent(d.pPositive)}` : ''),
      ),
    );
  }
  return h(
    'details',
    { class: 'how-calculated' },
    h('summary', {}, 'How this is calculated'),
    h(
      'p',
      {},
      'Each decision is compared with the other options offered at that moment; a story’s author tagged ',
      'what each option says about a taste (for example more daring, or more cautious). A model of choice ',
      '(each option’s appeal is your taste weights times its tags; the chance of a pick is a softmax over ',
      'the options) is fitted to all your decisions, with the uncertainty from a Laplace approximation. ',
      `Choices the timer made count ${num(result.timedOutWeight)} of a choice. `,
      'Habits (taking the first option, the option the timer would take, repeating your last pick ',
      'at a decision) are fitted beside the tastes, so a habit is not read as a taste.',
    ),
    h(
      'p',
      {},
      `A weight between −${num(claims.delta)} and +${num(claims.delta)} (δ) is treated as no real lean: `,
      'it would move an even choice by only a few points. A lean is named only by the probability that ',
      `the weight lies beyond δ on one side: “might lean” from ${percent(CLAIM_LEVELS.HINT_FROM)}, `,
      `“likely” from ${percent(CLAIM_LEVELS.LIKELY_FROM)}, “a clear pattern” from ${percent(CLAIM_LEVELS.SURE_FROM)}. `,
      'On each chart the dot is the best guess, the shaded band is where the weight lies with 90% ',
      'probability and the light middle strip is the no-real-lean zone.',
    ),
    h(
      'p',
      {},
      `Counted: ${plural(claims.decisions, 'decision')}, ${claims.distinctDecisions} of them distinct `,
      '(a decision seen again in a replay is the same evidence, not new evidence).',
    ),
    figures,
    ...extra,
  );
}

export interface SuggestionsInput {
  readonly result: InferenceResult;
  readonly claims: ProfileClaims;
  readonly speed: DecisionSpeed;
  readonly storyTitle: (id: string) => string;
  /** more for "How this is calculated" (the order rule, the posters' files) */
  readonly calculation?: readonly HTMLElement[];
}

export function renderSuggestions(input: SuggestionsInput): HTMLElement {
  const { result, claims } = input;
  const byId = new Map(result.dimensions.map((d) => [d.id, d]));
  const section = h(
    'section',
    { class: 'report-suggests', 'aria-labelledby': 'suggests-title' },
    h('h2', { id: 'suggests-title' }, 'What your choices suggest'),
    h(
      'p',
      { class: 'model-note' },
      'A reading of your choices in these stories, not a personality test. ',
      'Deleting a decision below changes it at once.',
    ),
  );
  const leans = spoken(claims.claims);
  if (claims.claims.length === 0) {
    section.append(
      h('p', { class: 'empty' }, 'Nothing to suggest yet: no recorded choice carries a taste tag.'),
    );
  } else {
    // leans first; dimensions with no clear lean yet are folded together, a click away
    const card = (c: Claim): HTMLElement =>
      leanCard(c, byId.get(c.id), claims.delta, input.storyTitle);
    const named = leans.filter((c) => c.level !== 'none');
    const unnamed = leans.filter((c) => c.level === 'none');
    for (const c of named) section.append(card(c));
    if (unnamed.length > 0) {
      section.append(
        h(
          'details',
          { class: 'no-lean', id: NO_LEAN_ANCHOR },
          h(
            'summary',
            {},
            `No clear lean yet (${unnamed.length}): `,
            unnamed.map((c) => dimensionName(c)).join('; '),
          ),
          ...unnamed.map(card),
        ),
      );
    }
    // "In short" already names the silent dimensions when there are leans to speak of
    const silent = leans.length === 0 ? silentNote(claims.claims) : null;
    if (silent) section.append(silent);
  }
  const habits = claims.habits
    .map((x) => ({ x, text: habitSentence(x) }))
    .filter((x): x is { x: (typeof claims.habits)[number]; text: string } => x.text !== null);
  if (habits.length > 0) {
    section.append(
      h('h3', {}, 'Habits, kept apart from taste'),
      h(
        'ul',
        { class: 'habits' },
        ...habits.map(({ x, text }) =>
          h('li', { 'data-habit': x.kind, 'data-flagged': String(x.flagged) }, text),
        ),
      ),
    );
  }
  section.append(
    h('h3', {}, 'How quickly you decide'),
    speedBlock(input.speed.overall),
    howCalculated(claims, result, input.calculation ?? []),
  );
  return section;
}
