/** CardExchange simulator: list filters, `q` search and embedding, checked against the store. */
import {
  BUSINESS_UNITS,
  CARD_LAYOUTS,
  CARD_STATUSES,
  CARD_TYPES,
  CARDHOLDER_STATUSES,
  COST_ACCOUNTS,
  DEPARTMENTS,
  demoIds,
  ENCRYPTIONS,
  EXTERNAL_COMPANIES,
  GENDERS,
  IDENTIFICATION_TYPES,
  LOCATIONS,
  PREFIXES,
  PROFILES,
  SUFFIXES,
  type CardExchangeSimulator,
} from '../../../src/vendors/cardexchange/sandbox';
import { clientFor, startSimulator, type TestClient } from './cardexchange.helpers';

let sim: CardExchangeSimulator;
let api: TestClient;

beforeAll(async () => {
  sim = await startSimulator();
  api = clientFor(sim);
});
afterAll(() => sim.close());

/** Fetches every page of a list (100 a page) and checks X-Total-Count against what came back. */
async function all(path: string): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page += 1) {
    const { status, headers, body } = await api.get(`${path}${path.includes('?') ? '&' : '?'}per_page=100&page=${page}`);
    expect(status).toBe(200);
    items.push(...body);
    if (body.length < 100) {
      expect(Number(headers.get('x-total-count'))).toBe(items.length);
      return items;
    }
  }
}

const ids = (items: Array<{ id: string }>) => items.map((item) => item.id).sort();

describe('persons filters', () => {
  const persons = () => sim.store.realPersons();
  test.each([
    ['address_preference', 'addressPreference', ['home', 'business', 'po_box']],
    ['id_type', 'identificationType', IDENTIFICATION_TYPES],
    ['gender', 'gender', GENDERS],
    ['prefix', 'prefix', PREFIXES],
    ['suffix', 'suffix', SUFFIXES],
  ] as const)('%s narrows to exactly the persons with that %s', async (param, field, values) => {
    for (const value of values) {
      const found = await all(`/api/v1/persons?${param}=${value}`);
      const expected = persons().filter((p) => p[field] === value);
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(found)).toEqual(ids(expected));
    }
  });

  test('production_status follows the cards of the person', async () => {
    const toBeProduced = await all('/api/v1/persons?production_status=to_be_produced');
    expect(ids(toBeProduced)).toContain(demoIds.person);
    for (const person of toBeProduced) {
      const cards = person.cardholders.flatMap((c: any) => c.cards);
      expect(cards.some((card: any) => card.status === 'in_production')).toBe(true);
    }
    const toBeCreated = await all('/api/v1/persons?production_status=to_be_created');
    expect(toBeCreated.length).toBeGreaterThan(0);
    toBeCreated.forEach((p) => expect(p.cardholders.flatMap((c: any) => c.cards).some((c: any) => c.status === 'initialized')).toBe(true));
    expect((await all('/api/v1/persons?production_status=to_be_activated')).length).toBeGreaterThan(0);
    expect((await all('/api/v1/persons?production_status=produced')).length).toBeGreaterThan(0);
  });

  test('filters combine', async () => {
    const found = await all('/api/v1/persons?gender=female&address_preference=business');
    expect(ids(found)).toEqual(ids(persons().filter((p) => p.gender === 'female' && p.addressPreference === 'business')));
  });

  test('invalid enum values are a 400 naming every bad parameter', async () => {
    const { status, body } = await api.get('/api/v1/persons?gender=robot&id_type=visa&production_status=done&per_page=500');
    expect(status).toBe(400);
    expect(Object.keys(body.errors).sort()).toEqual(['gender', 'id_type', 'per_page', 'production_status']);
    expect(body.errors.gender[0]).toMatch(/not_specified, female, male, other, decline/);
  });

  test('anonymous persons are retrievable but not listed', async () => {
    const anonymousId = [...sim.store.anonymousPersonIds][0]!;
    expect((await api.get(`/api/v1/persons/${anonymousId}`)).status).toBe(200);
    expect(ids(await all('/api/v1/persons?gender=not_specified'))).not.toContain(anonymousId);
  });
});

