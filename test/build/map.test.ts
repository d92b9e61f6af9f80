// The story map on a fixture whose graph is known: every node and every edge, by id and kind.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileInk } from '../../src/build/compile-ink.ts';
import { storyMapOf, storyMapSvg } from '../../src/build/map.ts';
import { progressOnMap } from '../../src/core/story-map.ts';
import type { CaptureEvent } from '../../src/core/events.ts';

const fixture = join(resolve(import.meta.dirname, '../fixtures/authoring'), 'map', 'main.ink');
const json = compileInk(fixture).json;
if (json === null) throw new Error('the map fixture does not compile');
const map = storyMapOf('map', json);

describe('storyMapOf', () => {
  it('has a node for every knot, stitch, decision, option and ending', () => {
    expect(map.nodes.map((n) => `${n.kind} ${n.id} ${n.label}`).sort()).toEqual(
      [
        'knot (top) (top)',
        'knot hub hub',
        'decision ?hub hub',
        'choice ?hub#0 Go left',
        'choice ?hub#1 Right',
        'choice ?hub#2 Stay',
        'decision ?hub.c-2 hub.c-2',
        'choice ?hub.c-2#0 Sit',
        'choice ?hub.c-2#1 Stand',
        'decision ?hub.g-0 hub.g-0',
        'choice ?hub.g-0#0 Trap',
        'choice ?hub.g-0#1 Tunnel',
        'knot left left',
        'ending end:left left',
        'knot right right',
        'stitch right.door right.door',
        'decision ?right.door right.door',
        'choice ?right.door#0 Knock',
        'choice ?right.door#1 Wait',
        'stitch right.hall right.hall',
        'knot thread thread',
        'decision ?thread thread',
        'choice ?thread#0 Threaded',
        'knot tun tun',
        'knot lose lose',
        'ending end:lose lose',
        'knot trap trap',
        'ending end:trap trap',
      ].sort(),
    );
  });

  it('has an edge for every divert, option, tunnel and thread, and none for weave joints', () => {
    expect(map.edges.map((e) => `${e.from} -${e.kind}-> ${e.to}`).sort()).toEqual(
      [
        '(top) -divert-> hub',
        'hub -flow-> ?hub',
        '?hub -option-> ?hub#0',
        '?hub -option-> ?hub#1',
        '?hub -option-> ?hub#2',
        '?hub#0 -divert-> left',
        '?hub#1 -divert-> right.door',
        '?hub#2 -flow-> ?hub.c-2',
        '?hub.c-2 -option-> ?hub.c-2#0',
        '?hub.c-2 -option-> ?hub.c-2#1',
        '?hub.c-2#0 -divert-> ?hub.g-0',
        '?hub.c-2#1 -divert-> left',
        '?hub.g-0 -option-> ?hub.g-0#0',
        '?hub.g-0 -option-> ?hub.g-0#1',
        '?hub.g-0#0 -divert-> trap',
        '?hub.g-0#1 -tunnel-> tun',
        '?hub.g-0#1 -divert-> left',
        'left -flow-> end:left',
        'right -divert-> right.door',
        'right.door -flow-> ?right.door',
        '?right.door -option-> ?right.door#0',
        '?right.door -option-> ?right.door#1',
        '?right.door#0 -divert-> lose',
        '?right.door#1 -divert-> right.hall',
        'right.hall -thread-> thread',
        'right.hall -divert-> lose',
        'thread -flow-> ?thread',
        '?thread -option-> ?thread#0',
        '?thread#0 -divert-> lose',
        'lose -flow-> end:lose',
        'trap -flow-> end:trap',
      ].sort(),
    );
  });

  it('lays each node below the node that first leads to it', () => {
    const layer = new Map(map.nodes.map((n) => [n.id, n.layer]));
    expect(layer.get('(top)')).toBe(0);
    expect(layer.get('hub')).toBe(1);
    expect(layer.get('?hub')).toBe(2);
    expect(layer.get('?hub#0')).toBe(3);
    const boxes = new Set(map.nodes.map((n) => `${n.x},${n.y}`));
    expect(boxes.size).toBe(map.nodes.length);
  });

  it('writes an SVG with a titled box per node and escapes story text', () => {
    const svg = storyMapSvg({
      ...map,
      nodes: [...map.nodes, { id: 'x', kind: 'choice', label: '<b>&', layer: 9, x: 1, y: 1 }],
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect x=/g)?.length).toBe(map.nodes.length + 1);
    expect(svg).toContain('&#60;b&#62;&#38;');
    expect(svg).not.toContain('<b>');
  });
});

