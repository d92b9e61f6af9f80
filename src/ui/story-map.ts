// The in-browser story map (#/map/<storyId>), Detroit-style: the branches this player has seen,
// the path of their last playthrough, and endings found out of all, as SVG with a text twin.
import type { MapNode, MapProgress, StoryMapData } from '../core/story-map.ts';
import { h } from './dom.ts';

export interface StoryMapModel {
  readonly title: string;
  readonly map: StoryMapData;
  readonly progress: MapProgress;
}

const SVG = 'http://www.w3.org/2000/svg';
const BOX_W = 170;
const BOX_H = 34;

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

function shown(node: MapNode, state: NodeState): string {
  if (node.kind === 'knot' || node.kind === 'stitch') return '';
  if (node.kind === 'ending') return state === 'taken' ? `Ending: ${node.label}` : 'Ending ?';
  if (node.kind === 'decision') return state === 'unseen' ? '?' : 'Decision';
  return state === 'unseen' ? '?' : node.label;
}

const fit = (text: string, max = 24) => (text.length <= max ? text : text.slice(0, max - 1) + '…');

function drawing(model: StoryMapModel, optionOf: ReadonlyMap<string, string>): SVGSVGElement {
  const { map, progress } = model;
  const root = svg('svg', {
    class: 'story-map-svg',
    width: map.width,
    height: map.height,
    viewBox: `0 0 ${map.width} ${map.height}`,
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
  const at = new Map(map.nodes.map((n) => [n.id, n]));
  const onPath = new Set(progress.lastPath);
  for (const e of map.edges) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) continue;
    const taken = progress.takenChoices.has(e.to) || (onPath.has(e.from) && e.kind !== 'option');
    root.append(
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
      g.append(
        svg('rect', {
          x: n.x - BOX_W / 2,
          y: n.y - BOX_H / 2,
          width: BOX_W,
          height: BOX_H,
          rx: n.kind === 'ending' ? 17 : n.kind === 'decision' ? 10 : 3,
        }),
        svg('text', { x: n.x, y: n.y + 4, 'text-anchor': 'middle' }, fit(shown(n, state))),
      );
    }
    root.append(g);
  }
  return root;
}

/** The map's words: each decision met, its options and which was taken; endings found. */
function textList(model: StoryMapModel, optionsOf: ReadonlyMap<string, MapNode[]>): HTMLElement {
  const { map, progress } = model;
  const decisions = h('ol', { class: 'story-map-decisions' });
  const ordered = map.nodes
    .filter((n) => n.kind === 'decision')
    .sort((a, b) => a.layer - b.layer || a.x - b.x);
  let locked = 0;
  for (const d of ordered) {
    if (!progress.seenDecisions.has(d.id)) {
      locked++;
      continue;
    }
    const options = h('ul', {});
    for (const o of optionsOf.get(d.id) ?? [])
      options.append(
        h(
          'li',
          { class: progress.takenChoices.has(o.id) ? 'taken' : 'seen' },
          o.label,
          progress.takenChoices.has(o.id) ? ' (you took this)' : ' (not taken yet)',
        ),
      );
    decisions.append(h('li', {}, `Decision at ${d.label}`, options));
  }
  const endings = h('ul', { class: 'story-map-endings' });
  for (const e of map.nodes.filter((n) => n.kind === 'ending'))
    endings.append(
      h('li', {}, progress.foundEndings.has(e.id) ? `Found: ${e.label}` : 'Not found yet'),
    );
  return h(
    'section',
    { 'aria-labelledby': 'story-map-words' },
    h('h2', { id: 'story-map-words' }, 'The map in words'),
    h('h3', {}, 'Decisions you have met'),
    progress.seenDecisions.size === 0 ? h('p', {}, 'None yet: play the story first.') : decisions,
    locked > 0
      ? h('p', {}, `${locked} ${locked === 1 ? 'decision is' : 'decisions are'} not seen yet.`)
      : null,
    h('h3', {}, 'Endings'),
    endings,
  );
}

export function renderStoryMap(model: StoryMapModel): HTMLElement {
  const { map, progress } = model;
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
    h(
      'p',
      { class: 'story-map-legend' },
      'Bright: the path you took (the last playthrough is outlined). Dim: branches you saw but did not take. "?": not seen yet.',
    ),
    h(
      'div',
      {
        class: 'story-map-scroll',
        role: 'region',
        tabindex: 0,
        'aria-label': 'Story map drawing (scrolls)',
      },
      drawing(model, optionOf),
    ),
    textList(model, optionsOf),
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
