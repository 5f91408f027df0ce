/**
 * CardExchange Cloud objects exactly as the vendor sends them (camelCase attributes, lower-case
 * enum strings). Every attribute is optional: the document lists them but promises none, and a
 * missing attribute must show as null in GraphQL rather than break a whole answer.
 * These are the codegen `mappers` for the GraphQL types (see codegen.yml).
 */

/** A referenced object (profile, business unit, card type, ...); the document does not define its shape. */
export interface CxCatalogEntryDto {
  id?: string;
  name?: string;
  [key: string]: unknown;
}

export type CxMetadata = Record<string, string>;

export interface CxAddressDto {
  id: string;
  person?: string;
  type?: string;
  streetAddress?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  metadata?: CxMetadata | null;
  created?: string;
}

export interface CxCardDto {
  id: string;
  cardholder?: string | null;
  cardNumber?: string;
  chipserialNumber?: string;
  status?: string;
  type?: CxCatalogEntryDto | null;
  encryption?: string;
  layout?: CxCatalogEntryDto | null;
  startDate?: string | null;
  endDate?: string | null;
  pickupNotice?: boolean;
  metadata?: CxMetadata | null;
  created?: string;
}

export interface CxCardholderDto {
  id: string;
  person?: string | null;
  profile?: CxCatalogEntryDto | null;
  profileNumber?: string;
  loginId?: string | null;
  email?: string | null;
  businessUnit?: CxCatalogEntryDto | null;
  externalCompany?: CxCatalogEntryDto | null;
  department?: CxCatalogEntryDto | null;
  costAccount?: CxCatalogEntryDto | null;
  location?: CxCatalogEntryDto | null;
  startDate?: string | null;
  endDate?: string | null;
  status?: string;
  nameOnCard?: string | null;
  note?: string | null;
  metadata?: CxMetadata | null;
  created?: string;
  cards?: CxCardDto[];
}

export interface CxPersonDto {
  id: string;
  personNumber?: string;
  profile?: string | null;
  addressPreference?: string | null;
  identificationType?: string | null;
  identificationTypeValue?: string | null;
  firstName?: string;
  middleName?: string | null;
  lastName?: string;
  birthDate?: string | null;
  gender?: string | null;
  prefix?: string | null;
  suffix?: string | null;
  phoneNumber?: string | null;
  mobileNumber?: string | null;
  status?: string | null;
  metadata?: CxMetadata | null;
  photo?: string | null;
  created?: string;
  addresses?: CxAddressDto[];
  cardholders?: CxCardholderDto[];
}

export interface CxProductionDto {
  id: string;
  person?: string | null;
  cardholder?: string | null;
  card?: string | null;
  nameOnCard?: string | null;
  chipserialNumber?: string | null;
  userName?: string | null;
  exported?: boolean;
  printedOn?: string | null;
  numberOfTries?: number | null;
}

export interface CxAnonymousSetDto {
  id: string;
  profile?: string | null;
  defaultName?: string;
  data?: CxPersonDto[];
}

/** The RFC 7807 problem-details body CardExchange answers errors with. */
export interface CxProblemDetails {
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[] | string>;
}
