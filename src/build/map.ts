// The story map (`npm run story -- map`): the graph of knots, stitches, decisions, choices and
// endings read from compiled ink JSON, laid out in layers, written as JSON and as SVG.
import { decisionIdOf, TOP_LEVEL } from '../story/ink-paths.ts';
import { decisionNodeId, endingNodeId } from '../core/story-map.ts';
import type {
  MapEdge,
  MapEdgeKind,
  MapNode,
  MapNodeKind,
  StoryMapData,
} from '../core/story-map.ts';

export interface MapOptions {
  /** knot names that are ink functions, not places (scanStory(...).functions) */
  readonly exclude?: ReadonlySet<string>;
  /** the knots that start chapters, in story order: the layout groups the map by them */
  readonly chapters?: readonly string[];
}

type Json = unknown;
type Container = readonly Json[];

interface RawNode {
  id: string;
  kind: MapNodeKind | 'gather';
  label: string;
}

interface RawEdge {
  from: string;
  /** an absolute ink path, resolved to a node once every container is known */
  target: string[];
  kind: MapEdgeKind;
}

const isObject = (v: Json): v is Record<string, Json> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function metaOf(c: Container): Record<string, Json> {
  const last = c[c.length - 1];
  return isObject(last) ? last : {};
}

/** content items of a container (its last element is named content and flags, or null) */
function contentOf(c: Container): Container {
  const last = c[c.length - 1];
  return last === null || isObject(last) ? c.slice(0, -1) : c;
}

const WEAVE = /^[cg]-\d+$/;
const RESERVED = new Set(['#f', '#n', 's', 'global decl']);

/** ink's relative paths start from the object itself: each `^` climbs one container */
function resolvePath(target: string, objectPath: readonly string[]): string[] {
  if (!target.startsWith('.')) return target.split('.');
  let cur = [...objectPath];
  for (const part of target.split('.').slice(1)) {
    if (part === '^') cur = cur.slice(0, -1);
    else cur = [...cur, part];
  }
  return cur;
}

/**
 * The words of a run of content, without its tags: ink ≥ 1.1 compiles a tag inside a choice as
 * `"#"`, its text, `"/#"`, so `* [Wait #default]` would otherwise read "Wait default" and give
 * away which option the clock takes, or what it says about taste. Text a sequence or a variable
 * makes at run time is not known here: it shows as "…".
 */
function wordsOf(items: Container): string {
  let text = '';
  let inTag = false;
  for (const item of items) {
    if (item === '#') inTag = true;
    else if (item === '/#') inTag = false;
    else if (!inTag && typeof item === 'string' && item.startsWith('^')) text += item.slice(1);
    else if (!inTag && Array.isArray(item) && !text.endsWith('…')) text += '…';
  }
  return text;
}

/** The text an option shows: its start content (`s`) and choice-only content, in order. */
function choiceText(items: Container, at: number, meta: Record<string, Json>): string {
  let start = at - 1;
  while (start >= 0 && items[start] !== 'ev') start--;
  const startContent = Array.isArray(meta.s) ? wordsOf(contentOf(meta.s)) : '';
  const parts: Json[] = [];
  let inString = false;
  for (let i = start + 1; i < at; i++) {
    const item = items[i];
    if (item === 'str') inString = true;
    else if (item === '/str') inString = false;
    else if (inString && isObject(item) && typeof item['->'] === 'string' && item['->'] === '.^.s')
      parts.push(`^${startContent}`);
    else if (inString && typeof item === 'string') parts.push(item);
  }
  return wordsOf(parts)
    .replace(/\s+/g, ' ')
    .replace(/^(…\s*)+$/, '')
    .trim();
}

class GraphReader {
  readonly nodes = new Map<string, RawNode>();
  readonly edges: RawEdge[] = [];
  /** container path → the node that owns its content */
  readonly owners = new Map<string, string>();
  private readonly decisionChoices = new Map<string, number>();

  constructor(private readonly exclude: ReadonlySet<string>) {}

  private node(id: string, kind: RawNode['kind'], label: string) {
    if (!this.nodes.has(id)) this.nodes.set(id, { id, kind, label });
  }

  private edge(from: string, to: string, kind: MapEdgeKind) {
    this.edges.push({ from, target: [`\0${to}`], kind });
  }

  read(root: Container) {
    this.node(TOP_LEVEL, 'knot', TOP_LEVEL);
    this.walk(root, [], TOP_LEVEL, TOP_LEVEL);
  }

