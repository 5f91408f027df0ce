/**
 * The fast path (src/execution/fastPath.ts) must answer exactly as Apollo's pipeline does. Two
 * gateways share one set of simulators, both compiling every operation on first use: one with
 * GRAPHQL_FAST_PATH=false (every request through Apollo), one with the fast path. Each request is
 * sent once to the fast gateway to make the operation known there, then to both, and the status,
 * Content-Type and the whole body must be equal (request ids aside). The counters say which path
 * the fast gateway took, so each case also checks that the path under test really ran.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { startGateway, type RunningGateway } from '../../src/gateway';
import { createLogger } from '../../src/logger';
import { startSandbox, type Sandbox } from '../../src/sandbox/startSandbox';
import { BENCH_PERSON_ID, CARD_PAGE_QUERY, IDENTIFIER_WRITE_MUTATION, PEOPLE_PAGE_QUERY, PERSON_QUERY } from '../../bench/scenarios';

let sandbox: Sandbox;
let viaApollo: RunningGateway;
let fast: RunningGateway;

async function gatewayWith(env: Record<string, string>): Promise<RunningGateway> {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', GRAPHQL_JIT_AFTER: '0', ...env });
  const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_chunk, _encoding, callback) => callback() }) });
  return startGateway({ config, vendors: sandbox.vendors, logger });
}

beforeAll(async () => {
  sandbox = await startSandbox();
  viaApollo = await gatewayWith({ GRAPHQL_FAST_PATH: 'false' });
  fast = await gatewayWith({});
});

afterEach(() => {
  sandbox.cardexchange.server.clearFaults();
  sandbox.aktion.server.clearFaults();
});

afterAll(async () => {
  await viaApollo?.close(1000);
  await fast?.close(1000);
  await sandbox?.close();
});

interface Request {
  method?: 'GET' | 'POST';
  /** POST only. */
  body?: string;
  /** GET only: the query string, `?query=...`. */
  search?: string;
  headers?: Record<string, string>;
}

const json = (payload: Record<string, unknown>, headers: Record<string, string> = {}): Request => ({
  body: JSON.stringify(payload),
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
});

/** A GET with the parameters as Apollo Client sends them (variables and extensions as JSON), and a CSRF-prevention header. */
const get = (params: Record<string, unknown>, headers: Record<string, string> = { 'apollo-require-preflight': 'true', accept: 'application/graphql-response+json' }): Request => ({
  method: 'GET',
  search: `?${new URLSearchParams(Object.entries(params).map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : JSON.stringify(value)]))}`,
  headers,
});

async function send(gateway: RunningGateway, request: Request) {
  const response = await fetch(gateway.url + (request.search ?? ''), { method: request.method ?? 'POST', headers: request.headers, body: request.body });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    requestId: response.headers.get('x-request-id'),
    body: text.replace(/"requestId":"[0-9a-f-]{36}"/g, '"requestId":"<id>"'),
  };
}

const counters = () => ({ answered: fast.gateway.executor.fastPath!.answered, handedOver: fast.gateway.executor.fastPath!.handedOver });

/**
 * Makes the operation known to the fast gateway (`warmUp`, through Apollo), then sends `request`
 * to both gateways (`before` runs before each, e.g. to inject a vendor fault) and returns the
 * answer, which must be the same, and which path the fast gateway took.
 */
async function bothAnswer(request: Request, options: { warmUp?: Request; before?: () => void } = {}) {
  await send(fast, options.warmUp ?? request);
  options.before?.();
  const reference = await send(viaApollo, request);
  const start = counters();
  options.before?.();
  const answer = await send(fast, request);
  const end = counters();
  expect({ ...answer, requestId: undefined }).toEqual({ ...reference, requestId: undefined });
  // Every answer carries a request id, Apollo's own HTTP-level refusals (400, 406) included.
  expect([answer.requestId, reference.requestId]).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/), expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  const path = end.answered > start.answered ? 'fast' : end.handedOver > start.handedOver ? 'handedOver' : 'apollo';
  return { ...answer, json: JSON.parse(answer.body) as Record<string, any>, path };
}

