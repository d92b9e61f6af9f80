// Which ambience a scene gets: one small table, extended with the scene library. A scene tag reads
// `scene: <name> key=value…` (e.g. `street time=night weather=rain`); the name picks a bed, a
// family fallback catches names this table has not met, and `weather=`/`time=` can override it.
import type { Backdrop } from '../core/directives.ts';
import { parseSceneValue } from '../core/scenes.ts';

/** The ambience beds the sound engine can make (ui/synth.ts). */
export type Ambience = 'room' | 'office' | 'street' | 'rain' | 'sea' | 'night' | 'wind' | 'train';

/** Scene names the stories use now, and the bed each gets. */
const BY_SCENE: Readonly<Record<string, Ambience>> = {
  office: 'office',
  bedroom: 'room',
  arcade: 'room',
  diner: 'room',
  void: 'room',
  beach: 'sea',
  'night-street': 'night',
  rooftop: 'wind',
  forest: 'wind',
  train: 'train',
  // the scenes added for the places the stories visit
  street: 'street',
  kitchen: 'room',
  room: 'room',
  pub: 'room',
  'hotel-desk': 'room',
  bus: 'street',
  platform: 'train',
  'rail-yard': 'train',
  towpath: 'wind',
  cafe: 'sea',
  shop: 'office',
  plant: 'office',
};

/** A name's family, by the words in it, for scenes not in the table. */
const BY_WORD: readonly (readonly [RegExp, Ambience])[] = [
  [/sea|beach|shore|harbou?r|pier|coast|tide|dock/, 'sea'],
  [/rain|storm/, 'rain'],
  [/train|tube|metro|platform|station|carriage/, 'train'],
  [/roof|hill|forest|wood|field|moor|cliff|wind/, 'wind'],
  [/office|lab|studio|shop|server|factory/, 'office'],
  [/street|road|city|town|market|car|bus/, 'street'],
  [/night/, 'night'],
];

/** The ambience for a backdrop: null for colours, images and no backdrop (silence). */
export function ambienceFor(
  backdrop: Backdrop | null,
  extraParams: Readonly<Record<string, string>> = {},
): Ambience | null {
  if (backdrop?.type !== 'scene') return null;
  // the directive carries its parameters apart from the name; a name written with them still works
  const { name, params: own } = parseSceneValue(backdrop.name);
  const params = { ...own, ...(backdrop.params ?? {}), ...extraParams };
  const weather = params.weather ?? '';
  if (/rain|storm|drizzle/.test(weather)) return 'rain';
  if (/wind|gale/.test(weather)) return 'wind';
  const bed = Object.hasOwn(BY_SCENE, name)
    ? BY_SCENE[name]
    : BY_WORD.find(([word]) => word.test(name))?.[1];
  const chosen = bed ?? 'room';
  // a street at night is quieter than one by day
  if (chosen === 'street' && /night|late/.test(params.time ?? '')) return 'night';
  return chosen;
}