describe('q search', () => {
  test('is a case-insensitive substring match over text fields, diacritics included', async () => {
    const someone = sim.store.realPersons().find((p) => /[^\x00-\x7f]/.test(p.lastName))!;
    const term = someone.lastName.toUpperCase();
    const found = await all(`/api/v1/persons?q=${encodeURIComponent(term)}`);
    expect(ids(found)).toContain(someone.id);
    found.forEach((p) =>
      expect(JSON.stringify([p.firstName, p.middleName, p.lastName, p.personNumber, p.metadata]).toUpperCase()).toContain(term),
    );
  });

  test('matches the full name and other text fields', async () => {
    expect(ids(await all('/api/v1/persons?q=sanne%20de%20vries'))).toEqual([demoIds.person]);
    expect(ids(await all('/api/v1/persons?q=E000142'))).toContain(demoIds.person);
    expect(ids(await all('/api/v1/addresses?q=keizersgracht%20123'))).toEqual([demoIds.address]);
    expect(ids(await all('/api/v1/cardholders?q=sanne.devries@'))).toEqual([demoIds.cardholder]);
    expect(ids(await all(`/api/v1/cards?q=${demoIds.cardChipSerialNumber.toLowerCase()}`))).toEqual([demoIds.card]);
    expect(ids(await all('/api/v1/productions?q=0492c3e1'))).toEqual([demoIds.production]);
    expect(ids(await all('/api/v1/anonymous-sets?q=VISITOR'))).toEqual([demoIds.anonymousSet]);
  });

  test('cardholder search covers the names of its profile, department, ...', async () => {
    const found = await all('/api/v1/cardholders?q=rotterdam%20warehouse');
    expect(found.length).toBeGreaterThan(0);
    found.forEach((c) => expect(JSON.stringify(c).toLowerCase()).toContain('rotterdam warehouse'));
  });
});

describe('address, cardholder and card filters', () => {
  test('addresses by person and type', async () => {
    expect(ids(await all(`/api/v1/addresses?person=${demoIds.person}`))).toEqual(ids([{ id: demoIds.address }, { id: demoIds.businessAddress }]));
    expect(ids(await all(`/api/v1/addresses?person=${demoIds.person}&type=business`))).toEqual([demoIds.businessAddress]);
    const poBoxes = await all('/api/v1/addresses?type=po_box');
    expect(poBoxes.length).toBeGreaterThan(0);
    poBoxes.forEach((a) => expect(a.type).toBe('po_box'));
    expect((await api.get('/api/v1/addresses?type=office')).body.errors).toHaveProperty('type');
  });

  test.each([
    ['profile', 'profile', PROFILES],
    ['business_unit', 'businessUnit', BUSINESS_UNITS],
    ['external_company', 'externalCompany', EXTERNAL_COMPANIES],
    ['department', 'department', DEPARTMENTS],
    ['location', 'location', LOCATIONS],
    ['cost_account', 'costAccount', COST_ACCOUNTS],
  ] as const)('cardholders by %s id', async (param, field, catalog) => {
    const entry = catalog[1]!;
    const found = await all(`/api/v1/cardholders?${param}=${entry.id}`);
    const expected = [...sim.store.cardholders.values()].filter((c) => c[field]?.id === entry.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(found)).toEqual(ids(expected));
    found.forEach((c) => expect(c[field]).toEqual(entry));
  });

  test('cardholders by person, status and dates', async () => {
    expect(ids(await all(`/api/v1/cardholders?person=${demoIds.person}`))).toEqual([demoIds.cardholder]);
    for (const status of CARDHOLDER_STATUSES) {
      const found = await all(`/api/v1/cardholders?status=${status}`);
      expect(found.length).toBeGreaterThan(0);
      found.forEach((c) => expect(c.status).toBe(status));
    }
    const after = await all('/api/v1/cardholders?starting_after=2023-01-01');
    expect(after.length).toBeGreaterThan(0);
    after.forEach((c) => expect(Date.parse(c.startDate)).toBeGreaterThan(Date.parse('2023-01-01T00:00:00Z')));
    const before = await all('/api/v1/cardholders?ending_before=2023-06-01T00:00:00Z');
    expect(before.length).toBeGreaterThan(0);
    before.forEach((c) => expect(Date.parse(c.endDate)).toBeLessThan(Date.parse('2023-06-01T00:00:00Z')));
    const { status, body } = await api.get('/api/v1/cardholders?starting_after=yesterday&status=gone');
    expect(status).toBe(400);
    expect(Object.keys(body.errors).sort()).toEqual(['starting_after', 'status']);
  });

  test('cards by every status and encryption', async () => {
    for (const status of CARD_STATUSES) {
      const found = await all(`/api/v1/cards?status=${status}`);
      expect(found.length).toBeGreaterThan(0);
      found.forEach((c) => expect(c.status).toBe(status));
    }
    for (const encryption of ENCRYPTIONS) {
      const found = await all(`/api/v1/cards?encryption=${encryption}`);
      expect(ids(found)).toEqual(ids([...sim.store.cards.values()].filter((c) => c.encryption === encryption)));
    }
    expect((await api.get('/api/v1/cards?encryption=rsa')).body.errors).toHaveProperty('encryption');
  });

  test('cards by cardholder, type, layout and dates', async () => {
    expect(ids(await all(`/api/v1/cards?cardholder=${demoIds.cardholder}`))).toEqual(ids([{ id: demoIds.card }, { id: demoIds.productionCard }]));
    const classic = await all(`/api/v1/cards?type=${CARD_TYPES[0]!.id}`);
    expect(classic.length).toBeGreaterThan(0);
    classic.forEach((c) => expect(c.type).toEqual(CARD_TYPES[0]));
    const visitorLayout = await all(`/api/v1/cards?layout=${CARD_LAYOUTS[2]!.id}`);
    expect(visitorLayout.length).toBeGreaterThan(0);
    visitorLayout.forEach((c) => expect(c.layout.name).toBe('Visitor pass'));
    const window = await all('/api/v1/cards?starting_after=2022-01-01&ending_before=2025-01-01');
    expect(window.length).toBeGreaterThan(0);
    window.forEach((c) => {
      expect(Date.parse(c.startDate)).toBeGreaterThan(Date.parse('2022-01-01'));
      expect(Date.parse(c.endDate)).toBeLessThan(Date.parse('2025-01-01'));
    });
  });

  test('anonymous sets by profile and by their cardholders settings', async () => {
    expect(ids(await all(`/api/v1/anonymous-sets?profile=${PROFILES[2]!.id}`))).toHaveLength(2);
    expect(ids(await all(`/api/v1/anonymous-sets?location=${LOCATIONS[0]!.id}`))).toEqual([demoIds.anonymousSet]);
    expect(await all(`/api/v1/anonymous-sets?external_company=${EXTERNAL_COMPANIES[1]!.id}`)).toHaveLength(1);
    expect(await all(`/api/v1/anonymous-sets?business_unit=${BUSINESS_UNITS[1]!.id}&cost_account=${COST_ACCOUNTS[3]!.id}`)).toHaveLength(1);
    expect(await all(`/api/v1/anonymous-sets?department=${DEPARTMENTS[0]!.id}`)).toHaveLength(0);
  });
});

