// The route pages besides play: home, report, story map, settings and the not-found pages. Each
// fills the app root and resolves to its teardown.
import type { CaptureEvent } from '../core/events.ts';
import type { CatalogueEntry, DimensionDecl } from '../core/model.ts';
import type { SavedPlay } from '../core/ports.ts';
import { progressOnMap } from '../core/story-map.ts';
import { deleteData } from '../storage/controls.ts';
import { h } from '../ui/dom.ts';
import type { StoryCard } from '../ui/home.ts';
import { posterSources, type PosterImage } from '../ui/poster-image.ts';
import type { ReportModel } from '../ui/report.ts';
import { afterPaint, reportLoadingFrame } from '../ui/report-loading.ts';
import { hrefFor } from '../ui/routes.ts';
import type { AppContext } from './context.ts';
import {
  changeSetting,
  ensureProfile,
  entryFor,
  setState,
  storageNotice,
  switchTo,
} from './context.ts';
import { applyDisplay } from './display.ts';
import { mountPlay } from './play-session.ts';
import { chapterOfSave } from './title-page.ts';

const noTeardown = (): void => undefined;

/** A page that says what is missing, with the way home. */
function missing(app: AppContext, title: string, sentence: string): () => void {
  app.root.replaceChildren(
    h(
      'section',
      {},
      h('h1', {}, title),
      h('p', {}, sentence, h('a', { href: '#/' }, 'All stories')),
    ),
  );
  setState(app, 'error');
  return noTeardown;
}

export function showNotFound(app: AppContext): () => void {
  app.root.replaceChildren(
    h('section', {}, h('h1', {}, 'Page not found'), h('a', { href: '#/' }, 'All stories')),
  );
  setState(app, 'error');
  return noTeardown;
}

export async function showPlay(app: AppContext, storyId: string): Promise<() => void> {
  const entry = entryFor(app, storyId);
  if (!entry) return missing(app, 'Story not found', `There is no story called "${storyId}". `);
  return mountPlay({
    ...app.play,
    root: app.root,
    entry,
    capture: app.capture,
    storage: app.store,
    profile: app.profile,
    settings: app.settings,
    clock: app.clock,
    newId: app.newId,
    tab: app.tab,
    restoreDisplay: () => applyDisplay(app.settings),
    changeSetting: (key, value) => changeSetting(app, key, value),
  });
}

/** Every dimension the catalogue declares, once each (the first declaration names its poles). */
function catalogueDimensions(app: AppContext): DimensionDecl[] {
  const byId = new Map<string, DimensionDecl>();
  for (const entry of app.catalogue)
    for (const dim of entry.meta.dimensions) if (!byId.has(dim.id)) byId.set(dim.id, dim);
  return [...byId.values()];
}

/** What one profile's events say about each story: its chapters reached and endings found. */
function storyFacts(
  entry: CatalogueEntry,
  events: readonly CaptureEvent[],
  save: SavedPlay | null,
): { chapters: { reached: number; total: number }; endings: { found: number; total: number } } {
  const outline = entry.outline;
  const chapters = outline?.chapters ?? [];
  const knotChapters = outline?.knotChapters ?? {};
  const endingPaths = new Set((outline?.endings ?? []).map((e) => e.path));
  const reached = new Set<number>();
  const found = new Set<string>();
  for (const e of events) {
    if (e.storyId !== entry.meta.id) continue;
    if (e.type === 'choice.made') {
      const chapter = knotChapters[e.knot] ?? knotChapters[e.knot.split('.')[0] ?? ''];
      if (chapter !== undefined) reached.add(chapter);
    } else if (e.type === 'story.ended' && endingPaths.has(e.endingPath)) found.add(e.endingPath);
  }
  const saved = save ? chapterOfSave(save) : null;
  const savedIndex = chapters.findIndex((c) => c.title === saved);
  if (savedIndex >= 0) reached.add(savedIndex);
  return {
    chapters: { reached: reached.size, total: chapters.length },
    endings: { found: found.size, total: endingPaths.size },
  };
}

/**
 * The banner's story: the best fit when personalisation placed one for a lean; else the flagship,
 * the fullest story (most chapters, then most decisions in a typical playthrough) the player has
 * not finished; else the fullest of all.
 */
