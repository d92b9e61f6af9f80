// The canvas text reveal on a small screen: the lines of the first page are the ones that reveal.
import { describe, expect, it } from 'vitest';
import type { Container } from 'pixi.js';
import { Text } from 'pixi.js';
import type { ShownLine } from '../../src/core/view.ts';
import { computeLayout } from '../../src/render/layout.ts';
import { TextView } from '../../src/render/text.ts';
import { paletteFor } from '../../src/render/theme.ts';

const deps = { resolveAsset: () => null, load: () => Promise.reject(new Error('no')) };

function line(id: number, text: string): ShownLine {
  return { id, text, speaker: null, className: null, image: null };
}

function bodies(view: TextView): string[] {
  const out: string[] = [];
  const walk = (n: Container): void => {
    if (n instanceof Text && n.label === 'line-text') out.push(n.text);
    n.children.forEach(walk);
  };
  walk(view.container);
  return out;
}

describe('text reveal on a phone', () => {
  it('reveals the first page of a long beat on a phone, and holds the rest for later pages', () => {
    const long = 'The radiator ticks and the rain keeps on at the glass of the lobby doors. ';
    const lines = Array.from({ length: 8 }, (_, i) => line(i + 1, `${i + 1}. ${long.repeat(2)}`));
    const view = new TextView(deps, false);
    view.setLayout(computeLayout(360, 390, 2), paletteFor('dark'));
    view.setLines(lines, 0);
    const shown = bodies(view);
    // the box holds fewer lines than the beat has: the rest wait on later pages
    expect(shown.length).toBeLessThan(lines.length);
    view.tick(400);
    expect(bodies(view)[0]?.length ?? 0).toBeGreaterThan(0);
    expect(view.revealing).toBe(true);
    expect(view.report.more).toBe(true);
  });
});
