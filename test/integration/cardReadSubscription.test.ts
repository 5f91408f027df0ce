/**
 * cardReadRequestUpdated over graphql-ws on the gateway's own /graphql URL, against the CardWizard
 * simulator: one shared poll loop per request, changes pushed to every subscriber, polling stopped
 * when the last one leaves or the deadline passes, and the same auth and masking as HTTP.
 */
import WebSocket from 'ws';
import { connectWs, sleep, subscribe, type WsClient } from '../helpers/subscriptions';
import { startTestGateway, type TestGateway } from '../helpers/testGateway';

const POLL_MS = 100;
const COMPLETE_AFTER_MS = 900;
const DEADLINE_MS = 2500;
const UPDATED = `subscription($deviceId: Int!, $id: ID!) {
  cardReadRequestUpdated(deviceId: $deviceId, id: $id) { id deviceId status endedAt trackData { track1 track2 } trackDataWithheld failure { code message } }
}`;
const REQUEST = `mutation($input: RequestCardReadInput!) { requestCardRead(input: $input) { cardReadRequest { id } userErrors { code } } }`;

async function startRead(gw: TestGateway, deviceId: number, message = 'Badge please'): Promise<string> {
  const { body } = await gw.query(REQUEST, { input: { deviceId, message } });
  return body.data!.requestCardRead.cardReadRequest.id;
}

function trackingGets(gw: TestGateway, deviceId: number, id: string) {
  return gw.sandbox.cardwizard.server.received().filter((r) => r.method === 'GET' && r.path === `/CardWizard/Api/CMCDevices/${deviceId}/CardRequests/${id}`);
}

const statuses = (events: Array<{ data?: any }>) => events.map((e) => e.data?.cardReadRequestUpdated?.status ?? null);

