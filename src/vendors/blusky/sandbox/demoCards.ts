/**
 * Cards the simulator starts with: unassigned cards a client can hand out by
 * CardId, and the cards some demo users already hold (one of them removed, to
 * show `Deleted: true` in listings). Ids are fixed GUIDs for the README.
 */
export interface DemoCard {
  id: string;
  cardType: number;
  acSystemId: string;
  internalCardNumber: number;
  externalCardNumber: string;
  facilityCode: number;
  cardSerialNumber: number | null;
  issueCode: number | null;
}

export interface DemoUserCard {
  /** Primary key of the UserCard entry (what AddUserCard returns as Value). */
  id: string;
  userId: string;
  cardId: string;
  pin: string | null;
  deleted: boolean;
}

const HQ = '904b8d76-4cef-4d29-8d9e-181c246a98cd';
const DC = '74a9e147-b20a-436f-85b6-b348c30d3c99';
const ANNEX = '0b70df4d-55f2-44eb-84d2-4b0ba60d2834';

function card(
  id: string,
  cardType: number,
  acSystemId: string,
  facilityCode: number,
  internalCardNumber: number,
  extra: Partial<Pick<DemoCard, 'cardSerialNumber' | 'issueCode'>> = {},
): DemoCard {
  return {
    id,
    cardType,
    acSystemId,
    internalCardNumber,
    externalCardNumber: String(internalCardNumber).padStart(6, '0'),
    facilityCode,
    cardSerialNumber: extra.cardSerialNumber ?? null,
    issueCode: extra.issueCode ?? null,
  };
}

/** Unassigned cards: AddUserCard with one of these CardIds succeeds (once). */
export const demoCards: readonly DemoCard[] = [
  card('9e7b83b2-0076-412c-943c-5e23f3d8ce0d', 1, HQ, 112, 40_101),
  card('19e01499-f28f-4227-a4f2-83a6cc5c5d7c', 1, HQ, 112, 40_102),
  card('7b433b2f-af82-473f-835a-4928730adecb', 2, HQ, 1_024, 700_315),
  card('6a778d90-a6f6-42f2-82b9-2699f3a0c8aa', 2, DC, 2_048, 512_007),
  card('aef25f3b-7751-472d-a80b-9cda71341e49', 3, ANNEX, 17, 9_003_114, { issueCode: 1 }),
  card('3746008c-c539-48fa-84e8-d1ed3f62b75a', 4, HQ, 300, 2_863_311_530, { cardSerialNumber: 61_797_473_862_144 }),
];

/** Cards demo users already hold, and the UserCard entries linking them. */
export const demoAssignedCards: readonly DemoCard[] = [
  card('72019809-9e22-4b0f-a67d-85e3fd38073c', 1, HQ, 112, 30_001),
  card('6c29970b-e46d-4ed0-b88d-ac0b34d92d71', 1, HQ, 112, 30_002),
  card('ba6f7e32-4cba-4017-9270-5084530ab1e7', 2, DC, 2_048, 512_001),
  card('1e6ea000-0a8c-4de6-9f61-6eeb0b56ff69', 4, HQ, 300, 1_431_655_765, { cardSerialNumber: 4_521_260_802_379_776 }),
  card('e19da599-8d7f-4464-aa00-345f7ce52f06', 1, HQ, 112, 29_950),
];

export const demoUserCards: readonly DemoUserCard[] = [
  // Amara Okafor: one HQ card with a PIN.
  { id: 'a94d613f-04f3-4dcd-ae1c-ca589ed0d2aa', userId: 'd246fd51-4462-4067-ad14-d393ec225aba', cardId: '72019809-9e22-4b0f-a67d-85e3fd38073c', pin: '4821', deleted: false },
  // Erik Lindqvist: an HQ card and a distribution-center card.
  { id: '1375733a-10df-455f-b017-2b87708ae37b', userId: '5a74740a-b85c-4ec8-ba4b-12a652011924', cardId: '6c29970b-e46d-4ed0-b88d-ac0b34d92d71', pin: null, deleted: false },
  { id: 'fa9f24dd-0eec-40f2-ae02-a35d05125cfc', userId: '5a74740a-b85c-4ec8-ba4b-12a652011924', cardId: 'ba6f7e32-4cba-4017-9270-5084530ab1e7', pin: '907731', deleted: false },
  // Yuki Nakamura: a smart card, and an old card that was removed.
  { id: '28615470-41d8-4f5f-8d73-6be2d2228b2b', userId: '14ba8e40-cd05-4711-ac7d-f510c3a1949d', cardId: '1e6ea000-0a8c-4de6-9f61-6eeb0b56ff69', pin: '5150', deleted: false },
  { id: 'b577c981-f3d4-4123-8086-338957e997d6', userId: '14ba8e40-cd05-4711-ac7d-f510c3a1949d', cardId: 'e19da599-8d7f-4464-aa00-345f7ce52f06', pin: null, deleted: true },
];
