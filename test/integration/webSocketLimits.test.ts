/**
 * Limits on the gateway's WebSocket endpoint: connections beyond MAX_WS_CONNECTIONS are refused
 * at the upgrade, and a page from a foreign origin cannot open one.
 */
import WebSocket from 'ws';
import { useTestGateway, type TestGateway } from '../helpers/testGateway';

let gw: TestGateway;
useTestGateway((started) => (gw = started), { env: { MAX_WS_CONNECTIONS: '1' } });

/** Opens a raw graphql-ws socket; resolves with 'open' or the HTTP status that refused the upgrade. */
function open(headers: Record<string, string> = {}): Promise<{ outcome: 'open' | number; socket: WebSocket }> {
  const socket = new WebSocket(gw.url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
  return new Promise((resolve) => {
    socket.once('open', () => resolve({ outcome: 'open', socket }));
    socket.once('unexpected-response', (_request, response) => resolve({ outcome: response.statusCode ?? 0, socket }));
  });
}

it('refuses a WebSocket beyond the connection limit with 503, and accepts again once one closes', async () => {
  const first = await open();
  expect(first.outcome).toBe('open');
  const second = await open();
  expect(second.outcome).toBe(503);
  const closed = new Promise((resolve) => first.socket.once('close', resolve));
  first.socket.close();
  await closed;
  await new Promise((resolve) => setTimeout(resolve, 50));
  const third = await open();
  expect(third.outcome).toBe('open');
  third.socket.close();
});

it('refuses a WebSocket from a page on a foreign origin', async () => {
  const foreign = await open({ origin: 'https://evil.example' });
  expect(foreign.outcome).toBe(401);
});
