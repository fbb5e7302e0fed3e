// Retry delays that double from `initial` up to `max`, with jitter so that
// many daemons failing together (a git server restarting) do not retry in
// step. reset() after a success.

export class Backoff {
  private failures = 0;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Counts a failure and returns how long to wait before the next try. */
  next(): number {
    const base = Math.min(this.maxMs, this.initialMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    return Math.round(base * (0.8 + 0.4 * this.random()));
  }

  get attempts(): number {
    return this.failures;
  }

  reset(): void {
    this.failures = 0;
  }
}

/** `base` ± `fraction` of it, at random: a poll interval that drifts apart between daemons. */
export function jitter(baseMs: number, fraction: number, random: () => number = Math.random): number {
  return Math.round(baseMs * (1 - fraction + 2 * fraction * random()));
}
