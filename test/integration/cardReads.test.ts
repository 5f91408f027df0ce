/**
 * CardWizard card reads over real HTTP: the gateway on 127.0.0.1:0, the CardWizard simulator
 * behind it. Each test asserts the GraphQL answer and exactly what the simulator received.
 */
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/startSandbox';
import { startTestGateway, type TestGateway } from '../helpers/testGateway';

const COMPLETE_AFTER_MS = 600;
const REQUEST = `mutation($input: RequestCardReadInput!) {
  requestCardRead(input: $input) { cardReadRequest { id deviceId status requestedAt endedAt trackData { track1 track2 track3 } failure { code } } userErrors { message field code } }
}`;
const READ = `query($deviceId: Int!, $id: ID!) {
  cardReadRequest(deviceId: $deviceId, id: $id) { id deviceId status requestedAt endedAt trackData { track1 track2 track3 } trackDataWithheld failure { code message } }
}`;
const POSTS = /^POST \/CardWizard\/Api\/CMCDevices\/\d+\/CardRequests$/;

let gw: TestGateway;
const cw = () => gw.sandbox.cardwizard;
const posts = () => cw().server.received(POSTS);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function requestRead(deviceId: number, message = 'Please present your badge') {
  const { body } = await gw.query(REQUEST, { input: { deviceId, message } });
  return body;
}

beforeAll(async () => {
  gw = await startTestGateway({ sandbox: { cardReadCompleteAfterMs: COMPLETE_AFTER_MS } });
});
afterAll(async () => {
  await gw.close();
});
beforeEach(() => {
  cw().server.resetRequests();
  cw().server.clearFaults();
});

