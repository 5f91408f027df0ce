/**
 * CardExchange writes of persons and addresses over real HTTP: the gateway on 127.0.0.1:0 with the
 * CardExchange simulator behind it. Each test asserts the payload, the userErrors and exactly what
 * the simulator received (nothing at all when the input is invalid).
 */
import { demoIds, PROFILES } from '../../src/vendors/cardexchange/sandbox';
import { cxCalls, cxWriteBodies, mutate, UNKNOWN_ID } from '../helpers/cardexchangeWrites';
import { useTestGateway, type TestGateway } from '../helpers/testGateway';

let gw: TestGateway;
useTestGateway((started) => (gw = started));
const cx = () => gw.sandbox.cardexchange;

const ADA = { firstName: 'Ada', lastName: 'Lovelace', birthDate: '1815-12-10' };
const ADDRESS = { type: 'HOME', streetAddress: '12 St James Sq', locality: 'London', region: 'Greater London', postalCode: 'SW1Y 4JU', country: 'United Kingdom' };

async function newPerson(extra: Record<string, unknown> = {}): Promise<string> {
  const { payload } = await mutate(gw, 'createPerson', { ...ADA, ...extra });
  expect(payload.userErrors).toEqual([]);
  cx().server.resetRequests();
  return payload.person.id as string;
}

async function newAddress(personId: string): Promise<string> {
  const { payload } = await mutate(gw, 'createAddress', { personId, ...ADDRESS });
  expect(payload.userErrors).toEqual([]);
  cx().server.resetRequests();
  return payload.address.id as string;
}

