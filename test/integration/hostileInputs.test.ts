/**
 * Property-based tests (fast-check) with random and hostile input: no answer may be an internal
 * error, and nothing the vendor documents forbid may reach a vendor.
 */
import fc from 'fast-check';
import { isGuid } from '../../src/validation/guid';
import { startTestGateway, type TestGateway } from '../helpers/testGateway';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

const RUNS = { numRuns: 40 };
const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', "' OR 1=1 --", '%00', '\uD800', '💳'.repeat(200), 'a'.repeat(20_000), '6f9619ff-8b86-4d01-b42d-00cf4fc964ff\n'),
);

function codes(body: { errors?: Array<{ extensions?: Record<string, unknown> }> }): unknown[] {
  return (body.errors ?? []).map((error) => error.extensions?.code);
}

describe('hostile input', () => {
  it('never answers an internal error for any id, and sends only GUIDs to CardExchange', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (id) => {
        gw.sandbox.cardexchange.server.resetRequests();
        const response = await gw.query(`query($id: ID!) { person(id: $id) { id } card(id: $id) { id } }`, { id });
        expect(response.status).toBeLessThan(500);
        expect(codes(response.body)).not.toContain('INTERNAL_SERVER_ERROR');
        for (const request of gw.sandbox.cardexchange.server.received()) {
          expect(isGuid(decodeURIComponent(request.path.split('/').pop()!))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('keeps every list request within the documented per_page range whatever first/after/search are', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -1000, max: 1000 }), fc.option(hostileString), fc.option(hostileString), async (first, after, search) => {
        gw.sandbox.cardexchange.server.resetRequests();
        const response = await gw.query(`query($first: Int, $after: String, $search: String) { cards(first: $first, after: $after, search: $search) { totalCount nodes { id } } }`, { first, after, search });
        expect(response.status).toBeLessThan(500);
        expect(codes(response.body)).not.toContain('INTERNAL_SERVER_ERROR');
        for (const request of gw.sandbox.cardexchange.server.received()) {
          const perPage = Number(request.query.get('per_page'));
          expect(perPage).toBeGreaterThanOrEqual(1);
          expect(perPage).toBeLessThanOrEqual(100);
          expect(Number(request.query.get('page'))).toBeGreaterThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it('answers a client error, never a server error, for variables of the wrong type', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), async (first, filter) => {
        const response = await gw.query(`query($first: Int, $filter: CardFilter) { cards(first: $first, filter: $filter) { totalCount } }`, { first, filter });
        expect(response.status).toBeLessThan(500);
        expect(codes(response.body)).not.toContain('INTERNAL_SERVER_ERROR');
      }),
      RUNS,
    );
  });

  it('answers deep or wide random selections without an internal error', async () => {
    const fieldChain = fc.array(fc.constantFrom('cardholders', 'cards', 'cardholder', 'person', 'addresses'), { minLength: 1, maxLength: 14 });
    await fc.assert(
      fc.asyncProperty(fieldChain, async (chain) => {
        const query = `{ persons(first: 2) { nodes { ${chain.map((field) => `${field} {`).join(' ')} id ${'}'.repeat(chain.length)} } } }`;
        const response = await gw.query(query);
        expect(response.status).toBeLessThan(500);
        expect(codes(response.body)).not.toContain('INTERNAL_SERVER_ERROR');
      }),
      RUNS,
    );
  });

  it('sends Aktion only internal numbers its documents allow, whatever the input', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (internalNumber, registrationNumber) => {
        gw.sandbox.aktion.server.resetRequests();
        const response = await gw.query(
          `mutation($input: CreateIdentifierInput!) { createIdentifier(input: $input) { userErrors { code } } }`,
          { input: { internalNumber, registrationNumber, technology: 'MIFARE', type: 'CARD' } },
        );
        expect(response.status).toBeLessThan(500);
        expect(codes(response.body)).not.toContain('INTERNAL_SERVER_ERROR');
        for (const request of gw.sandbox.aktion.server.received(/identifier\/create/)) {
          const body = JSON.parse(request.rawBody) as { InternalNrLong: string; RegistrationNr: string };
          expect(body.InternalNrLong).toMatch(/^[0-9A-F]{1,20}$/);
          expect(body.RegistrationNr.length).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('sends BluSKY only GUID user ids and CardWizard only positive device ids', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, fc.integer(), hostileString, async (userId, deviceId, message) => {
        gw.sandbox.blusky.server.resetRequests();
        gw.sandbox.cardwizard.server.resetRequests();
        const users = await gw.query(`query($u: ID!) { userCards(userId: $u) { totalCount } }`, { u: userId });
        const read = await gw.query(`mutation($input: RequestCardReadInput!) { requestCardRead(input: $input) { userErrors { code } } }`, {
          input: { deviceId, message },
        });
        for (const response of [users, read]) {
          expect(response.status).toBeLessThan(500);
          expect(codes(response.body)).not.toContain('INTERNAL_SERVER_ERROR');
        }
        for (const request of gw.sandbox.blusky.server.received()) expect(isGuid(request.query.get('UserId') ?? '')).toBe(true);
        for (const request of gw.sandbox.cardwizard.server.received()) {
          expect(Number(/CMCDevices\/(-?\d+)\//.exec(request.path)?.[1])).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 25 },
    );
  });
});
