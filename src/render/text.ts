// The story text on the canvas: lines with speaker names and in-flow images, revealed at a readable pace.
import type { Texture } from 'pixi.js';
import { Container, Graphics, Sprite, Text } from 'pixi.js';
import type { ShownLine } from '../core/view.ts';
import type { TextureLoader } from './assets.ts';
import { drawPlaceholder, loadAsset } from './assets.ts';
import type { PlayLayout } from './layout.ts';
import { containScale, revealedChars } from './layout.ts';
import type { Palette } from './theme.ts';

/**
 * How an Inky `CLASS` tag looks on the canvas. Inky's classes are the author's own CSS, so only
 * the common names get a canvas look; any other class leaves the line as plain narration.
 */
export function classLook(className: string | null): {
  fontStyle: 'normal' | 'italic';
  fontWeight: 'normal' | '700';
  align: 'left' | 'center';
} {
  const names = (className ?? '').toLowerCase().split(/\s+/);
  const has = (...list: string[]): boolean => list.some((n) => names.includes(n));
  return {
    fontStyle: has('italic', 'em', 'thought', 'thoughts', 'whisper') ? 'italic' : 'normal',
    fontWeight: has('bold', 'strong', 'shout', 'title') ? '700' : 'normal',
    align: has('center', 'centre', 'centered', 'title', 'end') ? 'center' : 'left',
  };
}

export interface TextViewDeps {
  readonly resolveAsset: (path: string) => string | null;
  readonly load: TextureLoader;
}

interface LineNode {
  readonly line: ShownLine;
  readonly container: Container;
  readonly body: Text;
}

/**
 * Keeps the lines of the current view on screen. Lines it has not shown before reveal character by
 * character (all new lines as one run); lines already seen appear whole, so a resize or a theme
 * change never replays the reveal.
 */
export class TextView {
  readonly container = new Container({ label: 'text' });
  private lines: readonly ShownLine[] = [];
  private readonly seen = new Set<number>();
  private revealIds: number[] = [];
  private revealStart = 0;
  private nodes: LineNode[] = [];
  private layout: PlayLayout | null = null;
  private palette: Palette | null = null;
  private readonly textures = new Map<string, Texture | null>();
  private reducedMotion: boolean;
  private lastNow = 0;

  constructor(
    private readonly deps: TextViewDeps,
    reducedMotion: boolean,
  ) {
    this.reducedMotion = reducedMotion;
  }

  /** True while some characters are still hidden. */
  get revealing(): boolean {
    return this.revealIds.length > 0;
  }

  setLines(lines: readonly ShownLine[], now: number): void {
    this.lastNow = now;
    const same =
      lines.length === this.lines.length && lines.every((l, i) => l.id === this.lines[i]?.id);
    this.lines = lines;
    if (same) return;
    const fresh = lines.filter((l) => !this.seen.has(l.id));
    for (const l of lines) this.seen.add(l.id);
    if (fresh.length > 0 && !this.reducedMotion) {
      // Lines that arrive mid-reveal join the run, which keeps its start time.
      if (this.revealIds.length === 0) this.revealStart = now;
      this.revealIds = [
        ...this.revealIds.filter((id) => lines.some((l) => l.id === id)),
        ...fresh.map((l) => l.id),
      ];
    }
    this.rebuild();
    this.applyReveal(now);
    this.syncCache();
  }

  setLayout(layout: PlayLayout, palette: Palette): void {
    this.layout = layout;
    this.palette = palette;
    this.rebuild();
    this.applyReveal(this.lastNow);
    this.syncCache();
  }

  setReducedMotion(reduced: boolean): void {
    this.reducedMotion = reduced;
    if (reduced) this.completeReveal();
  }

  /** Shows every hidden character at once; true when something was still revealing. */
  completeReveal(): boolean {
    if (this.revealIds.length === 0) return false;
    this.revealIds = [];
    for (const node of this.nodes) node.body.text = node.line.text;
    this.syncCache();
    return true;
  }

  /**
   * Text at rest is cached as one texture: on the 2D canvas renderer the scrim and every line cost a
   * draw each frame, and a countdown runs with nothing here changing. Revealing text draws live.
   */
  private syncCache(): void {
    if (this.container.destroyed) return;
    if (this.revealIds.length > 0) {
      if (this.container.isCachedAsTexture) this.container.cacheAsTexture(false);
    } else if (this.container.isCachedAsTexture) {
      this.container.updateCacheTexture();
    } else {
      this.container.cacheAsTexture(true);
    }
  }

  tick(now: number): void {
    this.lastNow = now;
    if (this.revealIds.length > 0) this.applyReveal(now);
  }

  destroy(): void {
    this.container.destroy({ children: true });
    this.nodes = [];
  }

