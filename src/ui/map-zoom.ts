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

/** Below this scale a 13 px label is under 7 px on screen: the map opens no smaller. */
export const READABLE_SCALE = 0.55;
const MAX_SCALE = 2.5;
const STEP = 1.25;
/** How far an arrow key moves the map, in screen pixels. */
const PAN_STEP = 80;
const MARGIN = 24;

/**
 * The transform that shows `focus` in a `view` of the given size: fitted and centred when it fits at
 * a readable scale (never above 1), else centred on `anchor` (the newest step of the path) at the
 * readable scale.
 */
export function openingTransform(
  view: { readonly width: number; readonly height: number },
  focus: Box,
  anchor: { readonly x: number; readonly y: number },
  minScale = READABLE_SCALE,
): { k: number; x: number; y: number } {
  const fit = Math.min(
    (view.width - 2 * MARGIN) / Math.max(1, focus.width),
    (view.height - 2 * MARGIN) / Math.max(1, focus.height),
  );
  const k = Math.max(minScale, Math.min(1, fit));
  const centre =
    fit >= minScale
      ? { x: focus.x + focus.width / 2, y: focus.y + focus.height / 2 }
      : { x: anchor.x, y: anchor.y };
  return { k, x: view.width / 2 - centre.x * k, y: view.height / 2 - centre.y * k };
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
  /** what to show on opening */
  readonly focus: Box;
  readonly anchor: { readonly x: number; readonly y: number };
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
    showFocus: () => apply(openingTransform(viewSize(), options.focus, options.anchor)),
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
