// Story sound: waits for a gesture, loops ambience, plays each cue once, mutes, warns once per file.
import { describe, expect, it, vi } from 'vitest';
import type { PlayView, SoundCue } from '../../src/core/view.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { Cue, Score } from '../../src/core/score.ts';
import { StoryAudio } from '../../src/ui/audio.ts';
import type { SoundEngine, UiSound } from '../../src/ui/synth.ts';
import { decisionView, playView } from '../builders.ts';

/** The engine's surface StoryAudio drives, recording what it was asked. */
class FakeEngine {
  readonly calls: string[] = [];
  cueName: string | null = null;
  bed: string | null = null;
  gains = { music: -1, effects: -1 };
  destroyed = false;
  readonly context = {};
  get liveNodes(): number {
    return this.destroyed ? 0 : 3;
  }
  get playing() {
    return { cue: this.cueName, ambience: this.bed };
  }
  setMix(gains: { music: number; effects: number }): void {
    this.gains = gains;
  }
  setAmbience(name: string | null): void {
    if (name === this.bed) return;
    this.bed = name;
    this.calls.push(`ambience:${name}`);
  }
  playCue(name: string | null, cue: Cue | null): void {
    this.cueName = cue === null ? null : name;
    this.calls.push(`music:${name}${cue === null ? '(none)' : ''}`);
  }
  ui(sound: UiSound): void {
    this.calls.push(`ui:${sound}`);
  }
  destroy(): Promise<void> {
    this.destroyed = true;
    return Promise.resolve();
  }
}

const MIX = {
  soundMuted: false,
  masterVolume: DEFAULT_SETTINGS.masterVolume,
  musicVolume: DEFAULT_SETTINGS.musicVolume,
  effectsVolume: DEFAULT_SETTINGS.effectsVolume,
};

class FakeAudio extends EventTarget {
  loop = false;
  preload = '';
  playing = false;
  plays = 0;
  constructor(readonly url: string) {
    super();
  }
  play(): Promise<void> {
    this.playing = true;
    this.plays += 1;
    return Promise.resolve();
  }
  pause(): void {
    this.playing = false;
  }
  removeAttribute(): void {}
  load(): void {}
}

function view(audioLoop: string | null, sounds: SoundCue[] = []): PlayView {
  return playView({ state: 'narrating', audioLoop, sounds, decision: null });
}

function setup(muted = false, score: Score | null = null, now = () => 0) {
  const made: FakeAudio[] = [];
  const warnings: string[] = [];
  const engines: FakeEngine[] = [];
  const audio = new StoryAudio({
    resolveAsset: (p) => (p.startsWith('assets/') ? `/a/${p}` : null),
    mix: { ...MIX, soundMuted: muted },
    loadScore: () => Promise.resolve(score),
    now,
    startEngine: () => {
      const engine = new FakeEngine();
      engines.push(engine);
      return Promise.resolve(engine as unknown as SoundEngine);
    },
    warn: (m) => warnings.push(m),
    createElement: (url) => {
      const el = new FakeAudio(url);
      made.push(el);
      return el as unknown as HTMLAudioElement;
    },
  });
  return { audio, made, warnings, engines };
}

