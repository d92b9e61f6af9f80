// Types of the modules the ink Vite plugin (src/build/vite-plugin-ink.ts) provides to the browser.

declare module 'virtual:inkreel/catalogue' {
  /** one entry per stories/<id>/main.ink, sorted by id */
  // an ambient module cannot `import type` from a relative path
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  export const catalogue: import('../core/model.ts').CatalogueEntry[];
  /**
   * Dev only (a no-op in builds): called with a story's id after an edit to any of its .ink files
   * compiled; the entry's `meta` and `load` already give the new version. With no listener
   * registered, an edit reloads the page. Returns an unsubscribe function.
   */
  export function onStoryUpdated(listener: (storyId: string) => void): () => void;
}

declare module '*.ink' {
  /** the compiled story JSON */
  const json: string;
  export default json;
}
