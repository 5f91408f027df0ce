/**
 * Entry point: read the configuration, start the sandbox simulators when no vendor is configured,
 * start the gateway, and shut down gracefully on SIGTERM/SIGINT.
 */
import { ConfigError, loadConfig, type GatewayConfig } from './config';
import { startGateway } from './gateway';
import { createLogger } from './logger';
import { startSandbox } from './sandbox/startSandbox';

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`keyway: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });

  const sandbox = config.mode === 'sandbox' ? await startSandbox({ latencyMs: config.sandboxLatencyMs }) : undefined;
  if (sandbox) {
    logger.warn(
      { simulators: sandbox.urls },
      'SANDBOX MODE: no vendor is configured, so all data comes from simulated vendors with demo data (in memory, reset on restart).',
    );
  }
  if (config.security.allowAnonymous) {
    logger.warn(
      config.mode === 'sandbox'
        ? 'Anonymous access is allowed (sandbox default): callers need no credentials.'
        : 'AUTH_ALLOW_ANONYMOUS=true: anyone who reaches this gateway can read and change vendor data.',
    );
  }
  const vendors = sandbox?.vendors ?? config.vendors;
  if (!vendors) throw new Error('live mode without vendor settings');

  const gateway = await startGateway({ config, vendors, logger });

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await gateway.close();
    await sandbox?.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  // Announce readiness only once the signal handlers are in place: a supervisor that reacts to
  // this line at once must not find a process that dies on SIGTERM without draining.
  logger.info({ url: gateway.url, mode: config.mode }, 'Keyway is ready');
  const where = config.security.graphiql ? `open ${gateway.url} in a browser for GraphiQL` : `GraphQL endpoint ${gateway.url}`;
  process.stdout.write(`\nKeyway GraphQL gateway (${config.mode} mode): ${where}.\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`keyway: failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