describe('story audio', () => {
  it('starts the ambience only after the first user gesture, looping', () => {
    const { audio, made } = setup();
    audio.update(view('assets/rain.wav'));
    expect(made).toHaveLength(1);
    expect(made[0]?.playing).toBe(false);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(audio.isUnlocked).toBe(true);
    expect(made[0]?.playing).toBe(true);
    expect(made[0]?.loop).toBe(true);
    audio.destroy();
  });

  it('plays a one-shot cue once, however many views repeat it, and stops the loop on none', () => {
    const { audio, made } = setup();
    audio.unlock();
    audio.update(view('assets/rain.wav', [{ id: 3, path: 'assets/door.wav' }]));
    audio.update(view('assets/rain.wav', [{ id: 3, path: 'assets/door.wav' }]));
    const doors = made.filter((m) => m.url.endsWith('door.wav'));
    expect(doors).toHaveLength(1);
    expect(doors[0]?.plays).toBe(1);
    audio.update(view(null, [{ id: 3, path: 'assets/door.wav' }]));
    expect(made.find((m) => m.url.endsWith('rain.wav'))?.playing).toBe(false);
    expect(audio.ambience).toBeNull();
    audio.destroy();
  });

  it('keeps quiet while muted and resumes the ambience when unmuted', () => {
    const { audio, made } = setup(true);
    audio.unlock();
    audio.update(view('assets/rain.wav', [{ id: 1, path: 'assets/door.wav' }]));
    expect(made.some((m) => m.playing)).toBe(false);
    audio.setMuted(false);
    expect(made.find((m) => m.url.endsWith('rain.wav'))?.playing).toBe(true);
    audio.setMuted(true);
    expect(made.some((m) => m.playing)).toBe(false);
    audio.destroy();
  });

  it('warns once about a sound the story does not have, and goes on', () => {
    const { audio, warnings } = setup();
    audio.unlock();
    audio.update(view(null, [{ id: 1, path: 'missing.wav' }]));
    audio.update(view(null, [{ id: 2, path: 'missing.wav' }]));
    audio.update(view('missing.wav', [{ id: 2, path: 'missing.wav' }]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('missing.wav');
    audio.destroy();
  });
});

const SCORE: Score = {
  cues: Object.assign(Object.create(null) as Record<string, Cue>, {
    title: {
      tempo: 100,
      loop: true,
      voices: [{ instrument: 'pulse', notes: 'C4', step: 1, gain: 0.2 }],
    },
  }),
};

/** Lets the engine's lazy start (the director's import, the score) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Waits until the engine and its director run (both load lazily). */
async function started(audio: StoryAudio): Promise<void> {
  await vi.waitFor(() => expect(audio.isSounding).toBe(true));
}

describe('story audio: the sound made by code', () => {
  it('makes no engine before a gesture, and none at all while muted', async () => {
    const quiet = setup(true, SCORE);
    quiet.audio.update(view(null));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await settle();
    expect(quiet.engines).toHaveLength(0);
    quiet.audio.destroy();

    const { audio, engines } = setup(false, SCORE);
    audio.update(view(null));
    await settle();
    expect(engines).toHaveLength(0);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await started(audio);
    expect(engines).toHaveLength(1);
    audio.destroy();
    expect(engines[0]?.destroyed).toBe(true);
  });

  it('plays the scene’s ambience and the view’s cue, warns once about an unknown cue, and stops on none', async () => {
    const { audio, engines, warnings } = setup(false, SCORE);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await started(audio);
    const engine = engines[0];
    const narrating = (music: string | null, name = 'beach') =>
      playView({ state: 'narrating', decision: null, backdrop: { type: 'scene', name }, music });
    audio.update(narrating('title'));
    expect(engine?.calls).toEqual(['ambience:sea', 'music:title']);
    audio.update(narrating('title', 'office'));
    audio.update(narrating('storm'));
    audio.update(narrating('storm'));
    audio.update(narrating(null));
    expect(engine?.calls).toEqual([
      'ambience:sea',
      'music:title',
      'ambience:office',
      'ambience:sea',
      'music:storm(none)',
      'music:null(none)',
    ]);
    expect(warnings.filter((w) => w.includes('"storm"'))).toHaveLength(1);
    // a story's own AUDIOLOOP is its ambience: the bed goes quiet under it
    audio.update({ ...narrating(null), audioLoop: 'assets/rain.wav' });
    expect(engine?.playing.ambience).toBeNull();
    audio.destroy();
  });

  it('sounds a decision’s moments once each: rise, then pick, or the clock chose', async () => {
    const { audio, engines } = setup(false, SCORE);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await started(audio);
    const at = (id: string, phase: 'shown' | 'selecting' | 'picked' | 'timedOut') =>
      playView({ decision: decisionView({ id, phase, remainingMs: null, runningSince: null }) });
    audio.update(at('d1', 'shown'));
    audio.update(at('d1', 'selecting'));
    audio.update(at('d1', 'picked'));
    audio.update(at('d1', 'picked'));
    audio.update(at('d2', 'shown'));
    audio.update(at('d2', 'timedOut'));
    expect(engines[0]?.calls.filter((c) => c.startsWith('ui:'))).toEqual([
      'ui:rise',
      'ui:pick',
      'ui:rise',
      'ui:clock-chose',
    ]);
    audio.destroy();
  });

  it('ticks once a second in a window’s last three seconds, and not while it is paused', async () => {
    let now = 0;
    const { audio, engines } = setup(false, SCORE, () => now);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await started(audio);
    const running = decisionView({
      id: 'd',
      phase: 'selecting',
      remainingMs: 10_000,
      runningSince: 0,
      paused: false,
    });
    const ticks = () => engines[0]?.calls.filter((c) => c === 'ui:tick').length;
    now = 5_000;
    audio.update(playView({ decision: running }));
    await new Promise((r) => setTimeout(r, 150));
    expect(ticks()).toBe(0);
    for (const t of [7_100, 7_500, 8_200, 9_050, 9_900]) {
      now = t;
      await new Promise((r) => setTimeout(r, 120));
    }
    expect(ticks()).toBe(3);
    // paused at 2.5 s left: no more ticks however long the pause
    audio.update(
      playView({
        decision: { ...running, id: 'e', runningSince: null, remainingMs: 2_500, paused: true },
      }),
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(ticks()).toBe(3);
    audio.destroy();
  });

  it('joins a decision already open when sound starts without a late rise, and sounds what follows', async () => {
    const { audio, engines } = setup(false, SCORE);
    const open = playView({
      decision: decisionView({
        id: 'd1',
        phase: 'selecting',
        remainingMs: null,
        runningSince: null,
      }),
    });
    audio.update(open);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await started(audio);
    audio.update(open);
    audio.update(
      playView({
        decision: decisionView({
          id: 'd1',
          phase: 'picked',
          remainingMs: null,
          runningSince: null,
        }),
      }),
    );
    expect(engines[0]?.calls.filter((c) => c.startsWith('ui:'))).toEqual(['ui:pick']);
    audio.destroy();
  });

  it('applies the mixer live and ducks the music while paused', async () => {
    const { audio, engines } = setup(false, SCORE);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await started(audio);
    audio.update(view(null));
    const playing = engines[0]?.gains.music ?? 0;
    expect(playing).toBeGreaterThan(0);
    audio.update(playView({ state: 'paused', decision: null }));
    expect(engines[0]?.gains.music).toBeLessThan(playing);
    audio.setMix({ ...MIX, musicVolume: 0 });
    expect(engines[0]?.gains.music).toBe(0);
    audio.destroy();
  });
});
