import { loadConfig } from '../../../src/config';
import { LIVE_ENV } from '../../helpers/liveEnv';

describe('card-read settings', () => {
  it('defaults to a 1 s poll, a 2 min deadline, and track data visible in sandbox mode only', () => {
    expect(loadConfig({}).cardReads).toEqual({ pollIntervalMs: 1000, deadlineMs: 120_000, trackDataVisible: true });
  });

  it('hides track data in live mode unless CARD_READ_TRACK_DATA_VISIBLE=true', () => {
    const live = LIVE_ENV;
    expect(loadConfig(live).cardReads.trackDataVisible).toBe(false);
    expect(loadConfig({ ...live, CARD_READ_TRACK_DATA_VISIBLE: 'true' }).cardReads.trackDataVisible).toBe(true);
  });

  it('reads the CARD_READ_* variables', () => {
    const config = loadConfig({ CARD_READ_POLL_INTERVAL_MS: '250', CARD_READ_DEADLINE_MS: '30000', CARD_READ_TRACK_DATA_VISIBLE: 'false' });
    expect(config.cardReads).toEqual({ pollIntervalMs: 250, deadlineMs: 30_000, trackDataVisible: false });
  });

  it.each([
    [{ CARD_READ_POLL_INTERVAL_MS: '10' }, /CARD_READ_POLL_INTERVAL_MS/],
    [{ CARD_READ_DEADLINE_MS: '99999999' }, /CARD_READ_DEADLINE_MS/],
    [{ CARD_READ_POLL_INTERVAL_MS: '5000', CARD_READ_DEADLINE_MS: '2000' }, /must not be longer than/],
    [{ CARD_READ_TRACK_DATA_VISIBLE: 'maybe' }, /CARD_READ_TRACK_DATA_VISIBLE/],
  ])('refuses %j at start-up, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