describe('the fast path answers exactly like Apollo', () => {
  it.each([
    ['person detail (bench scenario 1)', PERSON_QUERY, { id: BENCH_PERSON_ID }],
    ['people page (bench scenario 2)', PEOPLE_PAGE_QUERY, { first: 50 }],
    ['card page with identifiers (bench scenario 3)', CARD_PAGE_QUERY, { first: 20 }],
  ])('%s', async (_name, query, variables) => {
    const answer = await bothAnswer(json({ query, variables }));
    expect(answer.path).toBe('fast');
    expect(answer.status).toBe(200);
    expect(answer.json.errors).toBeUndefined();
    expect(answer.body.endsWith('}\n')).toBe(true);
  });

  it('uses the operation the client names, and an operation name the client omits or sends as null', async () => {
    const query = 'query A { sandbox } query B { person(id: "' + BENCH_PERSON_ID + '") { id } }';
    expect((await bothAnswer(json({ query, operationName: 'A' }))).json).toEqual({ data: { sandbox: true } });
    expect((await bothAnswer(json({ query, operationName: 'B' }))).json).toEqual({ data: { person: { id: BENCH_PERSON_ID } } });
    const single = 'query Only { sandbox }';
    for (const operationName of [undefined, null, 'Only']) {
      const answer = await bothAnswer(json({ query: single, operationName }));
      expect(answer.path).toBe('fast');
      expect(answer.json).toEqual({ data: { sandbox: true } });
    }
  });

  it('does not take a query Apollo refused, even when sent again', async () => {
    const query = 'query Two { sandbox } query Three { sandbox }';
    const answer = await bothAnswer(json({ query }));
    expect(answer.path).toBe('apollo');
    expect(answer.status).toBe(400);
    // An operationName the document does not have (this once reached the executor as "no operation").
    const unknownName = await bothAnswer(json({ query: 'query Named { sandbox }', operationName: 'Other' }));
    expect(unknownName.path).toBe('apollo');
    expect(unknownName.status).toBe(400);
    expect(unknownName.json.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
  });

  it.each([
    ['application/graphql-response+json'],
    ['application/json'],
    ['*/*'],
    ['application/json;q=0.5, application/graphql-response+json'],
    ['application/graphql-response+json;q=0.2, application/json;q=0.9'],
  ])('answers with the content type Apollo negotiates for Accept: %s', async (accept) => {
    const answer = await bothAnswer(json({ query: PERSON_QUERY, variables: { id: BENCH_PERSON_ID } }, { accept }));
    expect(answer.path).toBe('fast');
    expect(answer.status).toBe(200);
  });

  it('leaves to Apollo an Accept header that takes neither JSON type, and a request without one', async () => {
    const refused = await bothAnswer(json({ query: 'query Html { sandbox }' }, { accept: 'text/html' }), { warmUp: json({ query: 'query Html { sandbox }' }) });
    expect(refused.path).toBe('apollo');
    expect(refused.status).toBe(406);
    const request: Request = { body: JSON.stringify({ query: 'query NoAccept { sandbox }' }), headers: { 'content-type': 'application/json' } };
    const noAccept = await bothAnswer(request);
    expect(noAccept.path).toBe('fast');
    expect(noAccept.contentType).toBe('application/json; charset=utf-8');
  });

  it('leaves to Apollo every other request shape (Apollo refuses most of them; it answers +json types)', async () => {
    const query = 'query Shapes { sandbox }';
    const cases: Request[] = [
      json({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }),
      json({ query, variables: 'not an object' }),
      json({ query, operationName: 7 }),
      { body: JSON.stringify([{ query }]), headers: { 'content-type': 'application/json' } },
      { body: JSON.stringify({ query }), headers: { 'content-type': 'text/plain' } },
      { body: JSON.stringify({ query }), headers: { 'content-type': 'application/json-patch+json' } },
    ];
    for (const request of cases) {
      const answer = await bothAnswer(request, { warmUp: json({ query }) });
      expect(answer.path).toBe('apollo');
    }
    const charset = await bothAnswer(json({ query }, { 'content-type': 'application/json; charset=utf-8' }));
    expect(charset.path).toBe('fast');
  });

  it('answers a persisted query sent by its hash once Apollo has run that hash; the rest of APQ stays with Apollo', async () => {
    const query = 'query PersistedPerson($id: ID!) { person(id: $id) { id firstName lastName } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const variables = { id: BENCH_PERSON_ID };
    const byHash = (extensions: Record<string, unknown>, operationName?: string) => json({ variables, operationName, extensions });
    const persistedQuery = { version: 1, sha256Hash };

    // Not registered yet: Apollo's PERSISTED_QUERY_NOT_FOUND, on both gateways.
    const unknown = await bothAnswer(byHash({ persistedQuery }));
    expect(unknown.path).toBe('apollo');
    expect(unknown.json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    // Registering (the query with its hash) is Apollo's, on each gateway: it checks the hash.
    const register = json({ query, variables, extensions: { persistedQuery } });
    for (const gateway of [viaApollo, fast]) expect((await send(gateway, register)).status).toBe(200);
    const wrongHash = await bothAnswer(json({ query, variables, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }));
    expect(wrongHash.path).toBe('apollo');
    expect(wrongHash.status).toBe(400);

    const hit = await bothAnswer(byHash({ persistedQuery }));
    expect(hit.path).toBe('fast');
    expect(hit.json).toEqual({ data: { person: { id: BENCH_PERSON_ID, firstName: expect.any(String), lastName: expect.any(String) } } });
    expect((await bothAnswer(byHash({ persistedQuery }, 'PersistedPerson'))).path).toBe('fast');

    // Shapes the fast path does not know stay with Apollo, whatever Apollo makes of them.
    for (const request of [
      byHash({ persistedQuery: { version: 2, sha256Hash } }),
      byHash({ persistedQuery, clientLibrary: 'x' }),
      byHash({ persistedQuery: { ...persistedQuery, extra: true } }),
      byHash({ persistedQuery }, 'SomeOtherName'),
      byHash({ persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } }),
    ]) {
      expect((await bothAnswer(request)).path).toBe('apollo');
    }
  });

  it('answers a query sent as a GET the way Apollo accepts it, and leaves the rest of GET to Apollo', async () => {
    const query = 'query ByGet($id: ID!) { person(id: $id) { id firstName } }';
    const variables = { id: BENCH_PERSON_ID };
    const preflighted = await bothAnswer(get({ query, variables }));
    expect(preflighted.path).toBe('fast');
    expect(preflighted.json.data.person.id).toBe(BENCH_PERSON_ID);
    expect((await bothAnswer(get({ query, variables, operationName: 'ByGet' }, { 'x-apollo-operation-name': 'ByGet' }))).path).toBe('fast');
    expect((await bothAnswer(get({ query, variables }, { 'content-type': 'application/json' }))).path).toBe('fast');

    // A persisted query by its hash over GET (Apollo Client's useGETForHashedQueries), once registered.
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const register = json({ query, variables, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    for (const gateway of [viaApollo, fast]) expect((await send(gateway, register)).status).toBe(200);
    expect((await bothAnswer(get({ variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }))).path).toBe('fast');

    const refused: Array<[Request, number]> = [
      [get({ query, variables }, {}), 400], // no CSRF-prevention header and no Content-Type
      [get({ query, variables }, { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' }), 415],
      [{ ...get({ variables }), search: `${get({ query, variables }).search}&query=${encodeURIComponent(query)}` }, 400],
      [{ ...get({ query }), search: `${get({ query }).search}&variables=${encodeURIComponent('{not json')}` }, 400],
      [get({ query, variables: [1] }), 400],
    ];
    for (const [request, status] of refused) {
      const answer = await bothAnswer(request, { warmUp: get({ query, variables }) });
      expect(answer.path).toBe('apollo');
      expect(answer.status).toBe(status);
    }
  });

  it('leaves a mutation sent as a GET to Apollo (405), even when the same mutation was answered over POST', async () => {
    const variables = {
      create: { internalNumber: 'not hex!', registrationNumber: 'R-1', technology: 'MIFARE', type: 'CARD' },
      update: { internalNumber: 'BE4C00000000AC02', registrationNumber: 'R-2' },
    };
    const answer = await bothAnswer(get({ query: IDENTIFIER_WRITE_MUTATION, variables }), { warmUp: json({ query: IDENTIFIER_WRITE_MUTATION, variables }) });
    expect(answer.path).toBe('apollo');
    expect(answer.status).toBe(405);
  });

  it('hands a persisted mutation that failed to Apollo with its text, so a hash Apollo has dropped cannot make the client send it again', async () => {
    const query = IDENTIFIER_WRITE_MUTATION;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persistedQuery = { version: 1, sha256Hash };
    const variablesFor = (internalNumber: string) => ({
      create: { internalNumber, registrationNumber: 'R-1', technology: 'MIFARE', type: 'CARD' },
      update: { internalNumber, registrationNumber: 'R-2' },
    });
    // Registered, then run by its hash through Apollo: the fast path knows the hash from here on.
    expect((await send(fast, json({ query, variables: variablesFor('BE4C00000000AC11'), extensions: { persistedQuery } }))).status).toBe(200);
    expect((await send(fast, json({ variables: variablesFor('BE4C00000000AC12'), extensions: { persistedQuery } }))).status).toBe(200);
    // Apollo's cache of persisted queries drops the hash (an LRU does, under pressure).
    const apqCache = (fast.gateway.apollo as unknown as { internals: { persistedQueries: { cache: { delete(key: string): Promise<unknown> } } } }).internals.persistedQueries.cache;
    await apqCache.delete(sha256Hash);

    const creates = () => sandbox.aktion.server.received(/^POST \/api\/identifier\/create$/).length;
    sandbox.aktion.server.injectFault({ match: /^POST \/api\/identifier\/create$/, times: 1, fault: { kind: 'status', status: 500 } });
    const before = creates();
    const start = counters();
    const answer = await send(fast, json({ variables: variablesFor('BE4C00000000AC13'), extensions: { persistedQuery } }));
    expect(counters().handedOver).toBe(start.handedOver + 1);
    const body = JSON.parse(answer.body) as { errors: Array<{ extensions: { code: string } }> };
    // The write's own outcome, not PERSISTED_QUERY_NOT_FOUND (which would have the client send the mutation again).
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['VENDOR_OUTCOME_UNKNOWN']);
    expect(creates() - before).toBe(1);

    // The same over GET (a query: Apollo reads the text from the URL it is given).
    const read = 'query PersistedByGet($id: ID!) { person(id: $id) { id firstName } }';
    const readHash = createHash('sha256').update(read).digest('hex');
    const byGet = get({ variables: { id: BENCH_PERSON_ID }, extensions: { persistedQuery: { version: 1, sha256Hash: readHash } } });
    expect((await send(fast, json({ query: read, variables: { id: BENCH_PERSON_ID }, extensions: { persistedQuery: { version: 1, sha256Hash: readHash } } }))).status).toBe(200);
    expect((await send(fast, byGet)).status).toBe(200);
    await apqCache.delete(readHash);
    sandbox.cardexchange.server.injectFault({ match: /^GET \/api\/v1\/persons\//, times: 1, fault: { kind: 'status', status: 500 } });
    const failedRead = JSON.parse((await send(fast, byGet)).body) as { data: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(failedRead.data).toEqual({ person: null });
    expect(failedRead.errors.map((error) => error.extensions.code)).toEqual(['VENDOR_UNAVAILABLE']);
  });

  it('leaves bad variables to Apollo: the same 400, before any vendor call', async () => {
    const warmUp = json({ query: PEOPLE_PAGE_QUERY, variables: { first: 5 } });
    const before = sandbox.cardexchange.server.received().length;
    const answer = await bothAnswer(json({ query: PEOPLE_PAGE_QUERY, variables: { first: 'fifty' } }), { warmUp });
    expect(answer.path).toBe('apollo');
    expect(answer.status).toBe(400);
    expect(answer.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // Only the warm-up called CardExchange.
    expect(sandbox.cardexchange.server.received().length - before).toBe(1);
  });

  it('hands an answer with vendor errors to Apollo, which formats it without running it again', async () => {
    const query = `query($id: ID!) { person(id: $id) { id firstName } sandbox }`;
    const broken = () => sandbox.cardexchange.server.injectFault({ match: /^GET \/api\/v1\/persons\//, times: 1, fault: { kind: 'status', status: 500 } });
    const before = sandbox.cardexchange.server.received(/^GET \/api\/v1\/persons\//).length;
    const answer = await bothAnswer(json({ query, variables: { id: BENCH_PERSON_ID } }), { before: broken });
    expect(answer.path).toBe('handedOver');
    expect(answer.status).toBe(200);
    expect(answer.json.data).toEqual({ person: null, sandbox: true });
    expect(answer.json.errors[0].extensions.code).toBe('VENDOR_UNAVAILABLE');
    // The warm-up's call and one per gateway (a 500 is not retried): the hand-over repeated nothing.
    expect(sandbox.cardexchange.server.received(/^GET \/api\/v1\/persons\//).length - before).toBe(3);
  });

  it('hands over a masked internal error the same way', async () => {
    const card = [...sandbox.cardexchange.store.cards.values()][0]!;
    const wrongShape = () =>
      sandbox.cardexchange.server.injectFault({ match: /^GET \/api\/v1\/cards\//, times: 1, fault: { kind: 'status', status: 200, body: { id: card.id, chipserialNumber: 12345 } } });
    const answer = await bothAnswer(json({ query: `query($id: ID!) { card(id: $id) { id identifier { internalNumber } } }`, variables: { id: card.id } }), { before: wrongShape });
    expect(answer.path).toBe('handedOver');
    expect(answer.json.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: '<id>' });
  });

  it('answers mutations with userErrors, and hands over a failed write that is sent once', async () => {
    const invalidRequest = json({
      query: IDENTIFIER_WRITE_MUTATION,
      variables: {
        create: { internalNumber: 'not hex!', registrationNumber: 'R-1', technology: 'MIFARE', type: 'CARD' },
        update: { internalNumber: 'BE4C00000000AC02', validFrom: '2030-01-01T00:00:00Z', validTo: '2029-01-01T00:00:00Z' },
      },
    });
    const invalid = await bothAnswer(invalidRequest);
    expect(invalid.path).toBe('fast');
    expect(invalid.json.data.createIdentifier.userErrors.length).toBeGreaterThan(0);

    const creates = () => sandbox.aktion.server.received(/^POST \/api\/identifier\/create$/).length;
    const failing = () => sandbox.aktion.server.injectFault({ match: /^POST \/api\/identifier\/create$/, times: 1, fault: { kind: 'status', status: 500 } });
    const variables = {
      create: { internalNumber: 'BE4C00000000AC03', registrationNumber: 'R-1', technology: 'MIFARE', type: 'CARD' },
      update: { internalNumber: 'BE4C00000000AC03', registrationNumber: 'R-2' },
    };
    const before = creates();
    const failed = await bothAnswer(json({ query: IDENTIFIER_WRITE_MUTATION, variables }), { warmUp: invalidRequest, before: failing });
    expect(failed.path).toBe('handedOver');
    expect(failed.json.errors[0].extensions.code).toBe('VENDOR_OUTCOME_UNKNOWN');
    // One create per gateway: the hand-over did not send it again.
    expect(creates() - before).toBe(2);
  });

  it('counts and times a fast answer in the request metrics', async () => {
    const count = async () => {
      const text = await (await fetch(fast.url.replace(/\/graphql$/, '/metrics'))).text();
      return Number(/keyway_graphql_requests_total\{operation="query",outcome="ok"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    await send(fast, json({ query: 'query Counted { sandbox }' }));
    const before = await count();
    const start = counters();
    await send(fast, json({ query: 'query Counted { sandbox }' }));
    expect(counters().answered).toBe(start.answered + 1);
    expect(await count()).toBe(before + 1);
  });
});

describe('GRAPHQL_FAST_PATH=false', () => {
  it('sends every request through Apollo', () => {
    expect(viaApollo.gateway.executor.fastPath).toBeUndefined();
    expect(fast.gateway.executor.fastPath).toBeDefined();
  });
});
