// Lookahead (DESIGN.md §3): runs each option of a decision on a separate copy of the story to find
// the assets its branch will need, without touching the real story's state, randomness or EXTERNALs.
import { Story } from 'inkjs';
import { systemClock } from '../core/clock.ts';
import type { Directive } from '../core/directives.ts';
import type { LookaheadResult, Option } from '../core/model.ts';
import { parseTags } from '../core/tags.ts';
import { decisionIdOf, externalCallsOf } from './ink-paths.ts';

export interface LookaheadOptions {
  /** most lines one option may produce before the run is cut short (default 200) */
  readonly maxSteps?: number;
  /** most ms one option may run before it is cut short (default 20) */
  readonly budgetMs?: number;
  /**
   * most ms for the whole decision (default 40, or budgetMs when that is larger): options not
   * reached in time are left for the next call from the same state
   */
  readonly totalMs?: number;
  /**
   * most work for the whole decision, in ink steps (one instruction of ink's machine each), with
   * each option's state load charged as LOAD_WORK steps (default DEFAULT_MAX_WORK); one option
   * may spend at most half of it. The hard bound that does not depend on the clock: a hostile
   * story (an endless loop, a huge fan-out) is cut short here whatever the time budgets see.
   */
  readonly maxWork?: number;
  readonly now?: () => number;
}

const DEFAULT_OPTION_MS = 20;
const DEFAULT_TOTAL_MS = 40;
/**
 * About 20× the heaviest decision of the shipped stories and the generated large story (at most
 * about 1 000, loads included), and about 10 ms of a hot endless loop in Node on the bench machine.
 */
export const DEFAULT_MAX_WORK = 20_000;
/** What loading a saved state for one option is charged, in steps (a load costs about 200 steps). */
export const LOAD_WORK = 200;

/** Thrown from inside ink's step when a decision's work budget is spent. */
class OutOfWork extends Error {}

interface InkStateJson {
  readonly currentFlowName?: unknown;
  readonly flows?: Record<string, Record<string, unknown>>;
}

const visibleOf = new WeakMap<unknown[], { originalThreadIndex?: unknown }[]>();

/**
 * The saved state with only the option's own choice (and its thread) left in: ink loads every
 * offered choice with its thread, so running N options from the whole state costs N² and 2000
 * options took 15 s. Null when the state is not laid out as expected (then the whole one is used).
 */
function stateForOption(state: InkStateJson, index: number): Record<string, unknown> | null {
  const flowName = state.currentFlowName;
  const flow = typeof flowName === 'string' ? state.flows?.[flowName] : undefined;
  const choices = flow?.['currentChoices'];
  if (flow === undefined || !Array.isArray(choices)) return null;
  // story.currentChoices leaves out invisible defaults, so option i is the i-th visible one
  // (filtered once per state: a huge fan-out must not cost options × choices)
  let visible = visibleOf.get(choices);
  if (visible === undefined) {
    visible = choices.filter(
      (c: unknown) =>
        typeof c === 'object' &&
        c !== null &&
        !(c as { isInvisibleDefault?: unknown }).isInvisibleDefault,
    ) as { originalThreadIndex?: unknown }[];
    visibleOf.set(choices, visible);
  }
  const choice = visible[index];
  if (choice === undefined) return null;
  const threads = flow['choiceThreads'];
  const key = String(choice.originalThreadIndex);
  const thread =
    typeof threads === 'object' && threads !== null
      ? (threads as Record<string, unknown>)[key]
      : undefined;
  const slim = {
    ...flow,
    currentChoices: [choice],
    ...(thread === undefined ? {} : { choiceThreads: { [key]: thread } }),
  };
  return { ...state, flows: { ...state.flows, [flowName as string]: slim } };
}

