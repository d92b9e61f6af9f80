// The StoryRuntime over the inkjs runtime: beats and decisions with parsed tags, story work in
// time-boxed slices with a stall guard, and ink faults turned into errors the player can show.
import { Story } from 'inkjs';
import type { Directive } from '../core/directives.ts';
import type { Beat, Decision, Line, LookaheadResult, Option, StoryMeta } from '../core/model.ts';
import { systemClock } from '../core/clock.ts';
import { StoryRuntimeError, StoryStalledError } from '../core/ports.ts';
import type { StoryRuntime } from '../core/ports.ts';
import { parseTags, storyMetaFromTags, tasteOf } from '../core/tags.ts';
import {
  decisionIdOf,
  externalCallsOf,
  knotOf,
  missingExternalMessage,
  missingExternalsIn,
} from './ink-paths.ts';
import { LookaheadEngine } from './lookahead.ts';
import type { LookaheadOptions } from './lookahead.ts';

export type ExternalFunction = (...args: unknown[]) => unknown;

export interface InkRuntimeOptions {
  readonly storyId: string;
  /** the story version for the capture log; defaults to a hash of the JSON */
  readonly version?: string;
  /** host functions for the story's EXTERNAL declarations */
  readonly externals?: Readonly<Record<string, ExternalFunction>>;
  /** ms of ink work per slice before `next()` yields to the host (default 8) */
  readonly sliceMs?: number;
  /** ms without a new line of output after which the story counts as stuck (default 4000) */
  readonly stallMs?: number;
  readonly now?: () => number;
  /** lets the page breathe between slices (default: a macrotask) */
  readonly yieldToHost?: () => Promise<void>;
  /** limits of one beat against runaway ink (defaults: BEAT_LIMITS) */
  readonly limits?: Partial<BeatLimits>;
  /** where a line cut to length is reported (default console.warn) */
  readonly warn?: (message: string) => void;
}

/** How much one beat (the text up to the next choice) may hold before the story is stopped. */
export interface BeatLimits {
  /** lines ink continues before a choice is offered (empty ones count) */
  readonly lines: number;
  /** characters of text in the beat */
  readonly chars: number;
  /** characters of one line; a longer one is cut to this with a warning */
  readonly lineChars: number;
  /** pieces of output ink may gather for a line it has not finished (a glued loop) */
  readonly pending: number;
  /** ms of ink work for the beat, whatever it prints */
  readonly ms: number;
}

/**
 * A page of a long chapter is some 3 000 characters and 50 lines; these are far beyond any
 * written beat, and small enough that the error screen comes within seconds and the text held
 * stays under a few MB.
 */
export const BEAT_LIMITS: BeatLimits = {
  lines: 2000,
  chars: 200_000,
  lineChars: 10_000,
  pending: 5000,
  ms: 4000,
};

