// The report's export button in jsdom (no Worker: the same build runs in this thread, yielding
// between steps): a <progress> with a label that moves, then the download of the same files as
// buildExport, and Cancel that leaves nothing made.
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureEvent } from '../../src/core/events.ts';
import type { StoryMeta } from '../../src/core/model.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { profileClaims } from '../../src/profile/claims.ts';
import { buildExport } from '../../src/profile/export.ts';
import { fitProfile } from '../../src/profile/inference.ts';
import { inferenceRows } from '../../src/profile/inference-rows.ts';
import { createReport, dimensionsOf, type ReportModel } from '../../src/ui/report.ts';
import { choiceEvent } from '../builders.ts';

const NOW = new Date('2024-05-06T07:08:09.000Z');
const profile = { id: 'p1', name: 'Ada', createdAt: '2024-01-01T00:00:00.000Z' };
const story: StoryMeta = {
  id: 'heist',
  title: 'The Heist',
  author: 'x',
  dimensions: [{ id: 'risk', positive: 'Thrill-seeking', negative: 'Caution' }],
  timerSeconds: 10,
  posters: [],
  theme: null,
  version: 'h',
};

const events: CaptureEvent[] = Array.from({ length: 300 }, (_, i) =>
  choiceEvent({
    id: `c${i}`,
    profileId: 'p1',
    sessionId: `s${Math.floor(i / 20)}`,
    storyId: 'heist',
    storyVersion: 'h',
    at: new Date(Date.UTC(2024, 0, 2) + i * 60_000).toISOString(),
    decisionId: `d${i % 15}`,
    knot: 'roof',
    options: [
      { text: 'Jump the gap', taste: { risk: 1 } },
      { text: '=Take the stairs, "slowly"', taste: { risk: -1 } },
    ],
    chosenIndex: i % 3 === 0 ? 1 : 0,
    decisionMs: 2000,
  }),
);

const model: ReportModel = {
  profile,
  events,
  quarantined: [{ key: 'q', reason: 'unreadable', raw: '{' }],
  settings: DEFAULT_SETTINGS,
  stories: [story],
  storageNotice: null,
};

function mount() {
  const report = createReport(model, {
    deleteData: vi.fn(() => Promise.resolve(0)),
    importProfile: vi.fn(() => Promise.resolve(profile)),
    switchProfile: vi.fn(() => Promise.resolve(undefined)),
  });
  document.body.append(report.root);
  return report.root;
}

/** Captures what downloadBytes hands the browser. */
function captureDownloads(): Blob[] {
  const blobs: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:test/${blobs.length}`;
    }),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return blobs;
}

/** A Blob's bytes (jsdom's Blob has no arrayBuffer()). */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsArrayBuffer(blob);
  });
}

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('downloading my data', () => {
  it('shows a progress bar with a moving label, then downloads the files buildExport makes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const blobs = captureDownloads();
    const root = mount();
    const button = root.querySelector<HTMLButtonElement>('button.export-data')!;
    const status = root.querySelector<HTMLElement>('.export-status')!;
    const labels = new Set<string>();
    const values: number[] = [];
    const watch = new MutationObserver(() => {
      const bar = status.querySelector('progress');
      const label = status.querySelector('.export-progress-label')?.textContent;
      if (bar) values.push(bar.value);
      if (label) labels.add(label);
    });
    watch.observe(status, { childList: true, subtree: true, characterData: true });
    button.click();
    expect(button.disabled).toBe(true);
    const bar = status.querySelector('progress.export-progress');
    expect(bar).not.toBeNull();
    expect(bar?.getAttribute('aria-labelledby')).toBe('export-progress-label');
    expect(status.querySelector('button.cancel-export')).not.toBeNull();
    await vi.waitFor(() => expect(status.querySelector('.export-done')).not.toBeNull(), {
      timeout: 20_000,
    });
    watch.disconnect();
    expect(button.disabled).toBe(false);
    expect([...labels].some((l) => l.startsWith('Writing profile.json'))).toBe(true);
    expect([...labels].some((l) => l.startsWith('Compressing'))).toBe(true);
    expect(values.some((v) => v > 0.5)).toBe(true);
    expect(blobs).toHaveLength(1);
    const made = unzipSync(await bytesOf(blobs[0]!));
    const dims = dimensionsOf(model.stories);
    const reference = unzipSync(
      buildExport({
        profile,
        events,
        quarantined: model.quarantined,
        inferences: inferenceRows(fitProfile(events, dims), profileClaims(events, dims).claims),
        stories: [{ id: story.id, title: story.title }],
        settings: model.settings,
        exportedAt: NOW,
      }),
    );
    expect(Object.keys(made)).toEqual(Object.keys(reference));
    for (const name of Object.keys(reference))
      expect(strFromU8(made[name]!)).toBe(strFromU8(reference[name]!));
    expect(status.textContent).toMatch(/^Made inkreel-ada-2024-05-06\.zip \(\d+ KB\)/);
  });

  it('makes nothing when cancelled', async () => {
    const blobs = captureDownloads();
    const root = mount();
    const status = root.querySelector<HTMLElement>('.export-status')!;
    root.querySelector<HTMLButtonElement>('button.export-data')!.click();
    status.querySelector<HTMLButtonElement>('button.cancel-export')!.click();
    await vi.waitFor(() => expect(status.querySelector('.export-cancelled')).not.toBeNull(), {
      timeout: 20_000,
    });
    expect(blobs).toHaveLength(0);
    expect(status.querySelector('progress')).toBeNull();
    expect(root.querySelector<HTMLButtonElement>('button.export-data')!.disabled).toBe(false);
  });
});
