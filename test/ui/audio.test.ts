// Story sound: waits for a gesture, loops ambience, plays each cue once, mutes, warns once per file.
import { describe, expect, it } from 'vitest';
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
