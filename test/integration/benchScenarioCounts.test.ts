/**
 * Exact vendor request counts of the benchmark's scenarios (bench/scenarios.ts, the same
 * documents): a regression in batching, priming or the Aktion session fails here, while timing is
 * left to `npm run bench`. Real gateway over real HTTP, simulators counting what they received.
 */
import { normaliseHexNumber } from '../../src/validation/chipSerial';
import {
  BENCH_PAGE_SIZE,
  BENCH_PERSON_ID,
  CARD_PAGE_QUERY,
  IDENTIFIER_WRITE_MUTATION,
  identifierWriteVariables,
  PEOPLE_PAGE_QUERY,
  PERSON_QUERY,
} from '../../bench/scenarios';
import { startTestGateway, type TestGateway } from '../helpers/testGateway';

let gw: TestGateway;
const servers = () => [gw.sandbox.cardexchange.server, gw.sandbox.aktion.server, gw.sandbox.cardwizard.server, gw.sandbox.blusky.server];
const routes = (server: { received(): Array<{ method: string; path: string }> }) => server.received().map((r) => `${r.method} ${r.path}`);
const cxRoutes = () => routes(gw.sandbox.cardexchange.server);
const aktionRoutes = () => routes(gw.sandbox.aktion.server);
const others = () => [...routes(gw.sandbox.cardwizard.server), ...routes(gw.sandbox.blusky.server)];

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});
beforeEach(() => {
  for (const server of servers()) server.resetRequests();
});

describe('scenario 1: person(id)', () => {
  it('costs exactly one CardExchange request and nothing else', async () => {
    const { body } = await gw.query(PERSON_QUERY, { id: BENCH_PERSON_ID });
    expect(body.errors).toBeUndefined();
    expect(body.data!.person).toMatchObject({ id: BENCH_PERSON_ID, firstName: 'Sanne', lastName: 'de Vries', gender: 'FEMALE' });
    expect(cxRoutes()).toEqual([`GET /api/v1/persons/${BENCH_PERSON_ID}`]);
    expect(aktionRoutes()).toEqual([]);
    expect(others()).toEqual([]);
  });
});

describe('scenario 2: a people list page', () => {
  it('costs exactly one CardExchange list request: embedded children are read and primed, not fetched', async () => {
    const { body } = await gw.query(PEOPLE_PAGE_QUERY, { first: BENCH_PAGE_SIZE });
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.persons.nodes as Array<{ cardholders: Array<{ id: string; nameOnCard: string; cards: Array<{ cardholder: { id: string; nameOnCard: string } }> }> }>;
    expect(nodes).toHaveLength(BENCH_PAGE_SIZE);
    const cards = nodes.flatMap((person) => person.cardholders.flatMap((holder) => holder.cards.map((card) => ({ holder, card }))));
    expect(cards.length).toBeGreaterThan(BENCH_PAGE_SIZE);
    // Card.cardholder is answered from the primed cardholder the person embedded.
    for (const { holder, card } of cards) expect(card.cardholder).toEqual({ id: holder.id, nameOnCard: holder.nameOnCard });
    const requests = gw.sandbox.cardexchange.server.received();
    expect(requests.map((r) => `${r.method} ${r.path}?${r.query.toString()}`)).toEqual([`GET /api/v1/persons?page=1&per_page=${BENCH_PAGE_SIZE}`]);
    expect(aktionRoutes()).toEqual([]);
    expect(others()).toEqual([]);
  });
});

