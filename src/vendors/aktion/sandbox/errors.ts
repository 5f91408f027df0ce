/**
 * Aktion result codes, their messages, and the table of reserved identifier
 * numbers that provoke them.
 *
 * Every answer carries `Result: { Message, Code, ModelStateErr }`. The error
 * numbers and texts below are copied from the vendor's "Response Codes" tables
 * (identifiers-create.txt, identifiers-update.txt) with their typos ("bindigs",
 * "priviliges", "Indentifiers") kept, because a client matching on text must
 * match the real text. Texts marked INFERRED are not in the documents we have:
 * the number is known (from Aktion's public help pages, see NOTES.md) but the
 * wording is modelled on its documented siblings.
 */

export type AktionOperation = 'create' | 'update' | 'remove' | 'get' | 'getAccessPrivileges';

/** An error to answer instead of doing the operation. */
export interface ForcedError {
  status: number;
  code: number;
  /** Overrides the standard message for `code`. */
  message?: string;
}

export const SUCCESS_MESSAGE = 'Processed with result: ExecOK';
export const UNCHANGED_MESSAGE = 'Processed with results: Identifier [{0}] remains unchanged';
/** 415 has no error number in the documents; the Result carries Code 415. */
export const UNSUPPORTED_MEDIA_TYPE_CODE = 415;
export const UNSUPPORTED_MEDIA_TYPE_MESSAGE =
  'The request entity has a media type which the server or resource does not support. Only application/json and application/xml are supported';

/** Message templates by error number; `{0}` is filled by {@link aktionMessage}. */
export const MESSAGE_TEMPLATES: Readonly<Record<number, string>> = {
  0: UNCHANGED_MESSAGE, // the only non-success use of code 0: update 202/403 "remains unchanged"
  1: 'Db operation failed, agenda missing priviliges',
  2: 'Db operation failed, record missing priviliges',
  3: 'Db operation failed, Record duplicity',
  4: 'Db operation failed, already changed by another user',
  5: 'Db operation failed, already deleted by another user',
  6: 'Db operation failed, database data consistence violation',
  7: 'Db operation failed, operation can not be executed because another problems occured',
  8: 'Db operation failed, licence violation',
  // The documents list "500 internal error / Server exception description": the message is the exception's text.
  500: 'Server exception: simulated failure while processing [{0}]',
  1000: 'Token {0} not found',
  1001: 'Token {0} already expired',
  1002: 'Entry parameter missing or parameter bindigs failed',
  1003: 'Unknown UserLogin or ApiKey for [{0}]', // INFERRED wording
  1004: 'Invalid ApiKey for [{0}]', // INFERRED wording
  1006: 'Ip filter violated for ip client address [{0}]',
  1007: 'Ip filter [{0}] parsing failed',
  1008: 'Request rate policy violated for [{0}]',
  1140: 'Identifier [{0}] not found',
  1141: 'Privilege View of agenda Identifiers violated for [{0}]', // INFERRED wording
  1142: 'Privilege Edit of agenda Indentifiers violated for [{0}]',
  1143: 'Privilege Delete of agenda Identifiers violated for [{0}]', // INFERRED wording
  1144: 'Record permission View of agenda Identifiers violated for [{0}]', // INFERRED wording
  1145: 'Privilege New of agenda Identifiers violated for [{0}]',
  1146: 'Record permission Delete of agenda Identifiers violated for [{0}]', // INFERRED: number and wording
  1147: 'Record permission Edit of agenda Identifiers violated for [{0}]',
  415: UNSUPPORTED_MEDIA_TYPE_MESSAGE,
};

/** What `{0}` can stand for; which one a code uses is decided in {@link aktionMessage}. */
export interface MessageContext {
  internalNr?: string;
  userLogin?: string;
  token?: string;
  clientIp?: string;
}

/**
 * The message for an error number with `{0}` filled in the way the vendor does:
 * the token for 1000/1001, the client address for 1006, the user login for the
 * rate policy and the privilege/permission errors (they say whose rights were
 * violated), the identifier number for not-found, unchanged and exceptions.
 */
export function aktionMessage(code: number, context: MessageContext = {}): string {
  const template = MESSAGE_TEMPLATES[code] ?? `Error ${code}`;
  let argument: string;
  switch (code) {
    case 1000:
    case 1001:
      argument = context.token ?? '';
      break;
    case 1006:
      argument = context.clientIp ?? '127.0.0.1';
      break;
    case 1007:
      argument = '127.0.0.1/33'; // the simulator's deliberately unparsable demo filter
      break;
    case 1003:
    case 1004:
    case 1008:
    case 1141:
    case 1142:
    case 1143:
    case 1144:
    case 1145:
    case 1146:
    case 1147:
      argument = context.userLogin ?? '';
      break;
    default:
      argument = context.internalNr ?? '';
  }
  return template.replace('{0}', argument);
}

