/**
 * CardExchange writes of production records and anonymous sets over real HTTP, against the
 * simulator: payloads, userErrors, what the simulator received, and what is read back afterwards.
 */
import { DEPARTMENTS, demoIds, LOCATIONS, PROFILES } from '../../src/vendors/cardexchange/sandbox';
import { cxCalls, cxWriteBodies, mutate, UNKNOWN_ID } from '../helpers/cardexchangeWrites';
import { useTestGateway, type TestGateway } from '../helpers/testGateway';

let gw: TestGateway;
useTestGateway((started) => (gw = started));
const cx = () => gw.sandbox.cardexchange;

const VISITOR = PROFILES[2]!.id;

/** A new card moved into production; answers the card's and the production record's ids. */
async function newProduction(): Promise<{ cardId: string; productionId: string }> {
  const card = await mutate(gw, 'createCard', { cardholderId: demoIds.cardholder });
  const cardId = card.payload.card.id as string;
  await mutate(gw, 'updateCard', { id: cardId, status: 'IN_PRODUCTION' });
  const production = cx().store.productionOf(cardId);
  expect(production).toBeDefined();
  cx().server.resetRequests();
  return { cardId, productionId: production!.id };
}

async function newSet(quantity = 1): Promise<string> {
  const { payload } = await mutate(gw, 'createAnonymousSet', { profileId: VISITOR, defaultName: 'Guest', quantity });
  expect(payload.userErrors).toEqual([]);
  cx().server.resetRequests();
  return payload.anonymousSet.id as string;
}

describe('updateProduction', () => {
  it('records the print; a new chip serial number shows on the card in the same request and later', async () => {
    const { cardId, productionId } = await newProduction();
    const { body } = await gw.query(
      `mutation($touch: UpdateCardInput!, $input: UpdateProductionInput!) {
        touch: updateCard(input: $touch) { card { chipSerialNumber } }
        updateProduction(input: $input) {
          production { id nameOnCard chipSerialNumber userName printedOn numberOfTries card { id chipSerialNumber status } }
          userErrors { code }
        }
      }`,
      {
        touch: { id: cardId, metadata: { printer: 'P2' } },
        input: { id: productionId, printedOn: '2025-02-03T11:00:00+01:00', numberOfTries: 2, userName: 'print-station-02', nameOnCard: 'S. de Vries', chipSerialNumber: '04AABBCCDDEE11' },
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.touch.card.chipSerialNumber).not.toBe('04AABBCCDDEE11');
    expect(body.data!.updateProduction).toEqual({
      production: {
        id: productionId,
        nameOnCard: 'S. de Vries',
        chipSerialNumber: '04AABBCCDDEE11',
        userName: 'print-station-02',
        printedOn: '2025-02-03T10:00:00.000Z',
        numberOfTries: 2,
        card: { id: cardId, chipSerialNumber: '04AABBCCDDEE11', status: 'IN_PRODUCTION' },
      },
      userErrors: [],
    });
    expect(cxCalls(gw)).toEqual([`POST /api/v1/cards/${cardId}`, `POST /api/v1/productions/${productionId}`, `GET /api/v1/cards/${cardId}`]);
    expect(cxWriteBodies(gw)[1]).toEqual({
      nameOnCard: 'S. de Vries',
      chipserialNumber: '04AABBCCDDEE11',
      userName: 'print-station-02',
      printedOn: '2025-02-03T10:00:00.000Z',
      numberOfTries: 2,
    });

    const later = await gw.query(`query($id: ID!) { production(id: $id) { printedOn numberOfTries card { chipSerialNumber } } }`, { id: productionId });
    expect(later.body.data!.production).toEqual({ printedOn: '2025-02-03T10:00:00.000Z', numberOfTries: 2, card: { chipSerialNumber: '04AABBCCDDEE11' } });
  });

  it('clears printedOn with null and leaves what was not sent', async () => {
    const { productionId } = await newProduction();
    await mutate(gw, 'updateProduction', { id: productionId, printedOn: '2025-01-01T00:00:00Z', userName: 'kiosk' });
    const { payload } = await mutate(gw, 'updateProduction', { id: productionId, printedOn: null });
    expect(payload.production).toMatchObject({ printedOn: null, userName: 'kiosk' });
    expect(cxWriteBodies(gw)[1]).toEqual({ printedOn: null });
  });

  it.each<[string, Record<string, unknown>, { field: string[]; code: string }]>([
    ['an id that is not a GUID', { id: 'prod-1' }, { field: ['input', 'id'], code: 'INVALID_FORMAT' }],
    ['numberOfTries of 0', { numberOfTries: 0 }, { field: ['input', 'numberOfTries'], code: 'INVALID_VALUE' }],
    ['numberOfTries cleared with null', { numberOfTries: null }, { field: ['input', 'numberOfTries'], code: 'INVALID_VALUE' }],
    ['a blank chipSerialNumber', { chipSerialNumber: ' ' }, { field: ['input', 'chipSerialNumber'], code: 'REQUIRED' }],
    ['chipSerialNumber cleared with null', { chipSerialNumber: null }, { field: ['input', 'chipSerialNumber'], code: 'REQUIRED' }],
  ])('refuses %s without calling CardExchange', async (_case, change, expected) => {
    const { payload } = await mutate(gw, 'updateProduction', { id: demoIds.production, ...change });
    expect(payload).toEqual({ production: null, userErrors: [{ ...expected, message: expect.any(String) }] });
    expect(cxCalls(gw)).toEqual([]);
  });

  it('lets GraphQL refuse a printedOn that is not a date-time', async () => {
    const { body } = await gw.query(`mutation { updateProduction(input: { id: "${demoIds.production}", printedOn: "yesterday" }) { production { id } } }`);
    expect(body.errors![0]!.message).toMatch(/DateTime must be an ISO 8601 date-time/);
    expect(cxCalls(gw)).toEqual([]);
  });

  it('maps CardExchange refusing a chip serial number used by another card to INVALID_VALUE on chipSerialNumber', async () => {
    const { productionId } = await newProduction();
    const { payload } = await mutate(gw, 'updateProduction', { id: productionId, chipSerialNumber: demoIds.cardChipSerialNumber });
    expect(payload).toEqual({
      production: null,
      userErrors: [{ field: ['input', 'chipSerialNumber'], code: 'INVALID_VALUE', message: `Chip serial number '${demoIds.cardChipSerialNumber}' is already used by another card.` }],
    });
    expect(cxCalls(gw)).toEqual([`POST /api/v1/productions/${productionId}`]);
  });

  it('maps CardExchange refusing too many tries to INVALID_VALUE on numberOfTries', async () => {
    const { productionId } = await newProduction();
    const { payload } = await mutate(gw, 'updateProduction', { id: productionId, numberOfTries: 5000 });
    expect(payload.userErrors).toEqual([{ field: ['input', 'numberOfTries'], code: 'INVALID_VALUE', message: expect.stringMatching(/integer between 1 and 1000/) }]);
  });

  it('answers NOT_FOUND on id for an unknown production record after one request', async () => {
    const { payload } = await mutate(gw, 'updateProduction', { id: UNKNOWN_ID, numberOfTries: 1 });
    expect(payload.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'No production record with this id exists in CardExchange.' }]);
    expect(cxCalls(gw)).toEqual([`POST /api/v1/productions/${UNKNOWN_ID}`]);
  });
});

