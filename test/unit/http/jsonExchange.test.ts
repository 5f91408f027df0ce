/**
 * exchangeJson (src/http/jsonExchange.ts) against a real HTTP server on 127.0.0.1: how it reads an
 * answer, and how the call's deadline ends it wherever the request is.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { CallDeadline } from '../../../src/http/callDeadline';
import { exchangeJson } from '../../../src/http/jsonExchange';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let pool: Pool;
let route: Route;
const received: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // One connection, so a second request waits in the pool's queue behind the first.
  pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { connections: 1, pipelining: 1 });
});
afterAll(async () => {
  for (const t of timers) clearTimeout(t);
  await pool.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
const deadlines: CallDeadline[] = [];
beforeEach(() => {
  received.length = 0;
});
afterEach(() => {
  for (const d of deadlines.splice(0)) d.clear();
});

/** A server-side delay that does not outlive the tests. */
const timers: NodeJS.Timeout[] = [];
function later(ms: number, fn: () => void): void {
  timers.push(setTimeout(fn, ms));
}

function deadline(ms = 5000): CallDeadline {
  const d = new CallDeadline(ms);
  deadlines.push(d);
  return d;
}

describe('reading an answer', () => {
  it('joins a body sent in many chunks, a multi-byte character split between two of them', async () => {
    const euro = Buffer.from('€', 'utf8');
    route = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-total-count': '2' });
      res.write('{"name":"');
      res.write(euro.subarray(0, 1));
      setTimeout(() => res.end(Buffer.concat([euro.subarray(1), Buffer.from('uro"}')])), 20);
    };
    const answer = await exchangeJson(pool, { method: 'GET', path: '/chunks' }, deadline());
    expect(answer.status).toBe(200);
    expect(answer.headers['x-total-count']).toBe('2');
    expect(answer.body).toEqual({ name: '€uro' });
    expect(answer.malformed).toBe(false);
  });

  it('drops a UTF-8 byte order mark, as undici body.text() does', async () => {
    route = (_req, res) => res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"ok":true}')]));
    const answer = await exchangeJson(pool, { method: 'GET', path: '/bom' }, deadline(5000));
    expect(answer.body).toEqual({ ok: true });
  });

  it('reads an empty body as no body, with the status and headers', async () => {
    route = (_req, res) => {
      res.writeHead(204, { 'x-request-id': 'abc' });
      res.end();
    };
    const answer = await exchangeJson(pool, { method: 'DELETE', path: '/thing' }, deadline());
    expect(answer).toEqual({ status: 204, headers: expect.objectContaining({ 'x-request-id': 'abc' }), body: undefined, malformed: false });
  });

  it('reads a body of only whitespace as no body', async () => {
    route = (_req, res) => res.end(' \r\n ');
    expect(await exchangeJson(pool, { method: 'GET', path: '/blank' }, deadline())).toMatchObject({ status: 200, body: undefined, malformed: false });
  });

  it('says when a body is not JSON, and keeps the status', async () => {
    route = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    };
    expect(await exchangeJson(pool, { method: 'GET', path: '/html' }, deadline())).toMatchObject({ status: 502, body: undefined, malformed: true });
  });

  it('sends the method, path, headers and body it is given', async () => {
    let seen: { headers: IncomingMessage['headers']; body: string } | undefined;
    route = (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen = { headers: req.headers, body };
        res.end('{}');
      });
    };
    await exchangeJson(pool, { method: 'POST', path: '/api/things?x=1', headers: { 'content-type': 'application/json', authorization: 'Basic a2V5Og==' }, body: '{"a":1}' }, deadline());
    expect(received).toEqual(['POST /api/things?x=1']);
    expect(seen?.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Basic a2V5Og==' });
    expect(seen?.body).toBe('{"a":1}');
  });

  it('stops listening to the deadline once the answer is in', async () => {
    route = (_req, res) => res.end('{}');
    const d = deadline();
    await exchangeJson(pool, { method: 'GET', path: '/one' }, d);
    await exchangeJson(pool, { method: 'GET', path: '/two' }, d);
    expect(d.listenerCount('abort')).toBe(0);
  });
});

describe('failures', () => {
  it('rejects when the connection breaks in the middle of the body', async () => {
    route = (_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
      later(20, () => res.socket?.destroy());
    };
    await expect(exchangeJson(pool, { method: 'GET', path: '/broken' }, deadline())).rejects.toMatchObject({ name: expect.stringMatching(/Error/) });
  });

  it('ends a request waiting for its answer when the deadline passes, with the deadline as the reason', async () => {
    route = (_req, res) => later(2000, () => res.end('{}'));
    const d = deadline(100);
    const started = Date.now();
    await expect(exchangeJson(pool, { method: 'GET', path: '/slow' }, d)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(d.listenerCount('abort')).toBe(0);
  });

  it('ends a request still queued in the pool without ever sending it', async () => {
    route = (_req, res) => later(400, () => res.end('{}'));
    const first = exchangeJson(pool, { method: 'GET', path: '/first' }, deadline());
    const queued = exchangeJson(pool, { method: 'GET', path: '/queued' }, deadline(100));
    await expect(queued).rejects.toMatchObject({ name: 'TimeoutError' });
    await expect(first).resolves.toMatchObject({ status: 200 });
    // Give a wrongly sent request time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual(['GET /first']);
  });

  it('does not send a request whose deadline has already passed', async () => {
    route = (_req, res) => res.end('{}');
    const d = deadline(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(exchangeJson(pool, { method: 'POST', path: '/late', body: '{}' }, d)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(received).toEqual([]);
  });
});
