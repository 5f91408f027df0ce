/**
 * The Aktion identifier simulator itself, over real HTTP with plain fetch.
 */
import {
  generateSeed,
  RESERVED_ERRORS,
  SEED_COUNT,
  startAktionSimulator,
  type AktionSimulator,
} from '../../../src/vendors/aktion/sandbox';

const USER = 'webapi';
const KEY = 'secret-key';
const LINKED = ['04A23B1C5D6E80', '00DEADBEEF'];

interface Reply {
  status: number;
  text: string;
  body: {
    Result: { Message: string; Code: number; ModelStateErr: string[] | null };
    [key: string]: unknown;
  };
}

let sim: AktionSimulator;
let token: string;

beforeAll(async () => {
  sim = await startAktionSimulator({
    userLogin: USER,
    apiKey: KEY,
    loginRateLimit: { max: 1000, windowMs: 10_000 },
    linkedChipSerials: LINKED,
  });
  token = await login(sim);
});

afterAll(async () => {
  await sim.close();
});

async function call(
  target: AktionSimulator,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; raw?: string; contentType?: string | null; query?: Record<string, string> } = {},
): Promise<Reply> {
  const url = new URL(`${target.apiUrl}/${path}`);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  let payload: string | undefined;
  if (method === 'POST') {
    payload = options.raw ?? (options.body === undefined ? '' : JSON.stringify(options.body));
    if (options.contentType !== null) headers['Content-Type'] = options.contentType ?? 'application/json';
  }
  const response = await fetch(url, { method, headers, body: payload });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Reply['body'] };
}

async function login(target: AktionSimulator, user = USER, key = KEY): Promise<string> {
  const reply = await call(target, 'POST', 'login', { body: { UserLogin: user, ApiKey: key } });
  expect(reply.status).toBe(200);
  return reply.body.Token as string;
}

const post = (path: string, body: unknown, t = token) => call(sim, 'POST', path, { body, query: { Token: t } });
const get = (path: string, query: Record<string, string>, t = token) =>
  call(sim, 'GET', path, { query: { ...query, Token: t } });

function identifier(nr: string, extra: Record<string, unknown> = {}) {
  return {
    InternalNrLong: nr,
    RegistrationNr: `REG-${nr}`,
    Technology: 2,
    Type: 1,
    Status: 0,
    Lock: 1,
    Security: 1,
    ValidFrom: '/Date(1733227751335)/',
    ValidTo: '/Date(1827835751335)/',
    ...extra,
  };
}

