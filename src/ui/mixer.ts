// The mixer's maths: the settings' volumes (0…1 sliders) to the gains of the sound engine's buses.
// Pure, so the levels are tested without any audio.
import type { Settings } from '../core/settings.ts';

export type MixSettings = Pick<
  Settings,
  'soundMuted' | 'masterVolume' | 'musicVolume' | 'effectsVolume'
>;

export interface BusGains {
  /** the score */
  readonly music: number;
  /** UI sounds and the scenes' ambience */
  readonly effects: number;
}

/** How far the score drops while the game is paused (about −12 dB): still there, out of the way. */
export const PAUSE_DUCK = 0.25;

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/**
 * A slider position as a gain. Loudness is heard roughly logarithmically, so a linear slider
 * would do all its work in its first quarter; the square spreads it over the travel
 * (half-way ≈ −12 dB) and 0 is true silence.
 */
export function sliderGain(position: number): number {
  const p = clamp01(position);
  return p * p;
}

/** The gains of the music and effects buses for `mix`; muted is silence everywhere. */
export function busGains(mix: MixSettings, paused = false): BusGains {
  if (mix.soundMuted) return { music: 0, effects: 0 };
  const master = sliderGain(mix.masterVolume);
  return {
    music: master * sliderGain(mix.musicVolume) * (paused ? PAUSE_DUCK : 1),
    effects: master * sliderGain(mix.effectsVolume),
  };
}

/** A gain in decibels (for people and reports): −Infinity for silence. */
export function decibels(gain: number): number {
  return gain <= 0 ? -Infinity : 20 * Math.log10(gain);
}

/** A volume as the settings' sliders say it: "70%". */
export function percent(position: number): string {
  return `${Math.round(clamp01(position) * 100)}%`;
}
