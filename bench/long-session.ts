// Long sessions (DESIGN §8): 1 000 decisions of a looping story in the built app, in headless
// Chromium, with the JS heap, pixi textures, audio nodes and event listeners counted at decisions
// 0, 500 and 1000 (0/50/100 in quick mode).
//
// The story is bench/stories/loop (three places in turn, scene changes, a transition, music cues,
// a timer on every decision), built into a site of its own beside the bench's. A pick holds about
// 600 ms and every window counts down, so 1 000 real decisions would take well over ten minutes:
// an init script runs the page's clocks TIME_SCALE times faster (setTimeout and setInterval delays
// divided, performance.now and rAF timestamps multiplied). The app's code, its timers and its
// frames are unchanged; only the time they see passes faster. Web Audio's own clock is not scaled.
// A driver in the page reads on (Continue) and picks as soon as a decision opens, alternating
// options; at each checkpoint the game is paused (Escape: the window stops, DESIGN §3), garbage is
// collected and everything is counted, then play resumes.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { ROOT } from './build.ts';

export const TIME_SCALE = 16;

/** Builds the app with only the bench's looping story into `outDir`. */
export async function buildLoopSite(outDir: string): Promise<void> {
  const stories = `${outDir}-stories`;
  rmSync(stories, { recursive: true, force: true });
  mkdirSync(stories, { recursive: true });
  cpSync(join(ROOT, 'bench/stories/loop'), join(stories, 'loop'), { recursive: true });
  const saved = process.env.INKREEL_STORIES_DIR;
  process.env.INKREEL_STORIES_DIR = stories;
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
  } finally {
    if (saved === undefined) delete process.env.INKREEL_STORIES_DIR;
    else process.env.INKREEL_STORIES_DIR = saved;
  }
}

/**
 * Runs before the app: scales the page's clocks, counts event listeners and defines the driver.
 */
function initScript(scale: number): string {
  return `(() => {
  globalThis.__name = (fn) => fn;
  const F = ${scale};
  const realTimeout = setTimeout.bind(globalThis);
  const realInterval = setInterval.bind(globalThis);
  const realNow = performance.now.bind(performance);
  const realRaf = requestAnimationFrame.bind(globalThis);
  globalThis.__bench = { realTimeout, realNow };
  globalThis.setTimeout = (fn, ms = 0, ...args) => realTimeout(fn, Number(ms) / F, ...args);
  globalThis.setInterval = (fn, ms = 0, ...args) => realInterval(fn, Number(ms) / F, ...args);
  performance.now = () => realNow() * F;
  globalThis.requestAnimationFrame = (cb) => realRaf((t) => cb(t * F));

  // Live listeners: added and not removed (nor aborted), on targets not yet collected. Listeners
  // added with { once: true } remove themselves when they fire and are not counted.
  const byTarget = new WeakMap();
  let live = 0;
  const gone = new FinalizationRegistry((n) => { live -= n.count; });
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const keyOf = (type, options) =>
    type + '|' + Boolean(typeof options === 'boolean' ? options : options && options.capture);
  const forget = (target, key, fn) => {
    const entry = byTarget.get(target);
    const set = entry && entry.keys.get(key);
    if (set && set.delete(fn)) { entry.holder.count--; live--; }
  };
  EventTarget.prototype.addEventListener = function (type, fn, options) {
    add.call(this, type, fn, options);
    if (!fn || (typeof options === 'object' && options && options.once)) return;
    let entry = byTarget.get(this);
    if (!entry) {
      entry = { keys: new Map(), holder: { count: 0 } };
      byTarget.set(this, entry);
      gone.register(this, entry.holder);
    }
    const key = keyOf(type, options);
    let set = entry.keys.get(key);
    if (!set) { set = new Set(); entry.keys.set(key, set); }
    if (set.has(fn)) return;
    set.add(fn);
    entry.holder.count++;
    live++;
    const signal = typeof options === 'object' && options ? options.signal : null;
    if (signal) {
      const target = this;
      add.call(signal, 'abort', () => forget(target, key, fn), { once: true });
    }
  };
  EventTarget.prototype.removeEventListener = function (type, fn, options) {
    remove.call(this, type, fn, options);
    forget(this, keyOf(type, options), fn);
  };
  globalThis.__benchListeners = () => live;

  const CHOICES = '[role="group"][aria-label="Choices"]';
  const driver = { decisions: 0, stopAt: 0, armed: true, clickedAt: 0, landedAtClick: 0, error: null };
  globalThis.__benchDriver = driver;
  const step = () => {
    try {
      const app = document.getElementById('app');
      const state = app ? app.dataset.state : '';
      if (state === 'error' || state === 'ended') driver.error = 'the story stopped: ' + state;
      const buttons = [...document.querySelectorAll(CHOICES + ' button:not([disabled])')];
      const open = state === 'choosing' && buttons.length > 0 &&
        document.querySelector('.chapter-card:not([hidden])') === null &&
        document.querySelector('[role="dialog"]:not([hidden])') === null;
      // a pick is over when its inkreel:next-beat measure is taken (the next beat drawn)
      const landed = performance.getEntriesByName('inkreel:next-beat').length;
      if (!driver.armed && (landed > driver.landedAtClick || realNow() - driver.clickedAt > 3000))
        driver.armed = true;
      if (open) {
        if (driver.armed && driver.decisions < driver.stopAt) {
          buttons[driver.decisions % buttons.length].click();
          driver.decisions++;
          driver.armed = false;
          driver.clickedAt = realNow();
          driver.landedAtClick = landed;
        }
      } else {
        const next = document.querySelector('button.continue:not([hidden])');
        if (next && driver.decisions < driver.stopAt) next.click();
      }
    } catch (e) { driver.error = String(e); }
    realTimeout(step, 15);
  };
  realTimeout(step, 15);
})();`;
}

