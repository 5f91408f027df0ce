/**
 * Aktion identifier reads over real HTTP: the gateway on 127.0.0.1:0, the Aktion and CardExchange
 * simulators behind it. Each test asserts the GraphQL answer and what the simulators received.
 */
import { normaliseInternalNr, toWire } from '../../src/vendors/aktion/sandbox';
import { startTestGateway, type TestGateway } from '../helpers/testGateway';
import { aktionCalls, aktionLogins, aktionRequests, IDENTIFIER_FIELDS } from '../helpers/aktion';

let gw: TestGateway;
const ak = () => gw.sandbox.aktion;
const cx = () => gw.sandbox.cardexchange;
const identifierGets = () => ak().server.received(/^GET \/api\/identifier\/get$/);
const cardSearches = () => cx().server.received(/^GET \/api\/v1\/cards$/);

beforeAll(async () => {
  gw = await startTestGateway();
  // Log in once so that most tests below see only their own calls.
  await gw.query(`{ identifiers(first: 0) { totalCount } }`);
});
afterAll(async () => {
  await gw.close();
});
beforeEach(() => {
  ak().server.resetRequests();
  ak().server.clearFaults();
  ak().forceError = undefined;
  cx().server.resetRequests();
  cx().server.clearFaults();
});

/** A seeded identifier that is not linked to a card (free, unassigned), and one that is. */
function unlinkedIdentifier() {
  const serials = new Set(cx().store.seedChipSerialNumbers.map(normaliseInternalNr));
  return ak().store.list().find((record) => !serials.has(record.InternalNrLong) && record.ValidFrom !== null)!;
}
function firstCard() {
  return [...cx().store.cards.values()][0]!;
}

