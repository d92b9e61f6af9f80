// The story's title screen page (#/story/<id>): reads the save, the profile's events and the
// story's map to say where the player stands, and keeps the timing setting through the settings path.
import type { CaptureEvent } from '../core/events.ts';
import type { CatalogueEntry } from '../core/model.ts';
import type { SavedPlay } from '../core/ports.ts';
import { chaptersOfDecisions, progressOnMap, type StoryMapData } from '../core/story-map.ts';
import type { TimeScale } from '../core/timing.ts';
import { h } from '../ui/dom.ts';
import { posterSources } from '../ui/poster-image.ts';
import { renderTitleScreen, type TitleScreenModel } from '../ui/title-screen.ts';
import type { AppContext } from './context.ts';
import { changeSetting, entryFor, setState } from './context.ts';

/** The title of the last `chapter` tag in a save's transcript. */
export function chapterOfSave(save: SavedPlay): string | null {
  const lines = save.lines ?? [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const d = lines[i]?.directives.find((x) => x.kind === 'chapter');
    if (d?.kind === 'chapter') return d.title;
  }
  return null;
}

/** Chapter titles (in order) this profile has reached: in its save, or by a decision it saw. */
function chaptersReached(
  entry: CatalogueEntry,
  map: StoryMapData | null,
  events: readonly CaptureEvent[],
  save: SavedPlay | null,
): Set<string> {
  const chapters = entry.outline?.chapters ?? [];
  const reached = new Set<string>();
  for (const line of save?.lines ?? [])
    for (const d of line.directives) if (d.kind === 'chapter') reached.add(d.title);
  if (map) {
    const owner = chaptersOfDecisions(
      map,
      chapters.map((c) => c.knot),
    );
    for (const decision of progressOnMap(map, events).seenDecisions) {
      const knot = owner.get(decision);
      const chapter = chapters.find((c) => c.knot === knot);
      if (chapter) reached.add(chapter.title);
    }
  }
  return reached;
}

/** What the title screen shows, from what the app knows; pure, for tests. */
export function titleModel(
  entry: CatalogueEntry,
  save: SavedPlay | null,
  events: readonly CaptureEvent[],
  map: StoryMapData | null,
  timeScale: TimeScale,
): TitleScreenModel {
  const meta = entry.meta;
  // a save of another version of the story does not resume: play starts fresh
  const live =
    save && save.storyVersion === meta.version && save.snapshots.length > 0 ? save : null;
  const chapters = entry.outline?.chapters ?? [];
  const reached = chaptersReached(entry, map, events, live);
  const savedChapter = live ? chapterOfSave(live) : null;
  const chapterNumber =
    savedChapter === null ? -1 : chapters.findIndex((c) => c.title === savedChapter);
  const poster = meta.posters.find((p) => p.when === null) ?? meta.posters[0];
  const art = poster ? posterSources(entry.assets, poster.path) : null;
  return {
    storyId: meta.id,
    title: meta.title,
    author: meta.author,
    blurb: meta.blurb ?? null,
    posterUrl: art?.card.src ?? null,
    posterSrcset: art?.card.srcset ?? null,
    posterWide: art?.wide ?? null,
    typicalLength: entry.outline?.typicalLength ?? null,
    save: live
      ? { decision: live.snapshots.length, chapter: chapterNumber < 0 ? null : chapterNumber + 1 }
      : null,
    finished: events.some((e) => e.type === 'story.ended' && e.storyId === meta.id),
    chapters: chapters.map((c) => ({ title: c.title, reached: reached.has(c.title) })),
    timeScale,
    hasMap: entry.loadMap !== undefined,
  };
}

export async function showStory(app: AppContext, storyId: string): Promise<() => void> {
  const entry = entryFor(app, storyId);
  if (!entry) {
    app.root.replaceChildren(
      h(
        'section',
        {},
        h('h1', {}, 'Story not found'),
        h(
          'p',
          {},
          `There is no story called "${storyId}". `,
          h('a', { href: '#/' }, 'All stories'),
        ),
      ),
    );
    setState(app, 'error');
    return () => undefined;
  }
  setState(app, 'loading');
  const [save, events, map] = await Promise.all([
    // through capture: incognito play never resumes, so it offers no Continue either
    app.capture.getSave(storyId),
    app.store.events(app.profile.id),
    (entry.loadMap?.() ?? Promise.resolve(null)).catch((error: unknown) => {
      console.warn(
        'inkreel: the story map could not load; chapters reached are from the save only',
        error,
      );
      return null;
    }),
  ]);
  app.root.replaceChildren(
    renderTitleScreen(titleModel(entry, save, events, map, app.settings.timeScale), {
      startOver: async () => {
        await app.capture.clearSave(storyId);
        // capture reports a failed write rather than throwing; here it must stop the start
        const failed = app.capture.failures().find((f) => f.what === 'save');
        if (failed) throw new Error(failed.message);
      },
      setTimeScale: (scale) => changeSetting(app, 'timeScale', scale),
    }),
  );
  setState(app, 'title');
  return () => undefined;
}
