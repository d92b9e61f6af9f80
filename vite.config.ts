// Vite: compiles stories/<id>/main.ink on import (src/build/vite-plugin-ink.ts) and sets the CSP.
import { defineConfig } from 'vite';
import { inkStories } from './src/build/vite-plugin-ink.ts';

export default defineConfig({
  plugins: [inkStories({ storiesDir: 'stories' })],
  build: { target: 'es2022', sourcemap: true },
  server: { port: 5173 },
  preview: { port: 4173 },
});