function featuredOf(
  cards: readonly StoryCard[],
  entries: readonly CatalogueEntry[],
): StoryCard | null {
  const leaning = cards.find((c) => c.reason);
  if (leaning) return leaning;
  const size = (id: string) => {
    const outline = entries.find((e) => e.meta.id === id)?.outline;
    return (outline?.chapters.length ?? 0) * 1000 + (outline?.typicalLength?.decisions ?? 0);
  };
  const bySize = [...cards].sort((a, b) => size(b.id) - size(a.id));
  return bySize.find((c) => c.progress?.kind !== 'finished') ?? bySize[0] ?? null;
}

export async function showHome(app: AppContext): Promise<() => void> {
  // Loaded on demand, like the report: the fit and the home view stay out of play's JS.
  const [{ claimsFor }, { personalise }, { cardReason, progressOf, renderHome }] =
    await Promise.all([
      import('../profile/claims.ts'),
      import('../profile/personalise.ts'),
      import('../ui/home.ts'),
    ]);
  // One read and one fit per visit: the home never refits while it is shown.
  const events = await app.store.events(app.profile.id);
  const enabled = app.settings.personalisation;
  const lastEnded = new Map<string, string>();
  for (const e of events)
    if (e.type === 'story.ended' && (lastEnded.get(e.storyId) ?? '') < e.at)
      lastEnded.set(e.storyId, e.at);
  const claims = claimsFor(events, catalogueDimensions(app));
  const plan = personalise(
    app.catalogue.map((e) => e.meta),
    claims,
    { personalisation: enabled, finished: new Set(lastEnded.keys()) },
  );
  // Progress shows even in incognito: reading a save keeps nothing.
  const saves = await Promise.all(
    plan.stories.map((s) => app.store.getSave(app.profile.id, s.storyId)),
  );
  const cards: StoryCard[] = [];
  /** each story's 16:9 key art, for the banner */
  const wide = new Map<string, PosterImage>();
  plan.stories.forEach((story, i) => {
    const entry = entryFor(app, story.storyId);
    if (!entry) return;
    const when = story.isVariant ? story.poster?.when : null;
    const art = story.poster ? posterSources(entry.assets, story.poster.path) : null;
    if (art?.wide) wide.set(story.storyId, art.wide);
    const save = saves[i] ?? null;
    const live = save && save.storyVersion === entry.meta.version ? save : null;
    cards.push({
      id: story.storyId,
      title: entry.meta.title,
      author: entry.meta.author,
      blurb: entry.meta.blurb ?? null,
      posterUrl: art?.card.src ?? null,
      posterSrcset: art?.card.srcset ?? null,
      posterVariant: when ? `${when.dimension}${when.pole}` : null,
      progress: progressOf(
        live,
        lastEnded.get(story.storyId) ?? null,
        live ? chapterOfSave(live) : null,
      ),
      savedAt: live?.savedAt ?? null,
      length: entry.outline?.typicalLength ?? null,
      ...storyFacts(entry, events, live),
      // one short reason, only where personalisation changed the card; the report explains all
      reason: plan.enabled ? cardReason(story, claims) : null,
    });
  });
  const featured = featuredOf(cards, app.catalogue);
  app.root.replaceChildren(
    renderHome({
      cards,
      featured: featured
        ? {
            card: featured,
            bannerUrl: wide.get(featured.id)?.src ?? null,
            bannerSrcset: wide.get(featured.id)?.srcset ?? null,
            label: featured.reason ? 'Picked for you' : 'Featured',
          }
        : null,
      profileName: app.profile.name,
      personalised: plan.enabled,
    }),
  );
  setState(app, 'home');
  return noTeardown;
}

