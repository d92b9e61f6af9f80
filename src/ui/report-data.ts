// The report's controls: recording state and links to change it, export as a ZIP download, import
// of an export (validated in full first), and deleting everything.
import type { Profile } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import type { ExportInput } from '../profile/export.ts';
import type { ImportControl, ImportData } from '../profile/import.ts';
import { refuseBySize } from '../profile/import.ts';
import { h } from './dom.ts';
import { startExport } from './export-client.ts';
import { checkImportFile } from './import-client.ts';

/** `inkreel-<profile>-<YYYY-MM-DD>.zip`, with the name reduced to characters every file system takes. */
export function exportFileName(profileName: string, date: Date): string {
  const slug =
    profileName
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'profile';
  return `inkreel-${slug}-${date.toISOString().slice(0, 10)}.zip`;
}

/** Hands bytes to the browser as a download, without any network request. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type = 'application/zip'): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface ControlsInput {
  readonly settings: Settings;
  /** what the export ZIP of what the report shows is built from (in the export worker) */
  readonly exportInput: () => { input: ExportInput; fileName: string };
  readonly importProfile: (data: ImportData, control?: ImportControl) => Promise<Profile>;
  readonly switchProfile: (id: string) => Promise<void>;
  readonly deleteAll: () => void;
  readonly hasEvents: boolean;
  /** where import results are shown; owned by the report so a message outlives a re-render */
  readonly importStatus: HTMLElement;
  /** where the export's progress and result are shown; owned by the report, like importStatus */
  readonly exportStatus: HTMLElement;
}

function recordingState(s: Settings): string {
  if (s.incognito) return 'Incognito: nothing is stored while you play.';
  if (s.recordingPaused)
    return 'Paused: stories play and save your place, but no events are recorded.';
  return 'On: choices and sessions are recorded on this device.';
}

function retentionState(s: Settings): string {
  return s.retentionDays === null
    ? 'Off: events are kept until you delete them.'
    : `On: events older than ${s.retentionDays} days are deleted when inkreel starts.`;
}

/** A <progress> with its label and a Cancel button, for a long job. */
function progressPanel(
  kind: string,
  onCancel: () => void,
): { readonly root: HTMLElement; show(label: string, fraction: number): void } {
  const label = h('p', { class: `${kind}-progress-label`, id: `${kind}-progress-label` });
  const bar = h('progress', {
    class: `${kind}-progress`,
    max: '1',
    value: '0',
    'aria-labelledby': `${kind}-progress-label`,
  });
  const cancel = h('button', { type: 'button', class: `cancel-${kind}` }, `Cancel ${kind}`);
  cancel.addEventListener('click', () => {
    cancel.disabled = true;
    onCancel();
  });
  return {
    root: h('div', { class: `${kind}-running` }, label, bar, h('p', {}, cancel)),
    show(text, fraction) {
      label.textContent = text;
      bar.value = Math.min(Math.max(fraction, 0), 1);
    },
  };
}

/** Builds the export in the worker with a progress bar, then hands it over as a download. */
async function runExport(input: ControlsInput, button: HTMLButtonElement): Promise<void> {
  const { exportStatus } = input;
  const { input: data, fileName } = input.exportInput();
  button.disabled = true;
  let run: ReturnType<typeof startExport> | null = null;
  const panel = progressPanel('export', () => run?.cancel());
  panel.show(`Making ${fileName}…`, 0);
  exportStatus.replaceChildren(panel.root);
  try {
    run = startExport(data, (p) => panel.show(p.label, p.fraction));
    const bytes = await run.result;
    if (bytes === null) {
      exportStatus.replaceChildren(
        h('p', { class: 'export-cancelled' }, 'The export was cancelled; nothing was saved.'),
      );
      return;
    }
    downloadBytes(bytes, fileName);
    exportStatus.replaceChildren(
      h(
        'p',
        { class: 'export-done' },
        `Made ${fileName} (${Math.ceil(bytes.byteLength / 1024)} KB) on this device.`,
      ),
    );
  } catch (error) {
    exportStatus.replaceChildren(
      h(
        'p',
        { class: 'export-error', role: 'alert' },
        `The export could not be made: ${(error as Error).message}`,
      ),
    );
  } finally {
    button.disabled = false;
    // the controls may have been drawn again meanwhile: the button shown now is the one to free
    const shown = exportStatus.parentElement?.querySelector('button.export-data');
    if (shown instanceof HTMLButtonElement) shown.disabled = false;
  }
}

