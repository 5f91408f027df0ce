/**
 * A graphql-ws client for the integration tests: real WebSocket connections (the `ws` package) to
 * the gateway's own /graphql URL, and subscriptions whose events are collected for assertions.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface WsClient {
  client: Client;
  /** Close code and reason if the server closed the connection. */
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

export function connectWs(httpUrl: string, connectionParams?: Record<string, unknown>): WsClient {
  let onClosed: (value: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => onClosed({ code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }) },
  });
  return { client, closed, dispose: async () => client.dispose() };
}

export interface Subscription<T = any> {
  /** Every `next` payload, in order. */
  events: Array<{ data?: T; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> }>;
  /** Settles when the server completes the subscription (or it fails). */
  finished: Promise<'complete' | { error: unknown }>;
  /** Resolves once at least `count` events have arrived. */
  received(count: number, timeoutMs?: number): Promise<void>;
  unsubscribe(): void;
}

export function subscribe<T = any>(ws: WsClient, query: string, variables?: Record<string, unknown>): Subscription<T> {
  const events: Subscription<T>['events'] = [];
  const waiters: Array<() => void> = [];
  let finish: (value: 'complete' | { error: unknown }) => void = () => {};
  const finished = new Promise<'complete' | { error: unknown }>((resolve) => (finish = resolve));
  const unsubscribe = ws.client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        events.push(value as Subscription<T>['events'][number]);
        for (const waiter of waiters.splice(0)) waiter();
      },
      error: (error) => finish({ error }),
      complete: () => finish('complete'),
    },
  );
  return {
    events,
    finished,
    unsubscribe,
    received: (count, timeoutMs = 5000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${events.length} of ${count} events after ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      }),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
