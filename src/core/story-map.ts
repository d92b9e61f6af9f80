// The story map's data (computed at build time from compiled ink) and what one player's events
// say about it: the path taken, the branches seen and not yet seen, the endings found.
import type { CaptureEvent } from './events.ts';

/**
 * `knot`/`stitch`: named flows (`(top)` for content outside any knot); `decision`: one choice set,
 * `?<runtime decision id>`; `choice`: one option (`?<decision>#<n>`);
 * `ending`: where the story ends (`end:<knot(.stitch)>`, the ending path of `story.ended`).
 */
export type MapNodeKind = 'knot' | 'stitch' | 'decision' | 'choice' | 'ending';
export type MapEdgeKind = 'divert' | 'option' | 'tunnel' | 'thread' | 'flow';

export interface MapNode {
  readonly id: string;
  readonly kind: MapNodeKind;
  /** what a reader sees: the flow name, the option's text, the ending's place */
  readonly label: string;
  /** layout: layer (top to bottom) and column, and the pixel centre in the SVG */
  readonly layer: number;
  readonly x: number;
  readonly y: number;
  /** the knot of the chapter the node belongs to (`# chapter:`), null before the first one */
  readonly chapter?: string | null;
}

export interface MapEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: MapEdgeKind;
}

export interface StoryMapData {
  readonly storyId: string;
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  readonly width: number;
  readonly height: number;
}

export interface MapProgress {
  /** decision node ids this player was shown */
  readonly seenDecisions: ReadonlySet<string>;
  /** choice node ids this player picked */
  readonly takenChoices: ReadonlySet<string>;
  /** ending node ids this player reached */
  readonly foundEndings: ReadonlySet<string>;
  /** choice node ids in the order of this player's most recent playthrough */
  readonly lastPath: readonly string[];
  readonly decisionsTotal: number;
  readonly endingsTotal: number;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'in', 'of', 'on', 'or', 'the', 'to']);

/**
 * A knot id as a reader would name it: `ending_mirror` → "Mirror", `the_way.bus` → "The Way: Bus".
 * A leading `ending`/`end` word says nothing on an ending card, so it goes.
 */
export function humaniseId(id: string): string {
  const parts = id.split('.').map((part) => {
    const words = part
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .split(/[_\s-]+/)
      .filter((w) => w !== '')
      .map((w) => w.toLowerCase());
    while (words.length > 1 && (words[0] === 'ending' || words[0] === 'end')) words.shift();
    return words
      .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
      .join(' ');
  });
  return parts.filter((p) => p !== '').join(': ') || id;
}

const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A decision's node id. Decisions in a knot's own weave have the knot's name as their id, so the
 * node is prefixed to stay apart from the knot's node.
 */
export function decisionNodeId(decisionId: string): string {
  return `?${decisionId}`;
}

/** Endings are named by the knot(.stitch) the story ended in, as in `story.ended`. */
export function endingNodeId(endingPath: string): string {
  return `end:${endingPath}`;
}

/**
 * The choice node a `choice.made` event picked: the option of that decision whose text matches,
 * else the option at the same index when every option was on offer (text may be dynamic).
 */
function choiceNodeFor(
  choicesOf: ReadonlyMap<string, readonly MapNode[]>,
  decisionId: string,
  text: string,
  chosenIndex: number,
  offered: number,
): string | null {
  // a decision threaded together from several places has an id joined by `+`
  const candidates = decisionId.split('+').flatMap((id) => choicesOf.get(decisionNodeId(id)) ?? []);
  const byText = candidates.find((c) => norm(c.label) === norm(text));
  if (byText) return byText.id;
  if (candidates.length === offered) return candidates[chosenIndex]?.id ?? null;
  return null;
}

/** What this player's events of one story say about its map. */
export function progressOnMap(map: StoryMapData, events: readonly CaptureEvent[]): MapProgress {
  const choicesOf = new Map<string, MapNode[]>();
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  for (const edge of map.edges) {
    const to = nodes.get(edge.to);
    if (edge.kind !== 'option' || to?.kind !== 'choice') continue;
    const list = choicesOf.get(edge.from) ?? [];
    list.push(to);
    choicesOf.set(edge.from, list);
  }
  const seenDecisions = new Set<string>();
  const takenChoices = new Set<string>();
  const foundEndings = new Set<string>();
  let lastPath: string[] = [];
  let current: string[] = [];
  let lastSession: string | null = null;
  for (const e of events) {
    if (e.storyId !== map.storyId) continue;
    if (e.type === 'session.started' || (e.sessionId !== lastSession && e.type === 'choice.made')) {
      if (current.length > 0) lastPath = current;
      current = [];
      lastSession = e.sessionId;
    }
    if (e.type === 'choice.made') {
      for (const id of e.decisionId.split('+'))
        if (nodes.has(decisionNodeId(id))) seenDecisions.add(decisionNodeId(id));
      const chosen = e.options[e.chosenIndex];
      const node = chosen
        ? choiceNodeFor(choicesOf, e.decisionId, chosen.text, e.chosenIndex, e.options.length)
        : null;
      if (node) {
        takenChoices.add(node);
        current.push(node);
      }
    } else if (e.type === 'decision.rewound') {
      current = current.slice(0, e.toTurn);
    } else if (e.type === 'story.ended') {
      // an ending the map does not know (content the compiler folded away) is not counted
      if (nodes.has(endingNodeId(e.endingPath))) foundEndings.add(endingNodeId(e.endingPath));
    }
  }
  if (current.length > 0) lastPath = current;
  return {
    seenDecisions,
    takenChoices,
    foundEndings,
    lastPath,
    decisionsTotal: map.nodes.filter((n) => n.kind === 'decision').length,
    endingsTotal: map.nodes.filter((n) => n.kind === 'ending').length,
  };
}

/**
 * How many of the map's endings these events have found, counting `endingPath` too (its
 * `story.ended` may not be stored yet, or ever, in incognito play).
 */
export function endingsFound(
  map: StoryMapData,
  events: readonly CaptureEvent[],
  endingPath: string,
): number {
  const found = new Set(progressOnMap(map, events).foundEndings);
  const here = endingNodeId(endingPath);
  if (map.nodes.some((n) => n.id === here)) found.add(here);
  return found.size;
}

/**
 * The chapter each decision of the map belongs to: what a chapter's knot reaches before the next
 * chapter's knot. Chapters are tried in order, so a decision both reach belongs to the earlier one.
 */
export function chaptersOfDecisions(
  map: StoryMapData,
  chapterKnots: readonly string[],
): Map<string, string> {
  const next = new Map<string, string[]>();
  for (const e of map.edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const kinds = new Map(map.nodes.map((n) => [n.id, n.kind]));
  const starts = new Set(chapterKnots);
  const owner = new Map<string, string>();
  for (const knot of chapterKnots) {
    const seen = new Set([knot]);
    const queue = [knot];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (kinds.get(id) === 'decision' && !owner.has(id)) owner.set(id, knot);
      for (const to of next.get(id) ?? []) {
        if (seen.has(to) || starts.has(to)) continue;
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return owner;
}
