// One story's play, mounted and torn down: the mirror, the stage, audio, the ledger, the player,
// lookahead preloading, a pick's timing marks (play-marks.ts), the save's life and the notices.
// Everything it touches outside the page comes in through PlayDeps, so it mounts in jsdom with fakes.
// The player starts as soon as the story is loaded, reading in the DOM (PlayMirror marks
// `inkreel:first-beat` on the frame the first line shows); the stage (pixi and its art, loaded
// lazily) takes over when it is ready, showing what the DOM showed as read, and fades in.
import type { PlayerCommand } from '../core/commands.ts';
import type { CatalogueEntry } from '../core/model.ts';
import type { Clock, Profile, ProfileStore, StoryRuntime } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import { endingsFound } from '../core/story-map.ts';
import type { PlayView } from '../core/view.ts';
import { startPlayer, type Player } from '../player/player.ts';
import type { Stage, StageOptions } from '../render/stage.ts';
import { SCORE_PATH } from '../core/asset-kind.ts';
import type { Score } from '../core/score.ts';
import { StoryAudio } from '../ui/audio.ts';
import type { MixSettings } from '../ui/mixer.ts';
import { h } from '../ui/dom.ts';
import { HistoryDialog } from '../ui/history.ts';
import { LedgerPanel, recordingLabel, recordingModeOf } from '../ui/ledger.ts';
import { lookaheadPreloader } from '../ui/lookahead-preload.ts';
import { bindMenuKeys, menuHold, PauseMenu } from '../ui/pause-menu.ts';
import { PlayMirror } from '../ui/play-mirror.ts';
import { hrefFor } from '../ui/routes.ts';
import { TEXT_SPEED_CHOICES } from '../ui/text-speeds.ts';
import type { Capture } from './capture.ts';
import { isTheme, stageTheme } from './display.ts';
import { playMarks } from './play-marks.ts';
import { atNextFrameStart, nextFrameDone } from '../render/after-frame.ts';

/** What the session asks of a stage (render/stage.ts's Stage, or a fake in tests). */
export type PlayStage = Pick<
  Stage,
  | 'update'
  | 'preload'
  | 'setTheme'
  | 'setReducedMotion'
  | 'setTextSpeed'
  | 'completeReveal'
  | 'advance'
  | 'destroy'
> &
  Partial<Pick<Stage, 'nextBeatPrepared' | 'beforeNextDraw'>>;

/** What a tab remembers across the stories it plays (not stored). */
export interface TabState {
  soundMuted: boolean;
}

export interface PlayDeps {
  /** the app root: the session fills it and sets its data-state */
  readonly root: HTMLElement;
  readonly entry: CatalogueEntry;
  readonly capture: Capture;
  /** the store's health and the events of a resumed session (writes go through `capture`) */
  readonly storage: Pick<ProfileStore, 'kind' | 'status' | 'onStatusChange' | 'events'>;
  readonly profile: Profile;
  readonly settings: Settings;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly tab: TabState;
  readonly createStage: (host: HTMLElement, options: StageOptions) => Promise<PlayStage>;
  readonly createRuntime: (
    json: string,
    options: { readonly storyId: string; readonly version: string },
  ) => StoryRuntime;
  readonly matchMedia: (query: string) => MediaQueryList;
  /** Web Locks, so a second tab on the story plays its own session; undefined where missing */
  readonly locks: LockManager | undefined;
  /** puts the page's theme back as the settings say, when play is left */
  readonly restoreDisplay: () => void;
  /**
   * Keeps a setting changed in play (the pause menu's timing) as the profile's own and records
   * `settings.changed` through capture; rejects when the setting could not be kept.
   */
  readonly changeSetting: <K extends keyof Settings>(key: K, value: Settings[K]) => Promise<void>;
}

