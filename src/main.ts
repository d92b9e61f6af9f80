// Composition root: builds the store, the capture service and the app context, and routes hash
// changes to the pages of src/app/. The only module that sees every layer.
// Self-hosted type, served from the site's own origin (CSS and woff2, no JS): only the latin
// subset and the weights drawn (body 400/700, titles 600), font-display: swap.
import '@fontsource/atkinson-hyperlegible-next/latin-400.css';
import '@fontsource/atkinson-hyperlegible-next/latin-700.css';
import '@fontsource/fraunces/latin-600.css';
// Tapeloop's chapter cards (its 1986 look): a font file is fetched only when a card uses it
import '@fontsource/vt323/latin-400.css';
import './ui/styles.css';
import './ui/structure.css';
import './ui/first-beat.css';
import { catalogue, onStoryUpdated } from 'virtual:inkreel/catalogue';
import { createCapture } from './app/capture.ts';
import { ensureProfile, type AppContext } from './app/context.ts';
import { applyDisplay } from './app/display.ts';
import {
  showHome,
  showMap,
  showNotFound,
  showPlay,
  showReport,
  showSettings,
} from './app/pages.ts';
import { showStory } from './app/title-page.ts';
import { systemClock } from './core/clock.ts';
import { applyRetention } from './storage/controls.ts';
import { openProfileStore } from './storage/open-store.ts';
import { createInkRuntime } from './story/ink-runtime.ts';
import { h } from './ui/dom.ts';
import { parseRoute, type Route } from './ui/routes.ts';

function show(app: AppContext, route: Route): Promise<() => void> | (() => void) {
  switch (route.name) {
    case 'home':
      return showHome(app);
    case 'story':
      return showStory(app, route.storyId);
    case 'play':
      return showPlay(app, route.storyId);
    case 'report':
      return showReport(app);
    case 'settings':
      return showSettings(app);
    case 'map':
      return showMap(app, route.storyId);
    case 'not-found':
      return showNotFound(app);
  }
}

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element');
  const store = await openProfileStore();
  const profile = await ensureProfile(store);
  const newId = (): string => crypto.randomUUID();
  // The capture service reads the active profile and settings from the context as they change
  // (it is only called once `app` exists).
  const capture = createCapture({
    store,
    clock: systemClock,
    newId,
    profileId: () => app.profile.id,
    settings: () => app.settings,
  });
  const app: AppContext = {
    root,
    store,
    capture,
    clock: systemClock,
    newId,
    catalogue,
    appSessionId: newId(),
    tab: { soundMuted: false },
    play: {
      // pixi, its filters and render/* load after the first beat: the story's first lines show
      // as text while the stage loads (app/play-session.ts), and the canvas fades in over them
      createStage: (host, options) =>
        import('./render/stage.ts').then(({ createStage }) => createStage(host, options)),
      createRuntime: createInkRuntime,
      matchMedia: (query) => window.matchMedia(query),
      locks: 'locks' in navigator ? navigator.locks : undefined,
    },
    profile,
    settings: await store.getSettings(profile.id),
  };
  // Automatic deletion (off unless the player set a number of days) runs once per start.
  await applyRetention(store, profile.id, new Date(systemClock.isoNow()))
    .then((deletion) => (deletion.record ? capture.record(deletion.record) : null))
    .catch((error: unknown) => console.warn('inkreel: automatic deletion did not run', error));
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
