/**
 * Automatic persisted queries (Apollo Server's default, for mobile clients that send a hash
 * instead of the document): an unknown hash is refused with PERSISTED_QUERY_NOT_FOUND, the
 * document registers it, and the hash alone then runs it with the same single vendor request.
 */
import { createHash } from 'node:crypto';
import { BENCH_PERSON_ID, PERSON_QUERY } from '../../bench/scenarios';
import { startTestGateway, type TestGateway } from '../helpers/testGateway';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

async function post(body: unknown) {
  const response = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: { person?: { id: string } }; errors?: Array<{ extensions?: { code?: string } }> };
}

it('runs a registered document by its sha256 hash alone, with one vendor request', async () => {
  const sha256Hash = createHash('sha256').update(PERSON_QUERY).digest('hex');
  const extensions = { persistedQuery: { version: 1, sha256Hash } };
  const variables = { id: BENCH_PERSON_ID };

  const unknown = await post({ extensions, variables });
  expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

  const registered = await post({ query: PERSON_QUERY, extensions, variables });
  expect(registered.errors).toBeUndefined();
  expect(registered.data?.person?.id).toBe(BENCH_PERSON_ID);

  gw.sandbox.cardexchange.server.resetRequests();
  const byHash = await post({ extensions, variables });
  expect(byHash.errors).toBeUndefined();
  expect(byHash.data?.person?.id).toBe(BENCH_PERSON_ID);
  expect(gw.sandbox.cardexchange.server.received().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/v1/persons/${BENCH_PERSON_ID}`]);
});
