// Data controls over a store: deletions that leave a count behind, and auto-deletion. (Pause and
// incognito are honoured at the single capture point, main.ts's record().)
import type { ProfileStore } from '../core/ports.ts';
import type { DeletionTarget } from '../profile/retention.ts';
import { deletionRecord, selectForDeletion } from '../profile/retention.ts';

export interface ControlOptions {
  readonly now?: () => Date;
  readonly newId?: () => string;
}

/**
 * Deletes what `target` names from the profile and appends one `data.deleted` event with the
 * count. Resolves to how many events were deleted (0 deletes nothing and records nothing).
 */
export async function deleteData(
  store: ProfileStore,
  profileId: string,
  target: DeletionTarget,
  options: ControlOptions = {},
): Promise<number> {
  const ids = selectForDeletion(await store.events(profileId), target);
  if (ids.length === 0) return 0;
  const count = await store.deleteEvents(profileId, ids);
  if (count > 0) {
    const at = (options.now ?? (() => new Date()))();
    const id = (options.newId ?? (() => crypto.randomUUID()))();
    await store.append(deletionRecord(target, count, { profileId, id, at }));
  }
  return count;
}

/** Deletes events older than the profile's retentionDays; does nothing while that is off. */
export async function applyRetention(
  store: ProfileStore,
  profileId: string,
  options: ControlOptions = {},
): Promise<number> {
  const { retentionDays } = await store.getSettings(profileId);
  if (retentionDays === null) return 0;
  const now = (options.now ?? (() => new Date()))();
  return deleteData(store, profileId, { scope: 'expired', days: retentionDays, now }, options);
}