/** Asset paths a directive will show or play (a stopped loop and colours need nothing). */
export function assetsOf(directives: readonly Directive[]): string[] {
  const out: string[] = [];
  for (const d of directives) {
    switch (d.kind) {
      case 'backdrop':
        if (d.backdrop.type === 'asset') out.push(d.backdrop.path);
        break;
      case 'image':
        out.push(d.path);
        break;
      case 'audio':
        if (d.path !== null) out.push(d.path);
        break;
      case 'title':
      case 'author':
      case 'dimension':
      case 'poster':
      case 'theme':
      case 'timer':
      case 'speaker':
      case 'clear':
      case 'restart':
      case 'class':
      case 'pause':
      case 'music':
      case 'transition':
      case 'look':
      case 'taste':
      case 'default':
      case 'blurb':
      case 'chapter':
      case 'ending':
      case 'unknown':
      case 'invalid':
        break;
    }
  }
  return out;
}

/** How many decision states keep their branches (each is a few KB of state JSON). */
const KNOWN_STATES = 64;
const SEED = /"storySeed":-?\d+,"previousRandom":-?\d+/;

/** A private copy of a story for running ahead. Create one per runtime and reuse it. */
export class LookaheadEngine {
  readonly #json: string;
  readonly #externals: readonly string[];
  #story: Story | null = null;
  #errors: string[] = [];
  /** complete results by the exact state they ran from (and maxSteps), newest last */
  readonly #known = new Map<string, Map<number, LookaheadResult>>();

  /** the story never draws a random number (RANDOM, shuffles, SEED_RANDOM): the seed cannot matter */
  readonly #seedFree: boolean;
  /** work left in the current call (ink steps; loads charged LOAD_WORK) */
  #workLeft = Infinity;
  /** steps left to the option running now (at most half the call's budget) */
  #optionLeft = Infinity;
  #workDone = 0;

  /** Work the last call to run() did: ink steps plus LOAD_WORK per option loaded (tests, bench). */
  get lastWork(): number {
    return this.#workDone;
  }

  constructor(json: string) {
    this.#json = json;
    this.#externals = externalCallsOf(JSON.parse(json));
    // ink's random commands are the bare strings "rnd", "srnd" and "seq" in a container's list;
    // text is "^…" and names are keys or paths, so a miss here means no randomness at all
    this.#seedFree = !/"(?:rnd|srnd|seq)"\s*[,\]]/.test(json);
  }

