// The report's side-by-side: what a streaming service's data download holds, against what inkreel keeps.
import { h } from './dom.ts';

interface Row {
  readonly what: string;
  readonly service: string;
  readonly inkreel: string;
}

/**
 * The service column describes the categories such downloads are documented to contain (Netflix's
 * "Download your personal information" is the best-known example); it says nothing about how a
 * service models people internally, which no download shows.
 */
const ROWS: readonly Row[] = [
  {
    what: 'Who you are',
    service:
      'Account details: name, email address, phone number, country, plan and billing history.',
    inkreel: 'Only the profile name you typed. There is no account.',
  },
  {
    what: 'Your devices',
    service: 'The devices and apps used to watch, with device types and when each was last used.',
    inkreel: 'Nothing about your device.',
  },
  {
    what: 'Where you are',
    service:
      'IP addresses used, with the approximate location (country, region) derived from them.',
    inkreel: 'Nothing. inkreel makes no network requests, so it never sees an IP address.',
  },
  {
    what: 'What you watched',
    service: 'Viewing history: each title, when, for how long, and on which device and profile.',
    inkreel: 'When you started and stopped a story, endings reached, and rewinds.',
  },
  {
    what: 'Interactive choices',
    service:
      'For interactive titles a file such as InteractiveTitles.csv: the title, the choice segment, whether you or the default picked, and the time.',
    inkreel:
      'Each choice: the options offered with their taste tags, the one taken, how long you took, the time you had, whether the timer chose, and whether you used a mouse, touch or keys.',
  },
  {
    what: 'What it concludes about you',
    service:
      'Services say they use viewing and interaction history to pick rows, rankings and artwork, and describe grouping viewers into taste clusters. Those inferred segments are generally not in the download.',
    inkreel:
      'Every estimate, how sure it is, and the choices it rests on are on this page and in inferences.csv. The only use is the home screen, explained above.',
  },
  {
    what: 'Where it is kept',
    service: 'On the service’s servers.',
    inkreel: 'In this browser only (IndexedDB on this device). Clearing site data removes it.',
  },
  {
    what: 'Deleting it',
    service: 'Usually by request, or by closing the account.',
    inkreel:
      'Here, at once: one event, one session, one story, or everything; or automatically after a number of days.',
  },
];

export function renderComparison(): HTMLElement {
  const body = h('tbody', {});
  for (const row of ROWS) {
    body.append(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, row.what),
        // the column's name, shown before each cell when the table is stacked on a phone
        h('td', { 'data-label': 'A streaming service' }, row.service),
        h('td', { 'data-label': 'inkreel' }, row.inkreel),
      ),
    );
  }
  return h(
    'section',
    { class: 'report-compare', 'aria-labelledby': 'compare-title' },
    h('h2', { id: 'compare-title' }, 'Side by side: a streaming service and inkreel'),
    h(
      'p',
      {},
      'What a streaming service’s “download your data” file holds, against everything inkreel stores ',
      '(the event types listed under “What was recorded”, and nothing else).',
    ),
    // folded: a long table, last on the page, for whoever wants the detail
    h(
      'details',
      { class: 'compare-details' },
      h('summary', {}, `Compare them, row by row (${ROWS.length} kinds of data)`),
      h(
        'table',
        { class: 'compare-table' },
        h('caption', {}, 'What is held about you'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Kind of data'),
            h('th', { scope: 'col' }, 'A streaming service’s data download'),
            h('th', { scope: 'col' }, 'inkreel'),
          ),
        ),
        body,
      ),
    ),
  );
}
