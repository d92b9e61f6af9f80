// The sound engine: every sound made by code with plain Web Audio (oscillators, a periodic wave for
// the chip's pulse, noise buffers, filters), nothing downloaded. Loaded lazily by ui/audio.ts after
// the player's first gesture. Buses: music and effects (UI sounds and ambience) → master → a soft
// limiter. Runs on an AudioContext for play, or an OfflineAudioContext to render a cue for levels.
import type { Cue, Instrument, NoteEvent } from '../core/score.ts';
import { frequencyOf, parsePattern } from '../core/score.ts';
import type { Ambience } from './ambience.ts';
import type { BusGains } from './mixer.ts';

export type UiSound = 'rise' | 'tick' | 'pick' | 'clock-chose';

/** How long ambiences and cues cross-fade, in seconds. */
const AMBIENCE_FADE = 2.5;
const CUE_FADE = 1.5;
/** How far ahead notes are scheduled, and how often the scheduler looks. */
const LOOKAHEAD = 0.6;
const PUMP_MS = 150;
/** The chip's arpeggio: one chord note per 1/25 s, as a 50 Hz frame-driven tune stepped them. */
const ARP_STEP = 0.04;
/** Samples blended at a noise buffer's loop point. */
const SEAM = 2048;

interface PlayingVoice {
  readonly instrument: Instrument;
  readonly events: readonly NoteEvent[];
  readonly tokens: number;
  readonly step: number;
  readonly gain: number;
  pass: number;
  cursor: number;
}

interface PlayingCue {
  readonly name: string;
  readonly bus: GainNode;
  readonly start: number;
  readonly secondsPerBeat: number;
  /** when the cue stops scheduling (a cue that does not loop plays its longest voice once) */
  readonly end: number;
  readonly voices: PlayingVoice[];
}

interface Bed {
  readonly name: Ambience;
  readonly gain: GainNode;
  readonly nodes: AudioNode[];
}

export interface EngineOptions {
  /** each thing the engine starts, for the test trace (`ambience:rain`, `music:title`, `ui:tick`) */
  readonly trace?: (entry: string) => void;
  /** true for an OfflineAudioContext render: the caller pumps the scheduler itself */
  readonly offline?: boolean;
}

export class SoundEngine {
  readonly master: GainNode;
  private readonly music: GainNode;
  private readonly effects: GainNode;
  private readonly limiter: DynamicsCompressorNode;
  private readonly live = new Set<AudioNode>();
  private readonly pulseWave: PeriodicWave;
  private readonly white: AudioBuffer;
  private readonly brown: AudioBuffer;
  private cue: PlayingCue | null = null;
  private bed: Bed | null = null;
  private readonly timer: ReturnType<typeof setInterval> | null;
  private destroyed = false;

  constructor(
    readonly context: BaseAudioContext,
    private readonly options: EngineOptions = {},
  ) {
    this.limiter = this.track(
      new DynamicsCompressorNode(context, {
        threshold: -8,
        knee: 6,
        ratio: 12,
        attack: 0.003,
        release: 0.25,
      }),
    );
    // headroom: everything at full volume at once (a busy cue, a bed, three UI sounds) peaked at
    // −1.65 dBFS in an offline render without it, −2.1 dBFS with it (the compressor's make-up
    // gain gives part of the trim back)
    this.master = this.track(new GainNode(context, { gain: 0.85 }));
    this.music = this.track(new GainNode(context, { gain: 0 }));
    this.effects = this.track(new GainNode(context, { gain: 0 }));
    this.music.connect(this.master);
    this.effects.connect(this.master);
    this.master.connect(this.limiter);
    this.limiter.connect(context.destination);
    this.pulseWave = pulse(context, 0.25);
    this.white = noiseBuffer(context, 'white');
    this.brown = noiseBuffer(context, 'brown');
    this.timer = options.offline ? null : setInterval(() => this.pump(), PUMP_MS);
  }

  /** Audio nodes the engine holds now: every one it made and has not yet let go (leak checks). */
  get liveNodes(): number {
    return this.live.size;
  }

  /** The cue and ambience playing now (null when silent). */
  get playing(): { readonly cue: string | null; readonly ambience: Ambience | null } {
    return { cue: this.cue?.name ?? null, ambience: this.bed?.name ?? null };
  }

