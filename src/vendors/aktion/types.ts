/**
 * Aktion's wire shapes (what the WebAPI sends and receives) and the gateway's own identifier model.
 * Response envelopes other than create/update are not documented; the shapes below are what the
 * Aktion help pages and the simulator agree on (see src/vendors/aktion/sandbox/routes.ts).
 */
import type { AktionIdentifierStatus, AktionIdentifierType, AktionTechnology } from './enums';

/** `Result` of every answer: Code is the documented error number (0 = success). */
export interface AktionResult {
  Message?: string | null;
  Code?: number | null;
  ModelStateErr?: string[] | null;
}

/** An identifier as Aktion sends it (create/update `Request`, get `Identifier`, getAll `Identifiers`). */
export interface AktionIdentifierWire {
  InternalNrLong?: string | null;
  RegistrationNr?: string | null;
  Technology?: number | null;
  Type?: number | null;
  Status?: number | null;
  Lock?: number | null;
  Security?: number | null;
  ValidFrom?: string | null;
  ValidTo?: string | null;
}

/** The body of create/update: every field but InternalNrLong optional (update sends only changes). */
export interface AktionIdentifierBody {
  InternalNrLong: string;
  RegistrationNr?: string;
  Technology?: number;
  Type?: number;
  Status?: number;
  Lock?: 0 | 1;
  Security?: 0 | 1;
  ValidFrom?: string;
  ValidTo?: string;
}

export interface AktionEnvelope {
  Result?: AktionResult | null;
  [key: string]: unknown;
}

export interface AktionLoginBody extends AktionEnvelope {
  Token?: string;
  ExpireInSec?: number;
  ExpireDate?: string;
}

/**
 * An identifier as the gateway's resolvers see it (the GraphQL `Identifier` type's parent):
 * numbers are the enums' internal values, flags are booleans, dates as Aktion sent them (either
 * form; the Identifier resolver reads them, so an unreadable date fails only its own field).
 */
export interface AktionIdentifier {
  internalNumber: string;
  registrationNumber: string | null;
  technology: AktionTechnology | null;
  type: AktionIdentifierType | null;
  status: AktionIdentifierStatus | null;
  locked: boolean | null;
  secure: boolean | null;
  validFrom: string | null;
  validTo: string | null;
}
