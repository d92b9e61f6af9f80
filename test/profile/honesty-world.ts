// Synthetic players walking the shipped stories' real decisions: each story is compiled and played
// by the real ink runtime, so the options, taste tags, defaults and timers are the stories' own.
// Players have hidden taste weights and habits (first option, default, repeating earlier picks,
// rewinding to try the other branch, letting the timer run out), and leave the capture log a real
// player would.
import { join } from 'node:path';
import type { CaptureEvent } from '../../src/core/events.ts';
import type { Decision, DimensionDecl, StoryMeta } from '../../src/core/model.ts';
import { windowMs } from '../../src/core/timing.ts';
import { buildStory } from '../../src/build/story-build.ts';
import { createInkRuntime, type InkRuntime } from '../../src/story/ink-runtime.ts';
import { normal } from './inference-synthetic.ts';

export const SHIPPED_STORIES = ['tutorial', 'night-shift', 'low-tide', 'tapeloop'] as const;
const STORIES_DIR = join(import.meta.dirname, '../../stories');

interface Node {
  readonly state: string;
  readonly decision: Decision | null;
  readonly children: Map<number, Node>;
}

export interface WorldStory {
  readonly meta: StoryMeta;
  readonly runtime: InkRuntime;
  readonly root: Node;
}

export interface World {
  readonly stories: ReadonlyMap<string, WorldStory>;
  /** every dimension the stories declare, first declaration winning */
  readonly dimensions: readonly DimensionDecl[];
}

function nodeOf(runtime: InkRuntime): Node {
  const beat = runtime.nextSync();
  return { state: runtime.saveState(), decision: beat.decision, children: new Map() };
}

/** Compiles the shipped stories; walks are memoised per choice path, so ink runs once per node. */
export function loadWorld(ids: readonly string[] = SHIPPED_STORIES): World {
  const stories = new Map<string, WorldStory>();
  const dims = new Map<string, DimensionDecl>();
  for (const id of ids) {
    const build = buildStory(STORIES_DIR, id);
    const json = build.compile.json;
    if (json === null || build.meta === null) throw new Error(`${id} does not compile`);
    const runtime = createInkRuntime(json, { storyId: id, warn: () => undefined });
    runtime.reset();
    stories.set(id, { meta: build.meta, runtime, root: nodeOf(runtime) });
    for (const d of build.meta.dimensions) if (!dims.has(d.id)) dims.set(d.id, d);
  }
  return { stories, dimensions: [...dims.values()] };
}

function childOf(story: WorldStory, node: Node, index: number): Node {
  const known = node.children.get(index);
  if (known) return known;
  story.runtime.loadState(node.state);
  story.runtime.choose(index);
  const child = nodeOf(story.runtime);
  node.children.set(index, child);
  return child;
}

export interface PlayerSpec {
  /** hidden taste weight per dimension id (missing: 0) */
  readonly weights: ReadonlyMap<string, number>;
  /** utility bonus of the first option */
  readonly first: number;
  /** utility bonus of the default option */
  readonly defaultBias: number;
  /** at a decision point seen before: probability of taking the same option again */
  readonly repeat: number;
  /** after a pick: probability of rewinding to it and taking another option */
  readonly rewind: number;
  /** probability of letting the timer run out on a timed decision */
  readonly timeout: number;
  /** the stories played, in order (a story twice is a replay) */
  readonly plays: readonly string[];
}

function sample(rand: () => number, weights: readonly number[]): number {
  const total = weights.reduce((s, x) => s + x, 0);
  let r = rand() * total;
  for (let j = 0; j < weights.length; j++) {
    r -= weights[j] ?? 0;
    if (r <= 0) return j;
  }
  return weights.length - 1;
}