describe('login', () => {
  it('issues a GUID token with ExpireInSec and a \\/Date()\\/ expiry', async () => {
    const before = Date.now();
    const reply = await call(sim, 'POST', 'login', { body: { UserLogin: USER, ApiKey: KEY } });
    expect(reply.status).toBe(200);
    expect(reply.body.Result).toEqual({ Message: 'Processed with result: ExecOK', Code: 0, ModelStateErr: null });
    expect(reply.body.Token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(reply.body.ExpireInSec).toBe(20);
    expect(reply.text).toMatch(/"ExpireDate":"\\\/Date\(\d+\)\\\/"/);
    const expires = Number(/Date\((\d+)\)/.exec(reply.body.ExpireDate as string)![1]);
    expect(expires).toBeGreaterThanOrEqual(before + 20_000);
    expect(expires).toBeLessThan(Date.now() + 21_000);
  });

  it('refuses an unknown login with 401/1003 and a wrong key with 401/1004', async () => {
    const unknown = await call(sim, 'POST', 'login', { body: { UserLogin: 'nobody', ApiKey: KEY } });
    expect([unknown.status, unknown.body.Result.Code]).toEqual([401, 1003]);
    const wrongKey = await call(sim, 'POST', 'login', { body: { UserLogin: USER, ApiKey: 'nope' } });
    expect([wrongKey.status, wrongKey.body.Result.Code]).toEqual([401, 1004]);
    expect(wrongKey.body.Token).toBeUndefined();
  });

  it('answers 400/1002 to a missing or malformed body', async () => {
    for (const options of [{ body: undefined }, { raw: '{not json' }, { body: { UserLogin: USER } }, { body: [1] }]) {
      const reply = await call(sim, 'POST', 'login', options);
      expect([reply.status, reply.body.Result.Code]).toEqual([400, 1002]);
      expect(reply.body.Result.Message).toBe('Entry parameter missing or parameter bindigs failed');
      expect(reply.body.Result.ModelStateErr!.length).toBeGreaterThan(0);
    }
  });

  it('applies the rate policy per login with 401/1008', async () => {
    const limited = await startAktionSimulator({ userLogin: USER, apiKey: KEY, loginRateLimit: { max: 3, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i++) await login(limited);
      const refused = await call(limited, 'POST', 'login', { body: { UserLogin: USER, ApiKey: KEY } });
      expect([refused.status, refused.body.Result.Code]).toEqual([401, 1008]);
      expect(refused.body.Result.Message).toBe(`Request rate policy violated for [${USER}]`);
      limited.resetLoginRateLimit();
      await login(limited);
    } finally {
      await limited.close();
    }
  });
});

describe('tokens', () => {
  it('answers 401/1000 with the token in the message for an unknown or missing token', async () => {
    const unknown = '5b0c0c84-9d36-4a8e-9c39-6f6f7d1f0a11';
    const reply = await get('identifier/get', { InternalNrLong: 'ABC' }, unknown);
    expect([reply.status, reply.body.Result.Code]).toEqual([401, 1000]);
    expect(reply.body.Result.Message).toBe(`Token ${unknown} not found`);
    const missing = await call(sim, 'GET', 'identifier/getAll');
    expect([missing.status, missing.body.Result.Code]).toEqual([401, 1000]);
  });

  it('expires tokens after tokenTtlSeconds with 401/1001', async () => {
    const short = await startAktionSimulator({ userLogin: USER, apiKey: KEY, tokenTtlSeconds: 1 });
    try {
      const t = await login(short);
      const ok = await call(short, 'GET', 'identifier/getAll', { query: { PageNumber: '1', PageSize: '1', Token: t } });
      expect(ok.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const expired = await call(short, 'GET', 'identifier/getAll', { query: { Token: t } });
      expect([expired.status, expired.body.Result.Code]).toEqual([401, 1001]);
      expect(expired.body.Result.Message).toBe(`Token ${t} already expired`);
    } finally {
      await short.close();
    }
  });

  it('expireAllTokens makes issued tokens answer 1001; a new login works', async () => {
    const t = await login(sim);
    sim.expireAllTokens();
    const reply = await get('identifier/getAll', { PageNumber: '1' }, t);
    expect(reply.body.Result.Code).toBe(1001);
    token = await login(sim);
    expect((await get('identifier/getAll', { PageNumber: '1' })).status).toBe(200);
  });

  it('accepts the token in any case and the parameter name in any case', async () => {
    const reply = await call(sim, 'GET', 'identifier/getAll', { query: { token: token.toUpperCase(), pagenumber: '1' } });
    expect(reply.status).toBe(200);
  });
});

describe('media types', () => {
  it('answers 415 to anything but JSON, XML included', async () => {
    for (const contentType of ['text/plain', 'application/xml', 'text/xml', 'application/x-www-form-urlencoded']) {
      const reply = await call(sim, 'POST', 'identifier/create', {
        raw: '<Request/>',
        contentType,
        query: { Token: token },
      });
      expect([reply.status, reply.body.Result.Code]).toEqual([415, 415]);
      expect(reply.body.Result.Message).toBe(
        'The request entity has a media type which the server or resource does not support. Only application/json and application/xml are supported',
      );
    }
    const login415 = await call(sim, 'POST', 'login', { raw: 'x', contentType: 'text/plain' });
    expect(login415.status).toBe(415);
  });

  it('accepts text/json and a charset parameter', async () => {
    const a = await call(sim, 'POST', 'identifier/create', {
      body: identifier('C0FFEE01'),
      contentType: 'text/json',
      query: { Token: token },
    });
    expect(a.status).toBe(200);
    const b = await call(sim, 'POST', 'identifier/create', {
      body: identifier('C0FFEE02'),
      contentType: 'application/json; charset=utf-8',
      query: { Token: token },
    });
    expect(b.status).toBe(200);
  });
});

describe('validation (400/1002 with ModelStateErr)', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['InternalNrLong missing', { InternalNrLong: undefined }, /InternalNrLong field is required/],
    ['InternalNrLong not hex', { InternalNrLong: '12XZ' }, /InternalNrLong must match the regular expression '\[0-9a-fA-F\]\+'/],
    ['InternalNrLong too long', { InternalNrLong: '1'.repeat(21) }, /InternalNrLong must be a string with a maximum length of 20/],
    ['InternalNrLong not a string', { InternalNrLong: 1234 }, /InternalNrLong/],
    ['RegistrationNr missing', { RegistrationNr: undefined }, /RegistrationNr field is required/],
    ['RegistrationNr empty', { RegistrationNr: '' }, /RegistrationNr field is required/],
    ['RegistrationNr too long', { RegistrationNr: 'x'.repeat(101) }, /RegistrationNr must be a string with a maximum length of 100/],
    ['Technology missing', { Technology: undefined }, /Technology field is required/],
    ['Technology 6', { Technology: 6 }, /Technology must match/],
    ['Technology as string', { Technology: '2' }, /Path 'Technology'/],
    ['Type missing', { Type: undefined }, /Type field is required/],
    ['Type 5 (Article)', { Type: 5 }, /Type must match the regular expression '\[0,1,2,3,4\]'/],
    ['Status 1', { Status: 1 }, /Status must match the regular expression '\[0,2\]'/],
    ['Status 4', { Status: 4 }, /Status must match/],
    ['Lock 2', { Lock: 2 }, /Lock must be between 0 and 1/],
    ['Security -1', { Security: -1 }, /Security must be between 0 and 1/],
    ['Lock 0.5', { Lock: 0.5 }, /Path 'Lock'/],
    ['ValidFrom garbage', { ValidFrom: 'tomorrow' }, /DateTime: tomorrow\. Path 'ValidFrom'/],
    ['ValidTo impossible day', { ValidTo: '2025-02-30T10:00:00' }, /Path 'ValidTo'/],
    ['ValidTo a number', { ValidTo: 1827835751335 }, /Path 'ValidTo'/],
  ];

  it.each(cases)('%s', async (_name, change, expected) => {
    const body = identifier('BAD0001', change);
    for (const key of Object.keys(change)) if (change[key] === undefined) delete (body as Record<string, unknown>)[key];
    const reply = await post('identifier/create', body);
    expect([reply.status, reply.body.Result.Code]).toEqual([400, 1002]);
    expect(reply.body.Result.ModelStateErr!.some((e) => expected.test(e))).toBe(true);
    expect(reply.body.Request).toBeDefined();
  });

  it('lists every problem at once', async () => {
    const reply = await post('identifier/create', { InternalNrLong: 'zz', Technology: 9, Type: 5, Lock: 3 });
    expect(reply.body.Result.ModelStateErr).toHaveLength(5);
  });

  it('applies the same rules to update (fields optional), remove and get', async () => {
    const update = await post('identifier/update', { InternalNrLong: 'ABC', Status: 1 });
    expect([update.status, update.body.Result.Code]).toEqual([400, 1002]);
    const updateNoNr = await post('identifier/update', { RegistrationNr: 'x' });
    expect(updateNoNr.body.Result.ModelStateErr).toEqual(['The InternalNrLong field is required.']);
    const remove = await post('identifier/remove', { InternalNrLong: 'G1' });
    expect([remove.status, remove.body.Result.Code]).toEqual([400, 1002]);
    const missing = await get('identifier/get', {});
    expect([missing.status, missing.body.Result.Code]).toEqual([400, 1002]);
    const tooLong = await get('identifier/get', { InternalNrLong: 'F'.repeat(21) });
    expect(tooLong.body.Result.Code).toBe(1002);
  });

  it('rejects bad paging values', async () => {
    const queries: Record<string, string>[] = [{ PageNumber: '0' }, { PageNumber: 'x' }, { PageNumber: '1', PageSize: '-5' }];
    for (const query of queries) {
      const reply = await get('identifier/getAll', query);
      expect([reply.status, reply.body.Result.Code]).toEqual([400, 1002]);
    }
  });
});

describe('identifier lifecycle', () => {
  it('creates, gets, updates, reports unchanged, removes', async () => {
    const created = await post('identifier/create', identifier('000105af00bc'));
    expect(created.status).toBe(200);
    expect(created.body.Result).toEqual({ Message: 'Processed with result: ExecOK', Code: 0, ModelStateErr: null });
    expect(created.body.Request).toEqual({ ...identifier('105AF00BC'), RegistrationNr: 'REG-000105af00bc' });
    expect(created.text).toContain('"ValidFrom":"\\/Date(1733227751335)\\/"');

    // Any spelling of the number finds it.
    const fetched = await get('identifier/get', { InternalNrLong: '0105af00BC' });
    expect(fetched.status).toBe(200);
    expect(fetched.body.Identifier).toEqual(created.body.Request);

    const updated = await post('identifier/update', { InternalNrLong: '105AF00BC', Status: 2, Lock: 0 });
    expect(updated.status).toBe(200);
    expect(updated.body.Result.Code).toBe(0);
    expect(updated.body.Request).toMatchObject({ InternalNrLong: '105AF00BC', Status: 2, Lock: 0, Technology: 2 });

    const same = await post('identifier/update', { InternalNrLong: '105af00bc', Status: 2, RegistrationNr: 'REG-000105af00bc' });
    expect(same.status).toBe(202);
    expect(same.body.Result).toEqual({
      Message: 'Processed with results: Identifier [105AF00BC] remains unchanged',
      Code: 0,
      ModelStateErr: null,
    });

    const removed = await post('identifier/remove', { InternalNrLong: '0105AF00BC' });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ Result: created.body.Result, Request: { InternalNrLong: '105AF00BC' } });

    for (const reply of [
      await get('identifier/get', { InternalNrLong: '105AF00BC' }),
      await post('identifier/update', { InternalNrLong: '105AF00BC', Lock: 1 }),
      await post('identifier/remove', { InternalNrLong: '105AF00BC' }),
      await get('identifier/getAccessPrivileges', { InternalNrLong: '105AF00BC' }),
    ]) {
      expect([reply.status, reply.body.Result.Code]).toEqual([404, 1140]);
      expect(reply.body.Result.Message).toBe('Identifier [105AF00BC] not found');
    }
  });

  it('defaults optional fields on create and matches property names case-insensitively', async () => {
    const reply = await post('identifier/create', { internalNrLong: 'abc123', registrationNr: 'R1', technology: 0, type: 0 });
    expect(reply.status).toBe(200);
    expect(reply.body.Request).toEqual({
      InternalNrLong: 'ABC123',
      RegistrationNr: 'R1',
      Technology: 0,
      Type: 0,
      Status: 0,
      Lock: 0,
      Security: 0,
      ValidFrom: null,
      ValidTo: null,
    });
  });

  it('refuses a duplicate number with 403/3', async () => {
    expect((await post('identifier/create', identifier('D00B1E'))).status).toBe(200);
    const duplicate = await post('identifier/create', identifier('000d00b1e'));
    expect([duplicate.status, duplicate.body.Result.Code]).toEqual([403, 3]);
    expect(duplicate.body.Result.Message).toBe('Db operation failed, Record duplicity');
  });

  it('lists access privileges deterministically', async () => {
    const first = await get('identifier/getAccessPrivileges', { InternalNrLong: LINKED[0]! });
    const again = await get('identifier/getAccessPrivileges', { InternalNrLong: LINKED[0]! });
    expect(first.status).toBe(200);
    expect(first.body.InternalNrLong).toBe('4A23B1C5D6E80');
    const privileges = first.body.AccessPrivileges as { Id: number; Name: string }[];
    expect(privileges.length).toBeGreaterThanOrEqual(1);
    expect(privileges.length).toBeLessThanOrEqual(3);
    expect(again.body.AccessPrivileges).toEqual(privileges);
  });
});

