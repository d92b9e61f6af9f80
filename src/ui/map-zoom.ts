// Pan and zoom for the story map: d3-zoom does the mouse wheel, drag and pinch; the keys (+, −,
// arrows, 0 to fit) and the buttons are ours. The map opens on the player's latest path, at a
// scale where its labels can be read, or fitted whole when it is small enough to read that way.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Below this scale a 15 px label is under 11 px on screen: the map opens no smaller. */
export const READABLE_SCALE = 0.75;
const MAX_SCALE = 2.5;
const STEP = 1.25;
/** How far an arrow key moves the map, in screen pixels. */
const PAN_STEP = 80;
const MARGIN = 24;

const union = (boxes: readonly Box[]): Box => {
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
};

/**
 * The transform that opens the map on `steps` (oldest first, e.g. the latest playthrough's picks):
 * as many of the newest steps as fit the view at a readable scale, fitted (never above 1) and
 * centred; the newest alone at the readable scale when not even it fits. `top` puts them at the top
 * of the view instead (a story's start, read downwards).
 */
export function openingTransform(
  view: { readonly width: number; readonly height: number },
  steps: readonly Box[],
  align: 'centre' | 'top' = 'centre',
  minScale = READABLE_SCALE,
): { k: number; x: number; y: number } {
  const fitOf = (b: Box) =>
    Math.min(
      (view.width - 2 * MARGIN) / Math.max(1, b.width),
      (view.height - 2 * MARGIN) / Math.max(1, b.height),
    );
  let shown: Box | null = null;
  for (let n = steps.length; n >= 1 && shown === null; n--) {
    const box = union(steps.slice(steps.length - n));
    if (fitOf(box) >= minScale) shown = box;
  }
  const newest = steps[steps.length - 1] ?? { x: 0, y: 0, width: 0, height: 0 };
  const box = shown ?? newest;
  const k = shown ? Math.min(1, fitOf(shown)) : minScale;
  const x = view.width / 2 - (box.x + box.width / 2) * k;
  if (align === 'top') return { k, x, y: MARGIN - box.y * k };
  return { k, x, y: view.height / 2 - (box.y + box.height / 2) * k };
}

export interface MapZoom {
  /** fits the whole map in the view */
  fitAll(): void;
  /** shows the focus again, as on opening */
  showFocus(): void;
  zoomBy(factor: number): void;
  panBy(dx: number, dy: number): void;
  /** the current transform (scale k, translation x, y) */
  current(): { k: number; x: number; y: number };
  destroy(): void;
}

export interface ZoomOptions {
  /** the element that takes the pointer and keys (the svg) */
  readonly svg: SVGSVGElement;
  /** the group the transform moves */
  readonly world: SVGGElement;
  /** the focusable element that takes the keys (+, −, arrows, 0) */
  readonly keys: HTMLElement;
  /** the map's own size */
  readonly size: { readonly width: number; readonly height: number };
  /** what to show on opening, oldest first: as many of the newest as fit (openingTransform) */
  readonly steps: readonly Box[];
  /** where the focus sits in the view on opening */
  readonly align?: 'centre' | 'top';
  /** called after every change of transform */
  readonly onChange?: (t: { k: number; x: number; y: number }) => void;
}

export function attachZoom(options: ZoomOptions): MapZoom {
  const { svg, world, size } = options;
  const viewSize = () => ({ width: svg.clientWidth || 0, height: svg.clientHeight || 0 });
  const fitAllScale = () => {
    const v = viewSize();
    return Math.min(
      1,
      (v.width - 2 * MARGIN) / Math.max(1, size.width),
      (v.height - 2 * MARGIN) / Math.max(1, size.height),
    );
  };
  const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    // jsdom and a detached svg have no layout: the extent is the svg's client box
    .extent(() => {
      const v = viewSize();
      return [
        [0, 0],
        [v.width, v.height],
      ];
    })
    .scaleExtent([Math.min(READABLE_SCALE, 0.05), MAX_SCALE])
    .translateExtent([
      [-size.width / 2, -size.height / 2],
      [size.width * 1.5, size.height * 1.5],
    ])
    .on('zoom', (event: { transform: ZoomTransform }) => {
      world.setAttribute('transform', event.transform.toString());
      const { k, x, y } = event.transform;
      options.onChange?.({ k, x, y });
    });
  const selection = select(svg);
  selection.call(behaviour);
  // a double click is easy to make by accident while exploring: only the buttons and keys zoom in
  selection.on('dblclick.zoom', null);
  const apply = (t: { k: number; x: number; y: number }) => {
    // zooming out stops where the whole map fits (or at the readable scale, if that is smaller)
    behaviour.scaleExtent([Math.min(READABLE_SCALE, Math.max(0.02, fitAllScale())), MAX_SCALE]);
    behaviour.transform(selection, zoomIdentity.translate(t.x, t.y).scale(t.k));
  };
  const centred = (k: number) => {
    const v = viewSize();
    return { k, x: (v.width - size.width * k) / 2, y: (v.height - size.height * k) / 2 };
  };
  const api: MapZoom = {
    fitAll: () => apply(centred(fitAllScale())),
    showFocus: () => apply(openingTransform(viewSize(), options.steps, options.align)),
    zoomBy: (factor) => behaviour.scaleBy(selection, factor),
    panBy: (dx, dy) => {
      const { k } = api.current();
      behaviour.translateBy(selection, dx / k, dy / k);
    },
    current: () => {
      const t = (svg as unknown as { __zoom?: ZoomTransform }).__zoom ?? zoomIdentity;
      return { k: t.k, x: t.x, y: t.y };
    },
    destroy: () => {
      selection.on('.zoom', null);
    },
  };
  options.keys.addEventListener('keydown', (event) => {
    const move: Record<string, [number, number]> = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    };
    const by = move[event.key];
    if (by) api.panBy(by[0], by[1]);
    else if (event.key === '+' || event.key === '=') api.zoomBy(STEP);
    else if (event.key === '-' || event.key === '_') api.zoomBy(1 / STEP);
    else if (event.key === '0') api.fitAll();
    else return;
    event.preventDefault();
  });
  return api;
}