describe('requestCardRead', () => {
  it('starts a read with one POST (JWT header, beginreadcard action, message as a JSON string) and answers the pending request', async () => {
    const before = Date.now();
    const body = await requestRead(2, 'Badge please, "Front desk"');
    expect(body.errors).toBeUndefined();
    const created = body.data!.requestCardRead;
    expect(created.userErrors).toEqual([]);
    expect(created.cardReadRequest).toMatchObject({ deviceId: 2, status: 'PENDING', endedAt: null, trackData: null, failure: null });
    expect(Date.parse(created.cardReadRequest.requestedAt)).toBeGreaterThanOrEqual(before - 1000);

    expect(cw().server.received().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /CardWizard/Api/CMCDevices/2/CardRequests']);
    const sent = posts()[0]!;
    expect(sent.query.get('action')).toBe('beginreadcard');
    expect(sent.headers.jwt).toBe(SANDBOX_CREDENTIALS.cardwizardJwt);
    expect(sent.headers['content-type']).toMatch(/^application\/json/);
    expect(sent.rawBody).toBe(JSON.stringify('Badge please, "Front desk"'));
    // The id is CardWizard's own, passed through unchanged.
    const stored = cw().store.all().find((r) => r.id === created.cardReadRequest.id);
    expect(stored).toMatchObject({ deviceId: 2, message: 'Badge please, "Front desk"' });
  });

  it.each([
    [90, 'NotAuthorizedForClientException (403)', 'NOT_LICENSED', null],
    [91, 'PCNameNotFoundException (404)', 'DEVICE_HOST_NOT_FOUND', ['input', 'deviceId']],
    [92, 'ReadCardNotAuthorizedException (403)', 'PERMISSION_DENIED', null],
    [93, 'CardFormatCMCNotConfiguredException (409)', 'CARD_FORMAT_NOT_CONFIGURED', ['input', 'deviceId']],
    [94, 'CardRequestException (500)', 'RETRY_OR_CANCEL', null],
    [96, 'CMCDeviceWithoutStockException (503)', 'DEVICE_ERROR', ['input', 'deviceId']],
  ])('maps device %i, which raises %s, to the user error %s after exactly one POST', async (deviceId, _exception, code, field) => {
    const body = await requestRead(deviceId);
    expect(body.errors).toBeUndefined();
    expect(body.data!.requestCardRead.cardReadRequest).toBeNull();
    expect(body.data!.requestCardRead.userErrors).toEqual([{ code, field, message: expect.any(String) }]);
    // A documented exception is an answer, even with a 5xx status: not retried, not "outcome unknown".
    expect(posts()).toHaveLength(1);
  });

  it('tells exceptions apart by ExceptionType, not by status: a 404 without one is an unknown device (NOT_FOUND)', async () => {
    const body = await requestRead(4242);
    expect(body.data!.requestCardRead).toEqual({
      cardReadRequest: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'deviceId'], message: 'CardWizard knows no CMC device with id 4242.' }],
    });
    expect(posts()).toHaveLength(1);
  });

  it.each([
    ['device id 0', { deviceId: 0, message: 'hello' }, [{ field: ['input', 'deviceId'], code: 'INVALID_VALUE' }]],
    ['a negative device id', { deviceId: -3, message: 'hello' }, [{ field: ['input', 'deviceId'], code: 'INVALID_VALUE' }]],
    ['a blank message', { deviceId: 1, message: '   ' }, [{ field: ['input', 'message'], code: 'REQUIRED' }]],
    ['a message of 1001 characters', { deviceId: 1, message: 'x'.repeat(1001) }, [{ field: ['input', 'message'], code: 'INVALID_VALUE' }]],
    ['both at once, reporting both', { deviceId: 0, message: '' }, [{ field: ['input', 'deviceId'], code: 'INVALID_VALUE' }, { field: ['input', 'message'], code: 'REQUIRED' }]],
  ])('refuses %s before calling CardWizard', async (_label, input, expected) => {
    const { body } = await gw.query(REQUEST, { input });
    expect(body.errors).toBeUndefined();
    expect(body.data!.requestCardRead.cardReadRequest).toBeNull();
    expect(body.data!.requestCardRead.userErrors).toEqual(expected.map((e) => ({ ...e, message: expect.any(String) })));
    expect(cw().server.received()).toHaveLength(0);
  });

  it('reports a CardWizard timeout as VENDOR_OUTCOME_UNKNOWN and never resends the request', async () => {
    cw().server.injectFault({ match: POSTS, times: 1, fault: { kind: 'hang' } });
    const body = await requestRead(1);
    expect(body.data).toEqual({ requestCardRead: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.path).toEqual(['requestCardRead']);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_OUTCOME_UNKNOWN', vendor: 'cardwizard' });
    await sleep(300);
    expect(posts()).toHaveLength(1);
  });

  it('reports a connection lost after CardWizard created the request as outcome unknown, with one POST', async () => {
    const before = cw().store.all().length;
    cw().server.injectFault({ match: POSTS, times: 1, fault: { kind: 'dropAfterHandling' } });
    const body = await requestRead(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_OUTCOME_UNKNOWN', vendor: 'cardwizard' });
    expect(posts()).toHaveLength(1);
    // The read did start: exactly why the gateway must not send it again.
    expect(cw().store.all().length).toBe(before + 1);
  });

  it('treats a 5xx without a documented ExceptionType as outcome unknown, not as a business error', async () => {
    cw().server.injectFault({ match: POSTS, times: 1, fault: { kind: 'status', status: 500, body: { Message: 'An error has occurred.' } } });
    const body = await requestRead(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_OUTCOME_UNKNOWN', status: 500 });
    expect(posts()).toHaveLength(1);
  });
});

describe('cardReadRequest', () => {
  it('reads a request as pending, then completed with the track data, one tracking GET per query', async () => {
    const id = (await requestRead(1)).data!.requestCardRead.cardReadRequest.id as string;
    cw().server.resetRequests();

    const pending = await gw.query(READ, { deviceId: 1, id });
    expect(pending.body.errors).toBeUndefined();
    expect(pending.body.data!.cardReadRequest).toMatchObject({ id, deviceId: 1, status: 'PENDING', endedAt: null, trackData: null, trackDataWithheld: false, failure: null });

    await sleep(COMPLETE_AFTER_MS + 100);
    const done = await gw.query(READ, { deviceId: 1, id });
    const read = done.body.data!.cardReadRequest;
    const stored = cw().store.all().find((r) => r.id === id)!;
    expect(stored.outcome.kind).toBe('completes');
    const tracks = (stored.outcome as { trackData: { Track1: string; Track2: string } }).trackData;
    expect(read).toMatchObject({ status: 'COMPLETED', trackData: { track1: tracks.Track1, track2: tracks.Track2, track3: null }, failure: null });
    expect(Date.parse(read.endedAt)).toBeGreaterThanOrEqual(Date.parse(read.requestedAt));

    const gets = cw().server.received();
    expect(gets.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /CardWizard/Api/CMCDevices/1/CardRequests/${id}`,
      `GET /CardWizard/Api/CMCDevices/1/CardRequests/${id}`,
    ]);
    expect(gets.every((r) => r.headers.jwt === SANDBOX_CREDENTIALS.cardwizardJwt)).toBe(true);
    // Track data never reaches the logs.
    expect(gw.logs.join('\n')).not.toContain(tracks.Track2);
  });

  it('shows a read that fails after it started as FAILED with a typed failure (device 95: no stock)', async () => {
    const id = (await requestRead(95)).data!.requestCardRead.cardReadRequest.id as string;
    await sleep(COMPLETE_AFTER_MS + 100);
    const { body } = await gw.query(READ, { deviceId: 95, id });
    expect(body.data!.cardReadRequest).toMatchObject({ status: 'FAILED', trackData: null, failure: { code: 'DEVICE_ERROR', message: expect.stringMatching(/device 95/) } });
  });

  it('shows a read that CardWizard could not complete as FAILED with RETRY_OR_CANCEL', async () => {
    const id = (await requestRead(3, 'front desk simulate-failure')).data!.requestCardRead.cardReadRequest.id as string;
    await sleep(COMPLETE_AFTER_MS + 100);
    const { body } = await gw.query(READ, { deviceId: 3, id });
    expect(body.data!.cardReadRequest.failure).toEqual({ code: 'RETRY_OR_CANCEL', message: expect.any(String) });
  });

  it('answers null for a request CardWizard does not know', async () => {
    const { body } = await gw.query(READ, { deviceId: 1, id: '00000000-0000-4000-8000-000000000000' });
    expect(body).toEqual({ data: { cardReadRequest: null } });
    expect(cw().server.received()).toHaveLength(1);
  });

  it('URL-encodes the opaque id rather than letting it change the route', async () => {
    const { body } = await gw.query(READ, { deviceId: 1, id: '../../CMCDevices/2' });
    expect(body).toEqual({ data: { cardReadRequest: null } });
    expect(cw().server.received()[0]!.path).toBe('/CardWizard/Api/CMCDevices/1/CardRequests/..%2F..%2FCMCDevices%2F2');
  });

  it.each([
    ['device id 0', { deviceId: 0, id: 'abc' }, 'deviceId'],
    ['a blank id', { deviceId: 1, id: '  ' }, 'id'],
    ['an id of 201 characters', { deviceId: 1, id: 'x'.repeat(201) }, 'id'],
  ])('rejects %s with BAD_USER_INPUT naming the argument, before calling CardWizard', async (_label, variables, argument) => {
    const { body } = await gw.query(READ, variables);
    expect(body.data).toEqual({ cardReadRequest: null });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors![0]!.path).toEqual(['cardReadRequest']);
    expect(cw().server.received()).toHaveLength(0);
  });
});

describe('with a CardWizard token the vendor refuses', () => {
  let wrong: TestGateway;
  beforeAll(async () => {
    wrong = await startTestGateway({ vendors: (settings) => ({ ...settings, cardwizard: { ...settings.cardwizard, jwt: 'not-the-right-jwt' } }) });
  });
  afterAll(async () => {
    await wrong.close();
  });

  it('answers VENDOR_AUTH_FAILED (a configuration problem) and does not leak the token', async () => {
    const { body } = await wrong.query(REQUEST, { input: { deviceId: 1, message: 'hello' } });
    expect(body.data).toEqual({ requestCardRead: null });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_AUTH_FAILED', vendor: 'cardwizard' });
    expect(body.errors![0]!.message).toMatch(/CARDWIZARD_JWT/);
    expect(JSON.stringify(body)).not.toContain('not-the-right-jwt');
    expect(wrong.logs.join('\n')).not.toContain('not-the-right-jwt');
  });
});
