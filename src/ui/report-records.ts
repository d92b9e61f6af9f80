// The report's "What was recorded": every event, filterable by story and session, each deletable,
// and the in-page confirmation that previews what a deletion would change before it is made.
import type { CaptureEvent } from '../core/events.ts';
import type { DeletionPreview } from '../profile/inference-preview.ts';
import type { DeletionTarget } from '../profile/retention.ts';
import { h } from './dom.ts';
import { eventAnchor } from './report-insights.ts';

export interface RecordFilter {
  /** a story id, '' for events tied to no story (settings, deletions), null for all */
  readonly story: string | null;
  /** a session id, or null for all */
  readonly session: string | null;
}

export const NO_FILTER: RecordFilter = { story: null, session: null };

/**
 * How many rows the list shows at first and adds per "Show more". A long profile has tens of
 * thousands of events; a row for each made opening the report take over a second, and a page of
 * fifty keeps a phone's scroll short; nobody reads past the newest few without filtering first.
 */
export const RECORDS_PAGE = 50;

/** How many rows to show so that the event at `index` (newest first, 0-based) is among them. */
export function limitToShow(index: number, limit: number): number {
  return index < limit ? limit : Math.ceil((index + 1) / RECORDS_PAGE) * RECORDS_PAGE;
}

export function describeEvent(event: CaptureEvent, title: (id: string) => string): string {
  switch (event.type) {
    case 'choice.made': {
      const chosen = event.options[event.chosenIndex]?.text ?? `option ${event.chosenIndex + 1}`;
      const who = event.timedOut ? 'The timer chose' : 'You chose';
      return `${who} "${chosen}" out of ${event.options.length} in ${title(event.storyId)} (${(event.decisionMs / 1000).toFixed(1)} s)`;
    }
    case 'session.started':
      return `Started playing ${title(event.storyId)}`;
    case 'session.ended':
      return `Stopped playing ${title(event.storyId)} (${event.reason})`;
    case 'story.ended':
      return `Reached an ending of ${title(event.storyId)} after ${event.decisions} decisions`;
    case 'decision.rewound':
      return event.toTurn === 0
        ? `Started ${title(event.storyId)} over`
        : `Went back to decision ${event.toTurn} in ${title(event.storyId)}`;
    case 'settings.changed':
      return `Changed setting ${event.key} to ${String(event.value)}`;
    case 'data.deleted':
      return `Deleted ${event.count} recorded item${event.count === 1 ? '' : 's'} (${scopeWords(event.scope)})`;
  }
}

function scopeWords(
  scope: CaptureEvent & { type: 'data.deleted' } extends { scope: infer S } ? S : never,
): string {
  switch (scope) {
    case 'event':
      return 'one event';
    case 'session':
      return 'a session';
    case 'story':
      return 'a story’s data';
    case 'all':
      return 'everything';
    case 'expired':
      return 'automatic deletion of old events';
  }
}

export function matchesFilter(event: CaptureEvent, filter: RecordFilter): boolean {
  if (filter.story !== null && event.storyId !== filter.story) return false;
  if (filter.session !== null && event.sessionId !== filter.session) return false;
  return true;
}

interface SessionSummary {
  readonly id: string;
  readonly storyId: string;
  readonly startedAt: string;
  events: number;
  choices: number;
}

function sessionsOf(events: readonly CaptureEvent[]): SessionSummary[] {
  const map = new Map<string, SessionSummary>();
  for (const e of events) {
    if (e.storyId === '' || e.sessionId === '') continue;
    let s = map.get(e.sessionId);
    if (!s) {
      s = { id: e.sessionId, storyId: e.storyId, startedAt: e.at, events: 0, choices: 0 };
      map.set(e.sessionId, s);
    }
    s.events++;
    if (e.type === 'choice.made') s.choices++;
  }
  return [...map.values()];
}

function localTime(iso: string): string {
  return new Date(iso).toLocaleString();
}

