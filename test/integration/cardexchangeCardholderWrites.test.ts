/**
 * CardExchange writes of cardholders and cards over real HTTP, against the simulator: payloads,
 * userErrors, what the simulator received, and what the same and later requests read back.
 */
import { BUSINESS_UNITS, DEPARTMENTS, LOCATIONS, PROFILES } from '../../src/vendors/cardexchange/sandbox';
import { cxCalls, cxWriteBodies, mutate, UNKNOWN_ID } from '../helpers/cardexchangeWrites';
import { useTestGateway, type TestGateway } from '../helpers/testGateway';

let gw: TestGateway;
useTestGateway((started) => (gw = started));
const cx = () => gw.sandbox.cardexchange;

const EMPLOYEE = PROFILES[0]!.id;

async function fresh(name: 'createPerson' | 'createCardholder' | 'createCard', input: Record<string, unknown>, objectField: string): Promise<string> {
  const { payload } = await mutate(gw, name, input);
  expect(payload.userErrors).toEqual([]);
  cx().server.resetRequests();
  return payload[objectField].id as string;
}

const newPerson = () => fresh('createPerson', { firstName: 'Grace', lastName: 'Hopper', birthDate: '1906-12-09' }, 'person');
const newCardholder = async (extra: Record<string, unknown> = {}) =>
  fresh('createCardholder', { personId: await newPerson(), profileId: EMPLOYEE, ...extra }, 'cardholder');
const newCard = async (cardholderId?: string) => fresh('createCard', { cardholderId: cardholderId ?? (await newCardholder()) }, 'card');

