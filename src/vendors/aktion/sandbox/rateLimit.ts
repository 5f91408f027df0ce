/**
 * The login rate policy (401/1008 "Request rate policy violated for [login]").
 *
 * Aktion documents that logging in for every call invites 1008 but not the
 * exact limit, so the simulator uses a configurable sliding window per
 * UserLogin: more than `max` logins within `windowMs` are refused. Refused
 * attempts are not counted, so a client that backs off recovers once the
 * window has moved on.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt for `key` and returns true, or returns false if the limit is reached. */
  tryAcquire(key: string): boolean {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  reset(): void {
    this.hits.clear();
  }
}
