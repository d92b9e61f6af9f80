// Vite: compiles stories/<id>/main.ink on import (src/build/vite-plugin-ink.ts) and sets the CSP.
import { defineConfig, type Plugin } from 'vite';
import { inkStories } from './src/build/vite-plugin-ink.ts';

/**
 * Only the site's own origin (DESIGN.md §9). `blob:` is the page's own objects (pixi decodes
 * images in a worker made from a blob); no 'unsafe-eval', no third-party host.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * What the server must add: `frame-ancestors` works only as a header (browsers ignore it in a
 * `<meta>` CSP), so no other origin may frame the player and its data controls. Any static host
 * should send this header and `X-Frame-Options: DENY` (README, "Hosting").
 */
export const HEADER_CONTENT_SECURITY_POLICY = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** The CSP goes into the built page (dev keeps Vite's overlay and HMR working) and preview. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'inkreel:csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [
    // The browser tests build with extra fixture stories (test/e2e/build-site.mjs).
    inkStories({ storiesDir: process.env.INKREEL_STORIES_DIR ?? 'stories' }),
    contentSecurityPolicy(),
  ],
  build: { target: 'es2022', sourcemap: true },
  server: {
    port: 5173,
    // build output of the tests and the bench must not reload the page being authored
    watch: { ignored: ['**/.e2e/**', '**/bench/results/**', '**/test-results/**', '**/dist/**'] },
  },
  preview: {
    port: 4173,
    headers: {
      'Content-Security-Policy': HEADER_CONTENT_SECURITY_POLICY,
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    },
  },
});
