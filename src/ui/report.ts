// The transparency report (#/report): the counts and "In short" (plain sentences from the claims),
// what the choices suggest (with evidence and the maths folded), the controls (export/import,
// deletion), what was recorded (folded, paged, filterable, deletable with a preview), how it is
// used, and the comparison.
import { systemClock } from '../core/clock.ts';
import type { CaptureEvent } from '../core/events.ts';
import type { DimensionDecl, StoryMeta } from '../core/model.ts';
import type { Profile, QuarantinedRecord } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import type { ImportControl, ImportData } from '../profile/import.ts';
import { previewDeletion } from '../profile/inference-preview.ts';
import { profileInference, type ProfileInference } from '../profile/profile-inference.ts';
import { inferenceRows } from '../profile/inference-rows.ts';
import { personalise } from '../profile/personalise.ts';
import type { DeletionTarget } from '../profile/retention.ts';
import { selectForDeletion } from '../profile/retention.ts';
import { decisionSpeed } from '../profile/speed.ts';
import { h } from './dom.ts';
import { renderComparison } from './report-compare.ts';
import { exportFileName, renderControls } from './report-data.ts';
import { eventAnchor, renderGlance, renderSuggestions } from './report-insights.ts';
import type { RecordFilter } from './report-records.ts';
import {
  NO_FILTER,
  RECORDS_PAGE,
  limitToShow,
  matchesFilter,
  renderPreview,
  renderRecords,
} from './report-records.ts';
import { REPORT_TITLE } from './report-loading.ts';
import { renderUsage } from './report-usage.ts';

export interface ReportModel {
  readonly profile: Profile;
  readonly events: readonly CaptureEvent[];
  readonly quarantined: readonly QuarantinedRecord[];
  readonly settings: Settings;
  /** the catalogue's stories, in catalogue order */
  readonly stories: readonly StoryMeta[];
  /** "nothing is being kept" and the like; null while storage is healthy */
  readonly storageNotice: string | null;
}

export interface ReportActions {
  /** deletes through storage/controls.ts deleteData (which leaves a count-only record); resolves to the count */
  readonly deleteData: (target: DeletionTarget) => Promise<number>;
  /**
   * stores a validated import as a new profile (storage/import-apply.ts applyImport); pass
   * `control` on so the report can show progress and cancel
   */
  readonly importProfile: (data: ImportData, control?: ImportControl) => Promise<Profile>;
  readonly switchProfile: (id: string) => Promise<void>;
}

export interface Report {
  readonly root: HTMLElement;
  /** shows new data (after a deletion, another tab's change, a storage fault); keeps filters */
  update(model: ReportModel): void;
}