describe('createCardholder', () => {
  it('creates the cardholder, sends the password to CardExchange only, and the owner read in the same request lists it', async () => {
    const personId = await newPerson();
    const { body } = await gw.query(
      `mutation($touch: UpdatePersonInput!, $input: CreateCardholderInput!) {
        touch: updatePerson(input: $touch) { person { cardholders { id } } }
        createCardholder(input: $input) {
          cardholder { id personId status email note startDate endDate nameOnCard metadata
            profile { id name } businessUnit { id name } department { name } person { cardholders { id } } }
          userErrors { code }
        }
      }`,
      {
        touch: { id: personId, firstName: 'Grace', lastName: 'Hopper', birthDate: '1906-12-09' },
        input: {
          personId,
          profileId: PROFILES[1]!.id,
          businessUnitId: BUSINESS_UNITS[0]!.id,
          departmentId: DEPARTMENTS[2]!.id,
          email: 'grace@example.org',
          password: 'S3cret-pass!',
          status: 'BLOCKED',
          startDate: '2025-01-01T00:00:00+01:00',
          endDate: '2025-12-31T23:59:59Z',
          note: 'night shift',
          metadata: { badge: 'B-7' },
        },
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.touch.person.cardholders).toEqual([]);
    const cardholder = body.data!.createCardholder.cardholder;
    expect(cardholder).toMatchObject({
      personId,
      status: 'BLOCKED',
      email: 'grace@example.org',
      note: 'night shift',
      startDate: '2024-12-31T23:00:00.000Z',
      endDate: '2025-12-31T23:59:59.000Z',
      nameOnCard: 'Grace Hopper',
      metadata: { badge: 'B-7' },
      profile: { id: PROFILES[1]!.id, name: 'Contractor' },
      businessUnit: { id: BUSINESS_UNITS[0]!.id, name: BUSINESS_UNITS[0]!.name },
      department: { name: DEPARTMENTS[2]!.name },
    });
    expect(cardholder.person.cardholders).toEqual([{ id: cardholder.id }]);
    expect(cxWriteBodies(gw)[1]).toEqual({
      person: personId,
      profile: PROFILES[1]!.id,
      businessUnit: BUSINESS_UNITS[0]!.id,
      department: DEPARTMENTS[2]!.id,
      email: 'grace@example.org',
      password: 'S3cret-pass!',
      status: 'blocked',
      startDate: '2024-12-31T23:00:00.000Z',
      endDate: '2025-12-31T23:59:59.000Z',
      note: 'night shift',
      metadata: { badge: 'B-7' },
    });
    expect(gw.logs.join('')).not.toContain('S3cret-pass!');

    const later = await gw.query(`query($id: ID!) { cardholder(id: $id) { status department { id } person { id } } }`, { id: cardholder.id });
    expect(later.body.data!.cardholder).toEqual({ status: 'BLOCKED', department: { id: DEPARTMENTS[2]!.id }, person: { id: personId } });
  });

  it('creates a cardholder without a person', async () => {
    const { payload } = await mutate(gw, 'createCardholder', { profileId: PROFILES[2]!.id });
    expect(payload.userErrors).toEqual([]);
    expect(payload.cardholder).toMatchObject({ personId: null, status: 'ACTIVATED', profile: { name: 'Visitor' } });
    expect(cxWriteBodies(gw)).toEqual([{ profile: PROFILES[2]!.id }]);
  });

  it.each<[string, Record<string, unknown>, { field: string[]; code: string }]>([
    ['a profileId that is not a GUID', { profileId: 'Employee' }, { field: ['input', 'profileId'], code: 'INVALID_FORMAT' }],
    ['a personId that is not a GUID', { personId: '12' }, { field: ['input', 'personId'], code: 'INVALID_FORMAT' }],
    ['a departmentId that is not a GUID', { departmentId: 'IT' }, { field: ['input', 'departmentId'], code: 'INVALID_FORMAT' }],
    ['an e-mail address without a domain', { email: 'grace@' }, { field: ['input', 'email'], code: 'INVALID_FORMAT' }],
    ['an endDate before the startDate', { startDate: '2025-06-01T00:00:00Z', endDate: '2025-05-31T23:59:59Z' }, { field: ['input', 'endDate'], code: 'INVALID_VALUE' }],
    ['metadata with a null value', { metadata: { a: null } }, { field: ['input', 'metadata', 'a'], code: 'INVALID_FORMAT' }],
  ])('refuses %s without calling CardExchange', async (_case, change, expected) => {
    const { payload } = await mutate(gw, 'createCardholder', { profileId: EMPLOYEE, ...change });
    expect(payload).toEqual({ cardholder: null, userErrors: [{ ...expected, message: expect.any(String) }] });
    expect(cxCalls(gw)).toEqual([]);
  });

  it('names both dates when the end comes before the start', async () => {
    const { payload } = await mutate(gw, 'createCardholder', { profileId: EMPLOYEE, startDate: '2025-06-01T00:00:00Z', endDate: '2025-05-31T00:00:00Z' });
    expect(payload.userErrors[0].message).toBe('endDate (2025-05-31T00:00:00.000Z) must not be before startDate (2025-06-01T00:00:00.000Z).');
  });

  it.each([
    ['a startDate without an offset', { startDate: '2025-06-01T00:00:00' }, /DateTime must be an ISO 8601 date-time with an offset/],
    ['a status outside the enum', { status: 'SLEEPING' }, /SLEEPING/],
    ['a missing profileId', { profileId: undefined }, /profileId/],
  ])('lets GraphQL refuse %s before any resolver runs', async (_case, change, message) => {
    const { body } = await gw.query(`mutation($input: CreateCardholderInput!) { createCardholder(input: $input) { cardholder { id } } }`, {
      input: { profileId: EMPLOYEE, ...change },
    });
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toMatch(message);
    expect(cxCalls(gw)).toEqual([]);
  });

  it('maps CardExchange refusing an unknown department to NOT_FOUND on departmentId', async () => {
    const { payload } = await mutate(gw, 'createCardholder', { profileId: EMPLOYEE, departmentId: UNKNOWN_ID });
    expect(payload.userErrors).toEqual([{ field: ['input', 'departmentId'], code: 'NOT_FOUND', message: `No department with id '${UNKNOWN_ID}' exists.` }]);
    expect(cxCalls(gw)).toEqual(['POST /api/v1/cardholders']);
  });
});

describe('updateCardholder', () => {
  it('changes only what is set, clears with null, and answers the cards with their cardholder from the write alone', async () => {
    const id = await newCardholder({ note: 'temp', startDate: '2025-01-01T00:00:00Z' });
    await newCard(id);
    const { payload } = await mutate(gw, 'updateCardholder', { id, profileId: EMPLOYEE, status: 'BLOCKED', locationId: LOCATIONS[3]!.id, note: null }, 'cardholder { status note startDate location { name } cards { id cardholder { status note } } }');
    expect(payload.userErrors).toEqual([]);
    expect(payload.cardholder).toMatchObject({ status: 'BLOCKED', note: null, startDate: '2025-01-01T00:00:00.000Z', location: { name: LOCATIONS[3]!.name } });
    expect(payload.cardholder.cards[0].cardholder).toEqual({ status: 'BLOCKED', note: null });
    expect(cxCalls(gw)).toEqual([`POST /api/v1/cardholders/${id}`]);
    expect(cxWriteBodies(gw)).toEqual([{ profile: EMPLOYEE, status: 'blocked', location: LOCATIONS[3]!.id, note: null }]);

    const later = await gw.query(`query($id: ID!) { cardholder(id: $id) { status note location { id } } }`, { id });
    expect(later.body.data!.cardholder).toEqual({ status: 'BLOCKED', note: null, location: { id: LOCATIONS[3]!.id } });
  });

  it('detaches the cardholder from its person with personId: null', async () => {
    const id = await newCardholder();
    const { payload } = await mutate(gw, 'updateCardholder', { id, profileId: EMPLOYEE, personId: null });
    expect(payload.cardholder.personId).toBeNull();
    expect(cx().store.cardholders.get(id)!.person).toBeNull();
  });

  it.each<[string, Record<string, unknown>, { field: string[]; code: string }]>([
    ['an id that is not a GUID', { id: 'ch-1' }, { field: ['input', 'id'], code: 'INVALID_FORMAT' }],
    ['status cleared with null', { status: null }, { field: ['input', 'status'], code: 'INVALID_VALUE' }],
    ['a blank profileId', { profileId: '' }, { field: ['input', 'profileId'], code: 'INVALID_FORMAT' }],
    ['an empty e-mail address', { email: '' }, { field: ['input', 'email'], code: 'INVALID_FORMAT' }],
    ['an endDate before the startDate', { startDate: '2025-02-01T00:00:00Z', endDate: '2025-01-01T00:00:00Z' }, { field: ['input', 'endDate'], code: 'INVALID_VALUE' }],
    ['a costAccountId that is not a GUID', { costAccountId: '4000' }, { field: ['input', 'costAccountId'], code: 'INVALID_FORMAT' }],
  ])('refuses %s without calling CardExchange', async (_case, change, expected) => {
    const { payload } = await mutate(gw, 'updateCardholder', { id: UNKNOWN_ID, profileId: EMPLOYEE, ...change });
    expect(payload).toEqual({ cardholder: null, userErrors: [{ ...expected, message: expect.any(String) }] });
    expect(cxCalls(gw)).toEqual([]);
  });

  it('maps CardExchange refusing an end before the stored start to INVALID_VALUE on endDate', async () => {
    const id = await newCardholder({ startDate: '2025-03-01T00:00:00Z' });
    const { payload } = await mutate(gw, 'updateCardholder', { id, profileId: EMPLOYEE, endDate: '2025-02-01T00:00:00Z' });
    expect(payload).toEqual({
      cardholder: null,
      userErrors: [{ field: ['input', 'endDate'], code: 'INVALID_VALUE', message: 'The endDate must not be earlier than the startDate.' }],
    });
    expect(cxCalls(gw)).toEqual([`POST /api/v1/cardholders/${id}`]);
  });

  it('answers NOT_FOUND on id for an unknown cardholder after one request', async () => {
    const { payload } = await mutate(gw, 'updateCardholder', { id: UNKNOWN_ID, profileId: EMPLOYEE });
    expect(payload.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'No cardholder with this id exists in CardExchange.' }]);
    expect(cxCalls(gw)).toEqual([`POST /api/v1/cardholders/${UNKNOWN_ID}`]);
  });
});

