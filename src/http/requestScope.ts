/**
 * What the HTTP layer knows about the GraphQL request a vendor call serves, without threading it
 * through every client and loader: an AsyncLocalStorage scope entered once per GraphQL request in
 * server.ts. DataLoader batches run in callbacks queued from resolvers, so they inherit it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Retries one GraphQL request may spend across all its vendor calls, so that a query touching
 * fifty failing objects cannot turn into a hundred and fifty vendor requests.
 */
export class RetryBudget {
  constructor(private remaining: number) {}

  /** Takes one retry if any is left. */
  take(): boolean {
    if (this.remaining <= 0) return false;
    this.remaining -= 1;
    return true;
  }

  get left(): number {
    return this.remaining;
  }
}

export interface RequestScope {
  requestId: string;
  retryBudget: RetryBudget;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the GraphQL request being served, if any (start-up work has none). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