export function renderControls(input: ControlsInput): HTMLElement {
  const { exportStatus } = input;
  const exportButton = h(
    'button',
    { type: 'button', class: 'export-data' },
    'Download my data (ZIP)',
  );
  // a re-render during an export keeps its panel, and the button stays off until it ends
  exportButton.disabled = exportStatus.querySelector('.export-running') !== null;
  exportButton.addEventListener('click', () => void runExport(input, exportButton));

  const { importStatus } = input;
  const fileInput = h('input', {
    type: 'file',
    id: 'import-file',
    accept: '.zip,.json,application/zip,application/json',
    'aria-describedby': 'import-hint',
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) void runImport(file, input);
  });

  const deleteAll = h(
    'button',
    { type: 'button', class: 'danger delete-all', disabled: !input.hasEvents },
    'Delete everything recorded',
  );
  deleteAll.addEventListener('click', () => input.deleteAll());

  return h(
    'section',
    { class: 'report-controls', 'aria-labelledby': 'controls-title' },
    h('h2', { id: 'controls-title' }, 'Your controls'),
    h(
      'dl',
      { class: 'control-states' },
      h('dt', {}, 'Recording'),
      h(
        'dd',
        {},
        recordingState(input.settings),
        ' ',
        h('a', { href: '#/settings' }, 'Pause recording or play incognito'),
      ),
      h('dt', {}, 'Automatic deletion'),
      h(
        'dd',
        {},
        retentionState(input.settings),
        ' ',
        h('a', { href: '#/settings' }, 'Change it in Settings'),
      ),
    ),
    h('h3', {}, 'Download your data'),
    h(
      'p',
      {},
      'One ZIP: a README explaining every file and column, profile.json (the complete profile, which can be imported again), ',
      'choices.csv, sessions.csv, inferences.csv and InteractiveTitles.csv in a streaming service’s layout.',
    ),
    h('p', {}, exportButton),
    exportStatus,
    h('h3', {}, 'Import an export'),
    h(
      'p',
      { id: 'import-hint' },
      'An inkreel ZIP or profile.json becomes a new profile; nothing existing is changed. ',
      'The whole file is checked first, and any fault rejects all of it.',
    ),
    h('p', {}, h('label', { for: 'import-file' }, 'File to import '), fileInput),
    importStatus,
    h('h3', {}, 'Delete everything'),
    h('p', {}, deleteAll),
  );
}

/** A progress bar with a Cancel button, shown while an import is checked and stored. */
function importProgress(onCancel: () => void): {
  readonly root: HTMLElement;
  show(label: string, fraction: number | null): void;
} {
  const bar = h('div', {
    class: 'import-progress',
    role: 'progressbar',
    'aria-label': 'Import progress',
    'aria-valuemin': '0',
    'aria-valuemax': '100',
  });
  const fill = h('div', { class: 'import-progress-fill' });
  bar.append(fill);
  const label = h('p', { class: 'import-progress-label' });
  const cancel = h('button', { type: 'button', class: 'cancel-import' }, 'Cancel import');
  cancel.addEventListener('click', () => {
    cancel.disabled = true;
    onCancel();
  });
  return {
    root: h('div', { class: 'import-running' }, label, bar, h('p', {}, cancel)),
    show(text, fraction) {
      label.textContent = text;
      if (fraction === null) {
        bar.removeAttribute('aria-valuenow');
        fill.style.width = '100%';
        fill.classList.add('indeterminate');
      } else {
        const percent = Math.round(fraction * 100);
        bar.setAttribute('aria-valuenow', String(percent));
        bar.setAttribute('aria-valuetext', text);
        fill.classList.remove('indeterminate');
        fill.style.width = `${percent}%`;
      }
    },
  };
}

/** Checks a file in the import worker, then stores it with progress; Cancel works in both. */
async function runImport(file: File, input: ControlsInput): Promise<void> {
  const { importStatus } = input;
  const refuse = (message: string): void => {
    importStatus.replaceChildren(
      h('p', { class: 'import-error', role: 'alert' }, `Nothing was imported. ${message}`),
    );
  };
  // decided from the size alone: a file too large is never read
  const tooBig = refuseBySize(file.size, file.name);
  if (tooBig !== null) return refuse(tooBig);
  const abort = new AbortController();
  const check = checkImportFile(file);
  const progress = importProgress(() => {
    check.cancel();
    abort.abort();
  });
  progress.show(`Checking ${file.name}…`, null);
  importStatus.replaceChildren(progress.root);
  const result = await check.result;
  if (!result.ok) {
    if ('cancelled' in result) {
      importStatus.replaceChildren(h('p', { class: 'import-cancelled' }, result.error));
    } else refuse(result.error);
    return;
  }
  const total = result.data.events.length;
  try {
    const profile = await input.importProfile(result.data, {
      signal: abort.signal,
      onProgress: (stored) =>
        progress.show(`Storing ${stored} of ${total} events…`, total === 0 ? 1 : stored / total),
    });
    const switchButton = h(
      'button',
      { type: 'button', class: 'switch-imported' },
      `Switch to “${profile.name}”`,
    );
    switchButton.addEventListener('click', () => void input.switchProfile(profile.id));
    importStatus.replaceChildren(
      h(
        'p',
        { class: 'import-done' },
        `Imported ${total} events as a new profile “${profile.name}”. `,
        'The profile you are looking at is unchanged. ',
      ),
      switchButton,
    );
  } catch (error) {
    if (abort.signal.aborted) {
      importStatus.replaceChildren(
        h('p', { class: 'import-cancelled' }, 'The import was cancelled; nothing was imported.'),
      );
      return;
    }
    importStatus.replaceChildren(
      h(
        'p',
        { class: 'import-error', role: 'alert' },
        `Nothing was imported: storing it failed (${(error as Error).message}).`,
      ),
    );
  }
}
