// Data rights in Chromium with real IndexedDB: two tabs on one profile lose and duplicate nothing,
// a tab closed right after a choice keeps it, and a malformed import changes nothing.
import { strToU8, zipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test, type Opened } from './fixture.ts';
import { exportDocument, openReport, pick, untimed, waitForState } from './report-helpers.ts';

async function recorded(page: Page): Promise<{ id: string; session: string; type: string }[]> {
  return page.locator('.event-list li').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-event-id') ?? '',
      session: r.getAttribute('data-session-id') ?? '',
      type: r.getAttribute('data-type') ?? '',
    })),
  );
}

describe('data rights in a real browser', () => {
  /** The opened context with the timer off; the page that turned it off is closed. */
  async function untimedContext(opened: Opened, baseUrl: string): Promise<BrowserContext> {
    await untimed(opened.page, baseUrl);
    await opened.page.close();
    return opened.context;
  }

  test('two pages on one profile making choices at the same time lose no event and duplicate none', async ({
    baseUrl,
    open,
  }) => {
    const context = await untimedContext(await open(), baseUrl);
    const [a, b] = await Promise.all([context.newPage(), context.newPage()]);
    await Promise.all([
      a.goto(`${baseUrl}/#/play/night-shift`),
      b.goto(`${baseUrl}/#/play/tapeloop`),
    ]);
    await Promise.all([waitForState(a, ['choosing']), waitForState(b, ['choosing'])]);
    const picks = { a: 0, b: 0 };
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        (
          [
            [a, 'a'],
            [b, 'b'],
          ] as const
        ).map(async ([page, key]) => {
          if ((await waitForState(page, ['choosing', 'ended'])) !== 'choosing') return;
          await pick(page, () => 0);
          picks[key]++;
        }),
      );
    }
    await b.close();
    await openReport(a, baseUrl);
    const events = await recorded(a);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const perSession = new Map<string, number>();
    for (const e of events.filter((e) => e.type === 'choice.made'))
      perSession.set(e.session, (perSession.get(e.session) ?? 0) + 1);
    expect([...perSession.values()].sort()).toEqual([picks.a, picks.b].sort());
    expect(picks.a + picks.b).toBeGreaterThanOrEqual(6);
  });

  test('keeps a choice when the page is closed right after it', async ({ baseUrl, open }) => {
    const context = await untimedContext(await open(), baseUrl);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/#/play/night-shift`);
    await waitForState(page, ['choosing']);
    const chosen = await pick(page, () => 0);
    await page.close({ runBeforeUnload: false });
    const report = await context.newPage();
    await openReport(report, baseUrl);
    const choice = report.locator('[data-type="choice.made"]');
    expect(await choice.count()).toBe(1);
    expect(await choice.textContent()).toContain(chosen);
  });

  test('refuses a malformed import with a message naming the fault and leaves the profile as it was', async ({
    baseUrl,
    open,
  }) => {
    const context = await untimedContext(await open(), baseUrl);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/#/play/night-shift`);
    await waitForState(page, ['choosing']);
    await pick(page, () => 0);
    // Leaving play records the session's pause after the route has changed: the profile is read
    // once another page has been shown since, so that write is in and the counts are final.
    await openReport(page, baseUrl);
    const profilesBefore = await profileCount(page, baseUrl);
    await openReport(page, baseUrl);
    const summary = await page.locator('.summary-counts').textContent();
    const before = await recorded(page);
    expect(before.length).toBeGreaterThan(0);

    const badEvent = exportDocument({ id: 'x', name: 'Evil' }, [
      { v: 1, id: 'e1', type: 'choice.made', chosenIndex: 'first' },
    ]);
    const files = [
      {
        name: 'profile.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{ not json'),
        fault: /profile\.json is not valid JSON/,
      },
      {
        name: 'export.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from(zipSync({ 'profile.json': strToU8(JSON.stringify(badEvent)) })),
        fault: /profile\.json is invalid: events\.0/,
      },
      {
        name: 'holiday.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from('not a zip at all'),
        fault: /holiday\.zip is neither an inkreel ZIP export nor a profile\.json/,
      },
    ];
    for (const { fault, ...file } of files) {
      await page.locator('input[type="file"]').setInputFiles(file);
      const error = page.locator('.import-error');
      await error.waitFor({ timeout: 30_000 });
      const message = (await error.textContent()) ?? '';
      expect(message).toMatch(/^Nothing was imported/);
      expect(message).toMatch(fault);
      expect(await page.locator('.switch-imported').count()).toBe(0);
    }
    expect(await page.locator('.summary-counts').textContent()).toBe(summary);
    expect(await recorded(page)).toEqual(before);
    expect(await profileCount(page, baseUrl)).toBe(profilesBefore);
  });
});

async function profileCount(page: Page, baseUrl: string): Promise<number> {
  await page.goto(`${baseUrl}/#/settings`);
  await waitForState(page, ['settings']);
  return page.locator('ul.profiles > li').count();
}
