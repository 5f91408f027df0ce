/**
 * CardExchange Cloud objects as the simulator stores and sends them: attribute names, order and
 * enum strings follow the vendor document. Stored records are flat; the embedded lists
 * (`addresses`, `cardholders`, `cards`, `data`) are composed per response in views.ts, so a
 * change to a card shows up in every person that embeds it.
 */

export const ADDRESS_TYPES = ['home', 'business', 'po_box'] as const;
export const IDENTIFICATION_TYPES = ['none', 'driver_license', 'passport', 'eu', 'foreigner'] as const;
export const GENDERS = ['not_specified', 'female', 'male', 'other', 'decline'] as const;
export const PREFIXES = ['none', 'dr', 'mr', 'mrs', 'ms'] as const;
export const SUFFIXES = ['none', 'ii', 'iii', 'iv', 'jr', 'md', 'phd', 'sr'] as const;
export const PERSON_STATUSES = ['none', 'activated', 'blocked', 'expired', 'blacklisted', 'linked', 'unlinked'] as const;
export const CARDHOLDER_STATUSES = ['activated', 'blocked', 'expired', 'blacklisted', 'linked', 'unlinked'] as const;
export const CARD_STATUSES = [
  'initialized',
  'in_production',
  'personalized',
  'withdrawn',
  'activated',
  'blocked',
  'expired',
  'blacklisted',
  'issued',
  'returned',
  'destroyed',
  'bulk_blocked',
  'linked',
  'unlinked',
] as const;
export const ENCRYPTIONS = ['aes', 'des', 'triple_des'] as const;
export const PRODUCTION_STAGES = ['to_be_created', 'to_be_produced', 'produced', 'to_be_activated'] as const;

export type AddressType = (typeof ADDRESS_TYPES)[number];
export type IdentificationType = (typeof IDENTIFICATION_TYPES)[number];
export type Gender = (typeof GENDERS)[number];
export type Prefix = (typeof PREFIXES)[number];
export type Suffix = (typeof SUFFIXES)[number];
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export type CardholderStatus = (typeof CARDHOLDER_STATUSES)[number];
export type CardStatus = (typeof CARD_STATUSES)[number];
export type Encryption = (typeof ENCRYPTIONS)[number];
export type ProductionStage = (typeof PRODUCTION_STAGES)[number];

/**
 * Profiles, business units, card types, ... are "objects" in the document, which never defines
 * their attributes. The simulator keeps them as simple as possible: an id and a display name.
 */
export interface NamedRef {
  id: string;
  name: string;
}

export type Metadata = Record<string, string>;

export interface PersonRecord {
  id: string;
  personNumber: string;
  profile: string | null;
  addressPreference: AddressType;
  identificationType: IdentificationType;
  identificationTypeValue: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  /** Null only for the anonymous persons of an anonymous set. */
  birthDate: string | null;
  gender: Gender;
  prefix: Prefix;
  suffix: Suffix;
  phoneNumber: string | null;
  mobileNumber: string | null;
  status: PersonStatus;
  metadata: Metadata;
  photo: string | null;
  created: string;
}

export interface Address {
  id: string;
  person: string;
  type: AddressType;
  streetAddress: string;
  locality: string;
  region: string;
  postalCode: string;
  country: string;
  metadata: Metadata;
  created: string;
}

export interface CardholderRecord {
  id: string;
  person: string | null;
  profile: NamedRef;
  profileNumber: string;
  loginId: string | null;
  email: string | null;
  businessUnit: NamedRef | null;
  externalCompany: NamedRef | null;
  department: NamedRef | null;
  costAccount: NamedRef | null;
  location: NamedRef | null;
  startDate: string | null;
  endDate: string | null;
  status: CardholderStatus;
  nameOnCard: string | null;
  note: string | null;
  metadata: Metadata;
  created: string;
}

export interface Card {
  id: string;
  /** Null once the cardholder was deleted: cards themselves cannot be deleted. */
  cardholder: string | null;
  cardNumber: string;
  chipserialNumber: string;
  status: CardStatus;
  type: NamedRef;
  encryption: Encryption;
  layout: NamedRef;
  startDate: string | null;
  endDate: string | null;
  pickupNotice: boolean;
  metadata: Metadata;
  created: string;
}

export interface Production {
  id: string;
  person: string | null;
  cardholder: string | null;
  card: string;
  nameOnCard: string | null;
  chipserialNumber: string;
  userName: string | null;
  exported: boolean;
  printedOn: string | null;
  numberOfTries: number;
}

/** Stored form of an anonymous set: `data` is composed from `personIds` when sent. */
export interface AnonymousSetRecord {
  id: string;
  profile: string;
  defaultName: string;
  personIds: string[];
}

export interface Cardholder extends CardholderRecord {
  cards: Card[];
}

export interface Person extends PersonRecord {
  addresses: Address[];
  cardholders: Cardholder[];
}

export interface AnonymousSet {
  id: string;
  profile: string;
  defaultName: string;
  data: Person[];
}
