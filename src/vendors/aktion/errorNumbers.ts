/**
 * Every documented Aktion error number and what it means for the gateway, in one table.
 * (identifiers-create.txt, identifiers-update.txt and the Aktion section of the design notes.)
 *
 * - Session numbers (1000/1001 token, 1008 rate policy) are handled by the client: re-login once,
 *   back off; they only surface as errors when they persist.
 * - Configuration numbers (1003/1004 login, 1006/1007 IP filter) are top-level VENDOR_AUTH_FAILED:
 *   only an operator can fix them, and retrying does not help.
 * - Business numbers are `userErrors` of the identifier mutations. On a read (get, getAll) the
 *   permission numbers become a top-level VENDOR_AUTH_FAILED (the gateway's account is missing a
 *   right, which an operator must grant); 1140 on a read is simply "no such identifier" (null).
 * - 415 is top-level VENDOR_REJECTED (the gateway sent something Aktion cannot read: a bug);
 *   500 is typed by the shared HTTP layer (VENDOR_UNAVAILABLE for reads, VENDOR_OUTCOME_UNKNOWN
 *   for writes, which are never resent).
 */
import { ErrorCode } from '../../errors/codes';
import type { UserErrorCode } from '../../mutations/userErrors';

export type AktionOperation = 'login' | 'get' | 'getAll' | 'create' | 'update' | 'remove';

/** Token not found / already expired: log in again and repeat the call once. */
export const TOKEN_REJECTED: ReadonlySet<number> = new Set([1000, 1001]);
/** Request rate policy violated: back off, then VENDOR_RATE_LIMITED. */
export const RATE_POLICY_VIOLATED = 1008;
/** Parameter missing or binding failed (model validation); ModelStateErr names the fields. */
export const VALIDATION_FAILED = 1002;
/** Identifier not found. */
export const NOT_FOUND = 1140;

export interface BusinessMeaning {
  code: UserErrorCode;
  message: string;
  /** The input field the error is about (relative to `input`), if any. */
  field?: string;
}

/** Business outcomes of create/update/remove. 1002 is built from ModelStateErr (see writeOutcome.ts). */
export const BUSINESS_ERRORS: Readonly<Record<number, BusinessMeaning>> = {
  1: { code: 'PERMISSION_DENIED', message: "The gateway's Aktion account lacks the privilege for this change to identifiers." },
  2: { code: 'PERMISSION_DENIED', message: "The gateway's Aktion account lacks the permission to change this identifier." },
  3: { code: 'DUPLICATE', field: 'internalNumber', message: 'An identifier with this internal number already exists in Aktion.' },
  4: { code: 'CONFLICT', message: 'Someone else changed this identifier at the same time. Reload it and try again.' },
  5: { code: 'CONFLICT', field: 'internalNumber', message: 'Someone else deleted this identifier meanwhile.' },
  6: { code: 'REJECTED_BY_VENDOR', message: 'Aktion refused the change because it would make its data inconsistent.' },
  7: { code: 'REJECTED_BY_VENDOR', message: 'Aktion could not carry out the change because of another problem on its side.' },
  8: { code: 'NOT_LICENSED', message: "Aktion's licence does not allow this change." },
  [NOT_FOUND]: { code: 'NOT_FOUND', field: 'internalNumber', message: 'No identifier with this internal number exists in Aktion.' },
  1141: { code: 'PERMISSION_DENIED', message: "The gateway's Aktion account lacks the View privilege for identifiers." },
  1142: { code: 'PERMISSION_DENIED', message: "The gateway's Aktion account lacks the Edit privilege for identifiers." },
  1143: { code: 'PERMISSION_DENIED', message: "The gateway's Aktion account lacks the Delete privilege for identifiers." },
  1144: { code: 'PERMISSION_DENIED', message: "The gateway's Aktion account may not view this identifier." },
  1145: { code: 'PERMISSION_DENIED', message: "The gateway's Aktion account lacks the New privilege for identifiers." },
  1146: { code: 'PERMISSION_DENIED', message: "The gateway's Aktion account may not delete this identifier." },
  1147: { code: 'PERMISSION_DENIED', message: "The gateway's Aktion account may not edit this identifier." },
};

export interface GatewayMeaning {
  code: ErrorCode;
  message: string;
}

/** Numbers that are top-level errors for every operation. */
export const GATEWAY_ERRORS: Readonly<Record<number, GatewayMeaning>> = {
  1003: {
    code: ErrorCode.VENDOR_AUTH_FAILED,
    message: "Aktion does not know the gateway's user login or API key. An operator must check AKTION_USER_LOGIN and AKTION_API_KEY.",
  },
  1004: { code: ErrorCode.VENDOR_AUTH_FAILED, message: "Aktion refused the gateway's API key. An operator must check AKTION_API_KEY." },
  1006: {
    code: ErrorCode.VENDOR_AUTH_FAILED,
    message: "Aktion's IP filter does not allow the gateway's address. An operator must allow it in Aktion.",
  },
  1007: {
    code: ErrorCode.VENDOR_AUTH_FAILED,
    message: 'Aktion cannot read its own IP filter setting, so it refuses every call. An operator must fix the IP filter in Aktion.',
  },
  [RATE_POLICY_VIOLATED]: { code: ErrorCode.VENDOR_RATE_LIMITED, message: "Aktion is limiting the gateway's request rate; try again in a few seconds." },
  415: {
    code: ErrorCode.VENDOR_REJECTED,
    message: 'Aktion could not read the format of the gateway\'s request (HTTP 415). This is a gateway problem; please report it.',
  },
};

/** The top-level error for a token Aktion rejected again right after a fresh login. */
export const TOKEN_REJECTED_TWICE: GatewayMeaning = {
  code: ErrorCode.VENDOR_AUTH_FAILED,
  message: "Aktion rejected the gateway's session even right after a fresh login. An operator must check the Aktion account and server clock.",
};
