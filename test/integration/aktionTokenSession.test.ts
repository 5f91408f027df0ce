/**
 * The Aktion token session over real HTTP: one login per token life, renewal before expiry,
 * transparent re-login on 1000/1001, single flight under bursts, bad credentials, the login rate
 * policy, and the token never leaking into logs, errors or answers.
 */
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/startSandbox';
import { startTestGateway, type TestGateway } from '../helpers/testGateway';
import { aktionCalls, aktionLogins, aktionRequests, mutate, newIdentifierInput, tokensSent } from '../helpers/aktion';

const READ = `query($nr: String!) { identifier(internalNumber: $nr) { internalNumber } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every response body a test saw, to check that no token ever reached a client. */
const answers: string[] = [];
async function read(gw: TestGateway, nr: string) {
  const response = await gw.query(READ, { nr });
  answers.push(JSON.stringify(response.body));
  return response.body;
}
function someNumber(gw: TestGateway, index = 0): string {
  return gw.sandbox.aktion.store.list()[index]!.InternalNrLong;
}
/** Every token the gateways of this file sent, kept across request-log resets. */
const seenTokens = new Set<string>();
function reset(gw: TestGateway): void {
  for (const token of tokensSent(gw)) seenTokens.add(token);
  gw.sandbox.aktion.server.resetRequests();
  gw.sandbox.aktion.server.clearFaults();
}

describe('with the vendor token lifetime (20 s)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });
  beforeEach(() => reset(gw));

  it('logs in once with UserLogin and ApiKey as JSON, without a token, for a burst of first requests', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => read(gw, someNumber(gw, i))));
    for (const [i, body] of results.entries()) expect(body).toEqual({ data: { identifier: { internalNumber: someNumber(gw, i) } } });
    const logins = aktionLogins(gw);
    expect(logins).toHaveLength(1);
    expect(JSON.parse(logins[0]!.rawBody)).toEqual({ UserLogin: SANDBOX_CREDENTIALS.aktionUserLogin, ApiKey: SANDBOX_CREDENTIALS.aktionApiKey });
    expect(logins[0]!.headers['content-type']).toMatch(/^application\/json/);
    expect(logins[0]!.query.has('Token')).toBe(false);
    expect(tokensSent(gw)).toHaveLength(1);
  });

  it('reuses the token for many operations within its life: no further login', async () => {
    for (let i = 0; i < 5; i += 1) await read(gw, someNumber(gw, i));
    await gw.query(`{ identifiers(first: 3) { totalCount } }`);
    await mutate(gw, 'createIdentifier', newIdentifierInput('BEEF0001'));
    await mutate(gw, 'updateIdentifier', { internalNumber: 'BEEF0001', locked: true });
    await mutate(gw, 'removeIdentifier', { internalNumber: 'BEEF0001' });
    expect(aktionLogins(gw)).toHaveLength(0);
    expect(aktionRequests(gw)).toHaveLength(9);
    expect(tokensSent(gw)).toHaveLength(1);
  });

  it('logs in again transparently when Aktion says the token expired (401/1001) and repeats the call once', async () => {
    const before = tokensSent(gw);
    gw.sandbox.aktion.expireAllTokens();
    const body = await read(gw, someNumber(gw));
    expect(body).toEqual({ data: { identifier: { internalNumber: someNumber(gw) } } });
    expect(aktionCalls(gw)).toEqual(['GET /api/identifier/get', 'POST /api/login', 'GET /api/identifier/get']);
    const [rejected, , repeated] = aktionRequests(gw);
    expect(repeated!.query.get('Token')).not.toBe(rejected!.query.get('Token'));
    expect(before).toEqual([]); // (requests were reset)
  });

  it('logs in again when Aktion does not know the token (401/1000)', async () => {
    gw.sandbox.aktion.server.injectFault({
      match: /^GET \/api\/identifier\/get$/,
      times: 1,
      fault: { kind: 'status', status: 401, body: { Result: { Message: 'Token 0badc0de-1111-4222-8333-444455556666 not found', Code: 1000, ModelStateErr: null } } },
    });
    const body = await read(gw, someNumber(gw));
    expect(body.errors).toBeUndefined();
    expect(aktionCalls(gw)).toEqual(['GET /api/identifier/get', 'POST /api/login', 'GET /api/identifier/get']);
  });

  it('reports a second rejection after the fresh login as VENDOR_AUTH_FAILED, without a third try', async () => {
    gw.sandbox.aktion.server.injectFault({
      match: /^GET \/api\/identifier\/get$/,
      times: 2,
      fault: { kind: 'status', status: 401, body: { Result: { Message: 'Token 0badc0de-9999-4222-8333-444455556666 already expired', Code: 1001 } } },
    });
    const body = await read(gw, someNumber(gw));
    expect(body.data).toEqual({ identifier: null });
    expect(body.errors![0]!.extensions).toEqual({ code: 'VENDOR_AUTH_FAILED', vendor: 'aktion', status: 401, aktionCode: 1001 });
    expect(body.errors![0]!.message).not.toMatch(/0badc0de/);
    expect(aktionCalls(gw)).toEqual(['GET /api/identifier/get', 'POST /api/login', 'GET /api/identifier/get']);
  });

  it('shares exactly one login among a burst of concurrent requests whose token Aktion expired', async () => {
    await read(gw, someNumber(gw)); // make sure the gateway holds a token
    reset(gw);
    gw.sandbox.aktion.expireAllTokens();
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => read(gw, someNumber(gw, i))));
    for (const body of results) expect(body.errors).toBeUndefined();
    expect(aktionLogins(gw)).toHaveLength(1);
    // Every request was repeated once with the one new token.
    const tokens = tokensSent(gw);
    expect(tokens).toHaveLength(2);
    const gets = gw.sandbox.aktion.server.received(/identifier\/get/);
    // Those that reached Aktion before the new token existed were rejected (1001) and repeated once;
    // those that started later used the new token at once. Either way: one answer each on the new token.
    const rejected = gets.filter((r) => r.query.get('Token') === tokens[0]).length;
    expect(rejected).toBeGreaterThan(1);
    expect(gets.filter((r) => r.query.get('Token') === tokens[1])).toHaveLength(25);
    expect(gets).toHaveLength(25 + rejected);
  });

  it('backs off when a login meets the rate policy (401/1008) and succeeds once it passes', async () => {
    gw.sandbox.aktion.expireAllTokens();
    gw.sandbox.aktion.server.injectFault({
      match: /^POST \/api\/login$/,
      times: 1,
      fault: { kind: 'status', status: 401, body: { Result: { Message: 'Request rate policy violated for [keyway-sandbox]', Code: 1008 } } },
    });
    const body = await read(gw, someNumber(gw));
    expect(body.errors).toBeUndefined();
    const logins = aktionLogins(gw);
    expect(logins).toHaveLength(2);
    expect(logins[1]!.receivedAt - logins[0]!.receivedAt).toBeGreaterThanOrEqual(250);
  });

  it('reports VENDOR_RATE_LIMITED when Aktion keeps refusing logins (natural 1008), and recovers afterwards', async () => {
    // Use up the simulator's login allowance (30 per 10 s for this UserLogin) from outside the gateway.
    for (let i = 0; i < 30; i += 1) {
      await fetch(`${gw.sandbox.aktion.apiUrl}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ UserLogin: SANDBOX_CREDENTIALS.aktionUserLogin, ApiKey: 'not-the-key' }),
      });
    }
    reset(gw);
    gw.sandbox.aktion.expireAllTokens();
    const body = await read(gw, someNumber(gw));
    expect(body.errors![0]!.extensions).toEqual({ code: 'VENDOR_RATE_LIMITED', vendor: 'aktion', status: 401, aktionCode: 1008 });
    expect(aktionCalls(gw)).toEqual(['GET /api/identifier/get', 'POST /api/login', 'POST /api/login', 'POST /api/login']);

    gw.sandbox.aktion.resetLoginRateLimit();
    expect((await read(gw, someNumber(gw))).errors).toBeUndefined();
  });

  it('never lets a token reach a log line, an error or an answer (and redacts ?Token= in logged URLs)', async () => {
    gw.sandbox.aktion.expireAllTokens(); // Aktion's 1001 message contains the token itself
    await read(gw, someNumber(gw));
    const logs = gw.logs.join('\n');
    const everyToken = [...seenTokens, ...tokensSent(gw)];
    expect(new Set(everyToken).size).toBeGreaterThanOrEqual(5); // one per re-login in the tests above
    for (const token of [...everyToken, '0badc0de-1111-4222-8333-444455556666', '0badc0de-9999-4222-8333-444455556666']) {
      expect(logs).not.toContain(token);
      for (const answer of answers) expect(answer).not.toContain(token);
    }
    expect(logs).toMatch(/identifier\/get\?InternalNrLong=[0-9A-F]+&Token=redacted/);
    expect(logs).toContain('already expired'); // the vendor message is kept, redacted
    expect(logs).toMatch(/Token \[redacted\] already expired/);
  });
});

