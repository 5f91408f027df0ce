/** Shared set-up for the CardExchange simulator tests: a started simulator and a tiny fetch client. */
import {
  startCardExchangeSimulator,
  type CardExchangeSimulator,
  type CardExchangeSimulatorOptions,
} from '../../../src/vendors/cardexchange/sandbox';

export const API_KEY = 'sk_test_unit_cardexchange';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestClient {
  get<T = any>(path: string): Promise<Answer<T>>;
  post<T = any>(path: string, body: unknown): Promise<Answer<T>>;
  del<T = any>(path: string): Promise<Answer<T>>;
  raw(path: string, init?: RequestInit): Promise<Answer>;
}

export async function startSimulator(options: Partial<CardExchangeSimulatorOptions> = {}): Promise<CardExchangeSimulator> {
  return startCardExchangeSimulator({ apiKey: API_KEY, ...options });
}

export function basicAuth(user: string, password = ''): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export function clientFor(sim: CardExchangeSimulator): TestClient {
  const raw = async (path: string, init: RequestInit = {}): Promise<Answer> => {
    const response = await fetch(`${sim.url}${path}`, {
      ...init,
      headers: { Authorization: basicAuth(API_KEY), ...(init.headers as Record<string, string>) },
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the text
    }
    return { status: response.status, headers: response.headers, body };
  };
  return {
    raw,
    get: (path) => raw(path),
    del: (path) => raw(path, { method: 'DELETE' }),
    post: (path, body) =>
      raw(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  };
}

/** Parses a Link header into rel -> URL. */
export function links(header: string | null): Record<string, URL> {
  const result: Record<string, URL> = {};
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>;\s*rel="(\w+)"/.exec(part.trim());
    if (match) result[match[2]!] = new URL(match[1]!);
  }
  return result;
}
