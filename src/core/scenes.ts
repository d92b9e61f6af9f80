// The vocabulary of the drawn scenes (DESIGN.md §2 `scene`): names, their parameters, transitions
// and looks. Core owns the words so the renderer, the player and the story checker agree on them.

/** Every scene the renderer paints. `night-street` is kept as an alias of `street time=night`. */
export const SCENE_NAMES = [
  'street',
  'night-street',
  'office',
  'hotel-desk',
  'kitchen',
  'bedroom',
  'room',
  'bus',
  'train',
  'platform',
  'rail-yard',
  'towpath',
  'forest',
  'rooftop',
  'diner',
  'pub',
  'cafe',
  'shop',
  'plant',
  'arcade',
  'beach',
  'void',
  'title',
] as const;

export type SceneName = (typeof SCENE_NAMES)[number];

export function isSceneName(name: string): name is SceneName {
  return (SCENE_NAMES as readonly string[]).includes(name);
}

export const SCENE_TIMES = ['dawn', 'morning', 'day', 'dusk', 'night'] as const;
export type SceneTime = (typeof SCENE_TIMES)[number];

export const SCENE_WEATHERS = ['clear', 'rain', 'fog', 'snow'] as const;
export type SceneWeather = (typeof SCENE_WEATHERS)[number];

/** `# transition:` styles; a style applies to the next backdrop change. */
export const TRANSITIONS = ['cut', 'fade', 'dip', 'wipe'] as const;
export type TransitionStyle = (typeof TRANSITIONS)[number];

/** `# look:` grades a story may ask for (global tag); none by default. */
export const LOOKS = ['none', 'crt-1986', 'sodium', 'seaside'] as const;
export type LookName = (typeof LOOKS)[number];

export function isLook(value: string): value is LookName {
  return (LOOKS as readonly string[]).includes(value);
}

export function isTransition(value: string): value is TransitionStyle {
  return (TRANSITIONS as readonly string[]).includes(value);
}

/** The parameters written after a scene's name, `time=dawn weather=rain`, as written. */
export type SceneParams = Readonly<Record<string, string>>;

/** `street time=dawn weather=rain` → name and parameters (lower case). A bare word keeps value ''. */
export function parseSceneValue(value: string): { name: string; params: SceneParams } {
  const [name = '', ...rest] = value.trim().toLowerCase().split(/\s+/);
  const params: Record<string, string> = {};
  for (const word of rest) {
    const eq = word.indexOf('=');
    const key = eq < 0 ? word : word.slice(0, eq);
    // an own-property map: a parameter named like an Object member stays a plain key
    Object.defineProperty(params, key, {
      value: eq < 0 ? '' : word.slice(eq + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { name, params };
}

export interface ResolvedParams {
  readonly time: SceneTime | null;
  readonly weather: SceneWeather | null;
  /** one sentence per parameter or value that is not understood (it is ignored) */
  readonly problems: readonly string[];
}

/** The understood parameters of a scene; anything else is listed as a problem and ignored. */
export function resolveSceneParams(params: SceneParams | undefined): ResolvedParams {
  let time: SceneTime | null = null;
  let weather: SceneWeather | null = null;
  const problems: string[] = [];
  for (const [key, value] of Object.entries(params ?? {})) {
    if (key === 'time') {
      if ((SCENE_TIMES as readonly string[]).includes(value)) time = value as SceneTime;
      else problems.push(`time "${value}" is not one of ${SCENE_TIMES.join(', ')}`);
    } else if (key === 'weather') {
      if ((SCENE_WEATHERS as readonly string[]).includes(value)) weather = value as SceneWeather;
      else problems.push(`weather "${value}" is not one of ${SCENE_WEATHERS.join(', ')}`);
    } else {
      problems.push(`"${key}" is not a scene parameter (use time=… or weather=…)`);
    }
  }
  return { time, weather, problems };
}

/** What a scene tag names that the renderer cannot draw as written: for the checker and warnings. */
export function sceneProblems(name: string, params: SceneParams | undefined): string[] {
  const out: string[] = [];
  if (!isSceneName(name)) out.push(`unknown scene "${name}" (shown as a plain backdrop)`);
  out.push(...resolveSceneParams(params).problems);
  return out;
}
