// The play view's sound: the AUDIOLOOP ambience and one-shot AUDIO cues, with HTMLAudioElement.
// Nothing sounds before the player's first gesture (browsers block it, and a page that starts
// talking on its own is rude); a missing or broken file warns once and play goes on.
import type { PlayView } from '../core/view.ts';

export interface AudioOptions {
  /** story asset path → URL, or null when the story has no such asset */
  readonly resolveAsset: (path: string) => string | null;
  readonly muted: boolean;
  /** where problems go (console.warn by default) */
  readonly warn?: (message: string) => void;
  /** seam for tests: how an element is made for a URL */
  readonly createElement?: (url: string) => HTMLAudioElement;
}

const GESTURES = ['pointerdown', 'keydown', 'touchstart'] as const;

export class StoryAudio {
  private muted: boolean;
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
    this.muted = options.muted;
    for (const type of GESTURES)
      document.addEventListener(type, this.onGesture, { capture: true, passive: true });
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

  update(view: PlayView): void {
    if (this.destroyed) return;
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
    this.muted = muted;
    if (muted) {
      this.loop?.pause();
      for (const el of this.oneShots) el.pause();
      this.oneShots.clear();
    } else {
      this.startLoop();
    }
  }

  /** called from a user gesture: from now on the browser lets the page play sound */
  unlock(): void {
    if (this.unlocked || this.destroyed) return;
    this.unlocked = true;
    for (const type of GESTURES) document.removeEventListener(type, this.onGesture, true);
    this.startLoop();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const type of GESTURES) document.removeEventListener(type, this.onGesture, true);
    this.stop(this.loop);
    this.loop = null;
    for (const el of this.oneShots) this.stop(el);
    this.oneShots.clear();
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