describe('identifier(internalNumber)', () => {
  it('answers every field in GraphQL terms from one identifier/get carrying the session token', async () => {
    const record = unlinkedIdentifier();
    const { body } = await gw.query(`query($nr: String!) { identifier(internalNumber: $nr) { ${IDENTIFIER_FIELDS} } }`, { nr: record.InternalNrLong });
    expect(body.errors).toBeUndefined();
    const technology = ['UNIQUE', 'HIGH_SECURITY', 'MIFARE', 'ABA_TRACK', 'HID', 'DESFIRE'][record.Technology];
    const type = ['CARD', 'TAG', 'BRACELET', 'VISITING_CARD', 'ENTRY_CODE'][record.Type];
    const status = { 0: 'FREE', 1: 'ASSIGNED', 2: 'LOST', 4: 'CONFIGURATION' }[record.Status];
    expect(body.data!.identifier).toEqual({
      internalNumber: record.InternalNrLong,
      registrationNumber: record.RegistrationNr,
      technology,
      type,
      status,
      locked: record.Lock === 1,
      secure: record.Security === 1,
      validFrom: new Date(record.ValidFrom!).toISOString(),
      validTo: record.ValidTo === null ? null : new Date(record.ValidTo).toISOString(),
    });
    const [get] = identifierGets();
    expect(aktionCalls(gw)).toEqual(['GET /api/identifier/get']);
    expect(get!.query.get('InternalNrLong')).toBe(record.InternalNrLong);
    expect(get!.query.get('Token')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('normalises the number (lower case, leading zeros) before asking Aktion', async () => {
    const card = firstCard(); // e.g. 04A3F29C1B5D80
    const { body } = await gw.query(`query($nr: String!) { identifier(internalNumber: $nr) { internalNumber } }`, {
      nr: `00${card.chipserialNumber.toLowerCase()}`,
    });
    const normalised = card.chipserialNumber.replace(/^0+/, '').toUpperCase();
    expect(body).toEqual({ data: { identifier: { internalNumber: normalised } } });
    expect(identifierGets().map((r) => r.query.get('InternalNrLong'))).toEqual([normalised]);
  });

  it('answers null without an error for a number Aktion does not know (404/1140)', async () => {
    const { body } = await gw.query(`{ identifier(internalNumber: "ABCDEF0123456789") { internalNumber } }`);
    expect(body).toEqual({ data: { identifier: null } });
    expect(identifierGets()).toHaveLength(1);
  });

  it.each([
    ['', /Enter the internal number/],
    ['12G4', /hexadecimal digits only/],
    ['1'.repeat(21), /at most 20 digits/],
  ])('rejects internalNumber %j before calling Aktion', async (nr, message) => {
    const { body } = await gw.query(`query($nr: String!) { identifier(internalNumber: $nr) { internalNumber } }`, { nr });
    expect(body.data).toEqual({ identifier: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.path).toEqual(['identifier']);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'internalNumber' });
    expect(body.errors![0]!.message).toMatch(message);
    expect(aktionRequests(gw)).toHaveLength(0);
  });

  it('fetches a number asked for twice (in two spellings) once', async () => {
    const record = unlinkedIdentifier();
    const { body } = await gw.query(`query($a: String!, $b: String!) { a: identifier(internalNumber: $a) { internalNumber } b: identifier(internalNumber: $b) { type } }`, {
      a: record.InternalNrLong,
      b: `0${record.InternalNrLong.toLowerCase()}`,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.a.internalNumber).toBe(record.InternalNrLong);
    expect(identifierGets()).toHaveLength(1);
  });

  it('reads Aktion dates sent as ISO 8601 as well as \\/Date(ms)\\/', async () => {
    const record = ak().store.list()[0]!;
    ak().server.injectFault({
      match: /^GET \/api\/identifier\/get$/,
      times: 1,
      fault: {
        kind: 'status',
        status: 200,
        body: {
          Result: { Message: 'Processed with result: ExecOK', Code: 0, ModelStateErr: null },
          Identifier: { ...toWire(record), ValidFrom: '2024-12-03T18:23:08.0045457+01:00', ValidTo: '\\/Date(1827835751335)\\/'.replace(/\\/g, '') },
        },
      },
    });
    const { body } = await gw.query(`query($nr: String!) { identifier(internalNumber: $nr) { validFrom validTo } }`, { nr: record.InternalNrLong });
    expect(body).toEqual({ data: { identifier: { validFrom: '2024-12-03T17:23:08.004Z', validTo: new Date(1827835751335).toISOString() } } });
  });

  it('fails only the date field, with VENDOR_BAD_RESPONSE, when Aktion sends a date it cannot read', async () => {
    const record = ak().store.list()[0]!;
    ak().server.injectFault({
      match: /^GET \/api\/identifier\/get$/,
      times: 1,
      fault: { kind: 'status', status: 200, body: { Result: { Code: 0 }, Identifier: { ...toWire(record), ValidFrom: 'next tuesday' } } },
    });
    const { body } = await gw.query(`query($nr: String!) { identifier(internalNumber: $nr) { internalNumber validFrom } }`, { nr: record.InternalNrLong });
    expect(body.data).toEqual({ identifier: { internalNumber: record.InternalNrLong, validFrom: null } });
    expect(body.errors![0]!.path).toEqual(['identifier', 'validFrom']);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_BAD_RESPONSE', vendor: 'aktion' });
  });
});

describe('identifiers (connection over identifier/getAll)', () => {
  it('pages through every identifier with first/after mapped onto PageNumber/PageSize', async () => {
    const all = ak().store.list().map((r) => r.InternalNrLong);
    const first = await gw.query(`{ identifiers(first: 10) { totalCount nodes { internalNumber } pageInfo { hasNextPage hasPreviousPage endCursor } } }`);
    expect(first.body.errors).toBeUndefined();
    const page1 = first.body.data!.identifiers;
    expect(page1.totalCount).toBe(all.length);
    expect(page1.nodes.map((n: { internalNumber: string }) => n.internalNumber)).toEqual(all.slice(0, 10));
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = await gw.query(`query($after: String) { identifiers(first: 10, after: $after) { edges { cursor node { internalNumber } } pageInfo { hasPreviousPage } } }`, {
      after: page1.pageInfo.endCursor,
    });
    const page2 = second.body.data!.identifiers;
    expect(page2.edges.map((e: { node: { internalNumber: string } }) => e.node.internalNumber)).toEqual(all.slice(10, 20));
    expect(page2.pageInfo.hasPreviousPage).toBe(true);

    const getAll = ak().server.received(/^GET \/api\/identifier\/getAll$/);
    expect(getAll.map((r) => [r.query.get('PageNumber'), r.query.get('PageSize')])).toEqual([
      ['1', '10'],
      ['2', '10'],
    ]);
  });

  it('reads a window that straddles Aktion pages with at most two requests and the right slice', async () => {
    const all = ak().store.list().map((r) => r.InternalNrLong);
    // Skip 3 items (after the cursor of item index 2), take 98: no page size <= 100 holds 3..100 in one page.
    const after = Buffer.from('offset:2').toString('base64url');
    const { body } = await gw.query(`query($after: String) { identifiers(first: 98, after: $after) { nodes { internalNumber } } }`, { after });
    expect(body.data!.identifiers.nodes.map((n: { internalNumber: string }) => n.internalNumber)).toEqual(all.slice(3, 101));
    expect(ak().server.received(/getAll/).length).toBeLessThanOrEqual(2);
  });

  it('answers first: 0 with the total from the smallest page', async () => {
    const { body } = await gw.query(`{ identifiers(first: 0) { totalCount nodes { internalNumber } } }`);
    expect(body).toEqual({ data: { identifiers: { totalCount: ak().store.size, nodes: [] } } });
    expect(ak().server.received(/getAll/).map((r) => r.query.get('PageSize'))).toEqual(['1']);
  });

  it('rejects first above 100 before calling Aktion', async () => {
    const { body } = await gw.query(`{ identifiers(first: 101) { totalCount } }`);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(aktionRequests(gw)).toHaveLength(0);
  });

  it('primes listed identifiers, so reaching one of them again (identifier → card → identifier) costs no identifier/get', async () => {
    const { body } = await gw.query(`{ identifiers(first: 5) { nodes { internalNumber card { identifier { internalNumber } } } } }`);
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.identifiers.nodes as Array<{ internalNumber: string; card: { identifier: { internalNumber: string } } | null }>;
    const linked = nodes.filter((n) => n.card !== null);
    expect(linked.length).toBeGreaterThan(0); // the seed puts the card-linked identifiers first
    for (const node of linked) expect(node.card!.identifier.internalNumber).toBe(node.internalNumber);
    expect(aktionCalls(gw)).toEqual(['GET /api/identifier/getAll']);
  });
});

describe('Card.identifier', () => {
  it('costs one Aktion lookup per distinct chip serial number and one login for a list of 50 cards', async () => {
    const fresh = await startTestGateway(); // no token yet
    try {
      const { body } = await fresh.query(`{ cards(first: 50) { nodes { id chipSerialNumber identifier { internalNumber status card { id } } } } }`);
      expect(body.errors).toBeUndefined();
      const nodes = body.data!.cards.nodes as Array<{ id: string; chipSerialNumber: string; identifier: unknown }>;
      expect(nodes).toHaveLength(50);
      for (const node of nodes) {
        expect(node.identifier).toEqual({ internalNumber: normaliseInternalNr(node.chipSerialNumber), status: 'ASSIGNED', card: { id: node.id } });
      }
      const distinct = new Set(nodes.map((n) => normaliseInternalNr(n.chipSerialNumber)));
      const gets = fresh.sandbox.aktion.server.received(/^GET \/api\/identifier\/get$/);
      expect(aktionLogins(fresh)).toHaveLength(1);
      expect(gets).toHaveLength(distinct.size);
      expect(new Set(gets.map((r) => r.query.get('InternalNrLong')))).toEqual(distinct);
      expect(aktionCalls(fresh)).toEqual(['POST /api/login', ...Array(distinct.size).fill('GET /api/identifier/get')]);
      // Identifier.card goes back to the card already in hand: no CardExchange search.
      expect(fresh.sandbox.cardexchange.server.received(/^GET \/api\/v1\/cards$/).filter((r) => r.query.has('q'))).toHaveLength(0);
    } finally {
      await fresh.close();
    }
  });

  it('costs exactly one get per distinct serial and no login while the token lives', async () => {
    const { body } = await gw.query(`{ cards(first: 20) { nodes { identifier { internalNumber } } } }`);
    expect(body.errors).toBeUndefined();
    expect(aktionCalls(gw)).toEqual(Array(20).fill('GET /api/identifier/get'));
  });

  it('is null when Aktion has no identifier for the chip, and null without a call when the card has no usable serial', async () => {
    const cards = [...cx().store.cards.values()].slice(0, 2);
    const [withoutIdentifier, withoutSerial] = cards as [(typeof cards)[0], (typeof cards)[0]];
    const removed = ak().store.get(withoutIdentifier.chipserialNumber)!;
    ak().store.remove(withoutIdentifier.chipserialNumber);
    const serial = withoutSerial.chipserialNumber;
    withoutSerial.chipserialNumber = '';
    try {
      const { body } = await gw.query(`query($a: ID!, $b: ID!) { a: card(id: $a) { identifier { internalNumber } } b: card(id: $b) { chipSerialNumber identifier { internalNumber } } }`, {
        a: withoutIdentifier.id,
        b: withoutSerial.id,
      });
      expect(body).toEqual({ data: { a: { identifier: null }, b: { chipSerialNumber: '', identifier: null } } });
      expect(identifierGets().map((r) => r.query.get('InternalNrLong'))).toEqual([normaliseInternalNr(withoutIdentifier.chipserialNumber)]);
    } finally {
      ak().store.create(removed);
      withoutSerial.chipserialNumber = serial;
    }
  });

  it('fails only the identifier field when Aktion refuses, leaving the card intact', async () => {
    ak().forceError = (op) => (op === 'get' ? { status: 403, code: 1141 } : undefined);
    const card = firstCard();
    const { body } = await gw.query(`query($id: ID!) { card(id: $id) { id identifier { internalNumber } } }`, { id: card.id });
    expect(body.data).toEqual({ card: { id: card.id, identifier: null } });
    expect(body.errors![0]!.path).toEqual(['card', 'identifier']);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_AUTH_FAILED', vendor: 'aktion', aktionCode: 1141 });
  });
});

describe('Identifier.card', () => {
  it('finds the CardExchange card by chip serial number with one search, matching after normalising both sides', async () => {
    const card = firstCard();
    const nr = normaliseInternalNr(card.chipserialNumber);
    const { body } = await gw.query(`query($nr: String!) { identifier(internalNumber: $nr) { internalNumber card { id chipSerialNumber } } }`, { nr });
    expect(body).toEqual({ data: { identifier: { internalNumber: nr, card: { id: card.id, chipSerialNumber: card.chipserialNumber } } } });
    expect(cardSearches().map((r) => r.query.get('q'))).toEqual([nr]);
  });

  it('is null when no card has that chip serial number', async () => {
    const record = unlinkedIdentifier();
    const { body } = await gw.query(`query($nr: String!) { identifier(internalNumber: $nr) { card { id } } }`, { nr: record.InternalNrLong });
    expect(body).toEqual({ data: { identifier: { card: null } } });
    expect(cardSearches().length).toBeGreaterThanOrEqual(1);
  });

  it('searches CardExchange once per distinct number over a list of identifiers', async () => {
    const { body } = await gw.query(`{ identifiers(first: 30) { nodes { internalNumber card { id } } } }`);
    expect(body.errors).toBeUndefined();
    const numbers = body.data!.identifiers.nodes.map((n: { internalNumber: string }) => n.internalNumber);
    const searched = cardSearches().map((r) => r.query.get('q'));
    expect(new Set(searched)).toEqual(new Set(numbers));
    expect(searched.length).toBeLessThanOrEqual(numbers.length + 5);
    const linked = body.data!.identifiers.nodes.filter((n: { card: unknown }) => n.card !== null);
    expect(linked.length).toBeGreaterThan(0);
  });
});

describe('read errors', () => {
  const query = `query($nr: String!) { identifier(internalNumber: $nr) { internalNumber } }`;

  it.each([
    ['DEAD1141', 'VENDOR_AUTH_FAILED', 1141, /View privilege/],
    ['DEAD1144', 'VENDOR_AUTH_FAILED', 1144, /may not view/],
    ['DEAD1006', 'VENDOR_AUTH_FAILED', 1006, /IP filter/],
    ['DEAD1007', 'VENDOR_AUTH_FAILED', 1007, /IP filter/],
  ])('maps %s on identifier/get to a top-level %s with aktionCode %i', async (nr, code, aktionCode, message) => {
    const { body } = await gw.query(query, { nr });
    expect(body.data).toEqual({ identifier: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.path).toEqual(['identifier']);
    expect(body.errors![0]!.extensions).toEqual({ code, vendor: 'aktion', status: expect.any(Number), aktionCode });
    expect(body.errors![0]!.message).toMatch(message);
    expect(identifierGets()).toHaveLength(1);
  });

  it('maps a 500 on a read to VENDOR_UNAVAILABLE', async () => {
    const { body } = await gw.query(query, { nr: 'DEAD0500' });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'aktion', status: 500 });
  });

  it('maps 415 to a top-level VENDOR_REJECTED that says it is a gateway problem', async () => {
    ak().forceError = (op) => (op === 'get' ? { status: 415, code: 415 } : undefined);
    const { body } = await gw.query(query, { nr: 'ABC' });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_REJECTED', vendor: 'aktion', status: 415, aktionCode: 415 });
    expect(body.errors![0]!.message).toMatch(/gateway problem/);
  });

  it('backs off on 401/1008 and reports VENDOR_RATE_LIMITED when the rate policy persists', async () => {
    const started = Date.now();
    const { body } = await gw.query(query, { nr: 'DEAD1008' });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_RATE_LIMITED', vendor: 'aktion', aktionCode: 1008 });
    expect(identifierGets()).toHaveLength(3); // the call and two repeats after pauses
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_100); // 300 ms + 900 ms, minus timer slack
  });

  it('maps a getAll refusal to a top-level error on the connection field', async () => {
    ak().forceError = () => undefined;
    ak().server.injectFault({
      match: /getAll/,
      times: 1,
      fault: { kind: 'status', status: 403, body: { Result: { Code: 1141, Message: 'Privilege View of agenda Identifiers violated for [keyway-sandbox]' } } },
    });
    const { body } = await gw.query(`{ identifiers(first: 5) { totalCount } }`);
    expect(body.errors![0]!.path).toEqual(['identifiers']);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_AUTH_FAILED', aktionCode: 1141 });
  });
});
