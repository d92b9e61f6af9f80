// Drawn posters: a scene rendered off screen to an image URL for the home screen's cards.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createPosterRenderer } from '../../src/render/poster.ts';

// The mocked 2D canvas has DOMMatrix without inverse(), which pixi's canvas renderer needs for
// gradient fills; the pixels are fake here anyway, so an identity stand-in is enough.
beforeAll(() => {
  const proto = (globalThis as unknown as { DOMMatrix?: { prototype: Record<string, unknown> } })
    .DOMMatrix?.prototype;
  if (proto && typeof proto.inverse !== 'function') {
    proto.inverse = function (this: unknown) {
      return this;
    };
  }
});

describe('createPosterRenderer', () => {
  it('draws a named scene to an image data URL', async () => {
    const posters = await createPosterRenderer({ preference: 'canvas' });
    const url = await posters.render('night-street', 320, 180);
    expect(url).toMatch(/^data:image\/png/);
    posters.destroy();
  });

  it('draws each scene and size once, however often it is asked', async () => {
    const posters = await createPosterRenderer({ preference: 'canvas' });
    const a = posters.render('forest', 200, 300);
    const b = posters.render('Forest', 200, 300);
    expect(b).toBe(a);
    expect(posters.render('forest', 300, 200)).not.toBe(a);
    await Promise.all([a, b]);
    posters.destroy();
  });

  it('still draws a poster for an unknown scene name', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const posters = await createPosterRenderer({ preference: 'canvas' });
    await expect(posters.render('no-such-place', 100, 100)).resolves.toMatch(/^data:image\//);
    posters.destroy();
    vi.restoreAllMocks();
  });

  it('refuses to draw after it has been destroyed', async () => {
    const posters = await createPosterRenderer({ preference: 'canvas' });
    posters.destroy();
    await expect(posters.render('office', 100, 100)).rejects.toThrow(/destroyed/);
  });
});
