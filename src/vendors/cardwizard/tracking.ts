/**
 * CardWizard's card-request routes and the state names of a tracked request, in one place.
 *
 * Only the POST that creates a card request is publicly documented (`beginreadcard`); its answer is
 * an id "you can track". How to track it, and the state names, are NOT public. The values below are
 * the ones our CardWizard simulator fixes (src/vendors/cardwizard/sandbox/tracking.ts). They are
 * mirrored here on purpose rather than imported: the simulator checks this client, it does not
 * share code with it. If the real tracking route or states differ, this file is the only one to change.
 *
 *   POST   /Api/CMCDevices/{deviceId}/CardRequests?action=beginreadcard   (documented)
 *   GET    /Api/CMCDevices/{deviceId}/CardRequests/{requestId}            (tracking, not public)
 */

/** The only documented value of the `action` query parameter: read the track data from a card. */
export const BEGIN_READ_CARD_ACTION = 'beginreadcard';

/** The documented collection a card request is created in, below the CardWizard base URL. */
export function cardRequestsPath(deviceId: number): string {
  return `/Api/CMCDevices/${deviceId}/CardRequests`;
}

/** One card request, for tracking (not public). The id is opaque: it is only URL-encoded. */
export function cardRequestPath(deviceId: number, requestId: string): string {
  return `${cardRequestsPath(deviceId)}/${encodeURIComponent(requestId)}`;
}

/** The state names a tracked request reports (not public); only `Pending` is not final. */
export const CARD_REQUEST_STATE = {
  pending: 'Pending',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
} as const;

/** The tracked request as CardWizard answers it. Fields are optional: nothing about it is documented. */
export interface CwTrackedCardRequest {
  Id?: string;
  DeviceId?: number;
  State?: string;
  RequestedAt?: string | null;
  CompletedAt?: string | null;
  TrackData?: { Track1?: string | null; Track2?: string | null; Track3?: string | null } | null;
  Error?: { ExceptionType?: string; Message?: string } | null;
}
