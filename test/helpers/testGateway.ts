/**
 * Starts the real gateway over real HTTP on 127.0.0.1:0 against the sandbox simulators, for
 * integration tests. Logs are captured in memory so tests can assert on them (e.g. no secrets).
 */
import { Writable } from 'node:stream';
import { loadConfig, type VendorSettings } from '../../src/config';
import { startGateway, type RunningGateway } from '../../src/gateway';
import { createLogger } from '../../src/logger';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/startSandbox';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> };
}

export interface TestGateway {
  url: string;
  sandbox: Sandbox;
  gateway: RunningGateway;
  logs: string[];
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  env?: Record<string, string>;
  /** Change the vendor settings the gateway gets (e.g. a wrong API key). */
  vendors?: (settings: VendorSettings) => VendorSettings;
  sandbox?: SandboxOptions;
}

export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const env = options.env ?? {};
  const sandbox = await startSandbox(options.sandbox);
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  // GRAPHQL_JIT_AFTER=0: every operation of the integration tests runs compiled (production compiles
  // from the second run); compiledExecution.test.ts holds graphql-js and graphql-jit to the same answers.
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'debug', GRAPHQL_JIT_AFTER: '0', VENDOR_REQUEST_TIMEOUT_MS: '3000', VENDOR_HEADERS_TIMEOUT_MS: '1500', ...env });
  const logger = createLogger({ level: config.logLevel, destination });
  const vendors = options.vendors ? options.vendors(sandbox.vendors) : sandbox.vendors;
  const gateway = await startGateway({ config, vendors, logger });
  return {
    url: gateway.url,
    sandbox,
    gateway,
    logs,
    async query(query, variables, headers = {}) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<any>['body'] };
    },
    async close() {
      await gateway.close(1000);
      await sandbox.close();
    },
  };
}

/**
 * Jest hooks for a file's tests: one gateway for the file (started before all, closed after all),
 * and every simulator's request log and injected faults cleared before each test, so each test
 * asserts only the vendor requests it caused.
 */
export function useTestGateway(onStart: (gateway: TestGateway) => void, options: TestGatewayOptions = {}): void {
  let gateway: TestGateway | undefined;
  beforeAll(async () => {
    gateway = await startTestGateway(options);
    onStart(gateway);
  });
  afterAll(async () => {
    await gateway?.close();
  });
  beforeEach(() => {
    if (!gateway) return;
    for (const simulator of [gateway.sandbox.cardexchange, gateway.sandbox.aktion, gateway.sandbox.cardwizard, gateway.sandbox.blusky]) {
      simulator.server.resetRequests();
      simulator.server.clearFaults();
    }
  });
}
