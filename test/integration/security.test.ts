/**
 * Security of the gateway's front door: client authentication, query limits, introspection and
 * GraphiQL policy, CORS, and secrets kept out of answers and logs.
 */
import { SignJWT } from 'jose';
import { startTestGateway, type TestGateway } from '../helpers/testGateway';

const SECRET = 'test-secret-that-is-long-enough-for-hs256!';
const API_KEY = 'ops-key-0123456789abcdef';
const AUTH_ENV = {
  AUTH_ALLOW_ANONYMOUS: 'false',
  AUTH_JWT_SECRET: SECRET,
  AUTH_JWT_ISSUER: 'https://idp.example',
  AUTH_JWT_AUDIENCE: 'keyway',
  AUTH_API_KEYS: `ops:${API_KEY}:keyway:trackdata`,
  INTROSPECTION: 'false',
  GRAPHIQL: 'false',
  CORS_ORIGINS: 'https://app.example',
};

async function token(claims: { iss?: string; aud?: string; exp?: string | number; secret?: string } = {}) {
  return new SignJWT({ scope: 'keyway:read' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('user-42')
    .setIssuer(claims.iss ?? 'https://idp.example')
    .setAudience(claims.aud ?? 'keyway')
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '5m')
    .sign(new TextEncoder().encode(claims.secret ?? SECRET));
}

describe('with authentication required (live-mode policy)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: AUTH_ENV });
  });
  afterAll(async () => {
    await gw.close();
  });
  beforeEach(() => gw.sandbox.cardexchange.server.resetRequests());

  it('answers 401 with a GraphQL-shaped error and no vendor call when credentials are missing', async () => {
    const response = await gw.query(`{ persons(first: 1) { totalCount } }`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body).toEqual({ errors: [{ message: expect.stringMatching(/Authentication is required/), extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(gw.sandbox.cardexchange.server.received()).toHaveLength(0);
  });

  it('accepts a valid bearer JWT', async () => {
    const response = await gw.query(`{ sandbox }`, undefined, { authorization: `Bearer ${await token()}` });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { sandbox: true } });
  });

  it.each([
    ['expired', () => token({ exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['for another audience', () => token({ aud: 'someone-else' })],
    ['from another issuer', () => token({ iss: 'https://evil.example' })],
    ['signed with another key', () => token({ secret: 'another-secret-that-is-also-long-enough!!' })],
    ['malformed', async () => 'not.a.jwt'],
  ])('refuses a JWT that is %s', async (_name, make) => {
    const response = await gw.query(`{ sandbox }`, undefined, { authorization: `Bearer ${await make()}` });
    expect(response.status).toBe(401);
    expect(response.body.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('asks for credentials on /metrics too', async () => {
    const metricsUrl = gw.url.replace('/graphql', '/metrics');
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl, { headers: { 'x-api-key': API_KEY } })).status).toBe(200);
  });

  it('accepts a configured API key and refuses an unknown one', async () => {
    expect((await gw.query(`{ sandbox }`, undefined, { 'x-api-key': API_KEY })).status).toBe(200);
    expect((await gw.query(`{ sandbox }`, undefined, { authorization: `ApiKey ${API_KEY}` })).status).toBe(200);
    expect((await gw.query(`{ sandbox }`, undefined, { 'x-api-key': `${API_KEY}x` })).status).toBe(401);
  });

  it('refuses introspection and hides field suggestions when introspection is off', async () => {
    const headers = { 'x-api-key': API_KEY };
    const introspection = await gw.query(`{ __schema { types { name } } }`, undefined, headers);
    expect(introspection.body.errors![0]!.message).toMatch(/introspection/i);
    const typo = await gw.query(`{ persns(first: 1) { totalCount } }`, undefined, headers);
    expect(typo.body.errors![0]!.message).toMatch(/Cannot query field/);
    expect(typo.body.errors![0]!.message).not.toMatch(/Did you mean/);
  });

  it('does not serve GraphiQL when it is turned off', async () => {
    const response = await fetch(gw.url, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/GraphiQL/);
  });

  it('answers CORS preflights only for allowed origins', async () => {
    const allowed = await fetch(gw.url, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const denied = await fetch(gw.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never writes credentials into logs or answers', async () => {
    await gw.query(`{ persons(first: 1) { totalCount } }`, undefined, { authorization: `Bearer ${await token()}` });
    await gw.query(`{ sandbox }`, undefined, { 'x-api-key': 'wrong-key-0123456789abcdef' });
    const logs = gw.logs.join('\n');
    for (const secret of [SECRET, API_KEY, 'wrong-key-0123456789abcdef', gw.sandbox.vendors.cardexchange.apiKey, Buffer.from(`${gw.sandbox.vendors.cardexchange.apiKey}:`).toString('base64')]) {
      expect(logs).not.toContain(secret);
    }
  });
});

describe('query limits', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { QUERY_MAX_DEPTH: '6', QUERY_MAX_ALIASES: '3', QUERY_MAX_TOKENS: '200', QUERY_MAX_COST: '100' } });
  });
  afterAll(async () => {
    await gw.close();
  });
  beforeEach(() => gw.sandbox.cardexchange.server.resetRequests());

  const expectRejected = async (query: string, pattern: RegExp) => {
    const response = await gw.query(query);
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.message).toMatch(pattern);
    expect(gw.sandbox.cardexchange.server.received()).toHaveLength(0);
  };

  it('rejects a query deeper than the limit before any vendor call', () =>
    expectRejected(`{ persons { nodes { cardholders { cards { cardholder { person { cardholders { id } } } } } } } }`, /depth/i));

  it('rejects too many aliases', () => expectRejected(`{ a: sandbox b: sandbox c: sandbox d: sandbox }`, /alias/i));

  it('rejects a query with too many tokens', () => expectRejected(`{ ${Array.from({ length: 250 }, () => 'sandbox').join(' ')} }`, /token/i));

  it('rejects a query whose cost is too high', () =>
    expectRejected(`{ persons { nodes { id firstName lastName middleName birthDate gender prefix suffix status created phoneNumber mobileNumber
      addresses { id type streetAddress locality region postalCode country created }
      cardholders { id status email note nameOnCard profileNumber created cards { id status cardNumber chipSerialNumber encryption created startDate endDate } } } } }`, /cost/i));

  it('lets introspection through the depth and cost limits (GraphiQL needs it)', async () => {
    const response = await gw.query(`{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });
});
