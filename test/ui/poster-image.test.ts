// Which files show a poster: the declared image, its @2x/@3x siblings as srcset, and a 16:9 banner.
import { describe, expect, test } from 'vitest';
import { posterSources } from '../../src/ui/poster-image.ts';
import { renderHome } from '../../src/ui/home.ts';
import { renderTitleScreen } from '../../src/ui/title-screen.ts';

const generated = {
  'assets/poster.webp': '/a/poster-1.webp',
  'assets/poster@2x.webp': '/a/poster-2.webp',
  'assets/poster@3x.webp': '/a/poster-3.webp',
  'assets/poster.wide.webp': '/a/wide-1.webp',
  'assets/poster.wide@2x.webp': '/a/wide-2.webp',
  'assets/poster.wide@3x.webp': '/a/wide-3.webp',
  'assets/poster-risk.webp': '/a/risk-1.webp',
};

describe('posterSources', () => {
  test('generated art: every density as a width descriptor, and the banner', () => {
    expect(posterSources(generated, 'assets/poster.webp')).toEqual({
      card: {
        src: '/a/poster-1.webp',
        srcset: '/a/poster-1.webp 300w, /a/poster-2.webp 600w, /a/poster-3.webp 900w',
      },
      wide: {
        src: '/a/wide-1.webp',
        srcset: '/a/wide-1.webp 640w, /a/wide-2.webp 1280w, /a/wide-3.webp 1920w',
      },
    });
  });

  test("an author's own single image is used as it is, with no srcset and no banner", () => {
    expect(posterSources(generated, 'assets/poster-risk.webp')).toEqual({
      card: { src: '/a/risk-1.webp', srcset: null },
      wide: null,
    });
    expect(
      posterSources({ 'art/key.png': '/k.png', 'art/key@2x.png': '/k2.png' }, 'art/key.png'),
    ).toEqual({ card: { src: '/k.png', srcset: '/k.png 300w, /k2.png 600w' }, wide: null });
  });

  test('a declared file that is missing gives nothing', () => {
    expect(posterSources(generated, 'assets/poster-empathy.webp')).toBeNull();
  });
});

test('the home card carries the srcset, its sizes and the 2:3 size', () => {
  const home = renderHome({
    cards: [
      {
        id: 'night-shift',
        title: 'Night Shift',
        author: 'someone',
        posterUrl: '/a/poster-1.webp',
        posterSrcset: '/a/poster-1.webp 300w, /a/poster-2.webp 600w',
        posterVariant: null,
        progress: null,
      },
    ],
    featured: null,
    profileName: null,
    personalised: false,
  });
  const img = home.querySelector('img.poster')!;
  expect(img.getAttribute('srcset')).toBe('/a/poster-1.webp 300w, /a/poster-2.webp 600w');
  expect(img.getAttribute('sizes')).toContain('44vw');
  expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['300', '450']);
});

test('the title screen offers the 16:9 banner to narrow screens and the 2:3 art to the rest', () => {
  const screen = renderTitleScreen(
    {
      storyId: 'night-shift',
      title: 'Night Shift',
      author: 'someone',
      blurb: null,
      posterUrl: '/a/poster-1.webp',
      posterSrcset: '/a/poster-1.webp 300w, /a/poster-2.webp 600w',
      posterWide: { src: '/a/wide-1.webp', srcset: '/a/wide-1.webp 640w' },
      typicalLength: null,
      save: null,
      finished: false,
      chapters: [],
      timeScale: 1,
      hasMap: false,
    },
    { startOver: () => Promise.resolve(), setTimeScale: () => Promise.resolve() },
  );
  const source = screen.querySelector('picture.title-art-frame > source')!;
  expect(source.getAttribute('media')).toBe('(max-width: 47.99rem)');
  expect(source.getAttribute('srcset')).toBe('/a/wide-1.webp 640w');
  const img = screen.querySelector('picture.title-art-frame > img.title-art')!;
  expect(img.getAttribute('src')).toBe('/a/poster-1.webp');
  expect(img.getAttribute('srcset')).toContain('600w');
});
