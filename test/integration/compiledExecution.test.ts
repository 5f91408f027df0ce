/**
 * Compiled execution (graphql-jit, src/execution/operationExecutor.ts) must answer exactly as
 * graphql-js does. Two gateways share one set of simulators: one with GRAPHQL_JIT=false, one that
 * compiles every operation on first use. Each operation goes to both and the HTTP status and the
 * whole body must be equal (request ids aside), for successes, partial failures, vendor errors,
 * masked internal errors, bad variables and userErrors.
 */
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { startGateway, type RunningGateway } from '../../src/gateway';
import { createLogger } from '../../src/logger';
import { startSandbox, type Sandbox } from '../../src/sandbox/startSandbox';
import { BENCH_PERSON_ID, CARD_PAGE_QUERY, IDENTIFIER_WRITE_MUTATION, PEOPLE_PAGE_QUERY, PERSON_QUERY } from '../../bench/scenarios';

let sandbox: Sandbox;
let interpreted: RunningGateway;
let compiled: RunningGateway;

async function gatewayWith(env: Record<string, string>): Promise<RunningGateway> {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env });
  const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_chunk, _encoding, callback) => callback() }) });
  return startGateway({ config, vendors: sandbox.vendors, logger });
}

beforeAll(async () => {
  sandbox = await startSandbox();
  interpreted = await gatewayWith({ GRAPHQL_JIT: 'false' });
  compiled = await gatewayWith({ GRAPHQL_JIT_AFTER: '0' });
});

afterAll(async () => {
  await interpreted?.close(1000);
  await compiled?.close(1000);
  await sandbox?.close();
});

async function post(gateway: RunningGateway, query: string, variables?: Record<string, unknown>, operationName?: string) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables, operationName }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text.replace(/"requestId":"[0-9a-f-]{36}"/g, '"requestId":"<id>"')) as Record<string, any> };
}

/** Sends the operation to both gateways (the same vendor state) and returns the one answer. */
async function bothAnswer(query: string, variables?: Record<string, unknown>, beforeEach?: () => void) {
  beforeEach?.();
  const viaGraphqlJs = await post(interpreted, query, variables);
  beforeEach?.();
  const viaJit = await post(compiled, query, variables);
  expect(viaJit).toEqual(viaGraphqlJs);
  return viaJit;
}

const firstCard = () => [...sandbox.cardexchange.store.cards.values()][0]!;