describe('createAnonymousSet', () => {
  it('creates quantity anonymous people each with a cardholder and a card, all answered from the write itself', async () => {
    const { payload } = await mutate(
      gw,
      'createAnonymousSet',
      { profileId: VISITOR, defaultName: 'Lobby pass', quantity: 3, departmentId: DEPARTMENTS[7]!.id, jobTitle: 'Guest', note: 'Front desk' },
      `anonymousSet { id profileId defaultName persons { id lastName cardholders { id status note department { id } cards { status cardholder { id person { lastName } } } } } }`,
    );
    expect(payload.userErrors).toEqual([]);
    const set = payload.anonymousSet;
    expect(set).toMatchObject({ profileId: VISITOR, defaultName: 'Lobby pass' });
    expect(set.persons.map((p: { lastName: string }) => p.lastName)).toEqual(['001', '002', '003']);
    for (const person of set.persons) {
      const [cardholder] = person.cardholders;
      expect(cardholder).toMatchObject({ status: 'UNLINKED', note: 'Front desk', department: { id: DEPARTMENTS[7]!.id } });
      expect(cardholder.cards).toEqual([{ status: 'UNLINKED', cardholder: { id: cardholder.id, person: { lastName: person.lastName } } }]);
    }
    // Card → cardholder → person walked back through the primed loaders: no read at all.
    expect(cxCalls(gw)).toEqual(['POST /api/v1/anonymous-sets']);
    expect(cxWriteBodies(gw)).toEqual([{ profile: VISITOR, defaultName: 'Lobby pass', quantity: 3, department: DEPARTMENTS[7]!.id, jobTitle: 'Guest', note: 'Front desk' }]);

    const later = await gw.query(`query($id: ID!) { anonymousSet(id: $id) { persons { cardholders { cards { id } } } } }`, { id: set.id });
    expect(later.body.data!.anonymousSet.persons).toHaveLength(3);
  });

  it.each<[string, Record<string, unknown>, { field: string[]; code: string }]>([
    ['a quantity of 0', { quantity: 0 }, { field: ['input', 'quantity'], code: 'INVALID_VALUE' }],
    ['a negative quantity', { quantity: -5 }, { field: ['input', 'quantity'], code: 'INVALID_VALUE' }],
    ['a quantity over 1000', { quantity: 1001 }, { field: ['input', 'quantity'], code: 'INVALID_VALUE' }],
    ['a blank defaultName', { defaultName: '  ' }, { field: ['input', 'defaultName'], code: 'REQUIRED' }],
    ['a profileId that is not a GUID', { profileId: 'Visitor' }, { field: ['input', 'profileId'], code: 'INVALID_FORMAT' }],
    ['a locationId that is not a GUID', { locationId: 'HQ' }, { field: ['input', 'locationId'], code: 'INVALID_FORMAT' }],
  ])('refuses %s without calling CardExchange', async (_case, change, expected) => {
    const { payload } = await mutate(gw, 'createAnonymousSet', { profileId: VISITOR, defaultName: 'Guest', quantity: 2, ...change });
    expect(payload).toEqual({ anonymousSet: null, userErrors: [{ ...expected, message: expect.any(String) }] });
    expect(cxCalls(gw)).toEqual([]);
  });

  it('says what quantity it accepts', async () => {
    const { payload } = await mutate(gw, 'createAnonymousSet', { profileId: VISITOR, defaultName: 'Guest', quantity: 0 });
    expect(payload.userErrors[0].message).toBe('quantity must be a whole number from 1 to 1000, got 0.');
  });

  it('maps CardExchange refusing an unknown profile to NOT_FOUND on profileId', async () => {
    const { payload } = await mutate(gw, 'createAnonymousSet', { profileId: UNKNOWN_ID, defaultName: 'Guest', quantity: 1 });
    expect(payload).toEqual({ anonymousSet: null, userErrors: [{ field: ['input', 'profileId'], code: 'NOT_FOUND', message: `No profile with id '${UNKNOWN_ID}' exists.` }] });
    expect(cxCalls(gw)).toEqual(['POST /api/v1/anonymous-sets']);
  });
});