export interface RecordsInput {
  readonly events: readonly CaptureEvent[];
  readonly storyTitle: (id: string) => string;
  readonly filter: RecordFilter;
  readonly onFilter: (filter: RecordFilter) => void;
  /** how many of the matching events to list, newest first (filters apply to all of them) */
  readonly limit: number;
  /** asks for a longer list (Number.POSITIVE_INFINITY for all) */
  readonly onLimit: (limit: number) => void;
  /** asks for a deletion; the report confirms it in the page first */
  readonly onDelete: (target: DeletionTarget, what: string) => void;
  /** whether the list starts unfolded (default folded) */
  readonly open?: boolean;
  /** told when the player folds or unfolds it */
  readonly onToggle?: (open: boolean) => void;
}

let uid = 0;

export function renderRecords(input: RecordsInput): HTMLElement {
  const { events, filter, storyTitle } = input;
  const n = ++uid;
  const section = h(
    'section',
    { class: 'report-records', 'aria-labelledby': 'records-title' },
    h('h2', { id: 'records-title' }, 'What was recorded'),
    h(
      'p',
      {},
      'Every event inkreel stored for this profile, newest first. Nothing else is kept: no device ',
      'details, no address, no network traffic at all.',
    ),
  );
  if (events.length === 0) {
    section.append(h('p', { class: 'empty' }, 'Nothing yet. Play a story and come back.'));
    return section;
  }

  // Folded until asked for, so the reading above and the controls come first on a phone; it keeps
  // the state the player left it in across re-renders (a filter, a deletion).
  const body = h(
    'details',
    { class: 'records-details' },
    h('summary', {}, `Show all ${events.length} recorded events, to filter or delete them`),
  );
  body.open = input.open ?? false;
  body.addEventListener('toggle', () => input.onToggle?.(body.open));
  const storyIds = [...new Set(events.map((e) => e.storyId))];
  const storySelect = h(
    'select',
    { id: `filter-story-${n}`, name: 'story' },
    h('option', { value: '*' }, 'All stories'),
    ...storyIds.map((id) =>
      h(
        'option',
        { value: id },
        id === '' ? 'Not part of a story (settings, deletions)' : storyTitle(id),
      ),
    ),
  );
  storySelect.value = filter.story ?? '*';
  storySelect.addEventListener('change', () =>
    input.onFilter({ story: storySelect.value === '*' ? null : storySelect.value, session: null }),
  );
  const sessions = sessionsOf(events).filter(
    (s) => filter.story === null || s.storyId === filter.story,
  );
  const sessionSelect = h(
    'select',
    { id: `filter-session-${n}`, name: 'session' },
    h('option', { value: '*' }, 'All sessions'),
    ...sessions.map((s) =>
      h(
        'option',
        { value: s.id },
        `${storyTitle(s.storyId)}, ${localTime(s.startedAt)} (${s.choices} choice${s.choices === 1 ? '' : 's'})`,
      ),
    ),
  );
  sessionSelect.value = filter.session ?? '*';
  sessionSelect.addEventListener('change', () =>
    input.onFilter({
      story: filter.story,
      session: sessionSelect.value === '*' ? null : sessionSelect.value,
    }),
  );
  body.append(
    h(
      'div',
      { class: 'record-filters', role: 'search', 'aria-label': 'Filter recorded events' },
      h('label', { for: storySelect.id }, 'Story '),
      storySelect,
      h('label', { for: sessionSelect.id }, 'Session '),
      sessionSelect,
    ),
  );

  const shown = events.filter((e) => matchesFilter(e, filter));
  const listed = Math.min(shown.length, Math.max(0, input.limit));
  const bulk = h(
    'p',
    { class: 'record-bulk' },
    listed < shown.length
      ? `Showing the newest ${listed} of ${shown.length} matching events (${events.length} in all). `
      : `Showing ${shown.length} of ${events.length} events. `,
  );
  if (filter.session !== null) {
    const session = filter.session;
    bulk.append(
      h(
        'button',
        {
          type: 'button',
          class: 'danger delete-session',
          onclick: () => input.onDelete({ scope: 'session', sessionId: session }, 'this session'),
        },
        `Delete this session (${events.filter((e) => e.sessionId === session).length} events)`,
      ),
    );
  } else if (filter.story !== null && filter.story !== '') {
    const story = filter.story;
    bulk.append(
      h(
        'button',
        {
          type: 'button',
          class: 'danger delete-story',
          onclick: () =>
            input.onDelete(
              { scope: 'story', storyId: story },
              `everything from ${storyTitle(story)}`,
            ),
        },
        `Delete everything from ${storyTitle(story)} (${events.filter((e) => e.storyId === story).length} events)`,
      ),
    );
  }
  body.append(bulk);

  const list = h('ol', { class: 'event-list', 'aria-label': 'Recorded events' });
  for (let i = shown.length - 1; i >= shown.length - listed; i--) {
    const event = shown[i]!;
    const text = describeEvent(event, storyTitle);
    list.append(
      h(
        'li',
        {
          id: eventAnchor(event.id),
          tabindex: -1,
          class: `event event-${event.type.replace('.', '-')}`,
          'data-event-id': event.id,
          'data-type': event.type,
          'data-session-id': event.sessionId,
        },
        h('time', { datetime: event.at }, localTime(event.at)),
        ' ',
        h('span', { class: 'event-text' }, text),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'link-button delete-event',
            'aria-label': `Delete: ${text}`,
            onclick: () => input.onDelete({ scope: 'event', eventId: event.id }, 'this event'),
          },
          'Delete',
        ),
      ),
    );
  }
  body.append(list);
  if (listed < shown.length) {
    const more = Math.min(RECORDS_PAGE, shown.length - listed);
    body.append(
      h(
        'p',
        { class: 'record-more' },
        `${shown.length - listed} older event${shown.length - listed === 1 ? ' is' : 's are'} not listed. `,
        h(
          'button',
          {
            type: 'button',
            class: 'show-more',
            onclick: () => input.onLimit(listed + RECORDS_PAGE),
          },
          `Show ${more} more`,
        ),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'show-all',
            onclick: () => input.onLimit(Number.POSITIVE_INFINITY),
          },
          `Show all ${shown.length}`,
        ),
      ),
    );
  }
  section.append(body);
  return section;
}

