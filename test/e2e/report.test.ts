// The transparency report in Chromium with real IndexedDB: a risk-seeking playthrough never reads
// as Caution, the plain sentences come first with the evidence a step away, the export matches the
// events, axe finds nothing, a phone never scrolls sideways, and deleting the evidence moves the
// lean back.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { foreignRequests } from './browser.ts';
import { describe, expect, openContext, test, type Opened } from './fixture.ts';
import { highest, pick, tasteTable, untimed, waitForState } from './report-helpers.ts';

const RISK = 'article.dimension[data-dimension="risk"]';
/** what the report may say about risk after picking the riskiest option every time */
const RISK_WORDS =
  /^(You (might )?lean toward Thrill-seeking — |No clear lean toward Thrill-seeking or Caution yet, )/;

/** Unfolds a <details> by its summary, when it is folded. */
async function unfold(page: Page, selector: string): Promise<void> {
  const details = page.locator(selector).first();
  if ((await details.getAttribute('open')) === null) await details.locator('> summary').click();
}

function csv(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const risk = tasteTable('night-shift', 'risk');

interface Played extends Opened {
  /** the option texts picked, in order */
  readonly picked: readonly string[];
}

// One playthrough for the whole file: each test reads the same report, the last one deletes.
const reportTest = test.extend<{ played: Played }>({
  played: [
    async ({ browser, baseUrl }, use) => {
      const opened = await openContext(browser, { acceptDownloads: true });
      try {
        const { page } = opened;
        const picked: string[] = [];
        await untimed(page, baseUrl);
        await page.goto(`${baseUrl}/#/play/night-shift`);
        for (let guard = 0; guard < 40; guard++) {
          const state = await waitForState(page, ['choosing', 'ended', 'error']);
          if (state !== 'choosing') break;
          picked.push(await pick(page, highest(risk)));
        }
        await page.goto(`${baseUrl}/#/report`);
        await waitForState(page, ['report']);
        await use({ ...opened, picked });
      } finally {
        await opened.context.close();
      }
    },
    { scope: 'file' },
  ],
});

describe('the report after a risk-seeking playthrough of night-shift', () => {
  // the first test to ask for `played` waits for the playthrough (up to 5 minutes on a loaded machine)
  reportTest(
    'opens with plain sentences, a step from evidence links that point at the riskiest choices taken',
    async ({ played: { page, picked } }) => {
      expect(await page.evaluate(() => document.getElementById('app')?.dataset.state)).toBe(
        'report',
      );
      expect(picked.filter((t) => (risk.get(t) ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
      // the first thing after the counts is "In short", one sentence per lean with its count
      // (several dimensions with no lean share one sentence)
      const glance = page.locator(
        '.report-glance li[data-dimension="risk"], .report-glance li[data-dimensions~="risk"]',
      );
      const sentence = (await glance.textContent()) ?? '';
      const grouped = (await glance.getAttribute('data-dimensions')) !== null;
      if (grouped)
        expect(sentence).toMatch(
          /^No clear lean yet on .*Thrill-seeking or Caution \(\d+ decisions?\)/,
        );
      else {
        expect(sentence).toMatch(RISK_WORDS);
        expect(sentence).toMatch(/from \d+ decisions?/);
      }
      expect(await page.locator(`${RISK} .dimension-words`).textContent()).toMatch(RISK_WORDS);
      expect(await page.locator(`${RISK} svg[role="img"]`).getAttribute('aria-label')).toMatch(
        /90% likely somewhere from/,
      );
      // the maths, the evidence and the recorded list start folded
      for (const folded of ['details.how-calculated', `${RISK} details.evidence-details`])
        expect(await page.locator(folded).getAttribute('open')).toBeNull();
      expect(await page.locator('details.records-details').getAttribute('open')).toBeNull();
      // "why?" unfolds the lean's evidence (or the folded leans with none yet, whose evidence is a click on)
      await glance.locator('a.glance-why').click();
      if (grouped) {
        await page.locator('details.no-lean[open]').waitFor({ timeout: 30_000 });
        await page.locator(`${RISK} details.evidence-details > summary`).click();
      }
      await page.locator(`${RISK} details.evidence-details[open]`).waitFor({ timeout: 30_000 });
      const links = page.locator(`${RISK} a.evidence-link`);
      expect(await links.count()).toBeGreaterThan(0);
      for (const link of await links.all()) {
        const id = await link.getAttribute('data-event-id');
        expect(await link.getAttribute('href')).toBe(`#event-${id}`);
        const row = page.locator(`[id="event-${id}"]`);
        expect(await row.getAttribute('data-type')).toBe('choice.made');
        const said = /chose "(.*)" out of/.exec((await row.textContent()) ?? '')?.[1] ?? '';
        expect(picked).toContain(said);
        // the choice taken was the riskiest on offer; evidence toward Thrill-seeking rests on risk+ picks
        if ((await link.locator('..').textContent())?.includes('toward Thrill-seeking')) {
          expect(risk.get(said)).toBeGreaterThan(0);
        }
      }
      const first = links.first();
      const firstId = await first.getAttribute('data-event-id');
      await first.click();
      await page.waitForFunction((id) => document.activeElement?.id === `event-${id}`, firstId, {
        timeout: 30_000,
      });
      expect(page.url()).toMatch(/#\/report$/);
      expect(await page.locator('details.records-details').getAttribute('open')).not.toBeNull();
    },
    360_000,
  );

  reportTest(
    'keeps jargon out of the main text and never scrolls sideways on a 390×844 phone',
    async ({ played: { page } }) => {
      const main = await page.evaluate(() => {
        const copy = document.querySelector('.report')!.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('details').forEach((d) => d.remove());
        return copy.textContent ?? '';
      });
      for (const jargon of [/Fit \d/i, /2q − 1/, /\|estimate\|/, /assets\//, /\.png\b/, /δ/])
        expect(main).not.toMatch(jargon);
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        // as a newcomer finds it: everything folded, at the top
        await page.evaluate(() =>
          document.querySelectorAll('details').forEach((d) => {
            d.open = false;
          }),
        );
        await page.evaluate(() => window.scrollTo(0, 0));
        const fits = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
          chart: document.querySelector('.dimension .interval-chart')?.getBoundingClientRect()
            .width,
        }));
        expect(fits.scroll).toBeLessThanOrEqual(fits.client);
        expect(fits.chart).toBeGreaterThanOrEqual(300);
        // the summary, the leans and the controls come within about three screens
        const records = await page.evaluate(
          () =>
            document.querySelector('.report-records')!.getBoundingClientRect().top + window.scrollY,
        );
        expect(records).toBeLessThan(844 * 4);
      } finally {
        await page.setViewportSize({ width: 1280, height: 720 });
      }
    },
  );

  reportTest(
    'downloads a ZIP whose CSVs match the recorded events',
    async ({ played: { page, picked } }) => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.locator('button.export-data').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^inkreel-[\w-]+-\d{4}-\d{2}-\d{2}\.zip$/);
      const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
      const files = Object.fromEntries(Object.entries(zip).map(([k, v]) => [k, strFromU8(v)]));
      const doc = JSON.parse(files['profile.json']!) as {
        events: { id: string; type: string; sessionId: string; storyId: string }[];
      };
      const choices = doc.events.filter((e) => e.type === 'choice.made');
      expect(choices.length).toBe(picked.length);
      expect(await page.locator('[data-type="choice.made"]').count()).toBe(choices.length);

      const choiceRows = csv(files['choices.csv']!);
      expect(choiceRows.map((r) => r.event_id)).toEqual(choices.map((e) => e.id));
      expect(choiceRows.map((r) => r.chosen_text?.replace(/^'/, ''))).toEqual(picked);
      expect(choiceRows.every((r) => r.timed_out === 'false')).toBe(true);

      const sessions = csv(files['sessions.csv']!);
      // play sessions only: settings changes and deletions belong to no story
      const sessionIds = new Set(
        doc.events.filter((e) => e.sessionId !== '' && e.storyId !== '').map((e) => e.sessionId),
      );
      expect(new Set(sessions.map((r) => r.session_id))).toEqual(sessionIds);
      expect(sessions.reduce((n, r) => n + Number(r.choices), 0)).toBe(choices.length);

      const titles = csv(files['InteractiveTitles.csv']!);
      expect(titles).toHaveLength(choices.length);
      expect(titles.every((r) => r['Selection Type'] === 'USER_SELECTED')).toBe(true);
      expect(titles.every((r) => r['Title Desc'] === 'Night Shift')).toBe(true);

      const inferences = csv(files['inferences.csv']!);
      const riskRow = inferences.find((r) => r.dimension === 'risk');
      expect(Number(riskRow?.p_positive)).toBeGreaterThan(0.5);
      const evidenceIds = (riskRow?.top_evidence ?? '').split(';').map((p) => p.split('=')[0]);
      for (const id of evidenceIds) expect(choices.map((e) => e.id)).toContain(id);
      expect(files['README.txt']).toContain('top_evidence');
    },
  );

  reportTest('passes axe-core with data in it', async ({ played: { page } }) => {
    const source = readFileSync(
      createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
      'utf8',
    );
    // The page's CSP (script-src 'self') rightly refuses an inline <script>, so axe goes in
    // through the automation channel instead.
    await page.evaluate(source);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              c: Document,
            ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
    });
    expect(violations).toEqual([]);
  });

  reportTest(
    'shows what deleting a choice would change, and deleting the evidence moves the lean back',
    async ({ baseUrl, played: { page, errors, requests } }) => {
      expect(await page.locator(`${RISK} .dimension-words`).textContent()).toMatch(RISK_WORDS);
      await unfold(page, 'details.records-details');
      for (let guard = 0; guard < 20; guard++) {
        const link = page.locator(`${RISK} a.evidence-link`).first();
        if ((await page.locator(RISK).count()) === 0 || (await link.count()) === 0) break;
        const id = await link.getAttribute('data-event-id');
        const row = page.locator(`[id="event-${id}"]`);
        await row.locator('button.delete-event').click();
        const dialog = page.locator('dialog.confirm-delete[open]');
        await dialog.waitFor({ timeout: 30_000 });
        expect(
          await dialog.locator('.preview-changes [data-dimension="risk"]').textContent(),
        ).toMatch(/1 choice fewer/);
        await dialog.locator('button.confirm').click();
        await row.waitFor({ state: 'detached', timeout: 30_000 });
      }
      const risky = page.locator(RISK);
      if ((await risky.count()) > 0) {
        expect(await risky.locator('.dimension-words').textContent()).not.toMatch(
          /You (might )?lean toward Thrill-seeking/,
        );
      } else {
        expect(await page.locator('.dimension-silent').textContent()).toContain('Thrill-seeking');
      }
      const summary = await page.locator('.summary-deletions').textContent();
      expect(summary).toMatch(/You deleted \d+ items? in \d+ deletions?/);
      expect(foreignRequests(requests, baseUrl)).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});
