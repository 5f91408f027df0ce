/**
 * The gateway's own HTTP surface: health probes, the GraphiQL page, and vendor credential errors.
 */
import { startTestGateway, type TestGateway } from '../helpers/testGateway';

describe('gateway HTTP routes', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });
  const base = () => gw.url.replace(/\/graphql$/, '');

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${base()}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', mode: 'sandbox' });
  });

  it('serves GraphiQL to a browser on GET /graphql, with no resource from another origin', async () => {
    const response = await fetch(gw.url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await response.text();
    expect(html).toMatch(/GraphiQL/);
    // Outside inline scripts and styles, no tag may load anything from an http(s) or protocol-relative origin.
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '');
    expect(markup).not.toMatch(/\b(src|href|action|poster|data)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<iframe/i);
  });

  it('answers GraphQL over GET for API clients that show they are not a cross-site form', async () => {
    const url = `${gw.url}?query=${encodeURIComponent('{ sandbox }')}`;
    const response = await fetch(url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { sandbox: true } });
    // Apollo's CSRF prevention stays on: a "simple" GET with no such header is refused.
    const simple = await fetch(url, { headers: { accept: 'application/json' } });
    expect(simple.status).toBe(400);
  });

  it('serves Prometheus metrics that count GraphQL requests and vendor calls', async () => {
    const metric = async (pattern: RegExp) => {
      const text = await (await fetch(`${base()}/metrics`)).text();
      return Number(pattern.exec(text)?.[1] ?? 0);
    };
    const graphqlOk = /keyway_graphql_requests_total\{operation="query",outcome="ok"\} (\d+)/;
    const cx2xx = /keyway_vendor_requests_total\{vendor="cardexchange",method="GET",outcome="2xx"\} (\d+)/;
    const before = [await metric(graphqlOk), await metric(cx2xx)];
    await gw.query(`{ persons(first: 1) { totalCount } }`);
    const response = await fetch(`${base()}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    expect([await metric(graphqlOk), await metric(cx2xx)]).toEqual([before[0]! + 1, before[1]! + 1]);
    expect(await response.text()).toMatch(/keyway_process_resident_memory_bytes/);
  });

  it('answers 404 for unknown paths', async () => {
    expect((await fetch(`${base()}/nope`)).status).toBe(404);
  });

  it('refuses a body over the size limit with 413 before parsing it', async () => {
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ sandbox }`, padding: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(response.status).toBe(413);
  });

  it('masks an unexpected failure as INTERNAL_SERVER_ERROR with a request id found in the logs', async () => {
    const card = [...gw.sandbox.cardexchange.store.cards.values()][0]!;
    // A vendor answer of the wrong shape (a number where a string belongs) trips a resolver: a bug
    // the client must not see the details of.
    gw.sandbox.cardexchange.server.injectFault({ match: /^GET \/api\/v1\/cards\//, times: 1, fault: { kind: 'status', status: 200, body: { id: card.id, chipserialNumber: 12345 } } });
    const { headers, body } = await gw.query(`query($id: ID!) { card(id: $id) { id identifier { internalNumber } } sandbox }`, { id: card.id });
    const requestId = headers.get('x-request-id');
    expect(body.data).toEqual({ card: { id: card.id, identifier: null }, sandbox: true });
    expect(body.errors).toEqual([
      {
        message: 'Something went wrong inside the gateway. Quote the request id to support.',
        locations: expect.anything(),
        path: ['card', 'identifier'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      },
    ]);
    const logged = gw.logs.filter((line) => line.includes('unexpected error') && line.includes(requestId!));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/trim is not a function/);
  });

  it('refuses batched requests (an array of operations in one body)', async () => {
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ sandbox }' }, { query: '{ sandbox }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('puts a request id on every GraphQL answer, refusals included', async () => {
    const { headers } = await gw.query('{ sandbox }');
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const post = (body: string, requestHeaders: Record<string, string> = { 'content-type': 'application/json' }) => fetch(gw.url, { method: 'POST', headers: requestHeaders, body });
    const refusals: Array<[string, Promise<Response>, number]> = [
      ['not JSON', post('{'), 400],
      ['a batch (Apollo)', post(JSON.stringify([{ query: '{ sandbox }' }])), 400],
      ['no query (Apollo)', post(JSON.stringify({ variables: {} })), 400],
      ['an Accept without JSON (Apollo)', post(JSON.stringify({ query: '{ sandbox }' }), { 'content-type': 'application/json', accept: 'text/csv' }), 406],
      ['a GET that could be a cross-site form (Apollo)', fetch(`${gw.url}?query=${encodeURIComponent('{ sandbox }')}`, { headers: { accept: 'application/json' } }), 400],
      ['a body over the limit', post(JSON.stringify({ query: `{ sandbox } #${'x'.repeat(2_000_000)}` })), 413],
    ];
    const ids = new Set<string>();
    for (const [name, answer, status] of refusals) {
      const response = await answer;
      await response.arrayBuffer();
      expect([name, response.status]).toEqual([name, status]);
      const id = response.headers.get('x-request-id');
      expect([name, id]).toEqual([name, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
      ids.add(id!);
    }
    expect(ids.size).toBe(refusals.length);
  });
});

describe('vendor credentials', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ vendors: (v) => ({ ...v, cardexchange: { ...v.cardexchange, apiKey: 'sk_test_wrong' } }) });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('reports a CardExchange 401 as VENDOR_AUTH_FAILED without leaking the key', async () => {
    const { body } = await gw.query(`{ persons(first: 1) { totalCount } sandbox }`);
    expect(body.data).toEqual({ persons: null, sandbox: true });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.path).toEqual(['persons']);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_AUTH_FAILED', vendor: 'cardexchange', status: 401 });
    expect(JSON.stringify(body)).not.toContain('sk_test_wrong');
    expect(gw.logs.join('')).not.toContain('sk_test_wrong');
    expect(gw.sandbox.cardexchange.server.received()).toHaveLength(1); // a 401 is not retried
  });
});
