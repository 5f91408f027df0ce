/**
 * What happens when a CardExchange write fails in transit: every mutation is sent exactly once,
 * and a 5xx, a timeout or a dropped connection after sending is reported as VENDOR_OUTCOME_UNKNOWN
 * (a top-level error), never retried. Also: vendor answers the document does not describe in
 * detail (409, 401, a 400 without a usable field, an unreadable success) and partial success when
 * one request carries several mutations.
 */
import { demoIds, PROFILES } from '../../src/vendors/cardexchange/sandbox';
import { cxCalls, mutate, mutationDocument, type MutationName } from '../helpers/cardexchangeWrites';
import { useTestGateway, type TestGateway } from '../helpers/testGateway';

let gw: TestGateway;
// A short wait for response headers keeps the timeout cases quick. The breaker threshold is
// raised so that thirty injected failures in a row test each write, not the circuit breaker.
useTestGateway((started) => (gw = started), { env: { VENDOR_HEADERS_TIMEOUT_MS: '300', VENDOR_BREAKER_THRESHOLD: '1000' } });
const cx = () => gw.sandbox.cardexchange;

const ADA = { firstName: 'Ada', lastName: 'Lovelace', birthDate: '1815-12-10' };
const EMPLOYEE = PROFILES[0]!.id;

async function created(name: MutationName, input: Record<string, unknown>, field: string): Promise<string> {
  const { payload } = await mutate(gw, name, input);
  expect(payload.userErrors).toEqual([]);
  return payload[field].id as string;
}

