// The clock ports' system implementation: the one module in src/ that reads the time of day or
// the page's monotonic clock; everything else receives a Clock or WallClock.
import type { Clock, WallClock } from './ports.ts';

export const systemClock: Clock & WallClock = {
  now: () => performance.now(),
  isoNow: () => new Date().toISOString(),
};
