/** CardExchange simulator: authentication, paging, problem details, routing and the harness hooks. */
import { demoChipSerialNumbers, demoIds, type CardExchangeSimulator } from '../../../src/vendors/cardexchange/sandbox';
import { API_KEY, basicAuth, clientFor, links, startSimulator, type TestClient } from './cardexchange.helpers';

let sim: CardExchangeSimulator;
let api: TestClient;

beforeAll(async () => {
  sim = await startSimulator();
  api = clientFor(sim);
});
afterAll(() => sim.close());
afterEach(() => sim.server.clearFaults());

describe('authentication', () => {
  test.each([
    ['no Authorization header', undefined],
    ['a wrong Basic key', basicAuth('sk_test_wrong')],
    ['a wrong Bearer key', 'Bearer sk_test_wrong'],
    ['the key as Basic password instead of user name', basicAuth('', API_KEY)],
  ])('%s is 401 problem details', async (_, authorization) => {
    const response = await fetch(`${sim.url}/api/v1/persons`, {
      headers: authorization ? { Authorization: authorization } : {},
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('www-authenticate')).toMatch(/Basic/);
    const body = await response.json();
    expect(body).toEqual({ title: 'Unauthorized', status: 401, detail: expect.any(String) });
  });

  test('Basic with the key as user name (empty password) and Bearer both work', async () => {
    for (const authorization of [basicAuth(API_KEY), `Bearer ${API_KEY}`, `basic ${Buffer.from(API_KEY).toString('base64')}`]) {
      const response = await fetch(`${sim.url}/api/v1/cards?per_page=1`, { headers: { Authorization: authorization } });
      expect(response.status).toBe(200);
    }
  });

  test('authentication comes before method checks', async () => {
    const response = await fetch(`${sim.url}/api/v1/cards/${demoIds.card}`, { method: 'DELETE' });
    expect(response.status).toBe(401);
  });
});

describe('paging', () => {
  test('defaults to page 1 with 15 items, X-Total-Count and first/next/last links', async () => {
    const { status, headers, body } = await api.get('/api/v1/persons');
    expect(status).toBe(200);
    expect(body).toHaveLength(15);
    expect(headers.get('x-total-count')).toBe('300');
    const rel = links(headers.get('link'));
    expect(Object.keys(rel).sort()).toEqual(['first', 'last', 'next']);
    expect(rel.next!.searchParams.get('page')).toBe('2');
    expect(rel.last!.searchParams.get('page')).toBe('20');
    expect(rel.first!.href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/persons\?/);
  });

  test('walking next links visits every matching object exactly once', async () => {
    const seen: string[] = [];
    let path: string | undefined = '/api/v1/cards?status=activated&per_page=7';
    let pages = 0;
    while (path) {
      const { headers, body } = await api.get(path);
      seen.push(...body.map((card: { id: string; status: string }) => card.id));
      body.forEach((card: { status: string }) => expect(card.status).toBe('activated'));
      const rel = links(headers.get('link'));
      if (pages > 0) expect(rel.prev).toBeDefined();
      // Other query parameters survive in every link.
      expect(rel.first!.searchParams.get('status')).toBe('activated');
      expect(rel.first!.searchParams.get('per_page')).toBe('7');
      path = rel.next ? `${rel.next.pathname}${rel.next.search}` : undefined;
      pages += 1;
    }
    const expected = [...sim.store.cards.values()].filter((c) => c.status === 'activated').map((c) => c.id);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 7));
  });

  test('the last page has prev but no next', async () => {
    const { headers, body } = await api.get('/api/v1/persons?per_page=100&page=3');
    expect(body).toHaveLength(100);
    const rel = links(headers.get('link'));
    expect(rel.next).toBeUndefined();
    expect(rel.prev!.searchParams.get('page')).toBe('2');
    expect(rel.last!.searchParams.get('page')).toBe('3');
  });

  test('a page past the end is an empty array with the headers', async () => {
    const { status, headers, body } = await api.get('/api/v1/persons?per_page=100&page=9');
    expect(status).toBe(200);
    expect(body).toEqual([]);
    expect(headers.get('x-total-count')).toBe('300');
    const rel = links(headers.get('link'));
    expect(rel.next).toBeUndefined();
    expect(rel.prev!.searchParams.get('page')).toBe('3');
  });

  test('no matches: empty array, total 0, a single page', async () => {
    const { body, headers } = await api.get('/api/v1/persons?q=zzzz-nobody');
    expect(body).toEqual([]);
    expect(headers.get('x-total-count')).toBe('0');
    expect(links(headers.get('link')).last!.searchParams.get('page')).toBe('1');
  });

  test.each(['0', '101', 'abc', '-3', '2.5'])('per_page=%s is a 400 keyed per_page', async (value) => {
    const { status, headers, body } = await api.get(`/api/v1/cardholders?per_page=${value}`);
    expect(status).toBe(400);
    expect(headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(body).toEqual({
      title: 'One or more validation errors occurred.',
      status: 400,
      detail: expect.any(String),
      errors: { per_page: [expect.stringMatching(/between 1 and 100/)] },
    });
  });

  test('page=0 is a 400 keyed page; per_page=100 and =1 are fine', async () => {
    expect((await api.get('/api/v1/cards?page=0')).body.errors).toHaveProperty('page');
    expect((await api.get('/api/v1/cards?per_page=100')).body).toHaveLength(100);
    expect((await api.get('/api/v1/cards?per_page=1')).body).toHaveLength(1);
  });

  test('productions and anonymous sets page too', async () => {
    const productions = await api.get('/api/v1/productions?per_page=5');
    expect(productions.body).toHaveLength(5);
    expect(productions.headers.get('x-total-count')).toBe(String(sim.store.productions.size));
    const sets = await api.get('/api/v1/anonymous-sets?per_page=2&page=3');
    expect(sets.body).toHaveLength(1);
    expect(sets.headers.get('x-total-count')).toBe('5');
  });
});

