// Helpers of the presentation and accessibility browser tests: states, canvas colours, axe-core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { CHOICES, waitForState } from './browser.ts';

export { waitForState };

/** Waits until the enabled choice buttons are there and the canvas has laid its cards out. */
export async function waitForChoices(page: Page): Promise<void> {
  await waitForState(page, ['choosing']);
  await page.locator(`${CHOICES} button:not([disabled])`).first().waitFor({ timeout: 30_000 });
}

/**
 * Distinct colours in a screenshot of `selector` (quantised to 4 bits a channel, so anti-aliasing
 * noise does not count): a blank canvas has one or two, a drawn scene dozens.
 */
export async function distinctColours(page: Page, selector: string): Promise<number> {
  const shot = await page.locator(selector).first().screenshot();
  const url = `data:image/png;base64,${shot.toString('base64')}`;
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 16) {
      seen.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
    }
    return seen.size;
  }, url);
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly {
    readonly target: readonly string[];
    readonly failureSummary?: string;
  }[];
}

/** Runs axe-core on the page as it is now; the violations, summarised for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations as AxeViolation[];
  });
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`)
        .join('; ')}`,
  );
}