describe('dates', () => {
  const cases: [string, string, number][] = [
    ['\\/Date(ms)\\/', '/Date(1733227751335)/', 1733227751335],
    ['\\/Date(ms+offset)\\/', '/Date(1733227751335+0100)/', 1733227751335],
    ['ISO with Z and 7 fraction digits', '2024-12-03T12:09:11.3358625Z', Date.UTC(2024, 11, 3, 12, 9, 11, 335)],
    ['ISO with offset', '2024-12-03T18:23:08.0045457+01:00', Date.UTC(2024, 11, 3, 17, 23, 8, 4)],
    ['ISO without zone (taken as UTC)', '2024-12-03T12:09:11', Date.UTC(2024, 11, 3, 12, 9, 11)],
    ['date only', '2025-01-31', Date.UTC(2025, 0, 31)],
  ];

  it.each(cases)('accepts %s and answers \\/Date(ms)\\/', async (_name, input, expected) => {
    const nr = `DA7E${Math.abs(expected % 0xffff).toString(16).toUpperCase()}`;
    const reply = await post('identifier/create', identifier(nr, { ValidFrom: input, ValidTo: null }));
    expect(reply.status).toBe(200);
    expect(reply.body.Request).toMatchObject({ ValidFrom: `/Date(${expected})/`, ValidTo: null });
    expect(reply.text).toContain(`"ValidFrom":"\\/Date(${expected})\\/"`);
    await post('identifier/remove', { InternalNrLong: nr });
  });

  it('takes the raw JSON spelling "\\/Date(ms)\\/" as sent by .NET clients', async () => {
    const raw = JSON.stringify(identifier('DA7E0001')).replace('"/Date(1733227751335)/"', '"\\/Date(1733227751335)\\/"');
    expect(raw).toContain('\\/Date(');
    const reply = await call(sim, 'POST', 'identifier/create', { raw, query: { Token: token } });
    expect(reply.status).toBe(200);
    expect(reply.body.Request).toMatchObject({ ValidFrom: '/Date(1733227751335)/' });
  });
});

