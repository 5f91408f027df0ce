/**
 * BluSKY user cards over real HTTP: the gateway on 127.0.0.1:0, the BluSKY simulator behind it.
 * Each test asserts the GraphQL answer and exactly what the simulator received. The PIN is
 * write-only: it must reach BluSKY and appear in no answer, error or log line.
 */
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/startSandbox';
import { demoCards, demoUsers, EMPTY_GUID, REDACTED } from '../../src/vendors/blusky/sandbox';
import { startTestGateway, type TestGateway } from '../helpers/testGateway';

const AMARA = 'd246fd51-4462-4067-ad14-d393ec225aba'; // one card, PIN 4821
const ERIK = '5a74740a-b85c-4ec8-ba4b-12a652011924'; // two cards
const YUKI = '14ba8e40-cd05-4711-ac7d-f510c3a1949d'; // one active card, one removed
const JONAS = '73294b6d-52ce-417a-95c2-029892e0e724'; // no cards
const HQ = '904b8d76-4cef-4d29-8d9e-181c246a98cd';
const AMARAS_CARD = '72019809-9e22-4b0f-a67d-85e3fd38073c';
const user = (name: string) => demoUsers.find((u) => u.name.startsWith(name))!.id;

const CARD_FIELDS = 'userId cardId cardType cardAcSystemId internalCardNumber externalCardNumber facilityCode issueCode hasPin removed';
const USER_CARDS = `query($userId: ID!, $first: Int, $after: String, $includeRemoved: Boolean) {
  userCards(userId: $userId, first: $first, after: $after, includeRemoved: $includeRemoved) {
    totalCount nodes { ${CARD_FIELDS} } edges { cursor } pageInfo { hasNextPage endCursor }
  }
}`;
const ADD = `mutation($input: AddUserCardInput!) {
  addUserCard(input: $input) { userCardId resultCode description userErrors { message field code } userCard { ${CARD_FIELDS} } }
}`;
const ADD_NO_READBACK = `mutation($input: AddUserCardInput!) { addUserCard(input: $input) { userCardId resultCode description userErrors { message field code } } }`;
const REMOVE = `mutation($input: RemoveUserCardInput!) {
  removeUserCard(input: $input) { resultCode description userErrors { message field code } userCard { ${CARD_FIELDS} } }
}`;
const ADD_PATH = /^POST \/api\/Person\/AddUserCard$/;
const REMOVE_PATH = /^POST \/api\/Person\/RemoveUserCard$/;

let gw: TestGateway;
const bs = () => gw.sandbox.blusky;
const calls = () => bs().server.received().map((r) => `${r.method} ${r.path}`);
const bodyOf = (pattern: RegExp) => JSON.parse(bs().server.received(pattern)[0]!.rawBody) as Record<string, unknown>;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});
beforeEach(() => {
  bs().server.resetRequests();
  bs().server.clearFaults();
});

