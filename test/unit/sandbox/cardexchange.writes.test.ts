/** CardExchange simulator: creates, updates and deletes, their validation errors and side effects. */
import {
  BUSINESS_UNITS,
  demoIds,
  DEPARTMENTS,
  LOCATIONS,
  PROFILES,
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

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VALIDATION = { title: 'One or more validation errors occurred.', status: 400, detail: expect.any(String) };

async function newPerson(fields: Record<string, unknown> = {}): Promise<any> {
  const { status, body } = await api.post('/api/v1/persons', { firstName: 'Ada', lastName: 'Lovelace', birthDate: '1815-12-10', ...fields });
  expect(status).toBe(201);
  return body;
}

async function newCardholder(person: string): Promise<any> {
  const { status, body } = await api.post('/api/v1/cardholders', { person, profile: PROFILES[0]!.id });
  expect(status).toBe(201);
  return body;
}

describe('persons', () => {
  test('create applies defaults, generates id, number and created, and is stored', async () => {
    const before = Date.now();
    const { status, headers, body } = await api.post('/api/v1/persons', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      birthDate: '1815-12-10',
      gender: 'female',
      prefix: 'dr',
      metadata: { source: 'unit-test' },
      photo: 'iVBORw0KGgo=',
    });
    expect(status).toBe(201);
    expect(headers.get('location')).toBe(`/api/v1/persons/${body.id}`);
    expect(body).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      birthDate: '1815-12-10',
      gender: 'female',
      prefix: 'dr',
      suffix: 'none',
      addressPreference: 'home',
      identificationType: 'none',
      status: 'none',
      metadata: { source: 'unit-test' },
      photo: 'iVBORw0KGgo=',
      addresses: [],
      cardholders: [],
    });
    expect(body.id).toMatch(GUID);
    expect(body.personNumber).toMatch(/^P\d{6}$/);
    expect(Date.parse(body.created)).toBeGreaterThanOrEqual(before - 1000);
    expect(sim.store.persons.get(body.id)?.lastName).toBe('Lovelace');
    expect((await api.get(`/api/v1/persons/${body.id}`)).body).toEqual(body);
  });

  test('create without required fields lists each under its field name', async () => {
    const { status, body } = await api.post('/api/v1/persons', { middleName: 'Byron' });
    expect(status).toBe(400);
    expect(body).toEqual({
      ...VALIDATION,
      errors: {
        firstName: ['The firstName field is required.'],
        lastName: ['The lastName field is required.'],
        birthDate: ['The birthDate field is required.'],
      },
    });
  });

  test('enums, dates, types, metadata and photo are validated', async () => {
    const { status, body } = await api.post('/api/v1/persons', {
      firstName: 42,
      lastName: 'Lovelace',
      birthDate: '1815-02-30',
      gender: 'robot',
      identificationType: 'visa',
      prefix: 'sir',
      suffix: 'esq',
      addressPreference: 'castle',
      status: 'asleep',
      metadata: { nested: { a: 1 } },
      photo: 'not base64!',
      profile: '00000000-0000-4000-8000-000000000000',
    });
    expect(status).toBe(400);
    expect(Object.keys(body.errors).sort()).toEqual(
      ['addressPreference', 'birthDate', 'firstName', 'gender', 'identificationType', 'metadata', 'photo', 'prefix', 'profile', 'status', 'suffix'].sort(),
    );
    expect(body.errors.firstName).toEqual(['The firstName field must be a string.']);
    expect(body.errors.gender[0]).toMatch(/'robot' is not a valid gender/);
  });

  test('update requires firstName, lastName and birthDate and changes only the fields sent', async () => {
    const person = await newPerson({ phoneNumber: '+44 20 7946 0000', metadata: { a: 'b' } });
    const missing = await api.post(`/api/v1/persons/${person.id}`, { gender: 'female' });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors).sort()).toEqual(['birthDate', 'firstName', 'lastName']);

    const { status, body } = await api.post(`/api/v1/persons/${person.id}`, {
      firstName: 'Augusta Ada',
      lastName: 'King',
      birthDate: '1815-12-10',
      suffix: 'iii',
      mobileNumber: null,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ firstName: 'Augusta Ada', lastName: 'King', suffix: 'iii', phoneNumber: '+44 20 7946 0000', metadata: { a: 'b' }, mobileNumber: null });
    expect(body.created).toBe(person.created);
    expect(body.personNumber).toBe(person.personNumber);
  });

  test('delete removes the person with its addresses and cardholders; their cards stay, detached', async () => {
    const person = await newPerson();
    const address = (await api.post('/api/v1/addresses', { person: person.id, type: 'home', streetAddress: '1 St James Sq', locality: 'London', region: 'Greater London', postalCode: 'SW1Y 4JU', country: 'United Kingdom' })).body;
    const cardholder = await newCardholder(person.id);
    const card = (await api.post('/api/v1/cards', { cardholder: cardholder.id })).body;

    expect((await api.del(`/api/v1/persons/${person.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/persons/${person.id}`)).status).toBe(404);
    expect((await api.get(`/api/v1/addresses/${address.id}`)).status).toBe(404);
    expect((await api.get(`/api/v1/cardholders/${cardholder.id}`)).status).toBe(404);
    expect((await api.get(`/api/v1/cards/${card.id}`)).body.cardholder).toBeNull();
    expect((await api.del(`/api/v1/persons/${person.id}`)).status).toBe(404);
  });
});