describe('cardReadRequestUpdated', () => {
  let gw: TestGateway;
  const clients: WsClient[] = [];
  const ws = (params?: Record<string, unknown>) => {
    const client = connectWs(gw.url, params);
    clients.push(client);
    return client;
  };
  const tracker = () => gw.gateway.clients.cardReadTracker;

  beforeAll(async () => {
    gw = await startTestGateway({
      env: { CARD_READ_POLL_INTERVAL_MS: String(POLL_MS), CARD_READ_DEADLINE_MS: String(DEADLINE_MS) },
      sandbox: { cardReadCompleteAfterMs: COMPLETE_AFTER_MS },
    });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });
  afterAll(async () => {
    await gw.close();
  });

  it('codes a variable of the wrong type BAD_USER_INPUT, as over HTTP, without polling CardWizard', async () => {
    gw.sandbox.cardwizard.server.resetRequests();
    const sub = subscribe(ws(), UPDATED, { deviceId: 'one', id: 'x' });
    await sub.finished;
    const errors = sub.events.flatMap((event) => event.errors ?? []);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^Variable "\$deviceId"/);
    expect(errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(gw.sandbox.cardwizard.server.received()).toHaveLength(0);
  });

  it('delivers pending then completed to two subscribers from one poll loop, then completes both', async () => {
    const id = await startRead(gw, 1);
    const started = Date.now();
    const a = subscribe(ws(), UPDATED, { deviceId: 1, id });
    const b = subscribe(ws(), UPDATED, { deviceId: 1, id });
    await Promise.all([a.received(1), b.received(1)]);
    expect(tracker().activeLoops).toBe(1);

    expect(await a.finished).toBe('complete');
    expect(await b.finished).toBe('complete');
    const elapsed = Date.now() - started;
    for (const sub of [a, b]) {
      expect(sub.events.every((e) => e.errors === undefined)).toBe(true);
      expect(statuses(sub.events)).toEqual(['PENDING', 'COMPLETED']);
      const done = sub.events[1]!.data.cardReadRequestUpdated;
      expect(done).toMatchObject({ id, deviceId: 1, trackDataWithheld: false, failure: null });
      expect(done.trackData.track2).toMatch(/^\d+=\d+$/);
      expect(done.endedAt).toEqual(expect.any(String));
    }
    // One loop: polls at least one interval apart, no more of them than the time allows.
    const gets = trackingGets(gw, 1, id);
    const gaps = gets.slice(1).map((r, i) => r.receivedAt - gets[i]!.receivedAt);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(POLL_MS - 20);
    expect(gets.length).toBeLessThanOrEqual(Math.ceil(elapsed / POLL_MS) + 1);
    expect(tracker().activeLoops).toBe(0);
    // The request ended, so polling stopped.
    const count = trackingGets(gw, 1, id).length;
    await sleep(3 * POLL_MS);
    expect(trackingGets(gw, 1, id)).toHaveLength(count);
  });

  it('keeps polling while one subscriber remains and stops when the last one leaves', async () => {
    const id = await startRead(gw, 4); // device 4: nobody ever presents a card
    const a = subscribe(ws(), UPDATED, { deviceId: 4, id });
    const b = subscribe(ws(), UPDATED, { deviceId: 4, id });
    await Promise.all([a.received(1), b.received(1)]);
    expect(statuses(a.events)).toEqual(['PENDING']);
    expect(statuses(b.events)).toEqual(['PENDING']);

    a.unsubscribe();
    await sleep(50);
    const afterFirstLeft = trackingGets(gw, 4, id).length;
    await sleep(4 * POLL_MS);
    expect(trackingGets(gw, 4, id).length).toBeGreaterThan(afterFirstLeft);
    expect(tracker().activeLoops).toBe(1);

    b.unsubscribe();
    await sleep(50);
    expect(tracker().activeLoops).toBe(0);
    const afterBothLeft = trackingGets(gw, 4, id).length;
    await sleep(4 * POLL_MS);
    expect(trackingGets(gw, 4, id)).toHaveLength(afterBothLeft);
  });

  it('completes at the tracking deadline after the last state, and stops polling', async () => {
    const id = await startRead(gw, 4);
    const started = Date.now();
    const sub = subscribe(ws(), UPDATED, { deviceId: 4, id });
    expect(await sub.finished).toBe('complete');
    expect(Date.now() - started).toBeGreaterThanOrEqual(DEADLINE_MS - 200);
    expect(statuses(sub.events)).toEqual(['PENDING']);
    const count = trackingGets(gw, 4, id).length;
    await sleep(3 * POLL_MS);
    expect(trackingGets(gw, 4, id)).toHaveLength(count);
    expect(tracker().activeLoops).toBe(0);
  }, 10_000);

  it('pushes FAILED with a typed failure when the read fails after it started (device 95)', async () => {
    const id = await startRead(gw, 95);
    const sub = subscribe(ws(), UPDATED, { deviceId: 95, id });
    expect(await sub.finished).toBe('complete');
    expect(statuses(sub.events)).toEqual(['PENDING', 'FAILED']);
    expect(sub.events[1]!.data.cardReadRequestUpdated.failure).toEqual({ code: 'DEVICE_ERROR', message: expect.stringMatching(/device 95/) });
  });

  it('sends null once and completes for a request CardWizard does not know', async () => {
    const sub = subscribe(ws(), UPDATED, { deviceId: 1, id: 'no-such-request' });
    expect(await sub.finished).toBe('complete');
    expect(sub.events).toEqual([{ data: { cardReadRequestUpdated: null } }]);
  });

  it('rejects invalid arguments with BAD_USER_INPUT and starts no poll loop', async () => {
    gw.sandbox.cardwizard.server.resetRequests();
    const sub = subscribe(ws(), UPDATED, { deviceId: 0, id: 'x' });
    expect(await sub.finished).toBe('complete');
    expect(sub.events).toHaveLength(1);
    expect(sub.events[0]!.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'deviceId' });
    expect(gw.sandbox.cardwizard.server.received()).toHaveLength(0);
    expect(tracker().activeLoops).toBe(0);
  });

  it('answers queries and mutations over the same WebSocket too, with the PIN masked in errors there as well', async () => {
    const client = ws();
    const query = subscribe(client, `{ sandbox }`);
    expect(await query.finished).toBe('complete');
    expect(query.events).toEqual([{ data: { sandbox: true } }]);

    const mutation = subscribe(client, `mutation($input: AddUserCardInput!) { addUserCard(input: $input) { userCardId } }`, { input: { pin: '55667788' } });
    const outcome = await mutation.finished;
    const said = JSON.stringify([outcome, mutation.events]);
    expect(said).toMatch(/userId/);
    expect(said).not.toContain('55667788');
    expect(gw.logs.join('\n')).not.toContain('55667788');
  });

  it('answers a malformed or invalid operation with a coded error and keeps the connection open', async () => {
    const client = ws();
    const broken = subscribe(client, 'subscription { cardReadRequestUpdated(');
    const outcome = await broken.finished;
    expect(outcome).not.toBe('complete');
    expect((outcome as { error: Array<{ extensions: { code: string } }> }).error[0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = subscribe(client, 'subscription { cardReadRequestUpdated(deviceId: 1, id: "x") { nope } }');
    expect(((await invalid.finished) as { error: Array<{ extensions: { code: string } }> }).error[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const fine = subscribe(client, '{ sandbox }');
    expect(await fine.finished).toBe('complete');
    expect(fine.events).toEqual([{ data: { sandbox: true } }]);
  });

  it('answers a subscription sent over plain HTTP with 400, pointing to graphql-ws, and starts no poll loop', async () => {
    gw.sandbox.cardwizard.server.resetRequests();
    const response = await gw.query(UPDATED, { deviceId: 1, id: 'x' });
    expect(response.status).toBe(400);
    expect(response.body.errors![0]).toMatchObject({ message: expect.stringMatching(/graphql-ws/), extensions: { code: 'BAD_REQUEST' } });
    expect(gw.sandbox.cardwizard.server.received()).toHaveLength(0);
  });

  it('refuses a WebSocket opened from a foreign web page (Origin check)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(gw.url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers: { origin: 'https://evil.example' } });
      socket.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        socket.terminate();
      });
      socket.on('open', () => reject(new Error('opened')));
      socket.on('error', () => {});
    });
    expect(status).toBe(401);
  });
});

