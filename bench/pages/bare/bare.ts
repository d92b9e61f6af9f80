// Bench baseline: loads the same libraries as the app (inkjs runtime, xstate, pixi) and shows one
// ink choice of night-shift, then marks `inkreel:first-choice` like the app does.
import 'pixi.js/unsafe-eval';
import { Application, Text } from 'pixi.js';
import { Story } from 'inkjs';
import { createActor, createMachine } from 'xstate';
import { catalogue } from 'virtual:inkreel/catalogue';

/** The app's renderer choice (src/render/stage.ts): 2D canvas when WebGL is software. */
function preference(): 'webgl' | 'canvas' {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'canvas';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|software|basic render/i.test(name) ? 'canvas' : 'webgl';
}

async function main(): Promise<void> {
  const entry = catalogue.find((e) => e.meta.id === 'night-shift');
  if (!entry) throw new Error('night-shift is not in the catalogue');
  const actor = createActor(createMachine({ initial: 'loading', states: { loading: {} } }));
  actor.start();
  const host = document.getElementById('stage')!;
  const app = new Application();
  await app.init({ resizeTo: host, antialias: true, preference: preference() });
  host.append(app.canvas);
  const story = new Story(await entry.load());
  while (story.canContinue) story.Continue();
  const choices = document.getElementById('choices')!;
  story.currentChoices.forEach((c, i) => {
    const button = document.createElement('button');
    button.textContent = c.text;
    choices.append(button);
    const label = new Text({ text: c.text, style: { fill: 0xffffff, fontSize: 24 } });
    label.position.set(40, 40 + i * 40);
    app.stage.addChild(label);
  });
  app.render();
  performance.mark('inkreel:first-choice');
}

void main();
