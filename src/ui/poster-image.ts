// Which files show a poster: the image a `# poster:` tag names, plus what `npm run posters`
// writes beside it (`poster@2x.webp`, `poster@3x.webp`, and `poster.wide*.webp` for 16:9), as
// srcset candidates so the screen's pixel density gets a sharp image. An author's own image with
// no such siblings is shown as it is.

/** A card poster is drawn 300 CSS px wide at 1×, a banner 640 (tools/posters/render.ts). */
const CARD_WIDTH = 300;
const WIDE_WIDTH = 640;

export interface PosterImage {
  readonly src: string;
  /** width descriptors; null when only the one file exists */
  readonly srcset: string | null;
}

export interface PosterSources {
  /** the 2:3 art (or the author's own image) */
  readonly card: PosterImage;
  /** the 16:9 banner, when one was made */
  readonly wide: PosterImage | null;
}

function sibling(path: string, suffix: string, density: number): string {
  const base = path.replace(/\.[a-z0-9]+$/i, '');
  const ext = /\.[a-z0-9]+$/i.exec(path)?.[0] ?? '';
  return `${base}${suffix}${density === 1 ? '' : `@${density}x`}${ext}`;
}

function image(
  assets: Readonly<Record<string, string>>,
  path: string,
  suffix: string,
  width: number,
): PosterImage | null {
  const src = assets[sibling(path, suffix, 1)];
  if (src === undefined) return null;
  const candidates = [1, 2, 3].flatMap((d) => {
    const url = assets[sibling(path, suffix, d)];
    return url === undefined ? [] : [`${url} ${width * d}w`];
  });
  return { src, srcset: candidates.length > 1 ? candidates.join(', ') : null };
}

/** The files for the poster at `path` among a story's assets; null when the file is missing. */
export function posterSources(
  assets: Readonly<Record<string, string>>,
  path: string,
): PosterSources | null {
  const card = image(assets, path, '', CARD_WIDTH);
  if (!card) return null;
  return { card, wide: image(assets, path, '.wide', WIDE_WIDTH) };
}
