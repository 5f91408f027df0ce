/**
 * Aktion's session token: logged in once, reused for every call while it lives, renewed a safety
 * margin before it expires, and shared by concurrent requests (single flight: however many
 * callers need a new token at once, one login is made and all of them wait for it).
 *
 * A token lives 20 s on the real server (ExpireInSec). The session believes the earlier of the
 * vendor's ExpireDate and its own clock (time the login was sent + ExpireInSec), so a clock
 * difference between gateway and vendor cannot make it use a token the vendor already dropped.
 * The margin is 2 s, or a quarter of the lifetime for short-lived tokens (tests use 1-2 s).
 */
export interface IssuedToken {
  value: string;
  /** Local time (ms) the login was sent. */
  issuedAt: number;
  /** Local time (ms) from which the vendor no longer accepts the token. */
  expiresAt: number;
}

export interface TokenSessionOptions {
  /** Largest refresh margin before expiry, in ms (default 2000). */
  maxRefreshMarginMs?: number;
  now?: () => number;
}

export class AktionTokenSession {
  private current: IssuedToken | undefined;
  private inFlight: Promise<IssuedToken> | undefined;
  private readonly now: () => number;
  private readonly maxMarginMs: number;

  constructor(
    private readonly login: () => Promise<IssuedToken>,
    options: TokenSessionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.maxMarginMs = options.maxRefreshMarginMs ?? 2_000;
  }

  /** A token valid for at least the refresh margin; logs in (once, shared) when needed. */
  async token(): Promise<string> {
    return this.fresh() ?? (await this.renew()).value;
  }

  /** The token held, if it is not due for renewal (no waiting: most calls need nothing else). */
  fresh(): string | undefined {
    const current = this.current;
    return current && this.now() < this.refreshAt(current) ? current.value : undefined;
  }

  /**
   * Forgets `token` after Aktion rejected it (1000/1001), so the next `token()` logs in again.
   * A token that has already been replaced is left alone: when many calls fail with the same old
   * token, only the first causes a login, the others get the new token.
   */
  invalidate(token: string): void {
    if (this.current?.value === token) this.current = undefined;
  }

  private renew(): Promise<IssuedToken> {
    this.inFlight ??= this.login()
      .then((issued) => {
        this.current = issued;
        return issued;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  private refreshAt(token: IssuedToken): number {
    const lifetime = Math.max(0, token.expiresAt - token.issuedAt);
    return token.expiresAt - Math.min(this.maxMarginMs, lifetime / 4);
  }
}