describe('userCards', () => {
  it("lists a user's cards with one bearer-authenticated GET, without the PIN", async () => {
    const { body } = await gw.query(USER_CARDS, { userId: AMARA });
    expect(body.errors).toBeUndefined();
    expect(body.data!.userCards).toMatchObject({
      totalCount: 1,
      nodes: [
        {
          userId: AMARA,
          cardId: AMARAS_CARD,
          cardType: 1,
          cardAcSystemId: HQ,
          internalCardNumber: '30001',
          externalCardNumber: '030001',
          facilityCode: 112,
          issueCode: null,
          hasPin: true,
          removed: false,
        },
      ],
      pageInfo: { hasNextPage: false },
    });
    const [request] = bs().server.received();
    expect(`${request!.method} ${request!.path}?${request!.query}`).toBe(`GET /api/v1/Users/UserCards?UserId=${AMARA}`);
    expect(request!.headers.authorization).toBe(`Bearer ${SANDBOX_CREDENTIALS.bluskyToken}`);
    expect(JSON.stringify(body)).not.toContain('4821');
  });

  it('leaves removed cards out unless includeRemoved is true', async () => {
    const active = await gw.query(USER_CARDS, { userId: YUKI });
    expect(active.body.data!.userCards.nodes.map((c: { removed: boolean }) => c.removed)).toEqual([false]);
    const all = await gw.query(USER_CARDS, { userId: YUKI, includeRemoved: true });
    expect(all.body.data!.userCards.totalCount).toBe(2);
    expect(all.body.data!.userCards.nodes.map((c: { removed: boolean }) => c.removed)).toEqual([false, true]);
  });

  it('pages with first/after over the list BluSKY returns', async () => {
    const first = await gw.query(USER_CARDS, { userId: ERIK, first: 1 });
    expect(first.body.data!.userCards).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const next = await gw.query(USER_CARDS, { userId: ERIK, first: 1, after: first.body.data!.userCards.pageInfo.endCursor });
    expect(next.body.data!.userCards.pageInfo.hasNextPage).toBe(false);
    expect(next.body.data!.userCards.nodes[0].cardId).not.toBe(first.body.data!.userCards.nodes[0].cardId);
  });

  it('answers null for a user BluSKY does not know', async () => {
    const { body } = await gw.query(USER_CARDS, { userId: '00000000-0000-4000-8000-000000000000' });
    expect(body).toEqual({ data: { userCards: null } });
    expect(calls()).toHaveLength(1);
  });

  it('rejects a userId that is not a GUID before calling BluSKY', async () => {
    const { body } = await gw.query(USER_CARDS, { userId: 'amara' });
    expect(body.data).toEqual({ userCards: null });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'userId' });
    expect(calls()).toHaveLength(0);
  });
});

