import type { MaturityLevel } from './types';

/** Maps a level 1–5 (or a mean of levels) onto 0–100. */
export function toScore100(value: number): number {
  return ((value - 1) / 4) * 100;
}

/** The level a mean value supports: rounded down (levels are cumulative), tolerant of floating-point noise. */
export function levelOf(value: number): MaturityLevel {
  const floored = Math.floor(value + 1e-9);
  return Math.min(5, Math.max(1, floored)) as MaturityLevel;
}

export function isMaturityLevel(value: unknown): value is MaturityLevel {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}
