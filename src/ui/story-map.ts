// The in-browser story map (#/map/<storyId>), Detroit-style: the branches this player has seen,
// the path of their last playthrough, and endings found out of all, as SVG with a text twin. It
// opens on the player's latest path and pans and zooms (map-zoom.ts); it speaks in the story's
// words (chapter titles, ending names, option text without its tags), never in ink's paths, and
// never says which option the clock takes or what an option says about taste.
import type { StoryOutline } from '../core/model.ts';
import {
  humaniseId,
  type MapNode,
  type MapProgress,
  type StoryMapData,
} from '../core/story-map.ts';
import { h } from './dom.ts';
import { attachZoom, type Box } from './map-zoom.ts';

export interface StoryMapModel {
  readonly title: string;
  readonly map: StoryMapData;
  readonly progress: MapProgress;
  /** chapter titles and ending names (built with the story); absent: names made from the ids */
  readonly outline?: StoryOutline | null;
}

const SVG = 'http://www.w3.org/2000/svg';
const BOX_W = 200;
const BOX_H = 48;
/** characters of a 15 px label that fit one line of a box */
const LINE_CHARS = 24;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  // story text is data: always a text node
  if (text !== undefined) el.textContent = text;
  return el;
}

type NodeState = 'taken' | 'seen' | 'unseen';

/**
 * What a node may show. Branches not yet seen stay locked, as on Detroit's flowcharts: their
 * text would spoil them. Knots are author names, so only their shape is drawn.
 */
function stateOf(
  node: MapNode,
  progress: MapProgress,
  optionOf: ReadonlyMap<string, string>,
): NodeState {
  switch (node.kind) {
    case 'decision':
      return progress.seenDecisions.has(node.id) ? 'seen' : 'unseen';
    case 'choice': {
      if (progress.takenChoices.has(node.id)) return 'taken';
      const decision = optionOf.get(node.id);
      return decision !== undefined && progress.seenDecisions.has(decision) ? 'seen' : 'unseen';
    }
    case 'ending':
      return progress.foundEndings.has(node.id) ? 'taken' : 'unseen';
    case 'knot':
    case 'stitch':
      return 'unseen';
  }
}

/** A label made safe to show: no tag text, no ink path, never empty. */
export function plainLabel(label: string): string {
  const words = (label.split('#')[0] ?? '').replace(/\s+/g, ' ').trim();
  if (words === '' || words === '…') return 'An option';
  // a dotted id (`nights.week_one`) is ink's name for a place, not words a reader knows
  if (/^[\w-]+(\.[\w-]+)+$/.test(words)) return humaniseId(words);
  return words;
}