  private walk(c: Container, path: string[], owner: string, flow: string) {
    this.owners.set(path.join('.'), owner);
    const meta = metaOf(c);
    const all = contentOf(c);
    // after an unconditional divert the rest of a container never runs (the compiler still adds
    // a weave's loose-end divert there)
    const stop = all.findIndex(
      (x, i) =>
        isObject(x) &&
        typeof x['->'] === 'string' &&
        x.c !== true &&
        x.var !== true &&
        all[i - 1] !== 'thread' &&
        !x['->'].endsWith('.s'),
    );
    const items = stop < 0 ? all : all.slice(0, stop + 1);
    items.forEach((item, i) => {
      const here = [...path, String(i)];
      if (Array.isArray(item)) {
        const name = metaOf(item)['#n'];
        let inner = owner;
        if (typeof name === 'string' && /^g-\d+$/.test(name)) {
          inner = `gather:${[...path, name].join('.')}`;
          this.node(inner, 'gather', name);
        }
        if (typeof name === 'string') this.owners.set([...path, name].join('.'), inner);
        this.walk(item, here, inner, flow);
        return;
      }
      if (typeof item === 'string') {
        if (item === 'end' || (item === 'done' && flow !== TOP_LEVEL)) {
          const id = endingNodeId(flow);
          this.node(id, 'ending', flow);
          this.edge(owner, id, 'flow');
        }
        return;
      }
      if (!isObject(item)) return;
      const divert = item['->'];
      if (typeof divert === 'string' && item.var !== true) {
        const target = resolvePath(divert, here);
        const last = target[target.length - 1] ?? '';
        // `.^.s` and `$r` return points are how ink prints an option's text, not places
        if (last === 's' || target.some((p) => p.startsWith('$'))) return;
        this.edges.push({
          from: owner,
          target,
          kind: items[i - 1] === 'thread' ? 'thread' : 'divert',
        });
        return;
      }
      const tunnel = item['->t->'];
      if (typeof tunnel === 'string' && item.var !== true) {
        this.edges.push({ from: owner, target: resolvePath(tunnel, here), kind: 'tunnel' });
        return;
      }
      const choice = item['*'];
      if (typeof choice === 'string') {
        const target = resolvePath(choice, here);
        const flags = typeof item.flg === 'number' ? item.flg : 0;
        if ((flags & 8) !== 0) {
          // an invisible default is never offered: the flow simply goes on there
          this.owners.set(target.join('.'), owner);
          return;
        }
        const decision = decisionNodeId(decisionIdOf([here.join('.')]));
        const n = this.decisionChoices.get(decision) ?? 0;
        this.decisionChoices.set(decision, n + 1);
        const id = `${decision}#${n}`;
        this.node(decision, 'decision', decision.slice(1));
        this.node(id, 'choice', choiceText(items, i, meta) || '(no text)');
        this.edge(owner, decision, 'flow');
        this.edge(decision, id, 'option');
        this.owners.set(target.join('.'), id);
      }
    });
    for (const [name, body] of Object.entries(meta)) {
      if (RESERVED.has(name) || !Array.isArray(body)) continue;
      const inner = [...path, name];
      const key = inner.join('.');
      if (path.length === 0 && !WEAVE.test(name)) {
        if (this.exclude.has(name)) continue;
        this.node(name, 'knot', name);
        this.walk(body, inner, name, name);
      } else if (path.length === 1 && !WEAVE.test(name) && !name.startsWith('$')) {
        const id = `${path[0] ?? ''}.${name}`;
        this.node(id, 'stitch', id);
        this.walk(body, inner, id, id);
      } else if (this.owners.has(key) && !/^g-\d+$/.test(name)) {
        this.walk(body, inner, this.owners.get(key) ?? owner, flow);
      } else {
        // gathers (and labelled gathers): contracted away once the graph is read
        const id = `gather:${key}`;
        this.node(id, 'gather', name);
        this.walk(body, inner, id, flow);
      }
    }
  }

  /** the node owning an absolute path: the nearest enclosing container that was read */
  ownerOf(target: readonly string[]): string | null {
    const first = target[0] ?? '';
    if (first.startsWith('\0')) return first.slice(1);
    for (let n = target.length; n >= 0; n--) {
      const owner = this.owners.get(target.slice(0, n).join('.'));
      if (owner !== undefined) return owner;
    }
    return null;
  }
}

