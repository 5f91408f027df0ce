/**
 * The `extensions.code` values of top-level GraphQL errors: one small taxonomy for every vendor.
 * Expected business failures of mutations are `userErrors` instead (see schema/common.graphql).
 */
export const ErrorCode = {
  /** An argument is malformed (e.g. an id that is not a GUID); nothing was sent to a vendor. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The vendor could not be reached, answered 5xx, or its circuit breaker is open. */
  VENDOR_UNAVAILABLE: 'VENDOR_UNAVAILABLE',
  /** The vendor did not answer in time (a read; safe to try again). */
  VENDOR_TIMEOUT: 'VENDOR_TIMEOUT',
  /** The vendor answered something the gateway cannot understand (not JSON, wrong shape). */
  VENDOR_BAD_RESPONSE: 'VENDOR_BAD_RESPONSE',
  /** The vendor refused the gateway's credentials: a configuration problem for operators. */
  VENDOR_AUTH_FAILED: 'VENDOR_AUTH_FAILED',
  /** The vendor kept answering "too many requests". */
  VENDOR_RATE_LIMITED: 'VENDOR_RATE_LIMITED',
  /** The vendor refused the request in a way the gateway did not expect (an unexpected 4xx). */
  VENDOR_REJECTED: 'VENDOR_REJECTED',
  /**
   * A write was sent but no answer came back (timeout, dropped connection, 5xx): it may or may not
   * have taken effect. The gateway never resends it; look before trying again.
   */
  VENDOR_OUTCOME_UNKNOWN: 'VENDOR_OUTCOME_UNKNOWN',
  /** A bug or an unexpected failure inside the gateway; details are in the logs under the request id. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
