/**
 * Starts and stops a whole gateway: vendor clients, schema, HTTP server. Used by index.ts and by
 * the integration tests, which run the real gateway on port 0.
 */
import type { AddressInfo } from 'node:net';
import type { GatewayConfig, VendorSettings } from './config';
import type { Logger } from './logger';
import { buildSchema } from './schema';
import { createGatewayServer, GRAPHQL_PATH, type GatewayServer } from './server';
import { closeVendorClients, createVendorClients, type VendorClients } from './vendors/vendorClients';

export interface RunningGateway {
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  port: number;
  clients: VendorClients;
  gateway: GatewayServer;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), closes vendor pools. */
  close(graceMs?: number): Promise<void>;
}

export interface StartGatewayOptions {
  config: GatewayConfig;
  vendors: VendorSettings;
  logger: Logger;
  /** False only for the benchmark's "no DataLoader" scenario. */
  batching?: boolean;
}

export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const { config, logger } = options;
  const clients = createVendorClients(options.vendors, config.vendorHttp, logger, { cardReads: config.cardReads });
  const gateway = await createGatewayServer({
    schema: buildSchema(),
    clients,
    logger,
    sandbox: config.mode === 'sandbox',
    batching: options.batching ?? !config.benchDisableDataLoader,
    retryBudgetPerRequest: config.http.retryBudgetPerRequest,
    security: config.security,
    execution: config.execution,
    trackDataVisible: config.cardReads.trackDataVisible,
  });
  await new Promise<void>((resolve, reject) => {
    gateway.server.once('error', reject);
    gateway.server.listen(config.port, config.host, () => resolve());
  });
  const { port } = gateway.server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let closing: Promise<void> | undefined;
  const close = (graceMs = 10_000) =>
    (closing ??= (async () => {
      gateway.setReady(false);
      // WebSocket connections are not HTTP requests: end them (and their subscriptions) first.
      await gateway.subscriptions.close();
      const stopped = new Promise<void>((resolve) => gateway.server.close(() => resolve()));
      // Keep-alive connections that finish their last request during the grace period become idle
      // but stay open until the client's keep-alive ends: close them as soon as they are idle.
      const sweeper = setInterval(() => gateway.server.closeIdleConnections(), 50);
      gateway.server.closeIdleConnections();
      const timer = setTimeout(() => gateway.server.closeAllConnections(), graceMs);
      await stopped;
      clearInterval(sweeper);
      clearTimeout(timer);
      await gateway.apollo.stop();
      await closeVendorClients(clients);
    })());

  return { url: `http://${shownHost}:${port}${GRAPHQL_PATH}`, port, clients, gateway, close };
}
