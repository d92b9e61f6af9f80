// Reading ink's runtime paths: stable decision ids, the knot(.stitch) of a path, EXTERNAL calls.

/** What the engine calls content outside any knot (ink gives it no name). */
export const TOP_LEVEL = '(top)';

const INDEX = /^\d+$/;

/**
 * The parts of a runtime path that survive edits elsewhere in the knot: knot, stitch, choice
 * (`c-0`) and gather (`g-0`, labels). Numeric indices and the compiler's inline containers
 * (`b` branches, `s` choice-start text, `$r` return points) move whenever text is added, so they
 * are dropped; that keeps one decision's id the same whichever of its options are on offer.
 */
function structuralParts(path: string): string[] {
  const parts = path.split('.').filter((p) => p !== '');
  const out: string[] = [];
  parts.forEach((part, i) => {
    if (INDEX.test(part)) {
      if (i === 0) out.push(TOP_LEVEL);
      return;
    }
    if (part === 'b' || part === 's' || part.startsWith('$')) return;
    out.push(part);
  });
  return out;
}

/**
 * A decision's id from the source paths of its options' choice points: their common structural
 * path (`office.desk`, `office.desk.c-0`, `hall.g-1`). Options threaded in from several knots
 * share no path; their distinct paths are joined with `+`.
 */
export function decisionIdOf(sourcePaths: readonly string[]): string {
  const all = sourcePaths.map(structuralParts);
  const first = all[0];
  if (first === undefined) return TOP_LEVEL;
  let common = first.length;
  for (const parts of all) {
    let i = 0;
    while (i < common && i < parts.length && parts[i] === first[i]) i++;
    common = i;
  }
  if (common > 0) return first.slice(0, common).join('.');
  return [...new Set(all.map((p) => p.join('.')))].join('+');
}

/** `office.desk.0.c-1.3` → `office.desk`; `example.0.opts.20` → `example`; `0.5` → `(top)`. */
export function knotOf(path: string | null | undefined): string {
  if (!path) return TOP_LEVEL;
  const [knot, second] = path.split('.');
  if (knot === undefined || knot === '' || INDEX.test(knot)) return TOP_LEVEL;
  // a stitch is named content of the knot itself; gathers and labels sit under its weave index
  if (second !== undefined && !INDEX.test(second) && !/^[cg]-\d+$/.test(second)) {
    return `${knot}.${second}`;
  }
  return knot;
}

/** Names of every EXTERNAL function the compiled story calls (`{"x()": name}` in its JSON). */
export function externalCallsOf(compiled: unknown): string[] {
  const names = new Set<string>();
  const stack: unknown[] = [compiled];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'x()' && typeof value === 'string') names.add(value);
        else stack.push(value);
      }
    }
  }
  return [...names].sort();
}

/** The player-facing message for EXTERNAL functions that nothing can answer. */
export function missingExternalMessage(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`).join(', ');
  return names.length === 1
    ? `EXTERNAL function ${quoted} has no binding in this player and no fallback in the story`
    : `EXTERNAL functions ${quoted} have no binding in this player and no fallback in the story`;
}

/** The function names in one of inkjs's "missing binding" messages, or null for other errors. */
export function missingExternalsIn(inkMessage: string): string[] | null {
  const validate = /Missing function binding for externals?: ((?:'[^']*'(?:,\s*)?)+)/.exec(
    inkMessage,
  );
  if (validate) return [...(validate[1] ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const call = /EXTERNAL function '([^']*)' which has not been bound/.exec(inkMessage);
  return call ? [call[1] ?? ''] : null;
}