describe('deleteCardholder', () => {
  it('deletes the cardholder and keeps its cards without a cardholder, in the same and in later requests', async () => {
    const id = await newCardholder();
    const cardId = await newCard(id);
    const { body } = await gw.query(
      `mutation($touch: UpdateCardholderInput!, $delete: DeleteCardholderInput!, $card: UpdateCardInput!) {
        touch: updateCardholder(input: $touch) { cardholder { cards { id cardholderId } } }
        deleteCardholder(input: $delete) { deletedCardholderId userErrors { code } }
        after: updateCard(input: $card) { card { id cardholderId cardholder { id } } }
      }`,
      { touch: { id, profileId: EMPLOYEE }, delete: { id }, card: { id: cardId, metadata: { seen: 'yes' } } },
    );
    expect(body.data!.touch.cardholder.cards).toEqual([{ id: cardId, cardholderId: id }]);
    expect(body.data!.deleteCardholder).toEqual({ deletedCardholderId: id, userErrors: [] });
    expect(body.data!.after.card).toEqual({ id: cardId, cardholderId: null, cardholder: null });

    const later = await gw.query(`query($id: ID!, $card: ID!) { cardholder(id: $id) { id } card(id: $card) { cardholderId } }`, { id, card: cardId });
    expect(later.body.data).toEqual({ cardholder: null, card: { cardholderId: null } });
  });

  it('answers NOT_FOUND for an unknown cardholder and INVALID_FORMAT for a malformed id', async () => {
    const unknown = await mutate(gw, 'deleteCardholder', { id: UNKNOWN_ID });
    expect(unknown.payload).toEqual({ deletedCardholderId: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'No cardholder with this id exists in CardExchange.' }] });
    expect(cxCalls(gw)).toEqual([`DELETE /api/v1/cardholders/${UNKNOWN_ID}`]);
    cx().server.resetRequests();
    const malformed = await mutate(gw, 'deleteCardholder', { id: `${UNKNOWN_ID}x` });
    expect(malformed.payload.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'INVALID_FORMAT' });
    expect(cxCalls(gw)).toEqual([]);
  });
});

