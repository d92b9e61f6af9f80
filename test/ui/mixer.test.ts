// The mixer's maths and the ambience table: pure, so levels and choices are checked without sound.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { parseSceneValue } from '../../src/core/scenes.ts';
import { ambienceFor } from '../../src/ui/ambience.ts';
import { busGains, decibels, PAUSE_DUCK, percent, sliderGain } from '../../src/ui/mixer.ts';

const mix = {
  soundMuted: false,
  masterVolume: 1,
  musicVolume: 1,
  effectsVolume: 1,
};

describe('the mixer', () => {
  it('maps a slider by its square: ends exact, half-way about −12 dB, out-of-range clamped', () => {
    expect(sliderGain(0)).toBe(0);
    expect(sliderGain(1)).toBe(1);
    expect(decibels(sliderGain(0.5))).toBeCloseTo(-12.04, 1);
    expect(sliderGain(2)).toBe(1);
    expect(sliderGain(-1)).toBe(0);
    expect(sliderGain(Number.NaN)).toBe(0);
  });

  it('multiplies master into each bus, and mute silences everything', () => {
    expect(busGains({ ...mix, masterVolume: 0.5, musicVolume: 0.5, effectsVolume: 1 })).toEqual({
      music: 0.0625,
      effects: 0.25,
    });
    expect(busGains({ ...mix, soundMuted: true })).toEqual({ music: 0, effects: 0 });
    expect(busGains({ ...mix, masterVolume: 0 })).toEqual({ music: 0, effects: 0 });
  });

  it('ducks only the music while paused', () => {
    const playing = busGains(mix);
    const paused = busGains(mix, true);
    expect(paused.music).toBeCloseTo(playing.music * PAUSE_DUCK, 10);
    expect(paused.effects).toBe(playing.effects);
    expect(decibels(PAUSE_DUCK)).toBeLessThan(-10);
  });

  it('starts quiet: the defaults sit well below full scale', () => {
    const d = busGains(DEFAULT_SETTINGS);
    expect(decibels(d.music)).toBeLessThan(-12);
    expect(decibels(d.effects)).toBeLessThan(-6);
    expect(percent(DEFAULT_SETTINGS.masterVolume)).toBe('70%');
  });
});

describe('the ambience table', () => {
  it('gives the stories’ scenes their beds', () => {
    const scene = (name: string) => ambienceFor({ type: 'scene', name });
    expect(scene('office')).toBe('office');
    expect(scene('bedroom')).toBe('room');
    expect(scene('beach')).toBe('sea');
    expect(scene('night-street')).toBe('night');
    expect(scene('train')).toBe('train');
    expect(scene('rooftop')).toBe('wind');
  });

  it('falls back by the words of a new scene name, then to room tone', () => {
    const scene = (name: string) => ambienceFor({ type: 'scene', name });
    expect(scene('harbour-wall')).toBe('sea');
    expect(scene('station-platform')).toBe('train');
    expect(scene('high-street')).toBe('street');
    expect(scene('attic')).toBe('room');
  });

  it('lets weather= and time= parameters change the bed', () => {
    expect(parseSceneValue('street time=night weather=rain')).toEqual({
      name: 'street',
      params: { time: 'night', weather: 'rain' },
    });
    expect(ambienceFor({ type: 'scene', name: 'office weather=rain' })).toBe('rain');
    expect(ambienceFor({ type: 'scene', name: 'street time=night' })).toBe('night');
    expect(ambienceFor({ type: 'scene', name: 'street' }, { weather: 'storm' })).toBe('rain');
    // as the directive carries them: the name alone, the parameters beside it
    expect(
      ambienceFor({
        type: 'scene',
        name: 'hotel-desk',
        params: { time: 'night', weather: 'rain' },
      }),
    ).toBe('rain');
    expect(ambienceFor({ type: 'scene', name: 'street', params: { time: 'night' } })).toBe('night');
    expect(ambienceFor({ type: 'scene', name: 'cafe', params: { time: 'day' } })).toBe('sea');
    expect(ambienceFor({ type: 'scene', name: 'platform' })).toBe('train');
  });

  it('is silent for colours, pictures and no backdrop', () => {
    expect(ambienceFor(null)).toBeNull();
    expect(ambienceFor({ type: 'color', color: '#000' })).toBeNull();
    expect(ambienceFor({ type: 'asset', path: 'assets/a.png' })).toBeNull();
  });
});
