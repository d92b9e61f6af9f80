// Mounts a play session in jsdom with the memory store, a scripted runtime and a fake stage, and
// counts every store call, so privacy tests can say exactly what was read and written.
import { vi } from 'vitest';
import { createCapture, type Capture } from '../../src/app/capture.ts';
import { mountPlay, type PlayDeps, type PlayStage } from '../../src/app/play-session.ts';
import type { CatalogueEntry } from '../../src/core/model.ts';
import type { Profile, ProfileStore } from '../../src/core/ports.ts';
import type { StageOptions } from '../../src/render/stage.ts';
import type { PlayView } from '../../src/core/view.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import { FakeRuntime, type FakeScript } from '../player/fake-runtime.ts';

/** Two untimed decisions, then an ending: a whole playthrough is two clicks. */
export const shortStory: FakeScript = {
  start: {
    lines: ['You wake.'],
    decision: {
      id: 'start.0',
      timerSeconds: null,
      options: [
        { text: 'Get up', next: 'hall', taste: { risk: 1 } },
        { text: 'Sleep on', next: 'hall', taste: { risk: -1 } },
      ],
    },
  },
  hall: {
    lines: ['The hall.'],
    decision: {
      id: 'hall.0',
      timerSeconds: null,
      options: [
        { text: 'Out', next: 'end' },
        { text: 'Back', next: 'end' },
      ],
    },
  },
  end: { lines: ['The end.'], endPath: 'end' },
};

export type StoreCall = 'append' | 'getSave' | 'putSave' | 'clearSave';

/** A store whose calls are counted; `fail` makes the named writes reject from then on. */
export interface CountingStore {
  readonly store: ProfileStore;
  readonly calls: StoreCall[];
  fail: Partial<Record<StoreCall, Error>>;
}

export function countingStore(inner: ProfileStore = createMemoryProfileStore()): CountingStore {
  const counting: CountingStore = {
    calls: [],
    fail: {},
    store: {
      ...inner,
      // stands in for IndexedDB: a 'memory' store would rightly be labelled as keeping nothing
      kind: 'persistent',
      listProfiles: () => inner.listProfiles(),
      events: (id) => inner.events(id),
      append: (event) => {
        counting.calls.push('append');
        const error = counting.fail.append;
        return error ? Promise.reject(error) : inner.append(event);
      },
      getSave: (profileId, storyId) => {
        counting.calls.push('getSave');
        return inner.getSave(profileId, storyId);
      },
      putSave: (profileId, save) => {
        counting.calls.push('putSave');
        const error = counting.fail.putSave;
        return error ? Promise.reject(error) : inner.putSave(profileId, save);
      },
      clearSave: (profileId, storyId) => {
        counting.calls.push('clearSave');
        return inner.clearSave(profileId, storyId);
      },
    },
  };
  return counting;
}

export const profile: Profile = { id: 'p1', name: 'Ada', createdAt: '2026-01-01T00:00:00.000Z' };

function fakeMedia(): MediaQueryList {
  return {
    matches: false,
    media: '',
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  };
}

/**
 * A stage that draws nothing and shows each view's text whole at once: it reports every line read
 * (as a stage with instant text would), so the player's choices rise.
 */
export function fakeStage(): PlayStage & {
  readonly updates: number;
  /** the views the stage was given, in order */
  readonly views: readonly PlayView[];
  bind(options: StageOptions): void;
} {
  let updates = 0;
  const views: PlayView[] = [];
  let options: StageOptions | null = null;
  return {
    get updates() {
      return updates;
    },
    views,
    bind(o) {
      options = o;
    },
    update: (view) => {
      updates += 1;
      views.push(view);
      const through = view.lines.at(-1)?.id ?? null;
      options?.onReveal?.({ busy: false, through, more: false, pageChars: 0 });
    },
    preload: () => Promise.resolve(),
    setTheme: () => undefined,
    setReducedMotion: () => undefined,
    setTextSpeed: () => undefined,
    completeReveal: () => false,
    advance: () => false,
    destroy: () => undefined,
  };
}

export interface Mounted {
  readonly root: HTMLElement;
  /** the settings as the play session last kept them */
  readonly settings: () => Settings;
  readonly capture: Capture;
  readonly runtime: FakeRuntime;
  readonly stage: ReturnType<typeof fakeStage>;
  teardown: () => void;
}

