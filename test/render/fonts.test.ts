// The canvas's typeface: the stage starts without waiting for it and redoes its text when it lands.
import { describe, expect, it } from 'vitest';
import { whenFontsArrive } from '../../src/render/fonts.ts';
import { BODY_FONT } from '../../src/render/theme.ts';

/** A FontFaceSet stand-in: `ready` says whether the faces are loaded, `loads` what was asked. */
function fakeFonts(ready: boolean, found = true) {
  const loads: string[] = [];
  const set = {
    check: () => ready,
    load: (font: string) => {
      loads.push(font);
      return Promise.resolve(found ? [{} as FontFace] : []);
    },
  };
  return { set: set as unknown as FontFaceSet, loads };
}

describe('whenFontsArrive', () => {
  it('asks for the body face in the weights the canvas draws and reports its arrival', async () => {
    const { set, loads } = fakeFonts(false);
    await expect(whenFontsArrive(set)).resolves.toBe(true);
    expect(loads).toEqual([`400 16px "${BODY_FONT}"`, `700 16px "${BODY_FONT}"`]);
  });

  it('has nothing to redo when the faces were loaded already', async () => {
    const { set, loads } = fakeFonts(true);
    await expect(whenFontsArrive(set)).resolves.toBe(false);
    expect(loads).toEqual([]);
  });

  it('has nothing to redo when a face cannot load, or there is no font API', async () => {
    await expect(whenFontsArrive(fakeFonts(false, false).set)).resolves.toBe(false);
    const failing = {
      check: () => false,
      load: () => Promise.reject(new Error('network')),
    } as unknown as FontFaceSet;
    await expect(whenFontsArrive(failing)).resolves.toBe(false);
    await expect(whenFontsArrive(undefined)).resolves.toBe(false);
  });
});
