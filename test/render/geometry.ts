// Rectangle checks shared by the layout and view tests.
import type { Rect } from '../../src/render/layout.ts';

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
