/**
 * Resilience of the shared HTTP layer, exercised through the real gateway against the CardExchange
 * simulator: circuit breaker, per-request retry budget, bulkhead, and per-vendor isolation.
 */
import { startTestGateway, type TestGateway } from '../helpers/testGateway';

const PERSON = '6f9619ff-8b86-4d01-b42d-00cf4fc964ff';

describe('circuit breaker', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { VENDOR_BREAKER_THRESHOLD: '3', VENDOR_BREAKER_HALF_OPEN_MS: '400', VENDOR_MAX_RETRIES: '0' } });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('fails fast after repeated failures, then probes the vendor again and closes', async () => {
    const cx = gw.sandbox.cardexchange.server;
    cx.injectFault({ match: /^GET \/api\/v1\/persons\//, fault: { kind: 'status', status: 503 } });
    for (let i = 0; i < 3; i += 1) {
      const { body } = await gw.query(`query($id: ID!) { person(id: $id) { id } }`, { id: PERSON });
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', status: 503 });
    }
    expect(cx.received()).toHaveLength(3);

    // Open: answered at once without calling CardExchange.
    const started = Date.now();
    const open = await gw.query(`query($id: ID!) { person(id: $id) { id } sandbox }`, { id: PERSON });
    expect(Date.now() - started).toBeLessThan(500);
    expect(open.body.data).toEqual({ person: null, sandbox: true });
    expect(open.body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'cardexchange' });
    expect(open.body.errors![0]!.message).toMatch(/not calling it for a short while/);
    expect(cx.received()).toHaveLength(3);
    const metrics = await (await fetch(gw.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/keyway_vendor_circuit_open\{vendor="cardexchange"\} 1/);
    expect(metrics).toMatch(/keyway_vendor_calls_refused_total\{vendor="cardexchange",reason="circuit_open"\} [1-9]/);

    // The vendor recovers; after the half-open delay one probe goes through and closes the breaker.
    cx.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 450));
    const probe = await gw.query(`query($id: ID!) { person(id: $id) { id } }`, { id: PERSON });
    expect(probe.body).toEqual({ data: { person: { id: PERSON } } });
    const after = await gw.query(`{ persons(first: 1) { totalCount } }`);
    expect(after.body.errors).toBeUndefined();
    expect(cx.received()).toHaveLength(5);

    const health = await fetch(gw.url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
  });
});

describe('retry budget and bulkhead', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { VENDOR_RETRY_BUDGET: '2', VENDOR_MAX_RETRIES: '2', VENDOR_BREAKER_THRESHOLD: '1000', VENDOR_CONNECTIONS: '2', VENDOR_MAX_QUEUED: '1' } });
  });
  afterAll(async () => {
    await gw.close();
  });
  beforeEach(() => {
    gw.sandbox.cardexchange.server.clearFaults();
    gw.sandbox.cardexchange.server.resetRequests();
  });

  it('spends at most the request retry budget across all vendor calls of one GraphQL request', async () => {
    const cx = gw.sandbox.cardexchange;
    cx.server.injectFault({ match: /^GET \/api\/v1\/cards\//, fault: { kind: 'status', status: 503 } });
    const ids = [...cx.store.cards.keys()].slice(0, 3);
    const { body } = await gw.query(`query($a: ID!, $b: ID!, $c: ID!) { a: card(id: $a) { id } b: card(id: $b) { id } c: card(id: $c) { id } }`, { a: ids[0], b: ids[1], c: ids[2] });
    expect(body.errors).toHaveLength(3);
    // Without a budget: 3 cards x (1 + 2 retries) = 9 requests. With a budget of 2: 3 + 2.
    expect(cx.server.received()).toHaveLength(5);
  });

  it('fails fast when too many calls wait for a slow vendor, without touching other fields', async () => {
    const cx = gw.sandbox.cardexchange;
    cx.server.injectFault({ match: /^GET \/api\/v1\/cards\//, fault: { kind: 'slow', ms: 300 } });
    const ids = [...cx.store.cards.keys()].slice(0, 5);
    const aliases = ids.map((id, i) => `c${i}: card(id: "${id}") { id }`).join(' ');
    const { body } = await gw.query(`{ ${aliases} sandbox }`);
    // 2 in flight + 1 queued are served; the other 2 are refused at once.
    const served = ids.filter((_, i) => body.data![`c${i}`] !== null);
    expect(served).toHaveLength(3);
    expect(body.data!.sandbox).toBe(true);
    expect(body.errors).toHaveLength(2);
    for (const error of body.errors!) expect(error.message).toMatch(/too many calls are waiting/);
    expect(cx.server.received()).toHaveLength(3);
  });
});