describe('addresses', () => {
  test('create requires every documented field and an existing person', async () => {
    const { status, body } = await api.post('/api/v1/addresses', { person: '00000000-0000-4000-8000-000000000000', type: 'castle', locality: '' });
    expect(status).toBe(400);
    expect(body.errors).toEqual({
      person: ["No person with id '00000000-0000-4000-8000-000000000000' exists."],
      type: [expect.stringMatching(/'castle' is not a valid type/)],
      streetAddress: ['The streetAddress field is required.'],
      locality: ['The locality field is required.'],
      region: ['The region field is required.'],
      postalCode: ['The postalCode field is required.'],
      country: ['The country field is required.'],
    });
  });

  test('create, embed in the person, update, delete', async () => {
    const person = await newPerson();
    const created = await api.post('/api/v1/addresses', {
      person: person.id.toUpperCase(),
      type: 'po_box',
      streetAddress: 'PO Box 42',
      locality: 'Cardiff',
      region: 'Wales',
      postalCode: 'CF10 1AA',
      country: 'United Kingdom',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ person: person.id, type: 'po_box', metadata: {} });
    expect((await api.get(`/api/v1/persons/${person.id}`)).body.addresses).toEqual([created.body]);

    const blank = await api.post(`/api/v1/addresses/${created.body.id}`, { locality: '  ' });
    expect(blank.body.errors).toEqual({ locality: ['The locality field is required.'] });
    const updated = await api.post(`/api/v1/addresses/${created.body.id}`, { type: 'business', metadata: { floor: '3' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ ...created.body, type: 'business', metadata: { floor: '3' } });

    // Moving the address to another person.
    const other = await newPerson();
    await api.post(`/api/v1/addresses/${created.body.id}`, { person: other.id });
    expect((await api.get(`/api/v1/persons/${person.id}`)).body.addresses).toEqual([]);
    expect((await api.get(`/api/v1/persons/${other.id}`)).body.addresses).toHaveLength(1);

    expect((await api.del(`/api/v1/addresses/${created.body.id}`)).status).toBe(204);
    expect((await api.del(`/api/v1/addresses/${created.body.id}`)).status).toBe(404);
  });

  test('metadata must map strings to strings', async () => {
    for (const metadata of [['a'], 'text', { n: 1 }, { ok: 'yes', bad: null }]) {
      const { status, body } = await api.post(`/api/v1/addresses/${demoIds.address}`, { metadata });
      expect(status).toBe(400);
      expect(Object.keys(body.errors)).toEqual(['metadata']);
    }
  });
});

describe('cardholders', () => {
  test('create requires a profile, resolves catalog ids into objects and validates references', async () => {
    const missing = await api.post('/api/v1/cardholders', { person: demoIds.person });
    expect(missing.body.errors).toEqual({ profile: ['The profile field is required.'] });

    const bad = await api.post('/api/v1/cardholders', {
      person: '00000000-0000-4000-8000-000000000000',
      profile: PROFILES[0]!.id,
      department: 'nope',
      status: 'sleeping',
      startDate: 'tomorrow',
      email: 'not-an-email',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['department', 'email', 'person', 'startDate', 'status']);

    const person = await newPerson();
    const { status, body } = await api.post('/api/v1/cardholders', {
      person: person.id,
      profile: PROFILES[1]!.id,
      businessUnit: BUSINESS_UNITS[0]!.id,
      department: DEPARTMENTS[2]!.id,
      startDate: '2025-01-01',
      endDate: '2025-06-30T17:00:00+02:00',
      email: 'ada@example.org',
      password: 'secret',
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      person: person.id,
      profile: PROFILES[1],
      businessUnit: BUSINESS_UNITS[0],
      department: DEPARTMENTS[2],
      externalCompany: null,
      startDate: '2025-01-01T00:00:00.000Z',
      endDate: '2025-06-30T15:00:00.000Z',
      status: 'activated',
      nameOnCard: 'Ada Lovelace',
      email: 'ada@example.org',
      cards: [],
    });
    expect(body).not.toHaveProperty('password');
    expect(body.profileNumber).toMatch(/^CH\d{6}$/);
  });

  test('update requires profile, checks email and the date order, and clears with null', async () => {
    const cardholder = await newCardholder((await newPerson()).id);
    const noProfile = await api.post(`/api/v1/cardholders/${cardholder.id}`, { note: 'x' });
    expect(noProfile.body.errors).toEqual({ profile: ['The profile field is required.'] });

    const badEmail = await api.post(`/api/v1/cardholders/${cardholder.id}`, { profile: PROFILES[0]!.id, email: 'ada@' });
    expect(badEmail.body.errors).toEqual({ email: ['The email field is not a valid e-mail address.'] });

    await api.post(`/api/v1/cardholders/${cardholder.id}`, { profile: PROFILES[0]!.id, startDate: '2025-03-01T00:00:00Z' });
    const reversed = await api.post(`/api/v1/cardholders/${cardholder.id}`, { profile: PROFILES[0]!.id, endDate: '2025-02-01T00:00:00Z' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual({ endDate: ['The endDate must not be earlier than the startDate.'] });

    const ok = await api.post(`/api/v1/cardholders/${cardholder.id}`, {
      profile: PROFILES[4]!.id,
      status: 'blocked',
      location: LOCATIONS[5]!.id,
      endDate: '2025-12-31T23:59:59Z',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ profile: PROFILES[4], status: 'blocked', location: LOCATIONS[5], startDate: '2025-03-01T00:00:00.000Z', endDate: '2025-12-31T23:59:59.000Z' });

    const cleared = await api.post(`/api/v1/cardholders/${cardholder.id}`, { profile: PROFILES[4]!.id, location: null });
    expect(cleared.body.location).toBeNull();
  });

  test('delete: 204, then 404; its cards stay and lose the cardholder', async () => {
    const cardholder = await newCardholder((await newPerson()).id);
    const card = (await api.post('/api/v1/cards', { cardholder: cardholder.id })).body;
    expect((await api.del(`/api/v1/cardholders/${cardholder.id}`)).status).toBe(204);
    expect((await api.del(`/api/v1/cardholders/${cardholder.id}`)).status).toBe(404);
    expect(sim.store.cards.get(card.id)?.cardholder).toBeNull();
  });
});

describe('cards and productions', () => {
  test('card create needs an existing cardholder and starts initialized with generated numbers', async () => {
    expect((await api.post('/api/v1/cards', {})).body.errors).toEqual({ cardholder: ['The cardholder field is required.'] });
    const unknown = await api.post('/api/v1/cards', { cardholder: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.body.errors).toEqual({ cardholder: ["No cardholder with id '00000000-0000-4000-8000-000000000000' exists."] });

    const { status, body } = await api.post('/api/v1/cards', { cardholder: demoIds.cardholder, metadata: { batch: 'unit' } });
    expect(status).toBe(201);
    expect(body).toMatchObject({ cardholder: demoIds.cardholder, status: 'initialized', encryption: 'aes', pickupNotice: false, metadata: { batch: 'unit' } });
    expect(body.chipserialNumber).toMatch(/^[0-9A-F]{14}$/);
    expect(body.cardNumber).toMatch(/^\d+$/);
    expect(body.type).toEqual({ id: expect.any(String), name: expect.any(String) });
    expect((await api.get(`/api/v1/cardholders/${demoIds.cardholder}`)).body.cards.map((c: any) => c.id)).toContain(body.id);
  });

  test('card update validates status and metadata', async () => {
    const { status, body } = await api.post(`/api/v1/cards/${demoIds.card}`, { status: 'lost', metadata: 5 });
    expect(status).toBe(400);
    expect(Object.keys(body.errors).sort()).toEqual(['metadata', 'status']);
    expect((await api.post('/api/v1/cards/00000000-0000-4000-8000-000000000000', { status: 'blocked' })).status).toBe(404);
  });

  test('entering in_production creates a production; leaving it deletes the production', async () => {
    const card = (await api.post('/api/v1/cards', { cardholder: demoIds.cardholder })).body;
    const find = async () => (await api.get(`/api/v1/productions?q=${card.chipserialNumber}`)).body;
    expect(await find()).toEqual([]);

    const inProduction = await api.post(`/api/v1/cards/${card.id}`, { status: 'in_production' });
    expect(inProduction.body.status).toBe('in_production');
    const [production] = await find();
    expect(production).toMatchObject({
      person: demoIds.person,
      cardholder: demoIds.cardholder,
      card: card.id,
      nameOnCard: 'Sanne de Vries',
      chipserialNumber: card.chipserialNumber,
      exported: false,
      printedOn: null,
    });
    // Setting the same status again keeps the same production.
    await api.post(`/api/v1/cards/${card.id}`, { status: 'in_production', metadata: { note: 'again' } });
    expect((await find()).map((p: any) => p.id)).toEqual([production.id]);

    const updated = await api.post(`/api/v1/productions/${production.id}`, {
      printedOn: '2025-02-03T10:00:00Z',
      numberOfTries: 2,
      userName: 'print-station-02',
      nameOnCard: 'S. de Vries',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ printedOn: '2025-02-03T10:00:00.000Z', numberOfTries: 2, userName: 'print-station-02', nameOnCard: 'S. de Vries' });

    await api.post(`/api/v1/cards/${card.id}`, { status: 'personalized' });
    expect(await find()).toEqual([]);
    expect((await api.get(`/api/v1/productions/${production.id}`)).status).toBe(404);
  });

  test('production update validation and chip serial number', async () => {
    const bad = await api.post(`/api/v1/productions/${demoIds.production}`, { numberOfTries: 0, printedOn: 'soon', chipserialNumber: 'XYZ' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['chipserialNumber', 'numberOfTries', 'printedOn']);
    expect((await api.post(`/api/v1/productions/${demoIds.production}`, { numberOfTries: 1.5 })).body.errors).toHaveProperty('numberOfTries');
    const taken = await api.post(`/api/v1/productions/${demoIds.production}`, { chipserialNumber: demoIds.cardChipSerialNumber });
    expect(taken.body.errors.chipserialNumber[0]).toMatch(/already used/);

    const ok = await api.post(`/api/v1/productions/${demoIds.production}`, { chipserialNumber: '04aabbccddeeff' });
    expect(ok.body.chipserialNumber).toBe('04AABBCCDDEEFF');
    // The chip read during production is the card's chip.
    expect((await api.get(`/api/v1/cards/${demoIds.productionCard}`)).body.chipserialNumber).toBe('04AABBCCDDEEFF');
  });

  test('moving a cardholder to another person updates its productions', async () => {
    const person = await newPerson();
    const cardholder = await newCardholder(person.id);
    const card = (await api.post('/api/v1/cards', { cardholder: cardholder.id })).body;
    await api.post(`/api/v1/cards/${card.id}`, { status: 'in_production' });
    const other = await newPerson();
    await api.post(`/api/v1/cardholders/${cardholder.id}`, { profile: PROFILES[0]!.id, person: other.id });
    const [production] = (await api.get(`/api/v1/productions?q=${card.chipserialNumber}`)).body;
    expect(production.person).toBe(other.id);
  });
});

describe('anonymous sets', () => {
  test('create validates profile, defaultName and quantity', async () => {
    const { status, body } = await api.post('/api/v1/anonymous-sets', { quantity: 0, department: 'x' });
    expect(status).toBe(400);
    expect(body.errors).toEqual({
      profile: ['The profile field is required.'],
      defaultName: ['The defaultName field is required.'],
      quantity: [expect.stringMatching(/integer between 1 and/)],
      department: ["No department with id 'x' exists."],
    });
  });

  test('create makes quantity anonymous persons with a cardholder and a card each; update adds more', async () => {
    const listedBefore = (await api.get('/api/v1/persons')).headers.get('x-total-count');
    const created = await api.post('/api/v1/anonymous-sets', {
      profile: PROFILES[2]!.id,
      defaultName: 'Guest',
      quantity: 3,
      department: DEPARTMENTS[7]!.id,
      jobTitle: 'Guest',
      note: 'Lobby',
    });
    expect(created.status).toBe(201);
    const set = created.body;
    expect(set).toMatchObject({ id: expect.stringMatching(GUID), profile: PROFILES[2]!.id, defaultName: 'Guest' });
    expect(set.data).toHaveLength(3);
    expect(set.data.map((p: any) => p.lastName)).toEqual(['001', '002', '003']);
    for (const person of set.data) {
      const [cardholder] = person.cardholders;
      expect(cardholder).toMatchObject({ profile: PROFILES[2], department: DEPARTMENTS[7], note: 'Lobby', status: 'unlinked' });
      expect(cardholder.cards).toHaveLength(1);
      expect(cardholder.cards[0].status).toBe('unlinked');
    }
    // Anonymous persons are not real persons: the persons list does not grow.
    expect((await api.get('/api/v1/persons')).headers.get('x-total-count')).toBe(listedBefore);

    const noQuantity = await api.post(`/api/v1/anonymous-sets/${set.id}`, {});
    expect(noQuantity.body.errors).toEqual({ quantity: ['The quantity field is required.'] });
    const added = await api.post(`/api/v1/anonymous-sets/${set.id}`, { quantity: 2, location: LOCATIONS[4]!.id });
    expect(added.status).toBe(200);
    expect(added.body.data).toHaveLength(5);
    expect(added.body.data[4].cardholders[0].location).toEqual(LOCATIONS[4]);
    expect((await api.get(`/api/v1/anonymous-sets?location=${LOCATIONS[4]!.id}`)).body.map((s: any) => s.id)).toEqual([set.id]);
    expect((await api.post('/api/v1/anonymous-sets/00000000-0000-4000-8000-000000000000', { quantity: 1 })).status).toBe(404);
  });
});