  private applyReveal(now: number): void {
    if (this.revealIds.length === 0) return;
    // Only lines still in the box reveal: on a small screen the oldest of a long beat have dropped
    // off the top, and spending the pace on them would leave the visible box blank for seconds.
    const shownIds = this.revealIds.filter((id) => this.nodes.some((n) => n.line.id === id));
    const total = shownIds.reduce(
      (sum, id) => sum + (this.lines.find((l) => l.id === id)?.text.length ?? 0),
      0,
    );
    let budget = revealedChars(total, now - this.revealStart);
    const done = budget >= total;
    for (const id of shownIds) {
      const node = this.nodes.find((n) => n.line.id === id);
      const text = this.lines.find((l) => l.id === id)?.text ?? '';
      const shown = Math.min(text.length, budget);
      budget -= shown;
      if (node) {
        const next = text.slice(0, shown);
        if (node.body.text !== next) node.body.text = next;
      }
    }
    if (done) {
      this.revealIds = [];
      this.syncCache();
    }
  }

  private rebuild(): void {
    for (const child of this.container.removeChildren()) child.destroy({ children: true });
    this.nodes = [];
    const layout = this.layout;
    const palette = this.palette;
    if (!layout || !palette || this.lines.length === 0) return;
    const box = layout.textBox;
    const inner = Math.round(layout.fontSize * 0.9);
    const width = box.width - inner * 2;
    const gap = Math.round(layout.fontSize * 0.7);

    const built: LineNode[] = [];
    for (const line of this.lines) {
      const node = new Container({ label: `line-${line.id}` });
      let y = 0;
      if (line.speaker) {
        const speaker = new Text({
          label: 'speaker',
          text: line.speaker.toUpperCase(),
          style: {
            fontFamily: palette.fontFamily,
            fontSize: layout.speakerFontSize,
            fontWeight: '700',
            letterSpacing: 1,
            fill: palette.speaker,
            wordWrap: true,
            wordWrapWidth: width,
            breakWords: true,
          },
        });
        node.addChild(speaker);
        y += speaker.height + Math.round(layout.fontSize * 0.2);
      }
      if (line.image) {
        const maxH = Math.min(box.height * 0.4, layout.fontSize * 10);
        const image = this.buildImage(line.image, width, maxH);
        image.y = y;
        node.addChild(image);
        y += image.height + Math.round(layout.fontSize * 0.4);
      }
      // Measured with the whole line so the layout does not jump while it reveals.
      const look = classLook(line.className);
      const body = new Text({
        label: 'line-text',
        text: line.text,
        style: {
          fontFamily: palette.fontFamily,
          fontSize: layout.fontSize,
          lineHeight: Math.round(layout.fontSize * layout.lineHeight),
          fill: palette.text,
          wordWrap: true,
          wordWrapWidth: width,
          breakWords: true,
          fontStyle: look.fontStyle,
          fontWeight: look.fontWeight,
          align: look.align,
        },
      });
      body.y = y;
      // Centred lines centre in the box, not just within their own wrapped width.
      if (look.align === 'center') body.x = Math.max(0, (width - body.width) / 2);
      node.addChild(body);
      built.push({ line, container: node, body });
    }

    // Newest lines sit at the bottom; the oldest drop off the top when the box is full.
    const heights = built.map((n) => n.container.height);
    let used = 0;
    let first = built.length;
    for (let i = built.length - 1; i >= 0; i--) {
      const h = heights[i] ?? 0;
      const next = used + h + (first < built.length ? gap : 0);
      if (next > box.height - inner * 2 && first < built.length) break;
      used = next;
      first = i;
    }
    const visible = built.slice(first);
    for (const n of built.slice(0, first)) n.container.destroy({ children: true });

    const top = box.y + box.height - used - inner;
    const scrim = new Graphics({ label: 'scrim' });
    scrim
      .roundRect(
        box.x,
        Math.max(box.y, top - inner),
        box.width,
        Math.min(box.height, used + inner * 2),
        layout.choices.radius,
      )
      .fill({ color: palette.scrim, alpha: palette.scrimAlpha });
    this.container.addChild(scrim);
    let y = top;
    for (const n of visible) {
      n.container.position.set(box.x + inner, y);
      this.container.addChild(n.container);
      y += n.container.height + gap;
    }
    this.nodes = visible;
  }

  private buildImage(path: string, maxW: number, maxH: number): Container {
    const holder = new Container({ label: 'image' });
    const cached = this.textures.get(path);
    if (cached) {
      const sprite = new Sprite(cached);
      sprite.scale.set(containScale(cached.width, cached.height, maxW, maxH));
      holder.addChild(sprite);
      return holder;
    }
    const w = Math.min(maxW, maxH * (16 / 9));
    holder.addChild(drawPlaceholder(w, maxH));
    if (cached === undefined) {
      this.textures.set(path, null);
      void loadAsset(path, this.deps.resolveAsset, this.deps.load).then((texture) => {
        if (this.container.destroyed || !texture) return;
        this.textures.set(path, texture);
        this.rebuild();
        this.applyReveal(this.lastNow);
        this.syncCache();
      });
    }
    return holder;
  }
}
