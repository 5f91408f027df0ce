/**
 * The HTTP harness every vendor simulator runs on.
 *
 * A simulator is a real HTTP server on 127.0.0.1 (port 0 by default), so the
 * gateway talks to it exactly as it talks to the real vendor. The harness adds
 * what tests and the benchmark need around the vendor behaviour:
 *   - a log of every request received (method, path, query, headers, body);
 *   - an added latency per request;
 *   - injected faults (a status code, a 429 with Retry-After, a hang, a dropped
 *     connection), optionally for one route only and for a number of requests.
 *
 * It deliberately imports nothing from the gateway: simulators check the
 * gateway's clients, they must not mirror them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SimRequest {
  method: string;
  /** Path without the query string, e.g. `/api/v1/persons/abc`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Raw request body as text ('' when none). */
  rawBody: string;
  /** Route parameters, e.g. `{ id: 'abc' }` for `/api/v1/persons/:id`. */
  params: Record<string, string>;
  /** Time the request arrived (ms since epoch). */
  receivedAt: number;
}

export interface SimResponse {
  status: number;
  /** Serialised as JSON unless `rawBody` is given. `undefined` means an empty body. */
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export type Fault =
  | { kind: 'status'; status: number; body?: unknown; rawBody?: string; headers?: Record<string, string> }
  | { kind: 'rateLimit'; retryAfterSeconds: number; body?: unknown }
  /** Accept the request and never answer (until the server closes). */
  | { kind: 'hang' }
  /** Destroy the socket without answering. */
  | { kind: 'drop' }
  /** Run the real handler (so a write takes effect), then answer after `ms`. */
  | { kind: 'slow'; ms: number }
  /** Run the real handler (so a write takes effect), then drop the connection. */
  | { kind: 'dropAfterHandling' };

export interface FaultRule {
  fault: Fault;
  /** Only requests whose `METHOD path` matches (e.g. /^POST \/api\/v1\/persons/). Default: every request. */
  match?: RegExp;
  /** How many matching requests get the fault; default: every one until cleared. */
  times?: number;
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: SimHandler;
}

export interface SimulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Added latency for every request, in ms (default 0). */
  latencyMs?: number;
  /** Keep at most this many requests in the log (default 10,000), oldest dropped first. */
  maxLoggedRequests?: number;
  /** What of a request the log keeps (e.g. BluSKY's PINs replaced); handlers still see the original. */
  redactRequest?: (request: SimRequest) => SimRequest;
}

export class SimulatorServer {
  readonly requests: SimRequest[] = [];
  latencyMs: number;
  private readonly routes: Route[] = [];
  private readonly faults: FaultRule[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  private readonly maxLogged: number;

  constructor(
    readonly name: string,
    private readonly options: SimulatorOptions = {},
  ) {
    this.latencyMs = options.latencyMs ?? 0;
    this.maxLogged = options.maxLoggedRequests ?? 10_000;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Registers a handler for `method` and a path pattern with `:name` segments. */
  route(method: string, path: string, handler: SimHandler): this {
    const names: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          names.push(segment.slice(1));
          return '([^/]+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method: method.toUpperCase(), pattern: new RegExp(`^${source}/?$`, 'i'), names, handler });
    return this;
  }

  /** Adds a fault rule; rules are tried in the order they were added. */
  injectFault(rule: FaultRule): this {
    this.faults.push({ ...rule });
    return this;
  }

  clearFaults(): this {
    this.faults.length = 0;
    return this;
  }

  /** Requests received, optionally only those whose `METHOD path` matches. */
  received(match?: RegExp): SimRequest[] {
    return match ? this.requests.filter((r) => match.test(`${r.method} ${r.path}`)) : [...this.requests];
  }

  resetRequests(): void {
    this.requests.length = 0;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return this.url;
  }

  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (!address) throw new Error(`${this.name} simulator is not listening`);
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const key = `${method} ${path}`;
    const index = this.faults.findIndex((rule) => !rule.match || rule.match.test(key));
    if (index < 0) return undefined;
    const rule = this.faults[index]!;
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) this.faults.splice(index, 1);
    }
    return rule.fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req);
    const request: SimRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      params: {},
      receivedAt: Date.now(),
    };
    this.requests.push(this.options.redactRequest ? this.options.redactRequest(request) : request);
    if (this.requests.length > this.maxLogged) this.requests.shift();

    if (this.latencyMs > 0) await sleep(this.latencyMs);
    const fault = this.takeFault(method, url.pathname);
    if (fault?.kind === 'hang') return; // the socket is destroyed on close()
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      send(res, { status: fault.status, body: fault.body, rawBody: fault.rawBody, headers: fault.headers });
      return;
    }
    if (fault?.kind === 'rateLimit') {
      send(res, {
        status: 429,
        body: fault.body,
        headers: { 'Retry-After': String(fault.retryAfterSeconds) },
      });
      return;
    }

    let response: SimResponse;
    try {
      response = await this.dispatch(request);
    } catch (error) {
      response = { status: 500, body: { message: `${this.name} simulator error: ${(error as Error).message}` } };
    }
    if (fault?.kind === 'dropAfterHandling') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') await sleep(fault.ms);
    send(res, response);
  }

  private async dispatch(request: SimRequest): Promise<SimResponse> {
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(request.path);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== request.method) continue;
      route.names.forEach((name, i) => {
        request.params[name] = decodeURIComponent(match[i + 1]!);
      });
      return route.handler(request);
    }
    return pathMatched
      ? { status: 405, body: { message: `Method ${request.method} is not allowed on ${request.path}` } }
      : { status: 404, body: { message: `No route for ${request.method} ${request.path}` } };
  }
}

function send(res: ServerResponse, response: SimResponse): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...response.headers };
  let payload = '';
  if (response.rawBody !== undefined) {
    payload = response.rawBody;
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
  }
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Unref'd: a slow answer still pending when the simulator closes must not keep the process alive. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Parses a JSON request body, or returns `undefined` when it is empty or not JSON. */
export function parseJsonBody(request: SimRequest): unknown {
  if (request.rawBody.trim() === '') return undefined;
  try {
    return JSON.parse(request.rawBody) as unknown;
  } catch {
    return undefined;
  }
}