  setMix(gains: BusGains, ramp = 0.15): void {
    const t = this.context.currentTime;
    for (const [bus, value] of [
      [this.music, gains.music],
      [this.effects, gains.effects],
    ] as const) {
      bus.gain.cancelScheduledValues(t);
      bus.gain.setValueAtTime(bus.gain.value, t);
      bus.gain.linearRampToValueAtTime(value, t + ramp);
    }
  }

  /** Cross-fades to the ambience `name` (null fades to silence). */
  setAmbience(name: Ambience | null): void {
    if (this.destroyed || (this.bed?.name ?? null) === name) return;
    const t = this.context.currentTime;
    if (this.bed) this.fadeOut(this.bed.gain, this.bed.nodes, AMBIENCE_FADE);
    this.bed = null;
    if (name === null) return;
    const gain = this.track(new GainNode(this.context, { gain: 0 }));
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(1, t + AMBIENCE_FADE);
    gain.connect(this.effects);
    this.bed = { name, gain, nodes: this.buildBed(name, gain) };
    this.options.trace?.(`ambience:${name}`);
  }

  /** Starts cue `cue` (named `name`), fading out the one before; null fades the music out. */
  playCue(name: string | null, cue: Cue | null): void {
    if (this.destroyed) return;
    if (this.cue) this.fadeOut(this.cue.bus, [], CUE_FADE);
    this.cue = null;
    if (name === null || cue === null) return;
    const t = this.context.currentTime + 0.05;
    const bus = this.track(new GainNode(this.context, { gain: 1 }));
    bus.connect(this.music);
    const voices: PlayingVoice[] = [];
    let beats = 0;
    for (const v of cue.voices) {
      const p = parsePattern(v.notes, v.instrument);
      if (!p.ok) continue;
      beats = Math.max(beats, p.tokens * v.step);
      voices.push({ ...v, events: p.events, tokens: p.tokens, pass: 0, cursor: 0 });
    }
    const secondsPerBeat = 60 / cue.tempo;
    this.cue = {
      name,
      bus,
      start: t,
      secondsPerBeat,
      end: cue.loop ? Infinity : t + beats * secondsPerBeat,
      voices,
    };
    this.options.trace?.(`music:${name}`);
    this.pump();
  }

  /** A UI sound on the effects bus. */
  ui(sound: UiSound): void {
    if (this.destroyed) return;
    const t = this.context.currentTime + 0.01;
    const out = this.effects;
    switch (sound) {
      case 'rise':
        // two soft rising notes: the cards are here
        this.tone(out, 'sine', 659.26, t, 0.32, 0.3);
        this.tone(out, 'sine', 987.77, t + 0.08, 0.36, 0.24);
        break;
      case 'tick':
        this.tone(out, 'triangle', 1318.5, t, 0.05, 0.3);
        break;
      case 'pick':
        // a short warm chord: the pick is taken
        this.tone(out, 'triangle', 523.25, t, 0.2, 0.36);
        this.tone(out, 'sine', 783.99, t, 0.22, 0.2);
        break;
      case 'clock-chose':
        // a falling pair, lower and longer than a pick: time chose for you
        this.tone(out, 'sine', 587.33, t, 0.3, 0.3);
        this.tone(out, 'sine', 392, t + 0.16, 0.55, 0.3);
        this.tone(out, 'triangle', 196, t + 0.16, 0.55, 0.12);
        break;
    }
    this.options.trace?.(`ui:${sound}`);
  }

  /** Schedules the cue's notes up to `until` (context time); the timer calls it while playing. */
  pump(until = this.context.currentTime + LOOKAHEAD): void {
    const cue = this.cue;
    if (!cue || this.destroyed) return;
    const horizon = Math.min(until, cue.end);
    for (const voice of cue.voices) {
      const stepSeconds = voice.step * cue.secondsPerBeat;
      const passSeconds = voice.tokens * stepSeconds;
      for (;;) {
        const ev = voice.events[voice.cursor];
        if (!ev) {
          voice.pass += 1;
          voice.cursor = 0;
          if (voice.events.length === 0) break;
          continue;
        }
        const at = cue.start + voice.pass * passSeconds + ev.at * stepSeconds;
        if (at >= horizon) break;
        this.note(cue.bus, voice, ev, at, ev.length * stepSeconds);
        voice.cursor += 1;
      }
    }
  }

