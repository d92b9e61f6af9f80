// The frame guard (src/frame-guard.ts) in jsdom: when a page counts as framed, and the notice it shows.
import { describe, expect, it } from 'vitest';
import { isFramed, showFramedNotice } from '../../src/frame-guard.ts';

describe('frame guard', () => {
  it('does not count a top-level page as framed, so importing it leaves the app alone', () => {
    expect(isFramed(window)).toBe(false);
    expect(document.documentElement.dataset.framed).toBeUndefined();
  });

  it('counts a page as framed when its top is another window, or when asking throws', () => {
    const other = {} as Window;
    const framed = { top: other, self: {} as Window } as unknown as Window;
    expect(isFramed(framed)).toBe(true);
    const hostile = Object.defineProperty({}, 'top', {
      get: () => {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    }) as Window;
    expect(isFramed(hostile)).toBe(true);
  });

  it('replaces the page, app root included, with a notice and a link to its own tab', () => {
    document.body.innerHTML = '<nav><a href="#/report">Report</a></nav><main id="app"></main>';
    showFramedNotice(document, 'http://localhost:4173/#/report');
    expect(document.getElementById('app')).toBeNull();
    expect(document.querySelector('nav')).toBeNull();
    expect(document.querySelector('[role="alert"] h1')?.textContent).toContain(
      'does not run inside another page',
    );
    const link = document.querySelector('a');
    expect(link?.getAttribute('href')).toBe('http://localhost:4173/#/report');
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toBe('noopener noreferrer');
    expect(document.documentElement.dataset.framed).toBe('true');
  });
});
