// Applying a validated import: it becomes a new profile, all or nothing, even across a closed tab.
import { systemClock } from '../core/clock.ts';
import type { Profile, ProfileStore } from '../core/ports.ts';
import type { ImportControl, ImportData } from '../profile/import.ts';
import type { ImportStaging } from './kv-store.ts';

/** Events per write: one transaction each, small enough that a batch never holds the page up. */
export const IMPORT_BATCH = 2000;

/** The name of the Web Lock an import holds while it is written; start-up leaves those alone. */
export function importLockName(profileId: string): string {
  return `inkreel-import:${profileId}`;
}

/** Profile ids of imports another tab (or this one) is writing now, from the Web Locks held. */
export async function liveImports(): Promise<Set<string>> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return new Set();
  const { held = [] } = await locks.query();
  const prefix = importLockName('');
  return new Set(
    held
      .map((lock) => lock.name ?? '')
      .filter((name) => name.startsWith(prefix))
      .map((name) => name.slice(prefix.length)),
  );
}

/**
 * Start-up: removes what unfinished imports left (a marker with no live lock) and resolves to
 * the ids of imports still being written, which nothing else may touch.
 */
export async function settleImports(
  staging: ImportStaging,
  live: () => Promise<Set<string>> = liveImports,
): Promise<Set<string>> {
  const pending = await staging.pending();
  if (pending.length === 0) return new Set();
  const alive = await live();
  const writing = new Set<string>();
  for (const id of pending) {
    if (alive.has(id)) writing.add(id);
    else await staging.discard(id);
  }
  return writing;
}

/** Runs `work` holding a Web Lock, so other tabs can tell this import is alive. */
function holdingLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return work();
  return locks.request(name, work);
}

function cancelled(): Error {
  return new DOMException('The import was cancelled; nothing was imported.', 'AbortError');
}

/**
 * Writes the import's events in batches where no profile list shows them, then switches them in
 * with one final write (the profile record). A failure, a cancel or a closed tab before that
 * write leaves no profile; what was written is removed (at once, or at the next start-up).
 */
export async function applyImport(
  store: ProfileStore & { readonly staging?: ImportStaging },
  data: ImportData,
  control: ImportControl = {},
): Promise<Profile> {
  const { staging } = store;
  if (!staging) return applyWithoutStaging(store, data);
  const profile: Profile = {
    id: crypto.randomUUID(),
    name: data.profile.name,
    createdAt: systemClock.isoNow(),
  };
  const total = data.events.length;
  return holdingLock(importLockName(profile.id), async () => {
    await staging.begin(profile.id);
    try {
      control.onProgress?.(0, total);
      for (let at = 0; at < total; at += IMPORT_BATCH) {
        if (control.signal?.aborted) throw cancelled();
        await staging.write(profile.id, data.events.slice(at, at + IMPORT_BATCH));
        control.onProgress?.(Math.min(at + IMPORT_BATCH, total), total);
      }
      if (control.signal?.aborted) throw cancelled();
      await staging.commit(profile, data.settings);
      return profile;
    } catch (error) {
      // if even the clean-up fails, the marker stays and the next start-up removes the rest
      await staging.discard(profile.id).catch(() => undefined);
      throw error;
    }
  });
}

/** Stores without staging (a store that has none): a failure removes the new profile again. */
async function applyWithoutStaging(store: ProfileStore, data: ImportData): Promise<Profile> {
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
