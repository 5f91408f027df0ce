/**
 * How the Aktion client waits when Aktion answers 401/1008 ("request rate policy violated"):
 * a few growing pauses, then VENDOR_RATE_LIMITED. A 401 is answered before Aktion does anything,
 * so repeating the call after a pause is safe even for writes.
 */
export const DEFAULT_RATE_LIMIT_BACKOFF_MS: readonly number[] = [300, 900];

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