export interface Checkpoint {
  /** decisions picked by the driver when counted */
  readonly decisions: number;
  /** JS heap used after two forced collections, bytes */
  readonly heap: number;
  /** live pixi Texture and TextureSource objects, and canvases (each texture of the 2D path is one) */
  readonly textures: number | null;
  readonly textureSources: number | null;
  readonly canvases: number;
  /** audio nodes the synth holds (made and not yet let go) */
  readonly audioNodes: number;
  /** live event listeners (init script's count) */
  readonly listeners: number;
  /** listeners on window and document (CDP DOMDebugger), a cross-check */
  readonly windowDocListeners: number;
  /** wall ms since the session started */
  readonly atMs: number;
}

async function countObjects(
  cdp: CDPSession,
  prototypeId: string | undefined,
): Promise<number | null> {
  if (!prototypeId) return null;
  const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototypeId });
  const n = await cdp.send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId!,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: found.objects.objectId! });
  return Number(n.result.value);
}

/**
 * pixi's Texture and TextureSource prototypes, found by shape among every live object (the
 * bundle keeps no global and minifies class names): a texture owns `uvs`, `frame`, `orig` and a
 * `_source`; the prototypes are the base ones (furthest up) that define `updateUvs` and `resize`.
 */
async function pixiPrototypes(cdp: CDPSession): Promise<{
  texture: string | undefined;
  source: string | undefined;
  release: () => Promise<void>;
}> {
  const root = await cdp.send('Runtime.evaluate', { expression: 'Object.prototype' });
  const all = await cdp.send('Runtime.queryObjects', { prototypeObjectId: root.result.objectId! });
  const pick = async (fn: string): Promise<string | undefined> =>
    (
      await cdp.send('Runtime.callFunctionOn', {
        objectId: all.objects.objectId!,
        functionDeclaration: fn,
      })
    ).result.objectId;
  const findTexture = `function () {
    const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
    const t = this.find((o) => o && has(o, 'uvs') && has(o, 'frame') && has(o, 'orig') && has(o, '_source'));
    if (!t) return undefined;`;
  const texture = await pick(`${findTexture}
    let found;
    for (let p = Object.getPrototypeOf(t); p; p = Object.getPrototypeOf(p)) if (has(p, 'updateUvs')) found = p;
    return found;
  }`);
  const source = await pick(`${findTexture}
    let found;
    for (let p = Object.getPrototypeOf(t._source); p; p = Object.getPrototypeOf(p)) if (has(p, 'resize')) found = p;
    return found;
  }`);
  await cdp.send('Runtime.releaseObject', { objectId: all.objects.objectId! });
  return {
    texture,
    source,
    release: async () => {
      for (const objectId of [texture, source])
        if (objectId) await cdp.send('Runtime.releaseObject', { objectId });
    },
  };
}

