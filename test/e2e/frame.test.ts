// Another origin cannot show the player in a frame: the preview's headers refuse it, and on a host
// that sends no header the page's own frame guard shows a notice instead of the app.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { waitForState } from './browser.ts';
import { describe, expect, test } from './fixture.ts';

const dist = join(resolve(process.env.INKREEL_E2E_DIR ?? '.e2e'), 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.svg': 'image/svg+xml',
};

function listen(server: Server): Promise<string> {
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

/** The built site as a bare static host serves it: no security headers at all. */
function bareHost(): Server {
  return createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
    const file = join(dist, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dist)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => res.writeHead(404).end(),
    );
  });
}

/** Another site's page that frames `target`. */
function framer(target: () => string): Server {
  return createServer((_req, res) => {
    res
      .writeHead(200, { 'Content-Type': 'text/html' })
      .end(
        `<!doctype html><title>framer</title><iframe src="${target()}/#/report" width="900" height="700"></iframe>`,
      );
  });
}

/** What the framed document shows: the app's controls, or the guard's notice. */
async function inFrame(frame: Frame) {
  return frame.evaluate(() => ({
    app: document.getElementById('app') !== null,
    nav: document.querySelectorAll('nav a').length,
    buttons: document.querySelectorAll('button').length,
    framed: document.documentElement.dataset.framed ?? null,
    link: document.querySelector('a[target="_blank"]')?.textContent ?? null,
    text: document.body?.textContent ?? '',
  }));
}

async function childFrame(page: Page): Promise<Frame> {
  await page.waitForFunction(() => document.querySelector('iframe') !== null);
  await page.waitForTimeout(1500); // the framed document loads and would boot in this time
  const child = page.frames().find((f) => f !== page.mainFrame());
  if (!child) throw new Error('no child frame');
  return child;
}

describe('framing by another origin', () => {
  const baseUrl = inject('baseUrl');
  const servers: Server[] = [];
  let bareUrl = '';
  let framerOfPreview = '';
  let framerOfBare = '';

  beforeAll(async () => {
    const bare = bareHost();
    const a = framer(() => baseUrl);
    const b = framer(() => bareUrl);
    servers.push(bare, a, b);
    bareUrl = await listen(bare);
    framerOfPreview = await listen(a);
    framerOfBare = await listen(b);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  });

  test('the preview sends frame-ancestors none and X-Frame-Options DENY, so the frame shows nothing of the player', async ({
    open,
  }) => {
    const direct = await fetch(`${baseUrl}/`);
    expect(direct.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(direct.headers.get('x-frame-options')).toBe('DENY');
    const { page } = await open();
    await page.goto(framerOfPreview);
    const frame = await childFrame(page);
    // Chromium replaces a refused frame with its own error page: none of the player is there
    const seen = await inFrame(frame);
    expect(seen.app).toBe(false);
    expect(seen.nav).toBe(0);
    expect(seen.text).not.toContain('Report');
    expect(frame.url()).not.toBe(`${baseUrl}/#/report`);
  });

  test('on a host with no headers, the framed page shows a notice with a link to its own tab and no app', async ({
    open,
  }) => {
    const { page } = await open();
    await page.goto(framerOfBare);
    const frame = await childFrame(page);
    const seen = await inFrame(frame);
    expect(seen.framed).toBe('true');
    expect(seen.app).toBe(false);
    expect(seen.nav).toBe(0);
    expect(seen.buttons).toBe(0);
    expect(seen.link).toBe('Open inkreel in its own tab');
    expect(seen.text).toContain('does not run inside another page');
    const href = await frame.locator('a[target="_blank"]').getAttribute('href');
    expect(href).toBe(`${bareUrl}/#/report`);
  });

  test('the same bare host in its own tab runs the app as usual', async ({ open }) => {
    const { page } = await open();
    await page.goto(`${bareUrl}/#/report`);
    await waitForState(page, ['report']);
    expect(await page.evaluate(() => document.documentElement.dataset.framed ?? null)).toBeNull();
  });
});
