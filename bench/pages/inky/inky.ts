// Bench anchor: what an ink author would otherwise ship (Inky's web export: the inkjs runtime and
// plain DOM). Shows night-shift's first beat as paragraphs and its choices as links, marking
// `inkreel:first-beat` on the frame the first line is visible and `inkreel:first-choice` with the
// choices, as the app does. Written for the bench, not copied from Inky's template.
import { Story } from 'inkjs';
import { catalogue } from 'virtual:inkreel/catalogue';

async function main(): Promise<void> {
  const entry = catalogue.find((e) => e.meta.id === 'night-shift');
  if (!entry) throw new Error('night-shift is not in the catalogue');
  const story = new Story(await entry.load());
  const root = document.getElementById('story')!;
  let first = true;
  while (story.canContinue) {
    const p = document.createElement('p');
    p.textContent = story.Continue() ?? '';
    root.append(p);
    if (first) {
      first = false;
      requestAnimationFrame(() => performance.mark('inkreel:first-beat'));
    }
  }
  for (const choice of story.currentChoices) {
    const p = document.createElement('p');
    const a = document.createElement('a');
    a.href = '#';
    a.textContent = choice.text;
    p.append(a);
    root.append(p);
  }
  performance.mark('inkreel:first-choice');
}

void main();
