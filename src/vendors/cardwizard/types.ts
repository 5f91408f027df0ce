/**
 * What the gateway keeps of a CardWizard card request: the parent object of the CardReadRequest
 * type. The same value is shared by every subscriber of a request, so it must never be mutated;
 * whether a caller may see `trackData` is decided per caller when the field resolves.
 */
import type { CardReadStatus, UserErrorCode } from '../../generated/graphql';

export type { CardReadStatus };

export interface CardTrackData {
  track1: string | null;
  track2: string | null;
  track3: string | null;
}

export interface CardReadFailure {
  code: UserErrorCode;
  message: string;
}

export interface CardRead {
  id: string;
  deviceId: number;
  status: CardReadStatus;
  requestedAt: string | null;
  endedAt: string | null;
  /** Present only when the read completed. Never log it. */
  trackData: CardTrackData | null;
  failure: CardReadFailure | null;
}

/** Identifies a card request: CardWizard request ids are only meaningful per device. */
export interface CardRequestKey {
  deviceId: number;
  id: string;
}

export function cardRequestKey(key: CardRequestKey): string {
  return `${key.deviceId}/${key.id}`;
}