  /** Stops everything and closes the context; the engine is unusable afterwards. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.timer !== null) clearInterval(this.timer);
    for (const node of this.live) {
      if (node instanceof AudioScheduledSourceNode) node.onended = null;
      node.disconnect();
    }
    this.live.clear();
    this.cue = null;
    this.bed = null;
    if (this.context instanceof AudioContext && this.context.state !== 'closed')
      await this.context.close();
  }

  private track<T extends AudioNode>(node: T): T {
    this.live.add(node);
    return node;
  }

  /** Lets nodes go once `source` has ended: disconnected and forgotten. */
  private releaseAfter(source: AudioScheduledSourceNode, nodes: readonly AudioNode[]): void {
    source.onended = () => {
      for (const node of nodes) {
        node.disconnect();
        this.live.delete(node);
      }
    };
  }

  private fadeOut(gain: GainNode, sources: readonly AudioNode[], seconds: number): void {
    const t = this.context.currentTime;
    gain.gain.cancelScheduledValues(t);
    gain.gain.setValueAtTime(gain.gain.value, t);
    gain.gain.linearRampToValueAtTime(0, t + seconds);
    for (const node of sources)
      if (node instanceof AudioScheduledSourceNode) node.stop(t + seconds + 0.05);
    // the faded bus (and a bed's filters) go when the fade is over; notes release themselves
    const done = (): void => {
      for (const node of [gain, ...sources]) {
        node.disconnect();
        this.live.delete(node);
      }
    };
    if (this.options.offline) return;
    setTimeout(done, (seconds + 0.2) * 1000);
  }

  /** One enveloped oscillator note on `out`. */
  private tone(
    out: AudioNode,
    type: OscillatorType,
    frequency: number,
    at: number,
    length: number,
    level: number,
  ): void {
    const osc = this.track(new OscillatorNode(this.context, { type, frequency }));
    const env = this.track(new GainNode(this.context, { gain: 0 }));
    env.gain.setValueAtTime(0, at);
    env.gain.linearRampToValueAtTime(level, at + 0.008);
    env.gain.setTargetAtTime(0, at + 0.02, length / 4);
    osc.connect(env).connect(out);
    osc.start(at);
    osc.stop(at + length + 0.1);
    this.releaseAfter(osc, [osc, env]);
  }