function uniqueEdges(edges: readonly MapEdge[]): MapEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.from}\0${e.to}\0${e.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Gathers are weave joints, not places: an edge into one goes on to where the gather leads. */
function contractGathers(
  nodes: ReadonlyMap<string, RawNode>,
  edges: readonly MapEdge[],
): MapEdge[] {
  const isGather = (id: string) => nodes.get(id)?.kind === 'gather';
  const out = new Map<string, MapEdge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const beyond = (gather: string, seen: Set<string>): string[] => {
    if (seen.has(gather)) return [];
    seen.add(gather);
    return (out.get(gather) ?? []).flatMap((e) => (isGather(e.to) ? beyond(e.to, seen) : [e.to]));
  };
  const result: MapEdge[] = [];
  for (const e of edges) {
    if (isGather(e.from)) continue;
    if (!isGather(e.to)) result.push(e);
    else
      for (const to of beyond(e.to, new Set()))
        if (to !== e.from) result.push({ from: e.from, to, kind: e.kind });
  }
  return uniqueEdges(result);
}

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 48;
const GAP_X = 24;
const GAP_Y = 56;
/** Extra room above a chapter's first layer, for its heading on the map. */
const CHAPTER_GAP = 48;

/**
 * Which chapter owns each node: what a chapter's knot reaches before the next chapter's knot,
 * chapters tried in story order (so a node both reach belongs to the earlier one). What comes
 * before the first chapter, or is reached from nowhere, has no chapter (null).
 */
function chapterOwners(
  ids: readonly string[],
  edges: readonly MapEdge[],
  chapters: readonly string[],
): Map<string, string | null> {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const known = new Set(ids);
  const starts = new Set(chapters.filter((k) => known.has(k)));
  const owner = new Map<string, string | null>();
  const claim = (start: string, chapter: string | null) => {
    if (owner.has(start)) return;
    owner.set(start, chapter);
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      for (const to of next.get(id) ?? []) {
        if (owner.has(to) || starts.has(to)) continue;
        owner.set(to, chapter);
        queue.push(to);
      }
    }
  };
  claim(TOP_LEVEL, null);
  for (const knot of chapters) if (starts.has(knot)) claim(knot, knot);
  for (const id of ids) if (!owner.has(id)) owner.set(id, null);
  return owner;
}

interface Placed {
  layer: number;
  x: number;
  y: number;
  chapter: string | null;
}

/**
 * Layers by shortest distance from the start, chapter by chapter (each chapter's layers below the
 * one before, so the map reads in story order); a mean-of-parents pass keeps crossings down.
 */
function layout(
  ids: readonly string[],
  edges: readonly MapEdge[],
  chapters: readonly string[],
): Map<string, Placed> {
  const owner = chapterOwners(ids, edges, chapters);
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const groups: (string | null)[] = [null, ...chapters.filter((k) => owner.get(k) === k)];
  const layerOf = new Map<string, number>();
  const groupOf = new Map<string, number>();
  const order: string[] = [];
  let base = 0;
  groups.forEach((chapter, g) => {
    const members = ids.filter((id) => owner.get(id) === chapter);
    if (members.length === 0) return;
    const start = chapter ?? TOP_LEVEL;
    let deepest = base - 1;
    const visit = (from: string, at: number) => {
      if (layerOf.has(from)) return;
      layerOf.set(from, at);
      groupOf.set(from, g);
      const queue = [from];
      while (queue.length > 0) {
        const id = queue.shift() as string;
        const l = layerOf.get(id) ?? at;
        deepest = Math.max(deepest, l);
        order.push(id);
        for (const to of next.get(id) ?? []) {
          if (layerOf.has(to) || owner.get(to) !== chapter) continue;
          layerOf.set(to, l + 1);
          groupOf.set(to, g);
          queue.push(to);
        }
      }
    };
    if (members.includes(start)) visit(start, base);
    // what the start never reaches still belongs on the map, below the rest of its group
    for (const id of members) if (!layerOf.has(id)) visit(id, deepest + 1);
    base = deepest + 1;
  });
  const layers: string[][] = [];
  for (const id of order) {
    const l = layerOf.get(id) ?? 0;
    (layers[l] ??= []).push(id);
  }
  const column = new Map<string, number>();
  const parents = new Map<string, string[]>();
  for (const e of edges) parents.set(e.to, [...(parents.get(e.to) ?? []), e.from]);
  layers.forEach((layer) => {
    const keyed = layer.map((id, i) => {
      const ps = (parents.get(id) ?? []).filter((p) => column.has(p));
      const mean =
        ps.length === 0 ? i : ps.reduce((s, p) => s + (column.get(p) ?? 0), 0) / ps.length;
      return { id, mean, i };
    });
    keyed.sort((a, b) => a.mean - b.mean || a.i - b.i);
    keyed.forEach((k, i) => column.set(k.id, i));
  });
  const widest = Math.max(1, ...layers.map((l) => l.length));
  const pos = new Map<string, Placed>();
  layers.forEach((layer, l) => {
    // centre each layer under the widest one
    const offset = ((widest - layer.length) * (NODE_WIDTH + GAP_X)) / 2;
    for (const id of layer) {
      const c = column.get(id) ?? 0;
      const g = groupOf.get(id) ?? 0;
      pos.set(id, {
        layer: l,
        x: Math.round(GAP_X + offset + c * (NODE_WIDTH + GAP_X) + NODE_WIDTH / 2),
        y: Math.round(GAP_Y / 2 + g * CHAPTER_GAP + l * (NODE_HEIGHT + GAP_Y) + NODE_HEIGHT / 2),
        chapter: owner.get(id) ?? null,
      });
    }
  });
  return pos;
}

