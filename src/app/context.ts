// What every page of the app is given: the root, the store and capture service, the clock, the
// catalogue, the active profile and its settings, and the factories play needs. main.ts builds one.
import type { CatalogueEntry } from '../core/model.ts';
import type { Clock, Profile, ProfileStore, WallClock } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import type { Capture } from './capture.ts';
import type { PlayDeps, TabState } from './play-session.ts';
import { applyDisplay } from './display.ts';

export interface AppContext {
  readonly root: HTMLElement;
  readonly store: ProfileStore;
  readonly capture: Capture;
  readonly clock: Clock & WallClock;
  readonly newId: () => string;
  readonly catalogue: readonly CatalogueEntry[];
  /** this page load's id: what a settings change is recorded under, as it belongs to no story */
  readonly appSessionId: string;
  readonly tab: TabState;
  readonly play: Pick<PlayDeps, 'createStage' | 'createRuntime' | 'matchMedia' | 'locks'>;
  profile: Profile;
  settings: Settings;
}

export function setState(app: AppContext, state: string): void {
  app.root.dataset.state = state;
}

export function entryFor(app: AppContext, id: string): CatalogueEntry | undefined {
  return app.catalogue.find((e) => e.meta.id === id);
}

/** The active profile, creating "Player 1" on a first visit. */
export async function ensureProfile(store: ProfileStore): Promise<Profile> {
  const profiles = await store.listProfiles();
  const activeId = await store.getActiveProfileId();
  const active = profiles.find((p) => p.id === activeId) ?? profiles[0];
  if (active) {
    if (active.id !== activeId) await store.setActiveProfileId(active.id);
    return active;
  }
  const created = await store.createProfile('Player 1');
  await store.setActiveProfileId(created.id);
  return created;
}

export async function switchTo(app: AppContext, profile: Profile): Promise<void> {
  await app.store.setActiveProfileId(profile.id);
  app.profile = profile;
  app.settings = await app.store.getSettings(profile.id);
  applyDisplay(app.settings);
}

/** The sentence the report and settings show when nothing is being kept; null when all is well. */
export function storageNotice(app: AppContext): string | null {
  if (app.settings.incognito) return 'Incognito play is on: nothing is being stored.';
  if (app.store.kind === 'memory' || (app.store.status && app.store.status.state !== 'ok')) {
    return (
      app.store.status?.message ||
      'Storage is not available: nothing is being kept after this tab closes.'
    );
  }
  return null;
}

/** Changes one setting of the active profile: kept, applied to the page and recorded. */
export async function changeSetting<K extends keyof Settings>(
  app: AppContext,
  key: K,
  value: Settings[K],
): Promise<void> {
  app.settings = { ...app.settings, [key]: value };
  await app.store.putSettings(app.profile.id, app.settings);
  applyDisplay(app.settings);
  const recorded = typeof value === 'object' ? JSON.stringify(value) : value;
  // A setting belongs to no story: it is kept under this page load's session.
  await app.capture.record({
    type: 'settings.changed',
    key,
    value: recorded,
    sessionId: app.appSessionId,
    storyId: '',
    storyVersion: '',
  });
}