describe('createCard', () => {
  it('creates an INITIALIZED card; its cardholder read in the same request already lists it', async () => {
    const cardholderId = await newCardholder();
    const { body } = await gw.query(
      `mutation($touch: UpdateCardholderInput!, $input: CreateCardInput!) {
        touch: updateCardholder(input: $touch) { cardholder { cards { id } } }
        createCard(input: $input) { card { id status chipSerialNumber metadata cardholder { id cards { id } } } userErrors { code } }
      }`,
      { touch: { id: cardholderId, profileId: EMPLOYEE }, input: { cardholderId, metadata: { batch: '2025-07' } } },
    );
    expect(body.data!.touch.cardholder.cards).toEqual([]);
    const card = body.data!.createCard.card;
    expect(card).toMatchObject({ status: 'INITIALIZED', metadata: { batch: '2025-07' }, cardholder: { id: cardholderId, cards: [{ id: card.id }] } });
    expect(card.chipSerialNumber).toMatch(/^[0-9A-F]+$/);
    expect(cxCalls(gw)).toEqual([`POST /api/v1/cardholders/${cardholderId}`, 'POST /api/v1/cards', `GET /api/v1/cardholders/${cardholderId}`]);
    expect(cxWriteBodies(gw)[1]).toEqual({ cardholder: cardholderId, metadata: { batch: '2025-07' } });

    const later = await gw.query(`query($id: ID!) { card(id: $id) { status cardholderId } }`, { id: card.id });
    expect(later.body.data!.card).toEqual({ status: 'INITIALIZED', cardholderId });
  });

  it.each<[string, Record<string, unknown>, { field: string[]; code: string }]>([
    ['a cardholderId that is not a GUID', { cardholderId: 'CH000001' }, { field: ['input', 'cardholderId'], code: 'INVALID_FORMAT' }],
    ['metadata that is a number', { metadata: 5 }, { field: ['input', 'metadata'], code: 'INVALID_FORMAT' }],
  ])('refuses %s without calling CardExchange', async (_case, change, expected) => {
    const { payload } = await mutate(gw, 'createCard', { cardholderId: UNKNOWN_ID, ...change });
    expect(payload).toEqual({ card: null, userErrors: [{ ...expected, message: expect.any(String) }] });
    expect(cxCalls(gw)).toEqual([]);
  });

  it('maps CardExchange refusing an unknown cardholder to NOT_FOUND on cardholderId', async () => {
    const { payload } = await mutate(gw, 'createCard', { cardholderId: UNKNOWN_ID });
    expect(payload).toEqual({ card: null, userErrors: [{ field: ['input', 'cardholderId'], code: 'NOT_FOUND', message: `No cardholder with id '${UNKNOWN_ID}' exists.` }] });
    expect(cxCalls(gw)).toEqual(['POST /api/v1/cards']);
  });
});