describe('with a short token lifetime (1 s)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ sandbox: { aktionTokenTtlSeconds: 1 } });
  });
  afterAll(async () => {
    await gw.close();
  });
  beforeEach(() => reset(gw));

  it('renews the token a safety margin before it expires, so no call is ever rejected', async () => {
    await read(gw, someNumber(gw)); // login + get
    await read(gw, someNumber(gw, 1)); // same token
    await sleep(800); // inside the last quarter of the 1 s life: still valid at Aktion, but renewed
    await read(gw, someNumber(gw, 2));
    expect(aktionCalls(gw)).toEqual(['POST /api/login', 'GET /api/identifier/get', 'GET /api/identifier/get', 'POST /api/login', 'GET /api/identifier/get']);
    expect(tokensSent(gw)).toHaveLength(2);
  });

  it('logs in once for a burst of concurrent requests after the token ran out, without any rejected call', async () => {
    await read(gw, someNumber(gw));
    reset(gw);
    await sleep(1_100);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => read(gw, someNumber(gw, i))));
    for (const body of results) expect(body.errors).toBeUndefined();
    expect(aktionLogins(gw)).toHaveLength(1);
    expect(aktionCalls(gw)).toEqual(['POST /api/login', ...Array(20).fill('GET /api/identifier/get')]);
  });
});

