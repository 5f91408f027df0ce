/**
 * What the HTTP layer knows about the GraphQL request a vendor call serves. Each request's context
 * holds views of the shared vendor clients bound to its scope (see clientsForRequest in
 * src/vendors/vendorClients.ts), so the scope travels with the calls explicitly. (An
 * AsyncLocalStorage did this before; its promise hooks cost about 10 % of the gateway's CPU on
 * list pages, see bench/RESULTS.md.)
 */

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