describe('addCardsToAnonymousSet', () => {
  it('adds members; the set read again in the same request and later has them all', async () => {
    const id = await newSet(1);
    const { body } = await gw.query(
      `mutation($first: AddCardsToAnonymousSetInput!, $second: AddCardsToAnonymousSetInput!) {
        first: addCardsToAnonymousSet(input: $first) { anonymousSet { persons { id } } userErrors { code } }
        second: addCardsToAnonymousSet(input: $second) { anonymousSet { persons { lastName cardholders { location { id } } } } userErrors { code } }
      }`,
      { first: { id, quantity: 1 }, second: { id, quantity: 2, locationId: LOCATIONS[4]!.id, jobTitle: null } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.first.anonymousSet.persons).toHaveLength(2);
    const persons = body.data!.second.anonymousSet.persons;
    expect(persons.map((p: { lastName: string }) => p.lastName)).toEqual(['001', '002', '003', '004']);
    expect(persons.slice(2).map((p: any) => p.cardholders[0].location)).toEqual([{ id: LOCATIONS[4]!.id }, { id: LOCATIONS[4]!.id }]);
    expect(cxCalls(gw)).toEqual([`POST /api/v1/anonymous-sets/${id}`, `POST /api/v1/anonymous-sets/${id}`]);
    // null settings are "not given" when adding: nothing to clear on new cardholders.
    expect(cxWriteBodies(gw)).toEqual([{ quantity: 1 }, { quantity: 2, location: LOCATIONS[4]!.id }]);

    const later = await gw.query(`query($id: ID!) { anonymousSet(id: $id) { persons { id } } }`, { id });
    expect(later.body.data!.anonymousSet.persons).toHaveLength(4);
  });

  it.each<[string, Record<string, unknown>, { field: string[]; code: string }]>([
    ['an id that is not a GUID', { id: 'set-1' }, { field: ['input', 'id'], code: 'INVALID_FORMAT' }],
    ['a quantity of 0', { quantity: 0 }, { field: ['input', 'quantity'], code: 'INVALID_VALUE' }],
    ['a quantity over 1000', { quantity: 5000 }, { field: ['input', 'quantity'], code: 'INVALID_VALUE' }],
    ['a businessUnitId that is not a GUID', { businessUnitId: 'HQ' }, { field: ['input', 'businessUnitId'], code: 'INVALID_FORMAT' }],
  ])('refuses %s without calling CardExchange', async (_case, change, expected) => {
    const { payload } = await mutate(gw, 'addCardsToAnonymousSet', { id: demoIds.anonymousSet, quantity: 1, ...change });
    expect(payload).toEqual({ anonymousSet: null, userErrors: [{ ...expected, message: expect.any(String) }] });
    expect(cxCalls(gw)).toEqual([]);
  });

  it('maps CardExchange refusing an unknown location to NOT_FOUND on locationId', async () => {
    const id = await newSet();
    const { payload } = await mutate(gw, 'addCardsToAnonymousSet', { id, quantity: 1, locationId: UNKNOWN_ID });
    expect(payload.userErrors).toEqual([{ field: ['input', 'locationId'], code: 'NOT_FOUND', message: `No location with id '${UNKNOWN_ID}' exists.` }]);
    expect(cx().store.anonymousSets.get(id)!.personIds).toHaveLength(1);
  });

  it('answers NOT_FOUND on id for an unknown set after one request', async () => {
    const { payload } = await mutate(gw, 'addCardsToAnonymousSet', { id: UNKNOWN_ID, quantity: 1 });
    expect(payload.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'No anonymous set with this id exists in CardExchange.' }]);
    expect(cxCalls(gw)).toEqual([`POST /api/v1/anonymous-sets/${UNKNOWN_ID}`]);
  });
});
