// The capture service: the one place events are stamped, checked against pause and incognito,
// appended and announced, and where autosaves follow the same policy. It never rejects: a write
// that fails is reported to its failure listeners and logged, and play goes on.
import type { CaptureEvent, EventDraft, EventType } from '../core/events.ts';
import { SCHEMA_VERSION } from '../core/events.ts';
import type { ProfileStore, SavedPlay, WallClock } from '../core/ports.ts';
import type { RecordingMode, Settings } from '../core/settings.ts';
import { recordingMode } from '../profile/retention.ts';

/** A write that did not go through, in the player's words. */
export interface CaptureFailure {
  readonly what: 'event' | 'save';
  /** the event's type, for an event */
  readonly eventType: EventType | null;
  /** a sentence that says what was not kept and why */
  readonly message: string;
}

export interface CaptureOptions {
  readonly store: ProfileStore;
  readonly clock: WallClock;
  readonly newId: () => string;
  /** the active profile and its settings now: both change when the player switches profile */
  readonly profileId: () => string;
  readonly settings: () => Settings;
}

export interface Capture {
  /** what the settings allow now */
  mode(): RecordingMode;
  /** true since a write failed, until the same kind of write (event or save) succeeds */
  readonly failing: boolean;
  /** the latest failure of each kind of write that is failing now (event first) */
  failures(): readonly CaptureFailure[];
  /** Stamps, appends and announces the event; null when the policy or a failure kept it out. */
  record(draft: EventDraft): Promise<CaptureEvent | null>;
  /** The story's autosave; none is read in incognito play (nor when it cannot be read). */
  getSave(storyId: string): Promise<SavedPlay | null>;
  putSave(save: SavedPlay): Promise<void>;
  clearSave(storyId: string): Promise<void>;
  /** told of each event once it is stored (the ledger, the report); returns an unsubscribe */
  onRecorded(listener: (event: CaptureEvent) => void): () => void;
  /** told the current failures() whenever they change; returns an unsubscribe */
  onFailure(listener: (failures: readonly CaptureFailure[]) => void): () => void;
}

const CHOICE_LOST = 'Your last choice could not be saved';

/** The error's own words: IndexedDB rejects with DOMExceptions, which are not always Errors. */
function reasonOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message, name } = error as { message: unknown; name?: unknown };
    if (typeof message === 'string' && message !== '') return message;
    if (typeof name === 'string' && name !== '') return name;
  }
  return String(error);
}

function whatWasLost(type: EventType): string {
  switch (type) {
    case 'choice.made':
      return CHOICE_LOST;
    case 'decision.rewound':
      return 'Your last rewind could not be recorded';
    case 'session.started':
    case 'session.ended':
    case 'story.ended':
      return 'The start or end of this session could not be recorded';
    case 'settings.changed':
      return 'The change of setting could not be recorded';
    case 'data.deleted':
      return 'The deletion was done, but its record could not be kept';
  }
}

export function createCapture(options: CaptureOptions): Capture {
  const recorded = new Set<(event: CaptureEvent) => void>();
  const failed = new Set<(failures: readonly CaptureFailure[]) => void>();
  // Per kind of write: a save that works says nothing about the choice that was lost, and back.
  const failing: { event: CaptureFailure | null; save: CaptureFailure | null } = {
    event: null,
    save: null,
  };
  const failures = (): CaptureFailure[] =>
    [failing.event, failing.save].filter((f): f is CaptureFailure => f !== null);
  const announce = (): void => {
    const now = failures();
    for (const listener of [...failed]) listener(now);
  };

  const mode = (): RecordingMode => recordingMode(options.settings());
  const succeeded = (what: CaptureFailure['what']): void => {
    if (failing[what] === null) return;
    failing[what] = null;
    announce();
  };
  const fail = (failure: CaptureFailure, error: unknown): void => {
    failing[failure.what] = failure;
    console.warn(`inkreel: ${failure.message}`, error);
    announce();
  };

  return {
    mode,
    get failing() {
      return failures().length > 0;
    },
    failures,
    async record(draft) {
      if (mode() !== 'recording') return null;
      const event: CaptureEvent = {
        ...draft,
        v: SCHEMA_VERSION,
        id: options.newId(),
        profileId: options.profileId(),
        at: options.clock.isoNow(),
      };
      try {
        await options.store.append(event);
      } catch (error) {
        const reason = reasonOf(error);
        fail(
          {
            what: 'event',
            eventType: draft.type,
            message: `${whatWasLost(draft.type)}: ${reason}. Play goes on; it is not in your profile.`,
          },
          error,
        );
        return null;
      }
      succeeded('event');
      for (const listener of [...recorded]) listener(event);
      return event;
    },
    async getSave(storyId) {
      if (mode() === 'incognito') return null;
      try {
        return await options.store.getSave(options.profileId(), storyId);
      } catch (error) {
        console.warn('inkreel: the autosave could not be read; starting from the beginning', error);
        return null;
      }
    },
    async putSave(save) {
      // A pause stops events only: the place in the story is still kept (Settings.recordingPaused).
      if (mode() === 'incognito') return;
      try {
        await options.store.putSave(options.profileId(), save);
      } catch (error) {
        fail(
          {
            what: 'save',
            eventType: null,
            message: `Your place in the story could not be saved: ${reasonOf(error)}. Play goes on; reopening the story may start from an earlier point.`,
          },
          error,
        );
        return;
      }
      succeeded('save');
    },
    async clearSave(storyId) {
      if (mode() === 'incognito') return;
      try {
        await options.store.clearSave(options.profileId(), storyId);
      } catch (error) {
        fail(
          {
            what: 'save',
            eventType: null,
            message: `The story’s saved place could not be cleared: ${reasonOf(error)}. Reopening it may resume where it was.`,
          },
          error,
        );
      }
    },
    onRecorded(listener) {
      recorded.add(listener);
      return () => recorded.delete(listener);
    },
    onFailure(listener) {
      failed.add(listener);
      return () => failed.delete(listener);
    },
  };
}
