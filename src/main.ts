// Composition root: builds the store, the story runtimes, the player, the stage and the routes.
// The only module that sees every layer.
import './ui/styles.css';
import { catalogue, onStoryUpdated } from 'virtual:inkreel/catalogue';
import type { PlayerCommand } from './core/commands.ts';
import type { CaptureEvent, EventDraft } from './core/events.ts';
import { SCHEMA_VERSION } from './core/events.ts';
import type { CatalogueEntry, DimensionDecl } from './core/model.ts';
import type { Clock, Profile, ProfileStore } from './core/ports.ts';
import type { Settings } from './core/settings.ts';
import { startPlayer, type Player } from './player/player.ts';
import { createStage, type Stage } from './render/stage.ts';
import type { ThemeName } from './render/theme.ts';
import { recordingMode } from './profile/retention.ts';
import { applyRetention, deleteData } from './storage/controls.ts';
import { openProfileStore } from './storage/open-store.ts';
import { createInkRuntime } from './story/ink-runtime.ts';
import { StoryAudio } from './ui/audio.ts';
import { h } from './ui/dom.ts';
import type { StoryCard } from './ui/home.ts';
import { lookaheadPreloader } from './ui/lookahead-preload.ts';
import { LedgerPanel, recordingLabel, recordingModeOf } from './ui/ledger.ts';
import { PlayMirror } from './ui/play-mirror.ts';
import type { ReportModel } from './ui/report.ts';
import { renderStoryMap } from './ui/story-map.ts';
import { progressOnMap } from './core/story-map.ts';
import { parseRoute, type Route } from './ui/routes.ts';

interface App {
  readonly root: HTMLElement;
  readonly store: ProfileStore;
  readonly clock: Clock;
  profile: Profile;
  settings: Settings;
  /** told of each event once it is stored: the live ledger listens here */
  readonly recorded: Set<(event: CaptureEvent) => void>;
}

const clock: Clock = { now: () => performance.now() };

/** The tab's mute choice: it holds across stories until unmuted (not a stored setting yet). */
let soundMuted = false;

/** Asset paths that are sound files: a story with any gets a mute toggle. */
const SOUND_FILE = /\.(wav|mp3|ogg|oga|m4a|aac|flac|opus|weba)$/i;

function isTheme(value: string | null): value is ThemeName {
  return value === 'dark' || value === 'light';
}

