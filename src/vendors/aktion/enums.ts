/**
 * Aktion's numeric codes, named by their GraphQL enum values. This is the one place where Aktion's
 * numbers meet GraphQL enums: graphql-tools uses these objects as the enums' internal values
 * (src/resolvers/aktionEnums.ts), so resolvers and vendor calls see 2 while clients see MIFARE.
 * A number Aktion sends that is not listed here fails that one field, with an error naming it.
 *
 * Plain `as const` objects, not TypeScript numeric enums: a numeric enum also maps numbers back
 * to names, and graphql-tools would take those reverse entries for enum values that do not exist.
 * Each object has a type of the same name: the union of its numbers.
 */

/** Technology (documented: 0 UNIQUE (H4102); 1 High Security (HS); 2 MIFARE (MF); 3 ABA Track; 4 HID; 5 Desfire). */
export const AktionTechnology = {
  UNIQUE: 0,
  HIGH_SECURITY: 1,
  MIFARE: 2,
  ABA_TRACK: 3,
  HID: 4,
  DESFIRE: 5,
} as const;
export type AktionTechnology = (typeof AktionTechnology)[keyof typeof AktionTechnology];

/** Type (documented: 0 Card; 1 Tag; 2 Bracelet; 3 Visiting card; 4 EntryCode; 5 Article is not supported by the WebAPI). */
export const AktionIdentifierType = {
  CARD: 0,
  TAG: 1,
  BRACELET: 2,
  VISITING_CARD: 3,
  ENTRY_CODE: 4,
} as const;
export type AktionIdentifierType = (typeof AktionIdentifierType)[keyof typeof AktionIdentifierType];

/**
 * Status (documented: 0 free; 1 assigned; 2 lost; 4 configuration). The WebAPI may only set 0
 * and 2 (see SETTABLE_STATUSES); 1 and 4 are set by other parts of Aktion and can be read.
 */
export const AktionIdentifierStatus = {
  FREE: 0,
  ASSIGNED: 1,
  LOST: 2,
  CONFIGURATION: 4,
} as const;
export type AktionIdentifierStatus = (typeof AktionIdentifierStatus)[keyof typeof AktionIdentifierStatus];

/** The statuses create and update may send ("Matching regular expression pattern: [0,2]"). */
export const SETTABLE_STATUSES: ReadonlySet<number> = new Set([AktionIdentifierStatus.FREE, AktionIdentifierStatus.LOST]);

/** The GraphQL name of a status number, for messages. */
export function statusName(status: number): string {
  const entry = Object.entries(AktionIdentifierStatus).find(([, value]) => value === status);
  return entry ? entry[0] : String(status);
}