/** The story's score file, read when sound starts; null when it has none or it cannot play. */
async function loadScore(url: string | null): Promise<Score | null> {
  if (url === null) return null;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the score answered ${response.status}`);
  // the reader (valibot's schema) loads with the sound, never before the first beat
  const [{ readScore }, json] = await Promise.all([
    import('../story/score.ts'),
    response.json() as Promise<unknown>,
  ]);
  const read = readScore(json);
  if (read.ok) return read.score;
  console.warn(`inkreel: the story's score cannot play: ${read.problems.join('; ')}`);
  return null;
}

/** How long to wait for the play lock: long enough for this tab's own previous play to let go. */
const LOCK_WAIT_MS = 300;

export const OTHER_TAB_NOTICE =
  'This story is open in another tab: this tab plays a separate session, and its place in the story is not saved.';

/**
 * Holds the lock named for this story while it plays; resolves to its release, or null when another
 * tab holds it. Without Web Locks every tab plays as if alone (the behaviour before locks).
 */
function claimPlay(locks: LockManager | undefined, name: string): Promise<(() => void) | null> {
  if (locks === undefined) return Promise.resolve(() => undefined);
  return new Promise((resolve) => {
    locks
      .request(name, { signal: AbortSignal.timeout(LOCK_WAIT_MS) }, () => {
        return new Promise<void>((release) => resolve(() => release()));
      })
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'TimeoutError') resolve(null);
        else {
          console.warn('inkreel: the play lock is not available; playing as if alone', error);
          resolve(() => undefined);
        }
      });
  });
}

/** Endings of the story this profile has found, this one included; null when it cannot tell. */
async function countEndings(
  entry: CatalogueEntry,
  storage: Pick<ProfileStore, 'events'>,
  profileId: string,
  endingPath: string,
): Promise<number | null> {
  try {
    const map = await entry.loadMap?.();
    if (!map) return null;
    return endingsFound(map, await storage.events(profileId), endingPath);
  } catch (error) {
    console.warn('inkreel: the endings found could not be counted', error);
    return null;
  }
}

