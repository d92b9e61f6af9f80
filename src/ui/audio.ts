// The play view's sound: the story's AUDIOLOOP/AUDIO files (HTMLAudioElement), and the sound made
// by code (ui/synth.ts, loaded only after the first gesture): each scene's ambience, the story's
// score cues (`music:`), and the UI sounds of a decision (cards rise, the last three seconds tick,
// a pick lands, the clock chose). Nothing sounds before the player's first gesture (browsers block
// it, and a page that starts talking on its own is rude); muted, no AudioContext is ever made. A
// missing or broken file, an unknown cue, warns once and play goes on.
import type { Score } from '../core/score.ts';
import type { PlayView } from '../core/view.ts';
import { sliderGain, type MixSettings } from './mixer.ts';
import type { SoundDirector } from './sound-director.ts';
import type { SoundEngine } from './synth.ts';

export interface AudioOptions {
  /** story asset path → URL, or null when the story has no such asset */
  readonly resolveAsset: (path: string) => string | null;
  /** the mixer's settings (volumes and mute) at the start */
  readonly mix: MixSettings;
  /** the story's score, read when the sound engine starts; null when it has none */
  readonly loadScore?: () => Promise<Score | null>;
  /** the play clock (for the last seconds of a window) */
  readonly now?: () => number;
  /** where problems go (console.warn by default) */
  readonly warn?: (message: string) => void;
  /** seam for tests: how an element is made for a URL */
  readonly createElement?: (url: string) => HTMLAudioElement;
  /** seam for tests: the synthesised sound; by default ui/synth.ts on a new AudioContext */
  readonly startEngine?: () => Promise<SoundEngine>;
  /** keeps `window.__inkreelAudio` (a trace of what sounded, for browser tests) */
  readonly trace?: boolean;
}

/** What a browser test reads as `window.__inkreelAudio` (only with the trace on). */
export interface AudioTrace {
  readonly events: string[];
  /** the AudioContext's state, or "none" before one exists */
  context: string;
  /** audio nodes the engine holds; 0 after teardown */
  liveNodes: () => number;
}

declare global {
  interface Window {
    __inkreelAudio?: AudioTrace;
  }
}

const GESTURES = ['pointerdown', 'keydown', 'touchstart'] as const;

/** The engine's context when it is a live AudioContext (not an offline render, not a fake). */
function realtime(engine: SoundEngine | null): AudioContext | null {
  const context = engine?.context;
  return context && 'suspend' in context && 'close' in context ? (context as AudioContext) : null;
}

async function defaultEngine(trace: ((entry: string) => void) | undefined): Promise<SoundEngine> {
  // made inside the gesture's task (before any await), so the browser lets it run at once
  const context = new AudioContext({ latencyHint: 'playback' });
  const { SoundEngine: Engine } = await import('./synth.ts');
  return new Engine(context, { trace });
}

export class StoryAudio {
  private muted: boolean;
  private mix: MixSettings;
  private engine: SoundEngine | null = null;
  private engineStarting = false;
  private director: SoundDirector | null = null;
  private view: PlayView | null = null;
  private readonly traceLog: AudioTrace | null;
  private unlocked = false;
  private destroyed = false;
  private loopPath: string | null = null;
  private loop: HTMLAudioElement | null = null;
  /** highest cue id already handled: cue ids only grow through a playthrough */
  private lastCue = 0;
  private readonly warned = new Set<string>();
  private readonly oneShots = new Set<HTMLAudioElement>();
  private readonly onGesture = (): void => this.unlock();

  constructor(private readonly options: AudioOptions) {
    this.mix = options.mix;
    this.muted = options.mix.soundMuted;
    this.traceLog = options.trace
      ? { events: [], context: 'none', liveNodes: () => this.engine?.liveNodes ?? 0 }
      : null;
    if (this.traceLog) window.__inkreelAudio = this.traceLog;
    // on the window, in the capture phase, and before any play view listens: the key that
    // dismisses a chapter card (which stops it there) is still the gesture that starts sound
    for (const type of GESTURES)
      window.addEventListener(type, this.onGesture, { capture: true, passive: true });
  }

  get isMuted(): boolean {
    return this.muted;
  }

  /** true once a gesture allowed sound to start */
  get isUnlocked(): boolean {
    return this.unlocked;
  }

  /** the ambience currently wanted (playing unless muted or before the first gesture) */
  get ambience(): string | null {
    return this.loopPath;
  }

  /** true once the synthesised sound runs (after the first gesture, never while muted) */
  get isSounding(): boolean {
    return this.director !== null;
  }

  update(view: PlayView): void {
    if (this.destroyed) return;
    this.view = view;
    this.director?.show(view, this.mix);
    this.setLoop(view.audioLoop);
    const sounds = view.sounds ?? [];
    const fresh = sounds.filter((s) => s.id > this.lastCue);
    for (const s of sounds) this.lastCue = Math.max(this.lastCue, s.id);
    // Several cues arriving at once (a resumed save, a long beat) would play over each other:
    // only the newest is worth hearing.
    const newest = fresh[fresh.length - 1];
    if (newest && this.unlocked && !this.muted) this.playOnce(newest.path);
  }

  setMuted(muted: boolean): void {
    this.setMix({ ...this.mix, soundMuted: muted });
  }