describe('progressOnMap', () => {
  const base = { v: 1, profileId: 'p', storyId: 'map', storyVersion: 'v', at: '' } as const;
  const choice = (
    id: string,
    sessionId: string,
    decisionId: string,
    texts: string[],
    chosen: number,
  ) =>
    ({
      ...base,
      id,
      sessionId,
      type: 'choice.made',
      decisionId,
      knot: decisionId,
      options: texts.map((text) => ({ text, taste: {} })),
      chosenIndex: chosen,
      decisionMs: 1,
      windowMs: null,
      timedOut: false,
      input: 'pointer',
    }) as CaptureEvent;

  it('marks the decisions seen, the options taken and the endings found', () => {
    const events: CaptureEvent[] = [
      { ...base, id: '1', sessionId: 's', type: 'session.started' },
      choice('2', 's', 'hub', ['Go left', 'Right', 'Stay'], 1),
      choice('3', 's', 'right.door', ['Knock', 'Wait'], 0),
      { ...base, id: '4', sessionId: 's', type: 'story.ended', endingPath: 'lose', decisions: 2 },
      {
        ...base,
        id: '5',
        sessionId: 'o',
        storyId: 'other',
        type: 'story.ended',
        endingPath: 'left',
        decisions: 1,
      },
    ];
    const p = progressOnMap(map, events);
    expect([...p.seenDecisions].sort()).toEqual(['?hub', '?right.door']);
    expect([...p.takenChoices].sort()).toEqual(['?hub#1', '?right.door#0']);
    expect([...p.foundEndings]).toEqual(['end:lose']);
    expect(p.lastPath).toEqual(['?hub#1', '?right.door#0']);
    expect(p.endingsTotal).toBe(3);
    expect(p.decisionsTotal).toBe(5);
  });

  it('matches an option by its place when its text changed, and cuts the path on a rewind', () => {
    const events: CaptureEvent[] = [
      { ...base, id: '1', sessionId: 's', type: 'session.started' },
      choice('2', 's', 'hub', ['Go left!', 'Right', 'Stay'], 0),
      choice('3', 's', 'right.door', ['Knock', 'Wait'], 1),
      {
        ...base,
        id: '4',
        sessionId: 's',
        type: 'decision.rewound',
        toDecisionId: 'hub',
        toTurn: 1,
        fromTurn: 2,
      },
    ];
    const p = progressOnMap(map, events);
    expect(p.takenChoices.has('?hub#0')).toBe(true);
    expect(p.lastPath).toEqual(['?hub#0']);
  });
});

describe('storyMapOf, in the words players read', () => {
  const inkOf = (source: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'inkreel-map-'));
    writeFileSync(join(dir, 'main.ink'), source);
    const compiled = compileInk(join(dir, 'main.ink')).json;
    if (compiled === null) throw new Error('does not compile');
    return compiled;
  };

  it('keeps a choice tag (the default marker, a taste) out of the option text', () => {
    const tagged = storyMapOf(
      't',
      inkOf(
        [
          'Morning.',
          '* [Get up at once #taste: order+1] Up.',
          '* [Five more minutes #default] Sleep.',
          '* Keep {~going|running} #taste: risk+1',
          '- -> END',
        ].join('\n'),
      ),
    );
    const labels = tagged.nodes.filter((n) => n.kind === 'choice').map((n) => n.label);
    expect(labels).toEqual(['Get up at once', 'Five more minutes', 'Keep …']);
  });

  it('lays each chapter out below the one before it, in story order', () => {
    const chaptered = storyMapOf(
      'c',
      inkOf(
        [
          '-> one',
          '=== one ===',
          '# chapter: One',
          '* [A] -> two',
          '* [B] -> two',
          '=== two ===',
          '# chapter: Two',
          '* [C] -> three',
          '* [D] -> three',
          '=== three ===',
          '# chapter: Three',
          'The end. -> END',
        ].join('\n'),
      ),
      { chapters: ['one', 'two', 'three'] },
    );
    const of = (chapter: string) => chaptered.nodes.filter((n) => n.chapter === chapter);
    expect(of('one').length).toBeGreaterThan(0);
    expect(of('two').length).toBeGreaterThan(0);
    const lowest = (nodes: readonly { y: number }[]) => Math.max(...nodes.map((n) => n.y));
    const highest = (nodes: readonly { y: number }[]) => Math.min(...nodes.map((n) => n.y));
    expect(highest(of('two'))).toBeGreaterThan(lowest(of('one')));
    expect(highest(of('three'))).toBeGreaterThan(lowest(of('two')));
    expect(chaptered.nodes.find((n) => n.id === '?one#0')?.chapter).toBe('one');
  });
});