  #copy(): Story {
    if (this.#story) return this.#story;
    const story = new Story(this.#json);
    story.allowExternalFunctionFallbacks = true;
    // Every EXTERNAL answers with a harmless 0 here: the real bindings (which may have side
    // effects such as sounds or analytics) are never called for a branch the player has not taken.
    for (const name of this.#externals) story.BindExternalFunction(name, () => 0, true);
    // Count ink's own steps: the one bound that holds whatever the clock does. `Step` is the
    // machine's single-instruction method (public in inkjs' types); without it only time bounds.
    const step = (story as unknown as { Step?: () => void }).Step;
    if (typeof step === 'function') {
      (story as unknown as { Step: () => void }).Step = () => {
        if (this.#optionLeft <= 0) throw new OutOfWork('lookahead work budget spent');
        this.#optionLeft--;
        this.#workDone++;
        step.call(story);
      };
    }
    story.onError = (message, type) => {
      // 2 is ink's ErrorType.Error; warnings do not stop a run
      if (Number(type) === 2) this.#errors.push(message);
    };
    this.#story = story;
    return story;
  }

  /** One result per option, in the options' order. */
  run(
    stateJson: string,
    options: readonly Option[],
    opts: LookaheadOptions = {},
  ): LookaheadResult[] {
    // A run is a pure function of the saved state (randomness included) and the option: a
    // decision met again from the same state (a rewind, a replay, a resumed save) reuses the
    // branches already run. A branch cut short is kept too, so a revisit never pays for it again;
    // options the total budget did not reach are run on the next call.
    // A replay starts with a fresh seed; without randomness it changes nothing, so it is no part of the key.
    const state0 = this.#seedFree ? stateJson.replace(SEED, '') : stateJson;
    const key = `${opts.maxSteps ?? 200}\n${state0}`;
    let known = this.#known.get(key);
    if (known) {
      this.#known.delete(key);
      this.#known.set(key, known);
    } else {
      known = new Map();
      this.#known.set(key, known);
      if (this.#known.size > KNOWN_STATES) {
        const oldest = this.#known.keys().next();
        if (!oldest.done) this.#known.delete(oldest.value);
      }
    }
    // parsed once for all options, and only when one has to run; ink builds fresh runtime
    // objects from it on every load
    let state: InkStateJson | null = null;
    const now = opts.now ?? (() => systemClock.now());
    const optionMs = opts.budgetMs ?? DEFAULT_OPTION_MS;
    const totalMs = opts.totalMs ?? Math.max(DEFAULT_TOTAL_MS, optionMs);
    let deadline: number | null = null;
    const maxWork = opts.maxWork ?? DEFAULT_MAX_WORK;
    this.#workLeft = maxWork;
    this.#workDone = 0;
    return options.map((option) => {
      const hit = known.get(option.index);
      if (hit) return { ...hit, assets: [...hit.assets] };
      deadline ??= now() + totalMs;
      const left = deadline - now();
      if (left <= 0 || this.#workLeft < LOAD_WORK) return notReached(option.index);
      this.#workLeft -= LOAD_WORK;
      this.#workDone += LOAD_WORK;
      state ??= JSON.parse(stateJson) as InkStateJson;
      const cap = Math.min(this.#workLeft, Math.ceil(maxWork / 2));
      this.#optionLeft = cap;
      const result = this.#runOne(state, option, opts, Math.min(optionMs, left), now);
      this.#workLeft -= cap - this.#optionLeft;
      known.set(option.index, { ...result, assets: [...result.assets] });
      return result;
    });
  }

  #runOne(
    state: InkStateJson,
    option: Option,
    opts: LookaheadOptions,
    budgetMs: number,
    now: () => number,
  ): LookaheadResult {
    const maxSteps = opts.maxSteps ?? 200;
    const assets = new Set<string>();
    let steps = 0;
    const cut = (): LookaheadResult => ({
      optionIndex: option.index,
      assets: [...assets],
      nextDecisionId: null,
      steps,
      complete: false,
    });
    this.#errors = [];
    const story = this.#copy();
    try {
      const slim = stateForOption(state, option.index);
      story.state.LoadJsonObj(slim ?? (state as Record<string, unknown>));
      story.ChooseChoiceIndex(slim === null ? option.index : 0);
      const deadline = now() + budgetMs;
      while (story.canContinue) {
        const left = deadline - now();
        if (steps >= maxSteps || left <= 0) {
          // a half-finished continue cannot be resumed from another state: start a fresh copy
          this.#story = null;
          return cut();
        }
        story.ContinueAsync(Math.max(1, left));
        if (this.#errors.length > 0) return cut();
        if (!story.asyncContinueComplete) continue;
        steps++;
        for (const path of assetsOf(parseTags(story.currentTags))) assets.add(path);
      }
    } catch {
      // whatever broke in the copy stays in the copy; the real story will report it if it is real
      this.#story = null;
      return cut();
    }
    const choices = story.currentChoices;
    return {
      optionIndex: option.index,
      assets: [...assets],
      nextDecisionId: choices.length > 0 ? decisionIdOf(choices.map((c) => c.sourcePath)) : null,
      steps,
      complete: true,
    };
  }
}

/** An option the decision's total budget did not reach this time (never cached). */
function notReached(optionIndex: number): LookaheadResult {
  return { optionIndex, assets: [], nextDecisionId: null, steps: 0, complete: false };
}

/**
 * Runs `options` ahead from `stateJson` (a saved ink state at their decision). `source` is the
 * compiled story JSON (a fresh copy is built for this call) or an engine to reuse.
 */
export function lookahead(
  source: string | LookaheadEngine,
  stateJson: string,
  options: readonly Option[],
  opts?: LookaheadOptions,
): LookaheadResult[] {
  const engine = typeof source === 'string' ? new LookaheadEngine(source) : source;
  return engine.run(stateJson, options, opts);
}