  /** Applies the mixer live (a slider moved, mute toggled). */
  setMix(mix: MixSettings): void {
    const wasMuted = this.muted;
    this.mix = mix;
    this.muted = mix.soundMuted;
    if (this.loop) this.loop.volume = this.fileVolume();
    if (this.muted && !wasMuted) {
      this.loop?.pause();
      for (const el of this.oneShots) el.pause();
      this.oneShots.clear();
      void realtime(this.engine)?.suspend();
    } else if (!this.muted && wasMuted) {
      this.startLoop();
      void realtime(this.engine)?.resume();
      // unmuting is itself a gesture: the engine may start now
      if (this.unlocked) this.startEngine();
    }
    this.director?.show(this.view, this.mix);
  }

  /** called from a user gesture: from now on the browser lets the page play sound */
  unlock(): void {
    if (this.unlocked || this.destroyed) return;
    this.unlocked = true;
    for (const type of GESTURES) window.removeEventListener(type, this.onGesture, true);
    this.startLoop();
    this.startEngine();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const type of GESTURES) window.removeEventListener(type, this.onGesture, true);
    this.stop(this.loop);
    this.loop = null;
    for (const el of this.oneShots) this.stop(el);
    this.oneShots.clear();
    this.director?.destroy();
    this.director = null;
    const engine = this.engine;
    this.engine = null;
    if (engine) {
      const done = engine.destroy();
      if (this.traceLog) {
        const trace = this.traceLog;
        trace.liveNodes = () => engine.liveNodes;
        void done.then(() => {
          trace.context = realtime(engine)?.state ?? 'offline';
        });
      }
    }
  }

  private trace(entry: string): void {
    this.traceLog?.events.push(entry);
  }

  private startEngine(): void {
    if (this.engine || this.engineStarting || this.muted || !this.unlocked || this.destroyed)
      return;
    this.engineStarting = true;
    const trace = this.traceLog ? (entry: string) => this.trace(entry) : undefined;
    const start = this.options.startEngine ?? (() => defaultEngine(trace));
    const score = this.options.loadScore?.().catch((error: unknown) => {
      this.warnOnce(
        'score',
        `inkreel: the story's score could not be read; playing on without music. ${String(error)}`,
      );
      return null;
    });
    void Promise.all([start(), import('./sound-director.ts'), score])
      .then(([engine, { SoundDirector: Director }, loaded]) => {
        this.engineStarting = false;
        if (this.destroyed) {
          void engine.destroy();
          return;
        }
        this.engine = engine;
        this.director = new Director(engine, {
          score: loaded ?? null,
          now: this.options.now,
          warnOnce: (key, message) => this.warnOnce(key, message),
        });
        const context = realtime(engine);
        if (context) {
          const report = (): void => {
            if (this.traceLog) this.traceLog.context = context.state;
            this.trace(`context:${context.state}`);
          };
          context.addEventListener('statechange', report);
          report();
          if (context.state === 'suspended' && !this.muted) void context.resume();
        }
        this.director.show(this.view, this.mix, true);
      })
      .catch((error: unknown) => {
        this.engineStarting = false;
        this.warnOnce(
          'engine',
          `inkreel: sound is not available here; playing on silently. ${String(error)}`,
        );
      });
  }

  /** Files play on the effects bus's level (the mixer's master × effects). */
  private fileVolume(): number {
    return this.muted ? 0 : sliderGain(this.mix.masterVolume) * sliderGain(this.mix.effectsVolume);
  }

  private setLoop(path: string | null): void {
    if (path === this.loopPath) return;
    this.loopPath = path;
    this.stop(this.loop);
    this.loop = null;
    if (path === null) return;
    const el = this.element(path);
    if (!el) return;
    el.loop = true;
    el.volume = this.fileVolume();
    this.loop = el;
    this.startLoop();
  }

  private startLoop(): void {
    if (!this.loop || !this.unlocked || this.muted || this.destroyed) return;
    this.play(this.loop, this.loopPath ?? '');
  }

  private playOnce(path: string): void {
    const el = this.element(path);
    if (!el) return;
    el.volume = this.fileVolume();
    this.oneShots.add(el);
    el.addEventListener('ended', () => this.oneShots.delete(el), { once: true });
    this.play(el, path);
  }

  private element(path: string): HTMLAudioElement | null {
    const url = this.options.resolveAsset(path);
    if (url === null) {
      this.warnOnce(path, `inkreel: the story has no sound file "${path}"; playing on without it.`);
      return null;
    }
    const el = this.options.createElement?.(url) ?? new Audio(url);
    el.preload = 'auto';
    el.addEventListener(
      'error',
      () => this.warnOnce(path, `inkreel: the sound "${path}" could not be played; playing on.`),
      { once: true },
    );
    return el;
  }

  private play(el: HTMLAudioElement, path: string): void {
    let started: Promise<void> | undefined;
    try {
      started = el.play();
    } catch {
      started = undefined;
    }
    // A rejected play() (no decodable source, autoplay policy) must never become an unhandled error.
    started?.catch((error: unknown) => {
      if ((error as { name?: string } | null)?.name === 'AbortError') return;
      this.warnOnce(path, `inkreel: the sound "${path}" could not be played; playing on.`);
    });
  }

  private stop(el: HTMLAudioElement | null): void {
    if (!el) return;
    el.pause();
    el.removeAttribute('src');
    el.load();
  }

  private warnOnce(path: string, message: string): void {
    if (this.warned.has(path)) return;
    this.warned.add(path);
    (this.options.warn ?? console.warn)(message);
  }
}