/** Mounts one story's play; resolves to its teardown. */
export async function mountPlay(deps: PlayDeps): Promise<() => void> {
  const { entry, capture, settings, profile, clock, tab } = deps;
  const storyId = entry.meta.id;
  const setState = (state: string): void => {
    deps.root.dataset.state = state;
  };
  setState('loading');
  const resolveAsset = (path: string): string | null => entry.assets[path] ?? null;
  // Declared before anything can reach them: a key press may come while the story still loads.
  let stage: PlayStage | null = null;
  let player: Player | null = null;
  // the mixer as the settings say; the session keeps it current as the player changes it
  let mix: MixSettings = {
    soundMuted: settings.soundMuted,
    masterVolume: settings.masterVolume,
    musicVolume: settings.musicVolume,
    effectsVolume: settings.effectsVolume,
  };
  tab.soundMuted = mix.soundMuted;
  const audio = new StoryAudio({
    resolveAsset,
    mix,
    loadScore: () => loadScore(resolveAsset(SCORE_PATH)),
    now: () => clock.now(),
    trace: new URLSearchParams(location.search).has('audio-trace'),
  });
  const keepSetting = <K extends keyof MixSettings>(key: K, value: Settings[K]): void => {
    void deps.changeSetting(key, value).catch((error: unknown) => {
      console.warn('inkreel: the sound setting could not be kept', error);
    });
  };
  // A story's own theme dresses the whole page while it plays, unless the player chose one.
  if (settings.theme === 'system' && isTheme(entry.meta.theme))
    document.documentElement.dataset.theme = entry.meta.theme;
  // a pick's User Timing marks and measures (DESIGN §7, §8), defined in play-marks.ts
  const marks = playMarks({ stagePrepared: () => stage?.nextBeatPrepared ?? true });
  const send = (command: PlayerCommand): void => {
    if (command.type === 'PICK') marks.pick(player?.getView() ?? null);
    player?.send(command);
  };
  const incognito = capture.mode() === 'incognito';
  const mirror = new PlayMirror({
    send,
    now: () => clock.now(),
    resolveAsset,
    profileName: incognito ? `${profile.name} (incognito: nothing is kept)` : profile.name,
    title: entry.meta.title,
    mapHref: entry.loadMap ? hrefFor({ name: 'map', storyId }) : undefined,
    outline: entry.outline ?? null,
    reducedMotion: () =>
      settings.reducedMotion ?? deps.matchMedia('(prefers-reduced-motion: reduce)').matches,
    advanceStage: () => stage?.advance() ?? false,
    textSpeed: settings.textSpeed,
    autoplay: settings.autoplay,
    sound: {
      muted: mix.soundMuted,
      setMuted: (muted) => {
        setMuted(muted);
        menu.setMuted(muted);
      },
    },
  });
  deps.root.replaceChildren(mirror.root);
  // the story's look reaches the DOM too: its chapter cards and title lettering follow it
  if (entry.meta.look) mirror.root.dataset.look = entry.meta.look;
  // The pause menu and the History hold the window as one (DESIGN.md §3: Escape pauses).
  const hold = menuHold(send);
  // the ledger is made once the store's state is known; the menu reaches it when it is there
  let ledgerRef: LedgerPanel | null = null;
  const history = new HistoryDialog({ hold });
  const setMuted = (muted: boolean): void => {
    tab.soundMuted = muted;
    mix = { ...mix, soundMuted: muted };
    audio.setMix(mix);
    mirror.showMuted(muted);
    keepSetting('soundMuted', muted);
  };
  const menu = new PauseMenu({
    title: entry.meta.title,
    send,
    hold,
    timeScale: settings.timeScale,
    saveTimeScale: (scale) => deps.changeSetting('timeScale', scale),
    textSpeed: {
      value: settings.textSpeed,
      choices: TEXT_SPEED_CHOICES,
      // applies to the text on screen at once, then is kept as the profile's setting
      change: async (value) => {
        const speed = TEXT_SPEED_CHOICES.find((c) => c.value === value)?.value;
        if (speed === undefined) return;
        mirror.setReading(speed, settings.autoplay);
        stage?.setTextSpeed(speed);
        await deps.changeSetting('textSpeed', speed);
      },
    },
    sound: { muted: () => mix.soundMuted, setMuted },
    mixer: {
      value: () => mix,
      preview: (key, value) => audio.setMix({ ...mix, [key]: value }),
      commit: (key, value) => {
        mix = { ...mix, [key]: value };
        audio.setMix(mix);
        keepSetting(key, value);
      },
    },
    openHistory: () => history.open(),
    openLedger: () => ledgerRef?.open(),
    mapHref: entry.loadMap ? hrefFor({ name: 'map', storyId }) : undefined,
  });
  mirror.root.append(menu.dialog, history.dialog);
  // there from the first frame: Escape and the Menu work while the story still loads
  mirror.addControl(history.button);
  mirror.addControl(menu.button);
  const unbindKeys = bindMenuKeys(mirror.root, {
    menu: () => menu.open(),
    history: () => history.open(),
  });

  // The story does not wait for the stage: its first beat reads in the DOM, and the stage (pixi
  // and the art) starts loading on the first frame after, so nothing competes with that beat.
  mirror.setStagePending();
  let torn = false;
  const loadStage = (): Promise<PlayStage | null> =>
    deps
      .createStage(mirror.stageHost, {
        resolveAsset,
        now: () => clock.now(),
        onPick: (index, input) => send({ type: 'PICK', index, input }),
        onChoiceRects: (rects) => mirror.setChoiceRects(rects),
        onReveal: (report) => mirror.setReveal(report),
        // a tap with nothing left to reveal or page: past the last beat, on to the ending
        onContinue: () => {
          if (player?.getView().endingNext) send({ type: 'CONTINUE' });
        },
        textSpeed: settings.textSpeed,
        reducedMotion:
          settings.reducedMotion ?? deps.matchMedia('(prefers-reduced-motion: reduce)').matches,
        theme: stageTheme(settings, entry.meta.theme, deps.matchMedia),
        look: entry.meta.look ?? null,
      })
      .catch((error: unknown) => {
        console.warn(
          'inkreel: drawing the scene is not possible here; showing the text view.',
          error,
        );
        return null;
      });
  // The story, the lock and the save do not depend on each other: start them at once.
  // Incognito play keeps nothing, so there is no live save another tab could share.
  const claimed = incognito
    ? Promise.resolve(() => undefined)
    : claimPlay(deps.locks, `inkreel-play:${profile.id}:${storyId}`);
  const [json, release, saved] = await Promise.all([
    entry.load(),
    claimed,
    // a tab that does not hold the story reads nothing of the other tab's live save
    claimed.then((own) => (own === null ? null : capture.getSave(storyId))),
  ]);
  const ownsSave = release !== null;
  const imagesBeforeStage: string[] = [];
  const runtime = deps.createRuntime(json, { storyId, version: entry.meta.version });
  const resume = saved && saved.storyVersion === runtime.meta.version ? saved : null;
  const sessionId = resume?.sessionId ?? deps.newId();

  const storageMessage = (): string | null =>
    deps.storage.status && deps.storage.status.state !== 'ok' ? deps.storage.status.message : null;
  const stateNow = () =>
    recordingModeOf(capture.mode(), deps.storage.kind, deps.storage.status, capture.failing);
  const ledger = new LedgerPanel({
    events: [],
    mode: stateNow(),
    storageMessage: storageMessage(),
    onOpen: () => send({ type: 'PAUSE', reason: 'overlay' }),
    onClose: () => send({ type: 'RESUME', reason: 'overlay' }),
  });
  ledgerRef = ledger;
  history.button.before(ledger.button);
  mirror.root.append(ledger.dialog);
  if (!ownsSave)
    mirror.addControl(h('p', { class: 'play-tab-notice', role: 'status' }, OTHER_TAB_NOTICE));
  const showRecording = (): void => {
    const state = stateNow();
    // A failure is said even while paused (a save can fail then); it goes once that write works.
    const failed = capture.failures().map((f) => f.message);
    const failure = failed.length > 0 ? failed.join(' ') : null;
    const notice =
      failure ??
      (state === 'memory'
        ? storageMessage() ||
          'Storage is not available: nothing is being kept after this tab closes.'
        : null);
    mirror.setRecording(recordingLabel(state, profile.name), notice);
    menu.setRecording(recordingLabel(state, profile.name));
    ledger.setMode(state, failure ?? storageMessage());
  };
  showRecording();
  const offStatus = deps.storage.onStatusChange?.(showRecording);
  const offFailure = capture.onFailure(showRecording);
  const offRecorded = capture.onRecorded((event) => {
    if (event.sessionId === sessionId) ledger.add(event);
  });
  if (resume) {
    // Earlier events of a resumed session, loaded after play starts so the first decision never waits.
    void deps.storage
      .events(profile.id)
      .then((events) => {
        for (const event of events) if (event.sessionId === sessionId) ledger.add(event);
      })
      .catch((error: unknown) => console.warn('inkreel: the ledger could not load', error));
  }

  player = startPlayer({
    runtime,
    clock,
    storyId,
    sessionId,
    timeScale: settings.timeScale,
    // Neither rejects: the capture service reports a failed write itself (a notice and a warning).
    record: async (draft) => {
      await capture.record(draft);
    },
    save: (save) => (ownsSave ? capture.putSave(save) : Promise.resolve()),
    resume,
    // images go to the stage; those asked for before it arrived are preloaded at the handover
    preload: lookaheadPreloader({
      preloadImages: (paths) => {
        if (stage) return stage.preload(paths);
        imagesBeforeStage.push(...paths);
        return Promise.resolve();
      },
      resolveAsset,
    }),
    // the pick's story step and capture start once its card has been drawn (play-marks.ts)
    afterConfirm: () => nextFrameDone(),
    // a pick's hold ends at the start of a frame, before the stage draws it: the next beat is
    // drawn in the frame the hold ends in (play-marks.ts measures from there)
    atNextFrame: (begin) => {
      atNextFrameStart(begin, (run) => stage?.beforeNextDraw?.(run) ?? false);
    },
  });
  // a menu opened while the story loaded held no player yet: its hold starts now
  if (menu.opened || history.opened) send({ type: 'PAUSE', reason: 'menu' });
  let announcedResume = resume === null;
  let lastState = '';
  // At the handover the stage is told the lines the DOM had shown were read, until the player's
  // own readThrough passes them (or the lines start over): it never types them a second time.
  let handedThrough = -1;
  const stageView = (view: PlayView): PlayView => {
    const last = view.lines.at(-1)?.id ?? -1;
    if (view.readThrough >= handedThrough || last < handedThrough) handedThrough = -1;
    return handedThrough > view.readThrough ? { ...view, readThrough: handedThrough } : view;
  };
  const show = (view: PlayView): void => {
    marks.beforeShow(view);
    // A play left while it was still loading must not relabel the page that replaced it.
    if (mirror.root.isConnected) setState(view.state);
    mirror.update(view);
    history.update(view);
    menu.update(view);
    stage?.update(stageView(view));
    audio.update(view);
    marks.afterShow(view);
  };
  const handOver = (ready: PlayStage | null): void => {
    if (torn) {
      ready?.destroy();
      return;
    }
    if (ready === null) {
      mirror.setCanvasMode(false);
      return;
    }
    stage = ready;
    if (imagesBeforeStage.length > 0)
      ready.preload(imagesBeforeStage.splice(0)).catch(() => undefined);
    handedThrough = mirror.shownThrough() ?? -1;
    void mirror.handOver();
    if (player) stage.update(stageView(player.getView()));
  };
  const unsubscribe = player.subscribe((view) => {
    show(view);
    if (!announcedResume && view.state === 'choosing' && view.decision) {
      announcedResume = true;
      mirror.showResumed(view.decision.turn);
    }
    // a finished story opens fresh next time; a rewind from here saves again at its decision
    if (view.state === 'ended' && lastState !== 'ended' && ownsSave)
      void capture.clearSave(storyId);
    if (view.state === 'ended' && lastState !== 'ended' && view.ending)
      void countEndings(entry, deps.storage, profile.id, view.ending.path).then((found) => {
        if (found !== null) mirror.setEndingsFound(found);
      });
    lastState = view.state;
  });
  show(player.getView());
  requestAnimationFrame(() => {
    if (!torn) void loadStage().then(handOver);
  });

  const onVisibility = (): void =>
    send(
      document.hidden ? { type: 'PAUSE', reason: 'hidden' } : { type: 'RESUME', reason: 'hidden' },
    );
  document.addEventListener('visibilitychange', onVisibility);
  if (document.hidden) onVisibility();

  // System theme and motion changes apply live, unless a setting or the story decides.
  const schemeQuery = deps.matchMedia('(prefers-color-scheme: light)');
  const motionQuery = deps.matchMedia('(prefers-reduced-motion: reduce)');
  const onScheme = (): void =>
    stage?.setTheme(stageTheme(settings, entry.meta.theme, deps.matchMedia));
  const onMotion = (): void =>
    stage?.setReducedMotion(settings.reducedMotion ?? motionQuery.matches);
  schemeQuery.addEventListener('change', onScheme);
  motionQuery.addEventListener('change', onMotion);

  return () => {
    torn = true;
    marks.stop();
    document.removeEventListener('visibilitychange', onVisibility);
    schemeQuery.removeEventListener('change', onScheme);
    motionQuery.removeEventListener('change', onMotion);
    unbindKeys();
    menu.destroy();
    history.destroy();
    audio.destroy();
    deps.restoreDisplay();
    offStatus?.();
    offFailure();
    unsubscribe();
    // stop() may still save the time left and record the session's end, so the lock goes after it
    player?.stop();
    release?.();
    offRecorded();
    ledger.destroy();
    stage?.destroy();
    mirror.destroy();
  };
}