describe('scenario 3: a card list page with cardholder, person and identifier', () => {
  it('costs one list request, one request per distinct cardholder and person, one Aktion lookup per distinct serial, and one login', async () => {
    gw.sandbox.aktion.expireAllTokens();
    const { body } = await gw.query(CARD_PAGE_QUERY, { first: BENCH_PAGE_SIZE });
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.cards.nodes as Array<{ chipSerialNumber: string | null; cardholder: { id: string; person: { id: string } | null } | null; identifier: { internalNumber: string } | null }>;
    expect(nodes).toHaveLength(BENCH_PAGE_SIZE);
    const cardholderIds = new Set(nodes.map((n) => n.cardholder?.id).filter((id): id is string => Boolean(id)));
    const personIds = new Set(nodes.map((n) => n.cardholder?.person?.id).filter((id): id is string => Boolean(id)));
    const serials = new Set(nodes.map((n) => n.chipSerialNumber).filter((s): s is string => Boolean(s)).map(normaliseHexNumber));
    // The page repeats cardholders and persons, so deduplication is what is being checked.
    expect(cardholderIds.size).toBeLessThan(BENCH_PAGE_SIZE);
    expect(nodes.filter((n) => n.identifier).length).toBeGreaterThan(0);

    const cx = cxRoutes();
    expect(cx.filter((r) => r === 'GET /api/v1/cards')).toHaveLength(1);
    expect(cx.filter((r) => r.startsWith('GET /api/v1/cardholders/')).sort()).toEqual([...cardholderIds].map((id) => `GET /api/v1/cardholders/${id}`).sort());
    expect(cx.filter((r) => r.startsWith('GET /api/v1/persons/')).sort()).toEqual([...personIds].map((id) => `GET /api/v1/persons/${id}`).sort());
    expect(cx).toHaveLength(1 + cardholderIds.size + personIds.size);

    const lookups = gw.sandbox.aktion.server.received(/^GET \/api\/identifier\/get$/).map((r) => r.query.get('InternalNrLong'));
    expect(lookups.sort()).toEqual([...serials].sort());
    expect(aktionRoutes().filter((r) => r === 'POST /api/login')).toHaveLength(1);
    expect(aktionRoutes()).toHaveLength(1 + serials.size);
    expect(others()).toEqual([]);
  });

  it('reuses the Aktion token of an earlier request within its lifetime: no second login', async () => {
    await gw.query(CARD_PAGE_QUERY, { first: BENCH_PAGE_SIZE });
    for (const server of servers()) server.resetRequests();
    const { body } = await gw.query(CARD_PAGE_QUERY, { first: BENCH_PAGE_SIZE });
    expect(body.errors).toBeUndefined();
    expect(aktionRoutes().filter((r) => r === 'POST /api/login')).toEqual([]);
    expect(aktionRoutes().every((r) => r === 'GET /api/identifier/get')).toBe(true);
  });
});

describe('scenario 4: createIdentifier then updateIdentifier', () => {
  it('sends the two writes and nothing else once a token is held, and at most one login before that', async () => {
    const first = await gw.query(IDENTIFIER_WRITE_MUTATION, identifierWriteVariables('BE4CFF0000000001'));
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.createIdentifier).toEqual({
      identifier: { internalNumber: 'BE4CFF0000000001', registrationNumber: 'R-BE4CFF0000000001', technology: 'MIFARE', type: 'CARD', status: 'FREE', locked: false },
      userErrors: [],
    });
    expect(first.body.data!.updateIdentifier).toEqual({
      identifier: { internalNumber: 'BE4CFF0000000001', registrationNumber: 'R-BE4CFF0000000001-2', status: 'FREE', locked: true },
      unchanged: false,
      userErrors: [],
    });
    // Whether this first write needs a login depends on earlier tests; if it does, one, first.
    const firstRoutes = aktionRoutes();
    const logins = firstRoutes.filter((r) => r === 'POST /api/login').length;
    expect(logins).toBeLessThanOrEqual(1);
    expect(firstRoutes.slice(logins)).toEqual(['POST /api/identifier/create', 'POST /api/identifier/update']);

    for (const server of servers()) server.resetRequests();
    const second = await gw.query(IDENTIFIER_WRITE_MUTATION, identifierWriteVariables('BE4CFF0000000002'));
    expect(second.body.errors).toBeUndefined();
    expect(aktionRoutes()).toEqual(['POST /api/identifier/create', 'POST /api/identifier/update']);
    expect(cxRoutes()).toEqual([]);
    expect(others()).toEqual([]);
  });
});

describe('scenario 5: the people list page with DataLoader disabled (bench-only switch)', () => {
  it('fetches every card\'s cardholder again, one request each, when BENCH_DISABLE_DATALOADER is set', async () => {
    const unbatched = await startTestGateway({ env: { BENCH_DISABLE_DATALOADER: 'true' } });
    try {
      const { body } = await unbatched.query(PEOPLE_PAGE_QUERY, { first: BENCH_PAGE_SIZE });
      expect(body.errors).toBeUndefined();
      const cardCount = (body.data!.persons.nodes as Array<{ cardholders: Array<{ cards: unknown[] }> }>).reduce(
        (sum, person) => sum + person.cardholders.reduce((n, holder) => n + holder.cards.length, 0),
        0,
      );
      const requests = unbatched.sandbox.cardexchange.server.received().map((r) => `${r.method} ${r.path}`);
      expect(requests.filter((r) => r === 'GET /api/v1/persons')).toHaveLength(1);
      expect(requests.filter((r) => r.startsWith('GET /api/v1/cardholders/'))).toHaveLength(cardCount);
      expect(requests).toHaveLength(1 + cardCount);
    } finally {
      await unbatched.close();
    }
  });
});
