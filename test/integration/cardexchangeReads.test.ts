/**
 * The CardExchange read path over real HTTP: gateway on 127.0.0.1:0, CardExchange simulator
 * behind it. Each test asserts the GraphQL answer and what the simulator received.
 */
import { useTestGateway, type TestGateway } from '../helpers/testGateway';

let gw: TestGateway;
useTestGateway((started) => (gw = started));
const cx = () => gw.sandbox.cardexchange;
const cxRequests = () => cx().server.received();

function anyPersonWithCards() {
  for (const person of cx().store.persons.values()) {
    if (cx().store.anonymousPersonIds.has(person.id)) continue;
    const cardholders = cx().store.cardholdersOf(person.id);
    if (cardholders.some((ch) => cx().store.cardsOf(ch.id).length > 0)) return person;
  }
  throw new Error('seed has no person with cards');
}

describe('single objects', () => {
  it('answers person(id) with its fields, embedded addresses and cardholders in one vendor request', async () => {
    const person = anyPersonWithCards();
    const { body } = await gw.query(
      `query($id: ID!) { person(id: $id) { id firstName lastName birthDate gender status created
        addresses { id type country person { id } } cardholders { id status cards { id status encryption chipSerialNumber } } } }`,
      { id: person.id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.person.id).toBe(person.id);
    expect(body.data!.person.firstName).toBe(person.firstName);
    expect(body.data!.person.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.data!.person.gender).toMatch(/^[A-Z_]+$/);
    expect(body.data!.person.cardholders.length).toBe(cx().store.cardholdersOf(person.id).length);
    // Address.person goes back to the already-loaded person: no further request.
    for (const address of body.data!.person.addresses) expect(address.person.id).toBe(person.id);
    expect(cxRequests().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/v1/persons/${person.id}`]);
  });

  it('authenticates with HTTP Basic, the API key as user name and an empty password', async () => {
    const person = anyPersonWithCards();
    await gw.query(`query($id: ID!) { person(id: $id) { id } }`, { id: person.id });
    const auth = cxRequests()[0]!.headers.authorization!;
    expect(auth.startsWith('Basic ')).toBe(true);
    expect(Buffer.from(auth.slice(6), 'base64').toString()).toBe('sk_test_keyway_sandbox:');
  });

  it('answers null for an unknown id (vendor 404) without an error', async () => {
    const { body } = await gw.query(`{ person(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(body).toEqual({ data: { person: null } });
    expect(cxRequests()).toHaveLength(1);
  });

  it('rejects an id that is not a GUID before calling CardExchange, naming the argument', async () => {
    const { body } = await gw.query(`{ card(id: "not-a-guid") { id } }`);
    expect(body.data).toEqual({ card: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.path).toEqual(['card']);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(body.errors![0]!.message).toMatch(/"id" must be a GUID/);
    expect(cxRequests()).toHaveLength(0);
  });

  it('walks card → cardholder → person with one request per level', async () => {
    const person = anyPersonWithCards();
    const cardholder = cx().store.cardholdersOf(person.id).find((ch) => cx().store.cardsOf(ch.id).length > 0)!;
    const card = cx().store.cardsOf(cardholder.id)[0]!;
    const { body } = await gw.query(`query($id: ID!) { card(id: $id) { id cardholder { id person { id } cards { id } } } }`, { id: card.id });
    expect(body.errors).toBeUndefined();
    expect(body.data!.card.cardholder.id).toBe(cardholder.id);
    expect(body.data!.card.cardholder.person.id).toBe(person.id);
    expect(cxRequests().map((r) => r.path)).toEqual([
      `/api/v1/cards/${card.id}`,
      `/api/v1/cardholders/${cardholder.id}`,
      `/api/v1/persons/${person.id}`,
    ]);
  });

  it('fetches an id asked for twice in one request once', async () => {
    const person = anyPersonWithCards();
    const { body } = await gw.query(`query($id: ID!) { a: person(id: $id) { id } b: person(id: $id) { lastName } }`, { id: person.id });
    expect(body.data).toEqual({ a: { id: person.id }, b: { lastName: person.lastName } });
    expect(cxRequests()).toHaveLength(1);
  });

  it('answers address, cardholder, production and anonymousSet by id', async () => {
    const address = [...cx().store.addresses.values()][0]!;
    const cardholder = [...cx().store.cardholders.values()].find((ch) => ch.person)!;
    const production = [...cx().store.productions.values()][0]!;
    const set = [...cx().store.anonymousSets.values()][0]!;
    const { body } = await gw.query(
      `query($a: ID!, $c: ID!, $p: ID!, $s: ID!) {
        address(id: $a) { id type streetAddress locality region postalCode country metadata created personId }
        cardholder(id: $c) { id profile { id name } profileNumber status startDate endDate personId cards { id } }
        production(id: $p) { id nameOnCard chipSerialNumber userName exported printedOn numberOfTries
          card { id status } cardholder { id } person { id } }
        anonymousSet(id: $s) { id profileId defaultName persons { id cardholders { id cards { id } } } }
      }`,
      { a: address.id, c: cardholder.id, p: production.id, s: set.id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.address).toMatchObject({ id: address.id, personId: address.person, country: address.country });
    expect(body.data!.cardholder).toMatchObject({ id: cardholder.id, personId: cardholder.person });
    expect(body.data!.production.card).toEqual({ id: production.card, status: 'IN_PRODUCTION' });
    expect(body.data!.anonymousSet.persons.length).toBeGreaterThan(0);
  });
});

describe('lists', () => {
  it('serves persons(first: 50) with addresses, cardholders and cards in exactly one vendor request', async () => {
    const { body } = await gw.query(
      `{ persons(first: 50) { totalCount nodes { id addresses { id } cardholders { id cards { id cardholder { id } } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.persons.nodes).toHaveLength(50);
    expect(body.data!.persons.totalCount).toBe(cx().store.persons.size - cx().store.anonymousPersonIds.size);
    const requests = cxRequests();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.query.get('per_page')).toBe('50');
    expect(requests[0]!.query.get('page')).toBe('1');
  });

  it('pages across a vendor page boundary and ends with an empty page', async () => {
    const first = await gw.query(`{ cards(first: 10) { edges { cursor node { id } } pageInfo { endCursor hasNextPage hasPreviousPage } totalCount } }`);
    const total = first.body.data!.cards.totalCount as number;
    expect(first.body.data!.cards.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    // 10 items after offset 4: no aligned page of 10 holds them, so the gateway picks a wider page.
    const fourth = first.body.data!.cards.edges[4].cursor;
    const second = await gw.query(`query($after: String) { cards(first: 10, after: $after) { nodes { id } pageInfo { hasPreviousPage } } }`, { after: fourth });
    const all = await gw.query(`{ cards(first: 15) { nodes { id } } }`);
    expect(second.body.data!.cards.nodes).toEqual(all.body.data!.cards.nodes.slice(5, 15));
    expect(second.body.data!.cards.pageInfo.hasPreviousPage).toBe(true);

    cx().server.resetRequests();
    const lastCursor = Buffer.from(`offset:${total - 1}`).toString('base64url');
    const empty = await gw.query(`query($after: String) { cards(first: 5, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } totalCount } }`, { after: lastCursor });
    expect(empty.body.data!.cards).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: total });
  });

  it('rejects first above 100 with a clear error and no vendor call', async () => {
    const { body } = await gw.query(`{ persons(first: 101) { totalCount } }`);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(body.errors![0]!.message).toMatch(/between 0 and 100/);
    expect(cxRequests()).toHaveLength(0);
  });

  it('answers totalCount alone with the smallest vendor page', async () => {
    const { body } = await gw.query(`{ addresses(first: 0) { totalCount nodes { id } } }`);
    expect(body.data!.addresses.nodes).toEqual([]);
    expect(body.data!.addresses.totalCount).toBe(cx().store.addresses.size);
    expect(cxRequests()[0]!.query.get('per_page')).toBe('1');
  });

  it('passes search as q', async () => {
    const person = anyPersonWithCards();
    const { body } = await gw.query(`query($q: String) { persons(first: 100, search: $q) { nodes { id lastName } } }`, { q: person.lastName });
    expect(body.data!.persons.nodes.map((p: { id: string }) => p.id)).toContain(person.id);
    expect(cxRequests()[0]!.query.get('q')).toBe(person.lastName);
  });
});

describe('filters reach CardExchange under the documented parameter names', () => {
  const person = () => anyPersonWithCards();
  const cases: Array<[string, () => string, () => Record<string, string>, (node: any) => void]> = [
    ['persons', () => `{ persons(first: 100, filter: { gender: FEMALE, addressPreference: HOME, identificationType: PASSPORT, prefix: MS, suffix: NONE, productionStatus: PRODUCED }) { nodes { gender addressPreference identificationType prefix suffix } } }`,
      () => ({ gender: 'female', address_preference: 'home', id_type: 'passport', prefix: 'ms', suffix: 'none', production_status: 'produced' }),
      (n) => expect(n).toMatchObject({ gender: 'FEMALE', addressPreference: 'HOME', identificationType: 'PASSPORT', prefix: 'MS', suffix: 'NONE' })],
    ['addresses', () => `{ addresses(first: 100, filter: { personId: "${person().id}", type: HOME }) { nodes { personId type } } }`,
      () => ({ person: person().id, type: 'home' }),
      (n) => expect(n).toEqual({ personId: person().id, type: 'HOME' })],
    ['cardholders', () => `{ cardholders(first: 100, filter: { status: BLOCKED, startingAfter: "2000-01-01T00:00:00Z", endingBefore: "2100-01-01T00:00:00Z" }) { nodes { status } } }`,
      () => ({ status: 'blocked', starting_after: '2000-01-01T00:00:00.000Z', ending_before: '2100-01-01T00:00:00.000Z' }),
      (n) => expect(n).toEqual({ status: 'BLOCKED' })],
    ['cards', () => `{ cards(first: 100, filter: { status: ACTIVATED, encryption: AES }) { nodes { status encryption } } }`,
      () => ({ status: 'activated', encryption: 'aes' }),
      (n) => expect(n).toEqual({ status: 'ACTIVATED', encryption: 'AES' })],
  ];

  it.each(cases)('%s', async (_name, query, expectedParams, check) => {
    const { body } = await gw.query(query());
    expect(body.errors).toBeUndefined();
    const params = Object.fromEntries(cxRequests()[0]!.query.entries());
    expect(params).toMatchObject(expectedParams());
    const nodes = Object.values(body.data!)[0].nodes as unknown[];
    nodes.forEach(check);
  });

  it('maps id filters of cardholders, cards and anonymous sets', async () => {
    const cardholder = [...cx().store.cardholders.values()].find((ch) => ch.person && ch.businessUnit && ch.department)!;
    const { body } = await gw.query(
      `query($p: ID, $bu: ID, $d: ID, $ch: ID) {
        cardholders(first: 100, filter: { personId: $p, businessUnitId: $bu, departmentId: $d }) { nodes { id } }
        cards(first: 100, filter: { cardholderId: $ch }) { nodes { cardholderId } }
        anonymousSets(first: 100, filter: { profileId: "x", locationId: "y", costAccountId: "z", externalCompanyId: "w" }) { totalCount }
      }`,
      { p: cardholder.person, bu: cardholder.businessUnit!.id, d: cardholder.department!.id, ch: cardholder.id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.cardholders.nodes.map((n: { id: string }) => n.id)).toContain(cardholder.id);
    for (const node of body.data!.cards.nodes) expect(node.cardholderId).toBe(cardholder.id);
    const byPath = Object.fromEntries(cxRequests().map((r) => [r.path, Object.fromEntries(r.query.entries())]));
    expect(byPath['/api/v1/cardholders']).toMatchObject({ person: cardholder.person, business_unit: cardholder.businessUnit!.id, department: cardholder.department!.id });
    expect(byPath['/api/v1/cards']).toMatchObject({ cardholder: cardholder.id });
    expect(byPath['/api/v1/anonymous-sets']).toMatchObject({ profile: 'x', location: 'y', cost_account: 'z', external_company: 'w' });
  });

  it('rejects a personId filter that is not a GUID before calling CardExchange', async () => {
    const { body } = await gw.query(`{ addresses(filter: { personId: "nope" }) { totalCount } }`);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.personId' });
    expect(cxRequests()).toHaveLength(0);
  });
});

describe('vendor failures', () => {
  it('keeps sibling fields when CardExchange answers 500 for one of them', async () => {
    const person = anyPersonWithCards();
    cx().server.injectFault({ match: /^GET \/api\/v1\/persons\//, fault: { kind: 'status', status: 500, body: { title: 'boom' } } });
    const { body } = await gw.query(`query($id: ID!) { person(id: $id) { id } cards(first: 1) { totalCount } sandbox }`, { id: person.id });
    expect(body.data!.person).toBeNull();
    expect(body.data!.cards.totalCount).toBeGreaterThan(0);
    expect(body.data!.sandbox).toBe(true);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.path).toEqual(['person']);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'cardexchange', status: 500 });
    expect(JSON.stringify(body.errors)).not.toMatch(/stack|at .*\.ts/);
    // A plain 500 is not retried (only 429/502/503/504 and transport failures are): it is rarely transient.
    expect(cxRequests().filter((r) => r.path.startsWith('/api/v1/persons/'))).toHaveLength(1);
  });

  it('answers VENDOR_TIMEOUT within the configured deadline when CardExchange hangs', async () => {
    const person = anyPersonWithCards();
    cx().server.injectFault({ match: /^GET \/api\/v1\/persons\//, fault: { kind: 'hang' } });
    const started = Date.now();
    const { body } = await gw.query(`query($id: ID!) { person(id: $id) { id } sandbox }`, { id: person.id });
    const elapsed = Date.now() - started;
    expect(body.data).toEqual({ person: null, sandbox: true });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_TIMEOUT', vendor: 'cardexchange' });
    expect(elapsed).toBeLessThan(3000 + 1000); // VENDOR_REQUEST_TIMEOUT_MS in the test gateway is 3000
  });

  it('retries a read on 503 and succeeds when the vendor recovers', async () => {
    const person = anyPersonWithCards();
    cx().server.injectFault({ match: /^GET \/api\/v1\/persons\//, times: 2, fault: { kind: 'status', status: 503 } });
    const { body } = await gw.query(`query($id: ID!) { person(id: $id) { id } }`, { id: person.id });
    expect(body).toEqual({ data: { person: { id: person.id } } });
    expect(cxRequests()).toHaveLength(3);
  });

  it('reports VENDOR_RATE_LIMITED after honouring Retry-After', async () => {
    cx().server.injectFault({ match: /^GET \/api\/v1\/cards$/, fault: { kind: 'rateLimit', retryAfterSeconds: 0 } });
    const { body } = await gw.query(`{ cards(first: 1) { totalCount } }`);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_RATE_LIMITED', vendor: 'cardexchange' });
    expect(cxRequests()).toHaveLength(3);
  });

  it('recovers when a 429 clears before the retries run out', async () => {
    cx().server.injectFault({ match: /^GET \/api\/v1\/cards$/, times: 1, fault: { kind: 'rateLimit', retryAfterSeconds: 0 } });
    const { body } = await gw.query(`{ cards(first: 1) { totalCount } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.cards.totalCount).toBeGreaterThan(0);
    expect(cxRequests()).toHaveLength(2);
  });

  it('reports a non-JSON answer as VENDOR_BAD_RESPONSE', async () => {
    cx().server.injectFault({ match: /^GET \/api\/v1\/cards$/, fault: { kind: 'status', status: 200, rawBody: '<html>maintenance</html>', headers: { 'content-type': 'text/html' } } });
    const { body } = await gw.query(`{ cards(first: 1) { totalCount } sandbox }`);
    expect(body.data).toEqual({ cards: null, sandbox: true }); // only the failing field is lost
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_BAD_RESPONSE', vendor: 'cardexchange' });
  });

  it('reports a list answer that is not a JSON array as VENDOR_BAD_RESPONSE', async () => {
    cx().server.injectFault({ match: /^GET \/api\/v1\/cards$/, fault: { kind: 'status', status: 200, body: { items: [] } } });
    const { body } = await gw.query(`{ cards(first: 1) { totalCount } }`);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_BAD_RESPONSE', vendor: 'cardexchange' });
  });
});
