// Data controls over a store: deletions and auto-deletion. The count-only record a deletion leaves
// is returned, not appended: the capture service (app/capture.ts) stamps and keeps it.
import type { EventDraft } from '../core/events.ts';
import type { ProfileStore } from '../core/ports.ts';
import type { DeletionTarget } from '../profile/retention.ts';
import { deletionDraft, selectForDeletion } from '../profile/retention.ts';

export interface Deletion {
  /** how many events were deleted */
  readonly count: number;
  /** the record to keep of it; null when nothing was deleted */
  readonly record: EventDraft<'data.deleted'> | null;
}

/** Deletes what `target` names from the profile. */
export async function deleteData(
  store: ProfileStore,
  profileId: string,
  target: DeletionTarget,
): Promise<Deletion> {
  const ids = selectForDeletion(await store.events(profileId), target);
  if (ids.length === 0) return { count: 0, record: null };
  const count = await store.deleteEvents(profileId, ids);
  return { count, record: count > 0 ? deletionDraft(target, count) : null };
}

/** Deletes events older than the profile's retentionDays; does nothing while that is off. */
export async function applyRetention(
  store: ProfileStore,
  profileId: string,
  now: Date,
): Promise<Deletion> {
  const { retentionDays } = await store.getSettings(profileId);
  if (retentionDays === null) return { count: 0, record: null };
  return deleteData(store, profileId, { scope: 'expired', days: retentionDays, now });
}