/** The canvas theme: the player's explicit setting, else the story's `theme` tag, else the system's. */
function stageTheme(settings: Settings, storyTheme: string | null): ThemeName {
  if (settings.theme !== 'system') return settings.theme;
  if (isTheme(storyTheme)) return storyTheme;
  return matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

async function ensureProfile(store: ProfileStore): Promise<Profile> {
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

function entryFor(id: string): CatalogueEntry | undefined {
  return catalogue.find((e) => e.meta.id === id);
}

function stamp(app: App, draft: EventDraft): CaptureEvent {
  return {
    ...draft,
    v: SCHEMA_VERSION,
    id: crypto.randomUUID(),
    profileId: app.profile.id,
    at: new Date().toISOString(),
  };
}

async function record(app: App, draft: EventDraft): Promise<void> {
  if (recordingMode(app.settings) !== 'recording') return;
  const event = stamp(app, draft);
  await app.store.append(event);
  // The single capture point, so the ledger sees exactly what was kept.
  for (const observe of app.recorded) observe(event);
}

function setState(app: App, state: string): void {
  app.root.dataset.state = state;
}

/** Every dimension the catalogue declares, once each (the first declaration names its poles). */
function catalogueDimensions(): DimensionDecl[] {
  const byId = new Map<string, DimensionDecl>();
  for (const entry of catalogue)
    for (const dim of entry.meta.dimensions) if (!byId.has(dim.id)) byId.set(dim.id, dim);
  return [...byId.values()];
}

async function showHome(app: App): Promise<() => void> {
  // Loaded on demand, like the report: the fit and the home view stay out of play's JS.
  const [{ fitProfile }, { personalise }, { progressOf, renderHome }] = await Promise.all([
    import('./profile/inference.ts'),
    import('./profile/personalise.ts'),
    import('./ui/home.ts'),
  ]);
  // One read and one fit per visit: the home never refits while it is shown.
  const events = await app.store.events(app.profile.id);
  const enabled = app.settings.personalisation;
  const plan = personalise(
    catalogue.map((e) => e.meta),
    fitProfile(events, catalogueDimensions()),
    { personalisation: enabled },
  );
  const lastEnded = new Map<string, string>();
  for (const e of events)
    if (e.type === 'story.ended' && (lastEnded.get(e.storyId) ?? '') < e.at)
      lastEnded.set(e.storyId, e.at);
  const saves = await Promise.all(
    plan.stories.map((s) => app.store.getSave(app.profile.id, s.storyId)),
  );
  const cards: StoryCard[] = [];
  plan.stories.forEach((story, i) => {
    const entry = entryFor(story.storyId);
    if (!entry) return;
    const when = story.isVariant ? story.poster?.when : null;
    cards.push({
      id: story.storyId,
      title: entry.meta.title,
      author: entry.meta.author,
      posterUrl: story.poster ? (entry.assets[story.poster.path] ?? null) : null,
      posterVariant: when ? `${when.dimension}${when.pole}` : null,
      progress: progressOf(saves[i] ?? null, lastEnded.get(story.storyId) ?? null),
      // The card explains only what personalisation changed; the report explains every story.
      whyPoster: plan.enabled && story.isVariant ? story.reason : null,
      whyHere: plan.enabled && story.score > 0 ? story.orderReason : null,
    });
  });
  app.root.replaceChildren(
    renderHome({ cards, profileName: app.profile.name, personalised: plan.enabled }),
  );
  setState(app, 'home');
  return () => undefined;
}

async function showReport(app: App): Promise<() => void> {
  // Loaded on demand: the report, its export (fflate, papaparse) and import stay out of play's JS.
  const [{ createReport }, { applyImport }] = await Promise.all([
    import('./ui/report.ts'),
    import('./storage/import-apply.ts'),
  ]);
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
      stories: catalogue.map((e) => e.meta),
      storageNotice: storageNotice(app),
    };
  };
  const report = createReport(await load(), {
    deleteData: async (target) => {
      const count = await deleteData(app.store, app.profile.id, target);
      report.update(await load());
      return count;
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
        ...catalogue.map((e) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: `#/map/${encodeURIComponent(e.meta.id)}` },
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

async function showPlay(app: App, storyId: string): Promise<() => void> {
  const entry = entryFor(storyId);
  if (!entry) {
    app.root.replaceChildren(
      h(
        'section',
        {},
        h('h1', {}, 'Story not found'),
        h(
          'p',
          {},
          `There is no story called "${storyId}". `,
          h('a', { href: '#/' }, 'All stories'),
        ),
      ),
    );
    setState(app, 'error');
    return () => undefined;
  }
  setState(app, 'loading');
  const resolveAsset = (path: string): string | null => entry.assets[path] ?? null;
  // Declared before anything can reach them: a key press may come while the story still loads.
  let stage: Stage | null = null;
  const audio = new StoryAudio({ resolveAsset, muted: soundMuted });
  const hasSound = Object.keys(entry.assets).some((path) => SOUND_FILE.test(path));
  // A story's own theme dresses the whole page while it plays, unless the player chose one.
  if (app.settings.theme === 'system' && isTheme(entry.meta.theme))
    document.documentElement.dataset.theme = entry.meta.theme;
  let player: Player | null = null;
  // `inkreel:choice` runs from a pick to the next beat drawn (DESIGN §7): the turn and the last line
  // at the pick are remembered, and the measure is taken on the first frame that shows new text,
  // a later decision or an end.
  let pickedTurn: number | null = null;
  let pickedLastLine: number | undefined;
  const send = (command: PlayerCommand): void => {
    const open = player?.getView().decision;
    if (
      command.type === 'PICK' &&
      pickedTurn === null &&
      open &&
      (open.phase === 'shown' || open.phase === 'selecting')
    ) {
      performance.mark('inkreel:pick');
      pickedTurn = open.turn;
      pickedLastLine = player?.getView().lines.at(-1)?.id;
    }
    player?.send(command);
  };
  const mirror = new PlayMirror({
    send,
    now: () => clock.now(),
    resolveAsset,
    profileName: app.settings.incognito
      ? `${app.profile.name} (incognito: nothing is kept)`
      : app.profile.name,
    title: entry.meta.title,
    mapHref: entry.loadMap ? `#/map/${encodeURIComponent(storyId)}` : undefined,
    completeReveal: () => stage?.completeReveal() ?? false,
    sound: hasSound
      ? {
          muted: soundMuted,
          setMuted: (muted) => {
            soundMuted = muted;
            audio.setMuted(muted);
          },
        }
      : undefined,
  });
  app.root.replaceChildren(mirror.root);

  // The stage, the story and the save do not depend on each other: start all three at once.
  const stageReady = createStage(mirror.stageHost, {
    resolveAsset,
    now: () => clock.now(),
    onPick: (index, input) => send({ type: 'PICK', index, input }),
    onChoiceRects: (rects) => mirror.setChoiceRects(rects),
    reducedMotion:
      app.settings.reducedMotion ?? matchMedia('(prefers-reduced-motion: reduce)').matches,
    theme: stageTheme(app.settings, entry.meta.theme),
  }).catch((error: unknown) => {
    console.warn('inkreel: drawing the scene is not possible here; showing the text view.', error);
    return null;
  });
  const [json, saved] = await Promise.all([
    entry.load(),
    app.settings.incognito ? null : app.store.getSave(app.profile.id, storyId),
  ]);
  const runtime = createInkRuntime(json, { storyId, version: entry.meta.version });
  const resume = saved && saved.storyVersion === runtime.meta.version ? saved : null;
  const sessionId = resume?.sessionId ?? crypto.randomUUID();

  const storageMessage = (): string | null =>
    app.store.status && app.store.status.state !== 'ok' ? app.store.status.message : null;
  const modeNow = () => recordingModeOf(app.settings, app.store.kind, app.store.status);
  const ledger = new LedgerPanel({
    events: [],
    mode: modeNow(),
    storageMessage: storageMessage(),
    onOpen: () => send({ type: 'PAUSE', reason: 'overlay' }),
    onClose: () => send({ type: 'RESUME', reason: 'overlay' }),
  });
  mirror.addControl(ledger.button);
  mirror.root.append(ledger.dialog);
  const showRecording = (): void => {
    const mode = modeNow();
    mirror.setRecording(
      recordingLabel(mode, app.profile.name),
      mode === 'memory'
        ? storageMessage() ||
            'Storage is not available: nothing is being kept after this tab closes.'
        : null,
    );
    ledger.setMode(mode, storageMessage());
  };
  showRecording();
  const offStatus = app.store.onStatusChange?.(showRecording);
  const onRecorded = (event: CaptureEvent): void => {
    if (event.sessionId === sessionId) ledger.add(event);
  };
  app.recorded.add(onRecorded);
  if (resume) {
    // Earlier events of a resumed session, loaded after play starts so the first decision never waits.
    void app.store
      .events(app.profile.id)
      .then((events) => {
        for (const event of events) if (event.sessionId === sessionId) ledger.add(event);
      })
      .catch((error: unknown) => console.warn('inkreel: the ledger could not load', error));
  }

  stage = await stageReady;
  mirror.setCanvasMode(stage !== null);

  player = startPlayer({
    runtime,
    clock,
    storyId,
    sessionId,
    timeScale: app.settings.timeScale,
    record: (draft) => record(app, draft),
    save: async (save) => {
      if (!app.settings.incognito) await app.store.putSave(app.profile.id, save);
    },
    resume,
    preload: lookaheadPreloader({
      preloadImages: stage === null ? null : (paths) => stage?.preload(paths) ?? Promise.resolve(),
      resolveAsset,
    }),
  });
  let announcedResume = resume === null;
  let lastState = '';
  const unsubscribe = player.subscribe((view) => {
    // A play left while it was still loading must not relabel the page that replaced it.
    if (mirror.root.isConnected) setState(app, view.state);
    mirror.update(view);
    stage?.update(view);
    audio.update(view);
    if (!announcedResume && view.state === 'choosing' && view.decision) {
      announcedResume = true;
      mirror.showResumed(view.decision.turn);
    }
    if (view.state === 'ended' && lastState !== 'ended' && !app.settings.incognito) {
      // a finished story opens fresh next time; a rewind from here saves again at its decision
      app.store
        .clearSave(app.profile.id, storyId)
        .catch((error: unknown) => console.warn('inkreel: the save could not be cleared', error));
    }
    lastState = view.state;
    const nextBeat =
      view.state === 'ended' ||
      view.state === 'error' ||
      view.lines.at(-1)?.id !== pickedLastLine ||
      (view.state === 'choosing' && view.decision !== null && view.decision.turn !== pickedTurn);
    if (pickedTurn !== null && nextBeat) {
      pickedTurn = null;
      requestAnimationFrame(() => performance.measure('inkreel:choice', 'inkreel:pick'));
    }
  });
  const current = player.getView();
  if (mirror.root.isConnected) setState(app, current.state);
  mirror.update(current);
  stage?.update(current);
  audio.update(current);

  const onVisibility = (): void =>
    send(
      document.hidden ? { type: 'PAUSE', reason: 'hidden' } : { type: 'RESUME', reason: 'hidden' },
    );
  document.addEventListener('visibilitychange', onVisibility);
  if (document.hidden) onVisibility();

  // System theme and motion changes apply live, unless a setting or the story decides.
  const schemeQuery = matchMedia('(prefers-color-scheme: light)');
  const motionQuery = matchMedia('(prefers-reduced-motion: reduce)');
  const onScheme = (): void => stage?.setTheme(stageTheme(app.settings, entry.meta.theme));
  const onMotion = (): void =>
    stage?.setReducedMotion(app.settings.reducedMotion ?? motionQuery.matches);
  schemeQuery.addEventListener('change', onScheme);
  motionQuery.addEventListener('change', onMotion);

  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    schemeQuery.removeEventListener('change', onScheme);
    motionQuery.removeEventListener('change', onMotion);
    audio.destroy();
    applyDisplay(app.settings);
    offStatus?.();
    unsubscribe();
    player?.stop();
    app.recorded.delete(onRecorded);
    ledger.destroy();
    stage?.destroy();
    mirror.destroy();
  };
}

async function showMap(app: App, storyId: string): Promise<() => void> {
  const entry = entryFor(storyId);
  setState(app, 'loading');
  const map = await entry?.loadMap?.();
  if (!entry || !map) {
    app.root.replaceChildren(
      h(
        'section',
        {},
        h('h1', {}, 'No map'),
        h('p', {}, `There is no map for "${storyId}". `, h('a', { href: '#/' }, 'All stories')),
      ),
    );
    setState(app, 'error');
    return () => undefined;
  }
  const render = async (): Promise<void> => {
    const events = await app.store.events(app.profile.id);
    app.root.replaceChildren(
      renderStoryMap({ title: entry.meta.title, map, progress: progressOnMap(map, events) }),
    );
    setState(app, 'map');
  };
  await render();
  const off = app.store.onExternalChange?.(() => void render());
  return () => off?.();
}

function applyDisplay(settings: Settings): void {
  if (settings.theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = settings.theme;
}

async function switchTo(app: App, profile: Profile): Promise<void> {
  await app.store.setActiveProfileId(profile.id);
  app.profile = profile;
  app.settings = await app.store.getSettings(profile.id);
  applyDisplay(app.settings);
}

async function showSettings(app: App): Promise<() => void> {
  const { renderSettings } = await import('./ui/settings.ts');
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
          change: async (key, value) => {
            app.settings = { ...app.settings, [key]: value };
            await app.store.putSettings(app.profile.id, app.settings);
            applyDisplay(app.settings);
            const recorded = typeof value === 'object' ? JSON.stringify(value) : value;
            await record(app, {
              type: 'settings.changed',
              key,
              value: recorded,
              sessionId: 'settings',
              storyId: '',
              storyVersion: '',
            });
          },
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

function storageNotice(app: App): string | null {
  if (app.settings.incognito) return 'Incognito play is on: nothing is being stored.';
  if (app.store.kind === 'memory' || (app.store.status && app.store.status.state !== 'ok')) {
    return (
      app.store.status?.message ||
      'Storage is not available: nothing is being kept after this tab closes.'
    );
  }
  return null;
}

async function show(app: App, route: Route): Promise<() => void> {
  switch (route.name) {
    case 'home':
      return showHome(app);
    case 'play':
      return showPlay(app, route.storyId);
    case 'report':
      return showReport(app);
    case 'settings':
      return showSettings(app);
    case 'map':
      return showMap(app, route.storyId);
    case 'not-found':
      app.root.replaceChildren(
        h('section', {}, h('h1', {}, 'Page not found'), h('a', { href: '#/' }, 'All stories')),
      );
      setState(app, 'error');
      return () => undefined;
  }
}

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element');
  const store = await openProfileStore();
  const profile = await ensureProfile(store);
  // Automatic deletion (off unless the player set a number of days) runs once per start.
  await applyRetention(store, profile.id).catch((error: unknown) =>
    console.warn('inkreel: automatic deletion did not run', error),
  );
  const app: App = {
    root,
    store,
    clock,
    profile,
    settings: await store.getSettings(profile.id),
    recorded: new Set(),
  };
  applyDisplay(app.settings);
  let teardown: () => void = () => undefined;
  let generation = 0;
  const route = async (): Promise<void> => {
    const mine = ++generation;
    teardown();
    teardown = () => undefined;
    const next = await show(app, parseRoute(location.hash));
    if (mine === generation) teardown = next;
    else next();
  };
  const onHash = (): void => void route();
  window.addEventListener('hashchange', onHash);
  // A hot update runs boot again: the old page's route listener must not stay behind.
  import.meta.hot?.dispose(() => window.removeEventListener('hashchange', onHash));
  // In `npm run dev`, an edited story reloads where it is shown; the player resumes from its save.
  const offStoryUpdates = onStoryUpdated((storyId) => {
    const current = parseRoute(location.hash);
    if (current.name !== 'play' || current.storyId === storyId) void route();
  });
  await route();
  import.meta.hot?.dispose(() => {
    offStoryUpdates();
    teardown();
  });
}

void boot().catch((error: unknown) => {
  console.error(error);
  const root = document.getElementById('app');
  if (root) {
    root.dataset.state = 'error';
    root.replaceChildren(
      h('p', { role: 'alert' }, `inkreel could not start: ${(error as Error).message}`),
    );
  }
});
