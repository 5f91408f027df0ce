/**
 * The overall deadline of a vendor call (VENDOR_REQUEST_TIMEOUT_MS): it ends a call that undici's
 * own timeouts would let run on, including the pause before a retry, and a write it ends is
 * reported as of unknown outcome, never resent. Here the headers timeout is far longer than the
 * deadline, so only the deadline (src/http/callDeadline.ts) can end these calls.
 */
import { startTestGateway, type TestGateway } from '../helpers/testGateway';

const PERSON = '6f9619ff-8b86-4d01-b42d-00cf4fc964ff';
const PERSON_ROUTE = /^GET \/api\/v1\/persons\//;
const DEADLINE_MS = 400;

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({
    env: { VENDOR_REQUEST_TIMEOUT_MS: String(DEADLINE_MS), VENDOR_HEADERS_TIMEOUT_MS: '20000', VENDOR_BODY_TIMEOUT_MS: '20000', VENDOR_BREAKER_THRESHOLD: '1000' },
  });
});
afterAll(async () => {
  await gw.close();
});
afterEach(() => gw.sandbox.cardexchange.server.clearFaults());

async function personAnswer() {
  const started = Date.now();
  const { status, body } = await gw.query(`query($id: ID!) { person(id: $id) { id } }`, { id: PERSON });
  return { status, body, elapsed: Date.now() - started };
}

describe('vendor call deadline', () => {
  it('ends a call the vendor never answers with VENDOR_TIMEOUT at the deadline', async () => {
    gw.sandbox.cardexchange.server.injectFault({ match: PERSON_ROUTE, fault: { kind: 'hang' } });
    const { status, body, elapsed } = await personAnswer();
    expect(status).toBe(200);
    expect(body.data).toEqual({ person: null });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_TIMEOUT', vendor: 'cardexchange' });
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(elapsed).toBeLessThan(5000);
  });

  it('cuts short the pause before a retry when Retry-After reaches past the deadline', async () => {
    gw.sandbox.cardexchange.server.injectFault({ match: PERSON_ROUTE, fault: { kind: 'rateLimit', retryAfterSeconds: 10 } });
    const before = gw.sandbox.cardexchange.server.received().length;
    const { body, elapsed } = await personAnswer();
    expect(body.data).toEqual({ person: null });
    expect(body.errors?.[0]?.extensions).toMatchObject({ vendor: 'cardexchange' });
    expect(['VENDOR_TIMEOUT', 'VENDOR_RATE_LIMITED']).toContain(body.errors?.[0]?.extensions?.code);
    // Not 10 s: the deadline ended the wait, and no attempt was made after it.
    expect(elapsed).toBeLessThan(5000);
    expect(gw.sandbox.cardexchange.server.received().length - before).toBe(1);
  });

  it('ends a call whose answer is slower than the deadline', async () => {
    gw.sandbox.cardexchange.server.injectFault({ match: PERSON_ROUTE, fault: { kind: 'slow', ms: 1500 } });
    const { body, elapsed } = await personAnswer();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_TIMEOUT', vendor: 'cardexchange' });
    expect(elapsed).toBeLessThan(1200);
  });

  it('reports a write it ends as of unknown outcome and does not resend it', async () => {
    gw.sandbox.cardexchange.server.injectFault({ match: /^POST \/api\/v1\/persons$/, fault: { kind: 'slow', ms: 1500 } });
    const before = gw.sandbox.cardexchange.server.received().filter((r) => r.method === 'POST').length;
    const { body } = await gw.query(`mutation { createPerson(input: { firstName: "Ada", lastName: "Deadline", birthDate: "1990-01-01" }) { person { id } userErrors { code } } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_OUTCOME_UNKNOWN', vendor: 'cardexchange' });
    expect(gw.sandbox.cardexchange.server.received().filter((r) => r.method === 'POST').length - before).toBe(1);
  });

  it('leaves the next call unaffected once a deadline has passed', async () => {
    const { body } = await personAnswer();
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ person: { id: PERSON } });
  });
});

describe('vendor call deadline while waiting for a connection', () => {
  // One connection, and answers (200 ms) slower than a third of the deadline (300 ms): of four
  // calls asked for at once, the third and fourth are still waiting when the deadline passes.
  let waiting: TestGateway;
  beforeAll(async () => {
    waiting = await startTestGateway({
      env: { VENDOR_CONNECTIONS: '1', VENDOR_MAX_QUEUED: '10', VENDOR_REQUEST_TIMEOUT_MS: '300', VENDOR_HEADERS_TIMEOUT_MS: '20000', VENDOR_BREAKER_THRESHOLD: '1000' },
    });
  });
  afterAll(async () => {
    await waiting.close();
  });

  it('refuses a call still waiting at its deadline at once, and never sends it later', async () => {
    const cx = waiting.sandbox.cardexchange;
    cx.server.injectFault({ match: /^GET \/api\/v1\/cards\//, fault: { kind: 'slow', ms: 200 } });
    cx.server.resetRequests();
    const ids = [...cx.store.cards.keys()].slice(0, 4);
    const started = Date.now();
    const { body } = await waiting.query(`{ ${ids.map((id, i) => `c${i}: card(id: "${id}") { id }`).join(' ')} }`);
    const elapsed = Date.now() - started;
    expect(body.data!.c0).toEqual({ id: ids[0] });
    // The last call waited behind the others the whole time: refused at the deadline, unsent.
    expect(body.data!.c3).toBeNull();
    const refusals = body.errors!.filter((e) => /was not sent/.test(e.message));
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    for (const e of refusals) expect(e.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'cardexchange' });
    // Answered at about the deadline, not after every queued call had its own full deadline.
    expect(elapsed).toBeLessThan(800);
    // Give a wrongly sent late call time to arrive: at most c0, c1 and (in a tie at the deadline) c2 went out.
    await new Promise((resolve) => setTimeout(resolve, 700));
    const sent = cx.server.received().filter((r) => /^GET \/api\/v1\/cards\//.test(`${r.method} ${r.path}`));
    expect(sent.length).toBeLessThanOrEqual(3);
    expect(sent.length).toBeGreaterThanOrEqual(2);
  });
});