async function checkpoint(page: Page, cdp: CDPSession, started: number): Promise<Checkpoint> {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  // finalizers (the listener count of collected targets) run after the collection
  await page.waitForTimeout(100);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const protos = await pixiPrototypes(cdp);
  const textures = await countObjects(cdp, protos.texture);
  const textureSources = await countObjects(cdp, protos.source);
  await protos.release();
  const canvasProto = await cdp.send('Runtime.evaluate', {
    expression: 'HTMLCanvasElement.prototype',
  });
  const canvases = (await countObjects(cdp, canvasProto.result.objectId)) ?? 0;
  const counts = await page.evaluate(() => {
    const g = globalThis as unknown as {
      __benchDriver: { decisions: number };
      __benchListeners: () => number;
      __inkreelAudio?: { liveNodes: () => number };
    };
    return {
      decisions: g.__benchDriver.decisions,
      listeners: g.__benchListeners(),
      audioNodes: g.__inkreelAudio?.liveNodes() ?? -1,
    };
  });
  let windowDocListeners = 0;
  for (const expression of ['window', 'document']) {
    const target = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: target.result.objectId!,
    });
    windowDocListeners += listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: target.result.objectId! });
  }
  return {
    ...counts,
    heap,
    textures,
    textureSources,
    canvases,
    windowDocListeners,
    atMs: Date.now() - started,
  };
}

async function pausedAt(page: Page, decisions: number, timeoutMs: number): Promise<void> {
  await page.evaluate((n) => {
    (globalThis as unknown as { __benchDriver: { stopAt: number } }).__benchDriver.stopAt = n;
  }, decisions);
  const progress = setInterval(() => {
    void page
      .evaluate(
        () =>
          (globalThis as unknown as { __benchDriver: { decisions: number } }).__benchDriver
            .decisions,
      )
      .then((d) => process.stderr.write(`bench: long session: ${String(d)} decisions\n`))
      .catch(() => undefined);
  }, 30_000);
  try {
    await waitPaused(page, decisions, timeoutMs);
  } finally {
    clearInterval(progress);
  }
}

async function waitPaused(page: Page, decisions: number, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const d = (
        globalThis as unknown as { __benchDriver: { decisions: number; error: string | null } }
      ).__benchDriver;
      if (d.error) throw new Error(d.error);
      // the last pick landed and the next decision is open again
      const open =
        document.getElementById('app')?.dataset.state === 'choosing' &&
        document.querySelector('[role="group"][aria-label="Choices"] button:not([disabled])') !==
          null;
      return d.decisions >= n && open;
    },
    decisions,
    { timeout: timeoutMs, polling: 200 },
  );
}

export interface LongSessionFigures {
  readonly timeScale: number;
  readonly checkpoints: readonly Checkpoint[];
  /** heap at the last checkpoint minus the first, bytes */
  readonly heapGrowth: number;
}

/** Plays the loop for `decisions` decisions, counting at 0, decisions/2 and decisions. */
export async function longSessionFigures(
  browser: Browser,
  url: string,
  decisions: number,
  /** runs at each checkpoint, paused, after counting (a heap snapshot when looking for a leak) */
  onCheckpoint?: (page: Page, cdp: CDPSession, decisions: number) => Promise<void>,
): Promise<LongSessionFigures> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
  });
  await context.addInitScript(initScript(TIME_SCALE));
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/?audio-trace#/play/loop`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const started = Date.now();
    // the first decision, opened by a real click (a gesture: sound starts, as for a player)
    await page.waitForSelector('canvas[data-inkreel="stage"]', { timeout: 60_000 });
    await pausedAt(page, 0, 60_000).catch(async () => {
      // reading: continue until the first decision opens
      await page.locator('button.continue:not([hidden])').click({ timeout: 10_000 });
      await pausedAt(page, 0, 60_000);
    });
    await page.mouse.click(5, 5);
    const checkpoints: Checkpoint[] = [];
    for (const at of [0, Math.round(decisions / 2), decisions]) {
      await pausedAt(page, at, Math.max(120_000, at * 3_000));
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
      const c = await checkpoint(page, cdp, started);
      checkpoints.push(c);
      process.stderr.write(
        `bench: long session at ${String(c.decisions)}: heap ${(c.heap / 1e6).toFixed(1)} MB, textures ${String(c.textures)} (sources ${String(c.textureSources)}, canvases ${String(c.canvases)}), audio nodes ${String(c.audioNodes)}, listeners ${String(c.listeners)} (window+document ${String(c.windowDocListeners)}), ${(c.atMs / 1000).toFixed(0)} s\n`,
      );
      await onCheckpoint?.(page, cdp, c.decisions);
      await page.keyboard.press('Escape');
    }
    if (errors.length > 0) throw new Error(`long session: page errors: ${errors.join('; ')}`);
    return {
      timeScale: TIME_SCALE,
      checkpoints,
      heapGrowth: checkpoints.at(-1)!.heap - checkpoints[0]!.heap,
    };
  } finally {
    await context.close();
  }
}
