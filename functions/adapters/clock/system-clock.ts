import type { Clock } from '../../ports/clock';

const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

/**
 * In AWS nothing calls this and time is the system clock. The local cloud installs its
 * virtual clock here (handlers run in-process), and tests install a manual clock.
 */
export function installClock(next: Clock): void {
  current = next;
}

/** The clock every handler uses: delegates to whatever is installed at call time. */
export const clock: Clock = { now: () => current.now() };
