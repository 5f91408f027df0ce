import type { IdentifierResolvers } from '../generated/graphql';
import { parseAktionDate } from '../vendors/aktion/dates';

export const Identifier: IdentifierResolvers = {
  // Aktion sends `\/Date(ms)\/` or ISO 8601; an unreadable date fails this field only.
  validFrom: (identifier) => parseAktionDate(identifier.validFrom),
  validTo: (identifier) => parseAktionDate(identifier.validTo),
  card: (identifier, _args, { cardByChipSerial }) => cardByChipSerial.load(identifier.internalNumber),
};