describe('createPerson', () => {
  it('creates the person with one POST carrying only the fields set, and reads it back later', async () => {
    const { payload, errors } = await mutate(gw, 'createPerson', {
      ...ADA,
      gender: 'FEMALE',
      prefix: 'DR',
      identificationType: 'PASSPORT',
      identificationValue: 'X123',
      profileId: PROFILES[0]!.id,
      metadata: { source: 'keyway-test' },
      photo: 'iVBORw0KGgo=',
      middleName: null,
    });
    expect(errors).toBeUndefined();
    expect(payload.userErrors).toEqual([]);
    expect(payload.person).toMatchObject({
      firstName: 'Ada',
      middleName: null,
      lastName: 'Lovelace',
      birthDate: '1815-12-10',
      gender: 'FEMALE',
      prefix: 'DR',
      status: 'NONE',
      metadata: { source: 'keyway-test' },
      photo: 'iVBORw0KGgo=',
      addresses: [],
      cardholders: [],
    });
    expect(cxCalls(gw)).toEqual(['POST /api/v1/persons']);
    expect(cxWriteBodies(gw)).toEqual([
      {
        firstName: 'Ada',
        lastName: 'Lovelace',
        birthDate: '1815-12-10',
        gender: 'female',
        prefix: 'dr',
        identificationType: 'passport',
        identificationTypeValue: 'X123',
        profile: PROFILES[0]!.id,
        metadata: { source: 'keyway-test' },
        photo: 'iVBORw0KGgo=',
      },
    ]);

    const later = await gw.query(`query($id: ID!) { person(id: $id) { firstName identificationType identificationValue profileId } }`, { id: payload.person.id });
    expect(later.body.data!.person).toEqual({ firstName: 'Ada', identificationType: 'PASSPORT', identificationValue: 'X123', profileId: PROFILES[0]!.id });
  });

  it('answers the new person and what it embeds from the write itself, with no extra read', async () => {
    const { body } = await gw.query(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id lastName addresses { id } cardholders { id person { lastName } } } userErrors { code } } }`,
      { input: ADA },
    );
    expect(body.data!.createPerson.person.lastName).toBe('Lovelace');
    expect(cxCalls(gw)).toEqual(['POST /api/v1/persons']);
  });

  it.each<[string, Record<string, unknown>, { field: string[]; code: string; message: RegExp }]>([
    ['a blank firstName', { firstName: '   ' }, { field: ['input', 'firstName'], code: 'REQUIRED', message: /firstName must not be blank/ }],
    ['a blank lastName', { lastName: '' }, { field: ['input', 'lastName'], code: 'REQUIRED', message: /lastName must not be blank/ }],
    ['a profileId that is not a GUID', { profileId: 'employee' }, { field: ['input', 'profileId'], code: 'INVALID_FORMAT', message: /profileId must be a GUID.*got "employee"/ }],
    ['metadata that is an array', { metadata: ['a'] }, { field: ['input', 'metadata'], code: 'INVALID_FORMAT', message: /JSON object whose values are strings.*got an array/ }],
    ['metadata that is a string', { metadata: 'x=1' }, { field: ['input', 'metadata'], code: 'INVALID_FORMAT', message: /got the string "x=1"/ }],
    ['metadata with a number value', { metadata: { badge: 12 } }, { field: ['input', 'metadata', 'badge'], code: 'INVALID_FORMAT', message: /metadata.badge must be a string, got the number 12/ }],
    ['metadata with a nested object', { metadata: { a: { b: 'c' } } }, { field: ['input', 'metadata', 'a'], code: 'INVALID_FORMAT', message: /got an object/ }],
    ['a photo that is not base64', { photo: 'not base64!' }, { field: ['input', 'photo'], code: 'INVALID_FORMAT', message: /base64-encoded image data/ }],
    ['a photo sent as a data URL', { photo: 'data:image/png;base64,iVBORw0KGgo=' }, { field: ['input', 'photo'], code: 'INVALID_FORMAT', message: /without the "data:...;base64," prefix/ }],
    ['a photo one byte over 512 KiB', { photo: Buffer.alloc(512 * 1024 + 1, 7).toString('base64') }, { field: ['input', 'photo'], code: 'INVALID_VALUE', message: /photo is 524289 bytes once decoded; at most 524288 bytes \(512 KiB\)/ }],
  ])('refuses %s without calling CardExchange', async (_case, change, expected) => {
    const { payload, errors } = await mutate(gw, 'createPerson', { ...ADA, ...change });
    expect(errors).toBeUndefined();
    expect(payload.person).toBeNull();
    expect(payload.userErrors).toEqual([{ field: expected.field, code: expected.code, message: expect.stringMatching(expected.message) }]);
    expect(cxCalls(gw)).toEqual([]);
  });

  it('reports every problem of an input at once', async () => {
    const { payload } = await mutate(gw, 'createPerson', { firstName: '', lastName: ' ', birthDate: '2000-01-01', profileId: 'x', metadata: [] });
    expect(payload.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual([
      'input.firstName',
      'input.lastName',
      'input.profileId',
      'input.metadata',
    ]);
    expect(cxCalls(gw)).toEqual([]);
  });

  it('accepts a photo of exactly 512 KiB, line breaks removed', async () => {
    const base64 = Buffer.alloc(512 * 1024, 7).toString('base64');
    const photo = base64.replace(/(.{76})/g, '$1\n');
    const { payload } = await mutate(gw, 'createPerson', { ...ADA, photo }, 'person { id }');
    expect(payload.userErrors).toEqual([]);
    expect(cx().store.persons.get(payload.person.id)!.photo).toBe(base64);
  });

  it.each([
    ['a missing birthDate', { firstName: 'Ada', lastName: 'Lovelace' }, /birthDate/],
    ['a birthDate that is not a calendar date', { ...ADA, birthDate: '1815-02-30' }, /Date must be a calendar date/],
    ['a gender outside the enum', { ...ADA, gender: 'ROBOT' }, /ROBOT/],
  ])('lets GraphQL refuse %s before any resolver runs', async (_case, input, message) => {
    const { body } = await gw.query(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, { input });
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toMatch(message);
    expect(cxCalls(gw)).toEqual([]);
  });

  it('maps CardExchange refusing an unknown profile to NOT_FOUND on profileId', async () => {
    const { payload } = await mutate(gw, 'createPerson', { ...ADA, profileId: UNKNOWN_ID });
    expect(payload).toEqual({
      person: null,
      userErrors: [{ field: ['input', 'profileId'], code: 'NOT_FOUND', message: `No profile with id '${UNKNOWN_ID}' exists.` }],
    });
    expect(cxCalls(gw)).toEqual(['POST /api/v1/persons']);
  });
});

describe('updatePerson', () => {
  it('sends only the fields set, clears those set to null, and the change shows in the same and a later request', async () => {
    const id = await newPerson({ phoneNumber: '+44 20 7946 0000', mobileNumber: '+44 7700 900000', gender: 'FEMALE', metadata: { a: 'b' } });
    const { body } = await gw.query(
      `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) {
        person { id firstName lastName gender phoneNumber mobileNumber metadata } userErrors { code } } }`,
      { input: { id, firstName: 'Augusta Ada', lastName: 'King', birthDate: '1815-12-10', mobileNumber: null, metadata: { b: 'c' } } },
    );
    expect(body.data!.updatePerson).toEqual({
      person: { id, firstName: 'Augusta Ada', lastName: 'King', gender: 'FEMALE', phoneNumber: '+44 20 7946 0000', mobileNumber: null, metadata: { b: 'c' } },
      userErrors: [],
    });
    expect(cxCalls(gw)).toEqual([`POST /api/v1/persons/${id}`]);
    expect(cxWriteBodies(gw)).toEqual([{ firstName: 'Augusta Ada', lastName: 'King', birthDate: '1815-12-10', mobileNumber: null, metadata: { b: 'c' } }]);

    const later = await gw.query(`query($id: ID!) { person(id: $id) { firstName mobileNumber phoneNumber } }`, { id });
    expect(later.body.data!.person).toEqual({ firstName: 'Augusta Ada', mobileNumber: null, phoneNumber: '+44 20 7946 0000' });
  });

  it('replaces what the request had already loaded, so later fields of the same request see the change', async () => {
    const id = await newPerson();
    const cardholder = await mutate(gw, 'createCardholder', { personId: id, profileId: PROFILES[0]!.id });
    cx().server.resetRequests();
    const { body } = await gw.query(
      `mutation($first: UpdatePersonInput!, $second: UpdatePersonInput!) {
        a: updatePerson(input: $first) { person { firstName } }
        b: updatePerson(input: $second) { person { firstName cardholders { id person { firstName } } } }
      }`,
      { first: { id, ...ADA, firstName: 'One' }, second: { id, ...ADA, firstName: 'Two' } },
    );
    expect(body.data!.a.person.firstName).toBe('One');
    // cardholder.person goes through the loader: it must be the person as the second write left it.
    expect(body.data!.b.person).toEqual({ firstName: 'Two', cardholders: [{ id: cardholder.payload.cardholder.id, person: { firstName: 'Two' } }] });
    expect(cxCalls(gw)).toEqual([`POST /api/v1/persons/${id}`, `POST /api/v1/persons/${id}`]);
  });

  it.each<[string, Record<string, unknown>, { field: string[]; code: string }]>([
    ['an id that is not a GUID', { id: 'p-1' }, { field: ['input', 'id'], code: 'INVALID_FORMAT' }],
    ['a blank firstName', { firstName: ' ' }, { field: ['input', 'firstName'], code: 'REQUIRED' }],
    ['gender cleared with null', { gender: null }, { field: ['input', 'gender'], code: 'INVALID_VALUE' }],
    ['status cleared with null', { status: null }, { field: ['input', 'status'], code: 'INVALID_VALUE' }],
    ['metadata with a boolean value', { metadata: { vip: true } }, { field: ['input', 'metadata', 'vip'], code: 'INVALID_FORMAT' }],
  ])('refuses %s without calling CardExchange', async (_case, change, expected) => {
    const { payload } = await mutate(gw, 'updatePerson', { id: demoIds.person, ...ADA, ...change });
    expect(payload.person).toBeNull();
    expect(payload.userErrors).toEqual([{ ...expected, message: expect.any(String) }]);
    expect(cxCalls(gw)).toEqual([]);
  });

  it('needs firstName, lastName and birthDate on every change, as CardExchange does (GraphQL refuses the input)', async () => {
    const { body } = await gw.query(`mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } } }`, { input: { id: demoIds.person, gender: 'MALE' } });
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toMatch(/firstName/);
    expect(cxCalls(gw)).toEqual([]);
  });

  it('answers NOT_FOUND on id for an unknown person, after one request', async () => {
    const { payload } = await mutate(gw, 'updatePerson', { id: UNKNOWN_ID, ...ADA });
    expect(payload).toEqual({ person: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'No person with this id exists in CardExchange.' }] });
    expect(cxCalls(gw)).toEqual([`POST /api/v1/persons/${UNKNOWN_ID}`]);
  });

  it('maps CardExchange refusing the profile to NOT_FOUND on profileId', async () => {
    const id = await newPerson();
    const { payload } = await mutate(gw, 'updatePerson', { id, ...ADA, profileId: UNKNOWN_ID });
    expect(payload.userErrors).toEqual([{ field: ['input', 'profileId'], code: 'NOT_FOUND', message: expect.stringMatching(/No profile with id/) }]);
  });
});

describe('deletePerson', () => {
  it('deletes the person with its addresses and cardholders; the request and later ones see them gone', async () => {
    const id = await newPerson();
    const addressId = await newAddress(id);
    const cardholder = (await mutate(gw, 'createCardholder', { personId: id, profileId: PROFILES[0]!.id })).payload.cardholder.id as string;
    const card = (await mutate(gw, 'createCard', { cardholderId: cardholder })).payload.card.id as string;
    cx().server.resetRequests();

    const { body } = await gw.query(
      `mutation($person: UpdatePersonInput!, $delete: DeletePersonInput!) {
        before: updatePerson(input: $person) { person { addresses { id } cardholders { id cards { id cardholderId } } } }
        deletePerson(input: $delete) { deletedPersonId userErrors { code } }
      }`,
      { person: { id, ...ADA }, delete: { id } },
    );
    expect(body.data!.before.person.addresses).toEqual([{ id: addressId }]);
    expect(body.data!.deletePerson).toEqual({ deletedPersonId: id, userErrors: [] });
    expect(cxCalls(gw)).toEqual([`POST /api/v1/persons/${id}`, `DELETE /api/v1/persons/${id}`]);

    const later = await gw.query(
      `query($id: ID!, $a: ID!, $ch: ID!, $card: ID!) { person(id: $id) { id } address(id: $a) { id } cardholder(id: $ch) { id } card(id: $card) { id cardholderId } }`,
      { id, a: addressId, ch: cardholder, card },
    );
    expect(later.body.data).toEqual({ person: null, address: null, cardholder: null, card: { id: card, cardholderId: null } });
  });

  it('answers NOT_FOUND for an unknown person and INVALID_FORMAT for a malformed id', async () => {
    const unknown = await mutate(gw, 'deletePerson', { id: UNKNOWN_ID });
    expect(unknown.payload).toEqual({ deletedPersonId: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND', message: expect.any(String) }] });
    expect(cxCalls(gw)).toEqual([`DELETE /api/v1/persons/${UNKNOWN_ID}`]);

    cx().server.resetRequests();
    const malformed = await mutate(gw, 'deletePerson', { id: '42' });
    expect(malformed.payload.userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID_FORMAT', message: expect.stringMatching(/must be a GUID/) }]);
    expect(cxCalls(gw)).toEqual([]);
  });
});

describe('createAddress', () => {
  it('adds the address; the owner read in the same request already lists it', async () => {
    const id = await newPerson();
    const { body } = await gw.query(
      `mutation($person: UpdatePersonInput!, $address: CreateAddressInput!) {
        before: updatePerson(input: $person) { person { addresses { id } } }
        createAddress(input: $address) { address { id type person { addresses { id type } } } userErrors { code } }
      }`,
      { person: { id, ...ADA }, address: { personId: id, ...ADDRESS, type: 'PO_BOX', metadata: { floor: '2' } } },
    );
    expect(body.data!.before.person.addresses).toEqual([]);
    const address = body.data!.createAddress.address;
    expect(address.type).toBe('PO_BOX');
    expect(address.person.addresses).toEqual([{ id: address.id, type: 'PO_BOX' }]);
    // The person cached by the first mutation was dropped and fetched again.
    expect(cxCalls(gw)).toEqual([`POST /api/v1/persons/${id}`, 'POST /api/v1/addresses', `GET /api/v1/persons/${id}`]);
    expect(cxWriteBodies(gw)[1]).toEqual({ person: id, type: 'po_box', streetAddress: '12 St James Sq', locality: 'London', region: 'Greater London', postalCode: 'SW1Y 4JU', country: 'United Kingdom', metadata: { floor: '2' } });

    const later = await gw.query(`query($id: ID!) { address(id: $id) { personId locality metadata } }`, { id: address.id });
    expect(later.body.data!.address).toEqual({ personId: id, locality: 'London', metadata: { floor: '2' } });
  });

  it.each<[string, Record<string, unknown>, { field: string[]; code: string }]>([
    ['a blank locality', { locality: '  ' }, { field: ['input', 'locality'], code: 'REQUIRED' }],
    ['a blank country', { country: '' }, { field: ['input', 'country'], code: 'REQUIRED' }],
    ['a personId that is not a GUID', { personId: 'someone' }, { field: ['input', 'personId'], code: 'INVALID_FORMAT' }],
    ['metadata that is a list', { metadata: [1] }, { field: ['input', 'metadata'], code: 'INVALID_FORMAT' }],
  ])('refuses %s without calling CardExchange', async (_case, change, expected) => {
    const { payload } = await mutate(gw, 'createAddress', { personId: demoIds.person, ...ADDRESS, ...change });
    expect(payload).toEqual({ address: null, userErrors: [{ ...expected, message: expect.any(String) }] });
    expect(cxCalls(gw)).toEqual([]);
  });

  it('maps CardExchange refusing an unknown person to NOT_FOUND on personId', async () => {
    const { payload } = await mutate(gw, 'createAddress', { personId: UNKNOWN_ID, ...ADDRESS });
    expect(payload.userErrors).toEqual([{ field: ['input', 'personId'], code: 'NOT_FOUND', message: `No person with id '${UNKNOWN_ID}' exists.` }]);
    expect(cxCalls(gw)).toEqual(['POST /api/v1/addresses']);
  });
});

describe('updateAddress', () => {
  it('moves an address to another person; both people read afterwards in the same request are fresh', async () => {
    const from = await newPerson();
    const to = await newPerson();
    const addressId = await newAddress(from);
    const { body } = await gw.query(
      `mutation($touch: UpdatePersonInput!, $move: UpdateAddressInput!) {
        touch: updatePerson(input: $touch) { person { addresses { id } } }
        updateAddress(input: $move) { address { id personId locality person { id addresses { id } } } userErrors { code } }
      }`,
      { touch: { id: from, ...ADA }, move: { id: addressId, personId: to, locality: 'Bath' } },
    );
    expect(body.data!.touch.person.addresses).toEqual([{ id: addressId }]);
    expect(body.data!.updateAddress.address).toEqual({ id: addressId, personId: to, locality: 'Bath', person: { id: to, addresses: [{ id: addressId }] } });
    expect(cxWriteBodies(gw)[1]).toEqual({ person: to, locality: 'Bath' });

    const later = await gw.query(`query($a: ID!, $b: ID!) { a: person(id: $a) { addresses { id } } b: person(id: $b) { addresses { id locality } } }`, { a: from, b: to });
    expect(later.body.data).toEqual({ a: { addresses: [] }, b: { addresses: [{ id: addressId, locality: 'Bath' }] } });
  });

  it('empties metadata with null', async () => {
    const addressId = (await mutate(gw, 'createAddress', { personId: await newPerson(), ...ADDRESS, metadata: { k: 'v' } })).payload.address.id;
    cx().server.resetRequests();
    const { payload } = await mutate(gw, 'updateAddress', { id: addressId, metadata: null });
    expect(payload.address.metadata).toEqual({});
    expect(cxWriteBodies(gw)).toEqual([{ metadata: null }]);
  });

  it.each<[string, Record<string, unknown>, { field: string[]; code: string }]>([
    ['an id that is not a GUID', { id: 'nope' }, { field: ['input', 'id'], code: 'INVALID_FORMAT' }],
    ['streetAddress cleared with null', { streetAddress: null }, { field: ['input', 'streetAddress'], code: 'REQUIRED' }],
    ['a blank postalCode', { postalCode: ' ' }, { field: ['input', 'postalCode'], code: 'REQUIRED' }],
    ['type cleared with null', { type: null }, { field: ['input', 'type'], code: 'REQUIRED' }],
    ['a personId that is not a GUID', { personId: 'x' }, { field: ['input', 'personId'], code: 'INVALID_FORMAT' }],
  ])('refuses %s without calling CardExchange', async (_case, change, expected) => {
    const { payload } = await mutate(gw, 'updateAddress', { id: demoIds.address, ...change });
    expect(payload).toEqual({ address: null, userErrors: [{ ...expected, message: expect.any(String) }] });
    expect(cxCalls(gw)).toEqual([]);
  });

  it('answers NOT_FOUND on id for an unknown address, and NOT_FOUND on personId for an unknown new owner', async () => {
    const unknown = await mutate(gw, 'updateAddress', { id: UNKNOWN_ID, locality: 'Bath' });
    expect(unknown.payload.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'No address with this id exists in CardExchange.' }]);
    const badOwner = await mutate(gw, 'updateAddress', { id: demoIds.address, personId: UNKNOWN_ID });
    expect(badOwner.payload.userErrors).toEqual([{ field: ['input', 'personId'], code: 'NOT_FOUND', message: `No person with id '${UNKNOWN_ID}' exists.` }]);
    expect(cxCalls(gw)).toEqual([`POST /api/v1/addresses/${UNKNOWN_ID}`, `POST /api/v1/addresses/${demoIds.address}`]);
  });
});

describe('deleteAddress', () => {
  it('deletes the address; the same request and later ones no longer see it', async () => {
    const personId = await newPerson();
    const addressId = await newAddress(personId);
    const { body } = await gw.query(
      `mutation($touch: UpdatePersonInput!, $delete: DeleteAddressInput!, $again: UpdatePersonInput!) {
        touch: updatePerson(input: $touch) { person { addresses { id } } }
        deleteAddress(input: $delete) { deletedAddressId userErrors { code } }
        again: updateAddress(input: { id: "${addressId}", locality: "Bath" }) { address { id } userErrors { code field } }
        last: updatePerson(input: $again) { person { addresses { id } } }
      }`,
      { touch: { id: personId, ...ADA }, delete: { id: addressId }, again: { id: personId, ...ADA } },
    );
    expect(body.data!.touch.person.addresses).toEqual([{ id: addressId }]);
    expect(body.data!.deleteAddress).toEqual({ deletedAddressId: addressId, userErrors: [] });
    expect(body.data!.again).toEqual({ address: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
    expect(body.data!.last.person.addresses).toEqual([]);

    const later = await gw.query(`query($id: ID!) { address(id: $id) { id } }`, { id: addressId });
    expect(later.body.data!.address).toBeNull();
  });

  it('answers NOT_FOUND for an unknown address after one request', async () => {
    const { payload } = await mutate(gw, 'deleteAddress', { id: UNKNOWN_ID });
    expect(payload).toEqual({ deletedAddressId: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'No address with this id exists in CardExchange.' }] });
    expect(cxCalls(gw)).toEqual([`DELETE /api/v1/addresses/${UNKNOWN_ID}`]);
  });
});
