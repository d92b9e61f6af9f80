// The story explorer (`npm run story -- explore`): plays compiled JSON in Node many times —
// seeded random walks and a bounded breadth-first search over choices — to find what a reader
// can reach: endings, knots never visited, runtime errors, and loops with no way out.
import { Story } from 'inkjs';
import { seededRandom } from '../core/random.ts';

export interface ExploreOptions {
  /** seeds the walks and ink's own RANDOM/shuffles; the same seed gives the same report */
  readonly seed?: number;
  /** random playthroughs */
  readonly runs?: number;
  /** a playthrough with more decisions than this is reported as a loop */
  readonly maxDecisions?: number;
  /** most choice sequences the breadth-first search plays */
  readonly bfsLimit?: number;
  /** names of containers that are not places (ink functions), left out of `unvisited` */
  readonly exclude?: ReadonlySet<string>;
}

export interface ExploreEnding {
  /** knot(.stitch) of the last content before the end */
  readonly path: string;
  readonly count: number;
  /** the shortest choice sequence found that reaches it */
  readonly choices: readonly number[];
}

export interface ExploreProblem {
  readonly message: string;
  /** choice indexes from the start that lead there */
  readonly choices: readonly number[];
  /** knot(.stitch) where it happened */
  readonly at: string;
}

export interface ExploreReport {
  readonly playthroughs: number;
  readonly endings: readonly ExploreEnding[];
  /** knots and stitches no playthrough entered, sorted */
  readonly unvisited: readonly string[];
  /** decisions per finished playthrough */
  readonly decisions: { readonly min: number; readonly median: number; readonly max: number };
  readonly errors: readonly ExploreProblem[];
  readonly loops: readonly ExploreProblem[];
}

type JsonContainer = readonly unknown[];

function namedOf(container: JsonContainer): Record<string, unknown> {
  const last = container[container.length - 1];
  return last !== null && typeof last === 'object' && !Array.isArray(last)
    ? (last as Record<string, unknown>)
    : {};
}

