// Interfaces the edges implement: the story runtime, the profile store and the clock.
import type { CaptureEvent } from './events.ts';
import type { Beat, Decision, Line, LookaheadResult, StoryMeta } from './model.ts';
import type { Settings } from './settings.ts';

export interface Clock {
  /** ms, monotonic enough for measuring windows */
  now(): number;
}

/** Wall-clock time, for stamping what is stored (events, saves); core/clock.ts reads the system's. */
export interface WallClock {
  /** the current time as ISO 8601 */
  isoNow(): string;
}

/** Raised when story work produces no output for too long (an endless ink loop). */
export class StoryStalledError extends Error {
  override name = 'StoryStalledError';
}

/**
 * Raised for ink runtime errors, missing EXTERNAL bindings and the like. `lines` holds the text
 * the story produced in this step before it failed, which the player shows before the error.
 */
export class StoryRuntimeError extends Error {
  override name = 'StoryRuntimeError';
  readonly lines: readonly Line[];

  constructor(message: string, lines: readonly Line[] = []) {
    super(message);
    this.lines = lines;
  }
}

export interface StoryRuntime {
  readonly meta: StoryMeta;
  /**
   * Runs the story to its next decision or ending. Work is done in slices so the page stays
   * responsive; rejects with StoryStalledError when no output arrives for too long and with
   * StoryRuntimeError on ink errors.
   */
  next(): Promise<Beat>;
  /** The same, synchronously (Node tools, tests). */
  nextSync(): Beat;
  /** Takes option `index` of the current decision. */
  choose(index: number): void;
  /** The current decision, if the story is waiting on one. */
  readonly decision: Decision | null;
  /** ink state as JSON, for rewind and autosave */
  saveState(): string;
  loadState(state: string): void;
  /** back to the very beginning */
  reset(): void;
  /**
   * Runs each option of the current decision ahead on a copy of the story (its own state,
   * randomness and stub EXTERNALs) to the next decision, to learn which assets to preload.
   * Leaves this runtime untouched. [] when there is no decision.
   */
  lookahead?(): LookaheadResult[];
}

export interface Profile {
  readonly id: string;
  readonly name: string;
  /** ISO 8601 */
  readonly createdAt: string;
}

export interface QuarantinedRecord {
  readonly key: string;
  readonly reason: string;
  /** the raw record as it was found, kept aside untouched */
  readonly raw: unknown;
}

/** Autosave of one story's playthrough on one profile. */
export interface SavedPlay {
  readonly storyId: string;
  readonly storyVersion: string;
  readonly sessionId: string;
  /** ink state after each decision, oldest first: [0] is the state at the first decision */
  readonly snapshots: readonly string[];
  /** text shown so far, for resuming with the transcript */
  readonly transcript: readonly string[];
  readonly savedAt: string;
  /** the transcript with its tags (speaker, CLEAR, backdrop…), same length as `transcript`; optional */
  readonly lines?: readonly Line[];
  /** per decision, same length as `snapshots`: where the transcript stood and what was chosen */
  readonly turns?: readonly SavedTurn[];
  /**
   * ms left in the window of the decision the save stands at, when play was left mid-window (the
   * report or settings opened, the story closed); absent means a fresh window on resume
   */
  readonly remainingMs?: number;
}

/** What a save remembers of one decision besides its ink state. */
export interface SavedTurn {
  readonly decisionId: string;
  /** transcript length when the decision was shown */
  readonly transcriptLength: number;
  /** text of the option taken; null for the decision the save stands at */
  readonly chosenText: string | null;
  readonly timedOut: boolean;
}

export interface ProfileStore {
  /** 'persistent' or 'memory' (after a fallback: nothing is being kept) */
  readonly kind: 'persistent' | 'memory';
  listProfiles(): Promise<Profile[]>;
  createProfile(name: string): Promise<Profile>;
  renameProfile(id: string, name: string): Promise<void>;
  deleteProfile(id: string): Promise<void>;
  getActiveProfileId(): Promise<string | null>;
  setActiveProfileId(id: string): Promise<void>;

  /** Resolves once the event is durable. Idempotent by event id. */
  append(event: CaptureEvent): Promise<void>;
  /** All valid events of the profile, oldest first. */
  events(profileId: string): Promise<CaptureEvent[]>;
  /** Deletes the given events; resolves to how many were deleted. */
  deleteEvents(profileId: string, ids: readonly string[]): Promise<number>;
  /** Records kept aside because they could not be read. */
  quarantined(profileId: string): Promise<QuarantinedRecord[]>;

  getSave(profileId: string, storyId: string): Promise<SavedPlay | null>;
  putSave(profileId: string, save: SavedPlay): Promise<void>;
  clearSave(profileId: string, storyId: string): Promise<void>;

  /** The profile's settings; DEFAULT_SETTINGS (core/settings.ts) merged under what was stored. */
  getSettings(profileId: string): Promise<Settings>;
  putSettings(profileId: string, settings: Settings): Promise<void>;

  /** Current health; absent on stores that cannot fail (treat as 'ok'). */
  readonly status?: StoreStatus;
  /** Called when the status changes (e.g. storage became full). Returns an unsubscribe. */
  onStatusChange?(listener: (status: StoreStatus) => void): () => void;
  /** Called when another tab changed this browser's data, so views can reload. */
  onExternalChange?(listener: (change: ExternalChange) => void): () => void;
}

export interface StoreStatus {
  readonly state: 'ok' | 'unavailable' | 'full';
  /** a sentence for the player, empty when 'ok' */
  readonly message: string;
}

export interface ExternalChange {
  /** the profile whose data changed, or null when profiles or settings changed */
  readonly profileId: string | null;
}