/** The map of a compiled story. Node ids line up with the runtime's decision ids. */
export function storyMapOf(storyId: string, json: string, options: MapOptions = {}): StoryMapData {
  const parsed = JSON.parse(json) as { root?: Container };
  const reader = new GraphReader(options.exclude ?? new Set());
  reader.read(parsed.root ?? []);
  const resolved: MapEdge[] = [];
  for (const e of reader.edges) {
    const to = reader.ownerOf(e.target);
    if (to === null || !reader.nodes.has(to)) continue;
    // a divert inside a knot to its own weave is the knot going on, not a loop
    if (to === e.from && e.kind !== 'divert') continue;
    resolved.push({ from: e.from, to, kind: e.kind });
  }
  const edges = contractGathers(reader.nodes, uniqueEdges(resolved)).filter(
    (e) =>
      !(
        e.from === e.to &&
        reader.nodes.get(e.from)?.kind !== 'knot' &&
        reader.nodes.get(e.from)?.kind !== 'stitch'
      ),
  );
  const kept = [...reader.nodes.values()].filter((n) => n.kind !== 'gather');
  const pos = layout(
    kept.map((n) => n.id),
    edges,
    options.chapters ?? [],
  );
  const nodes: MapNode[] = kept.map((n) => {
    const p = pos.get(n.id) ?? { layer: 0, x: 0, y: 0, chapter: null };
    return { id: n.id, kind: n.kind as MapNodeKind, label: n.label, ...p };
  });
  const width = Math.max(NODE_WIDTH + 2 * GAP_X, ...nodes.map((n) => n.x + NODE_WIDTH / 2 + GAP_X));
  const height = Math.max(
    NODE_HEIGHT + GAP_Y,
    ...nodes.map((n) => n.y + NODE_HEIGHT / 2 + GAP_Y / 2),
  );
  return { storyId, nodes, edges, width, height };
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A label that fits a node box; the whole text stays in the node's <title>. */
export function shortLabel(label: string, max = 24): string {
  return label.length <= max ? label : label.slice(0, max - 1) + '…';
}

const FILL: Record<MapNodeKind, string> = {
  knot: '#dfe8f5',
  stitch: '#eef3fa',
  decision: '#fbeccf',
  choice: '#ffffff',
  ending: '#e3f2df',
};

/** A standalone SVG of the map, for authors (the browser draws its own, with progress). */
export function storyMapSvg(map: StoryMapData): string {
  const at = new Map(map.nodes.map((n) => [n.id, n]));
  const lines = map.edges.flatMap((e) => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) return [];
    const dash = e.kind === 'tunnel' || e.kind === 'thread' ? ' stroke-dasharray="5 4"' : '';
    return [
      `<line x1="${a.x}" y1="${a.y + NODE_HEIGHT / 2}" x2="${b.x}" y2="${b.y - NODE_HEIGHT / 2}" stroke="#8a94a6"${dash} marker-end="url(#arrow)"><title>${escapeXml(`${e.kind}: ${e.from} → ${e.to}`)}</title></line>`,
    ];
  });
  const boxes = map.nodes.map((n) => {
    const rx = n.kind === 'ending' ? 17 : n.kind === 'decision' ? 10 : 3;
    return [
      `<g><title>${escapeXml(`${n.kind}: ${n.label}`)}</title>`,
      `<rect x="${n.x - NODE_WIDTH / 2}" y="${n.y - NODE_HEIGHT / 2}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="${rx}" fill="${FILL[n.kind]}" stroke="#4a5468"/>`,
      `<text x="${n.x}" y="${n.y + 4}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="12" fill="#1d2330">${escapeXml(shortLabel(n.label))}</text></g>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${map.width}" height="${map.height}" viewBox="0 0 ${map.width} ${map.height}" role="img" aria-label="${escapeXml(`Map of ${map.storyId}`)}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#8a94a6"/></marker></defs>',
    '<rect width="100%" height="100%" fill="#f7f8fa"/>',
    ...lines,
    ...boxes,
    '</svg>',
    '',
  ].join('\n');
}
