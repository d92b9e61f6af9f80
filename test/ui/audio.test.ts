// Story sound: waits for a gesture, loops ambience, plays each cue once, mutes, warns once per file.
import { describe, expect, it } from 'vitest';
import type { PlayView, SoundCue } from '../../src/core/view.ts';
import { StoryAudio } from '../../src/ui/audio.ts';
import { playView } from '../builders.ts';

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

function setup(muted = false) {
  const made: FakeAudio[] = [];
  const warnings: string[] = [];
  const audio = new StoryAudio({
    resolveAsset: (p) => (p.startsWith('assets/') ? `/a/${p}` : null),
    muted,
    warn: (m) => warnings.push(m),
    createElement: (url) => {
      const el = new FakeAudio(url);
      made.push(el);
      return el as unknown as HTMLAudioElement;
    },
  });
  return { audio, made, warnings };
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
