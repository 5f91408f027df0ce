/**
 * The gateway ships with Node heap flags (package.json start scripts, README "Running in
 * production"); the benchmark must measure it with the same ones, and take others only when told.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedNodeFlags } from '../../bench/processes';
import { readSettings } from '../../bench/settings';

const scripts = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the Node flags the gateway ships with', () => {
  it('are the flags of npm run start:prod: young generation size, no pretenuring, no memory reducer', () => {
    const flags = shippedNodeFlags();
    expect(flags).toEqual(expect.arrayContaining(['--max-semi-space-size=32', '--no-allocation-site-pretenuring', '--no-memory-reducer', '--initial-old-space-size=96']));
    for (const flag of flags) expect(scripts['start:prod']).toContain(flag);
  });

  it('are the same for npm start (sandbox) as for production', () => {
    for (const flag of shippedNodeFlags()) expect(scripts.start).toContain(flag);
  });
});

describe('bench --gateway-node-flags', () => {
  it('is unset by default, so the benchmark uses the shipped flags', () => {
    expect(readSettings([], {}, '/tmp/out').gatewayNodeFlags).toBeUndefined();
  });

  it('takes a value that itself holds "=", and several flags separated by spaces', () => {
    expect(readSettings(['--gateway-node-flags=--max-semi-space-size=16'], {}, '/tmp/out').gatewayNodeFlags).toEqual(['--max-semi-space-size=16']);
    expect(readSettings(['--gateway-node-flags=--max-semi-space-size=64 --max-old-space-size=192'], {}, '/tmp/out').gatewayNodeFlags).toEqual([
      '--max-semi-space-size=64',
      '--max-old-space-size=192',
    ]);
  });

  it('runs the gateway with no flags at all when given an empty value', () => {
    expect(readSettings(['--gateway-node-flags='], {}, '/tmp/out').gatewayNodeFlags).toEqual([]);
  });

  it('still reads other options written with "="', () => {
    expect(readSettings(['--scenarios=1,3', '--gateway-env=GRAPHQL_JIT=false'], {}, '/tmp/out')).toMatchObject({ scenarios: [1, 3], gatewayEnv: { GRAPHQL_JIT: 'false' } });
  });
});