/** Dimensions of all stories, by id; the first story to declare an id names its poles. */
export function dimensionsOf(stories: readonly StoryMeta[]): DimensionDecl[] {
  const byId = new Map<string, DimensionDecl>();
  for (const s of stories) for (const d of s.dimensions) if (!byId.has(d.id)) byId.set(d.id, d);
  return [...byId.values()];
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

function summary(model: ReportModel): HTMLElement {
  const { events } = model;
  const choices = events.filter((e) => e.type === 'choice.made');
  const points = new Set(
    choices.map((e) => (e.type === 'choice.made' ? `${e.storyId}\u0000${e.decisionId}` : '')),
  ).size;
  const timed = choices.filter((e) => e.type === 'choice.made' && e.timedOut).length;
  const sessions = new Set(events.filter((e) => e.storyId !== '').map((e) => e.sessionId)).size;
  const stories = new Set(events.filter((e) => e.storyId !== '').map((e) => e.storyId)).size;
  const deletions = events.filter((e) => e.type === 'data.deleted');
  const deleted = deletions.reduce((n, e) => n + (e.type === 'data.deleted' ? e.count : 0), 0);
  const notices: HTMLElement[] = [];
  if (model.storageNotice)
    notices.push(h('p', { class: 'notice storage-notice', role: 'status' }, model.storageNotice));
  if (model.settings.incognito)
    notices.push(h('p', { class: 'notice' }, 'Incognito is on: nothing you play now is stored.'));
  else if (model.settings.recordingPaused)
    notices.push(
      h('p', { class: 'notice' }, 'Recording is paused: nothing you play now is recorded.'),
    );
  if (model.quarantined.length > 0)
    notices.push(
      h(
        'p',
        { class: 'notice quarantine-notice' },
        `${plural(model.quarantined.length, 'stored record')} could not be read and ${model.quarantined.length === 1 ? 'was' : 'were'} kept aside. `,
        'They are left untouched, are not used for anything, and are included in the export.',
      ),
    );
  return h(
    'div',
    { class: 'report-summary' },
    h(
      'p',
      { class: 'summary-counts' },
      ...(events.length === 0
        ? [`Profile “${model.profile.name}”: nothing recorded yet. `]
        : [
            `Profile “${model.profile.name}”: ${plural(events.length, 'event')} recorded — `,
            `${plural(choices.length, 'choice')}`,
            points < choices.length ? ` at ${plural(points, 'distinct decision')}` : '',
            timed > 0 ? ` (${timed} by the timer)` : '',
            ` in ${plural(sessions, 'session')} of ${plural(stories, 'story', 'stories')}. `,
          ]),
      'All of it stays in this browser; nothing is sent anywhere.',
    ),
    deletions.length > 0
      ? h(
          'p',
          { class: 'summary-deletions' },
          `You deleted ${plural(deleted, 'item')} in ${plural(deletions.length, 'deletion')}. `,
          'Only these counts remain; what was deleted is gone.',
        )
      : null,
    ...notices,
  );
}

export function createReport(initial: ReportModel, actions: ReportActions): Report {
  const root = h('section', { class: 'report', 'aria-labelledby': 'report-title' });
  let model = initial;
  let filter: RecordFilter = NO_FILTER;
  /** rows of "What was recorded" listed; a new filter starts again from one page */
  let limit = RECORDS_PAGE;
  /** whether the list of recorded events is unfolded (it starts folded, and stays as the player left it) */
  let recordsOpen = false;
  let flash: string | null = null;
  let focusFlash = false;
  let dialogOpen = false;
  let pending = false;
  const importStatus = h('div', { class: 'import-status', role: 'status' });
  const exportStatus = h('div', { class: 'export-status', role: 'status' });

  const dialog = h('dialog', { class: 'confirm-delete', 'aria-labelledby': 'confirm-title' });

  const closeDialog = (): void => {
    if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    else dialog.removeAttribute('open');
    dialogOpen = false;
    if (pending) {
      pending = false;
      render();
    }
  };
  dialog.addEventListener('close', () => {
    if (dialogOpen) closeDialog();
  });

  const askDelete = (target: DeletionTarget, what: string): void => {
    const dims = dimensionsOf(model.stories);
    const ids = selectForDeletion(model.events, target);
    const preview = ids.length > 0 ? previewDeletion(model.events, dims, ids) : null;
    const confirm = h(
      'button',
      { type: 'button', class: 'danger confirm' },
      `Delete ${plural(ids.length, 'event')}`,
    );
    const cancel = h('button', { type: 'button', class: 'cancel' }, 'Keep it');
    const status = h('p', { role: 'status' });
    cancel.addEventListener('click', closeDialog);
    confirm.addEventListener('click', () => {
      confirm.disabled = true;
      cancel.disabled = true;
      status.textContent = 'Deleting…';
      void actions.deleteData(target).then(
        (count) => {
          flash = `Deleted ${plural(count, 'event')}. What your choices suggest has been worked out again without ${count === 1 ? 'it' : 'them'}.`;
          focusFlash = true;
          pending = true;
          closeDialog();
        },
        (error: unknown) => {
          status.textContent = `Nothing was deleted: ${(error as Error).message}`;
          cancel.disabled = false;
        },
      );
    });
    dialog.replaceChildren(
      h('h2', { id: 'confirm-title' }, `Delete ${what}?`),
      h(
        'p',
        {},
        `This removes ${plural(ids.length, 'recorded event')} from this browser for good. `,
        'A note that a deletion happened, with its count only, is kept so you can see it in the report.',
      ),
      h('h3', {}, 'What changes if you delete this'),
      renderPreview(preview),
      status,
      h('p', { class: 'dialog-buttons' }, confirm, ' ', cancel),
    );
    dialogOpen = true;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    cancel.focus();
  };

  // what the log suggests, worked out once per model: a filter, another page of records or a
  // message redraws the report, and on a long log the fit and the claims are its largest cost
  let worked: {
    readonly for: ReportModel;
    readonly result: ProfileInference['result'];
    readonly claims: ProfileInference['claims'];
    readonly speed: ReturnType<typeof decisionSpeed>;
  } | null = null;
  const workOut = (): NonNullable<typeof worked> => {
    if (worked?.for !== model) {
      const dims = dimensionsOf(model.stories);
      worked = {
        for: model,
        // both fits over one reading of the log
        ...profileInference(model.events, dims),
        speed: decisionSpeed(model.events),
      };
    }
    return worked;
  };

  const render = (): void => {
    const { result, claims, speed } = workOut();
    const usage = personalise(model.stories, claims.claims, {
      personalisation: model.settings.personalisation,
      finished: new Set(model.events.flatMap((e) => (e.type === 'story.ended' ? [e.storyId] : []))),
    });
    const titles = new Map(model.stories.map((s) => [s.id, s.title]));
    const storyTitle = (id: string): string => titles.get(id) ?? id;
    // A filter on a story or session that no longer has events would show an empty list.
    if (!model.events.some((e) => matchesFilter(e, filter))) filter = NO_FILTER;
    const flashEl = h('p', { class: 'report-flash', role: 'status', tabindex: -1 }, flash ?? '');
    const controls = renderControls({
      importStatus,
      settings: model.settings,
      hasEvents: model.events.length > 0,
      exportStatus,
      exportInput: () => {
        const now = new Date(systemClock.isoNow());
        return {
          input: {
            profile: model.profile,
            events: model.events,
            quarantined: model.quarantined,
            inferences: inferenceRows(result, claims.claims),
            stories: model.stories.map((s) => ({ id: s.id, title: s.title })),
            settings: model.settings,
            exportedAt: now,
          },
          fileName: exportFileName(model.profile.name, now),
        };
      },
      importProfile: actions.importProfile,
      switchProfile: actions.switchProfile,
      deleteAll: () => askDelete({ scope: 'all' }, 'everything recorded'),
    });
    const used = renderUsage(usage, claims);
    root.replaceChildren(
      h('h1', { id: 'report-title' }, REPORT_TITLE),
      summary(model),
      renderGlance({ claims, speed }),
      h(
        'nav',
        { class: 'report-toc', 'aria-label': 'Report sections' },
        h(
          'ul',
          {},
          ...[
            ['suggests-title', 'What your choices suggest'],
            ['controls-title', 'Your controls'],
            ['records-title', 'What was recorded'],
            ['usage-title', 'How it is used'],
            ['compare-title', 'Side by side'],
          ].map(([id, label]) =>
            h('li', {}, h('a', { href: `#${id}`, class: 'toc-link', 'data-target': id }, label)),
          ),
        ),
      ),
      renderSuggestions({ result, claims, speed, storyTitle, calculation: used.calculation }),
      // the reading, then the controls, then the (folded) records: on a phone the first three
      // come within about three screens
      flashEl,
      controls,
      renderRecords({
        events: model.events,
        storyTitle,
        filter,
        onFilter: (next) => {
          filter = next;
          limit = RECORDS_PAGE;
          flash = null;
          render();
        },
        limit,
        onLimit: (next) => {
          const first = root.querySelectorAll('.event-list li').length;
          limit = next;
          flash = null;
          render();
          // keyboard focus goes on to the first row just added, not back to the page's top
          root.querySelectorAll<HTMLElement>('.event-list li')[first]?.focus();
        },
        onDelete: askDelete,
        open: recordsOpen,
        onToggle: (open) => {
          recordsOpen = open;
        },
      }),
      used.section,
      renderComparison(),
      dialog,
    );
    if (focusFlash) {
      focusFlash = false;
      flashEl.focus();
    }
  };

  // Attribute selector rather than CSS.escape, which not every DOM implementation has.
  const byId = (id: string): HTMLElement | null =>
    root.querySelector<HTMLElement>(`[id="${id.replace(/["\\]/g, '\\$&')}"]`);

  // In-page links (#event-…, #suggests-title) would be read as routes by the hash router, so they
  // scroll and move focus here instead of changing the address.
  root.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link) return;
    const eventId = link.getAttribute('data-event-id');
    const targetId = eventId ? eventAnchor(eventId) : link.getAttribute('data-target');
    if (!targetId) return;
    event.preventDefault();
    if (eventId && !recordsOpen) {
      // the list of recorded events is folded until asked for: an evidence link asks for it
      recordsOpen = true;
      flash = null;
      render();
    }
    let target = byId(targetId);
    if (!target && eventId) {
      // evidence may point at an event filtered out or older than the rows listed: list it
      if (!model.events.some((e) => e.id === eventId && matchesFilter(e, filter))) {
        filter = NO_FILTER;
      }
      const matching = model.events.filter((e) => matchesFilter(e, filter));
      const index = matching.findIndex((e) => e.id === eventId);
      if (index >= 0) limit = limitToShow(matching.length - 1 - index, limit);
      flash = null;
      render();
      target = byId(targetId);
    }
    if (!target) return;
    // a target folded away (a lean with no clear pattern yet) is unfolded first
    if (target instanceof HTMLDetailsElement) target.open = true;
    for (let fold = target.parentElement?.closest('details'); fold;) {
      fold.open = true;
      fold = fold.parentElement?.closest('details') ?? null;
    }
    if (link.getAttribute('data-open') === 'evidence') {
      const details = target.querySelector('details.evidence-details');
      if (details instanceof HTMLDetailsElement) details.open = true;
    }
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    root.querySelectorAll('.event.targeted').forEach((el) => el.classList.remove('targeted'));
    if (eventId) target.classList.add('targeted');
    target.scrollIntoView?.({ block: 'center' });
    target.focus();
  });

  render();
  return {
    root,
    update(next) {
      model = next;
      if (dialogOpen) pending = true;
      else render();
    },
  };
}
