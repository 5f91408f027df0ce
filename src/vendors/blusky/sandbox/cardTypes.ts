/**
 * Card types (what /Card/GetAllCardTypes would list). The help page says
 * CardSerialNumber, FacilityCode and IssueCode are required "if CardType
 * supports it"; each type here says which it supports and the ranges its
 * encoding allows, so the conditional rules can be exercised.
 */
export interface CardType {
  id: number;
  name: string;
  maxFacilityCode: number;
  maxInternalCardNumber: number;
  requiresCardSerialNumber: boolean;
  requiresIssueCode: boolean;
}

export const demoCardTypes: readonly CardType[] = [
  {
    id: 1,
    name: 'Standard 26-bit Wiegand (H10301)',
    maxFacilityCode: 255,
    maxInternalCardNumber: 65_535,
    requiresCardSerialNumber: false,
    requiresIssueCode: false,
  },
  {
    id: 2,
    name: 'HID Corporate 1000 (35-bit)',
    maxFacilityCode: 4_095,
    maxInternalCardNumber: 1_048_575,
    requiresCardSerialNumber: false,
    requiresIssueCode: false,
  },
  {
    id: 3,
    name: 'Casi-Rusco 40-bit with issue code',
    maxFacilityCode: 255,
    maxInternalCardNumber: 16_777_215,
    requiresCardSerialNumber: false,
    requiresIssueCode: true,
  },
  {
    id: 4,
    name: 'MIFARE DESFire EV2 smart card',
    maxFacilityCode: 65_535,
    maxInternalCardNumber: 4_294_967_295,
    requiresCardSerialNumber: true,
    requiresIssueCode: false,
  },
];
