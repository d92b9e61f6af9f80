// The in-browser story map: progress shown in the drawing and in words, locked branches kept secret.
import { describe, expect, it } from 'vitest';
import type { MapProgress, StoryMapData } from '../../src/core/story-map.ts';
import { plainLabel, renderStoryMap } from '../../src/ui/story-map.ts';
import { parseRoute, hrefFor } from '../../src/ui/routes.ts';

const node = (
  id: string,
  kind: StoryMapData['nodes'][number]['kind'],
  label: string,
  layer: number,
  x: number,
) => ({
  id,
  kind,
  label,
  layer,
  x,
  y: 20 + layer * 90,
});

const map: StoryMapData = {
  storyId: 'tiny',
  width: 600,
  height: 400,
  nodes: [
    node('(top)', 'knot', '(top)', 0, 100),
    node('?(top)', 'decision', '(top)', 1, 100),
    node('?(top)#0', 'choice', 'Open the door', 2, 100),
    node('?(top)#1', 'choice', 'Walk away', 2, 300),
    node('?hall', 'decision', 'hall', 3, 100),
    node('?hall#0', 'choice', 'The secret stair', 4, 100),
    node('end:garden', 'ending', 'garden', 3, 300),
    node('end:hall', 'ending', 'hall', 5, 100),
  ],
  edges: [
    { from: '(top)', to: '?(top)', kind: 'flow' },
    { from: '?(top)', to: '?(top)#0', kind: 'option' },
    { from: '?(top)', to: '?(top)#1', kind: 'option' },
    { from: '?(top)#0', to: '?hall', kind: 'divert' },
    { from: '?(top)#1', to: 'end:garden', kind: 'divert' },
    { from: '?hall', to: '?hall#0', kind: 'option' },
    { from: '?hall#0', to: 'end:hall', kind: 'divert' },
  ],
};

const progress: MapProgress = {
  seenDecisions: new Set(['?(top)']),
  takenChoices: new Set(['?(top)#1']),
  foundEndings: new Set(['end:garden']),
  lastPath: ['?(top)#1'],
  decisionsTotal: 2,
  endingsTotal: 2,
};

