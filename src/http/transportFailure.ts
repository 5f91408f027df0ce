/**
 * Classifies a failed attempt (no HTTP answer) by what it tells us about the request:
 * - `notSent`: the request never left (connection refused, DNS, connect timeout): safe to resend.
 * - `timeout`: we gave up waiting; the vendor may have received and processed the request.
 * - `broken`: the connection broke after the request may have been sent.
 * The difference matters for writes: only `notSent` proves a write did not happen.
 */
export type TransportFailureKind = 'notSent' | 'timeout' | 'broken';

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export function classifyTransportFailure(error: unknown): TransportFailureKind {
  const err = error as { code?: string; name?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code;
  if (code && NOT_SENT_CODES.has(code)) return 'notSent';
  if (code && TIMEOUT_CODES.has(code)) return 'timeout';
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError' || code === 'UND_ERR_ABORTED') return 'timeout';
  return 'broken';
}