  private note(out: AudioNode, voice: PlayingVoice, ev: NoteEvent, at: number, length: number) {
    const ctx = this.context;
    const level = voice.gain;
    const freqs = ev.notes.map(frequencyOf);
    switch (voice.instrument) {
      case 'pulse':
      case 'square':
      case 'triangle': {
        const osc = this.track(new OscillatorNode(ctx));
        if (voice.instrument === 'pulse') osc.setPeriodicWave(this.pulseWave);
        else osc.type = voice.instrument;
        // a chord on a chip voice is an arpeggio: one oscillator stepping through the notes
        const steps = freqs.length > 1 ? Math.max(1, Math.floor(length / ARP_STEP)) : 1;
        for (let i = 0; i < steps; i++)
          osc.frequency.setValueAtTime(freqs[i % freqs.length] ?? 440, at + i * ARP_STEP);
        const env = this.track(new GainNode(ctx, { gain: 0 }));
        const g = voice.instrument === 'triangle' ? level : level * 0.55;
        env.gain.setValueAtTime(0, at);
        env.gain.linearRampToValueAtTime(g, at + 0.005);
        env.gain.linearRampToValueAtTime(g * 0.7, at + Math.min(0.12, length * 0.5));
        env.gain.setValueAtTime(g * 0.7, at + length * 0.9);
        env.gain.linearRampToValueAtTime(0, at + length);
        osc.connect(env).connect(out);
        osc.start(at);
        osc.stop(at + length + 0.02);
        this.releaseAfter(osc, [osc, env]);
        return;
      }
      case 'noise': {
        const src = this.track(new AudioBufferSourceNode(ctx, { buffer: this.white }));
        // a low hit (any note below C4) is a kick-like thump, otherwise a hat-like tick
        const low = ev.notes.length > 0 && (ev.notes[0] ?? 0) < 60;
        const filter = this.track(
          new BiquadFilterNode(
            ctx,
            low ? { type: 'lowpass', frequency: 180 } : { type: 'highpass', frequency: 5000 },
          ),
        );
        const env = this.track(new GainNode(ctx, { gain: 0 }));
        const decay = low ? 0.12 : 0.035;
        env.gain.setValueAtTime(low ? level * 2.5 : level * 0.6, at);
        env.gain.setTargetAtTime(0, at + 0.002, decay / 3);
        src.connect(filter).connect(env).connect(out);
        src.start(at, Math.random() * 0.5);
        src.stop(at + decay + 0.05);
        this.releaseAfter(src, [src, filter, env]);
        return;
      }
      case 'pad': {
        const filter = this.track(
          new BiquadFilterNode(ctx, { type: 'lowpass', frequency: 900, Q: 0.3 }),
        );
        const env = this.track(new GainNode(ctx, { gain: 0 }));
        const g = level / Math.sqrt(freqs.length * 2);
        const attack = Math.min(0.6, length * 0.4);
        env.gain.setValueAtTime(0, at);
        env.gain.linearRampToValueAtTime(g, at + attack);
        env.gain.setValueAtTime(g, at + length);
        env.gain.linearRampToValueAtTime(0, at + length + 0.8);
        filter.connect(env).connect(out);
        const oscs = freqs.flatMap((f) =>
          [-6, 6].map((detune) => {
            const osc = this.track(
              new OscillatorNode(ctx, { type: 'sawtooth', frequency: f, detune }),
            );
            osc.connect(filter);
            osc.start(at);
            osc.stop(at + length + 0.85);
            return osc;
          }),
        );
        const first = oscs[0];
        if (first) this.releaseAfter(first, [...oscs, filter, env]);
        return;
      }
      case 'piano':
      case 'bell': {
        const env = this.track(new GainNode(ctx, { gain: 0 }));
        const g = level / Math.sqrt(freqs.length);
        const decay = voice.instrument === 'bell' ? 0.9 : 0.45;
        env.gain.setValueAtTime(0, at);
        env.gain.linearRampToValueAtTime(g, at + 0.006);
        env.gain.setTargetAtTime(0, at + 0.01, decay);
        env.connect(out);
        const ratio = voice.instrument === 'bell' ? 2.76 : 2;
        const tail = at + Math.max(length, decay * 4);
        const oscs = freqs.flatMap((f) => {
          const body = this.track(
            new OscillatorNode(ctx, {
              type: voice.instrument === 'bell' ? 'sine' : 'triangle',
              frequency: f,
            }),
          );
          const overtone = this.track(
            new OscillatorNode(ctx, { type: 'sine', frequency: f * ratio }),
          );
          const over = this.track(new GainNode(ctx, { gain: 0.25 }));
          body.connect(env);
          overtone.connect(over).connect(env);
          for (const o of [body, overtone]) {
            o.start(at);
            o.stop(tail);
          }
          return [body, overtone, over];
        });
        const first = oscs[0];
        if (first instanceof AudioScheduledSourceNode) this.releaseAfter(first, [...oscs, env]);
        return;
      }
    }
  }

