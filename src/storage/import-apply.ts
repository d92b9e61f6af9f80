// Applying a validated import: it becomes a new profile, all or nothing.
import type { Profile, ProfileStore } from '../core/ports.ts';
import type { ImportData } from '../profile/import.ts';

/**
 * Creates a new profile holding the imported events and settings (the original profile, if it
 * still exists, is left alone). If any write fails, the new profile is removed again and the
 * error rethrown, so a failed import changes nothing.
 */
export async function applyImport(store: ProfileStore, data: ImportData): Promise<Profile> {
  const profile = await store.createProfile(data.profile.name);
  try {
    for (const event of data.events) await store.append({ ...event, profileId: profile.id });
    if (data.settings) await store.putSettings(profile.id, data.settings);
    return profile;
  } catch (error) {
    await store.deleteProfile(profile.id);
    throw error;
  }
}
