import {
  cardWizardExceptions,
  demoDevices,
  startCardWizardSimulator,
  type CardWizardSimulator,
  type TrackedCardRequest,
} from '../../../src/vendors/cardwizard/sandbox';

const JWT = 'test-jwt';
const JWT_NO_READ = 'test-jwt-without-read';
// Long enough that "still Pending right after creation" holds on a busy CI machine, short enough to keep the suite fast.
const COMPLETE_AFTER_MS = 150;

let sim: CardWizardSimulator;

beforeAll(async () => {
  sim = await startCardWizardSimulator({
    jwt: JWT,
    jwtWithoutReadPermission: JWT_NO_READ,
    completeAfterMs: COMPLETE_AFTER_MS,
    seed: 7,
  });
});

afterAll(async () => {
  await sim.close();
});

function beginReadCard(
  deviceId: number | string,
  message: unknown = 'Read badge at desk 3',
  init: { jwt?: string | null; action?: string | null; contentType?: string | null; rawBody?: string } = {},
): Promise<Response> {
  const action = init.action === undefined ? 'beginreadcard' : init.action;
  const query = action === null ? '' : `?action=${encodeURIComponent(action)}`;
  const headers: Record<string, string> = {};
  const jwt = init.jwt === undefined ? JWT : init.jwt;
  if (jwt !== null) headers.JWT = jwt;
  const contentType = init.contentType === undefined ? 'application/json' : init.contentType;
  if (contentType !== null) headers['Content-Type'] = contentType;
  return fetch(`${sim.baseUrl}/Api/CMCDevices/${deviceId}/CardRequests${query}`, {
    method: 'POST',
    headers,
    body: init.rawBody ?? JSON.stringify(message),
  });
}

async function createRequest(deviceId: number, message = 'Read badge at desk 3'): Promise<string> {
  const response = await beginReadCard(deviceId, message);
  expect(response.status).toBe(201);
  const id: unknown = await response.json();
  expect(typeof id).toBe('string');
  return id as string;
}

function track(deviceId: number, requestId: string, method = 'GET', jwt = JWT): Promise<Response> {
  return fetch(`${sim.baseUrl}/Api/CMCDevices/${deviceId}/CardRequests/${requestId}`, {
    method,
    headers: { JWT: jwt },
  });
}

