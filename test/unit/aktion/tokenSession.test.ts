/**
 * The token session's rules with a controlled clock and a login whose completion the test decides.
 * (Over real HTTP, the same rules are covered by test/integration/aktionTokenSession.test.ts.)
 */
import { AktionTokenSession, type IssuedToken } from '../../../src/vendors/aktion/tokenSession';

function harness(lifetimeMs = 20_000) {
  let now = 1_000_000;
  let issued = 0;
  const pending: Array<{ resolve: (t: IssuedToken) => void; reject: (e: Error) => void }> = [];
  const session = new AktionTokenSession(
    () =>
      new Promise<IssuedToken>((resolve, reject) => {
        issued += 1;
        pending.push({ resolve, reject });
      }),
    { now: () => now },
  );
  const completeLogin = () => {
    const next = pending.shift()!;
    next.resolve({ value: `token-${issued}`, issuedAt: now, expiresAt: now + lifetimeMs });
  };
  return {
    session,
    completeLogin,
    failLogin: (error: Error) => pending.shift()!.reject(error),
    advance: (ms: number) => {
      now += ms;
    },
    logins: () => issued,
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('AktionTokenSession', () => {
  it('makes one login for many concurrent callers and hands all of them its token', async () => {
    const h = harness();
    const waiting = Array.from({ length: 10 }, () => h.session.token());
    await flush();
    expect(h.logins()).toBe(1);
    h.completeLogin();
    expect(await Promise.all(waiting)).toEqual(Array(10).fill('token-1'));
  });

  it('hands out the held token without waiting only while token() would reuse it', async () => {
    const h = harness();
    expect(h.session.fresh()).toBeUndefined();
    const first = h.session.token();
    await flush();
    expect(h.session.fresh()).toBeUndefined(); // the login has not answered yet
    h.completeLogin();
    expect(await first).toBe('token-1');
    expect(h.session.fresh()).toBe('token-1');
    h.session.invalidate('token-1'); // Aktion rejected it
    expect(h.session.fresh()).toBeUndefined();
    const second = h.session.token();
    await flush();
    h.completeLogin();
    expect(await second).toBe('token-2');
    expect(h.session.fresh()).toBe('token-2');
    h.advance(18_000); // inside the 2 s refresh margin: token() would log in again
    expect(h.session.fresh()).toBeUndefined();
  });

  it('reuses the token until the refresh margin (2 s before expiry for a 20 s token)', async () => {
    const h = harness();
    const first = h.session.token();
    await flush();
    h.completeLogin();
    await first;
    h.advance(17_999);
    expect(await h.session.token()).toBe('token-1');
    expect(h.logins()).toBe(1);
    h.advance(1);
    const renewed = h.session.token();
    await flush();
    expect(h.logins()).toBe(2);
    h.completeLogin();
    expect(await renewed).toBe('token-2');
  });

  it('uses a quarter of the lifetime as margin for short-lived tokens', async () => {
    const h = harness(1_000);
    const first = h.session.token();
    await flush();
    h.completeLogin();
    await first;
    h.advance(749);
    expect(await h.session.token()).toBe('token-1');
    h.advance(1);
    void h.session.token();
    await flush();
    expect(h.logins()).toBe(2);
  });

  it('forgets a rejected token once: callers failing with the same old token share one new login', async () => {
    const h = harness();
    const first = h.session.token();
    await flush();
    h.completeLogin();
    const old = await first;
    h.session.invalidate(old);
    const a = h.session.token();
    h.session.invalidate(old); // a second caller reports the same old token
    const b = h.session.token();
    await flush();
    expect(h.logins()).toBe(2);
    h.completeLogin();
    expect(await Promise.all([a, b])).toEqual(['token-2', 'token-2']);
    h.session.invalidate(old); // late report of the old token: the new one stays
    expect(await h.session.token()).toBe('token-2');
    expect(h.logins()).toBe(2);
  });

  it('passes a failed login to every waiting caller and tries again on the next call', async () => {
    const h = harness();
    const waiting = [h.session.token(), h.session.token()];
    await flush();
    h.failLogin(new Error('refused'));
    await expect(Promise.all(waiting)).rejects.toThrow('refused');
    const again = h.session.token();
    await flush();
    expect(h.logins()).toBe(2);
    h.completeLogin();
    expect(await again).toBe('token-2');
  });
});
