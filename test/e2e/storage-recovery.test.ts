// "Storage full" clears in Chromium with a real quota (CDP Storage.overrideQuotaForOrigin): a pick
// made while the origin is full is kept in memory with a notice; once room is made (the filler
// deleted) the store recovers, the notice goes, and after a reload both picks are in IndexedDB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath, readStore } from './browser.ts';
import { pick, untimed, waitForState } from './report-helpers.ts';

/** The choice events IndexedDB holds, by event id. */
async function storedChoices(page: Page): Promise<string[]> {
  return ((await readStore(page, 'events', 'values')) as { type?: string; id: string }[])
    .filter((v) => v.type === 'choice.made')
    .map((v) => v.id);
}

/** Writes random blocks, ever smaller once refused, into a database of its own until the origin's quota refuses one. */
async function fill(): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('filler');
    open.onupgradeneeded = () => open.result.createObjectStore('blocks');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
  });
  let size = 256 * 1024;
  let refused = '';
  for (let i = 0; i < 120 && size >= 64; i += 1) {
    const error = await new Promise<string>((resolve) => {
      const tx = db.transaction('blocks', 'readwrite');
      // random bytes: IndexedDB compresses values, and a block of one byte would cost nothing
      const block = new Uint8Array(size);
      for (let at = 0; at < size; at += 65536) {
        crypto.getRandomValues(block.subarray(at, Math.min(at + 65536, size)));
      }
      tx.objectStore('blocks').put(block, `b${i}`);
      tx.oncomplete = () => resolve('');
      tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
    });
    if (error !== '') {
      refused = error;
      size = Math.floor(size / 2);
    }
  }
  db.close();
  return refused;
}

describe('storage that fills up and gets room again', () => {
  const baseUrl = inject('baseUrl');

  it('goes back to storing picks in IndexedDB once there is room again', async () => {
    // a profile on disk: an incognito context keeps IndexedDB in memory and never enforces quota
    const dir = mkdtempSync(join(tmpdir(), 'inkreel-quota-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: await chromiumPath(),
      args: CHROMIUM_FLAGS,
    });
    const page = await context.newPage();
    // a small quota for the origin, set before the app opens IndexedDB: an open database keeps
    // the quota it saw when it opened
    const cdp = await context.newCDPSession(page);
    const origin = new URL(baseUrl).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 20 * 2 ** 20 });
    await untimed(page, baseUrl);
    await page.goto(`${baseUrl}/#/play/night-shift`);
    await waitForState(page, ['choosing']);
    const before = await storedChoices(page);

    // filled to the brim by another database of the origin
    expect(await page.evaluate(fill)).toBe('QuotaExceededError');
    await pick(page, () => 0);
    const notice = page.locator('.play-storage-notice');
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await notice.textContent()).toMatch(/^Storage is full/);
    expect(await storedChoices(page)).toEqual(before);

    // room again: the filler is deleted; the next pick is stored, and the one kept in memory
    // is written back
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.deleteDatabase('filler');
          req.onsuccess = () => resolve();
          req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
        }),
    );
    await pick(page, () => 0);
    await notice.waitFor({ state: 'hidden', timeout: 45_000 });
    expect(await page.locator('.play-profile').textContent()).toMatch(/^Recording for/);

    await page.reload();
    await waitForState(page, ['choosing', 'reading', 'narrating']);
    const after = await storedChoices(page);
    expect(after.length).toBe(before.length + 2);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
