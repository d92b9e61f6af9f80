// "Download your data": one ZIP with a cover sheet, the complete re-importable profile.json and
// CSV views of it, including Netflix's InteractiveTitles.csv layout for comparison.
import { systemClock } from '../core/clock.ts';
import { strToU8, zipSync } from 'fflate';
import type { CaptureEvent, EventOf } from '../core/events.ts';
import type { Profile, QuarantinedRecord } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import type { Cell } from './csv.ts';
import { toCsv } from './csv.ts';
import type { InferenceRow } from './inference-rows.ts';
import { INFERENCE_COLUMNS, INFERENCE_COLUMN_DESCRIPTIONS } from './inference-rows.ts';

export const EXPORT_FORMAT = 'inkreel-profile' as const;
export const EXPORT_VERSION = 1 as const;

/** profile.json: everything stored about one profile, in a form import reads back. */
export interface ProfileDocument {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly exportedAt: string;
  readonly profile: Profile;
  readonly settings: Settings | null;
  readonly events: readonly CaptureEvent[];
  readonly quarantined: readonly QuarantinedRecord[];
}

export interface ExportInput {
  readonly profile: Profile;
  readonly events: readonly CaptureEvent[];
  readonly quarantined: readonly QuarantinedRecord[];
  /** `inferenceRows(fitProfile(...))` from inference-rows.ts: the same rows the report explains */
  readonly inferences: readonly InferenceRow[];
  readonly stories: readonly { readonly id: string; readonly title: string }[];
  readonly settings?: Settings | null;
  readonly exportedAt?: Date;
}

export const EXPORT_FILES = [
  'README.txt',
  'profile.json',
  'choices.csv',
  'sessions.csv',
  'inferences.csv',
  'InteractiveTitles.csv',
] as const;

export const CHOICE_COLUMNS = [
  'event_id',
  'session_id',
  'story_id',
  'story_title',
  'story_version',
  'utc_timestamp',
  'decision_id',
  'knot',
  'chosen_index',
  'chosen_text',
  'chosen_taste',
  'options',
  'decision_ms',
  'window_ms',
  'timed_out',
  'input',
] as const;

export const SESSION_COLUMNS = [
  'session_id',
  'story_id',
  'story_title',
  'started_utc',
  'ended_utc',
  'end_reason',
  'ending_path',
  'choices',
  'timed_out_choices',
  'rewinds',
] as const;

export const NETFLIX_COLUMNS = [
  'Profile Name',
  'Title Desc',
  'Selection Type',
  'Choice Segment Id',
  'Has Watched',
  'Source',
  'Utc Timestamp',
] as const;

export function profileDocument(input: ExportInput): ProfileDocument {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: input.exportedAt?.toISOString() ?? systemClock.isoNow(),
    profile: input.profile,
    settings: input.settings ?? null,
    events: input.events,
    quarantined: input.quarantined,
  };
}

/**
 * profile.json's text: the document's fields indented, each record of its lists (the events, the
 * quarantined records) on a line of its own. Still readable and diffable line by line, and far
 * smaller and quicker to write and compress than indenting every field of 100 000 events. Any JSON
 * reader gets the same value as from `JSON.stringify(doc, null, 2)` (the import reads both).
 */
export function profileJson(doc: ProfileDocument): string {
  const fields = Object.entries(doc).flatMap(([key, value]: [string, unknown]) => {
    const name = JSON.stringify(key);
    if (Array.isArray(value) && value.length > 0) {
      const items = value.map((item: unknown) => `    ${JSON.stringify(item) ?? 'null'}`);
      return [`  ${name}: [\n${items.join(',\n')}\n  ]`];
    }
    const text = JSON.stringify(value, null, 2) as string | undefined;
    // undefined (and functions) have no JSON: JSON.stringify leaves such fields out
    return text === undefined ? [] : [`  ${name}: ${text.replace(/\n/g, '\n  ')}`];
  });
  return fields.length === 0 ? '{}' : `{\n${fields.join(',\n')}\n}`;
}

