/**
 * CardExchange's enum strings, named by their GraphQL enum values. This is the one place where
 * vendor strings meet GraphQL enums: graphql-tools uses these objects as the enums' internal
 * values (src/resolvers/cardexchangeEnums.ts), so resolvers and vendor calls see 'po_box' while
 * clients see PO_BOX, and a value CardExchange sends that is not listed here fails that field
 * only, with an error naming the value.
 */
export enum CxAddressType {
  HOME = 'home',
  BUSINESS = 'business',
  PO_BOX = 'po_box',
}

export enum CxIdentificationType {
  NONE = 'none',
  DRIVER_LICENSE = 'driver_license',
  PASSPORT = 'passport',
  EU = 'eu',
  FOREIGNER = 'foreigner',
}

export enum CxGender {
  NOT_SPECIFIED = 'not_specified',
  FEMALE = 'female',
  MALE = 'male',
  OTHER = 'other',
  DECLINE = 'decline',
}

export enum CxNamePrefix {
  NONE = 'none',
  DR = 'dr',
  MR = 'mr',
  MRS = 'mrs',
  MS = 'ms',
}

export enum CxNameSuffix {
  NONE = 'none',
  II = 'ii',
  III = 'iii',
  IV = 'iv',
  JR = 'jr',
  MD = 'md',
  PHD = 'phd',
  SR = 'sr',
}

export enum CxPersonStatus {
  NONE = 'none',
  ACTIVATED = 'activated',
  BLOCKED = 'blocked',
  EXPIRED = 'expired',
  BLACKLISTED = 'blacklisted',
  LINKED = 'linked',
  UNLINKED = 'unlinked',
}

export enum CxProductionStatus {
  TO_BE_CREATED = 'to_be_created',
  TO_BE_PRODUCED = 'to_be_produced',
  PRODUCED = 'produced',
  TO_BE_ACTIVATED = 'to_be_activated',
}

export enum CxCardholderStatus {
  ACTIVATED = 'activated',
  BLOCKED = 'blocked',
  EXPIRED = 'expired',
  BLACKLISTED = 'blacklisted',
  LINKED = 'linked',
  UNLINKED = 'unlinked',
}

export enum CxCardStatus {
  INITIALIZED = 'initialized',
  IN_PRODUCTION = 'in_production',
  PERSONALIZED = 'personalized',
  WITHDRAWN = 'withdrawn',
  ACTIVATED = 'activated',
  BLOCKED = 'blocked',
  EXPIRED = 'expired',
  BLACKLISTED = 'blacklisted',
  ISSUED = 'issued',
  RETURNED = 'returned',
  DESTROYED = 'destroyed',
  BULK_BLOCKED = 'bulk_blocked',
  LINKED = 'linked',
  UNLINKED = 'unlinked',
}

export enum CxCardEncryption {
  AES = 'aes',
  DES = 'des',
  TRIPLE_DES = 'triple_des',
}
