// The settings page records a change through the capture service with honest ids: the page
// load's session and no story, and nothing at all once incognito is on.
import { afterEach, describe, expect, it } from 'vitest';
import { createCapture } from '../../src/app/capture.ts';
import type { AppContext } from '../../src/app/context.ts';
import { showSettings } from '../../src/app/pages.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import { profile } from './session-fixture.ts';

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
  document.body.replaceChildren();
});

async function settingsPage() {
  const store = createMemoryProfileStore();
  await store.createProfile('Ada');
  const [stored] = await store.listProfiles();
  const root = document.createElement('div');
  document.body.append(root);
  let n = 0;
  const app: AppContext = {
    root,
    store,
    capture: createCapture({
      store,
      clock: { isoNow: () => '2026-03-01T10:00:00.000Z' },
      newId: () => `e${++n}`,
      profileId: () => app.profile.id,
      settings: () => app.settings,
    }),
    clock: { now: () => 0, isoNow: () => '2026-03-01T10:00:00.000Z' },
    newId: () => `id${++n}`,
    catalogue: [],
    appSessionId: 'page-load-1',
    tab: { soundMuted: false },
    play: {
      createStage: () => Promise.reject(new Error('no stage on the settings page')),
      createRuntime: () => {
        throw new Error('no story on the settings page');
      },
      matchMedia: () => {
        throw new Error('no media queries on the settings page');
      },
      locks: undefined,
    },
    profile: stored ?? profile,
    settings: DEFAULT_SETTINGS,
  };
  teardown = await showSettings(app);
  return { app, root, store };
}

function checkbox(root: HTMLElement, label: string): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes(label));
  const input = found?.htmlFor ? root.querySelector(`#${found.htmlFor}`) : null;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no checkbox "${label}"`);
  return input;
}

describe('the settings page', () => {
  it('records a change under the page load’s session and no story', async () => {
    const { app, root, store } = await settingsPage();
    const box = checkbox(root, 'Pause recording');
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    // pausing stops recording, so its own change is not kept; unpausing is, once recording again
    await expect.poll(() => app.settings.recordingPaused).toBe(true);
    const again = checkbox(root, 'Pause recording');
    again.checked = false;
    again.dispatchEvent(new Event('change'));
    await expect.poll(async () => (await store.events(app.profile.id)).length).toBe(1);
    expect(await store.events(app.profile.id)).toEqual([
      {
        v: 1,
        id: 'e1',
        profileId: app.profile.id,
        sessionId: 'page-load-1',
        storyId: '',
        storyVersion: '',
        at: '2026-03-01T10:00:00.000Z',
        type: 'settings.changed',
        key: 'recordingPaused',
        value: false,
      },
    ]);
  });

  it('keeps no record of changes once incognito is on', async () => {
    const { app, root, store } = await settingsPage();
    const box = checkbox(root, 'Incognito play');
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await expect.poll(() => app.settings.incognito).toBe(true);
    const pause = checkbox(root, 'Pause recording');
    pause.checked = true;
    pause.dispatchEvent(new Event('change'));
    await expect.poll(() => app.settings.recordingPaused).toBe(true);
    expect(await store.events(app.profile.id)).toEqual([]);
  });
});