describe('reserved error numbers', () => {
  const cases = RESERVED_ERRORS.flatMap((entry) => entry.ops.map((op) => [entry.internalNrLong, op, entry] as const));

  it.each(cases)('%s on %s', async (nr, op, entry) => {
    const reply =
      op === 'create'
        ? await post('identifier/create', identifier(nr))
        : op === 'update'
          ? await post('identifier/update', { InternalNrLong: nr, Lock: 0 })
          : op === 'remove'
            ? await post('identifier/remove', { InternalNrLong: nr })
            : await get(`identifier/${op}`, { InternalNrLong: nr.toLowerCase() });
    expect([reply.status, reply.body.Result.Code]).toEqual([entry.status, entry.code]);
    expect(reply.body.Result.Message).not.toContain('{0}');
    expect(reply.body.Result.ModelStateErr).toBeNull();
  });

  it('fills {0} the vendor way', async () => {
    expect((await post('identifier/create', identifier('DEAD1145'))).body.Result.Message).toBe(
      `Privilege New of agenda Identifiers violated for [${USER}]`,
    );
    expect((await post('identifier/update', { InternalNrLong: 'DEAD1142' })).body.Result.Message).toBe(
      `Privilege Edit of agenda Indentifiers violated for [${USER}]`,
    );
    expect((await post('identifier/update', { InternalNrLong: 'DEAD0000' })).body.Result.Message).toBe(
      'Processed with results: Identifier [DEAD0000] remains unchanged',
    );
    expect((await post('identifier/remove', { InternalNrLong: 'DEAD0008' })).body.Result.Message).toBe(
      'Db operation failed, licence violation',
    );
  });

  it('reserved numbers behave normally for other operations', async () => {
    const reply = await get('identifier/get', { InternalNrLong: 'DEAD1145' });
    expect([reply.status, reply.body.Result.Code]).toEqual([404, 1140]);
  });

  it('honours the forceError hook, which can be swapped at run time', async () => {
    sim.forceError = (op, nr) => (op === 'get' && nr === 'F00D' ? { status: 403, code: 7 } : undefined);
    try {
      const forced = await get('identifier/get', { InternalNrLong: '00f00d' });
      expect([forced.status, forced.body.Result.Code]).toEqual([403, 7]);
      const other = await get('identifier/get', { InternalNrLong: 'F00E' });
      expect(other.status).toBe(404);
    } finally {
      sim.forceError = undefined;
    }
    expect((await get('identifier/get', { InternalNrLong: 'F00D' })).status).toBe(404);
  });
});

