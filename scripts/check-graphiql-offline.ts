/**
 * Developer check (not part of `npm test`): the GraphiQL page works in a real browser
 * with no internet, loading nothing from any other origin.
 *
 *   npm run check:graphiql          (needs Debian's chromium: apt-get install -y chromium)
 *
 * Starts the real gateway on its sandbox (as `npm start` does, on a free port), then drives
 * headless Chromium through two runs:
 *   1. CSP bypassed, so every load the page attempts really goes on the wire: every
 *      request and WebSocket is recorded and must be to this server (or data:/blob:).
 *      Loads the page, runs the default query, opens the docs explorer and the history,
 *      screenshots to /tmp/graphiql.png.
 *   2. CSP enforced, as served: no CSP violation may occur (would mean a blocked external
 *      or forbidden load), autocompletion works (Monaco's GraphQL worker runs from blob:),
 *      and a card-read subscription streams over graphql-ws until the read completes.
 * Exits non-zero with the reason on any failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../src/config';
import { startGateway } from '../src/gateway';
import { loadGraphiqlPage } from '../src/graphiql';
import { createLogger } from '../src/logger';
import { startSandbox } from '../src/sandbox/startSandbox';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = '/tmp/graphiql.png';
const TIMEOUT_MS = 30_000;

interface Audit {
  requests: string[];
  webSockets: string[];
  offOrigin: string[];
  problems: string[];
}

/** Launches Chromium with a fresh profile; everything the page loads is recorded. */
async function withBrowser(bypassCSP: boolean, origin: string, run: (page: Page, audit: Audit) => Promise<void>): Promise<Audit> {
  const profile = mkdtempSync(join(tmpdir(), 'graphiql-check-'));
  const audit: Audit = { requests: [], webSockets: [], offOrigin: [], problems: [] };
  const wsOrigin = origin.replace(/^http/, 'ws');
  const isLocal = (url: string): boolean =>
    url.startsWith(`${origin}/`) || url.startsWith(`${wsOrigin}/`) || url.startsWith('data:') || url.startsWith('blob:');
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      bypassCSP,
      viewport: { width: 1400, height: 860 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const record = (url: string, list: string[], label: string): void => {
      list.push(`${label} ${url}`);
      if (!isLocal(url)) audit.offOrigin.push(url);
    };
    // Context-wide, so requests of workers and any popup or frame are seen too.
    context.on('request', (request) => record(request.url(), audit.requests, request.method()));
    // Runs in the page (source text: our tsconfig has no DOM types). Blocked loads never
    // become requests, so CSP violations are reported through the console instead.
    await context.addInitScript(
      "document.addEventListener('securitypolicyviolation', function (event) {" +
        " console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + event.blockedURI); });",
    );
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('websocket', (ws) => record(ws.url(), audit.webSockets, 'WebSocket'));
    page.on('console', (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text())) audit.problems.push(message.text());
    });
    page.on('pageerror', (error) => audit.problems.push(`page error: ${error.message}`));
    page.setDefaultTimeout(TIMEOUT_MS);
    await run(page, audit);
  } catch (error) {
    // Kept with the audit so the requests seen up to the failure are still reported.
    audit.problems.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return audit;
}

/** Text of GraphiQL's response pane (a read-only Monaco editor). */
async function waitForResponse(page: Page, pattern: RegExp): Promise<string> {
  const response = page.locator('.graphiql-response');
  await response.getByText(pattern).first().waitFor();
  return response.innerText();
}

async function waitForEditor(page: Page): Promise<void> {
  await page.locator('.graphiql-container').first().waitFor();
  await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
  // The editor is rendered once its model holds the default query.
  await page.locator('.graphiql-query-editor').getByText('persons').first().waitFor();
}

async function main(): Promise<void> {
  const started = Date.now();
  const asset = loadGraphiqlPage({ endpoint: '/graphql' });
  const sandbox = await startSandbox({ cardReadCompleteAfterMs: 500 });
  const gateway = await startGateway({ config: loadConfig({ PORT: '0' }), vendors: sandbox.vendors, logger: createLogger({ level: 'silent' }) });
  const origin = gateway.url.replace(/\/graphql$/, '');
  const failures: string[] = [];
  try {
    // Run 1: CSP bypassed, so an external load would really be attempted and recorded.
    const network = await withBrowser(true, origin, async (page) => {
      const response = await page.goto(`${origin}/graphql`);
      if (response?.status() !== 200) throw new Error(`page status ${response?.status()}`);
      console.log(`page served with Content-Encoding: ${(await response.allHeaders())['content-encoding'] ?? 'identity'}`);
      await waitForEditor(page);
      await page.locator('.graphiql-execute-button').click();
      const result = await waitForResponse(page, /"totalCount"/);
      if (!/"totalCount":\s*300/.test(result) || !/"firstName"/.test(result)) throw new Error(`unexpected result pane: ${result.slice(0, 300)}`);
      console.log('default query ran: result pane shows data');

      await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
      await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
      console.log('docs explorer open');
      await page.screenshot({ path: SCREENSHOT });
      console.log(`screenshot: ${SCREENSHOT}`);

      await page.getByRole('button', { name: 'Show History' }).click();
      await page.locator('.graphiql-history-item').first().waitFor();
      console.log('history lists the query that ran');
    });

    // Run 2: CSP enforced as served.
    const enforced = await withBrowser(false, origin, async (page) => {
      const started = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { requestCardRead(input: { deviceId: 1, message: "GraphiQL check" }) { cardReadRequest { id } } }' }),
      });
      const id = ((await started.json()) as { data: { requestCardRead: { cardReadRequest: { id: string } } } }).data.requestCardRead.cardReadRequest.id;
      const subscription = `subscription { cardReadRequestUpdated(deviceId: 1, id: "${id}") { status } }`;
      await page.goto(`${origin}/graphql?query=${encodeURIComponent(subscription)}`);
      await page.locator('.graphiql-query-editor').getByText('cardReadRequestUpdated').first().waitFor();
      await page.locator('.graphiql-execute-button').click();
      await waitForResponse(page, /"COMPLETED"/);
      console.log('card-read subscription streamed over graphql-ws until COMPLETED');

      // Schema-aware completion comes from monaco-graphql's worker, started from a blob: URL.
      await page.locator('.graphiql-query-editor .monaco-editor').first().click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type('{ pers');
      await page.locator('.suggest-widget').getByText('persons').first().waitFor();
      console.log('autocompletion offers "persons"');
    });

    for (const [name, audit] of [['CSP bypassed', network], ['CSP enforced', enforced]] as const) {
      console.log(
        `${name}: ${audit.requests.length} requests, ${audit.webSockets.length} WebSockets, ` +
          `${audit.offOrigin.length} off-origin, ${audit.problems.length} problems`,
      );
      for (const url of [...audit.requests, ...audit.webSockets]) console.log(`  ${url.length > 120 ? `${url.slice(0, 117)}...` : url}`);
      for (const url of audit.offOrigin) failures.push(`${name}: request to another origin: ${url}`);
      for (const problem of audit.problems) failures.push(`${name}: ${problem}`);
    }
  } catch (error) {
    failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    await gateway.close(1000);
    await sandbox.close();
  }

  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(
    `page size: raw ${kb(asset.body.length)}, gzip ${kb(asset.gzip.length)}, brotli ${asset.brotli ? kb(asset.brotli.length) : 'n/a'}`,
  );
  if (failures.length > 0) {
    console.error(`FAILED:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`OK: GraphiQL works offline, same-origin only (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(0);
}

void main();