describe('bad credentials', () => {
  it.each([
    ['a wrong API key', { apiKey: 'wrong-key' }, 1004, /AKTION_API_KEY/],
    ['an unknown user login', { userLogin: 'nobody' }, 1003, /AKTION_USER_LOGIN/],
  ])('reports %s as VENDOR_AUTH_FAILED after one login attempt, calling nothing else', async (_name, change, aktionCode, message) => {
    const gw = await startTestGateway({ vendors: (settings) => ({ ...settings, aktion: { ...settings.aktion, ...change } }) });
    try {
      const body = await read(gw, 'ABC');
      expect(body.data).toEqual({ identifier: null });
      expect(body.errors![0]!.extensions).toEqual({ code: 'VENDOR_AUTH_FAILED', vendor: 'aktion', status: 401, aktionCode });
      expect(body.errors![0]!.message).toMatch(message);
      expect(aktionCalls(gw)).toEqual(['POST /api/login']);
      // A mutation fails the same way (top level, not a userError), still without a write.
      const { body: written } = await mutate(gw, 'createIdentifier', newIdentifierInput('ABC'));
      expect(written.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_AUTH_FAILED', aktionCode });
      expect(aktionCalls(gw)).toEqual(['POST /api/login', 'POST /api/login']);
      expect(gw.logs.join('\n')).not.toContain(SANDBOX_CREDENTIALS.aktionApiKey);
    } finally {
      await gw.close();
    }
  });
});
