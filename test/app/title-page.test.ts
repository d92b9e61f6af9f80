// The story's title screen (#/story/<id>) in jsdom: what it says of the story and of this
// profile's place in it, Continue or Start, and the timing setting kept through the settings path.
import { afterEach, describe, expect, it } from 'vitest';
import { createCapture } from '../../src/app/capture.ts';
import type { AppContext } from '../../src/app/context.ts';
import { showStory, titleModel } from '../../src/app/title-page.ts';
import type { CatalogueEntry } from '../../src/core/model.ts';
import type { SavedPlay } from '../../src/core/ports.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import type { StoryMapData } from '../../src/core/story-map.ts';
import { createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import { choiceEvent } from '../builders.ts';
import { line } from '../player/fake-runtime.ts';

const map: StoryMapData = {
  storyId: 'tape',
  width: 1,
  height: 1,
  nodes: [
    { id: '(top)', kind: 'knot', label: '(top)', layer: 0, x: 0, y: 0 },
    { id: 'morning', kind: 'knot', label: 'morning', layer: 1, x: 0, y: 0 },
    { id: '?morning.0', kind: 'decision', label: 'morning.0', layer: 2, x: 0, y: 0 },
    { id: '?morning.0#0', kind: 'choice', label: 'Get up', layer: 3, x: 0, y: 0 },
    { id: 'halcyon', kind: 'knot', label: 'halcyon', layer: 4, x: 0, y: 0 },
    { id: '?halcyon.0', kind: 'decision', label: 'halcyon.0', layer: 5, x: 0, y: 0 },
    { id: '?halcyon.0#0', kind: 'choice', label: 'Sign', layer: 6, x: 0, y: 0 },
    { id: 'nights', kind: 'knot', label: 'nights', layer: 7, x: 0, y: 0 },
    { id: '?nights.0', kind: 'decision', label: 'nights.0', layer: 8, x: 0, y: 0 },
  ],
  edges: [
    { from: '(top)', to: 'morning', kind: 'divert' },
    { from: 'morning', to: '?morning.0', kind: 'flow' },
    { from: '?morning.0', to: '?morning.0#0', kind: 'option' },
    { from: '?morning.0#0', to: 'halcyon', kind: 'divert' },
    { from: 'halcyon', to: '?halcyon.0', kind: 'flow' },
    { from: '?halcyon.0', to: '?halcyon.0#0', kind: 'option' },
    { from: '?halcyon.0#0', to: 'nights', kind: 'divert' },
    { from: 'nights', to: '?nights.0', kind: 'flow' },
  ],
};

const entry: CatalogueEntry = {
  meta: {
    id: 'tape',
    title: 'Tapeloop',
    author: 'Someone',
    blurb: '1986. A game that writes back.',
    dimensions: [],
    timerSeconds: 10,
    posters: [
      { path: 'assets/risk.png', when: { dimension: 'risk', pole: '+' } },
      { path: 'assets/poster.png', when: null },
    ],
    theme: null,
    version: 'v1',
  },
  outline: {
    chapters: [
      { knot: 'morning', title: 'Tuesday' },
      { knot: 'halcyon', title: 'Halcyon' },
      { knot: 'nights', title: 'Nights' },
    ],
    endings: [],
    typicalLength: { decisions: 22, minutes: 15 },
  },
  load: () => Promise.reject(new Error('no play on the title screen')),
  loadMap: () => Promise.resolve(map),
  assets: { 'assets/poster.png': '/p.png', 'assets/risk.png': '/r.png' },
};

const save = (over: Partial<SavedPlay> = {}): SavedPlay => ({
  storyId: 'tape',
  storyVersion: 'v1',
  sessionId: 's1',
  snapshots: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
  transcript: ['Morning.', 'Halcyon Soft.'],
  lines: [
    line('Morning.', { kind: 'chapter', title: 'Tuesday' }),
    line('Halcyon Soft.', { kind: 'chapter', title: 'Halcyon' }),
  ],
  savedAt: '2026-03-01T10:00:00.000Z',
  ...over,
});

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
  document.body.replaceChildren();
  location.hash = '';
});

