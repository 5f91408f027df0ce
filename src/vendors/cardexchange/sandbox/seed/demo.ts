/**
 * One hand-made demo persona with constant ids, the same for every seed and person count, so the
 * README and tests can cite real ids: Sanne de Vries, an employee in Amsterdam with a home and a
 * business address, one cardholder, an active card and a second card in production.
 */
import { BUSINESS_UNITS, CARD_TYPES, COST_ACCOUNTS, DEPARTMENTS, layoutForProfile, LOCATIONS, PROFILES } from '../catalog';
import type { CardExchangeStore } from '../store';
import { portraitPng } from './photo';

export const demoIds = {
  person: '6f9619ff-8b86-4d01-b42d-00cf4fc964ff',
  /** The home address (the persona also has `businessAddress`). */
  address: '3b241101-e2bb-4255-8caf-4136c566a962',
  businessAddress: '8d3e6a52-7c1f-4b2e-9f4a-5e6d7c8b9a01',
  cardholder: 'a8098c1a-f86e-41d3-9b2c-0e02b2c3d479',
  /** An activated card. */
  card: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  cardChipSerialNumber: '04A3F29C1B5D80',
  /** A card in production, and its production record. */
  productionCard: 'c9bf9e57-1685-4c89-bafb-ff5af830be8a',
  production: 'e902893a-9d22-4c7d-a5c3-0f7b7d4e8b2c',
  /** An anonymous set of visitor passes. */
  anonymousSet: '0e5f3a8c-6d1b-4f7e-8a2d-9c4b6e1f3a57',
} as const;

export function addDemoPersona(store: CardExchangeStore): void {
  const employee = PROFILES[0]!;
  const created = '2021-01-04T09:12:44.000Z';
  store.addPerson({
    id: demoIds.person,
    personNumber: store.nextPersonNumber(),
    profile: employee.id,
    addressPreference: 'home',
    identificationType: 'passport',
    identificationTypeValue: 'NXC4R81P2',
    firstName: 'Sanne',
    middleName: null,
    lastName: 'de Vries',
    birthDate: '1988-04-12',
    gender: 'female',
    prefix: 'ms',
    suffix: 'none',
    phoneNumber: '+31 20 555 0142',
    mobileNumber: '+31 6 5550 1234',
    status: 'activated',
    metadata: { employeeId: 'E000142' },
    photo: portraitPng(0),
    created,
  });
  for (const [id, type, streetAddress, postalCode] of [
    [demoIds.address, 'home', 'Keizersgracht 123', '1015 CJ'],
    [demoIds.businessAddress, 'business', 'Stationsplein 45', '1012 AB'],
  ] as const) {
    store.addAddress({
      id,
      person: demoIds.person,
      type,
      streetAddress,
      locality: 'Amsterdam',
      region: 'Noord-Holland',
      postalCode,
      country: 'Netherlands',
      metadata: {},
      created,
    });
  }
  store.addCardholder({
    id: demoIds.cardholder,
    person: demoIds.person,
    profile: employee,
    profileNumber: store.nextProfileNumber(),
    loginId: 'sanne.devries',
    email: 'sanne.devries@keyway-demo.example',
    businessUnit: BUSINESS_UNITS[0]!,
    externalCompany: null,
    department: DEPARTMENTS[2]!,
    costAccount: COST_ACCOUNTS[2]!,
    location: LOCATIONS[0]!,
    startDate: '2021-02-01T00:00:00.000Z',
    endDate: null,
    status: 'activated',
    nameOnCard: 'Sanne de Vries',
    note: null,
    metadata: {},
    created,
  });
  const cards = [
    [demoIds.card, demoIds.cardChipSerialNumber, 'activated', CARD_TYPES[2]!, '2021-01-05T10:30:00.000Z'],
    [demoIds.productionCard, '0492C3E1A4B7F6', 'in_production', CARD_TYPES[3]!, '2024-09-16T08:05:00.000Z'],
  ] as const;
  for (const [id, chipserialNumber, status, type, cardCreated] of cards) {
    store.addCard({
      id,
      cardholder: demoIds.cardholder,
      cardNumber: store.nextCardNumber(),
      chipserialNumber,
      status,
      type,
      encryption: 'aes',
      layout: layoutForProfile(employee),
      startDate: '2021-02-01T00:00:00.000Z',
      endDate: '2026-01-31T23:59:59.000Z',
      pickupNotice: false,
      metadata: {},
      created: cardCreated,
    });
  }
  store.addProduction({
    id: demoIds.production,
    person: demoIds.person,
    cardholder: demoIds.cardholder,
    card: demoIds.productionCard,
    nameOnCard: 'Sanne de Vries',
    chipserialNumber: '0492C3E1A4B7F6',
    userName: 'm.jansen',
    exported: false,
    printedOn: null,
    numberOfTries: 0,
  });
}