/** 2000 → "2 000", as the player reads it. */
function spaced(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export interface InkRuntime extends StoryRuntime {
  /** EXTERNAL functions the story calls that have neither a binding nor an ink fallback */
  readonly missingExternals: readonly string[];
  lookahead(opts?: LookaheadOptions): LookaheadResult[];
}

/** A short stable hash of the compiled story (two 32-bit FNV-1a lanes, 16 hex digits). */
export function storyVersionOf(json: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = (b ^ (b >>> 13)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

// ink's ErrorType.Error (Author and Warning are only notes)
const INK_ERROR = 2;
// ink's PushPopType.Function: knots entered as functions are not where the story "is"
const FUNCTION_FRAME = 1;
// global-only tags that ink also hands to the first line; the line has no use for them
const GLOBAL_KINDS = new Set<Directive['kind']>([
  'title',
  'author',
  'dimension',
  'poster',
  'theme',
  'timer',
]);
// extra key in a saved state: what the ink state cannot hold (ink ignores unknown keys)
const EXTRA_KEY = 'inkreel';

interface SavedExtra {
  /** the decision's timer: seconds, null for off, absent when it had none */
  readonly timer?: number | null;
  /** path of the last container the story entered, for the ending path */
  readonly at?: string | null;
}

function toRuntimeError(error: unknown): Error {
  if (error instanceof StoryRuntimeError || error instanceof StoryStalledError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const missing = missingExternalsIn(raw);
  if (missing) return new StoryRuntimeError(missingExternalMessage(missing));
  return new StoryRuntimeError(raw.replace(/^(Error: )+/, ''));
}

function lastTimer(lines: readonly Line[]): number | null | undefined {
  let timer: number | null | undefined;
  for (const line of lines) {
    for (const d of line.directives) if (d.kind === 'timer') timer = d.seconds;
  }
  return timer;
}

export function createInkRuntime(json: string, options: InkRuntimeOptions): InkRuntime {
  return new InkStoryRuntime(json, options);
}

class InkStoryRuntime implements InkRuntime {
  readonly meta: StoryMeta;
  readonly missingExternals: readonly string[];
  #story: Story;
  #decision: Decision | null = null;
  /** the story stopped inside a continue (stall or error): a fresh Story is needed to go on */
  #broken: Error | null = null;
  #atStart = true;
  #lastContainer: string | null = null;
  #errors: string[] = [];
  #lookahead: LookaheadEngine | null = null;
  readonly #json: string;
  readonly #options: InkRuntimeOptions;
  readonly #sliceMs: number;
  readonly #stallMs: number;
  readonly #now: () => number;
  readonly #yield: () => Promise<void>;
  readonly #limits: BeatLimits;
  readonly #warn: (message: string) => void;

  constructor(json: string, options: InkRuntimeOptions) {
    this.#json = json;
    this.#options = options;
    this.#sliceMs = Math.max(1, options.sliceMs ?? 8);
    this.#stallMs = Math.max(this.#sliceMs, options.stallMs ?? 4000);
    this.#now = options.now ?? (() => systemClock.now());
    this.#yield =
      options.yieldToHost ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    this.#limits = { ...BEAT_LIMITS, ...options.limits };
    this.#warn = options.warn ?? ((message) => console.warn(message));
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
      this.#story = this.#makeStory();
    } catch (error) {
      throw new StoryRuntimeError(
        `The story could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const bound = new Set(Object.keys(options.externals ?? {}));
    this.missingExternals = externalCallsOf(parsed).filter(
      (name) => !bound.has(name) && this.#story.KnotContainerWithName(name) === null,
    );
    let globalTags: string[] | null = null;
    try {
      globalTags = this.#story.globalTags;
    } catch {
      // a story whose first line cannot be evaluated still plays up to its error
    }
    this.meta = storyMetaFromTags(
      options.storyId,
      globalTags,
      options.version ?? storyVersionOf(json),
    );
  }

  #makeStory(): Story {
    const story = new Story(this.#json);
    story.allowExternalFunctionFallbacks = true;
    for (const [name, fn] of Object.entries(this.#options.externals ?? {})) {
      story.BindExternalFunction(name, (...args: unknown[]) => fn(...args));
    }
    story.onError = (message, type) => {
      if (Number(type) === INK_ERROR) this.#errors.push(message);
    };
    const visit = story.VisitContainer.bind(story);
    story.VisitContainer = (container, atStart) => {
      if (Number(story.state.callStack.currentElement.type) !== FUNCTION_FRAME) {
        this.#lastContainer = container.path.toString();
      }
      visit(container, atStart);
    };
    return story;
  }

  get decision(): Decision | null {
    return this.#decision;
  }

  async next(): Promise<Beat> {
    const steps = this.#steps();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await this.#yield();
    }
  }

  nextSync(): Beat {
    const steps = this.#steps();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** Story work for one beat; yields whenever the host should get a turn. */
  *#steps(): Generator<void, Beat, void> {
    if (this.#broken) {
      throw new StoryRuntimeError(
        `The story stopped (${this.#broken.message}); go back to a saved decision or restart.`,
      );
    }
    if (this.missingExternals.length > 0) {
      throw new StoryRuntimeError(missingExternalMessage(this.missingExternals));
    }
    const story = this.#story;
    this.#decision = null;
    const lines: Line[] = [];
    const limits = this.#limits;
    let lastOutput = this.#now();
    let lastYield = lastOutput;
    let idleSlices = 0;
    let continued = 0;
    let chars = 0;
    let workMs = 0;
    const where = () => knotOf(story.state.currentPathString ?? this.#lastContainer);
    const runaway = (what: string) => {
      const error = new StoryStalledError(
        `This story ${what} without offering a choice (an endless loop in the ink?), in "${where()}".`,
      );
      this.#broken = error;
      return error;
    };
    while (story.canContinue) {
      const before = this.#now();
      try {
        this.#continueSlice(story);
      } catch (error) {
        // the text ink produced before its error is shown before the error screen (ink's I092)
        if (error instanceof StoryRuntimeError && lines.length > 0)
          throw new StoryRuntimeError(error.message, lines);
        throw error;
      }
      const t = this.#now();
      workMs += Math.max(0, t - before);
      if (story.asyncContinueComplete) {
        continued++;
        if (continued > limits.lines)
          throw runaway(`printed more than ${spaced(limits.lines)} lines`);
        const text = this.#cutToLength(story.currentText ?? '', where);
        chars += text.length;
        if (chars > limits.chars)
          throw runaway(`printed more than ${spaced(limits.chars)} characters`);
        this.#pushLine(lines, text, story.currentTags ?? []);
        lastOutput = t;
        idleSlices = 0;
      } else if (story.state.outputStream.length > limits.pending) {
        throw runaway(`kept adding to one line (more than ${spaced(limits.pending)} pieces)`);
      } else {
        idleSlices++;
        // each unfinished slice spent at least sliceMs, so the count guards even a frozen clock
        if (t - lastOutput >= this.#stallMs || idleSlices * this.#sliceMs >= this.#stallMs) {
          const error = new StoryStalledError(
            `The story ran for ${Math.round(this.#stallMs / 100) / 10} s without any new text ` +
              `(an endless loop in the ink?), in "${where()}".`,
          );
          this.#broken = error;
          throw error;
        }
      }
      if (workMs >= limits.ms) {
        throw runaway(`ran for ${Math.round(limits.ms / 100) / 10} s`);
      }
      if (t - lastYield >= this.#sliceMs) {
        yield;
        lastYield = this.#now();
      }
    }
    return this.#finishBeat(lines);
  }

  /** A line past the limit is cut (with a warning), so one huge line never holds up the page. */
  #cutToLength(text: string, where: () => string): string {
    const max = this.#limits.lineChars;
    if (text.length <= max + 1) return text.endsWith('\n') ? text.slice(0, -1) : text;
    if (text.endsWith('\n')) text = text.slice(0, -1);
    if (text.length <= max) return text;
    this.#warn(
      `inkreel: a line of ${spaced(text.length)} characters in "${where()}" was cut to ${spaced(max)}.`,
    );
    return text.slice(0, max) + '…';
  }

  #continueSlice(story: Story): void {
    this.#errors = [];
    try {
      story.ContinueAsync(this.#sliceMs);
    } catch (error) {
      const converted = toRuntimeError(error);
      this.#broken = converted;
      throw converted;
    }
    if (this.#errors.length > 0) {
      const converted = toRuntimeError(this.#errors.join('\n'));
      this.#broken = converted;
      throw converted;
    }
  }

  #pushLine(lines: Line[], rawText: string, tags: readonly string[]): void {
    const text = rawText.endsWith('\n') ? rawText.slice(0, -1) : rawText;
    let directives = parseTags(tags);
    if (this.#atStart) {
      this.#atStart = false;
      const globals = new Set(this.meta ? (this.#story.globalTags ?? []) : []);
      directives = directives.filter(
        (d, i) => !(GLOBAL_KINDS.has(d.kind) && globals.has(tags[i] ?? '')),
      );
    }
    // ink emits empty lines around logic and threads; they carry nothing to show
    if (text.trim() === '' && tags.length === 0) return;
    lines.push({ text, tags: [...tags], directives });
  }

  #finishBeat(lines: readonly Line[]): Beat {
    const choices = this.#story.currentChoices;
    if (choices.length === 0) {
      return { lines, decision: null, endPath: knotOf(this.#lastContainer) };
    }
    this.#decision = this.#decisionOf(lastTimer(lines));
    return { lines, decision: this.#decision };
  }

  #decisionOf(timerSeconds: number | null | undefined): Decision | null {
    const choices = this.#story.currentChoices;
    if (choices.length === 0) return null;
    const options: Option[] = choices.map((choice, index) => {
      const tags = choice.tags ?? [];
      const directives = parseTags(tags);
      return {
        index,
        text: choice.text,
        tags: [...tags],
        directives,
        taste: tasteOf(directives),
        isDefault: directives.some((d) => d.kind === 'default'),
      };
    });
    const id = decisionIdOf(choices.map((c) => c.sourcePath));
    const firstPath = choices[0]?.sourcePath ?? null;
    const byDefault = options.findIndex((o) => o.isDefault);
    return {
      id,
      knot: knotOf(firstPath),
      options,
      timerSeconds,
      defaultOption: byDefault >= 0 ? byDefault : 0,
    };
  }

  choose(index: number): void {
    const decision = this.#decision;
    if (!decision) throw new StoryRuntimeError('There is no decision to choose from right now.');
    if (!Number.isInteger(index) || index < 0 || index >= decision.options.length) {
      throw new StoryRuntimeError(
        `Option ${index} does not exist; this decision has ${decision.options.length}.`,
      );
    }
    try {
      this.#story.ChooseChoiceIndex(index);
    } catch (error) {
      throw toRuntimeError(error);
    }
    this.#decision = null;
  }

  saveState(): string {
    const state = this.#story.state.ToJson();
    const extra: SavedExtra = {
      at: this.#lastContainer,
      ...(this.#decision && this.#decision.timerSeconds !== undefined
        ? { timer: this.#decision.timerSeconds }
        : {}),
    };
    return state.startsWith('{')
      ? `{"${EXTRA_KEY}":${JSON.stringify(extra)},${state.slice(1)}`
      : state;
  }

  loadState(state: string): void {
    let extra: SavedExtra = {};
    try {
      const parsed = JSON.parse(state) as Record<string, unknown>;
      const found = parsed[EXTRA_KEY];
      if (found !== null && typeof found === 'object') extra = found;
    } catch (error) {
      throw new StoryRuntimeError(`The saved story state is not readable: ${String(error)}`);
    }
    this.#renew();
    try {
      this.#story.state.LoadJson(state);
    } catch (error) {
      throw toRuntimeError(error);
    }
    this.#atStart = false;
    this.#lastContainer = typeof extra.at === 'string' ? extra.at : null;
    const timer = extra.timer;
    this.#decision = this.#story.canContinue
      ? null
      : this.#decisionOf(typeof timer === 'number' || timer === null ? timer : undefined);
  }

  reset(): void {
    this.#renew();
    this.#story.ResetState();
    this.#atStart = true;
    this.#lastContainer = null;
    this.#decision = null;
  }

  /** After a stall or error the Story may be mid-continue; only a fresh one can take a state. */
  #renew(): void {
    if (this.#broken === null) return;
    this.#story = this.#makeStory();
    this.#broken = null;
  }

  lookahead(opts?: LookaheadOptions): LookaheadResult[] {
    const decision = this.#decision;
    if (!decision || this.#broken) return [];
    this.#lookahead ??= new LookaheadEngine(this.#json);
    return this.#lookahead.run(this.#story.state.ToJson(), decision.options, opts);
  }
}