describe('updateCard', () => {
  it('moving a card into and out of IN_PRODUCTION makes its production record appear and vanish', async () => {
    const cardId = await newCard();
    const into = await mutate(gw, 'updateCard', { id: cardId, status: 'IN_PRODUCTION' }, 'card { status chipSerialNumber cardholder { cards { id status } } }');
    expect(into.payload.userErrors).toEqual([]);
    expect(into.payload.card.status).toBe('IN_PRODUCTION');
    expect(into.payload.card.cardholder.cards).toEqual([{ id: cardId, status: 'IN_PRODUCTION' }]);
    expect(cxWriteBodies(gw)).toEqual([{ status: 'in_production' }]);

    const chip = into.payload.card.chipSerialNumber as string;
    const productions = `query($q: String) { productions(first: 5, search: $q) { nodes { id card { id status } } } }`;
    const listed = await gw.query(productions, { q: chip });
    expect(listed.body.data!.productions.nodes).toEqual([{ id: expect.any(String), card: { id: cardId, status: 'IN_PRODUCTION' } }]);

    const out = await mutate(gw, 'updateCard', { id: cardId, status: 'PERSONALIZED' });
    expect(out.payload.card.status).toBe('PERSONALIZED');
    expect((await gw.query(productions, { q: chip })).body.data!.productions.nodes).toEqual([]);
  });

  it('replaces metadata and empties it with null; the status stays untouched', async () => {
    const cardId = await newCard();
    const set = await mutate(gw, 'updateCard', { id: cardId, metadata: { a: '1' } });
    expect(set.payload.card).toEqual({ id: cardId, status: 'INITIALIZED', metadata: { a: '1' } });
    const cleared = await mutate(gw, 'updateCard', { id: cardId, metadata: null });
    expect(cleared.payload.card.metadata).toEqual({});
    expect(cxWriteBodies(gw)).toEqual([{ metadata: { a: '1' } }, { metadata: null }]);
  });

  it.each<[string, Record<string, unknown>, { field: string[]; code: string }]>([
    ['an id that is not a GUID', { id: '10000001' }, { field: ['input', 'id'], code: 'INVALID_FORMAT' }],
    ['status cleared with null', { status: null }, { field: ['input', 'status'], code: 'INVALID_VALUE' }],
    ['metadata with a list value', { metadata: { tags: ['a'] } }, { field: ['input', 'metadata', 'tags'], code: 'INVALID_FORMAT' }],
  ])('refuses %s without calling CardExchange', async (_case, change, expected) => {
    const { payload } = await mutate(gw, 'updateCard', { id: UNKNOWN_ID, ...change });
    expect(payload).toEqual({ card: null, userErrors: [{ ...expected, message: expect.any(String) }] });
    expect(cxCalls(gw)).toEqual([]);
  });

  it('maps a CardExchange validation answer about status to INVALID_VALUE on status', async () => {
    const cardId = await newCard();
    cx().server.injectFault({
      match: /^POST \/api\/v1\/cards\//,
      times: 1,
      fault: {
        kind: 'status',
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
        body: { title: 'One or more validation errors occurred.', status: 400, detail: 'See the errors property for details.', errors: { Status: ['A destroyed card cannot be activated.'] } },
      },
    });
    const { payload } = await mutate(gw, 'updateCard', { id: cardId, status: 'ACTIVATED' });
    expect(payload).toEqual({ card: null, userErrors: [{ field: ['input', 'status'], code: 'INVALID_VALUE', message: 'A destroyed card cannot be activated.' }] });
    expect(cxCalls(gw)).toEqual([`POST /api/v1/cards/${cardId}`]);
  });

  it('answers NOT_FOUND on id for an unknown card after one request', async () => {
    const { payload } = await mutate(gw, 'updateCard', { id: UNKNOWN_ID, status: 'BLOCKED' });
    expect(payload.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'No card with this id exists in CardExchange.' }]);
    expect(cxCalls(gw)).toEqual([`POST /api/v1/cards/${UNKNOWN_ID}`]);
  });
});

describe('what cannot be changed', () => {
  it('has no mutation to delete cards, productions or anonymous sets or to create productions, and says why', async () => {
    const { body } = await gw.query(`{ __type(name: "Mutation") { fields { name description } } }`);
    const fields = body.data!.__type.fields as Array<{ name: string; description: string }>;
    const names = fields.map((f) => f.name);
    for (const absent of ['deleteCard', 'deleteProduction', 'createProduction', 'deleteAnonymousSet', 'updateAnonymousSet']) expect(names).not.toContain(absent);
    expect(fields.find((f) => f.name === 'createCard')!.description).toMatch(/no `deleteCard` because CardExchange\s+does not allow cards to be deleted/);
    expect(fields.find((f) => f.name === 'updateProduction')!.description).toMatch(/cannot be created or deleted/);
    expect(fields.find((f) => f.name === 'createAnonymousSet')!.description).toMatch(/Sets cannot be deleted/);
    expect(cxCalls(gw)).toEqual([]);
  });
});
