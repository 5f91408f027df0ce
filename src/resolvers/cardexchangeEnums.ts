/**
 * GraphQL enum values → CardExchange strings (graphql-tools "internal values"), see
 * src/vendors/cardexchange/enums.ts for why.
 */
import * as cx from '../vendors/cardexchange/enums';

export const cardexchangeEnumResolvers = {
  AddressType: cx.CxAddressType,
  IdentificationType: cx.CxIdentificationType,
  Gender: cx.CxGender,
  NamePrefix: cx.CxNamePrefix,
  NameSuffix: cx.CxNameSuffix,
  PersonStatus: cx.CxPersonStatus,
  ProductionStatus: cx.CxProductionStatus,
  CardholderStatus: cx.CxCardholderStatus,
  CardStatus: cx.CxCardStatus,
  CardEncryption: cx.CxCardEncryption,
};