describe('renderStoryMap', () => {
  const root = renderStoryMap({ title: 'Tiny', map, progress });

  it('counts endings found out of all endings, and decisions and branches seen', () => {
    expect(root.querySelector('.story-map-summary')?.textContent).toBe(
      'Endings found: 1 of 2. Decisions seen: 1 of 2. Branches seen: 2 of 3.',
    );
  });

  it('marks the taken branch, the seen one and the unseen ones in the drawing', () => {
    const cls = (id: string) => root.querySelector(`[data-node="${id}"]`)?.getAttribute('class');
    expect(cls('?(top)#1')).toContain('node-taken');
    expect(cls('?(top)#1')).toContain('node-last');
    expect(cls('?(top)#0')).toContain('node-seen');
    expect(cls('?hall#0')).toContain('node-unseen');
    expect(cls('end:garden')).toContain('node-taken');
    expect(root.querySelectorAll('line.edge-taken')).toHaveLength(2);
  });

  it('never shows the text of branches or endings not seen yet', () => {
    expect(root.textContent).not.toContain('The secret stair');
    expect(root.textContent).not.toContain('Ending: Hall');
    expect(root.textContent).toContain('Ending: Garden');
  });

  it('says the same in a list for those who cannot see the drawing', () => {
    const svg = root.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    const words = [...root.querySelectorAll('.story-map-decisions li li')].map(
      (li) => li.textContent,
    );
    expect(words).toEqual(['Open the door (not taken yet)', 'Walk away (you took this)']);
    expect([...root.querySelectorAll('.story-map-endings li')].map((li) => li.textContent)).toEqual(
      ['Found: Garden', '1 ending not found yet'],
    );
    expect(root.textContent).toContain('1 decision is not seen yet.');
  });

  it("names chapters and endings in the story's words and groups decisions by chapter", () => {
    const chaptered: StoryMapData = {
      ...map,
      nodes: map.nodes.map((n) =>
        n.layer >= 3 ? { ...n, chapter: 'hall_part' } : { ...n, chapter: null },
      ),
    };
    const seenAll: MapProgress = { ...progress, seenDecisions: new Set(['?(top)', '?hall']) };
    const el = renderStoryMap({
      title: 'Tiny',
      map: chaptered,
      progress: seenAll,
      outline: {
        chapters: [{ knot: 'hall_part', title: 'The Hall' }],
        endings: [{ path: 'garden', name: 'A Quiet Garden' }],
        typicalLength: null,
      },
    });
    expect([...el.querySelectorAll('.chapter-title')].map((t) => t.textContent)).toEqual([
      'Chapter 1: The Hall',
    ]);
    expect(
      [...el.querySelectorAll('.story-map-chapters > li > h4')].map((t) => t.textContent),
    ).toEqual(['Opening', 'Chapter 1: The Hall']);
    expect(el.textContent).toContain('Ending: A Quiet Garden');
    expect(el.textContent).toContain('Found: A Quiet Garden');
  });

  it('never shows a tag, the default marker or an ink path in a label', () => {
    const leaky: StoryMapData = {
      ...map,
      nodes: map.nodes.map((n) =>
        n.id === '?(top)#0'
          ? { ...n, label: 'Open the door #default #taste: risk+1' }
          : n.id === '?(top)#1'
            ? { ...n, label: 'nights.week_one' }
            : n,
      ),
    };
    const el = renderStoryMap({
      title: 'Tiny',
      map: leaky,
      progress: { ...progress, takenChoices: new Set(['?(top)#0', '?(top)#1']) },
    });
    const labels = [
      ...[...el.querySelectorAll('svg text, svg title')].map((t) => t.textContent ?? ''),
      ...[...el.querySelectorAll('.story-map-words li')].map((li) => li.textContent ?? ''),
    ];
    expect(labels.join(' ')).toContain('Open the door');
    for (const label of labels) {
      expect(label).not.toMatch(/#|taste:|default|\b\w+\.\w+\b/);
    }
    expect(plainLabel('nights.week_one')).toBe('Nights: Week One');
    expect(plainLabel('  #default')).toBe('An option');
  });

  it('pans and zooms by keyboard and fits the whole map on 0', () => {
    const el = renderStoryMap({ title: 'Tiny', map, progress });
    const view = el.querySelector<HTMLElement>('.story-map-view');
    const world = el.querySelector('.story-map-world');
    if (!view || !world) throw new Error('no map view');
    const scale = () =>
      Number(/scale\(([\d.]+)\)/.exec(world.getAttribute('transform') ?? '')?.[1]);
    const translate = () =>
      (/translate\(([-\d.]+),([-\d.]+)\)/.exec(world.getAttribute('transform') ?? '') ?? [])
        .slice(1)
        .map(Number);
    const key = (k: string) =>
      view.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('+');
    expect(scale()).toBeCloseTo(1.25);
    key('-');
    expect(scale()).toBeCloseTo(1);
    const [x0 = 0, y0 = 0] = translate();
    key('ArrowLeft');
    key('ArrowUp');
    const [x1 = 0, y1 = 0] = translate();
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeGreaterThan(y0);
    const toolbar = el.querySelector('[role="toolbar"]');
    expect(
      [...(toolbar?.querySelectorAll('button') ?? [])].map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Zoom in', 'Zoom out', 'Fit the whole map', 'Back to your path']);
  });

  it('is reached at #/map/<storyId>', () => {
    expect(parseRoute('#/map/low-tide')).toEqual({ name: 'map', storyId: 'low-tide' });
    expect(hrefFor({ name: 'map', storyId: 'a b' })).toBe('#/map/a%20b');
  });
});