async function trackJson(deviceId: number, requestId: string): Promise<TrackedCardRequest> {
  const response = await track(deviceId, requestId);
  expect(response.status).toBe(200);
  return (await response.json()) as TrackedCardRequest;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CardWizard simulator: beginreadcard', () => {
  it('creates a card request and answers 201 with its id as a JSON string and a Location', async () => {
    const response = await beginReadCard(1, 'Read badge at desk 3');
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const id = (await response.json()) as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(response.headers.get('location')).toBe(`/CardWizard/Api/CMCDevices/1/CardRequests/${id}`);
    const stored = sim.store.all().find((r) => r.id === id);
    expect(stored).toMatchObject({ deviceId: 1, message: 'Read badge at desk 3' });
    const logged = sim.server.received(/^POST \/CardWizard\/Api\/CMCDevices\/1\/CardRequests$/).at(-1);
    expect(logged?.query.get('action')).toBe('beginreadcard');
    expect(logged?.headers.jwt).toBe(JWT);
  });

  it('rejects a missing or unknown JWT with 401 and a JSON error', async () => {
    for (const jwt of [null, 'wrong-token']) {
      const response = await beginReadCard(1, 'x', { jwt });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ Message: 'Authorization has been denied for this request.' });
    }
  });

  it('answers 400 for an action other than beginreadcard, or none', async () => {
    for (const action of ['readcard', '', null]) {
      const response = await beginReadCard(1, 'x', { action });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ Message: 'The request is invalid.' });
    }
  });

  it('matches the action case-insensitively, as ASP.NET binds it', async () => {
    expect((await beginReadCard(2, 'x', { action: 'BeginReadCard' })).status).toBe(201);
  });

  it('answers 400 when the device id is not an integer', async () => {
    for (const id of ['abc', '1.5', '99999999999']) {
      const response = await beginReadCard(id);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { MessageDetail: string }).MessageDetail).toMatch(/System\.Int32/);
    }
  });

  it('answers 404 for an unknown device', async () => {
    const response = await beginReadCard(7);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ Message: 'No CMC device with id 7 was found.' });
  });

  it('answers 400 when the body is not a string message, or an empty one', async () => {
    for (const body of [{ message: 'x' }, 42, '   ']) {
      expect((await beginReadCard(1, body)).status).toBe(400);
    }
    expect((await beginReadCard(1, undefined, { rawBody: '"unterminated' })).status).toBe(400);
  });

  it('accepts the XML and form-urlencoded body formats the help page lists', async () => {
    const xml = await beginReadCard(1, undefined, {
      contentType: 'application/xml',
      rawBody: '<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">Desk &amp; lobby</string>',
    });
    expect(xml.status).toBe(201);
    const form = await beginReadCard(1, undefined, {
      contentType: 'application/x-www-form-urlencoded',
      rawBody: 'sample+string',
    });
    expect(form.status).toBe(201);
    const messages = sim.store.all().map((r) => r.message);
    expect(messages).toEqual(expect.arrayContaining(['Desk & lobby', 'sample string']));
  });

  it('answers 415 for a body without a supported Content-Type', async () => {
    expect((await beginReadCard(1, 'x', { contentType: 'text/plain' })).status).toBe(415);
    expect((await beginReadCard(1, 'x', { contentType: null, rawBody: '"x"' })).status).toBe(415);
  });

  it('answers ReadCardNotAuthorizedException (403) to a JWT without ReadTrackData', async () => {
    const response = await beginReadCard(1, 'x', { jwt: JWT_NO_READ });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      Message: 'An error has occurred.',
      ExceptionMessage: 'Not allowed to read card: the user lacks the ReadTrackData permission.',
      ExceptionType: 'DCG.Card.ReadCardNotAuthorizedException',
      StackTrace: null,
    });
  });

  it.each([
    [90, 403, 'DCG.License.NotAuthorizedForClientException'],
    [91, 404, 'DCG.Security.PCNameNotFoundException'],
    [92, 403, 'DCG.Card.ReadCardNotAuthorizedException'],
    [93, 409, 'DCG.Card.CardFormatCMCNotConfiguredException'],
    [94, 500, 'DCG.Card.CardRequestException'],
    [96, 503, 'DCG.CMC.CMCDeviceWithoutStockException'],
  ])('device %i refuses at once with status %i and %s', async (deviceId, status, exceptionType) => {
    const before = sim.store.all().length;
    const response = await beginReadCard(deviceId);
    expect(response.status).toBe(status);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      Message: 'An error has occurred.',
      ExceptionMessage: expect.any(String),
      ExceptionType: exceptionType,
      StackTrace: null,
    });
    expect(sim.store.all()).toHaveLength(before);
  });

  it('exports a status for every documented exception and a device for each one', () => {
    const raised = new Set(
      demoDevices.flatMap((d) => ('exception' in d.behaviour ? [d.behaviour.exception] : [])),
    );
    expect([...raised].sort()).toEqual(Object.keys(cardWizardExceptions).sort());
  });
});

