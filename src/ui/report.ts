// The transparency report (#/report): what was recorded, and the control to delete it.
import type { CaptureEvent } from '../core/events.ts';
import { h } from './dom.ts';

export interface ReportModel {
  readonly profileName: string;
  readonly events: readonly CaptureEvent[];
  readonly quarantinedCount: number;
  readonly storageNotice: string | null;
  readonly storyTitle: (storyId: string) => string;
}

export interface ReportActions {
  readonly deleteAll: () => Promise<void>;
}

/** Sections other modules build (ui/report-insights.ts: what it suggests, how it is used, the
 * comparison with a streaming service), placed around the record of events. */
export interface ReportSlots {
  /** after the summary, before "What was recorded" */
  readonly before?: readonly HTMLElement[];
  /** after the controls */
  readonly after?: readonly HTMLElement[];
}

function describe(event: CaptureEvent, title: (id: string) => string): string {
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
      return `Deleted ${event.count} recorded item${event.count === 1 ? '' : 's'} (${event.scope})`;
  }
}

export function renderReport(
  model: ReportModel,
  actions: ReportActions,
  slots: ReportSlots = {},
): HTMLElement {
  const choices = model.events.filter((e) => e.type === 'choice.made').length;
  const rows = h('ol', { class: 'event-list', 'aria-label': 'Recorded events' });
  for (const event of [...model.events].reverse()) {
    rows.append(
      h(
        'li',
        {
          class: `event event-${event.type.replace('.', '-')}`,
          'data-event-id': event.id,
          'data-type': event.type,
        },
        h('time', { datetime: event.at }, new Date(event.at).toLocaleString()),
        ' ',
        h('span', {}, describe(event, model.storyTitle)),
      ),
    );
  }
  const deleteButton = h(
    'button',
    { type: 'button', class: 'danger delete-all' },
    'Delete everything recorded',
  );
  deleteButton.addEventListener('click', () => {
    if (!confirm('Delete every recorded event of this profile? This cannot be undone.')) return;
    deleteButton.disabled = true;
    void actions.deleteAll();
  });
  return h(
    'section',
    { class: 'report', 'aria-labelledby': 'report-title' },
    h('h1', { id: 'report-title' }, 'What your choices recorded'),
    h(
      'p',
      {},
      `Profile ${model.profileName}: ${model.events.length} events, ${choices} of them choices. `,
      'All of it stays in this browser; nothing is sent anywhere.',
    ),
    model.storageNotice ? h('p', { class: 'notice', role: 'status' }, model.storageNotice) : null,
    model.quarantinedCount > 0
      ? h(
          'p',
          { class: 'notice' },
          `${model.quarantinedCount} stored records could not be read and were kept aside.`,
        )
      : null,
    ...(slots.before ?? []),
    h('h2', {}, 'What was recorded'),
    model.events.length === 0
      ? h('p', { class: 'empty' }, 'Nothing yet. Play a story and come back.')
      : rows,
    h('h2', {}, 'Controls'),
    h('p', {}, deleteButton),
    ...(slots.after ?? []),
  );
}