/** The label in at most two lines of a box, the second cut with "…" when the text is longer. */
function wrap(text: string): string[] {
  const lines: string[] = [''];
  for (const word of text.split(' ')) {
    const line = lines[lines.length - 1] ?? '';
    if (line === '' || line.length + 1 + word.length <= LINE_CHARS)
      lines[lines.length - 1] = line === '' ? word : `${line} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= 2)
    return lines.map((l) => (l.length > LINE_CHARS ? l.slice(0, LINE_CHARS - 1) + '…' : l));
  const second = lines.slice(1).join(' ');
  return [(lines[0] ?? '').slice(0, LINE_CHARS), second.slice(0, LINE_CHARS - 1).trimEnd() + '…'];
}

interface Names {
  chapter(knot: string | null | undefined): string;
  ending(node: MapNode): string;
  chapterNumber(knot: string | null | undefined): number;
}

function namesOf(outline: StoryOutline | null | undefined): Names {
  const chapters = outline?.chapters ?? [];
  const endings = new Map((outline?.endings ?? []).map((e) => [e.path, e.name]));
  return {
    chapter: (knot) => {
      if (knot === null || knot === undefined) return 'Opening';
      const i = chapters.findIndex((c) => c.knot === knot);
      const title = chapters[i]?.title ?? humaniseId(knot);
      return i >= 0 ? `Chapter ${i + 1}: ${title}` : title;
    },
    chapterNumber: (knot) => chapters.findIndex((c) => c.knot === knot),
    ending: (node) => endings.get(node.label) ?? humaniseId(node.label),
  };
}

function shown(node: MapNode, state: NodeState, names: Names): string {
  if (node.kind === 'knot' || node.kind === 'stitch') return '';
  if (node.kind === 'ending')
    return state === 'taken' ? `Ending: ${names.ending(node)}` : 'Ending ?';
  if (node.kind === 'decision') return state === 'unseen' ? '?' : 'Decision';
  return state === 'unseen' ? '?' : plainLabel(node.label);
}

function boxOf(nodes: readonly MapNode[], pad: number): Box | null {
  if (nodes.length === 0) return null;
  const left = Math.min(...nodes.map((n) => n.x - BOX_W / 2)) - pad;
  const right = Math.max(...nodes.map((n) => n.x + BOX_W / 2)) + pad;
  const top = Math.min(...nodes.map((n) => n.y - BOX_H / 2)) - pad;
  const bottom = Math.max(...nodes.map((n) => n.y + BOX_H / 2)) + pad;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Each chapter's part of the map, behind its nodes, with its title above. */
function chapterBands(map: StoryMapData, names: Names): SVGGElement {
  const bands = svg('g', { class: 'chapter-bands' });
  const groups = new Map<string, MapNode[]>();
  for (const n of map.nodes) {
    if (n.chapter === null || n.chapter === undefined) continue;
    groups.set(n.chapter, [...(groups.get(n.chapter) ?? []), n]);
  }
  for (const [knot, nodes] of groups) {
    const box = boxOf(nodes, 14);
    if (!box) continue;
    bands.append(
      svg('rect', { class: 'chapter-band', ...box, rx: 18 }),
      svg('text', { class: 'chapter-title', x: box.x + 16, y: box.y - 12 }, names.chapter(knot)),
    );
  }
  return bands;
}

function drawing(
  model: StoryMapModel,
  optionOf: ReadonlyMap<string, string>,
  names: Names,
): { root: SVGSVGElement; world: SVGGElement } {
  const { map, progress } = model;
  const root = svg('svg', {
    class: 'story-map-svg',
    role: 'img',
    'aria-labelledby': 'story-map-svg-title',
  });
  root.append(
    svg(
      'title',
      { id: 'story-map-svg-title' },
      `Map of ${model.title}: the list below says the same in words`,
    ),
  );
  const world = svg('g', { class: 'story-map-world' });
  root.append(world);
  world.append(chapterBands(map, names));
  const at = new Map(map.nodes.map((n) => [n.id, n]));
  const onPath = new Set(progress.lastPath);
  for (const e of map.edges) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) continue;
    const taken = progress.takenChoices.has(e.to) || (onPath.has(e.from) && e.kind !== 'option');
    world.append(
      svg('line', {
        class: `edge edge-${e.kind}${taken ? ' edge-taken' : ''}`,
        x1: a.x,
        y1: a.y + BOX_H / 2,
        x2: b.x,
        y2: b.y - BOX_H / 2,
      }),
    );
  }
  for (const n of map.nodes) {
    const state = stateOf(n, progress, optionOf);
    const g = svg('g', {
      class: `node node-${n.kind} node-${state}${onPath.has(n.id) ? ' node-last' : ''}`,
      'data-node': n.id,
    });
    if (n.kind === 'knot' || n.kind === 'stitch') {
      g.append(svg('circle', { cx: n.x, cy: n.y, r: 4 }));
    } else {
      const label = shown(n, state, names);
      const lines = wrap(label);
      const text = svg('text', {
        x: n.x,
        y: n.y + 5 - (lines.length - 1) * 9,
        'text-anchor': 'middle',
      });
      lines.forEach((line, i) => text.append(svg('tspan', { x: n.x, dy: i === 0 ? 0 : 18 }, line)));
      g.append(
        svg('title', {}, label),
        svg('rect', {
          x: n.x - BOX_W / 2,
          y: n.y - BOX_H / 2,
          width: BOX_W,
          height: BOX_H,
          rx: n.kind === 'ending' ? 24 : n.kind === 'decision' ? 12 : 4,
        }),
        text,
      );
    }
    world.append(g);
  }
  return { root, world };
}

/** The map's words: each chapter's decisions met, their options and which was taken; endings. */
function textList(
  model: StoryMapModel,
  optionsOf: ReadonlyMap<string, MapNode[]>,
  names: Names,
): HTMLElement {
  const { map, progress } = model;
  const byChapter = new Map<string | null, MapNode[]>();
  const ordered = map.nodes
    .filter((n) => n.kind === 'decision')
    .sort((a, b) => a.layer - b.layer || a.x - b.x);
  let locked = 0;
  for (const d of ordered) {
    if (!progress.seenDecisions.has(d.id)) {
      locked++;
      continue;
    }
    const key = d.chapter ?? null;
    byChapter.set(key, [...(byChapter.get(key) ?? []), d]);
  }
  const chapters = [...byChapter.entries()].sort(
    ([a], [b]) => names.chapterNumber(a) - names.chapterNumber(b),
  );
  const sections = chapters.map(([knot, decisions]) =>
    h(
      'li',
      {},
      h('h4', {}, names.chapter(knot)),
      h(
        'ol',
        { class: 'story-map-decisions' },
        ...decisions.map((d, i) =>
          h(
            'li',
            {},
            `Decision ${i + 1}: `,
            h(
              'ul',
              {},
              ...(optionsOf.get(d.id) ?? []).map((o) =>
                h(
                  'li',
                  { class: progress.takenChoices.has(o.id) ? 'taken' : 'seen' },
                  plainLabel(o.label),
                  progress.takenChoices.has(o.id) ? ' (you took this)' : ' (not taken yet)',
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  const endings = map.nodes.filter((n) => n.kind === 'ending');
  const found = endings.filter((e) => progress.foundEndings.has(e.id));
  const missing = endings.length - found.length;
  return h(
    'section',
    { class: 'story-map-words', 'aria-labelledby': 'story-map-words' },
    h('h2', { id: 'story-map-words' }, 'The map in words'),
    h('h3', {}, 'Decisions you have met'),
    progress.seenDecisions.size === 0
      ? h('p', {}, 'None yet: play the story first.')
      : h('ol', { class: 'story-map-chapters' }, ...sections),
    locked > 0
      ? h('p', {}, `${locked} ${locked === 1 ? 'decision is' : 'decisions are'} not seen yet.`)
      : null,
    h('h3', {}, 'Endings'),
    h(
      'ul',
      { class: 'story-map-endings' },
      ...found.map((e) => h('li', {}, `Found: ${names.ending(e)}`)),
      missing > 0
        ? h('li', {}, `${missing} ${missing === 1 ? 'ending' : 'endings'} not found yet`)
        : null,
    ),
  );
}

/**
 * What the map opens on: the latest playthrough's steps (as many of the newest as fit); for a
 * player who has not played, the story's start down to its first decision's options, at the top.
 */
function stepsOf(model: StoryMapModel): { steps: Box[]; align: 'centre' | 'top' } {
  const { map, progress } = model;
  const at = new Map(map.nodes.map((n) => [n.id, n]));
  const path = progress.lastPath.flatMap((id) => at.get(id) ?? []);
  if (path.length > 0) return { steps: path.flatMap((n) => boxOf([n], 24) ?? []), align: 'centre' };
  const first = [...map.nodes]
    .filter((n) => n.kind === 'decision')
    .sort((a, b) => a.layer - b.layer || a.x - b.x)[0];
  const start = map.nodes.filter((n) =>
    first ? n.layer >= first.layer - 1 && n.layer <= first.layer + 1 : n.layer <= 3,
  );
  const box = boxOf(start.length > 0 ? start : map.nodes, 24);
  return { steps: box ? [box] : [], align: 'top' };
}

export function renderStoryMap(model: StoryMapModel): HTMLElement {
  const { map, progress } = model;
  const names = namesOf(model.outline);
  const optionsOf = new Map<string, MapNode[]>();
  const optionOf = new Map<string, string>();
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  for (const e of map.edges) {
    const to = byId.get(e.to);
    if (e.kind !== 'option' || to === undefined) continue;
    optionsOf.set(e.from, [...(optionsOf.get(e.from) ?? []), to]);
    optionOf.set(e.to, e.from);
  }
  const seenOptions = map.nodes.filter(
    (n) => n.kind === 'choice' && stateOf(n, progress, optionOf) !== 'unseen',
  ).length;
  const totalOptions = map.nodes.filter((n) => n.kind === 'choice').length;
  const { root: svgRoot, world } = drawing(model, optionOf, names);
  const view = h(
    'div',
    {
      class: 'story-map-view',
      role: 'region',
      tabindex: 0,
      'aria-label': 'Story map drawing',
      'aria-describedby': 'story-map-help',
    },
    svgRoot,
  );
  const zoom = attachZoom({ svg: svgRoot, world, keys: view, size: map, ...stepsOf(model) });
  const button = (label: string, text: string, run: () => void) => {
    const b = h('button', { type: 'button', 'aria-label': label, title: label }, text);
    b.addEventListener('click', run);
    return b;
  };
  const tools = h(
    'div',
    { class: 'story-map-tools', role: 'toolbar', 'aria-label': 'Map view' },
    button('Zoom in', '+', () => zoom.zoomBy(1.25)),
    button('Zoom out', '−', () => zoom.zoomBy(0.8)),
    button('Fit the whole map', 'Whole map', () => zoom.fitAll()),
    // the name holds the words shown (WCAG 2.5.3), and says where the button goes
    progress.lastPath.length > 0
      ? button('Back to your path', 'Your path', () => zoom.showFocus())
      : button('Back to the start', 'Start', () => zoom.showFocus()),
    h(
      'span',
      { id: 'story-map-help', class: 'story-map-help' },
      'Drag, pinch or wheel; keys: arrows, + and −, 0 for the whole map.',
    ),
  );
  // the opening view needs the drawing's size on screen: apply it once the view has one
  let opened = false;
  const open = () => {
    if (opened || view.clientWidth === 0) return;
    opened = true;
    zoom.showFocus();
  };
  if (typeof ResizeObserver === 'function') new ResizeObserver(open).observe(view);
  return h(
    'section',
    { class: 'story-map', 'aria-labelledby': 'story-map-title' },
    h('h1', { id: 'story-map-title' }, `Story map: ${model.title}`),
    h(
      'p',
      { class: 'story-map-summary' },
      `Endings found: ${progress.foundEndings.size} of ${progress.endingsTotal}. `,
      `Decisions seen: ${progress.seenDecisions.size} of ${progress.decisionsTotal}. `,
      `Branches seen: ${seenOptions} of ${totalOptions}.`,
    ),
    tools,
    view,
    h(
      'p',
      { class: 'story-map-legend' },
      'Bright: the path you took (your last playthrough is outlined). Dim: branches you saw but did not take. "?": not seen yet.',
    ),
    textList(model, optionsOf, names),
    h(
      'p',
      {},
      h('a', { href: `#/play/${encodeURIComponent(map.storyId)}` }, 'Play this story'),
      ' · ',
      h('a', { href: '#/report' }, 'Report'),
      ' · ',
      h('a', { href: '#/' }, 'All stories'),
    ),
  );
}
