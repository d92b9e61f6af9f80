// The story text on the canvas: lines with speaker names and in-flow images, revealed at the
// player's text speed and paged when a beat does not fit.
import type { Texture } from 'pixi.js';
import { Container, Graphics, Sprite, Text } from 'pixi.js';
import type { RevealReport, ShownLine } from '../core/view.ts';
import type { TextureLoader } from './assets.ts';
import { drawPlaceholder, loadAsset } from './assets.ts';
import type { PlayLayout } from './layout.ts';
import { containScale } from './layout.ts';
import { revealedChars } from '../core/pacing.ts';
import type { TextSpeed } from '../core/settings.ts';
import type { Palette } from './theme.ts';

/**
 * How an Inky `CLASS` tag looks on the canvas. Inky's classes are the author's own CSS, so only
 * the common names get a canvas look; any other class leaves the line as plain narration. Every
 * line is centred, as subtitles are, so alignment classes change nothing here.
 */
export function classLook(className: string | null): {
  fontStyle: 'normal' | 'italic';
  fontWeight: 'normal' | '700';
} {
  const names = (className ?? '').toLowerCase().split(/\s+/);
  const has = (...list: string[]): boolean => list.some((n) => names.includes(n));
  return {
    fontStyle: has('italic', 'em', 'thought', 'thoughts', 'whisper') ? 'italic' : 'normal',
    fontWeight: has('bold', 'strong', 'shout', 'title') ? '700' : 'normal',
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
  readonly speaker: Text | null;
}

/** A page laid out: its first and last line, and the lines' nodes, positioned, in order. */
interface Page {
  readonly start: number;
  readonly end: number;
  readonly nodes: readonly LineNode[];
  /** the scrim's top edge, or null with no text */
  readonly scrimTop: number | null;
}

/**
 * A page laid out ahead for lines not on screen yet (see `prepare`), with everything its layout
 * depended on, so `show` adopts it only when nothing it depended on has changed since.
 */
interface PreparedPage {
  readonly key: string;
  readonly page: Page;
  /** what `prepare` was given, to lay it out again when an image arrives */
  readonly args: PrepareArgs;
}

interface PrepareArgs {
  readonly lines: readonly ShownLine[];
  readonly readThrough: number;
  readonly layout: PlayLayout;
}

/**
 * Keeps the lines of the current view on screen, a page at a time: lines that do not fit wait on
 * a later page (the player continues), and only lines already read leave the top to make room, so
 * no line is ever dropped unseen. New lines on a page reveal character by character at the text
 * speed (all of them as one run); lines already read appear whole, so a resize or a theme change
 * never replays the reveal.
 */
export class TextView {
  readonly container = new Container({ label: 'text' });
  /**
   * The soft gradient behind the subtitles, from above the page's first line to the foot of the
   * picture, full width: the stage puts it under the text and the cards. Kept out of `container`
   * so the text's own bounds stay the lines'.
   */
  readonly scrim = new Graphics({ label: 'scrim' });
  private lines: readonly ShownLine[] = [];
  /** ids of lines fully shown once (revealed or skipped): they never reveal again */
  private readonly read = new Set<number>();
  private revealIds: number[] = [];
  private revealStart = 0;
  private pageStart = 0;
  private pageEnd = 0;
  private nodes: LineNode[] = [];
  private layout: PlayLayout | null = null;
  private palette: Palette | null = null;
  private readonly textures = new Map<string, Texture | null>();
  private reducedMotion: boolean;
  private speed: TextSpeed;
  private lastNow = 0;
  /** the line the reveal has reached (see reachedThrough) */
  private revealAt: number | null = null;
  /** the next beat's page, laid out off-screen while the current one is still shown */
  private prepared: PreparedPage | null = null;
  /** identities of layouts and palettes, for the prepared page's key */
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;

  constructor(
    private readonly deps: TextViewDeps,
    reducedMotion: boolean,
    speed: TextSpeed = 'normal',
  ) {
    this.reducedMotion = reducedMotion;
    this.speed = speed;
  }

  /** True while some characters are still hidden. */
  get revealing(): boolean {
    return this.revealIds.length > 0;
  }

  /**
   * Id of the last line a reader has reached: the line revealing now (from its first letter), else
   * the page's last line; null with no text on screen. The stage changes the backdrop here, so a
   * scene tag takes effect with the line that carries it.
   */
  get reachedThrough(): number | null {
    if (this.revealIds.length > 0) return this.revealAt;
    return this.lines[this.pageEnd - 1]?.id ?? null;
  }

  get report(): RevealReport {
    const page = this.lines.slice(this.pageStart, this.pageEnd);
    return {
      busy: this.revealIds.length > 0,
      through: page.at(-1)?.id ?? null,
      more: this.pageEnd < this.lines.length,
      pageChars: page.reduce((sum, l) => sum + l.text.length, 0),
    };
  }

  /** `readThrough`: lines up to this id were read already (a resumed play): shown whole. */
  setLines(lines: readonly ShownLine[], now: number, readThrough = 0): void {
    this.apply(lines, now, readThrough, this.layout, this.palette);
  }

  setLayout(layout: PlayLayout, palette: Palette): void {
    this.layout = layout;
    this.palette = palette;
    // a page laid out for another layout or palette is of no use now
    this.dropPrepared();
    this.place(this.lastNow);
  }

  /**
   * New lines and a new layout at once, placed once: the page `setLines` then `setLayout` would
   * show. A page `prepare` laid out for exactly this change is swapped in, nothing laid out again.
   */
  show(
    lines: readonly ShownLine[],
    now: number,
    readThrough: number,
    layout: PlayLayout,
    palette: Palette,
  ): void {
    this.apply(lines, now, readThrough, layout, palette);
  }

  private apply(
    lines: readonly ShownLine[],
    now: number,
    readThrough: number,
    layout: PlayLayout | null,
    palette: Palette | null,
  ): void {
    this.lastNow = now;
    for (const l of lines) if (l.id <= readThrough) this.read.add(l.id);
    const relaid = layout !== this.layout || palette !== this.palette;
    const same = this.sameLines(lines);
    if (same && !relaid) {
      this.lines = lines;
      return;
    }
    const prepared = same || !layout || !palette ? null : this.takePrepared(lines, layout, palette);
    if (!same) {
      const start = this.startFor(lines);
      this.lines = lines;
      if (start !== null) {
        // CLEAR, a rewind or a restart
        this.pageStart = start;
        this.revealIds = [];
      }
      // the page starts where the old layout would have put it (setLines, then setLayout)
      if (!prepared && relaid && this.layout && this.palette)
        this.pageStart = this.dryStart(this.pageStart, this.layout, this.palette);
    }
    this.layout = layout;
    this.palette = palette;
    this.place(now, prepared);
    this.dropPrepared();
  }

  /**
   * Lays out, off-screen, the page `show(lines, …, readThrough, layout, palette)` will show next,
   * with the page on screen now left as it is: its Text objects are made and measured and the page
   * chosen, so that `show` only swaps them in. Replaces any page prepared before.
   */
  prepare(lines: readonly ShownLine[], readThrough: number, layout: PlayLayout): void {
    this.dropPrepared();
    const palette = this.palette;
    if (!palette || this.container.destroyed) return;
    for (const l of lines) if (l.id <= readThrough) this.read.add(l.id);
    let start = this.startFor(lines) ?? this.pageStart;
    if (this.layout && this.layout !== layout && !this.sameLines(lines))
      start = this.dryStart(start, this.layout, palette, lines);
    const page = this.layoutPage(lines, start, layout, palette);
    this.prepared = {
      key: this.preparedKey(lines, layout, palette),
      page,
      args: { lines, readThrough, layout },
    };
  }

  /** True while a page is prepared for these lines at this layout (see `prepare`). */
  isPrepared(lines: readonly ShownLine[], layout: PlayLayout): boolean {
    const palette = this.palette;
    return (
      this.prepared !== null &&
      palette !== null &&
      this.prepared.key === this.preparedKey(lines, layout, palette)
    );
  }

  setReducedMotion(reduced: boolean): void {
    this.reducedMotion = reduced;
    if (reduced) this.completeReveal();
  }

  setSpeed(speed: TextSpeed): void {
    this.speed = speed;
    if (speed === 'instant') this.completeReveal();
  }

  /** Shows every hidden character of the page at once; true when something was still revealing. */
  completeReveal(): boolean {
    if (this.revealIds.length === 0) return false;
    for (const id of this.revealIds) this.read.add(id);
    this.revealIds = [];
    for (const node of this.nodes) this.showWhole(node);
    this.syncCache();
    return true;
  }

  /**
   * The player's continue: finishes the reveal, else turns to the next page. False when there was
   * nothing to do (the page is read and it is the last).
   */
  advance(now: number): boolean {
    if (this.completeReveal()) return true;
    if (this.pageEnd >= this.lines.length) return false;
    this.pageStart = this.pageEnd;
    this.place(now);
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
    this.dropPrepared();
    this.container.destroy({ children: true });
    this.scrim.destroy();
    this.nodes = [];
  }

  private showWhole(node: LineNode): void {
    if (node.body.text !== node.line.text) node.body.text = node.line.text;
    if (node.speaker) node.speaker.visible = true;
  }

  /** Lays out the current page (or swaps in `prepared`) and starts revealing its new lines. */
  private place(now: number, prepared: Page | null = null): void {
    this.rebuild(prepared);
    const page = this.lines.slice(this.pageStart, this.pageEnd);
    const fresh = page.filter((l) => !this.read.has(l.id) && !this.revealIds.includes(l.id));
    if (fresh.length > 0) {
      if (this.reducedMotion || this.speed === 'instant') {
        for (const l of fresh) this.read.add(l.id);
      } else {
        // lines that arrive mid-reveal join the run, which keeps its start time
        if (this.revealIds.length === 0) this.revealStart = now;
        this.revealIds = [...this.revealIds, ...fresh.map((l) => l.id)];
      }
    }
    // a run's lines that left the page (a rewind, a CLEAR) stop revealing
    this.revealIds = this.revealIds.filter((id) => page.some((l) => l.id === id));
    for (const node of this.nodes) if (!this.revealIds.includes(node.line.id)) this.showWhole(node);
    this.applyReveal(now);
    this.syncCache();
  }

  private applyReveal(now: number): void {
    if (this.revealIds.length === 0) return;
    const texts = this.revealIds.map((id) => this.lines.find((l) => l.id === id)?.text ?? '');
    const total = texts.reduce((sum, t) => sum + t.length, 0);
    let budget = revealedChars(total, now - this.revealStart, this.speed);
    const done = budget >= total;
    // the run's first line starts at once; a later one when its first letter shows
    this.revealAt = this.revealIds[0] ?? null;
    this.revealIds.forEach((id, i) => {
      const text = texts[i] ?? '';
      const shown = Math.min(text.length, budget);
      if (i > 0 && shown > 0) this.revealAt = id;
      budget -= shown;
      const node = this.nodes.find((n) => n.line.id === id);
      if (!node) return;
      const next = text.slice(0, shown);
      if (node.body.text !== next) node.body.text = next;
      // a speaker's name arrives with the first letter of its line, never alone
      if (node.speaker) node.speaker.visible = shown > 0 || text.length === 0;
    });
    if (done) {
      for (const id of this.revealIds) this.read.add(id);
      this.revealIds = [];
      this.syncCache();
    }
  }

  private buildNode(
    line: ShownLine,
    layout: PlayLayout,
    palette: Palette,
    width: number,
  ): LineNode {
    const box = layout.textBox;
    const node = new Container({ label: `line-${line.id}` });
    let y = 0;
    let speakerText: Text | null = null;
    const shadow = {
      color: palette.textShadow,
      alpha: 0.75,
      blur: Math.max(2, layout.fontSize * 0.12),
      distance: 0,
      angle: Math.PI / 2,
    };
    if (line.speaker) {
      // As film subtitles name a speaker: small capitals in the accent colour, over the words.
      speakerText = new Text({
        label: 'speaker',
        text: line.speaker.toUpperCase(),
        style: {
          fontFamily: palette.fontFamily,
          fontSize: layout.speakerFontSize,
          fontWeight: '700',
          letterSpacing: Math.max(1, Math.round(layout.speakerFontSize * 0.14)),
          fill: palette.speaker,
          align: 'center',
          wordWrap: true,
          wordWrapWidth: width,
          breakWords: true,
          dropShadow: shadow,
        },
      });
      speakerText.x = Math.max(0, (width - speakerText.width) / 2);
      node.addChild(speakerText);
      y += speakerText.height + Math.round(layout.fontSize * 0.2);
    }
    if (line.image) {
      const maxH = Math.min(box.height * 0.4, layout.fontSize * 10);
      const image = this.buildImage(line.image, width, maxH);
      image.y = y;
      image.x = Math.max(0, (width - image.width) / 2);
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
        // subtitles are centred, every line
        align: 'center',
        dropShadow: shadow,
      },
    });
    body.y = y;
    // Centred lines centre in the band, not just within their own wrapped width.
    body.x = Math.max(0, (width - body.width) / 2);
    node.addChild(body);
    return { line, container: node, body, speaker: speakerText };
  }

  private sameLines(lines: readonly ShownLine[]): boolean {
    return lines.length === this.lines.length && lines.every((l, i) => l.id === this.lines[i]?.id);
  }

  /**
   * Where the page starts once `lines` replace the lines on screen: null when they continue them
   * (the page stays), else (a CLEAR, a rewind or a restart) the first line not read yet, or near
   * the end when all are read.
   */
  private startFor(lines: readonly ShownLine[]): number | null {
    const continues =
      this.lines.length <= lines.length && this.lines.every((l, i) => l.id === lines[i]?.id);
    if (continues) return null;
    const unread = lines.findIndex((l) => !this.read.has(l.id));
    return unread === -1 ? Math.max(0, lines.length - 40) : unread;
  }

  /** The start of the page `lines` from `start` would get at `layout`, nothing kept of it. */
  private dryStart(
    start: number,
    layout: PlayLayout,
    palette: Palette,
    lines: readonly ShownLine[] = this.lines,
  ): number {
    const page = this.layoutPage(lines, start, layout, palette);
    for (const node of page.nodes) node.container.destroy({ children: true });
    return page.start;
  }

  private idOf(thing: object): number {
    let id = this.ids.get(thing);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(thing, id);
    }
    return id;
  }

  /** Everything a page laid out ahead depends on: lines, what is read, page, layouts, palette. */
  private preparedKey(lines: readonly ShownLine[], layout: PlayLayout, palette: Palette): string {
    const read = lines.map((l) => `${l.id}${this.read.has(l.id) ? 'r' : ''}`).join(',');
    const from = this.sameLines(lines) ? 'same' : (this.startFor(lines) ?? this.pageStart);
    const before = this.layout ? this.idOf(this.layout) : 0;
    return `${read}|${String(from)}|${before}>${this.idOf(layout)}|${this.idOf(palette)}|${[...this.textures.values()].filter(Boolean).length}`;
  }

  /** The prepared page when it was laid out for exactly this change, else null. */
  private takePrepared(
    lines: readonly ShownLine[],
    layout: PlayLayout,
    palette: Palette,
  ): Page | null {
    const prepared = this.prepared;
    if (!prepared || prepared.key !== this.preparedKey(lines, layout, palette)) return null;
    this.prepared = null;
    return prepared.page;
  }

  private dropPrepared(): void {
    for (const node of this.prepared?.page.nodes ?? []) node.container.destroy({ children: true });
    this.prepared = null;
  }

  /**
   * Chooses a page: from line `from`, as many lines as fit (at least one); when the lines from
   * there do not all fit, lines already read leave the top first. Builds and positions the page's
   * nodes without adding them anywhere.
   */
  private layoutPage(
    lines: readonly ShownLine[],
    from: number,
    layout: PlayLayout,
    palette: Palette,
  ): Page {
    const first = Math.min(from, Math.max(0, lines.length - 1));
    if (lines.length === 0) return { start: first, end: 0, nodes: [], scrimTop: null };
    const box = layout.textBox;
    const inner = Math.round(layout.fontSize * 0.9);
    const width = box.width - inner * 2;
    const gap = Math.round(layout.fontSize * 0.7);
    const room = box.height - inner * 2;

    const built = new Map<number, LineNode>();
    const nodeAt = (i: number): LineNode | null => {
      const line = lines[i];
      if (!line) return null;
      let node = built.get(i);
      if (!node) {
        node = this.buildNode(line, layout, palette, width);
        built.set(i, node);
      }
      return node;
    };
    /** index after the last line that fits from `start` (at least start + 1) */
    const fitFrom = (start: number): number => {
      let used = 0;
      let i = start;
      for (; i < lines.length; i++) {
        const h = nodeAt(i)?.container.height ?? 0;
        const next = used + h + (i > start ? gap : 0);
        if (next > room && i > start) break;
        used = next;
      }
      return i;
    };
    let start = first;
    let end = fitFrom(start);
    while (end < lines.length && start < end - 1) {
      const line = lines[start];
      if (!line || !this.read.has(line.id)) break;
      start += 1;
      end = fitFrom(start);
    }
    const visible: LineNode[] = [];
    for (const [i, node] of built) {
      if (i >= start && i < end) visible.push(node);
      else node.container.destroy({ children: true });
    }
    visible.sort((a, b) => a.line.id - b.line.id);

    const heights = visible.map((n) => n.container.height);
    const used = heights.reduce((sum, h) => sum + h, 0) + gap * Math.max(0, visible.length - 1);
    // Lines sit at the bottom of the band, over the cards, as subtitles do.
    const top = Math.max(box.y + inner, box.y + box.height - used - inner);
    let y = top;
    for (const n of visible) {
      n.container.position.set(box.x + inner, y);
      y += n.container.height + gap;
    }
    return { start, end, nodes: visible, scrimTop: visible.length > 0 ? top - inner : null };
  }

  /** Draws the page chosen by `layoutPage` (or the one given, laid out ahead) in place of the old. */
  private rebuild(prepared: Page | null): void {
    for (const child of this.container.removeChildren()) child.destroy({ children: true });
    this.nodes = [];
    this.scrim.clear();
    const layout = this.layout;
    const palette = this.palette;
    this.pageStart = Math.min(this.pageStart, Math.max(0, this.lines.length - 1));
    if (!layout || !palette || this.lines.length === 0) {
      this.pageEnd = this.lines.length;
      return;
    }
    const page = prepared ?? this.layoutPage(this.lines, this.pageStart, layout, palette);
    this.pageStart = page.start;
    this.pageEnd = page.end;
    drawScrim(this.scrim, layout, palette, page.scrimTop);
    for (const n of page.nodes) this.container.addChild(n.container);
    this.nodes = [...page.nodes];
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
        const ahead = this.prepared?.args;
        this.place(this.lastNow);
        // a page laid out ahead holds the placeholder: lay it out again with the picture
        if (ahead) this.prepare(ahead.lines, ahead.readThrough, ahead.layout);
      });
    }
    return holder;
  }
}