function fixed(x: number): string {
  const r = Math.round(x * 100) / 100;
  return (Object.is(r, -0) ? 0 : r).toFixed(2);
}

/** "What changes if you delete this", as a list a person can read before deciding. */
export function renderPreview(preview: DeletionPreview | null): HTMLElement {
  if (!preview || preview.removed.length === 0) {
    return h('p', { class: 'preview-none' }, 'Nothing is left to delete here.');
  }
  const changed = preview.changes.filter(
    (c) => c.decisionsRemoved > 0 || c.wordsChange || Math.abs(c.delta) >= 0.005,
  );
  if (changed.length === 0) {
    return h(
      'p',
      { class: 'preview-none' },
      'What your choices suggest would not change: none of these events is a choice with a taste.',
    );
  }
  return h(
    'ul',
    { class: 'preview-changes', 'aria-label': 'What would change' },
    ...changed.map((c) =>
      h(
        'li',
        { 'data-dimension': c.id },
        h('strong', {}, `${c.positive} / ${c.negative}: `),
        c.wordsChange
          ? `“${c.wordsBefore}” would become “${c.wordsAfter}”`
          : `still “${c.wordsAfter}”`,
        ` (estimate ${fixed(c.before?.estimate ?? 0)} → ${fixed(c.after?.estimate ?? 0)}; `,
        `${c.decisionsRemoved} choice${c.decisionsRemoved === 1 ? '' : 's'} fewer).`,
      ),
    ),
  );
}
