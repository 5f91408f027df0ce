/**
 * The real entry point as `npm start` runs it (`node --import tsx src/index.ts`), with an environment.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function run(env: Record<string, string>, untilOutput?: RegExp, timeoutMs = 15_000) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out; stdout=${stdout} stderr=${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      // One SIGTERM only: a second one during shutdown deliberately forces the process down.
      if (untilOutput?.test(stdout) && !signalled) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('start-up', () => {
  it('stops with one message naming every missing variable when live mode is incomplete', async () => {
    const result = await run({ CARDEXCHANGE_URL: 'https://tenant.example', CARDEXCHANGE_API_KEY: 'sk_live_x' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/missing AKTION_URL, AKTION_USER_LOGIN, AKTION_API_KEY, CARDWIZARD_URL, CARDWIZARD_JWT, BLUSKY_URL, BLUSKY_TOKEN/);
  });

  it('starts on the sandbox, says the data is simulated, prints the GraphiQL URL, and exits 0 on SIGTERM', async () => {
    const result = await run({ PORT: '0', LOG_LEVEL: 'info' }, /open http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(result.stdout).toMatch(/SANDBOX MODE/);
    expect(result.stdout).toMatch(/open http:\/\/127\.0\.0\.1:\d+\/graphql in a browser/);
    expect(result.code).toBe(0);
  });
});
