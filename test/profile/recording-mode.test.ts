// The capture rule behind pause and incognito (main.ts's record() asks it before every append).
import { describe, expect, it } from 'vitest';
import { recordingMode } from '../../src/profile/retention.ts';

describe('recordingMode', () => {
  it('records only when neither paused nor incognito', () => {
    expect(recordingMode({ incognito: false, recordingPaused: false })).toBe('recording');
    expect(recordingMode({ incognito: false, recordingPaused: true })).toBe('paused');
  });

  it('lets incognito win over pause, since it keeps even less', () => {
    expect(recordingMode({ incognito: true, recordingPaused: false })).toBe('incognito');
    expect(recordingMode({ incognito: true, recordingPaused: true })).toBe('incognito');
  });
});