function tasteText(taste: Readonly<Record<string, number>>): string {
  return Object.entries(taste)
    .map(([k, w]) => `${k}${w >= 0 ? '+' : ''}${w}`)
    .join(' ');
}

/** Netflix writes "YYYY-MM-DD HH:MM:SS" in UTC. */
function netflixTime(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}

function choices(events: readonly CaptureEvent[]): EventOf<'choice.made'>[] {
  return events.filter((e): e is EventOf<'choice.made'> => e.type === 'choice.made');
}

export function choicesCsv(input: ExportInput, title: (id: string) => string): string {
  const rows: Cell[][] = choices(input.events).map((e) => {
    const chosen = e.options[e.chosenIndex];
    return [
      e.id,
      e.sessionId,
      e.storyId,
      title(e.storyId),
      e.storyVersion,
      e.at,
      e.decisionId,
      e.knot,
      e.chosenIndex,
      chosen?.text ?? '',
      chosen ? tasteText(chosen.taste) : '',
      e.options.map((o) => o.text).join(' / '),
      e.decisionMs,
      e.windowMs,
      e.timedOut,
      e.input,
    ];
  });
  return toCsv(CHOICE_COLUMNS, rows);
}

export function sessionsCsv(input: ExportInput, title: (id: string) => string): string {
  interface Row {
    storyId: string;
    started: string;
    ended: string;
    reason: string;
    ending: string;
    choices: number;
    timedOut: number;
    rewinds: number;
  }
  const sessions = new Map<string, Row>();
  for (const e of input.events) {
    // settings changes and deletions belong to no story, so to no play session
    if (e.sessionId === '' || e.storyId === '') continue;
    const row = sessions.get(e.sessionId) ?? {
      storyId: e.storyId,
      started: e.at,
      ended: '',
      reason: '',
      ending: '',
      choices: 0,
      timedOut: 0,
      rewinds: 0,
    };
    switch (e.type) {
      case 'session.started':
        row.started = e.at;
        break;
      case 'choice.made':
        row.choices += 1;
        if (e.timedOut) row.timedOut += 1;
        break;
      case 'decision.rewound':
        row.rewinds += 1;
        break;
      case 'story.ended':
        row.ending = e.endingPath;
        break;
      case 'session.ended':
        row.ended = e.at;
        row.reason = e.reason;
        break;
      case 'settings.changed':
      case 'data.deleted':
        break;
    }
    sessions.set(e.sessionId, row);
  }
  const rows: Cell[][] = [...sessions].map(([id, r]) => [
    id,
    r.storyId,
    title(r.storyId),
    r.started,
    r.ended,
    r.reason,
    r.ending,
    r.choices,
    r.timedOut,
    r.rewinds,
  ]);
  return toCsv(SESSION_COLUMNS, rows);
}

export function inferencesCsv(rows: readonly InferenceRow[]): string {
  return toCsv(
    INFERENCE_COLUMNS,
    rows.map((r) => INFERENCE_COLUMNS.map((column): Cell => r[column])),
  );
}

export function interactiveTitlesCsv(input: ExportInput, title: (id: string) => string): string {
  return toCsv(
    NETFLIX_COLUMNS,
    choices(input.events).map((e) => [
      input.profile.name,
      title(e.storyId),
      e.timedOut ? 'DEFAULT' : 'USER_SELECTED',
      `${e.decisionId}#${e.chosenIndex}`,
      'true',
      'inkreel',
      netflixTime(e.at),
    ]),
  );
}

function inferenceColumnsText(): string {
  const width = Math.max(...INFERENCE_COLUMNS.map((c) => c.length)) + 2;
  return INFERENCE_COLUMNS.map(
    (c) => `  ${c.padEnd(width)}${INFERENCE_COLUMN_DESCRIPTIONS[c]}`,
  ).join('\n');
}

