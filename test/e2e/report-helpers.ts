// Helpers for the report's browser tests: untimed play, picking by a tag's value, waiting on state.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CHOICES, waitForState as waitForAppState } from './browser.ts';

/** The report's pages can take long on a loaded machine: a minute, not the default half. */
export async function waitForState(page: Page, states: readonly string[]): Promise<string> {
  return waitForAppState(page, states, 60_000);
}

/** Opens the report and waits until it shows. */
export async function openReport(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/#/report`);
  await waitForState(page, ['report']);
}

/** An export's profile.json document (an inkreel-profile, version 1) of one profile's `events`. */
export function exportDocument(profile: { id: string; name: string }, events: readonly unknown[]) {
  return {
    format: 'inkreel-profile',
    version: 1,
    exportedAt: '2024-01-01T00:00:00.000Z',
    profile: { ...profile, createdAt: '2024-01-01T00:00:00.000Z' },
    settings: null,
    events,
    quarantined: [],
  };
}

/** Option text → its weight on `dimension`, read from the story's ink source (0 when untagged). */
export function tasteTable(storyId: string, dimension: string): Map<string, number> {
  const source = readFileSync(resolve('stories', storyId, 'main.ink'), 'utf8');
  const table = new Map<string, number>();
  for (const m of source.matchAll(/^\s*[*+]+\s*\[([^\]#]*)([^\]]*)\]/gm)) {
    const text = (m[1] ?? '').trim();
    const tags = m[2] ?? '';
    const found = new RegExp(`\\b${dimension}([+-]\\d*(?:\\.\\d+)?)`).exec(tags);
    table.set(text, found?.[1] ? Number(found[1]) : 0);
  }
  return table;
}

/** Turns the timer off for the active profile, so no choice in the test is left to the timer. */
export async function untimed(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/#/settings`);
  await waitForState(page, ['settings']);
  await page.getByLabel('No timer: wait for me').check();
  await page.waitForFunction(
    () =>
      document.querySelector<HTMLInputElement>('input[type="radio"][value="off"]')?.checked ===
      true,
    undefined,
    { timeout: 30_000 },
  );
}

export function optionText(raw: string | null): string {
  return (raw ?? '').replace(/^\s*\d+\s*/, '').trim();
}

/** Clicks one option of the current decision and waits until the story has moved on. */
export async function pick(page: Page, choose: (texts: string[]) => number): Promise<string> {
  const buttons = page.locator(`${CHOICES} button:not([disabled])`);
  await buttons.first().waitFor({ state: 'attached', timeout: 60_000 });
  const texts = (await buttons.allTextContents()).map(optionText);
  const index = choose(texts);
  const before = await page.locator(`${CHOICES} button`).allTextContents();
  await buttons.nth(index).click();
  // reads on through the pages of the next beat, as a player would, until a new decision is open
  // or the story waits to go on to its ending (waitForState(['ended']) continues from there)
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const at = await page.evaluate((prev) => {
      const state = document.getElementById('app')?.dataset.state;
      const cue = document.querySelector('button.continue:not([hidden])')?.textContent ?? null;
      const now = [
        ...document.querySelectorAll('[role="group"][aria-label="Choices"] button:not([disabled])'),
      ].map((b) => b.textContent);
      const moved = now.length > 0 && now.join('\n') !== prev.join('\n');
      return { done: state === 'ended' || state === 'error' || moved, cue };
    }, before);
    if (at.done || at.cue === 'Continue to the ending') break;
    if (at.cue === 'Continue') await page.locator('button.continue').click();
    await page.waitForTimeout(100);
  }
  return texts[index] ?? '';
}

/** Index of the option with the largest weight in `table` (the first of equals). */
export function highest(table: Map<string, number>): (texts: string[]) => number {
  return (texts) => {
    let best = 0;
    texts.forEach((t, i) => {
      if ((table.get(t) ?? 0) > (table.get(texts[best] ?? '') ?? 0)) best = i;
    });
    return best;
  };
}