export async function showReport(app: AppContext): Promise<() => void> {
  // The report's frame first, painted before a single event is read: a long log takes a while to
  // read and work out, and the page says so meanwhile.
  const loading = reportLoadingFrame(app.profile.name);
  loading.show('Reading the events recorded in this browser…', null);
  app.root.replaceChildren(loading.root);
  setState(app, 'loading');
  // Loaded on demand: the report, its export (fflate) and import stay out of play's JS.
  const modules = Promise.all([import('../ui/report.ts'), import('../storage/import-apply.ts')]);
  const load = async (): Promise<ReportModel> => {
    const [events, quarantined] = await Promise.all([
      app.store.events(app.profile.id),
      app.store.quarantined(app.profile.id),
    ]);
    return {
      profile: app.profile,
      events,
      quarantined,
      settings: app.settings,
      stories: app.catalogue.map((e) => e.meta),
      storageNotice: storageNotice(app),
    };
  };
  const first = await load();
  const [{ createReport }, { applyImport }] = await modules;
  if (first.events.length > 0) {
    loading.show(
      `Working out what ${first.events.length.toLocaleString('en')} events suggest…`,
      null,
    );
    await afterPaint();
  }
  const report = createReport(first, {
    deleteData: async (target) => {
      const deletion = await deleteData(app.store, app.profile.id, target);
      // the count-only record goes through capture, so pause and incognito apply to it too
      if (deletion.record) await app.capture.record(deletion.record);
      report.update(await load());
      return deletion.count;
    },
    importProfile: (data, control) => applyImport(app.store, data, control),
    switchProfile: async (id) => {
      const profile = (await app.store.listProfiles()).find((p) => p.id === id);
      if (profile) await switchTo(app, profile);
      report.update(await load());
    },
  });
  // each story's map, beside the report rather than inside it (the report's files stay its own)
  report.root.append(
    h(
      'nav',
      { class: 'story-map-links', 'aria-label': 'Story maps' },
      h('h2', {}, 'Story maps'),
      h(
        'ul',
        {},
        ...app.catalogue.map((e) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: hrefFor({ name: 'map', storyId: e.meta.id }) },
              `Story map: ${e.meta.title}`,
            ),
          ),
        ),
      ),
    ),
  );
  app.root.replaceChildren(report.root);
  setState(app, 'report');
  const refresh = (): void => void load().then((model) => report.update(model));
  const offExternal = app.store.onExternalChange?.(refresh);
  const offStatus = app.store.onStatusChange?.(refresh);
  return () => {
    offExternal?.();
    offStatus?.();
  };
}

export async function showMap(app: AppContext, storyId: string): Promise<() => void> {
  const entry = entryFor(app, storyId);
  setState(app, 'loading');
  // the map view and d3 load with the map, never before a story's first beat
  const [map, { renderStoryMap }] = await Promise.all([
    entry?.loadMap?.(),
    import('../ui/story-map.ts'),
  ]);
  if (!entry || !map) return missing(app, 'No map', `There is no map for "${storyId}". `);
  const render = async (): Promise<void> => {
    const events = await app.store.events(app.profile.id);
    app.root.replaceChildren(
      renderStoryMap({
        title: entry.meta.title,
        map,
        progress: progressOnMap(map, events),
        outline: entry.outline ?? null,
      }),
    );
    setState(app, 'map');
  };
  await render();
  const off = app.store.onExternalChange?.(() => void render());
  return () => off?.();
}

export async function showSettings(app: AppContext): Promise<() => void> {
  const { renderSettings } = await import('../ui/settings.ts');
  const render = async (): Promise<void> => {
    const profiles = await app.store.listProfiles();
    app.root.replaceChildren(
      renderSettings(
        {
          profiles,
          activeId: app.profile.id,
          settings: app.settings,
          storageNotice: storageNotice(app),
        },
        {
          change: (key, value) => changeSetting(app, key, value),
          switchProfile: async (id) => {
            const profile = profiles.find((p) => p.id === id);
            if (profile) await switchTo(app, profile);
            await render();
          },
          createProfile: async (name) => {
            await switchTo(app, await app.store.createProfile(name));
            await render();
          },
          renameProfile: async (id, name) => {
            await app.store.renameProfile(id, name);
            if (id === app.profile.id) app.profile = { ...app.profile, name };
            await render();
          },
          deleteProfile: async (id) => {
            await app.store.deleteProfile(id);
            if (id === app.profile.id) await switchTo(app, await ensureProfile(app.store));
            await render();
          },
        },
      ),
    );
    setState(app, 'settings');
  };
  await render();
  const off = app.store.onExternalChange?.(() => void render());
  return () => off?.();
}