  /** The nodes of an ambience bed, connected to `out` and started; the sources come first. */
  private buildBed(name: Ambience, out: GainNode): AudioNode[] {
    const ctx = this.context;
    const nodes: AudioNode[] = [];
    const noise = (kind: 'white' | 'brown', filter: BiquadFilterOptions, level: number) => {
      const src = this.track(
        new AudioBufferSourceNode(ctx, {
          buffer: kind === 'white' ? this.white : this.brown,
          loop: true,
          // the first samples are blended into the end: looping from just past them has no seam
          loopStart: SEAM / ctx.sampleRate,
        }),
      );
      const f = this.track(new BiquadFilterNode(ctx, filter));
      const g = this.track(new GainNode(ctx, { gain: level }));
      src.connect(f).connect(g).connect(out);
      src.start(ctx.currentTime, Math.random() * 2);
      nodes.push(src, f, g);
      return { filter: f, gain: g };
    };
    /** a slow wobble of `param` by ±depth around its value */
    const lfo = (param: AudioParam, rate: number, depth: number, type: OscillatorType = 'sine') => {
      const osc = this.track(new OscillatorNode(ctx, { type, frequency: rate }));
      const amount = this.track(new GainNode(ctx, { gain: depth }));
      osc.connect(amount).connect(param);
      osc.start();
      nodes.push(osc, amount);
    };
    const hum = (frequency: number, level: number) => {
      const osc = this.track(new OscillatorNode(ctx, { type: 'sine', frequency }));
      const g = this.track(new GainNode(ctx, { gain: level }));
      osc.connect(g).connect(out);
      osc.start();
      nodes.push(osc, g);
    };
    switch (name) {
      case 'room':
        noise('brown', { type: 'lowpass', frequency: 220 }, 0.22);
        break;
      case 'office':
        noise('brown', { type: 'lowpass', frequency: 900 }, 0.1);
        // strip lights on 50 Hz mains hum at twice that
        hum(100, 0.012);
        hum(200, 0.005);
        break;
      case 'street': {
        const traffic = noise('brown', { type: 'lowpass', frequency: 450 }, 0.3);
        lfo(traffic.filter.frequency, 0.07, 220);
        break;
      }
      case 'rain':
        noise('white', { type: 'bandpass', frequency: 2500, Q: 0.4 }, 0.05);
        noise('brown', { type: 'lowpass', frequency: 350 }, 0.12);
        break;
      case 'sea': {
        const swell = noise('brown', { type: 'lowpass', frequency: 650 }, 0.22);
        lfo(swell.gain.gain, 0.11, 0.15);
        lfo(swell.filter.frequency, 0.11, 250);
        break;
      }
      case 'night': {
        noise('brown', { type: 'lowpass', frequency: 260 }, 0.12);
        // far crickets: a high tone gated in short chirps, very quiet
        const cricket = this.track(new OscillatorNode(ctx, { type: 'sine', frequency: 4300 }));
        const chirp = this.track(new GainNode(ctx, { gain: 0.002 }));
        cricket.connect(chirp).connect(out);
        cricket.start();
        nodes.push(cricket, chirp);
        lfo(chirp.gain, 2.3, 0.002, 'square');
        break;
      }
      case 'wind': {
        const gust = noise('white', { type: 'bandpass', frequency: 500, Q: 0.9 }, 0.3);
        lfo(gust.filter.frequency, 0.09, 260);
        lfo(gust.gain.gain, 0.16, 0.15);
        break;
      }
      case 'train': {
        const rumble = noise('brown', { type: 'lowpass', frequency: 240 }, 0.28);
        // wheels over rail joints
        lfo(rumble.gain.gain, 1.7, 0.07);
        break;
      }
    }
    return nodes;
  }
}

/** A pulse wave of `duty` (0.125, 0.25, 0.5): the chip's thin, bright square. */
function pulse(ctx: BaseAudioContext, duty: number): PeriodicWave {
  const n = 48;
  const real = new Float32Array(n);
  const imag = new Float32Array(n);
  for (let k = 1; k < n; k++) {
    real[k] = (2 / (k * Math.PI)) * Math.sin(2 * Math.PI * k * duty);
    imag[k] = (2 / (k * Math.PI)) * (1 - Math.cos(2 * Math.PI * k * duty));
  }
  return ctx.createPeriodicWave(real, imag);
}

/** Four seconds of noise made here: white, or brown (white integrated, softer and deeper). */
function noiseBuffer(ctx: BaseAudioContext, kind: 'white' | 'brown'): AudioBuffer {
  const length = ctx.sampleRate * 4;
  const buffer = ctx.createBuffer(1, length, ctx.sampleRate);
  const data = buffer.getChannelData(0);
  let last = 0;
  for (let i = 0; i < length; i++) {
    const white = Math.random() * 2 - 1;
    if (kind === 'white') data[i] = white * 0.5;
    else {
      last = (last + 0.02 * white) / 1.02;
      data[i] = last * 3.5;
    }
  }
  // the end fades into the first SEAM samples, so a loop from SEAM on has no click
  for (let i = 0; i < SEAM; i++) {
    const a = i / SEAM;
    data[length - SEAM + i] = (data[length - SEAM + i] ?? 0) * (1 - a) + (data[i] ?? 0) * a;
  }
  return buffer;
}
