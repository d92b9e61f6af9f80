// Types of the ink Vite plugin's custom HMR events, for `import.meta.hot.on(...)` in the app.
import type { StoryMeta, StoryOutline } from '../core/model.ts';

declare module 'vite/types/customEvent.d.ts' {
  interface CustomEventMap {
    'inkreel:warnings': {
      id: string;
      warnings: { severity: string; file: string; line: number | null; message: string }[];
    };
    'inkreel:story-updated': {
      id: string;
      version: string;
      meta: StoryMeta;
      outline: StoryOutline | null;
      stamp: number;
    };
  }
}