const WEAVE_NAME = /^([cg]-\d+|#f|#n|global decl)$/;

/** Knots and stitches (`knot`, `knot.stitch`) named in compiled JSON. */
export function namedFlows(json: string): string[] {
  const parsed = JSON.parse(json) as { root?: JsonContainer };
  const root = parsed.root ?? [];
  const out: string[] = [];
  for (const [knot, body] of Object.entries(namedOf(root))) {
    if (WEAVE_NAME.test(knot) || !Array.isArray(body)) continue;
    out.push(knot);
    for (const [stitch, inner] of Object.entries(namedOf(body as JsonContainer))) {
      if (WEAVE_NAME.test(stitch) || !Array.isArray(inner)) continue;
      out.push(`${knot}.${stitch}`);
    }
  }
  return out.sort();
}

/** `office.desk.0.c-1` → `office.desk` (names only, no weave indexes). */
export function flowOfPath(path: string | null | undefined): string {
  if (!path) return '';
  const names = path.split('.').filter((p) => !/^(\d+|[cg]-\d+|\$r\d*|s)$/.test(p));
  return names.slice(0, 2).join('.');
}

interface Playthrough {
  readonly choices: number[];
  /** 'ended' | 'choosing' (stopped by the caller) | 'error' | 'loop' */
  outcome: 'ended' | 'choosing' | 'error' | 'loop';
  at: string;
  /** words of text the playthrough showed */
  words: number;
  /** cut at a deadline in the middle of ink's work: the story cannot be played again */
  stuck?: boolean;
  error?: string;
}

// The pointer recorder of the playthrough in progress (Node is single-threaded; one at a time).
let recordPointer: ((pointer: { readonly path: { toString(): string } | null }) => void) | null =
  null;
const hooked = new WeakSet<object>();

/**
 * The path of the last content the story stepped through. At an ending ink has already popped
 * its call stack, so this is the only way to say which knot the story ended in. ink copies its
 * state while it continues, so the hook sits on the state's prototype.
 */
function trackLastPointer(story: Story): () => string | null {
  const proto = Object.getPrototypeOf(story.state) as object;
  if (!hooked.has(proto)) {
    hooked.add(proto);
    const accessor = Object.getOwnPropertyDescriptor(proto, 'previousPointer');
    // an accessor pair, only ever invoked with .call(this)
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const get = accessor?.get;
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const set = accessor?.set;
    if (get && set) {
      Object.defineProperty(proto, 'previousPointer', {
        configurable: true,
        get(this: unknown): unknown {
          return get.call(this);
        },
        set(
          this: unknown,
          value: { readonly isNull?: boolean; readonly path: { toString(): string } | null } | null,
        ) {
          if (recordPointer && value && value.isNull !== true) recordPointer(value);
          set.call(this, value);
        },
      });
    }
  }
  let last: { readonly path: { toString(): string } | null } | null = null;
  recordPointer = (pointer) => {
    last = pointer;
  };
  return () => last?.path?.toString() ?? story.state.currentPathString;
}

/** A playthrough printing more lines than this is cut short as a loop (runaway ink never ends). */
const MAX_LINES_PER_PLAYTHROUGH = 20_000;

const SLICE_MS = 20;

class Player {
  private story: Story;
  private readonly visited = new Set<string>();
  constructor(
    private readonly json: string,
    private readonly flows: readonly string[],
  ) {
    this.story = this.fresh();
  }

  private fresh(): Story {
    const story = new Story(this.json);
    // as the player does: an EXTERNAL runs its ink fallback when the page binds nothing
    story.allowExternalFunctionFallbacks = true;
    return story;
  }

  /** Plays from the start: `pick` chooses at each decision (null stops there). */
  play(
    seed: number,
    pick: (count: number, step: number) => number | null,
    max: number,
    maxLines = MAX_LINES_PER_PLAYTHROUGH,
    deadline?: number,
  ): Playthrough {
    // a walk cut in the middle of ink's work (an error, a deadline) leaves a story that cannot reset
    if (!this.story.asyncContinueComplete) this.story = this.fresh();
    const story = this.story;
    story.ResetState();
    const lastContent = trackLastPointer(story);
    story.state.storySeed = seed;
    story.state.previousRandom = 0;
    const errors: string[] = [];
    story.onError = (message, type) => {
      if (Number(type) === 2) errors.push(message); // ErrorType.Error; warnings are not fatal
    };
    const result: Playthrough = { choices: [], outcome: 'ended', at: '', words: 0 };
    let lines = 0;
    try {
      for (;;) {
        while (story.canContinue) {
          // ink that prints for ever without a choice would never give the loop back
          if (++lines > maxLines) {
            result.outcome = 'loop';
            return result;
          }
          const text = deadline === undefined ? story.Continue() : this.continueBy(deadline);
          if (text === null) {
            // ink still working at the deadline: this story object is mid-step and spent
            result.outcome = 'loop';
            result.stuck = true;
            return result;
          }
          result.words += text.split(/\s+/).filter((w) => w !== '').length;
          result.at = flowOfPath(lastContent()) || result.at;
          if (errors.length > 0) break;
        }
        if (errors.length > 0) {
          result.outcome = 'error';
          result.error = errors[0];
          break;
        }
        const count = story.currentChoices.length;
        if (count === 0) break;
        if (result.choices.length >= max) {
          result.outcome = 'loop';
          break;
        }
        const index = pick(count, result.choices.length);
        if (index === null) {
          result.outcome = 'choosing';
          break;
        }
        result.choices.push(index);
        story.ChooseChoiceIndex(index);
      }
    } catch (error) {
      result.outcome = 'error';
      result.error = (error as Error).message;
    }
    for (const flow of this.flows) {
      if ((story.state.VisitCountAtPathString(flow) ?? 0) > 0) this.visited.add(flow);
    }
    return result;
  }

  /** One line, worked in slices so a loop without output cannot hold the thread; null at the deadline. */
  private continueBy(deadline: number): string | null {
    const story = this.story;
    do {
      if (performance.now() > deadline) return null;
      story.ContinueAsync(SLICE_MS);
    } while (!story.asyncContinueComplete);
    return story.currentText ?? '';
  }

  /** choice count at the end of a replayed sequence, or null when the story stopped before */
  choicesAfter(seed: number, sequence: readonly number[], max: number): Playthrough {
    return this.play(seed, (_count, step) => sequence[step] ?? null, max);
  }

  get seen(): ReadonlySet<string> {
    return this.visited;
  }

  get currentChoiceCount(): number {
    return this.story.currentChoices.length;
  }
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** One finished random walk: its decisions and the words it showed. */
export interface WalkLength {
  readonly decisions: number;
  readonly words: number;
}

/**
 * Seeded random walks only (no breadth-first search, whose shortest paths would skew a median):
 * the decisions and words of each walk that reached an ending.
 */
export function walkLengths(
  json: string,
  options: {
    readonly runs: number;
    readonly seed: number;
    readonly maxDecisions?: number;
    /** stop starting walks after this much time, so a huge or runaway story keeps builds fast */
    readonly budgetMs?: number;
  },
): WalkLength[] {
  const player = new Player(json, []);
  const random = seededRandom(options.seed);
  const out: WalkLength[] = [];
  const deadline = performance.now() + (options.budgetMs ?? Infinity);
  for (let r = 0; r < options.runs && performance.now() < deadline; r++) {
    const p = player.play(
      options.seed + r,
      (count) => Math.floor(random() * count),
      options.maxDecisions ?? 200,
      2_000,
      deadline === Infinity ? undefined : deadline,
    );
    if (p.stuck) break;
    if (p.outcome === 'ended') out.push({ decisions: p.choices.length, words: p.words });
  }
  return out;
}

/** Plays `json` (compile it with countAllVisits so every knot's visits are known). */
export function exploreJson(json: string, options: ExploreOptions = {}): ExploreReport {
  const seed = options.seed ?? 1;
  const runs = options.runs ?? 200;
  const max = options.maxDecisions ?? 200;
  const bfsLimit = options.bfsLimit ?? 2000;
  const flows = namedFlows(json).filter((f) => !options.exclude?.has(f.split('.')[0] ?? f));
  const player = new Player(json, flows);
  const random = seededRandom(seed);

  const endings = new Map<string, { count: number; choices: number[] }>();
  const errors = new Map<string, ExploreProblem>();
  const loops = new Map<string, ExploreProblem>();
  const lengths: number[] = [];
  let playthroughs = 0;

  const record = (p: Playthrough) => {
    playthroughs++;
    if (p.outcome === 'ended') {
      lengths.push(p.choices.length);
      const known = endings.get(p.at);
      if (!known) endings.set(p.at, { count: 1, choices: [...p.choices] });
      else {
        known.count++;
        if (p.choices.length < known.choices.length) known.choices = [...p.choices];
      }
    } else if (p.outcome === 'error') {
      const key = `${p.at}\u0000${p.error ?? ''}`;
      const known = errors.get(key);
      if (!known || known.choices.length > p.choices.length)
        errors.set(key, { message: p.error ?? 'runtime error', choices: [...p.choices], at: p.at });
    } else if (p.outcome === 'loop') {
      const known = loops.get(p.at);
      if (!known || known.choices.length > p.choices.length)
        loops.set(p.at, {
          message: `still choosing after ${max} decisions: no way out from here`,
          choices: [...p.choices],
          at: p.at,
        });
    }
  };

  // breadth-first over choice sequences: finds short paths to every ending it can reach
  let frontier: number[][] = [[]];
  let played = 0;
  while (frontier.length > 0 && played < bfsLimit) {
    const next: number[][] = [];
    for (const sequence of frontier) {
      if (played >= bfsLimit) break;
      played++;
      const p = player.choicesAfter(seed, sequence, max);
      if (p.outcome === 'choosing') {
        const count = player.currentChoiceCount;
        for (let i = 0; i < count; i++) next.push([...sequence, i]);
      } else record(p);
    }
    frontier = next;
  }

  for (let r = 0; r < runs; r++) {
    const p = player.play(seed + r, (count) => Math.floor(random() * count), max);
    record(p);
  }

  lengths.sort((a, b) => a - b);
  return {
    playthroughs,
    endings: [...endings]
      .map(([path, e]) => ({ path, count: e.count, choices: e.choices }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    unvisited: flows.filter((f) => !player.seen.has(f)),
    decisions: {
      min: lengths[0] ?? 0,
      median: median(lengths),
      max: lengths[lengths.length - 1] ?? 0,
    },
    errors: [...errors.values()],
    loops: [...loops.values()],
  };
}
