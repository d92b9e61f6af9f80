// The lookahead preloader: which assets go where, once each, and the measure the benchmark reads.
import { describe, expect, it, vi } from 'vitest';
import { isSoundPath } from '../../src/core/asset-kind.ts';
import type { LookaheadResult } from '../../src/core/model.ts';
import { lookaheadPreloader, type LookaheadMeasureDetail } from '../../src/ui/lookahead-preload.ts';

function result(optionIndex: number, assets: string[], complete = true): LookaheadResult {
  return { optionIndex, assets, nextDecisionId: null, steps: 1, complete };
}

function setup(stage = true) {
  const images = vi.fn((_paths: readonly string[]) => Promise.resolve());
  const sounds = vi.fn((_url: string) => Promise.resolve());
  const measures: { cost: number; detail: LookaheadMeasureDetail }[] = [];
  const preload = lookaheadPreloader({
    preloadImages: stage ? images : null,
    resolveAsset: (path) => (path.startsWith('assets/') ? `/built/${path}` : null),
    fetchSound: sounds,
    measure: (cost, detail) => measures.push({ cost, detail }),
  });
  return { preload, images, sounds, measures };
}

describe('lookahead preloading', () => {
  it('sends images to the stage and fetches sounds by their URL', () => {
    const { preload, images, sounds } = setup();
    preload(
      [result(0, ['assets/dusk.png', 'assets/chime.wav']), result(1, ['assets/reel.png'])],
      2,
    );
    expect(images).toHaveBeenCalledWith(['assets/dusk.png', 'assets/reel.png']);
    expect(sounds).toHaveBeenCalledWith('/built/assets/chime.wav');
    expect(sounds).toHaveBeenCalledTimes(1);
  });

  it('asks for each asset once, even when later decisions need it again', () => {
    const { preload, images } = setup();
    preload([result(0, ['assets/a.png']), result(1, ['assets/a.png'])], 1);
    preload([result(0, ['assets/a.png', 'assets/b.png'])], 1);
    expect(images.mock.calls).toEqual([[['assets/a.png']], [['assets/b.png']]]);
  });

  it('records the cost of every decision with what the branches needed', () => {
    const { preload, measures } = setup();
    preload([result(0, ['assets/a.png']), result(1, [], false)], 3.5);
    preload([result(0, ['assets/a.png'])], 0.5);
    expect(measures).toEqual([
      { cost: 3.5, detail: { options: 2, assets: 1, requested: 1, incomplete: 1 } },
      { cost: 0.5, detail: { options: 1, assets: 1, requested: 0, incomplete: 0 } },
    ]);
  });

  it('still measures when there is no canvas to preload images into', () => {
    const { preload, measures, sounds } = setup(false);
    preload([result(0, ['assets/a.png', 'elsewhere/b.mp3'])], 1);
    expect(measures).toHaveLength(1);
    // a sound outside the story folder has no URL and is not fetched
    expect(sounds).not.toHaveBeenCalled();
  });

  it('tells sound files from images by their extension', () => {
    expect(['a.wav', 'b.MP3', 'c.ogg', 'd.png', 'e.jpg'].map(isSoundPath)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('writes an inkreel:lookahead measure with the cost as its duration by default', () => {
    const preload = lookaheadPreloader({ preloadImages: null, resolveAsset: () => null });
    performance.clearMeasures('inkreel:lookahead');
    preload([result(0, [])], 2);
    const [entry] = performance.getEntriesByName('inkreel:lookahead', 'measure');
    expect(entry?.duration).toBeCloseTo(2, 5);
    expect((entry as PerformanceMeasure).detail).toEqual({
      options: 1,
      assets: 0,
      requested: 0,
      incomplete: 0,
    });
  });
});
