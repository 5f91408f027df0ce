import {
  bluskyResultCodes,
  demoAcSystems,
  demoAssignedCards,
  demoCards,
  demoUserCards,
  demoUsers,
  EMPTY_GUID,
  startBluskySimulator,
  type BluskySimulator,
  type ResultWithGuid,
  type UserCardsListing,
} from '../../../src/vendors/blusky/sandbox';

const TOKEN = 'test-blusky-token';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sim: BluskySimulator;

beforeEach(async () => {
  // A fresh simulator per test: AddUserCard/RemoveUserCard change its state.
  sim = await startBluskySimulator({ token: TOKEN, seed: 3 });
});

afterEach(async () => {
  await sim.close();
});

const amara = demoUsers[0]!; // holds one card (PIN 4821)
const erik = demoUsers[1]!; // holds two cards
const yuki = demoUsers[2]!; // holds one card, one removed
const jonas = demoUsers[9]!; // holds none
const hq = demoAcSystems[0]!;
const dc = demoAcSystems[1]!;

function post(path: string, body: unknown, init: { token?: string | null; contentType?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { 'Content-Type': init.contentType ?? 'application/json' };
  const token = init.token === undefined ? TOKEN : init.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  return fetch(`${sim.url}${path}`, { method: 'POST', headers, body: init.raw ?? JSON.stringify(body) });
}

async function addUserCard(body: Record<string, unknown>): Promise<ResultWithGuid> {
  const response = await post('/api/Person/AddUserCard', body);
  expect(response.status).toBe(200);
  return (await response.json()) as ResultWithGuid;
}

async function removeUserCard(body: Record<string, unknown>): Promise<{ ResultCode: number; Description: string }> {
  const response = await post('/api/Person/RemoveUserCard', body);
  expect(response.status).toBe(200);
  return (await response.json()) as { ResultCode: number; Description: string };
}

function getUserCards(userId: string, token: string | null = TOKEN): Promise<Response> {
  return fetch(`${sim.url}/api/v1/Users/UserCards?UserId=${encodeURIComponent(userId)}`, {
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });
}

async function userCards(userId: string): Promise<UserCardsListing> {
  const response = await getUserCards(userId);
  expect(response.status).toBe(200);
  return (await response.json()) as UserCardsListing;
}

const dynamicCard = {
  UserId: jonas.id,
  CardType: 1,
  CardACSystemId: hq.id,
  InternalCardNumber: 51_234,
  ExternalCardNumber: '051234',
  FacilityCode: 112,
  PIN: '2468',
};

describe('BluSKY simulator: authentication', () => {
  it('answers 401 to a missing or wrong bearer token on every route', async () => {
    for (const token of [null, 'wrong']) {
      const add = await post('/api/Person/AddUserCard', dynamicCard, { token });
      expect(add.status).toBe(401);
      expect(await add.json()).toEqual({ Message: 'Authorization has been denied for this request.' });
      expect((await post('/api/Person/RemoveUserCard', { UserId: amara.id }, { token })).status).toBe(401);
      expect((await getUserCards(amara.id, token)).status).toBe(401);
    }
    expect(sim.store.activeUserCardsOf(jonas.id)).toEqual([]);
  });

  it('accepts the Bearer scheme in any case', async () => {
    const response = await fetch(`${sim.url}/api/v1/Users/UserCards?UserId=${amara.id}`, {
      headers: { Authorization: `bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
  });
});

describe('BluSKY simulator: AddUserCard', () => {
  it('assigns an existing unassigned card by CardId and returns the new UserCard id', async () => {
    const card = demoCards[0]!;
    const result = await addUserCard({ UserId: jonas.id, CardId: card.id, PIN: '1357' });
    expect(result).toEqual({ ResultCode: bluskyResultCodes.Success, Description: 'Success', Value: expect.stringMatching(GUID) });
    expect(result.Value).not.toBe(card.id);
    expect(sim.store.userCards.find((entry) => entry.id === result.Value)).toMatchObject({
      userId: jonas.id,
      cardId: card.id,
      pin: '1357',
      deleted: false,
    });
    expect((await userCards(jonas.id)).Cards).toEqual([
      {
        CardId: card.id,
        CardType: card.cardType,
        CardACSystemId: card.acSystemId,
        InternalCardNumber: card.internalCardNumber,
        ExternalCardNumber: card.externalCardNumber,
        FacilityCode: card.facilityCode,
        IssueCode: null,
        PIN: '1357',
        Deleted: false,
      },
    ]);
  });

  it('adds a card described in the request when CardId is absent', async () => {
    const result = await addUserCard(dynamicCard);
    expect(result).toMatchObject({ ResultCode: 0, Description: 'Success', Value: expect.stringMatching(GUID) });
    const listing = await userCards(jonas.id);
    expect(listing).toEqual({
      UserId: jonas.id,
      Cards: [
        {
          CardId: expect.stringMatching(GUID),
          CardType: 1,
          CardACSystemId: hq.id,
          InternalCardNumber: 51_234,
          ExternalCardNumber: '051234',
          FacilityCode: 112,
          IssueCode: null,
          PIN: '2468',
          Deleted: false,
        },
      ],
    });
  });

  it('binds property names case-insensitively and numeric strings as numbers, as ASP.NET does', async () => {
    const result = await addUserCard({
      userid: jonas.id.toUpperCase(),
      cardtype: '2',
      cardacsystemid: dc.id,
      internalCardNumber: '600001',
      externalcardnumber: 600001,
      facilitycode: 2048,
      CardId: null,
    });
    expect(result.ResultCode).toBe(0);
    expect((await userCards(jonas.id)).Cards[0]).toMatchObject({ CardType: 2, ExternalCardNumber: '600001', PIN: null });
  });

  it('lists every missing conditional field when CardId is null, and changes nothing', async () => {
    const result = await addUserCard({ UserId: jonas.id, CardType: 1, PIN: '2468' });
    expect(result).toEqual({
      ResultCode: bluskyResultCodes.ValidationFailed,
      Description: 'CardACSystemId, InternalCardNumber, ExternalCardNumber and FacilityCode are required when CardId is null.',
      Value: EMPTY_GUID,
    });
    expect(result.ResultCode).not.toBe(bluskyResultCodes.Success);
    expect((await userCards(jonas.id)).Cards).toEqual([]);
  });

  it('requires CardSerialNumber or IssueCode when the card type supports it', async () => {
    const smart = await addUserCard({ ...dynamicCard, CardType: 4, InternalCardNumber: 99, ExternalCardNumber: 'S-99' });
    expect(smart).toMatchObject({ ResultCode: 1, Description: expect.stringMatching(/^CardSerialNumber is required for CardType 4/) });
    const issue = await addUserCard({ ...dynamicCard, CardType: 3 });
    expect(issue).toMatchObject({ ResultCode: 1, Description: expect.stringMatching(/^IssueCode is required for CardType 3/) });
    const ok = await addUserCard({ ...dynamicCard, CardType: 3, IssueCode: 2 });
    expect(ok.ResultCode).toBe(0);
  });

  it('rejects values outside the card type encoding', async () => {
    const result = await addUserCard({ ...dynamicCard, FacilityCode: 300 });
    expect(result).toMatchObject({ ResultCode: 1, Description: expect.stringContaining('FacilityCode 300 is outside 0-255') });
  });

  it.each([
    ['an unknown user', { UserId: '00000000-0000-4000-8000-000000000001' }, 'UserNotFound'],
    ['no UserId', { UserId: undefined }, 'ValidationFailed'],
    ['an unknown card type', { CardType: 99 }, 'CardTypeNotFound'],
    ['an unknown AC system', { CardACSystemId: '00000000-0000-4000-8000-000000000002' }, 'ACSystemNotFound'],
    ['a PIN that is not 4-8 digits', { PIN: '12ab' }, 'ValidationFailed'],
  ] as const)('answers 200 with a failure ResultCode for %s', async (_, change, name) => {
    const result = await addUserCard({ ...dynamicCard, ...change });
    expect(result).toEqual({ ResultCode: bluskyResultCodes[name], Description: expect.any(String), Value: EMPTY_GUID });
  });

  it('refuses a CardId that does not exist or is already assigned', async () => {
    expect(await addUserCard({ UserId: jonas.id, CardId: '00000000-0000-4000-8000-000000000003' })).toMatchObject({
      ResultCode: bluskyResultCodes.CardNotFound,
      Value: EMPTY_GUID,
    });
    const held = demoUserCards[0]!; // Amara's card
    expect(await addUserCard({ UserId: jonas.id, CardId: held.cardId })).toMatchObject({
      ResultCode: bluskyResultCodes.CardAlreadyAssigned,
      Description: `Card ${held.cardId} is already assigned to another user.`,
    });
    expect(await addUserCard({ UserId: amara.id, CardId: held.cardId })).toMatchObject({
      ResultCode: bluskyResultCodes.CardAlreadyAssigned,
      Description: `Card ${held.cardId} is already assigned to this user.`,
    });
  });

  it('refuses a dynamic card that duplicates an existing one in the same AC system', async () => {
    const existing = demoCards[0]!;
    const result = await addUserCard({
      ...dynamicCard,
      InternalCardNumber: existing.internalCardNumber,
      FacilityCode: existing.facilityCode,
    });
    expect(result).toMatchObject({
      ResultCode: bluskyResultCodes.CardAlreadyExists,
      Description: expect.stringContaining(`CardId ${existing.id}`),
      Value: EMPTY_GUID,
    });
    // The same numbers in another AC system are another card.
    expect((await addUserCard({ ...dynamicCard, CardACSystemId: dc.id, FacilityCode: existing.facilityCode })).ResultCode).toBe(0);
  });

  it('answers 400 with model state for malformed JSON or values that cannot convert', async () => {
    const malformed = await post('/api/Person/AddUserCard', undefined, { raw: '{"UserId": "x", "PIN": "9911"' });
    expect(malformed.status).toBe(400);
    const malformedBody = await malformed.text();
    expect(JSON.parse(malformedBody)).toEqual({ Message: 'The request is invalid.', ModelState: { model: ['The body is not valid JSON.'] } });
    expect(malformedBody).not.toContain('9911');

    const wrongTypes = await post('/api/Person/AddUserCard', { ...dynamicCard, UserId: 'not-a-guid', CardType: 1.5 });
    expect(wrongTypes.status).toBe(400);
    expect(await wrongTypes.json()).toEqual({
      Message: 'The request is invalid.',
      ModelState: {
        'model.UserId': [expect.stringContaining("to type 'System.Guid'")],
        'model.CardType': [expect.stringContaining("to type 'System.Int32'")],
      },
    });
    expect((await post('/api/Person/AddUserCard', [dynamicCard])).status).toBe(400);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const response = await post('/api/Person/AddUserCard', undefined, { contentType: 'application/xml', raw: '<x/>' });
    expect(response.status).toBe(415);
  });

  it('never writes the PIN to the request log, while keeping it in the store', async () => {
    await addUserCard({ ...dynamicCard, PIN: '86420' });
    await post('/api/Person/AddUserCard', undefined, { raw: '{"UserId": "x", "PIN": "97531"' });
    sim.server.injectFault({ fault: { kind: 'status', status: 503 }, times: 1 });
    await post('/api/Person/AddUserCard', { ...dynamicCard, pin: '75319' });

    const log = JSON.stringify(sim.server.received(/AddUserCard/));
    expect(sim.server.received(/AddUserCard/)).toHaveLength(3);
    for (const pin of ['86420', '97531', '75319']) expect(log).not.toContain(pin);
    expect(JSON.parse(sim.server.received(/AddUserCard/)[0]!.rawBody)).toMatchObject({ UserId: jonas.id, PIN: '[redacted]' });
    expect(sim.store.activeUserCardsOf(jonas.id).map((entry) => entry.pin)).toEqual(['86420']);
  });

  it('creates the same ids for the same seed', async () => {
    const first = await addUserCard(dynamicCard);
    const again = await startBluskySimulator({ token: TOKEN, seed: 3 });
    try {
      const response = await fetch(`${again.url}/api/Person/AddUserCard`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(dynamicCard),
      });
      expect(((await response.json()) as ResultWithGuid).Value).toBe(first.Value);
    } finally {
      await again.close();
    }
  });
});

describe('BluSKY simulator: RemoveUserCard', () => {
  it('removes a card by CardId: listed as Deleted, and free to assign again', async () => {
    const held = demoUserCards[0]!;
    expect(await removeUserCard({ UserId: amara.id, CardId: held.cardId })).toEqual({ ResultCode: 0, Description: 'Success' });
    expect((await userCards(amara.id)).Cards).toEqual([expect.objectContaining({ CardId: held.cardId, Deleted: true })]);
    expect((await addUserCard({ UserId: jonas.id, CardId: held.cardId })).ResultCode).toBe(0);
  });

  it('removes a card by ExternalCardNumber when CardId is null', async () => {
    const card = demoAssignedCards.find((c) => c.id === demoUserCards[2]!.cardId)!; // Erik's DC card
    const result = await removeUserCard({ UserId: erik.id, CardId: null, ExternalCardNumber: card.externalCardNumber });
    expect(result.ResultCode).toBe(0);
    const listing = await userCards(erik.id);
    expect(listing.Cards.map((c) => [c.CardId, c.Deleted])).toEqual([
      [demoUserCards[1]!.cardId, false],
      [card.id, true],
    ]);
  });

  it('requires ExternalCardNumber when CardId is null', async () => {
    expect(await removeUserCard({ UserId: erik.id })).toEqual({
      ResultCode: bluskyResultCodes.ValidationFailed,
      Description: 'ExternalCardNumber is required when CardId is null.',
    });
  });

  it('answers UserNotFound and UserCardNotFound with HTTP 200', async () => {
    expect((await removeUserCard({ UserId: '00000000-0000-4000-8000-000000000009', CardId: demoCards[0]!.id })).ResultCode).toBe(
      bluskyResultCodes.UserNotFound,
    );
    // Jonas holds no cards; Yuki's removed card cannot be removed twice.
    expect((await removeUserCard({ UserId: jonas.id, CardId: demoCards[0]!.id })).ResultCode).toBe(bluskyResultCodes.UserCardNotFound);
    expect((await removeUserCard({ UserId: yuki.id, CardId: demoUserCards[4]!.cardId })).ResultCode).toBe(
      bluskyResultCodes.UserCardNotFound,
    );
  });

  it('answers 400 for malformed JSON', async () => {
    expect((await post('/api/Person/RemoveUserCard', undefined, { raw: '{' })).status).toBe(400);
  });
});

describe('BluSKY simulator: UserCards listing', () => {
  it('lists a user\'s cards with PIN and Deleted, removed ones included', async () => {
    const listing = await userCards(yuki.id);
    expect(listing.UserId).toBe(yuki.id);
    expect(listing.Cards).toEqual([
      expect.objectContaining({ CardId: demoUserCards[3]!.cardId, CardType: 4, PIN: '5150', Deleted: false }),
      expect.objectContaining({ CardId: demoUserCards[4]!.cardId, PIN: null, Deleted: true }),
    ]);
  });

  it('answers 404 for an unknown user and 400 without a GUID', async () => {
    const unknown = await getUserCards('00000000-0000-4000-8000-000000000009');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ Message: 'No user with UserId 00000000-0000-4000-8000-000000000009 exists.' });
    expect((await getUserCards('abc')).status).toBe(400);
    const none = await fetch(`${sim.url}/api/v1/Users/UserCards`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(none.status).toBe(400);
  });

  it('has realistic demo users, some holding cards', () => {
    expect(demoUsers).toHaveLength(10);
    expect(new Set(demoUserCards.map((entry) => entry.userId)).size).toBeGreaterThanOrEqual(3);
    for (const card of demoCards) expect(sim.store.holderOf(card.id)).toBeUndefined();
  });
});
