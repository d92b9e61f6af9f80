// Charts for the report as accessible SVG: each is one role="img" with a sentence saying what it shows.
const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export interface IntervalChartInput {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  /** label of the pole drawn on the left (below zero) */
  readonly negative: string;
  /** label of the pole drawn on the right (above zero) */
  readonly positive: string;
  /** the axis runs from −extent to +extent; values beyond are drawn at the edge with an arrow */
  readonly extent?: number;
  /** half-width of a "no real lean" strip drawn around zero (the claims' δ); none when absent */
  readonly band?: number;
  /** the sentence screen readers hear instead of the picture */
  readonly alt: string;
}

const WIDTH = 320;
const HEIGHT = 36;
const PAD = 10;

/**
 * A horizontal bar: the middle is "no lean", the shaded span is the 90% interval and the dot is
 * the estimate. The axis is fixed (not fitted to the data) so two dimensions can be compared by
 * eye and a small lean never looks large.
 */
export function intervalChart(input: IntervalChartInput): SVGSVGElement {
  const extent = input.extent ?? 3;
  const x = (v: number): number => {
    const c = Math.max(-extent, Math.min(extent, v));
    return PAD + ((c + extent) / (2 * extent)) * (WIDTH - 2 * PAD);
  };
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: '100%',
    role: 'img',
    'aria-label': input.alt,
    class: 'interval-chart',
    preserveAspectRatio: 'none',
  });
  const title = svg('title', {});
  title.textContent = input.alt;
  root.append(title);
  const mid = HEIGHT / 2;
  if (input.band !== undefined && input.band > 0) {
    root.append(
      svg('rect', {
        x: x(-input.band),
        y: 2,
        width: x(input.band) - x(-input.band),
        height: HEIGHT - 4,
        class: 'chart-band',
      }),
    );
  }
  root.append(
    svg('line', { x1: PAD, x2: WIDTH - PAD, y1: mid, y2: mid, class: 'chart-axis' }),
    svg('line', { x1: x(0), x2: x(0), y1: 4, y2: HEIGHT - 4, class: 'chart-zero' }),
  );
  const lo = x(Math.min(input.low, input.high));
  const hi = x(Math.max(input.low, input.high));
  root.append(
    svg('rect', {
      x: lo,
      y: mid - 7,
      width: Math.max(1, hi - lo),
      height: 14,
      rx: 3,
      class: 'chart-interval',
    }),
  );
  for (const [value, side] of [
    [input.low, -1],
    [input.high, 1],
  ] as const) {
    if (Math.abs(value) > extent) {
      const tip = side * (extent + 1) > 0 ? WIDTH - 2 : 2;
      const back = tip - side * 7;
      root.append(
        svg('path', {
          d: `M${tip} ${mid} L${back} ${mid - 5} L${back} ${mid + 5} Z`,
          class: 'chart-overflow',
        }),
      );
    }
  }
  root.append(svg('circle', { cx: x(input.estimate), cy: mid, r: 5, class: 'chart-estimate' }));
  return root;
}

export interface ShareBarInput {
  /** parts in order, each a share of the whole (0..1) */
  readonly parts: readonly { readonly share: number; readonly className: string }[];
  readonly alt: string;
}

/** A single stacked bar of shares (e.g. decided early / later / by the timer). */
export function shareBar(input: ShareBarInput): SVGSVGElement {
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} 14`,
    width: '100%',
    role: 'img',
    'aria-label': input.alt,
    class: 'share-bar',
    preserveAspectRatio: 'none',
  });
  const title = svg('title', {});
  title.textContent = input.alt;
  root.append(title, svg('rect', { x: 0, y: 0, width: WIDTH, height: 14, class: 'share-track' }));
  let at = 0;
  for (const part of input.parts) {
    const w = Math.max(0, Math.min(1, part.share)) * WIDTH;
    if (w > 0)
      root.append(svg('rect', { x: at, y: 0, width: w, height: 14, class: part.className }));
    at += w;
  }
  return root;
}