/** For each mutation: a valid input (objects it needs are created first) and the route it writes to. */
const CASES: Array<[MutationName, () => Promise<Record<string, unknown>>, RegExp]> = [
  ['createPerson', async () => ADA, /^POST \/api\/v1\/persons$/],
  ['updatePerson', async () => ({ id: await created('createPerson', ADA, 'person'), ...ADA, firstName: 'Augusta' }), /^POST \/api\/v1\/persons\//],
  ['deletePerson', async () => ({ id: await created('createPerson', ADA, 'person') }), /^DELETE \/api\/v1\/persons\//],
  ['createAddress', async () => ({ personId: demoIds.person, type: 'HOME', streetAddress: '1 Main St', locality: 'Leeds', region: 'Yorkshire', postalCode: 'LS1 1AA', country: 'UK' }), /^POST \/api\/v1\/addresses$/],
  ['updateAddress', async () => ({ id: demoIds.businessAddress, locality: 'Utrecht' }), /^POST \/api\/v1\/addresses\//],
  ['deleteAddress', async () => ({ id: await created('createAddress', { personId: demoIds.person, type: 'HOME', streetAddress: '1 Main St', locality: 'Leeds', region: 'Yorkshire', postalCode: 'LS1 1AA', country: 'UK' }, 'address') }), /^DELETE \/api\/v1\/addresses\//],
  ['createCardholder', async () => ({ personId: demoIds.person, profileId: EMPLOYEE }), /^POST \/api\/v1\/cardholders$/],
  ['updateCardholder', async () => ({ id: demoIds.cardholder, profileId: EMPLOYEE, note: 'changed' }), /^POST \/api\/v1\/cardholders\//],
  ['deleteCardholder', async () => ({ id: await created('createCardholder', { profileId: EMPLOYEE }, 'cardholder') }), /^DELETE \/api\/v1\/cardholders\//],
  ['createCard', async () => ({ cardholderId: demoIds.cardholder }), /^POST \/api\/v1\/cards$/],
  ['updateCard', async () => ({ id: demoIds.card, status: 'BLOCKED' }), /^POST \/api\/v1\/cards\//],
  ['updateProduction', async () => ({ id: demoIds.production, numberOfTries: 3 }), /^POST \/api\/v1\/productions\//],
  ['createAnonymousSet', async () => ({ profileId: EMPLOYEE, defaultName: 'Batch', quantity: 2 }), /^POST \/api\/v1\/anonymous-sets$/],
  ['addCardsToAnonymousSet', async () => ({ id: demoIds.anonymousSet, quantity: 1 }), /^POST \/api\/v1\/anonymous-sets\//],
];

async function expectOutcomeUnknown(name: MutationName, input: Record<string, unknown>, route: RegExp, status?: number, why?: RegExp) {
  const { body } = await gw.query(mutationDocument(name), { input });
  expect(body.data).toEqual({ [name]: null });
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]!.path).toEqual([name]);
  expect(body.errors![0]!.extensions).toEqual({ code: 'VENDOR_OUTCOME_UNKNOWN', vendor: 'cardexchange', ...(status ? { status } : {}) });
  expect(body.errors![0]!.message).toMatch(/may or may not have been applied.*did not resend it: check the current state before trying again/);
  if (why) expect(body.errors![0]!.message).toMatch(why);
  // Sent exactly once, and nothing else was sent.
  expect(cxCalls(gw).filter((call) => route.test(call))).toHaveLength(1);
  expect(cxCalls(gw)).toHaveLength(1);
}

describe('a write whose outcome is unknown is reported so and never sent twice', () => {
  it.each(CASES)('%s: CardExchange answers 500', async (name, validInput, route) => {
    const input = await validInput();
    cx().server.resetRequests();
    cx().server.injectFault({ match: route, fault: { kind: 'status', status: 500, body: { title: 'Internal Server Error', status: 500 } } });
    await expectOutcomeUnknown(name, input, route, 500, /failed \(HTTP 500\)/);
  });

  it.each(CASES)('%s: CardExchange does not answer in time', async (name, validInput, route) => {
    const input = await validInput();
    cx().server.resetRequests();
    cx().server.injectFault({ match: route, fault: { kind: 'hang' } });
    const started = Date.now();
    await expectOutcomeUnknown(name, input, route, undefined, /did not answer this change \(timed out\)/);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('a 503 on a write is not retried either (only reads are)', async () => {
    cx().server.injectFault({ match: /^POST \/api\/v1\/cards\//, fault: { kind: 'status', status: 503 } });
    await expectOutcomeUnknown('updateCard', { id: demoIds.card, status: 'ACTIVATED' }, /^POST \/api\/v1\/cards\//, 503);
  });

  it('a connection dropped before any answer is outcome unknown', async () => {
    cx().server.injectFault({ match: /^POST \/api\/v1\/persons$/, fault: { kind: 'drop' } });
    await expectOutcomeUnknown('createPerson', ADA, /^POST \/api\/v1\/persons$/, undefined, /connection lost/);
  });

  it('a write applied before the connection dropped is outcome unknown, and looking shows it took effect', async () => {
    const before = cx().store.persons.size;
    cx().server.injectFault({ match: /^POST \/api\/v1\/persons$/, fault: { kind: 'dropAfterHandling' } });
    await expectOutcomeUnknown('createPerson', { ...ADA, lastName: 'Dropped-Connection' }, /^POST \/api\/v1\/persons$/);
    expect(cx().store.persons.size).toBe(before + 1);
    const look = await gw.query(`{ persons(first: 5, search: "Dropped-Connection") { totalCount nodes { lastName } } }`);
    expect(look.body.data!.persons).toEqual({ totalCount: 1, nodes: [{ lastName: 'Dropped-Connection' }] });
  });

  it('a 429 on a write is reported as rate limited and not retried', async () => {
    cx().server.injectFault({ match: /^POST \/api\/v1\/cards$/, fault: { kind: 'rateLimit', retryAfterSeconds: 0 } });
    const { body } = await gw.query(mutationDocument('createCard'), { input: { cardholderId: demoIds.cardholder } });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_RATE_LIMITED', vendor: 'cardexchange' });
    expect(cxCalls(gw)).toEqual(['POST /api/v1/cards']);
  });
});

describe('several mutations in one request', () => {
  it('keeps the result of a write that succeeded when a later one fails', async () => {
    cx().server.injectFault({ match: /^POST \/api\/v1\/cards\//, fault: { kind: 'status', status: 500 } });
    const { body } = await gw.query(
      `mutation($person: CreatePersonInput!, $card: UpdateCardInput!) {
        first: createPerson(input: $person) { person { id lastName } userErrors { code } }
        second: updateCard(input: $card) { card { id } userErrors { code } }
      }`,
      { person: { ...ADA, lastName: 'Partial' }, card: { id: demoIds.card, status: 'BLOCKED' } },
    );
    expect(body.data!.first.person.lastName).toBe('Partial');
    expect(body.data!.second).toBeNull();
    expect(body.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([[['second'], 'VENDOR_OUTCOME_UNKNOWN']]);
    expect(cxCalls(gw)).toEqual(['POST /api/v1/persons', `POST /api/v1/cards/${demoIds.card}`]);
  });
});

describe('vendor answers beyond field validation', () => {
  const problem = (status: number, body: Record<string, unknown>) => ({ kind: 'status' as const, status, headers: { 'content-type': 'application/problem+json' }, body: { status, ...body } });

  it('maps a 409 to a CONFLICT user error with the vendor detail', async () => {
    cx().server.injectFault({ match: /^DELETE \/api\/v1\/cardholders\//, fault: problem(409, { title: 'Conflict', detail: 'The cardholder has cards in production.' }) });
    const { payload, errors } = await mutate(gw, 'deleteCardholder', { id: demoIds.cardholder });
    expect(errors).toBeUndefined();
    expect(payload).toEqual({ deletedCardholderId: null, userErrors: [{ field: null, code: 'CONFLICT', message: 'The cardholder has cards in production.' }] });
    expect(cx().store.cardholders.has(demoIds.cardholder)).toBe(true);
  });

  it('maps errors not tied to a field, or tied to a field the input does not have, to REJECTED_BY_VENDOR', async () => {
    cx().server.injectFault({
      match: /^POST \/api\/v1\/persons$/,
      fault: problem(400, { title: 'One or more validation errors occurred.', errors: { '': ['Tenant is read-only.'], nickname: ['Too long.'], '$.lastName': ['Must not contain digits.'] } }),
    });
    const { payload } = await mutate(gw, 'createPerson', ADA);
    expect(payload.userErrors).toEqual([
      { field: null, code: 'REJECTED_BY_VENDOR', message: 'Tenant is read-only.' },
      { field: null, code: 'REJECTED_BY_VENDOR', message: 'nickname: Too long.' },
      { field: ['input', 'lastName'], code: 'INVALID_VALUE', message: 'Must not contain digits.' },
    ]);
  });

  it('maps a 400 without an errors map to one REJECTED_BY_VENDOR error with its title and detail', async () => {
    cx().server.injectFault({ match: /^DELETE \/api\/v1\/addresses\//, fault: problem(400, { title: 'Bad Request', detail: 'The last address of a person cannot be deleted.' }) });
    const { payload } = await mutate(gw, 'deleteAddress', { id: demoIds.address });
    expect(payload).toEqual({ deletedAddressId: null, userErrors: [{ field: null, code: 'REJECTED_BY_VENDOR', message: 'Bad Request The last address of a person cannot be deleted.' }] });
  });

  it('reports a refused API key as VENDOR_AUTH_FAILED, not as a user error', async () => {
    cx().server.injectFault({ match: /^POST \/api\/v1\/cards$/, fault: problem(401, { title: 'Unauthorized', detail: 'Invalid API key provided.' }) });
    const { body } = await gw.query(mutationDocument('createCard'), { input: { cardholderId: demoIds.cardholder } });
    expect(body.data).toEqual({ createCard: null });
    expect(body.errors![0]!.extensions).toEqual({ code: 'VENDOR_AUTH_FAILED', vendor: 'cardexchange', status: 401 });
  });

  it('reports a success answer without the object as VENDOR_BAD_RESPONSE that says the change was most likely applied', async () => {
    cx().server.injectFault({ match: /^POST \/api\/v1\/cards\//, fault: { kind: 'status', status: 200, body: { ok: true } } });
    const { body } = await gw.query(mutationDocument('updateCard'), { input: { id: demoIds.card, status: 'ACTIVATED' } });
    expect(body.errors![0]!.extensions).toEqual({ code: 'VENDOR_BAD_RESPONSE', vendor: 'cardexchange', status: 200 });
    expect(body.errors![0]!.message).toMatch(/accepted the change \(HTTP 200\) but did not answer with the card; it was most likely applied/);
    expect(cxCalls(gw)).toHaveLength(1);
  });

  it('reports an answer that is not JSON as VENDOR_BAD_RESPONSE, sent once', async () => {
    cx().server.injectFault({ match: /^POST \/api\/v1\/persons$/, fault: { kind: 'status', status: 201, rawBody: '<html>created</html>', headers: { 'content-type': 'text/html' } } });
    const { body } = await gw.query(mutationDocument('createPerson'), { input: ADA });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_BAD_RESPONSE', vendor: 'cardexchange' });
    expect(body.errors![0]!.message).toMatch(/most likely applied/);
    expect(cxCalls(gw)).toEqual(['POST /api/v1/persons']);
  });
});
