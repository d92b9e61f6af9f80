// Data controls as pure decisions: what recording is allowed, which events a deletion removes,
// and the count-only record a deletion leaves behind.
import type { CaptureEvent, EventDraft } from '../core/events.ts';
import type { RecordingMode, Settings } from '../core/settings.ts';

export function recordingMode(
  settings: Pick<Settings, 'incognito' | 'recordingPaused'>,
): RecordingMode {
  if (settings.incognito) return 'incognito';
  return settings.recordingPaused ? 'paused' : 'recording';
}

/** What a player can ask to delete (DESIGN.md §4 controls). */
export type DeletionTarget =
  | { readonly scope: 'event'; readonly eventId: string }
  | { readonly scope: 'session'; readonly sessionId: string }
  | { readonly scope: 'story'; readonly storyId: string }
  | { readonly scope: 'all' }
  /** events older than `days` days before `now` */
  | { readonly scope: 'expired'; readonly days: number; readonly now: Date };

const DAY_MS = 86_400_000;

export function selectForDeletion(
  events: readonly CaptureEvent[],
  target: DeletionTarget,
): string[] {
  const match = ((): ((e: CaptureEvent) => boolean) => {
    switch (target.scope) {
      case 'event':
        return (e) => e.id === target.eventId;
      case 'session':
        return (e) => e.sessionId === target.sessionId;
      case 'story':
        return (e) => e.storyId === target.storyId;
      case 'all':
        return () => true;
      case 'expired': {
        const cutoff = target.now.getTime() - target.days * DAY_MS;
        return (e) => Date.parse(e.at) < cutoff;
      }
    }
  })();
  return events.filter(match).map((e) => e.id);
}

/** The record a deletion leaves: its scope and count, never what was deleted. */
export function deletionDraft(target: DeletionTarget, count: number): EventDraft<'data.deleted'> {
  return {
    // Only the session or story named by the request itself; nothing from the deleted events.
    sessionId: target.scope === 'session' ? target.sessionId : '',
    storyId: target.scope === 'story' ? target.storyId : '',
    storyVersion: '',
    type: 'data.deleted',
    scope: target.scope,
    count,
  };
}