async function page(options: { saved?: SavedPlay; settings?: Partial<Settings> } = {}) {
  const store = createMemoryProfileStore();
  const profile = await store.createProfile('Ada');
  if (options.saved) await store.putSave(profile.id, options.saved);
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
    catalogue: [entry],
    appSessionId: 'page-load-1',
    tab: { soundMuted: false },
    play: {
      createStage: () => Promise.reject(new Error('no stage here')),
      createRuntime: () => {
        throw new Error('no story runtime here');
      },
      matchMedia: () => {
        throw new Error('no media queries here');
      },
      locks: undefined,
    },
    profile,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
  };
  teardown = await showStory(app, 'tape');
  return { app, root, store };
}

const texts = (root: HTMLElement, selector: string) =>
  [...root.querySelectorAll(selector)].map((e) => e.textContent);

describe('the title screen', () => {
  it('shows the key art whole, the title, author, blurb and typical length', async () => {
    const { root } = await page();
    expect(root.dataset.state).toBe('title');
    expect(root.querySelector('h1')?.textContent).toBe('Tapeloop');
    expect(root.querySelector('img.title-art')?.getAttribute('src')).toBe('/p.png');
    expect(root.textContent).toContain('by Someone');
    expect(root.textContent).toContain('1986. A game that writes back.');
    expect(root.textContent).toContain('Typical length: about 22 decisions, 15 minutes');
  });

  it('offers Start when there is no save, leading to play', async () => {
    const { root } = await page();
    expect(root.querySelector('.title-continue')).toBeNull();
    const start = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Start');
    start?.click();
    await expect.poll(() => location.hash).toBe('#/play/tape');
  });

  it('offers Continue at the saved decision and chapter, and Start over that forgets the save', async () => {
    const { root, store, app } = await page({ saved: save() });
    const link = root.querySelector('a.title-continue');
    expect(link?.textContent).toBe('Continue — decision 7, chapter 2');
    expect(link?.getAttribute('href')).toBe('#/play/tape');
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Start over')?.click();
    await expect.poll(() => location.hash).toBe('#/play/tape');
    expect(await store.getSave(app.profile.id, 'tape')).toBeNull();
  });

  it('says so, and does not start, when the save cannot be cleared', async () => {
    const { root, store } = await page({ saved: save() });
    store.clearSave = () => Promise.reject(new Error('disk full'));
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Start over')?.click();
    await expect
      .poll(() => root.querySelector('[role="alert"]')?.textContent)
      .toContain('disk full');
    expect(location.hash).toBe('');
  });

  it('offers no Continue in incognito play, which never resumes', async () => {
    const { root } = await page({ saved: save(), settings: { incognito: true } });
    expect(root.querySelector('.title-continue')).toBeNull();
  });

  it('lists the chapters reached by the save and by decisions seen, and hides the titles of the rest', async () => {
    const { root } = await page({
      saved: save({ lines: [line('M', { kind: 'chapter', title: 'Tuesday' })] }),
    });
    expect(root.querySelector('.title-chapters h2')?.textContent).toBe('Chapters · 1 of 3 reached');
    expect(texts(root, '.title-chapters li')).toEqual([
      'Tuesday',
      'Chapter 2: not reached yet',
      'Chapter 3: not reached yet',
    ]);
    const model = titleModel(
      entry,
      null,
      [choiceEvent({ storyId: 'tape', decisionId: 'halcyon.0' })],
      map,
      1,
    );
    expect(model.chapters.map((c) => c.reached)).toEqual([false, true, false]);
  });

  it('keeps the timing chosen here as the profile setting, recorded as a settings change', async () => {
    const { root, store, app } = await page();
    const radios = [...root.querySelectorAll<HTMLInputElement>('.title-timing input')];
    expect(radios.map((r) => r.checked)).toEqual([true, false, false, false]);
    const untimed = radios[3];
    if (!untimed) throw new Error('no "No timer" option');
    untimed.checked = true;
    untimed.dispatchEvent(new Event('change'));
    await expect.poll(async () => (await store.getSettings(app.profile.id)).timeScale).toBe('off');
    expect(app.settings.timeScale).toBe('off');
    const events = await store.events(app.profile.id);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'settings.changed', key: 'timeScale', value: 'off' }),
    );
    expect(root.querySelector('.title-timing [role="status"]')?.textContent).toContain('Saved');
  });

  it('does not resume a save of another version of the story', () => {
    expect(titleModel(entry, save({ storyVersion: 'old' }), [], map, 1).save).toBeNull();
  });
});
