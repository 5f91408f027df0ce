/**
 * GraphQL enum values → Aktion numbers (graphql-tools "internal values"), see
 * src/vendors/aktion/enums.ts for why these are plain objects.
 */
import * as aktion from '../vendors/aktion/enums';

export const aktionEnumResolvers = {
  IdentifierTechnology: aktion.AktionTechnology,
  IdentifierType: aktion.AktionIdentifierType,
  IdentifierStatus: aktion.AktionIdentifierStatus,
};