describe('embedding', () => {
  test('a person embeds its addresses and cardholders, each cardholder its cards', async () => {
    const { body } = await api.get(`/api/v1/persons/${demoIds.person}`);
    expect(Object.keys(body)).toEqual([
      'id', 'personNumber', 'profile', 'addressPreference', 'identificationType', 'identificationTypeValue',
      'firstName', 'middleName', 'lastName', 'birthDate', 'gender', 'prefix', 'suffix', 'phoneNumber',
      'mobileNumber', 'status', 'metadata', 'photo', 'created', 'addresses', 'cardholders',
    ]);
    expect(body.addresses.map((a: any) => a.id)).toEqual([demoIds.address, demoIds.businessAddress]);
    expect(body.cardholders).toHaveLength(1);
    const [cardholder] = body.cardholders;
    expect(cardholder.id).toBe(demoIds.cardholder);
    expect(cardholder.profile).toEqual({ id: PROFILES[0]!.id, name: 'Employee' });
    expect(cardholder.cards.map((c: any) => c.id)).toEqual([demoIds.card, demoIds.productionCard]);
    expect(cardholder.cards[0]).toMatchObject({ cardholder: demoIds.cardholder, chipserialNumber: demoIds.cardChipSerialNumber, status: 'activated', encryption: 'aes' });
    // The embedded objects are the same as the ones retrieved on their own.
    expect((await api.get(`/api/v1/cards/${demoIds.card}`)).body).toEqual(cardholder.cards[0]);
    expect((await api.get(`/api/v1/addresses/${demoIds.address}`)).body).toEqual(body.addresses[0]);
  });

  test('a listed cardholder embeds its cards; a card does not embed anything', async () => {
    const { body } = await api.get(`/api/v1/cardholders/${demoIds.cardholder}`);
    expect(body.cards).toHaveLength(2);
    const card = (await api.get(`/api/v1/cards/${demoIds.card}`)).body;
    expect(Object.keys(card)).toEqual([
      'id', 'cardholder', 'cardNumber', 'chipserialNumber', 'status', 'type', 'encryption', 'layout',
      'startDate', 'endDate', 'pickupNotice', 'metadata', 'created',
    ]);
  });

  test("an anonymous set's data lists person objects with their cardholder and card", async () => {
    const { body } = await api.get(`/api/v1/anonymous-sets/${demoIds.anonymousSet}`);
    expect(body).toMatchObject({ id: demoIds.anonymousSet, profile: PROFILES[2]!.id, defaultName: 'Visitor pass' });
    expect(body.data).toHaveLength(8);
    for (const person of body.data) {
      expect(person.cardholders).toHaveLength(1);
      expect(person.cardholders[0].cards).toHaveLength(1);
      expect(person.cardholders[0].location).toEqual(LOCATIONS[0]);
    }
  });

  test('a production names its person, cardholder and card', async () => {
    const { body } = await api.get(`/api/v1/productions/${demoIds.production}`);
    expect(body).toEqual({
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
  });
});