describe('CardWizard simulator: tracking', () => {
  it('moves a request from Pending to Completed with track data after completeAfterMs', async () => {
    const id = await createRequest(1);
    const pending = await trackJson(1, id);
    expect(pending).toEqual({
      Id: id,
      DeviceId: 1,
      State: 'Pending',
      RequestedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      CompletedAt: null,
      TrackData: null,
      Error: null,
    });
    await sleep(COMPLETE_AFTER_MS + 30);
    const completed = await trackJson(1, id);
    expect(completed.State).toBe('Completed');
    expect(Date.parse(completed.CompletedAt!) - Date.parse(completed.RequestedAt)).toBe(COMPLETE_AFTER_MS);
    expect(completed.TrackData).toEqual({
      Track1: expect.stringMatching(/^B9840\d{12}\^[A-Z]+\/[A-Z]+\^\d{4}120\d{5}$/),
      Track2: expect.stringMatching(/^9840\d{12}=\d{4}120\d{5}$/),
      Track3: null,
    });
    expect(completed.Error).toBeNull();
  });

  it('produces the same ids and track data for the same seed', async () => {
    const other = await startCardWizardSimulator({ jwt: JWT, completeAfterMs: 0, seed: 7 });
    const again = await startCardWizardSimulator({ jwt: JWT, completeAfterMs: 0, seed: 7 });
    try {
      const results = [];
      for (const s of [other, again]) {
        const response = await fetch(`${s.baseUrl}/Api/CMCDevices/1/CardRequests?action=beginreadcard`, {
          method: 'POST',
          headers: { JWT, 'Content-Type': 'application/json' },
          body: '"x"',
        });
        const id = (await response.json()) as string;
        const tracked = await fetch(`${s.baseUrl}/Api/CMCDevices/1/CardRequests/${id}`, { headers: { JWT } });
        results.push((await tracked.json()) as TrackedCardRequest);
      }
      expect(results[0]!.Id).toBe(results[1]!.Id);
      expect(results[0]!.TrackData).toEqual(results[1]!.TrackData);
    } finally {
      await other.close();
      await again.close();
    }
  });

  it('fails device 95 requests while reading with CMCDeviceWithoutStockException', async () => {
    const id = await createRequest(95);
    expect((await trackJson(95, id)).State).toBe('Pending');
    await sleep(COMPLETE_AFTER_MS + 30);
    const failed = await trackJson(95, id);
    expect(failed).toMatchObject({
      State: 'Failed',
      TrackData: null,
      Error: { ExceptionType: 'DCG.CMC.CMCDeviceWithoutStockException', Message: expect.any(String) },
    });
    expect(failed.CompletedAt).not.toBeNull();
  });

  it('fails a read whose message contains the simulate-failure marker with CardRequestException', async () => {
    const id = await createRequest(2, 'Desk 2 [SIMULATE-FAILURE]');
    await sleep(COMPLETE_AFTER_MS + 30);
    expect(await trackJson(2, id)).toMatchObject({
      State: 'Failed',
      Error: { ExceptionType: 'DCG.Card.CardRequestException' },
    });
  });

  it('cancels a pending request, which then never completes; a second cancel is 409', async () => {
    const id = await createRequest(3);
    const cancel = await track(3, id, 'DELETE');
    expect(cancel.status).toBe(200);
    const cancelled = (await cancel.json()) as TrackedCardRequest;
    expect(cancelled).toMatchObject({ Id: id, State: 'Cancelled', TrackData: null, Error: null });
    expect(cancelled.CompletedAt).not.toBeNull();
    await sleep(COMPLETE_AFTER_MS + 30);
    expect((await trackJson(3, id)).State).toBe('Cancelled');
    const again = await track(3, id, 'DELETE');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { Message: string }).Message).toMatch(/already ended \(Cancelled\)/);
  });

  it('refuses to cancel a completed request with 409', async () => {
    const id = await createRequest(1);
    await sleep(COMPLETE_AFTER_MS + 30);
    const response = await track(1, id, 'DELETE');
    expect(response.status).toBe(409);
    expect((await trackJson(1, id)).State).toBe('Completed');
  });

  it('keeps an idle device (4) Pending until cancelled', async () => {
    const id = await createRequest(4);
    await sleep(COMPLETE_AFTER_MS + 30);
    expect((await trackJson(4, id)).State).toBe('Pending');
    expect((await track(4, id, 'DELETE')).status).toBe(200);
  });

  it('answers 404 for an unknown request id, or a known id on another device', async () => {
    const id = await createRequest(1);
    expect((await track(1, 'not-a-request')).status).toBe(404);
    expect((await track(2, id)).status).toBe(404);
    expect((await track(7, id)).status).toBe(404);
  });

  it('requires a JWT to track, but not the ReadTrackData permission', async () => {
    const id = await createRequest(1);
    expect((await track(1, id, 'GET', 'wrong')).status).toBe(401);
    expect((await track(1, id, 'GET', JWT_NO_READ)).status).toBe(200);
  });
});