export function readme(input: ExportInput, doc: ProfileDocument): string {
  const count = input.events.length;
  return `inkreel: your data, exported ${doc.exportedAt}
=====================================================================

This archive holds everything inkreel stored in this browser for the profile "${input.profile.name}"
(${count} recorded events${input.quarantined.length > 0 ? `, ${input.quarantined.length} unreadable records kept aside` : ''}).
Nothing was ever sent anywhere: inkreel makes no network requests, and this export was made on your device.
Times are UTC. Each CSV's first line names its columns.

profile.json
  The complete profile, and the only file inkreel reads back (Settings > Import).
  format, version    "${EXPORT_FORMAT}", ${EXPORT_VERSION}
  exportedAt         when this file was made
  profile            id, name, createdAt
  settings           timing, recording, auto-deletion, personalisation and display settings (or null)
  events             every recorded event, oldest first. Each has v (schema version), id, profileId,
                     sessionId, storyId, storyVersion (hash of the story as played), at (time) and type:
                       session.started   you opened a story
                       choice.made       a decision: the options offered with their taste tags,
                                         the one taken, how long you took, the time you had,
                                         whether the timer ran out, and how you chose
                       decision.rewound  you went back to an earlier decision or restarted
                       story.ended       you reached an ending
                       session.ended     you left, restarted or finished
                       settings.changed  a setting you changed
                       data.deleted      you (or auto-deletion) deleted data: only the scope and count
  quarantined        records inkreel could not read, exactly as found, with the reason

choices.csv (one row per decision)
  event_id        the event's id in profile.json
  session_id      the play session
  story_id        the story's folder name
  story_title     the story's title
  story_version   hash of the story as played
  utc_timestamp   when you chose (ISO 8601)
  decision_id     where in the story the decision stands (ink path)
  knot            the story section
  chosen_index    which option was taken, counting from 0
  chosen_text     the option's text
  chosen_taste    what the author tagged that option as saying (dimension and weight)
  options         every option offered, separated by " / "
  decision_ms     milliseconds from the options appearing to the pick (paused time excluded)
  window_ms       the time you had, in milliseconds; empty when the decision was untimed
  timed_out       true when the timer chose the default for you
  input           pointer, touch, keyboard, or timer

sessions.csv (one row per play session)
  session_id, story_id, story_title
  started_utc, ended_utc   when the session began and ended (ended is empty if the tab closed first)
  end_reason               ended, left or restarted
  ending_path              the ending reached, if any
  choices                  decisions made
  timed_out_choices        decisions the timer made
  rewinds                  times you went back

inferences.csv (what your choices suggest; one row per taste dimension, empty when no
choice bears on any dimension yet). The claim columns are what the app says: it names a lean
only when the weight is likely to lie beyond a small zone of no practical difference around
zero, not merely on one side of zero, and a decision you replayed counts once there
(distinct_decisions); habits such as always taking the first option are fitted apart from tastes.
${inferenceColumnsText()}

InteractiveTitles.csv (the layout of Netflix's CONTENT_INTERACTION/InteractiveTitles.csv,
so the two can be compared; one row per decision)
  Profile Name       this profile's name
  Title Desc         the story's title
  Selection Type     USER_SELECTED when you picked, DEFAULT when the timer picked
  Choice Segment Id  the decision's ink path and the option taken, as path#index
  Has Watched        always true: the segment was played
  Source             always inkreel
  Utc Timestamp      when the choice was made (YYYY-MM-DD HH:MM:SS, UTC)

Spreadsheet note: text cells starting with = + - @, a tab or a carriage return (after any leading
spaces) are prefixed with ' so they are never run as formulas.
`;
}

/** The export ZIP's bytes. */
export function buildExport(input: ExportInput): Uint8Array {
  const titles = new Map(input.stories.map((s) => [s.id, s.title]));
  const title = (id: string) => titles.get(id) ?? id;
  const doc = profileDocument(input);
  return zipSync({
    'README.txt': strToU8(readme(input, doc)),
    'profile.json': strToU8(profileJson(doc)),
    'choices.csv': strToU8(choicesCsv(input, title)),
    'sessions.csv': strToU8(sessionsCsv(input, title)),
    'inferences.csv': strToU8(inferencesCsv(input.inferences)),
    'InteractiveTitles.csv': strToU8(interactiveTitlesCsv(input, title)),
  });
}
