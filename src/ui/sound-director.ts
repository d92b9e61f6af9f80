// What the sound engine plays, from the play view: the scene's ambience, the score's cue, the
// mixer's levels (music ducked while paused), and the UI sounds of a decision (cards rise, a tick
// in each of the last three seconds, a pick lands, the clock chose), each once per decision.
// Loaded with the engine after the first gesture, so none of it is in the JS before the first beat.
import type { Cue, Score } from '../core/score.ts';
import { remainingAt, type PlayView } from '../core/view.ts';
import { ambienceFor } from './ambience.ts';
import { busGains, type MixSettings } from './mixer.ts';
import type { SoundEngine, UiSound } from './synth.ts';

/** Ticks sound in a window's last this many seconds, one a second. */
const TICK_SECONDS = 3;
const TICK_POLL_MS = 100;

export interface DirectorOptions {
  readonly score: Score | null;
  /** the play clock (for the last seconds of a window) */
  readonly now?: () => number;
  /** warns once per key */
  readonly warnOnce: (key: string, message: string) => void;
}

export class SoundDirector {
  private view: PlayView | null = null;
  private mix: MixSettings | null = null;
  /** the cue last handed to the engine */
  private cueAsked: string | null = null;
  private decisionId: string | null = null;
  /** the UI sounds the open decision has had (rise, pick/clock-chose, ticks by second) */
  private readonly decisionSounds = new Set<string>();
  private tickTimer: ReturnType<typeof setInterval> | null = null;
  /** while true, moments are noted but not sounded (the view as it stood before sound began) */
  private silent = false;

  constructor(
    private readonly engine: SoundEngine,
    private readonly options: DirectorOptions,
  ) {}

  /** Brings the engine to the view and the mixer. `joining`: the first view, heard from now on. */
  show(view: PlayView | null, mix: MixSettings, joining = false): void {
    this.view = view;
    this.mix = mix;
    // the music steps back whenever play is held: the pause menu, History, the ledger
    const held = view?.state === 'paused' || view?.decision?.paused === true;
    this.engine.setMix(busGains(mix, held));
    if (!view) return;
    // a story's own looping file is its ambience: the scene's bed stays quiet under it
    this.engine.setAmbience(view.audioLoop === null ? ambienceFor(view.backdrop) : null);
    this.silent = joining;
    this.decisionCues(view);
    this.silent = false;
    // asked once per change of cue: an unknown cue is not asked (and warned about) again
    const name = view.music ?? null;
    if (name === this.cueAsked) return;
    this.cueAsked = name;
    this.engine.playCue(name, name === null ? null : this.cue(name));
  }

  destroy(): void {
    this.stopTicks();
  }

  private cue(name: string): Cue | null {
    const cue = this.options.score?.cues[name];
    if (cue) return cue;
    this.options.warnOnce(
      `cue:${name}`,
      `inkreel: the story's score has no cue "${name}"; playing on without it.`,
    );
    return null;
  }

  private decisionCues(view: PlayView): void {
    const d = view.decision;
    if (!d) {
      this.stopTicks();
      this.decisionId = null;
      return;
    }
    if (d.id !== this.decisionId) {
      this.decisionId = d.id;
      this.decisionSounds.clear();
      this.stopTicks();
    }
    if (d.phase === 'shown' || d.phase === 'selecting') this.once('rise');
    if (d.phase === 'picked') this.once('pick');
    if (d.phase === 'timedOut') this.once('clock-chose');
    const counting = d.phase === 'selecting' && !d.paused && d.runningSince !== null;
    if (counting && d.remainingMs !== null && this.options.now) this.startTicks();
    else this.stopTicks();
  }

  private once(sound: UiSound, key: string = sound): void {
    if (this.decisionSounds.has(key)) return;
    this.decisionSounds.add(key);
    if (!this.silent && this.mix?.soundMuted === false) this.engine.ui(sound);
  }

  private startTicks(): void {
    if (this.tickTimer !== null) return;
    const poll = (): void => {
      const d = this.view?.decision;
      const now = this.options.now;
      if (!d || !now) return;
      const left = remainingAt(d, now());
      if (left === null || left <= 0) return;
      const second = Math.ceil(left / 1000);
      if (second <= TICK_SECONDS) this.once('tick', `tick:${second}`);
    };
    this.tickTimer = setInterval(poll, TICK_POLL_MS);
    poll();
  }

  private stopTicks(): void {
    if (this.tickTimer === null) return;
    clearInterval(this.tickTimer);
    this.tickTimer = null;
  }
}
