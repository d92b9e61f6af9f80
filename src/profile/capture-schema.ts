// Runtime schemas (valibot) of everything inkreel persists: events of DESIGN.md §4, profiles,
// settings and autosaves. Restore and import both validate through these, never by hand.
import * as v from 'valibot';
import type { CaptureEvent } from '../core/events.ts';
import { SCHEMA_VERSION } from '../core/events.ts';
import type { Directive } from '../core/directives.ts';
import type { Profile, SavedPlay } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import { RESERVED_DIMENSION_IDS } from '../core/tags.ts';

const finite = v.pipe(v.number(), v.finite());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const nonEmpty = v.pipe(v.string(), v.minLength(1));
/** any string Date can read: the ISO 8601 UTC of `toISOString()` and older variants */
const timestamp = v.pipe(
  v.string(),
  v.check((s) => Number.isFinite(Date.parse(s)), 'is not a date'),
);

// valibot's record drops these keys without a word; refuse them so an import never loses a taste
const tasteSchema = v.pipe(
  v.custom<unknown>(
    (x) =>
      typeof x !== 'object' ||
      x === null ||
      !Object.keys(x).some((k) => RESERVED_DIMENSION_IDS.has(k)),
    'names a reserved dimension id (like "__proto__" or "constructor"), which no story can declare',
  ),
  v.record(v.string(), finite),
);

const base = {
  v: v.literal(SCHEMA_VERSION),
  id: nonEmpty,
  profileId: nonEmpty,
  sessionId: v.string(),
  storyId: v.string(),
  storyVersion: v.string(),
  at: timestamp,
};

export const captureEventSchema = v.variant('type', [
  v.strictObject({ ...base, type: v.literal('session.started') }),
  v.strictObject({
    ...base,
    type: v.literal('choice.made'),
    decisionId: v.string(),
    knot: v.string(),
    options: v.array(v.strictObject({ text: v.string(), taste: tasteSchema })),
    chosenIndex: count,
    decisionMs: v.pipe(finite, v.minValue(0)),
    windowMs: v.nullable(v.pipe(finite, v.minValue(0))),
    timedOut: v.boolean(),
    input: v.picklist(['pointer', 'touch', 'keyboard', 'timer']),
  }),
  v.strictObject({
    ...base,
    type: v.literal('decision.rewound'),
    toDecisionId: v.nullable(v.string()),
    toTurn: count,
    fromTurn: count,
  }),
  v.strictObject({
    ...base,
    type: v.literal('story.ended'),
    endingPath: v.string(),
    decisions: count,
  }),
  v.strictObject({
    ...base,
    type: v.literal('session.ended'),
    reason: v.picklist(['ended', 'left', 'restarted']),
  }),
  v.strictObject({
    ...base,
    type: v.literal('settings.changed'),
    key: v.string(),
    value: v.nullable(v.union([v.string(), finite, v.boolean()])),
  }),
  v.strictObject({
    ...base,
    type: v.literal('data.deleted'),
    scope: v.picklist(['event', 'session', 'story', 'all', 'expired']),
    count,
  }),
]);

export const profileSchema = v.strictObject({
  id: nonEmpty,
  name: v.string(),
  createdAt: timestamp,
});

const volume = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

export const settingsSchema = v.strictObject({
  timeScale: v.union([v.literal(1), v.literal(2), v.literal(10), v.literal('off')]),
  recordingPaused: v.boolean(),
  incognito: v.boolean(),
  retentionDays: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  personalisation: v.boolean(),
  reducedMotion: v.nullable(v.boolean()),
  theme: v.picklist(['system', 'light', 'dark']),
  // added with issue 13: settings stored before then lack them and take the defaults
  textSpeed: v.optional(v.picklist(['slow', 'normal', 'fast', 'instant']), 'normal'),
  autoplay: v.optional(v.boolean(), false),
  // added with issue 14 (sound): older settings take the defaults
  soundMuted: v.optional(v.boolean(), false),
  masterVolume: v.optional(volume, 0.7),
  musicVolume: v.optional(volume, 0.5),
  effectsVolume: v.optional(volume, 0.6),
});

export const savedPlaySchema = v.strictObject({
  storyId: v.string(),
  storyVersion: v.string(),
  sessionId: v.string(),
  snapshots: v.array(v.string()),
  transcript: v.array(v.string()),
  savedAt: timestamp,
  // Lines keep their tags so a resumed story shows its speakers and scenes; the directives are
  // re-derived data, checked for shape only.
  lines: v.optional(
    v.array(
      v.strictObject({
        text: v.string(),
        tags: v.array(v.string()),
        directives: v.array(
          v.custom<Directive>((d) => typeof d === 'object' && d !== null && 'kind' in d),
        ),
      }),
    ),
  ),
  turns: v.optional(
    v.array(
      v.strictObject({
        decisionId: v.string(),
        transcriptLength: v.pipe(v.number(), v.integer(), v.minValue(0)),
        chosenText: v.nullable(v.string()),
        timedOut: v.boolean(),
      }),
    ),
  ),
  remainingMs: v.optional(v.pipe(v.number(), v.minValue(0))),
});

/** One valibot issue as a person reads it: `options.0.taste.risk: Invalid type: …`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], prefix = ''): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = v.getDotPath(issue);
      const where = [prefix, path].filter((p) => p !== null && p !== '').join('.');
      return `${where === '' ? '(root)' : where}: ${issue.message}`;
    })
    .join('; ')
    .concat(issues.length > 5 ? `; and ${issues.length - 5} more` : '');
}

// Compile-time guards: a schema that drifts from the core types fails the typecheck.
type Assert<T extends true> = T;
type _EventsMatch = Assert<
  v.InferOutput<typeof captureEventSchema> extends CaptureEvent ? true : false
>;
type _ProfileMatches = Assert<v.InferOutput<typeof profileSchema> extends Profile ? true : false>;
type _SettingsMatch = Assert<v.InferOutput<typeof settingsSchema> extends Settings ? true : false>;
type _SavesMatch = Assert<v.InferOutput<typeof savedPlaySchema> extends SavedPlay ? true : false>;
