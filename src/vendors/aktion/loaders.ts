/**
 * Per-request DataLoader for Aktion identifiers by internal number.
 *
 * Aktion has no "get many" route, so a batch is one `identifier/get` per distinct number; what
 * the loader saves is duplicates and, above all, the N+1 of `Card.identifier` over a list: 50
 * cards cost one lookup per distinct chip serial number, and the calls share one login (the
 * token session is single-flight). Keys are normalised (upper case, no leading zeros) so
 * `04a1b2` and `4A1B2` are one lookup. Lists and writes prime what they return.
 */
import DataLoader from 'dataloader';
import type { AktionClient } from './client';
import { isValidInternalNumber, normaliseInternalNumber } from './internalNumber';
import type { AktionIdentifier } from './types';

export interface AktionLoaderOptions {
  /** False only for the benchmark's "no DataLoader" scenario: every load is its own call. */
  batching: boolean;
}

export class AktionLoaders {
  readonly identifier: DataLoader<string, AktionIdentifier | null>;

  constructor(
    readonly client: AktionClient,
    private readonly options: AktionLoaderOptions = { batching: true },
  ) {
    this.identifier = new DataLoader<string, AktionIdentifier | null>(
      async (numbers) =>
        Promise.all(
          numbers.map((nr) => client.getIdentifier(nr).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))),
        ),
      {
        cache: options.batching,
        batch: options.batching,
        cacheKeyFn: normaliseInternalNumber,
      },
    );
  }

  /**
   * The identifier whose internal number is this chip serial number; null (without a call) when
   * there is no serial or it cannot be an internal number (not hex, longer than 20 digits).
   */
  forChipSerial(serial: string | null | undefined): Promise<AktionIdentifier | null> {
    if (!serial || !isValidInternalNumber(serial.trim())) return Promise.resolve(null);
    return this.identifier.load(normaliseInternalNumber(serial));
  }

  /** Remembers an identifier a list or a write returned, replacing what was cached. */
  prime(identifier: AktionIdentifier): void {
    if (!this.options.batching) return;
    this.identifier.clear(identifier.internalNumber).prime(identifier.internalNumber, identifier);
  }

  /** Forgets a number (after a write), so the next load asks Aktion. */
  forget(internalNumber: string): void {
    this.identifier.clear(internalNumber);
  }
}
