/**
 * One query across all four vendors while one of them misbehaves: only the fields that vendor backs
 * are lost, each with one error naming it, within the configured timeout, and the gateway stays
 * healthy. Also: no configured secret, token, PIN or track data ever reaches a log or an answer.
 */
import { startTestGateway, type TestGateway } from '../helpers/testGateway';

const PERSON = '6f9619ff-8b86-4d01-b42d-00cf4fc964ff';
const CHIP = '04A3F29C1B5D80';
const USER = 'd246fd51-4462-4067-ad14-d393ec225aba';
const QUERY = `query($person: ID!, $nr: String!, $user: ID!, $req: ID!) {
  person(id: $person) { id }
  identifier(internalNumber: $nr) { internalNumber }
  userCards(userId: $user) { totalCount }
  cardReadRequest(deviceId: 1, id: $req) { id }
}`;
const FIELD_OF = { cardexchange: 'person', aktion: 'identifier', blusky: 'userCards', cardwizard: 'cardReadRequest' } as const;
type Vendor = keyof typeof FIELD_OF;
/** Each vendor's read route used by QUERY. */
const READ_ROUTE: Record<Vendor, RegExp> = {
  cardexchange: /^GET \/api\/v1\/persons\//,
  aktion: /^GET \/api\/identifier\/get$/,
  blusky: /^GET \/api\/v1\/Users\/UserCards$/,
  cardwizard: /^GET \/CardWizard\/Api\/CMCDevices\/1\/CardRequests\/.+/,
};

let gw: TestGateway;
let variables: Record<string, unknown>;

beforeAll(async () => {
  gw = await startTestGateway({
    env: { VENDOR_REQUEST_TIMEOUT_MS: '1500', VENDOR_HEADERS_TIMEOUT_MS: '1000', VENDOR_BREAKER_THRESHOLD: '1000' },
    sandbox: { cardReadCompleteAfterMs: 200 },
  });
  const created = await gw.query(`mutation { requestCardRead(input: { deviceId: 1, message: "Isolation test" }) { cardReadRequest { id } } }`);
  variables = { person: PERSON, nr: CHIP, user: USER, req: created.body.data!.requestCardRead.cardReadRequest.id };
});
afterAll(async () => {
  await gw.close();
});
afterEach(() => {
  for (const vendor of Object.keys(FIELD_OF) as Vendor[]) gw.sandbox[vendor].server.clearFaults();
});

describe('one misbehaving vendor', () => {
  it('answers every field when all vendors are healthy', async () => {
    const { body } = await gw.query(QUERY, variables);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      person: { id: PERSON },
      identifier: { internalNumber: '4A3F29C1B5D80' },
      userCards: { totalCount: expect.any(Number) },
      cardReadRequest: { id: variables.req },
    });
  });

  const faults = [
    ['hangs', { kind: 'hang' }, 'VENDOR_TIMEOUT'],
    ['answers 500', { kind: 'status', status: 500 }, 'VENDOR_UNAVAILABLE'],
    ['drops the connection', { kind: 'drop' }, 'VENDOR_UNAVAILABLE'],
  ] as const;

  for (const vendor of Object.keys(FIELD_OF) as Vendor[]) {
    for (const [name, fault, code] of faults) {
      it(`loses only ${FIELD_OF[vendor]} when ${vendor} ${name}`, async () => {
        gw.sandbox[vendor].server.injectFault({ match: READ_ROUTE[vendor], fault });
        const started = Date.now();
        const { status, body } = await gw.query(QUERY, variables);
        const elapsed = Date.now() - started;
        expect(status).toBe(200);
        expect(elapsed).toBeLessThan(1500 + 1000);
        for (const [other, field] of Object.entries(FIELD_OF)) {
          if (other === vendor) expect(body.data![field]).toBeNull();
          else expect(body.data![field]).not.toBeNull();
        }
        expect(body.errors).toHaveLength(1);
        expect(body.errors![0]!.path).toEqual([FIELD_OF[vendor]]);
        expect(body.errors![0]!.extensions).toMatchObject({ code, vendor });
      });
    }
  }

  it('is still healthy and answers normally afterwards', async () => {
    expect((await fetch(gw.url.replace('/graphql', '/healthz'))).status).toBe(200);
    const { body } = await gw.query(QUERY, variables);
    expect(body.errors).toBeUndefined();
  });
});

describe('secrets', () => {
  it('never writes credentials, vendor tokens, PINs or track data to the logs or into answers', async () => {
    const answers: string[] = [];
    const ask = async (query: string, vars?: Record<string, unknown>) => answers.push(JSON.stringify((await gw.query(query, vars)).body));
    const pin = '730519';
    await ask(QUERY, variables);
    await ask(`mutation($input: AddUserCardInput!) { addUserCard(input: $input) { userCardId userErrors { message } } }`, {
      input: { userId: '73294b6d-' + 'x', cardType: 1, pin },
    });
    await ask(`mutation { addUserCard(input: { userId: "${USER}", cardType: 1, pin: "${pin}" }) { userCardId userErrors { message } } }`);
    await ask(`mutation($input: CreateIdentifierInput!) { createIdentifier(input: $input) { userErrors { message } } }`, { input: { internalNumber: 'ZZZ', registrationNumber: '1', technology: 'MIFARE', type: 'CARD' } });
    // A completed card read carries track data (shown in the sandbox); it must not reach the logs.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const read = await gw.query(`query($id: ID!) { cardReadRequest(deviceId: 1, id: $id) { status trackData { track1 track2 } } }`, { id: variables.req });
    expect(read.body.data!.cardReadRequest.status).toBe('COMPLETED');
    const { track1, track2 } = read.body.data!.cardReadRequest.trackData;
    expect(track1.length).toBeGreaterThan(5);
    gw.sandbox.aktion.expireAllTokens();
    await ask(`query($nr: String!) { identifier(internalNumber: $nr) { internalNumber } }`, { nr: CHIP });

    const v = gw.sandbox.vendors;
    const aktionTokens = [...new Set(gw.sandbox.aktion.server.received().map((r) => r.query.get('Token')).filter((t): t is string => !!t))];
    expect(aktionTokens.length).toBeGreaterThanOrEqual(2);
    const secrets = [
      v.cardexchange.apiKey,
      Buffer.from(`${v.cardexchange.apiKey}:`).toString('base64'),
      v.aktion.apiKey,
      v.cardwizard.jwt,
      v.blusky.token,
      ...aktionTokens,
    ];
    const logs = gw.logs.join('\n');
    for (const secret of secrets) {
      expect(logs).not.toContain(secret);
      for (const answer of answers) expect(answer).not.toContain(secret);
    }
    expect(logs).not.toMatch(new RegExp(`\\b${pin}\\b`));
    for (const answer of answers) expect(answer).not.toContain(pin);
    expect(logs).not.toContain(track1);
    expect(logs).not.toContain(track2);
  });
});