export interface MountOptions {
  readonly settings?: Partial<Settings>;
  readonly locks?: LockManager;
  readonly script?: FakeScript;
  /** makes keeping a setting fail with this error */
  readonly settingsFail?: Error;
  /** the story's JSON loads only once this resolves */
  readonly loadGate?: Promise<void>;
  /** the stage is ready only once this resolves (null: it cannot be made) */
  readonly stageGate?: Promise<'ready' | null>;
}

/** Mounts one play of the short story on `store`, with ids and times that count up. */
export async function mount(store: ProfileStore, options: MountOptions = {}): Promise<Mounted> {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  let ids = 0;
  let seconds = 0;
  const newId = (): string => `id-${++ids}`;
  const capture = createCapture({
    store,
    clock: { isoNow: () => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds++)).toISOString() },
    newId,
    profileId: () => profile.id,
    settings: () => settings,
  });
  const runtime = new FakeRuntime(options.script ?? shortStory, { id: 'short', version: 'v1' });
  const entry: CatalogueEntry = {
    meta: runtime.meta,
    load: () => (options.loadGate ?? Promise.resolve()).then(() => '{}'),
    assets: {},
  };
  const root = document.createElement('div');
  document.body.append(root);
  const stage = fakeStage();
  const deps: PlayDeps = {
    root,
    entry,
    capture,
    storage: store,
    profile,
    settings,
    clock: { now: () => performance.now() },
    newId,
    tab: { soundMuted: false },
    createStage: async (_host, stageOptions) => {
      if ((await options.stageGate) === null) throw new Error('no canvas here');
      stage.bind(stageOptions);
      return stage;
    },
    createRuntime: () => runtime,
    matchMedia: () => fakeMedia(),
    locks: options.locks,
    restoreDisplay: () => undefined,
    // as the app does (app/context.ts changeSetting): kept in the store, then recorded
    changeSetting: async (key, value) => {
      if (options.settingsFail) throw options.settingsFail;
      settings = { ...settings, [key]: value };
      await store.putSettings(profile.id, settings);
      await capture.record({
        type: 'settings.changed',
        key,
        value: typeof value === 'object' ? JSON.stringify(value) : value,
        sessionId: 'app-session',
        storyId: '',
        storyVersion: '',
      });
    },
  };
  const teardown = await mountPlay(deps);
  return { root, capture, runtime, stage, teardown, settings: () => settings };
}

export async function waitForState(root: HTMLElement, state: string): Promise<void> {
  await vi.waitFor(() => {
    if (root.dataset.state !== state) throw new Error(`state is ${root.dataset.state ?? '?'}`);
  });
}

/** Clicks option `index` of the decision on screen (waiting for it), as a player would. */
export async function pick(root: HTMLElement, index: number): Promise<void> {
  await waitForState(root, 'choosing');
  const group = root.querySelector('[role="group"][aria-label="Choices"]');
  const before = group?.textContent ?? '';
  const button = group?.querySelectorAll('button')[index];
  if (!button) throw new Error(`no choice ${index}`);
  button.click();
  await vi.waitFor(() => {
    const now = root.querySelector('[role="group"][aria-label="Choices"]')?.textContent ?? '';
    if (root.dataset.state !== 'ended' && now === before) throw new Error('the pick did not land');
  });
}

/** Continues past the story's last beat (the mirror's Continue) and waits for the ending. */
export async function finish(root: HTMLElement): Promise<void> {
  await vi.waitFor(() => {
    const button = root.querySelector<HTMLButtonElement>('button.continue:not([hidden])');
    if (!button) throw new Error(`no continue; state is ${root.dataset.state ?? '?'}`);
    button.click();
  });
  await waitForState(root, 'ended');
}

export function recordingLabelOf(root: HTMLElement): string {
  return root.querySelector('.play-profile, .profile-label')?.textContent ?? '';
}

export function noticeOf(root: HTMLElement): string {
  const notice = root.querySelector<HTMLElement>('.play-storage-notice');
  return notice && !notice.hidden ? (notice.textContent ?? '') : '';
}
