// Imports in Chromium with real IndexedDB: a ZIP bomb is refused in a worker while the page stays
// responsive, a tab closed mid-import leaves no partial profile, a bad import changes nothing,
// and a large import is stored in batches with progress (its time is printed).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { deflatedZeros, zipClaiming } from '../profile/zip-bomb.ts';
import { readStore } from './browser.ts';
import { describe, expect, test } from './fixture.ts';
import { exportDocument, openReport, waitForState } from './report-helpers.ts';

const MiB = 1024 * 1024;

/** An export's profile.json with `count` small choice events, as a ZIP. */
function exportZip(count: number, options: { badLast?: boolean } = {}): Buffer {
  const events = Array.from({ length: count }, (_, i) => ({
    v: 1,
    id: `e${i}`,
    profileId: 'src',
    sessionId: `s${Math.floor(i / 20)}`,
    storyId: 'heist',
    storyVersion: 'h',
    at: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
    type: 'choice.made',
    decisionId: `k.${i % 7}`,
    knot: 'k',
    options: [
      { text: 'Go', taste: { risk: 1 } },
      { text: 'Stay', taste: { risk: -1 } },
    ],
    chosenIndex: i % 2,
    decisionMs: 1200,
    windowMs: 10000,
    timedOut: false,
    input: 'pointer',
  }));
  if (options.badLast) (events[count - 1] as Record<string, unknown>).chosenIndex = 'first';
  const doc = exportDocument({ id: 'src', name: 'Imported' }, events);
  return Buffer.from(zipSync({ 'profile.json': strToU8(JSON.stringify(doc)) }, { level: 1 }));
}

/** What IndexedDB holds: profile ids, and event counts by the profile prefix of their keys. */
async function stored(page: Page): Promise<{ profiles: string[]; events: Record<string, number> }> {
  const profiles = (await readStore(page, 'profiles', 'keys')) as string[];
  const events: Record<string, number> = {};
  for (const key of (await readStore(page, 'events', 'keys')) as string[]) {
    const owner = decodeURIComponent(key.slice(0, key.indexOf('/')));
    events[owner] = (events[owner] ?? 0) + 1;
  }
  return { profiles, events };
}

function setFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  return page.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: name.endsWith('.zip') ? 'application/zip' : 'application/json',
    buffer,
  });
}

describe('imports in a real browser', () => {
  test('refuses a ZIP that inflates to 4 GiB within 3 s, the page never stalling over 200 ms', async ({
    baseUrl,
    open,
  }) => {
    const bomb = Buffer.from(zipClaiming('profile.json', deflatedZeros(16 * MiB, 256), 1000));
    expect(bomb.length).toBeLessThan(5 * MiB);
    const { page } = await open();
    await openReport(page, baseUrl);
    const before = await stored(page);
    // the longest gap between timer ticks on the page's main thread, from here on
    await page.evaluate(() => {
      const w = window as unknown as { maxGap: number; stopGaps: boolean };
      w.maxGap = 0;
      w.stopGaps = false;
      let last = performance.now();
      const tick = (): void => {
        const now = performance.now();
        w.maxGap = Math.max(w.maxGap, now - last);
        last = now;
        if (!w.stopGaps) setTimeout(tick, 10);
      };
      setTimeout(tick, 10);
    });
    // from a file on disk, as a player would pick it: a buffer would be decoded by the page itself
    const dir = mkdtempSync(join(tmpdir(), 'inkreel-bomb-'));
    const path = join(dir, 'x.zip');
    writeFileSync(path, bomb);
    const started = Date.now();
    await page.locator('input[type="file"]').setInputFiles(path);
    const error = page.locator('.import-error');
    await error.waitFor({ timeout: 10_000 });
    const took = Date.now() - started;
    const maxGap = await page.evaluate(() => {
      const w = window as unknown as { maxGap: number; stopGaps: boolean };
      w.stopGaps = true;
      return w.maxGap;
    });
    console.log(
      `4 GiB bomb refused in ${took} ms; longest main-thread gap ${Math.round(maxGap)} ms`,
    );
    expect(await error.textContent()).toBe(
      'Nothing was imported. profile.json in x.zip inflates to more than 128 MB; nothing was imported.',
    );
    expect(took).toBeLessThan(3000);
    expect(maxGap).toBeLessThan(200);
    expect(await stored(page)).toEqual(before);
    rmSync(dir, { recursive: true });
  }, 60_000);

  test('refuses an import with one bad event among thousands and changes nothing', async ({
    baseUrl,
    open,
  }) => {
    const { page } = await open();
    await openReport(page, baseUrl);
    const before = await stored(page);
    await setFile(page, 'bad.zip', exportZip(10_000, { badLast: true }));
    const error = page.locator('.import-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(
      /profile\.json is invalid: events\.9999: chosenIndex/,
    );
    expect(await page.locator('[role="progressbar"]').count()).toBe(0);
    expect(await stored(page)).toEqual(before);
  }, 60_000);

  test('leaves no partial profile after the tab is closed in the middle of an import', async ({
    baseUrl,
    open,
  }) => {
    const { context, page } = await open();
    await openReport(page, baseUrl);
    const before = await stored(page);
    await setFile(page, 'big.zip', exportZip(60_000));
    // wait until storing has begun but not finished, then close the tab
    await page.waitForFunction(
      () => {
        const now = Number(
          document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? '0',
        );
        return now > 0 && now < 100;
      },
      undefined,
      { timeout: 60_000, polling: 10 },
    );
    const during = await stored(page);
    await page.close();
    const halfWritten = Object.keys(during.events).some((id) => !during.profiles.includes(id));

    const reopened = await context.newPage();
    await openReport(reopened, baseUrl);
    const after = await stored(reopened);
    expect(after.profiles).toEqual(before.profiles);
    // nothing of the import is left, under any profile or none
    for (const [owner, count] of Object.entries(after.events)) {
      expect(after.profiles).toContain(owner);
      expect(count).toBe(before.events[owner]);
    }
    expect(halfWritten || Object.keys(during.events).length === 0).toBe(true);
    await reopened.goto(`${baseUrl}/#/settings`);
    await waitForState(reopened, ['settings']);
    expect(await reopened.locator('ul.profiles > li').count()).toBe(before.profiles.length);
  }, 120_000);

  test('stores a large import in batches with a progress bar, and cancel leaves nothing', async ({
    baseUrl,
    open,
  }) => {
    const count = Number(process.env.INKREEL_IMPORT_EVENTS ?? 60_000);
    const { page } = await open();
    await openReport(page, baseUrl);
    const before = await stored(page);
    const zip = exportZip(count);
    const started = Date.now();
    await setFile(page, 'large.zip', zip);
    await page.locator('.import-done').waitFor({ timeout: 600_000 });
    const took = Date.now() - started;
    console.log(
      `import of ${count} events (${(zip.length / MiB).toFixed(1)} MB ZIP) took ${took} ms`,
    );
    const after = await stored(page);
    const added = after.profiles.filter((id) => !before.profiles.includes(id));
    expect(added).toHaveLength(1);
    expect(after.events[added[0]!]).toBe(count);

    // and a second import, cancelled while storing, leaves nothing
    await setFile(page, 'again.zip', zip);
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) >
        0,
      undefined,
      { timeout: 60_000, polling: 10 },
    );
    await page.locator('.cancel-import').click();
    await page.locator('.import-cancelled').waitFor({ timeout: 30_000 });
    expect(await stored(page)).toEqual(after);
  }, 660_000);
});
