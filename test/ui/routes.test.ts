// Hash routes of DESIGN.md §7.
import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../../src/ui/routes.ts';

describe('routes', () => {
  it('reads the four routes of the design', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/play/night-shift')).toEqual({ name: 'play', storyId: 'night-shift' });
    expect(parseRoute('#/report')).toEqual({ name: 'report' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
  });

  it('treats anything else as not found', () => {
    expect(parseRoute('#/play/')).toEqual({ name: 'not-found', path: '/play/' });
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found', path: '/nope' });
  });

  it("reads a story's title screen apart from its play route", () => {
    expect(parseRoute('#/story/tapeloop')).toEqual({ name: 'story', storyId: 'tapeloop' });
    expect(parseRoute('#/story/')).toEqual({ name: 'not-found', path: '/story/' });
    const route = { name: 'story', storyId: 'a b/é' } as const;
    expect(parseRoute(hrefFor(route))).toEqual(route);
  });

  it('round-trips story ids with unusual characters', () => {
    const route = { name: 'play', storyId: 'a b/é' } as const;
    expect(parseRoute(hrefFor(route))).toEqual(route);
  });
});