describe('routing and errors', () => {
  test.each([
    ['persons', '/api/v1/persons'],
    ['addresses', '/api/v1/addresses'],
    ['cardholders', '/api/v1/cardholders'],
    ['cards', '/api/v1/cards'],
    ['productions', '/api/v1/productions'],
    ['anonymous sets', '/api/v1/anonymous-sets'],
  ])('unknown %s id is 404 problem details', async (_, path) => {
    const { status, headers, body } = await api.get(`${path}/00000000-0000-4000-8000-000000000000`);
    expect(status).toBe(404);
    expect(headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(body).toEqual({ title: 'Not Found', status: 404, detail: expect.stringContaining('00000000-0000-4000-8000-000000000000') });
  });

  test.each([
    ['DELETE', `/api/v1/cards/${demoIds.card}`, 'GET, POST', /cannot be deleted/],
    ['POST', '/api/v1/productions', 'GET', /cannot be manually created/],
    ['DELETE', `/api/v1/productions/${demoIds.production}`, 'GET, POST', /cannot be manually deleted/],
    ['DELETE', `/api/v1/anonymous-sets/${demoIds.anonymousSet}`, 'GET, POST', /cannot be deleted/],
    ['PUT', `/api/v1/persons/${demoIds.person}`, 'GET, POST, DELETE', /not allowed/],
    ['PATCH', '/api/v1/persons', 'GET, POST', /not allowed/],
  ])('%s %s is 405 problem details', async (method, path, allow, detail) => {
    const { status, headers, body } = await api.raw(path, { method, body: method === 'GET' ? undefined : '{}', headers: { 'Content-Type': 'application/json' } });
    expect(status).toBe(405);
    expect(headers.get('allow')).toBe(allow);
    expect(body).toEqual({ title: 'Method Not Allowed', status: 405, detail: expect.stringMatching(detail) });
  });

  test('malformed JSON is 400 with an error under the empty key', async () => {
    const { status, body } = await api.raw('/api/v1/persons', {
      method: 'POST',
      body: '{"firstName": "Ada",',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(status).toBe(400);
    expect(body.errors['']).toEqual([expect.stringMatching(/not valid JSON/)]);
    const array = await api.post('/api/v1/persons', [1, 2]);
    expect(array.status).toBe(400);
    expect(array.body.errors['']).toEqual(['The request body must be a JSON object.']);
  });

  test('a non-JSON content type is 415', async () => {
    const { status, body } = await api.raw('/api/v1/cards', { method: 'POST', body: 'cardholder=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(status).toBe(415);
    expect(body.status).toBe(415);
  });

  test('ids match case-insensitively (GUIDs)', async () => {
    const { status, body } = await api.get(`/api/v1/persons/${demoIds.person.toUpperCase()}`);
    expect(status).toBe(200);
    expect(body.id).toBe(demoIds.person);
  });
});

describe('harness integration', () => {
  test('injected faults apply through server.injectFault', async () => {
    sim.server.injectFault({ fault: { kind: 'status', status: 503 }, match: /^GET \/api\/v1\/cards/, times: 1 });
    expect((await api.get('/api/v1/cards')).status).toBe(503);
    expect((await api.get('/api/v1/cards')).status).toBe(200);

    sim.server.injectFault({ fault: { kind: 'rateLimit', retryAfterSeconds: 7 }, times: 1 });
    const limited = await api.get('/api/v1/persons');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');

    sim.server.injectFault({ fault: { kind: 'drop' }, times: 1 });
    await expect(fetch(`${sim.url}/api/v1/persons`, { headers: { Authorization: basicAuth(API_KEY) } })).rejects.toThrow();
  });

  test('requests are logged', async () => {
    sim.server.resetRequests();
    await api.get('/api/v1/productions?q=jansen');
    const [logged] = sim.server.received(/^GET \/api\/v1\/productions$/);
    expect(logged!.query.get('q')).toBe('jansen');
  });
});

describe('demo data', () => {
  test('is the same for the same seed and differs for another seed', async () => {
    const again = await startSimulator();
    const other = await startSimulator({ seed: 7 });
    try {
      const page = async (s: CardExchangeSimulator) => (await clientFor(s).get('/api/v1/persons?per_page=100&page=2')).body;
      expect(await page(again)).toEqual(await page(sim));
      expect(await page(other)).not.toEqual(await page(sim));
      // The demo persona's ids hold for every seed.
      expect((await clientFor(other).get(`/api/v1/cardholders/${demoIds.cardholder}`)).status).toBe(200);
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });

  test('chip serial numbers: exported list matches the seeded cards, hex, 8 or 14 digits, some with a leading zero', () => {
    const serials = demoChipSerialNumbers();
    expect(serials).toEqual(sim.store.seedChipSerialNumbers);
    expect(serials).toContain(demoIds.cardChipSerialNumber);
    expect(new Set(serials).size).toBe(serials.length);
    serials.forEach((serial) => expect(serial).toMatch(/^(?:[0-9A-F]{8}|[0-9A-F]{14})$/));
    expect(serials.some((s) => s.length === 8)).toBe(true);
    expect(serials.some((s) => s.length === 14)).toBe(true);
    expect(serials.some((s) => s.startsWith('0'))).toBe(true);
    expect(serials.some((s) => !s.startsWith('0'))).toBe(true);
  });

  test('covers every documented status and encryption; about 30% of persons have a PNG photo', () => {
    const cards = [...sim.store.cards.values()];
    const cardStatuses = new Set(cards.map((c) => c.status));
    expect(cardStatuses.size).toBe(14);
    expect(new Set(cards.map((c) => c.encryption))).toEqual(new Set(['aes', 'des', 'triple_des']));
    expect(new Set([...sim.store.cardholders.values()].map((c) => c.status)).size).toBe(6);
    expect(new Set([...sim.store.addresses.values()].map((a) => a.type)).size).toBe(3);
    for (const card of cards.filter((c) => c.status === 'in_production')) {
      expect(sim.store.productionOf(card.id)).toBeDefined();
    }
    const persons = sim.store.realPersons();
    const withPhoto = persons.filter((p) => p.photo);
    expect(withPhoto.length / persons.length).toBeGreaterThan(0.2);
    expect(withPhoto.length / persons.length).toBeLessThan(0.4);
    expect(Buffer.from(withPhoto[0]!.photo!, 'base64').subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(sim.store.anonymousSets.size).toBe(5);
  });
});
