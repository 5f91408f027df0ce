/**
 * Vendor faults the shared HTTP layer must survive (dropped connections, slow answers, a write
 * with an unknown outcome) and graceful shutdown with a request in flight.
 */
import { startTestGateway, type TestGateway } from '../helpers/testGateway';

const PERSON = '6f9619ff-8b86-4d01-b42d-00cf4fc964ff';

describe('vendor faults', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { VENDOR_BREAKER_THRESHOLD: '1000' } });
  });
  afterAll(async () => {
    await gw.close();
  });
  beforeEach(() => {
    gw.sandbox.cardexchange.server.clearFaults();
    gw.sandbox.cardexchange.server.resetRequests();
  });

  it('retries a read whose connection was dropped and answers from the second attempt', async () => {
    const cx = gw.sandbox.cardexchange.server;
    cx.injectFault({ match: /^GET \/api\/v1\/persons\//, times: 1, fault: { kind: 'drop' } });
    const { body } = await gw.query(`query($id: ID!) { person(id: $id) { id } }`, { id: PERSON });
    expect(body).toEqual({ data: { person: { id: PERSON } } });
    expect(cx.received()).toHaveLength(2);
  });

  it('reports VENDOR_UNAVAILABLE when every attempt of a read is dropped', async () => {
    const cx = gw.sandbox.cardexchange.server;
    cx.injectFault({ match: /^GET \/api\/v1\/persons\//, fault: { kind: 'drop' } });
    const { body } = await gw.query(`query($id: ID!) { person(id: $id) { id } sandbox }`, { id: PERSON });
    expect(body.data).toEqual({ person: null, sandbox: true });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'cardexchange' });
    expect(cx.received()).toHaveLength(3);
  });

  it('waits for a slow answer that is within the timeouts', async () => {
    gw.sandbox.cardexchange.server.injectFault({ match: /^GET \/api\/v1\/persons\//, fault: { kind: 'slow', ms: 400 } });
    const { body } = await gw.query(`query($id: ID!) { person(id: $id) { id } }`, { id: PERSON });
    expect(body).toEqual({ data: { person: { id: PERSON } } });
  });

  it('stays healthy after faults', async () => {
    const response = await fetch(gw.url.replace('/graphql', '/healthz'));
    expect(response.status).toBe(200);
    const { body } = await gw.query(`{ persons(first: 2) { nodes { id } } }`);
    expect(body.data!.persons.nodes).toHaveLength(2);
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, refuses new connections, and closes', async () => {
    const gw = await startTestGateway();
    gw.sandbox.cardexchange.server.injectFault({ match: /^GET \/api\/v1\/persons\//, fault: { kind: 'slow', ms: 500 } });
    const inFlight = gw.query(`query($id: ID!) { person(id: $id) { id } }`, { id: PERSON });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = gw.gateway.close(5000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(gw.url.replace('/graphql', '/readyz'))).rejects.toThrow();
    const { body } = await inFlight;
    expect(body).toEqual({ data: { person: { id: PERSON } } });
    await closing;
    await gw.sandbox.close();
  });
});
