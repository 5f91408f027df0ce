/**
 * The deliberate errors of the gateway. Anything thrown that is not a GatewayError is masked as
 * INTERNAL_SERVER_ERROR before it reaches a client (see src/errors/formatError.ts).
 */
import { GraphQLError } from 'graphql';
import type { VendorName } from '../config';
import { ErrorCode } from './codes';

export class GatewayError extends GraphQLError {
  constructor(
    message: string,
    readonly code: ErrorCode,
    extensions: Record<string, unknown> = {},
    options: { cause?: unknown } = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
    // Keep the cause for logs only; GraphQLError does not serialise it.
    if (options.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
  }
}

/** A vendor call failed; `extensions.vendor` names the vendor, `extensions.status` its HTTP status if any. */
export class VendorError extends GatewayError {
  constructor(
    readonly vendor: VendorName,
    code: ErrorCode,
    message: string,
    readonly details: { status?: number; vendorMessage?: string; retryable?: boolean; circuitOpen?: boolean } = {},
    options: { cause?: unknown } = {},
  ) {
    super(message, code, { vendor, ...(details.status !== undefined ? { status: details.status } : {}) }, options);
  }
}

/** An argument failed validation before any vendor was called. `extensions.argument` names it. */
export class BadInputError extends GatewayError {
  constructor(argument: string, message: string) {
    super(message, ErrorCode.BAD_USER_INPUT, { argument });
  }
}
