// The capture schema of DESIGN.md §4: the only things inkreel ever records.
import type { TasteVector } from './directives.ts';

export const SCHEMA_VERSION = 1 as const;

export type InputMethod = 'pointer' | 'touch' | 'keyboard' | 'timer';

interface EventBase {
  readonly v: typeof SCHEMA_VERSION;
  /** unique id (crypto.randomUUID); appends are idempotent by id */
  readonly id: string;
  readonly profileId: string;
  readonly sessionId: string;
  readonly storyId: string;
  /** hash of the compiled story */
  readonly storyVersion: string;
  /** ISO 8601 UTC */
  readonly at: string;
}

export interface OfferedOption {
  readonly text: string;
  readonly taste: TasteVector;
}

export type CaptureEvent =
  | (EventBase & { readonly type: 'session.started' })
  | (EventBase & {
      readonly type: 'choice.made';
      readonly decisionId: string;
      readonly knot: string;
      readonly options: readonly OfferedOption[];
      readonly chosenIndex: number;
      /** ms from the options shown to the pick (paused time excluded) */
      readonly decisionMs: number;
      /** the window the player had in ms; null when untimed */
      readonly windowMs: number | null;
      readonly timedOut: boolean;
      readonly input: InputMethod;
    })
  | (EventBase & {
      readonly type: 'decision.rewound';
      /** the decision returned to, or null for a restart from the beginning */
      readonly toDecisionId: string | null;
      /** how many decisions into the playthrough the player went back to (0 = start) */
      readonly toTurn: number;
      readonly fromTurn: number;
    })
  | (EventBase & {
      readonly type: 'story.ended';
      readonly endingPath: string;
      readonly decisions: number;
    })
  | (EventBase & {
      readonly type: 'session.ended';
      readonly reason: 'ended' | 'left' | 'restarted';
    })
  | (EventBase & {
      readonly type: 'settings.changed';
      readonly key: string;
      readonly value: string | number | boolean | null;
    })
  | (EventBase & {
      /** a deletion, recorded as a count without the deleted content */
      readonly type: 'data.deleted';
      readonly scope: 'event' | 'session' | 'story' | 'all' | 'expired';
      readonly count: number;
    });

export type EventType = CaptureEvent['type'];
export type EventOf<T extends EventType> = Extract<CaptureEvent, { type: T }>;
/** an event before the store has given it its identity fields */
export type EventDraft<T extends EventType = EventType> = T extends EventType
  ? Omit<EventOf<T>, 'v' | 'id' | 'profileId' | 'at'>
  : never;