/** P(pick j) for the player at a decision, from tastes, position and default. */
export function pickProbabilities(spec: PlayerSpec, decision: Decision): number[] {
  const u = decision.options.map((o, j) => {
    let s = 0;
    for (const id in o.taste) s += (spec.weights.get(id) ?? 0) * (o.taste[id] ?? 0);
    if (j === 0) s += spec.first;
    if (j === decision.defaultOption) s += spec.defaultBias;
    return s;
  });
  const max = Math.max(...u);
  const e = u.map((x) => Math.exp(x - max));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

/** The events a player leaves by playing their stories. */
export function play(
  world: World,
  spec: PlayerSpec,
  rand: () => number,
  tag: string,
): CaptureEvent[] {
  const events: CaptureEvent[] = [];
  const lastPick = new Map<string, number>();
  let n = 0;
  const base = (storyId: string, sessionId: string) => ({
    v: 1 as const,
    id: `${tag}-${n++}`,
    profileId: tag,
    sessionId,
    storyId,
    storyVersion: 'h',
    at: '2026-01-01T00:00:00.000Z',
  });
  spec.plays.forEach((storyId, p) => {
    const story = world.stories.get(storyId);
    if (!story) throw new Error(`no story ${storyId}`);
    const sessionId = `${tag}-s${p}`;
    let node = story.root;
    let turn = 0;
    while (node.decision && turn < 200) {
      const d = node.decision;
      const key = `${storyId}/${d.id}`;
      const window = windowMs(d, story.meta);
      const previous = lastPick.get(key);
      let chosen: number;
      let timedOut = false;
      if (previous !== undefined && previous < d.options.length && rand() < spec.repeat) {
        chosen = previous;
      } else if (window !== null && rand() < spec.timeout) {
        chosen = d.defaultOption;
        timedOut = true;
      } else {
        chosen = sample(rand, pickProbabilities(spec, d));
      }
      const choiceEvent = (index: number, out: boolean): CaptureEvent => ({
        ...base(storyId, sessionId),
        type: 'choice.made',
        decisionId: d.id,
        knot: d.knot,
        options: d.options.map((o) => ({ text: o.text, taste: o.taste })),
        chosenIndex: index,
        decisionMs: out ? (window ?? 0) : Math.round(1000 + rand() * 6000),
        windowMs: window,
        timedOut: out,
        input: 'pointer',
      });
      events.push(choiceEvent(chosen, timedOut));
      if (d.options.length > 1 && rand() < spec.rewind) {
        // back to this decision to see another branch: any other option, by the player's tastes
        events.push({
          ...base(storyId, sessionId),
          type: 'decision.rewound',
          toDecisionId: d.id,
          toTurn: turn,
          fromTurn: turn + 1,
        });
        const probs = pickProbabilities(spec, d).map((x, j) => (j === chosen ? 0 : x));
        chosen = sample(rand, probs);
        events.push(choiceEvent(chosen, false));
      }
      lastPick.set(key, chosen);
      node = childOf(story, node, chosen);
      turn++;
    }
  });
  return events;
}

export interface Population {
  readonly name: string;
  /** true: every weight is zero (the no-lean checks apply) */
  readonly noTaste: boolean;
  readonly make: (rand: () => number, world: World) => PlayerSpec;
}

const ONCE = SHIPPED_STORIES;

function weightsOf(
  world: World,
  draw: (rand: () => number, i: number) => number,
  rand: () => number,
): Map<string, number> {
  return new Map(world.dimensions.map((d, i) => [d.id, draw(rand, i)]));
}

const zero = (): number => 0;
const unit = (rand: () => number): number => normal(rand);

const PLAIN = { first: 0, defaultBias: 0, repeat: 0, rewind: 0, timeout: 0, plays: ONCE };
/** night-shift five times, the others once */
const REPLAYS = [
  'tutorial',
  'night-shift',
  'night-shift',
  'night-shift',
  'night-shift',
  'night-shift',
  'low-tide',
  'tapeloop',
];

export const POPULATIONS: readonly Population[] = [
  {
    name: 'no taste',
    noTaste: true,
    make: (r, w) => ({ ...PLAIN, weights: weightsOf(w, zero, r) }),
  },
  {
    name: 'no taste, first-option habit',
    noTaste: true,
    make: (r, w) => ({ ...PLAIN, first: 0.5, weights: weightsOf(w, zero, r) }),
  },
  {
    name: 'no taste, replays repeating picks',
    noTaste: true,
    make: (r, w) => ({ ...PLAIN, repeat: 0.9, plays: REPLAYS, weights: weightsOf(w, zero, r) }),
  },
  {
    name: 'no taste, frequent timeouts',
    noTaste: true,
    make: (r, w) => ({ ...PLAIN, timeout: 0.35, weights: weightsOf(w, zero, r) }),
  },
  {
    name: 'tastes N(0, 1)',
    noTaste: false,
    make: (r, w) => ({ ...PLAIN, weights: weightsOf(w, unit, r) }),
  },
  {
    name: 'half the dimensions at zero',
    noTaste: false,
    make: (r, w) => ({
      ...PLAIN,
      weights: weightsOf(w, (rr, i) => (i % 2 === 0 ? 0 : normal(rr)), r),
    }),
  },
  {
    name: 'weak tastes N(0, 0.3²)',
    noTaste: false,
    make: (r, w) => ({ ...PLAIN, weights: weightsOf(w, (rr) => 0.3 * normal(rr), r) }),
  },
  {
    name: 'tastes, first-option habit',
    noTaste: false,
    make: (r, w) => ({ ...PLAIN, first: 0.5, weights: weightsOf(w, unit, r) }),
  },
  {
    name: 'tastes, replays repeating picks',
    noTaste: false,
    make: (r, w) => ({ ...PLAIN, repeat: 0.9, plays: REPLAYS, weights: weightsOf(w, unit, r) }),
  },
  {
    name: 'tastes, rewinding explorers',
    noTaste: false,
    make: (r, w) => ({ ...PLAIN, rewind: 0.3, weights: weightsOf(w, unit, r) }),
  },
  {
    name: 'tastes, frequent timeouts',
    noTaste: false,
    make: (r, w) => ({ ...PLAIN, timeout: 0.35, weights: weightsOf(w, unit, r) }),
  },
];