describe('track data visibility and authentication over graphql-ws', () => {
  const KEY_WITH_SCOPE = 'ops-key-0123456789abcdef';
  const KEY_WITHOUT_SCOPE = 'web-key-0123456789abcdef';
  let gw: TestGateway;
  const clients: WsClient[] = [];
  const ws = (params?: Record<string, unknown>) => {
    const client = connectWs(gw.url, params);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    gw = await startTestGateway({
      env: {
        CARD_READ_POLL_INTERVAL_MS: String(POLL_MS),
        CARD_READ_TRACK_DATA_VISIBLE: 'false',
        AUTH_ALLOW_ANONYMOUS: 'false',
        AUTH_API_KEYS: `ops:${KEY_WITH_SCOPE}:keyway:trackdata, web:${KEY_WITHOUT_SCOPE}`,
      },
      sandbox: { cardReadCompleteAfterMs: 300 },
    });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });
  afterAll(async () => {
    await gw.close();
  });

  it('closes an unauthenticated connection with 4403 before any operation runs', async () => {
    gw.sandbox.cardwizard.server.resetRequests();
    const client = ws();
    const sub = subscribe(client, UPDATED, { deviceId: 1, id: 'anything' });
    const outcome = await sub.finished;
    expect(outcome).not.toBe('complete');
    expect((await client.closed).code).toBe(4403);
    expect(sub.events).toHaveLength(0);
    expect(gw.sandbox.cardwizard.server.received()).toHaveLength(0);
  });

  it('shows track data to a caller with the keyway:trackdata scope and withholds it from others', async () => {
    const { body } = await gw.query(REQUEST, { input: { deviceId: 2, message: 'Badge please' } }, { 'x-api-key': KEY_WITH_SCOPE });
    const id = body.data!.requestCardRead.cardReadRequest.id;
    const allowed = subscribe(ws({ 'x-api-key': KEY_WITH_SCOPE }), UPDATED, { deviceId: 2, id });
    const other = subscribe(ws({ authorization: `ApiKey ${KEY_WITHOUT_SCOPE}` }), UPDATED, { deviceId: 2, id });
    expect(await allowed.finished).toBe('complete');
    expect(await other.finished).toBe('complete');
    const seen = allowed.events.at(-1)!.data.cardReadRequestUpdated;
    const hidden = other.events.at(-1)!.data.cardReadRequestUpdated;
    expect(seen).toMatchObject({ status: 'COMPLETED', trackDataWithheld: false, trackData: { track2: expect.any(String) } });
    expect(hidden).toMatchObject({ status: 'COMPLETED', trackDataWithheld: true, trackData: null });
    expect(gw.logs.join('\n')).not.toContain(seen.trackData.track2);
  });
});

describe('gateway shutdown', () => {
  it('ends open subscriptions and their poll loops when the gateway closes', async () => {
    const gw = await startTestGateway({ env: { CARD_READ_POLL_INTERVAL_MS: String(POLL_MS) } });
    const id = await startRead(gw, 4);
    const client = connectWs(gw.url);
    const sub = subscribe(client, UPDATED, { deviceId: 4, id });
    await sub.received(1);
    expect(gw.gateway.clients.cardReadTracker.activeLoops).toBe(1);
    await gw.close();
    await sub.finished;
    expect((await client.closed).code).toBe(1001);
    expect(gw.gateway.clients.cardReadTracker.activeLoops).toBe(0);
    await client.dispose();
  });
});