describe('compiled execution answers exactly like graphql-js', () => {
  it('compiles on the compiled gateway only', async () => {
    const before = compiled.gateway.executor.compilations;
    await bothAnswer('query CompilesOnce { sandbox }');
    expect(compiled.gateway.executor.compilations).toBe(before + 1);
    expect(interpreted.gateway.executor.compilations).toBe(0);
    // The same document again is served by the compiled function, not compiled a second time.
    await post(compiled, 'query CompilesOnce { sandbox }');
    expect(compiled.gateway.executor.compilations).toBe(before + 1);
  });

  it.each([
    ['person detail (bench scenario 1)', PERSON_QUERY, { id: BENCH_PERSON_ID }],
    ['people page (bench scenario 2)', PEOPLE_PAGE_QUERY, { first: 50 }],
    ['card page with identifiers (bench scenario 3)', CARD_PAGE_QUERY, { first: 20 }],
  ])('%s', async (_name, query, variables) => {
    const { status, body } = await bothAnswer(query, variables);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Object.values(body.data).every((value) => value !== null)).toBe(true);
  });

  it('fragments, inline fragments, aliases, __typename and @skip/@include driven by variables', async () => {
    const query = `
      fragment CardRow on Card { id status cardholder { __typename id } }
      query Shapes($id: ID!, $withCards: Boolean!, $skipAddresses: Boolean!) {
        me: person(id: $id) {
          __typename
          key: id
          ... on Person { firstName lastName }
          addresses @skip(if: $skipAddresses) { id locality }
          cardholders { id cards @include(if: $withCards) { ...CardRow } }
        }
        missing: person(id: "00000000-0000-4000-8000-0000000000ff") { id }
      }`;
    for (const withCards of [true, false]) {
      const { body } = await bothAnswer(query, { id: BENCH_PERSON_ID, withCards, skipAddresses: !withCards });
      expect(body.data.me.key).toBe(BENCH_PERSON_ID);
      expect(body.data.missing).toBeNull();
      expect('addresses' in body.data.me).toBe(withCards);
    }
  });

  it('@skip/@include on fragment spreads and inline fragments, nested and repeated', async () => {
    const query = `
      fragment Names on Person { firstName lastName }
      fragment Holder on Cardholder { id nameOnCard cards { id } }
      query Spreads($id: ID!, $a: Boolean!, $b: Boolean!) {
        person(id: $id) {
          id
          ...Names @include(if: $a)
          ... on Person @skip(if: $b) { status lastName }
          cardholders {
            ...Holder @skip(if: $a)
            ... @include(if: $b) { id profileNumber }
          }
        }
      }`;
    const shapes = new Set<string>();
    for (const a of [true, false]) {
      for (const b of [true, false]) {
        const { body } = await bothAnswer(query, { id: BENCH_PERSON_ID, a, b });
        expect(body.errors).toBeUndefined();
        shapes.add(JSON.stringify(Object.keys(body.data.person)) + JSON.stringify(Object.keys(body.data.person.cardholders[0] ?? {})));
      }
    }
    // Four combinations, four different selections.
    expect(shapes.size).toBe(4);
  });

  it('an operationName that names no operation of the document: the same 400, also once the document is compiled', async () => {
    const query = 'query Known { sandbox }';
    // The first request compiles the document's only operation on the compiled gateway.
    expect((await post(compiled, query)).status).toBe(200);
    for (const operationName of ['Unknown', 'Unknown']) {
      const viaGraphqlJs = await post(interpreted, query, undefined, operationName);
      const viaJit = await post(compiled, query, undefined, operationName);
      expect(viaJit).toEqual(viaGraphqlJs);
      expect(viaJit.status).toBe(400);
      expect(viaJit.body.errors[0]).toMatchObject({ message: 'Unknown operation named "Unknown".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
    }
  });

  it('bad variables: the same 400 and BAD_USER_INPUT message', async () => {
    const { status, body } = await bothAnswer(PEOPLE_PAGE_QUERY, { first: 'fifty' });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('$first');
  });

  it('a missing required variable and an unknown input field', async () => {
    expect((await bothAnswer(PERSON_QUERY, {})).status).toBe(400);
    const create = await bothAnswer(IDENTIFIER_WRITE_MUTATION, {
      create: { internalNumber: 'BE4C00000000AA01', technology: 'MIFARE', type: 'CARD', colour: 'red' },
      update: { internalNumber: 'BE4C00000000AA01' },
    });
    expect(create.status).toBe(400);
    expect(create.body.errors[0].message).toContain('colour');
  });

  it('a vendor failure nulls only its field, with the same typed error', async () => {
    const fail = () => sandbox.cardexchange.server.injectFault({ match: /^GET \/api\/v1\/persons\//, times: 1, fault: { kind: 'status', status: 404 } });
    const { body } = await bothAnswer(`query($id: ID!) { person(id: $id) { id } sandbox }`, { id: BENCH_PERSON_ID }, fail);
    expect(body.data).toEqual({ person: null, sandbox: true });

    const broken = () => sandbox.cardexchange.server.injectFault({ match: /^GET \/api\/v1\/persons\//, times: 3, fault: { kind: 'status', status: 500 } });
    const failed = await bothAnswer(`query($id: ID!) { person(id: $id) { id firstName } sandbox }`, { id: BENCH_PERSON_ID }, broken);
    expect(failed.body.data).toEqual({ person: null, sandbox: true });
    expect(failed.body.errors).toHaveLength(1);
    expect(failed.body.errors[0].path).toEqual(['person']);
    expect(failed.body.errors[0].extensions.code).toMatch(/^VENDOR_/);
  });

  it('an unexpected resolver failure is masked the same way', async () => {
    const card = firstCard();
    const wrongShape = () =>
      sandbox.cardexchange.server.injectFault({ match: /^GET \/api\/v1\/cards\//, times: 1, fault: { kind: 'status', status: 200, body: { id: card.id, chipserialNumber: 12345 } } });
    const { body } = await bothAnswer(`query($id: ID!) { card(id: $id) { id identifier { internalNumber } } }`, { id: card.id }, wrongShape);
    expect(body.data).toEqual({ card: { id: card.id, identifier: null } });
    expect(body.errors).toEqual([
      {
        message: 'Something went wrong inside the gateway. Quote the request id to support.',
        locations: [{ line: 1, column: 38 }],
        path: ['card', 'identifier'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: '<id>' },
      },
    ]);
  });

  it('a vendor value outside an enum is reported the same way (the person is refused whole)', async () => {
    const strange = () =>
      sandbox.cardexchange.server.injectFault({
        match: /^GET \/api\/v1\/persons\//,
        times: 1,
        fault: { kind: 'status', status: 200, body: { ...sandbox.cardexchange.store.persons.get(BENCH_PERSON_ID), gender: 'Dragon' } },
      });
    const { body } = await bothAnswer(`query($id: ID!) { person(id: $id) { id gender } }`, { id: BENCH_PERSON_ID }, strange);
    expect(body.errors).toHaveLength(1);
    expect(body.data).toEqual({ person: null });
    expect(body.errors[0].path).toEqual(['person']);
  });

  it('mutations: userErrors found before any vendor call', async () => {
    const { body } = await bothAnswer(IDENTIFIER_WRITE_MUTATION, {
      create: { internalNumber: 'not hex!', registrationNumber: 'R-1', technology: 'MIFARE', type: 'CARD' },
      update: { internalNumber: 'BE4C00000000AA02', validFrom: '2030-01-01T00:00:00Z', validTo: '2029-01-01T00:00:00Z' },
    });
    expect(body.data.createIdentifier.userErrors.length).toBeGreaterThan(0);
    expect(body.data.updateIdentifier.userErrors.length).toBeGreaterThan(0);
  });

  it('mutations run one after another and read back what they wrote', async () => {
    const run = async (gateway: RunningGateway, internalNumber: string) => {
      const { body } = await post(gateway, IDENTIFIER_WRITE_MUTATION, {
        create: { internalNumber, registrationNumber: 'R-1', technology: 'MIFARE', type: 'CARD' },
        update: { internalNumber, registrationNumber: 'R-2', locked: true },
      });
      return JSON.stringify(body).replaceAll(internalNumber, '<n>');
    };
    const viaGraphqlJs = await run(interpreted, 'BE4C00000000AB01');
    const viaJit = await run(compiled, 'BE4C00000000AB02');
    expect(viaJit).toEqual(viaGraphqlJs);
    expect(JSON.parse(viaJit).data.updateIdentifier.identifier).toEqual({ internalNumber: '<n>', registrationNumber: 'R-2', status: expect.any(String), locked: true });
  });
});

async function compiledMetric(gateway: RunningGateway): Promise<number> {
  const text = await (await fetch(gateway.url.replace(/\/graphql$/, '/metrics'))).text();
  return Number(/keyway_graphql_compilations_total\{outcome="compiled"\} (\d+)/.exec(text)?.[1] ?? 0);
}

describe('when operations are compiled', () => {
  it('GRAPHQL_JIT_AFTER: a document runs on graphql-js that many times, then compiled, once per operation name', async () => {
    const gateway = await gatewayWith({ GRAPHQL_JIT_AFTER: '2' });
    try {
      const compiledBefore = await compiledMetric(gateway);
      const document = 'query A { sandbox } query B { sandbox }';
      const send = (operationName: string) =>
        fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: document, operationName }) }).then((r) => r.json());
      expect(await send('A')).toEqual({ data: { sandbox: true } });
      expect(await send('A')).toEqual({ data: { sandbox: true } });
      expect(gateway.gateway.executor.compilations).toBe(0);
      expect(await send('A')).toEqual({ data: { sandbox: true } });
      expect(gateway.gateway.executor.compilations).toBe(1);
      expect(await send('B')).toEqual({ data: { sandbox: true } });
      expect(gateway.gateway.executor.compilations).toBe(2);
      expect(await send('A')).toEqual({ data: { sandbox: true } });
      expect(gateway.gateway.executor.compilations).toBe(2);
      // The Prometheus counter (one registry per process) counted the same two compilations.
      expect(await compiledMetric(gateway)).toBe(compiledBefore + 2);
    } finally {
      await gateway.close(1000);
    }
  });
});