/** One reserved identifier number: calling one of `ops` with it answers `status`/`code`. */
export interface ReservedError {
  /** Already normalised (upper case, no leading zeros), as lookups compare it. */
  internalNrLong: string;
  ops: readonly AktionOperation[];
  status: number;
  code: number;
  /** Why the vendor would answer so. */
  meaning: string;
}

const WRITES: readonly AktionOperation[] = ['create', 'update', 'remove'];
const READS: readonly AktionOperation[] = ['get', 'getAccessPrivileges'];
const ALL: readonly AktionOperation[] = [...WRITES, ...READS];

/**
 * Reserved InternalNrLong values: `DEAD` followed by the error number in four
 * digits (all valid hex, so they pass validation). They fire after validation
 * and before the store is consulted, whether or not the identifier exists, so a
 * test needs no setup. Each fires only for the operations where the vendor
 * documents (or, for reads, would plausibly give) that number; for other
 * operations the identifier behaves like any other (and never exists, because
 * creating it fails).
 */
export const RESERVED_ERRORS: readonly ReservedError[] = [
  { internalNrLong: 'DEAD0000', ops: ['update'], status: 403, code: 0, meaning: 'unchanged, reported as 403 with error number 0 (success)' },
  { internalNrLong: 'DEAD0001', ops: WRITES, status: 403, code: 1, meaning: 'agenda missing privileges' },
  { internalNrLong: 'DEAD0002', ops: WRITES, status: 403, code: 2, meaning: 'record missing privileges' },
  { internalNrLong: 'DEAD0003', ops: WRITES, status: 403, code: 3, meaning: 'record duplicity (also happens naturally on create)' },
  { internalNrLong: 'DEAD0004', ops: WRITES, status: 403, code: 4, meaning: 'already changed by another user' },
  { internalNrLong: 'DEAD0005', ops: WRITES, status: 403, code: 5, meaning: 'already deleted by another user' },
  { internalNrLong: 'DEAD0006', ops: WRITES, status: 403, code: 6, meaning: 'data consistency violation' },
  { internalNrLong: 'DEAD0007', ops: WRITES, status: 403, code: 7, meaning: 'other problems occurred' },
  { internalNrLong: 'DEAD0008', ops: WRITES, status: 403, code: 8, meaning: 'licence violation' },
  { internalNrLong: 'DEAD0500', ops: ALL, status: 500, code: 500, meaning: 'server exception' },
  { internalNrLong: 'DEAD1006', ops: ALL, status: 401, code: 1006, meaning: 'IP filter violated' },
  { internalNrLong: 'DEAD1007', ops: ALL, status: 401, code: 1007, meaning: 'IP filter parsing failed' },
  { internalNrLong: 'DEAD1008', ops: ALL, status: 401, code: 1008, meaning: 'request rate policy violated' },
  { internalNrLong: 'DEAD1141', ops: READS, status: 403, code: 1141, meaning: 'no View privilege' },
  { internalNrLong: 'DEAD1142', ops: ['update'], status: 403, code: 1142, meaning: 'no Edit privilege' },
  { internalNrLong: 'DEAD1143', ops: ['remove'], status: 403, code: 1143, meaning: 'no Delete privilege' },
  { internalNrLong: 'DEAD1144', ops: READS, status: 403, code: 1144, meaning: 'no View record permission' },
  { internalNrLong: 'DEAD1145', ops: ['create'], status: 403, code: 1145, meaning: 'no New privilege' },
  { internalNrLong: 'DEAD1146', ops: ['remove'], status: 403, code: 1146, meaning: 'no Delete record permission' },
  { internalNrLong: 'DEAD1147', ops: ['update'], status: 403, code: 1147, meaning: 'no Edit record permission' },
];

const RESERVED_BY_NR = new Map(RESERVED_ERRORS.map((entry) => [entry.internalNrLong, entry]));

/** The reserved error for this (normalised) number and operation, if any. */
export function reservedError(op: AktionOperation, internalNr: string): ReservedError | undefined {
  const entry = RESERVED_BY_NR.get(internalNr);
  return entry && entry.ops.includes(op) ? entry : undefined;
}

/** True for numbers in the reserved table (the seed never uses them). */
export function isReserved(internalNr: string): boolean {
  return RESERVED_BY_NR.has(internalNr);
}
