/**
 * The token store behind `POST login`.
 *
 * Aktion tokens are GUIDs that live a fixed time (20 s on the real server) and
 * may serve several calls in that time. The vendor distinguishes a token it
 * never issued (401/1000) from one that expired (401/1001), so expired tokens
 * are remembered for a while instead of being dropped at once.
 */
import { randomUUID } from 'node:crypto';

export type TokenCheck =
  | { status: 'valid'; userLogin: string; expiresAt: number }
  | { status: 'expired'; userLogin: string }
  | { status: 'notFound' };

interface TokenEntry {
  userLogin: string;
  expiresAt: number;
}

/** Expired tokens are kept this long so they still answer 1001, then forgotten (memory stays bounded). */
const REMEMBER_EXPIRED_MS = 60 * 60 * 1000;

export class TokenStore {
  private readonly tokens = new Map<string, TokenEntry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Issues a new token. It comes from crypto.randomUUID rather than the seeded
   * generator: tokens are credentials, and tests never need to predict them.
   */
  issue(userLogin: string): { token: string; expiresAt: number } {
    this.prune();
    const token = randomUUID();
    const expiresAt = this.now() + this.ttlMs;
    this.tokens.set(token, { userLogin, expiresAt });
    return { token, expiresAt };
  }

  check(token: string): TokenCheck {
    const entry = this.tokens.get(normaliseGuid(token));
    if (!entry) return { status: 'notFound' };
    if (this.now() >= entry.expiresAt) return { status: 'expired', userLogin: entry.userLogin };
    return { status: 'valid', userLogin: entry.userLogin, expiresAt: entry.expiresAt };
  }

  /** Makes every issued token expired (they answer 1001 from now on). */
  expireAll(): void {
    const past = this.now() - 1;
    for (const entry of this.tokens.values()) entry.expiresAt = Math.min(entry.expiresAt, past);
  }

  get size(): number {
    return this.tokens.size;
  }

  private prune(): void {
    const horizon = this.now() - REMEMBER_EXPIRED_MS;
    for (const [token, entry] of this.tokens) if (entry.expiresAt < horizon) this.tokens.delete(token);
  }
}

/** .NET parses GUIDs case-insensitively and with or without braces. */
function normaliseGuid(value: string): string {
  return value.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
}
