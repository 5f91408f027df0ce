/**
 * How a CardWizard card request is tracked after `beginreadcard`.
 *
 * The vendor's public help documents only the POST that creates a card request
 * and says its answer is an identifier "you can track". The tracking route, the
 * state names and the tracked JSON are NOT public, so this module is the single
 * place where the simulator fixes them. The gateway's CardWizard client mirrors
 * these constants (it must not import them: the simulator checks the client,
 * it does not share code with it). Change them here and there together.
 *
 * Routes, relative to the CardWizard base URL (`<host>/CardWizard`):
 *   GET    /Api/CMCDevices/{deviceId}/CardRequests/{requestId}  -> TrackedCardRequest
 *   DELETE /Api/CMCDevices/{deviceId}/CardRequests/{requestId}  -> TrackedCardRequest (State "Cancelled")
 *                                                                  409 when the request has already ended
 */

/** Path of the collection the documented POST creates requests in (relative to the base URL). */
export const CARD_REQUESTS_PATH = '/Api/CMCDevices/:id/CardRequests';

/** Path of one card request (GET to track, DELETE to cancel), relative to the base URL. */
export const CARD_REQUEST_PATH = '/Api/CMCDevices/:id/CardRequests/:requestId';

/** The only documented value of the `action` query parameter. */
export const BEGIN_READ_CARD_ACTION = 'beginreadcard';

/** Every state a card request can be in; only `Pending` is not final. */
export const CARD_REQUEST_STATES = ['Pending', 'Completed', 'Failed', 'Cancelled'] as const;
export type CardRequestState = (typeof CARD_REQUEST_STATES)[number];

/** States after which a request never changes again (and can no longer be cancelled). */
export const FINAL_CARD_REQUEST_STATES: readonly CardRequestState[] = ['Completed', 'Failed', 'Cancelled'];

export interface TrackData {
  Track1: string | null;
  Track2: string | null;
  Track3: string | null;
}

export interface TrackedCardRequestError {
  /** Full .NET type name, e.g. `DCG.CMC.CMCDeviceWithoutStockException`. */
  ExceptionType: string;
  Message: string;
}

/** JSON body of GET/DELETE on a card request. */
export interface TrackedCardRequest {
  /** Opaque id returned by `beginreadcard` (a GUID in this simulator; clients must not parse it). */
  Id: string;
  DeviceId: number;
  State: CardRequestState;
  /** ISO 8601, UTC. */
  RequestedAt: string;
  /** ISO 8601, UTC, once the request ended (any final state); otherwise null. */
  CompletedAt: string | null;
  /** Present only when `State` is `Completed`. */
  TrackData: TrackData | null;
  /** Present only when `State` is `Failed`. */
  Error: TrackedCardRequestError | null;
}

/** `/Api/CMCDevices/{deviceId}/CardRequests/{requestId}` for a given request. */
export function cardRequestPath(deviceId: number, requestId: string): string {
  return `/Api/CMCDevices/${deviceId}/CardRequests/${encodeURIComponent(requestId)}`;
}
