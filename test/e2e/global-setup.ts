// Serves the built site (dist/, made by `vite build` in test:e2e) on localhost for browser tests.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const dist = join(resolve(process.env.INKREEL_E2E_DIR ?? '.e2e'), 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(
      `${dist} is missing: run \`node test/e2e/build-site.mjs\` first (npm run test:e2e does).`,
    );
  }
  server = await preview({
    build: { outDir: dist },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report a URL');
  project.provide('baseUrl', url.replace(/\/$/, ''));
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