/** Steps of the scrim's fade: enough that no band shows at 4K, few enough to draw at once. */
const SCRIM_STEPS = 24;

/**
 * The subtitles' ground: clear above, fading in over a few lines to the palette's scrim at the
 * text's top, and holding that to the foot of the picture (under the cards too). Drawn as thin
 * bands (pixi's 2D fallback has no gradient fills on every path); `textTop` null: no scrim.
 */
function drawScrim(
  g: Graphics,
  layout: PlayLayout,
  palette: Palette,
  textTop: number | null,
): void {
  g.clear();
  if (textTop === null) return;
  const fade = Math.round(layout.fontSize * 4);
  const solid = Math.max(0, Math.round(textTop));
  const start = Math.max(0, solid - fade);
  // whole-pixel bands that meet edge to edge: an overlap would draw a darker seam at each step
  const edge = (i: number): number => Math.round(start + ((solid - start) * i) / SCRIM_STEPS);
  for (let i = 0; i < SCRIM_STEPS; i++) {
    const top = edge(i);
    const height = edge(i + 1) - top;
    if (height <= 0) continue;
    const t = (i + 1) / SCRIM_STEPS;
    // ease-in, so the scene fades under the text instead of meeting a hard edge
    g.rect(0, top, layout.width, height).fill({
      color: palette.scrim,
      alpha: palette.scrimAlpha * t * t,
    });
  }
  g.rect(0, solid, layout.width, Math.max(0, layout.height - solid)).fill({
    color: palette.scrim,
    alpha: palette.scrimAlpha,
  });
}
