// The privacy rules in a real Chromium with real IndexedDB: incognito play keeps nothing at all, a
// write that fails is shown to the player, and a second tab on a story plays its own session.
import type { Page } from 'playwright-core';
import { CHOICES, collectErrors, waitForState } from './browser.ts';
import { describe, expect, test } from './fixture.ts';

const STORY = 'privacy';

/** Every record of every IndexedDB database of the page's origin, as JSON, in a stable order. */
async function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const done = <T>(request: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    const out: Record<string, Record<string, [string, unknown][]>> = {};
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '').sort();
    for (const name of databases) {
      const db = await done(indexedDB.open(name));
      const stores: Record<string, [string, unknown][]> = {};
      for (const storeName of [...db.objectStoreNames].sort()) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
        stores[storeName] = keys.map((key, i) => [JSON.stringify(key), values[i]]);
      }
      db.close();
      out[name] = stores;
    }
    return JSON.stringify(out);
  });
}

async function turnOn(page: Page, setting: 'Incognito play' | 'Pause recording'): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/settings`);
  await waitForState(page, ['settings']);
  const box = page.getByRole('checkbox', { name: setting });
  await box.check();
  await expect.poll(() => box.isChecked()).toBe(true);
}

/** Clicks option `index` of the decision on screen and waits for the next decision or the end. */
async function pick(page: Page, index = 0): Promise<void> {
  await waitForState(page, ['choosing']);
  const button = page.locator(`${CHOICES} button:not([disabled])`).nth(index);
  await button.waitFor({ state: 'attached', timeout: 15_000 });
  const before = (await page.locator(CHOICES).textContent()) ?? '';
  await button.click();
  await page.waitForFunction(
    (previous) => {
      const state = document.getElementById('app')?.dataset.state;
      const now = document.querySelector('[role="group"][aria-label="Choices"]')?.textContent;
      // the pick went through once its beat is being read, or a new decision is open
      if (state === 'ended' || state === 'error' || state === 'reading') return true;
      return state === 'choosing' && now !== previous;
    },
    before,
    { timeout: 20_000 },
  );
}

async function recordingLabel(page: Page): Promise<string> {
  return (await page.locator('.play-profile').textContent()) ?? '';
}

async function storedChoices(page: Page): Promise<number> {
  const dump = JSON.parse(await dumpIndexedDb(page)) as Record<
    string,
    Record<string, [string, unknown][]>
  >;
  let count = 0;
  for (const stores of Object.values(dump))
    for (const records of Object.values(stores))
      for (const [, value] of records)
        if (JSON.stringify(value).includes('"choice.made"')) count += 1;
  return count;
}

type Dump = Record<string, Record<string, [string, unknown][]>>;

/** Every stored value that is a story's autosave. */
async function savesIn(page: Page): Promise<unknown[]> {
  const dump = JSON.parse(await dumpIndexedDb(page)) as Dump;
  return (
    Object.values(dump)
      .flatMap((stores) => Object.values(stores).flat())
      .map(([, value]) => value)
      // a save's head record (one per story; the decision records hang under it), or a whole save
      // in the older single-record layout
      .filter((v) => typeof v === 'object' && v !== null && ('turnCount' in v || 'snapshots' in v))
  );
}

/** How many choices each session holds. */
async function sessionsOfChoices(page: Page): Promise<{ id: string; choices: number }[]> {
  const dump = JSON.parse(await dumpIndexedDb(page)) as Dump;
  const counts = new Map<string, number>();
  for (const [, value] of Object.values(dump).flatMap((stores) => Object.values(stores).flat())) {
    const event = value as { type?: unknown; sessionId?: unknown };
    if (event.type === 'choice.made' && typeof event.sessionId === 'string')
      counts.set(event.sessionId, (counts.get(event.sessionId) ?? 0) + 1);
  }
  return [...counts].map(([id, choices]) => ({ id, choices }));
}

describe('privacy in Chromium with real IndexedDB', () => {
  test('a whole playthrough in incognito leaves every IndexedDB database exactly as it was', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open();
    // something stored first, so "as it was" is not merely "empty"
    await page.goto(`${baseUrl}/#/play/${STORY}`);
    await pick(page, 0);
    await turnOn(page, 'Incognito play');
    await page.goto(`${baseUrl}/#/`);
    await waitForState(page, ['home']);
    const before = await dumpIndexedDb(page);
    expect(before).toContain('choice.made');

    await page.goto(`${baseUrl}/#/play/${STORY}`);
    await waitForState(page, ['choosing']);
    // not resumed from the save made before incognito: it starts at the first door
    expect(await page.locator('[role="log"]').textContent()).toContain('A hall with two doors.');
    expect(await recordingLabel(page)).toBe('Incognito: nothing is kept');
    await pick(page, 1);
    await pick(page, 0);
    await pick(page, 1);
    expect(await waitForState(page, ['ended'])).toBe('ended');
    // leaving the story would record its end and save the place, were anything kept
    await page.goto(`${baseUrl}/#/`);
    await waitForState(page, ['home']);
    expect(await dumpIndexedDb(page)).toBe(before);
    expect(errors).toEqual([]);
  });

  test('a write that fails in IndexedDB is shown: the notice says what was not kept, the label stops saying Recording, and play goes on', async ({
    baseUrl,
    open,
  }) => {
    // the page is still blank: the init script runs at its first navigation
    const { context, page } = await open();
    // Every put and add on any object store throws UnknownError while the page asks for it.
    await context.addInitScript(() => {
      const fault = window as unknown as { __failWrites?: boolean };
      const proto = IDBObjectStore.prototype;
      for (const method of ['put', 'add'] as const) {
        const original = Reflect.get(proto, method) as IDBObjectStore['put'];
        Reflect.set(
          proto,
          method,
          function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
            if (fault.__failWrites) throw new DOMException('Injected write fault', 'UnknownError');
            return original.apply(this, args);
          },
        );
      }
    });
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto(`${baseUrl}/#/play/${STORY}`);
    await waitForState(page, ['choosing']);
    expect(await recordingLabel(page)).toMatch(/^Recording for /);
    await pick(page, 0);
    await expect.poll(() => storedChoices(page)).toBe(1);

    await page.evaluate(() => {
      (window as unknown as { __failWrites?: boolean }).__failWrites = true;
    });
    await pick(page, 1);
    const notice = page.locator('.play-storage-notice');
    await expect
      .poll(() => notice.textContent())
      .toMatch(
        /^Your last choice could not be saved: Injected write fault\. Play goes on; it is not in your profile\./,
      );
    expect(await notice.isVisible()).toBe(true);
    expect(await recordingLabel(page)).not.toMatch(/^Recording/);
    expect(warnings.some((w) => w.includes('Your last choice could not be saved'))).toBe(true);

    // play goes on to the end; only the first choice is in the profile
    await pick(page, 0);
    expect(await waitForState(page, ['ended'])).toBe('ended');
    await page.evaluate(() => {
      (window as unknown as { __failWrites?: boolean }).__failWrites = false;
    });
    expect(await storedChoices(page)).toBe(1);
  });

  test('a second tab on a story in play gets its own session: it neither resumes nor overwrites the first tab’s save', async ({
    baseUrl,
    open,
  }) => {
    const { context, page: first, errors } = await open();
    await first.goto(`${baseUrl}/#/play/${STORY}`);
    await pick(first, 0);
    await waitForState(first, ['choosing']);
    const saveOfFirst = await savesIn(first);
    expect(saveOfFirst).toHaveLength(1);

    const second = await context.newPage();
    const secondErrors = collectErrors(second);
    await second.goto(`${baseUrl}/#/play/${STORY}`);
    await waitForState(second, ['choosing']);
    // the first tab stands at the stair; the second starts at the hall and says why
    expect(await second.locator('[role="log"]').textContent()).toContain('A hall with two doors.');
    expect(await second.locator('[role="log"]').textContent()).not.toContain('A stair');
    expect(await second.locator('.play-tab-notice').textContent()).toContain(
      'This story is open in another tab: this tab plays a separate session',
    );
    await pick(second, 1);
    await pick(second, 1);
    expect(await savesIn(second)).toEqual(saveOfFirst);

    const sessions = await sessionsOfChoices(second);
    expect(sessions).toHaveLength(2);
    expect(sessions.map((s) => s.choices).sort()).toEqual([1, 2]);

    // the first tab plays on in its own session
    await pick(first, 0);
    expect((await sessionsOfChoices(first)).map((s) => s.choices).sort()).toEqual([2, 2]);
    expect([...errors, ...secondErrors]).toEqual([]);
  });
});
