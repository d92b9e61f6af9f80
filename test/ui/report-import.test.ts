// Import from the report in jsdom: a progress bar with Cancel while storing, a file too large
// refused from its size without being read, and cancel passed on to storage.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { ImportControl, ImportData } from '../../src/profile/import.ts';
import { buildExport } from '../../src/profile/export.ts';
import { createReport } from '../../src/ui/report.ts';
import type { ReportActions } from '../../src/ui/report.ts';

const profile = { id: 'p1', name: 'Ada', createdAt: '2024-01-01T00:00:00.000Z' };

function mount(importProfile: ReportActions['importProfile']) {
  const report = createReport(
    {
      profile,
      events: [],
      quarantined: [],
      settings: DEFAULT_SETTINGS,
      stories: [],
      storageNotice: null,
    },
    {
      deleteData: vi.fn(() => Promise.resolve(0)),
      importProfile,
      switchProfile: vi.fn(() => Promise.resolve(undefined)),
    },
  );
  document.body.append(report.root);
  return report.root;
}

function choose(root: HTMLElement, file: File): void {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

const exportFile = (): File => {
  const events = Array.from({ length: 3 }, (_, i) => ({
    v: 1 as const,
    id: `e${i}`,
    profileId: 'p1',
    sessionId: 's',
    storyId: 'heist',
    storyVersion: 'h',
    at: `2024-01-02T10:0${i}:00.000Z`,
    type: 'session.started' as const,
  }));
  const zip = buildExport({ profile, events, quarantined: [], inferences: [], stories: [] });
  return new File([zip as BlobPart], 'export.zip', { type: 'application/zip' });
};

afterEach(() => document.body.replaceChildren());

describe('import progress in the report', () => {
  it('shows a progress bar with Cancel while storing, and cancelling stops the import', async () => {
    let control: ImportControl | undefined;
    let release: () => void = () => undefined;
    const importProfile = vi.fn(
      (_data: ImportData, c?: ImportControl) =>
        new Promise<typeof profile>((resolve, reject) => {
          control = c;
          c?.onProgress?.(1, 3);
          release = () => resolve(profile);
          c?.signal?.addEventListener('abort', () =>
            reject(new DOMException('cancelled', 'AbortError')),
          );
        }),
    );
    const root = mount(importProfile);
    choose(root, exportFile());
    await vi.waitFor(() => expect(importProfile).toHaveBeenCalled());
    const bar = root.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('33');
    expect(root.querySelector('.import-progress-label')?.textContent).toBe(
      'Storing 1 of 3 events…',
    );
    root.querySelector<HTMLButtonElement>('.cancel-import')!.click();
    expect(control?.signal?.aborted).toBe(true);
    await vi.waitFor(() =>
      expect(root.querySelector('.import-cancelled')?.textContent).toBe(
        'The import was cancelled; nothing was imported.',
      ),
    );
    expect(root.querySelector('[role="progressbar"]')).toBeNull();
    release();
  });

  it('reports the import done once storage resolves, with no progress bar left', async () => {
    const root = mount(vi.fn(() => Promise.resolve(profile)));
    choose(root, exportFile());
    await vi.waitFor(() =>
      expect(root.querySelector('.import-done')?.textContent).toMatch(/^Imported 3 events/),
    );
    expect(root.querySelector('[role="progressbar"]')).toBeNull();
  });

  it('refuses a file larger than the limit from its size, without reading it', async () => {
    const importProfile = vi.fn(() => Promise.resolve(profile));
    const root = mount(importProfile);
    const huge = new File(['x'], 'huge.zip');
    Object.defineProperty(huge, 'size', { value: 3 * 1024 ** 3 });
    const read = vi.fn(() => Promise.resolve(new ArrayBuffer(1)));
    Object.defineProperty(huge, 'arrayBuffer', { value: read });
    choose(root, huge);
    await vi.waitFor(() =>
      expect(root.querySelector('.import-error')?.textContent).toBe(
        'Nothing was imported. huge.zip is larger than 50 MB; nothing was imported.',
      ),
    );
    expect(read).not.toHaveBeenCalled();
    expect(importProfile).not.toHaveBeenCalled();
  });
});