describe('getAll and seed data', () => {
  it('returns every record without PageNumber, pages with it', async () => {
    const all = await get('identifier/getAll', {});
    const everything = all.body.Identifiers as { InternalNrLong: string; Status: number }[];
    expect(all.body.TotalCount).toBe(everything.length);
    expect(everything.length).toBeGreaterThanOrEqual(SEED_COUNT);

    const ignoredSize = await get('identifier/getAll', { PageSize: '5' });
    expect((ignoredSize.body.Identifiers as unknown[]).length).toBe(everything.length);

    const page2 = await get('identifier/getAll', { PageNumber: '2', PageSize: '7' });
    expect(page2.body.TotalCount).toBe(everything.length);
    expect(page2.body.Identifiers).toEqual(everything.slice(7, 14));

    const beyond = await get('identifier/getAll', { PageNumber: '1000', PageSize: '50' });
    expect(beyond.body.Identifiers).toEqual([]);

    const defaultSize = await get('identifier/getAll', { PageNumber: '1' });
    expect((defaultSize.body.Identifiers as unknown[]).length).toBe(50);
  });

  it('seeds every status, the linked chip serials, and is deterministic', async () => {
    const records = sim.store.list();
    expect(new Set(records.map((r) => r.Status))).toEqual(new Set([0, 1, 2, 4]));
    expect(new Set(records.map((r) => r.Technology))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(new Set(records.map((r) => r.Type))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(sim.store.get('4A23B1C5D6E80')?.Status).toBe(1);
    expect(sim.store.get('DEADBEEF')).toBeDefined();

    const twin = await startAktionSimulator({ userLogin: USER, apiKey: KEY, linkedChipSerials: LINKED });
    try {
      expect(twin.store.list()).toEqual(generateSeed(undefined, LINKED));
      expect(twin.store.list()).toHaveLength(SEED_COUNT + LINKED.length);
    } finally {
      await twin.close();
    }
  });

  it('refuses a linked chip serial that is not a valid InternalNrLong', async () => {
    await expect(startAktionSimulator({ userLogin: USER, apiKey: KEY, linkedChipSerials: ['04:A2:3B'] })).rejects.toThrow(
      /not a valid InternalNrLong/,
    );
  });
});
