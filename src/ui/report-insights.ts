// The report's "What your choices suggest": each taste dimension as a bar with its 90% interval, in
// words, with links to the choices behind it; decision speed; and what the model is and is not.
import type { DimensionInference, InferenceResult } from '../profile/inference.ts';
import type { DecisionSpeed, SpeedFigures } from '../profile/speed.ts';
import { words } from '../profile/describe.ts';
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

function chartAlt(d: DimensionInference): string {
  return (
    `${d.positive} / ${d.negative}: estimate ${num(d.estimate)} ` +
    `(0 is no lean, above 0 toward ${d.positive}, below 0 toward ${d.negative}); ` +
    `90% interval from ${num(d.low90)} to ${num(d.high90)}.`
  );
}

function evidenceList(d: DimensionInference, storyTitle: (id: string) => string): HTMLElement {
  if (d.evidence.length === 0)
    return h('p', { class: 'evidence-none' }, 'No choices bear on this yet.');
  const list = h('ol', {
    class: 'evidence',
    'aria-label': `Evidence for ${d.positive} / ${d.negative}`,
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
        ` in ${storyTitle(e.storyId)}: ${percent(e.share)} of the evidence, toward ${toward}`,
        e.timedOut
          ? h(
              'span',
              { class: 'badge timer-flag' },
              ` the timer chose this; it counts ${num(e.weight)} of a choice`,
            )
          : null,
      ),
    );
  }
  return list;
}

function dimensionCard(d: DimensionInference, storyTitle: (id: string) => string): HTMLElement {
  const headingId = `dim-${d.id}`;
  return h(
    'article',
    { class: 'dimension', 'aria-labelledby': headingId, 'data-dimension': d.id },
    h('h3', { id: headingId }, `${d.positive} / ${d.negative}`),
    h('p', { class: 'dimension-words' }, words(d)),
    h(
      'div',
      { class: 'dimension-bar' },
      h('span', { class: 'pole pole-negative', 'aria-hidden': 'true' }, d.negative),
      intervalChart({
        estimate: d.estimate,
        low: d.low90,
        high: d.high90,
        negative: d.negative,
        positive: d.positive,
        alt: chartAlt(d),
      }),
      h('span', { class: 'pole pole-positive', 'aria-hidden': 'true' }, d.positive),
    ),
    h(
      'p',
      { class: 'dimension-figures' },
      `Chance you lean toward ${d.positive}: ${percent(d.pPositive)}. `,
      `Based on ${d.decisions} choice${d.decisions === 1 ? '' : 's'} whose options differed here`,
      d.timedOutDecisions > 0
        ? `, ${d.timedOutDecisions} of them made by the timer (they count little).`
        : '.',
    ),
    h('h4', {}, 'Evidence: the choices that moved it most'),
    evidenceList(d, storyTitle),
  );
}

function table(result: InferenceResult): HTMLElement {
  const head = h(
    'tr',
    {},
    ...[
      'Dimension',
      'In words',
      'Estimate',
      '90% interval',
      'Chance of leaning to the first pole',
      'Choices (by the timer)',
    ].map((t) => h('th', { scope: 'col' }, t)),
  );
  const body = h('tbody', {});
  for (const d of result.dimensions) {
    body.append(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, `${d.positive} / ${d.negative}`),
        h('td', {}, words(d)),
        h('td', {}, num(d.estimate)),
        h('td', {}, `${num(d.low90)} to ${num(d.high90)}`),
        h('td', {}, percent(d.pPositive)),
        h('td', {}, `${d.decisions} (${d.timedOutDecisions})`),
      ),
    );
  }
  return h(
    'details',
    { class: 'as-table' },
    h('summary', {}, 'The same as a table'),
    h(
      'table',
      { class: 'inference-table' },
      h('caption', {}, 'What your choices suggest, per dimension'),
      h('thead', {}, head),
      body,
    ),
  );
}

function speedBlock(figures: SpeedFigures): HTMLElement {
  const timed = figures.timed;
  const early = timed > 0 ? figures.decidedEarly / timed : 0;
  const timer = timed > 0 ? figures.timerChose / timed : 0;
  const later = Math.max(0, 1 - early - timer);
  const items: HTMLElement[] = [
    h(
      'li',
      {},
      figures.medianMs === null
        ? 'No choices you made yourself yet.'
        : `Median time to choose: ${(figures.medianMs / 1000).toFixed(1)} s (choices the timer made are left out).`,
    ),
  ];
  if (timed > 0) {
    items.push(
      h(
        'li',
        {},
        `Of ${timed} timed choices: ${percent(early)} decided in the first half of the time, ` +
          `${figures.timerChose} left to the timer (${percent(timer)}).`,
      ),
    );
  }
  return h(
    'div',
    { class: 'speed' },
    h('p', {}, figures.summary),
    timed > 0
      ? shareBar({
          parts: [
            { share: early, className: 'share-early' },
            { share: later, className: 'share-later' },
            { share: timer, className: 'share-timer' },
          ],
          alt: `Timed choices: ${percent(early)} early, ${percent(later)} later, ${percent(timer)} by the timer.`,
        })
      : null,
    h('ul', {}, ...items),
  );
}

export interface SuggestionsInput {
  readonly result: InferenceResult;
  readonly speed: DecisionSpeed;
  readonly storyTitle: (id: string) => string;
}

export function renderSuggestions(input: SuggestionsInput): HTMLElement {
  const { result } = input;
  const section = h(
    'section',
    { class: 'report-suggests', 'aria-labelledby': 'suggests-title' },
    h('h2', { id: 'suggests-title' }, 'What your choices suggest'),
    h(
      'p',
      { class: 'model-note' },
      'This is a reading of the choices you made in these stories, not a personality test. ',
      'Each choice is compared with the other options offered at that moment; a story author tagged ',
      'what each option says (for example more daring, or more cautious). The bar’s dot is the best ',
      'estimate and the shaded span is where the true lean lies with 90% probability: with few ',
      'choices the span is wide, and the words say “not sure yet”. ',
      `Choices the timer made count ${num(result.timedOutWeight)} of a choice and are flagged. `,
      'Deleting a choice below changes this at once.',
    ),
  );
  if (result.dimensions.length === 0) {
    section.append(
      h('p', { class: 'empty' }, 'Nothing to suggest yet: no recorded choice carries a taste tag.'),
    );
  } else {
    const shown = result.dimensions.filter((d) => d.decisions > 0);
    const silent = result.dimensions.filter((d) => d.decisions === 0);
    for (const d of shown) section.append(dimensionCard(d, input.storyTitle));
    if (silent.length > 0) {
      section.append(
        h(
          'p',
          { class: 'dimension-silent' },
          'No choices bear on these yet: ',
          silent.map((d) => `${d.positive} / ${d.negative}`).join(', '),
          '.',
        ),
      );
    }
    section.append(table(result));
  }
  section.append(
    h('h3', {}, 'Decision speed'),
    h(
      'p',
      { class: 'model-note' },
      'How quickly you decide is kept apart from taste: it is measured, not inferred.',
    ),
    speedBlock(input.speed.overall),
  );
  return section;
}
