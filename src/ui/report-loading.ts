// The report's frame while its data is read and worked out (#/report on a long log): the title,
// what is happening, and a progress bar, painted before any event is read.
import { h } from './dom.ts';

export const REPORT_TITLE = 'What your choices recorded, and what they suggest';

export interface ReportLoading {
  readonly root: HTMLElement;
  /** the step being done; fraction null while its length is unknown */
  show(label: string, fraction: number | null): void;
}

export function reportLoadingFrame(profileName: string): ReportLoading {
  const label = h('p', { class: 'report-loading-label', id: 'report-loading-label' });
  const bar = h('progress', {
    class: 'report-loading-progress',
    max: '1',
    'aria-labelledby': 'report-loading-label',
  });
  const root = h(
    'section',
    { class: 'report report-loading', 'aria-labelledby': 'report-title', 'aria-busy': 'true' },
    h('h1', { id: 'report-title' }, REPORT_TITLE),
    h(
      'p',
      { class: 'summary-counts' },
      `Profile “${profileName}”. All of it stays in this browser; nothing is sent anywhere.`,
    ),
    h('div', { class: 'report-loading-status', role: 'status' }, label, bar),
  );
  return {
    root,
    show(text, fraction) {
      label.textContent = text;
      if (fraction === null) bar.removeAttribute('value');
      else bar.value = fraction;
    },
  };
}

/** Resolves after the next frame has been painted (two animation frames; a timer where there are none). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
  });
}
