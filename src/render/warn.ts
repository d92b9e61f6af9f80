// One console warning per distinct problem, so a looping story cannot flood the console.

const warned = new Set<string>();

export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[inkreel] ${message}`);
}