describe('addUserCard', () => {
  it('gives a user an existing card by cardId with a PIN: one POST, the PIN reaches BluSKY, the answer is read back without it', async () => {
    const card = demoCards[0]!;
    const { body } = await gw.query(ADD, { input: { userId: JONAS, cardId: card.id, pin: '739102' } });
    expect(body.errors).toBeUndefined();
    const payload = body.data!.addUserCard;
    expect(payload).toMatchObject({ resultCode: 0, description: 'Success', userErrors: [] });
    const entry = bs().store.userCards.find((e) => e.id === payload.userCardId)!;
    expect(entry).toMatchObject({ userId: JONAS, cardId: card.id, pin: '739102', deleted: false });
    expect(payload.userCard).toMatchObject({ userId: JONAS, cardId: card.id, hasPin: true, removed: false, externalCardNumber: card.externalCardNumber });

    expect(calls()).toEqual(['POST /api/Person/AddUserCard', 'GET /api/v1/Users/UserCards']);
    const sent = bs().server.received(ADD_PATH)[0]!;
    expect(sent.headers.authorization).toBe(`Bearer ${SANDBOX_CREDENTIALS.bluskyToken}`);
    // The simulator's log redacts the PIN; the gateway sent it (the store holds it) under its documented name.
    expect(JSON.parse(sent.rawBody)).toEqual({ UserId: JONAS, CardId: card.id, PIN: REDACTED });
    expect(JSON.stringify(body)).not.toContain('739102');
  });

  it('describes a new card in the documented PascalCase fields, card numbers as JSON numbers', async () => {
    const input = {
      userId: user('Priya'),
      cardType: 4,
      cardAcSystemId: HQ,
      internalCardNumber: '3000000001',
      externalCardNumber: 'PR-0001',
      cardSerialNumber: '61797473862145',
      facilityCode: 301,
    };
    const { body } = await gw.query(ADD, { input });
    expect(body.data!.addUserCard).toMatchObject({ resultCode: 0, userErrors: [] });
    expect(body.data!.addUserCard.userCardId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data!.addUserCard.userCard).toMatchObject({ cardType: 4, internalCardNumber: '3000000001', externalCardNumber: 'PR-0001', facilityCode: 301, hasPin: false });
    expect(bodyOf(ADD_PATH)).toEqual({
      UserId: input.userId,
      CardType: 4,
      CardACSystemId: HQ,
      InternalCardNumber: 3000000001,
      ExternalCardNumber: 'PR-0001',
      CardSerialNumber: 61797473862145,
      FacilityCode: 301,
    });
  });

  it('does not read the card back when the payload does not ask for it', async () => {
    const { body } = await gw.query(ADD_NO_READBACK, { input: { userId: user('Thando'), cardId: demoCards[1]!.id } });
    expect(body.data!.addUserCard.resultCode).toBe(0);
    expect(calls()).toEqual(['POST /api/Person/AddUserCard']);
  });

  it('requires the five documented card fields when no cardId is given, all reported at once, with no BluSKY call', async () => {
    const { body } = await gw.query(ADD, { input: { userId: JONAS } });
    const payload = body.data!.addUserCard;
    expect(payload).toMatchObject({ userCardId: null, userCard: null, resultCode: null, description: null });
    expect(payload.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([
      ['input.cardType', 'REQUIRED'],
      ['input.cardAcSystemId', 'REQUIRED'],
      ['input.internalCardNumber', 'REQUIRED'],
      ['input.externalCardNumber', 'REQUIRED'],
      ['input.facilityCode', 'REQUIRED'],
    ]);
    expect(calls()).toHaveLength(0);
  });

  it.each([
    ['a userId that is not a GUID', { userId: 'jonas', cardId: demoCards[2]!.id }, 'userId', 'INVALID_FORMAT'],
    ['a cardId that is not a GUID', { userId: JONAS, cardId: '42' }, 'cardId', 'INVALID_FORMAT'],
    ['a cardAcSystemId that is not a GUID', { userId: JONAS, cardType: 1, cardAcSystemId: 'hq', internalCardNumber: '1', externalCardNumber: 'E1', facilityCode: 1 }, 'cardAcSystemId', 'INVALID_FORMAT'],
    ['an internalCardNumber that is not digits', { userId: JONAS, cardType: 1, cardAcSystemId: HQ, internalCardNumber: '12a', externalCardNumber: 'E1', facilityCode: 1 }, 'internalCardNumber', 'INVALID_FORMAT'],
    ['an internalCardNumber beyond 2^53', { userId: JONAS, cardType: 1, cardAcSystemId: HQ, internalCardNumber: '9007199254740993', externalCardNumber: 'E1', facilityCode: 1 }, 'internalCardNumber', 'INVALID_VALUE'],
    ['a negative facilityCode', { userId: JONAS, cardType: 1, cardAcSystemId: HQ, internalCardNumber: '1', externalCardNumber: 'E1', facilityCode: -1 }, 'facilityCode', 'INVALID_VALUE'],
    ['a PIN that is not 4 to 16 digits', { userId: JONAS, cardId: demoCards[2]!.id, pin: '12x4' }, 'pin', 'INVALID_FORMAT'],
  ])('refuses %s before calling BluSKY', async (_label, input, field, code) => {
    const { body } = await gw.query(ADD, { input });
    expect(body.errors).toBeUndefined();
    expect(body.data!.addUserCard.userErrors).toEqual([{ field: ['input', field], code, message: expect.any(String) }]);
    expect(calls()).toHaveLength(0);
    if ('pin' in input) expect(JSON.stringify(body)).not.toContain(input.pin);
  });

  it("returns BluSKY's result code and description verbatim when it refuses (a card already assigned)", async () => {
    const { body } = await gw.query(ADD, { input: { userId: JONAS, cardId: AMARAS_CARD } });
    const payload = body.data!.addUserCard;
    expect(payload).toMatchObject({ userCardId: null, userCard: null, resultCode: 4, description: `Card ${AMARAS_CARD} is already assigned to another user.` });
    expect(payload.userErrors).toEqual([{ field: null, code: 'REJECTED_BY_VENDOR', message: expect.stringContaining('result code 4') }]);
    expect(calls()).toEqual(['POST /api/Person/AddUserCard']);
  });

  it("treats result code 1 as the failure it is, not as the help page sample's success", async () => {
    const input = { userId: JONAS, cardType: 3, cardAcSystemId: '0b70df4d-55f2-44eb-84d2-4b0ba60d2834', internalCardNumber: '5551212', externalCardNumber: 'CR-77', facilityCode: 12 };
    const { body } = await gw.query(ADD, { input });
    expect(body.data!.addUserCard).toMatchObject({ userCardId: null, resultCode: 1, description: expect.stringMatching(/IssueCode is required/) });
    expect(body.data!.addUserCard.userErrors[0].code).toBe('REJECTED_BY_VENDOR');
  });

  it('masks the PIN in anything BluSKY says back', async () => {
    bs().server.injectFault({
      match: ADD_PATH,
      times: 1,
      fault: { kind: 'status', status: 200, body: { ResultCode: 1, Description: 'PIN 582046 is too easy to guess.', Value: EMPTY_GUID } },
    });
    const { body } = await gw.query(ADD, { input: { userId: JONAS, cardId: demoCards[3]!.id, pin: '582046' } });
    expect(body.data!.addUserCard).toMatchObject({ userCardId: null, resultCode: 1, description: 'PIN [hidden] is too easy to guess.' });
    expect(JSON.stringify(body)).not.toContain('582046');
  });

  it('maps a 400 with ModelState to user errors on the fields BluSKY named', async () => {
    bs().server.injectFault({
      match: ADD_PATH,
      times: 1,
      fault: { kind: 'status', status: 400, body: { Message: 'The request is invalid.', ModelState: { 'model.FacilityCode': ["Error converting value 99999999999 to type 'System.Int32'."] } } },
    });
    const { body } = await gw.query(ADD, { input: { userId: JONAS, cardId: demoCards[3]!.id } });
    expect(body.data!.addUserCard.userErrors).toEqual([{ field: ['input', 'facilityCode'], code: 'REJECTED_BY_VENDOR', message: expect.stringMatching(/System.Int32/) }]);
  });

  it('reports a BluSKY timeout as VENDOR_OUTCOME_UNKNOWN and sends the write exactly once', async () => {
    bs().server.injectFault({ match: ADD_PATH, times: 1, fault: { kind: 'hang' } });
    const { body } = await gw.query(ADD, { input: { userId: JONAS, cardId: demoCards[4]!.id, pin: '660321' } });
    expect(body.data).toEqual({ addUserCard: null });
    expect(body.errors![0]!.path).toEqual(['addUserCard']);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_OUTCOME_UNKNOWN', vendor: 'blusky' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bs().server.received(ADD_PATH)).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain('660321');
  });
});

describe('removeUserCard', () => {
  it("takes a card away by cardId and shows it as removed; the user's list no longer holds it", async () => {
    const { body } = await gw.query(REMOVE, { input: { userId: AMARA, cardId: AMARAS_CARD } });
    expect(body.errors).toBeUndefined();
    expect(body.data!.removeUserCard).toMatchObject({ resultCode: 0, description: 'Success', userErrors: [], userCard: { cardId: AMARAS_CARD, removed: true } });
    expect(bodyOf(REMOVE_PATH)).toEqual({ UserId: AMARA, CardId: AMARAS_CARD });
    const after = await gw.query(USER_CARDS, { userId: AMARA });
    expect(after.body.data!.userCards.totalCount).toBe(0);
  });

  it('takes a card away by its printed number', async () => {
    const { body } = await gw.query(REMOVE, { input: { userId: ERIK, externalCardNumber: '512001' } });
    expect(body.data!.removeUserCard).toMatchObject({ resultCode: 0, userErrors: [], userCard: { externalCardNumber: '512001', removed: true } });
    expect(bodyOf(REMOVE_PATH)).toEqual({ UserId: ERIK, ExternalCardNumber: '512001' });
  });

  it("returns BluSKY's refusal verbatim when the user does not hold the card", async () => {
    const { body } = await gw.query(REMOVE, { input: { userId: JONAS, externalCardNumber: 'NOPE-1' } });
    expect(body.data!.removeUserCard).toMatchObject({ userCard: null, resultCode: 8, description: "The user holds no card with ExternalCardNumber 'NOPE-1'." });
    expect(body.data!.removeUserCard.userErrors[0]).toMatchObject({ code: 'REJECTED_BY_VENDOR', field: null });
  });

  it('requires externalCardNumber when no cardId is given, before calling BluSKY', async () => {
    const { body } = await gw.query(REMOVE, { input: { userId: ERIK } });
    expect(body.data!.removeUserCard.userErrors).toEqual([{ field: ['input', 'externalCardNumber'], code: 'REQUIRED', message: expect.any(String) }]);
    expect(calls()).toHaveLength(0);
  });
});

describe('the PIN is write-only', () => {
  it('appears in no answer and no log line, whatever the request looks like', async () => {
    const PIN = '90817263';
    const answers: string[] = [];
    const ask = async (query: string, variables?: Record<string, unknown>) => answers.push(JSON.stringify((await gw.query(query, variables)).body));
    await ask(ADD, { input: { userId: user('Siobhan'), cardId: demoCards[5]!.id, pin: PIN } });
    await ask(USER_CARDS, { userId: user('Siobhan'), includeRemoved: true });
    // graphql-js quotes invalid input in its errors: a number where a string belongs, a missing required field.
    await ask(ADD, { input: { userId: JONAS, cardId: demoCards[5]!.id, pin: Number(PIN) } });
    await ask(ADD, { input: { cardId: demoCards[5]!.id, pin: PIN } });
    await ask(`mutation { addUserCard(input: { userId: "${JONAS}", pin: ${PIN} }) { userCardId } }`);
    await ask(`mutation { addUserCard(input: { cardId: "x", pin: "${PIN}" }) { userCardId } }`);
    // A PIN BluSKY refuses (the simulator allows at most 8 digits).
    await ask(ADD, { input: { userId: JONAS, cardId: demoCards[2]!.id, pin: `${PIN}1` } });

    expect(bs().store.userCards.some((e) => e.pin === PIN)).toBe(true);
    expect(answers.filter((a) => a.includes('"errors"')).length).toBeGreaterThanOrEqual(4);
    for (const answer of answers) expect(answer).not.toContain(PIN);
    expect(gw.logs.length).toBeGreaterThan(0);
    for (const line of gw.logs) expect(line).not.toContain(PIN);
    // Nor does the simulator's own request log hold it.
    for (const request of bs().server.received()) expect(request.rawBody).not.toContain(PIN);
  });
});

describe('with a BluSKY token the vendor refuses', () => {
  let wrong: TestGateway;
  beforeAll(async () => {
    wrong = await startTestGateway({ vendors: (settings) => ({ ...settings, blusky: { ...settings.blusky, token: 'not-the-right-token' } }) });
  });
  afterAll(async () => {
    await wrong.close();
  });

  it('answers VENDOR_AUTH_FAILED for reads and writes, naming the setting to check', async () => {
    const read = await wrong.query(USER_CARDS, { userId: AMARA });
    expect(read.body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_AUTH_FAILED', vendor: 'blusky' });
    const write = await wrong.query(ADD, { input: { userId: JONAS, cardId: demoCards[0]!.id } });
    expect(write.body.data).toEqual({ addUserCard: null });
    expect(write.body.errors![0]!.message).toMatch(/BLUSKY_TOKEN/);
    expect(JSON.stringify([read.body, write.body])).not.toContain('not-the-right-token');
  });
});
