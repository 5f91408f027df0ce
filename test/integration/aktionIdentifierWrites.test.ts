/**
 * The identifier mutations over real HTTP against the Aktion simulator: what the gateway sends,
 * what the client gets back, every validation rule (with zero vendor calls), and every
 * documented error number of create/update/remove mapped to a typed outcome.
 */
import { startTestGateway, type TestGateway } from '../helpers/testGateway';
import { aktionCalls, aktionRequests, mutate, newIdentifierInput, type WriteName } from '../helpers/aktion';

let gw: TestGateway;
const ak = () => gw.sandbox.aktion;
const sentBody = (path: string) => JSON.parse(ak().server.received(new RegExp(`^POST /api/identifier/${path}$`)).at(-1)!.rawBody) as Record<string, unknown>;

beforeAll(async () => {
  gw = await startTestGateway();
  await gw.query(`{ identifiers(first: 0) { totalCount } }`); // log in once
});
afterAll(async () => {
  await gw.close();
});
beforeEach(() => {
  ak().server.resetRequests();
  ak().server.clearFaults();
  ak().forceError = undefined;
});

let counter = 0x1000;
/** A number no test has used yet. */
const freshNumber = () => `C0FFEE${(counter++).toString(16).toUpperCase()}`;

describe('createIdentifier', () => {
  it('sends the documented body once and answers the identifier as Aktion stored it', async () => {
    const nr = freshNumber();
    const { payload, errors } = await mutate(gw, 'createIdentifier', {
      internalNumber: `00${nr.toLowerCase()}`,
      registrationNumber: '1000234',
      technology: 'DESFIRE',
      type: 'BRACELET',
      status: 'LOST',
      locked: true,
      secure: true,
      validFrom: '2025-01-01T08:00:00+01:00',
      validTo: '2027-12-31T23:59:59Z',
    });
    expect(errors).toBeUndefined();
    expect(payload).toEqual({
      identifier: {
        internalNumber: nr,
        registrationNumber: '1000234',
        technology: 'DESFIRE',
        type: 'BRACELET',
        status: 'LOST',
        locked: true,
        secure: true,
        validFrom: '2025-01-01T07:00:00.000Z',
        validTo: '2027-12-31T23:59:59.000Z',
      },
      userErrors: [],
    });
    expect(aktionCalls(gw)).toEqual(['POST /api/identifier/create']);
    const request = ak().server.received()[0]!;
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(request.query.get('Token')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(request.rawBody)).toEqual({
      InternalNrLong: nr,
      RegistrationNr: '1000234',
      Technology: 5,
      Type: 2,
      Status: 2,
      Lock: 1,
      Security: 1,
      ValidFrom: '2025-01-01T07:00:00.000Z',
      ValidTo: '2027-12-31T23:59:59.000Z',
    });
    expect(ak().store.get(nr)).toMatchObject({ Technology: 5, Type: 2, Status: 2, Lock: 1, Security: 1 });
  });

  it('sends FREE, unlocked, not secure and no dates when those are omitted', async () => {
    const nr = freshNumber();
    const { payload } = await mutate(gw, 'createIdentifier', newIdentifierInput(nr));
    expect(payload.identifier).toMatchObject({ internalNumber: nr, status: 'FREE', locked: false, secure: false, validFrom: null, validTo: null });
    expect(sentBody('create')).toEqual({ InternalNrLong: nr, RegistrationNr: `REG-${nr}`, Technology: 2, Type: 0, Status: 0, Lock: 0, Security: 0 });
  });

  it("links a created identifier to the CardExchange card with that chip serial number", async () => {
    const card = [...gw.sandbox.cardexchange.store.cards.values()][3]!;
    const removed = ak().store.get(card.chipserialNumber)!;
    ak().store.remove(card.chipserialNumber);
    try {
      const { body } = await gw.query(
        `mutation($input: CreateIdentifierInput!) { createIdentifier(input: $input) { identifier { internalNumber card { id chipSerialNumber } } userErrors { code } } }`,
        { input: newIdentifierInput(card.chipserialNumber) },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.createIdentifier).toEqual({
        identifier: { internalNumber: card.chipserialNumber.replace(/^0+/, ''), card: { id: card.id, chipSerialNumber: card.chipserialNumber } },
        userErrors: [],
      });
    } finally {
      ak().store.remove(card.chipserialNumber);
      ak().store.create(removed);
    }
  });

  it('reports an existing internal number as DUPLICATE on internalNumber (403/3)', async () => {
    const existing = ak().store.list()[0]!.InternalNrLong;
    const { payload, errors } = await mutate(gw, 'createIdentifier', newIdentifierInput(`0${existing}`));
    expect(errors).toBeUndefined();
    expect(payload).toEqual({
      identifier: null,
      userErrors: [{ code: 'DUPLICATE', field: ['input', 'internalNumber'], message: 'An identifier with this internal number already exists in Aktion.' }],
    });
    expect(aktionCalls(gw)).toEqual(['POST /api/identifier/create']);
  });
});

describe('updateIdentifier', () => {
  it('sends only the fields given and answers the updated identifier', async () => {
    const nr = freshNumber();
    await mutate(gw, 'createIdentifier', newIdentifierInput(nr, { validFrom: '2025-01-01T00:00:00Z' }));
    ak().server.resetRequests();
    const { payload, errors } = await mutate(gw, 'updateIdentifier', { internalNumber: nr.toLowerCase(), locked: true, status: 'LOST', validTo: '2026-06-30T00:00:00Z' });
    expect(errors).toBeUndefined();
    expect(payload).toMatchObject({
      identifier: { internalNumber: nr, locked: true, status: 'LOST', registrationNumber: `REG-${nr}`, validFrom: '2025-01-01T00:00:00.000Z', validTo: '2026-06-30T00:00:00.000Z' },
      unchanged: false,
      userErrors: [],
    });
    expect(aktionCalls(gw)).toEqual(['POST /api/identifier/update']);
    expect(sentBody('update')).toEqual({ InternalNrLong: nr, Status: 2, Lock: 1, ValidTo: '2026-06-30T00:00:00.000Z' });
  });

  it('treats "remains unchanged" (HTTP 202, error number 0) as success with unchanged: true', async () => {
    const nr = freshNumber();
    await mutate(gw, 'createIdentifier', newIdentifierInput(nr));
    ak().server.resetRequests();
    const { payload, errors } = await mutate(gw, 'updateIdentifier', { internalNumber: nr, registrationNumber: `REG-${nr}`, technology: 'MIFARE' });
    expect(errors).toBeUndefined();
    expect(payload).toMatchObject({ identifier: { internalNumber: nr, technology: 'MIFARE' }, unchanged: true, userErrors: [] });
    expect(aktionCalls(gw)).toEqual(['POST /api/identifier/update']);
  });

  it('treats "remains unchanged" reported as 403 with error number 0 as success, reading the identifier back', async () => {
    const { payload, errors } = await mutate(gw, 'updateIdentifier', { internalNumber: 'DEAD0000', locked: false });
    expect(errors).toBeUndefined();
    expect(payload).toEqual({ identifier: null, unchanged: true, userErrors: [] }); // DEAD0000 does not exist, so the read-back finds nothing
    expect(aktionCalls(gw)).toEqual(['POST /api/identifier/update', 'GET /api/identifier/get']);
  });

  it('reports an unknown identifier as NOT_FOUND on internalNumber (404/1140)', async () => {
    const { payload } = await mutate(gw, 'updateIdentifier', { internalNumber: 'ABCDEF987654321', locked: true });
    expect(payload).toEqual({
      identifier: null,
      unchanged: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'internalNumber'], message: 'No identifier with this internal number exists in Aktion.' }],
    });
  });
});

describe('removeIdentifier', () => {
  it('removes the identifier and answers its normalised number; reading it afterwards gives null', async () => {
    const nr = freshNumber();
    await mutate(gw, 'createIdentifier', newIdentifierInput(nr));
    ak().server.resetRequests();
    const { payload, errors } = await mutate(gw, 'removeIdentifier', { internalNumber: `000${nr.toLowerCase()}` });
    expect(errors).toBeUndefined();
    expect(payload).toEqual({ removedInternalNumber: nr, userErrors: [] });
    expect(sentBody('remove')).toEqual({ InternalNrLong: nr });
    expect(ak().store.has(nr)).toBe(false);
    const { body } = await gw.query(`query($nr: String!) { identifier(internalNumber: $nr) { internalNumber } }`, { nr });
    expect(body).toEqual({ data: { identifier: null } });
  });

  it('answers the identifier as it was before removal when the payload selects it (one read first)', async () => {
    const nr = freshNumber();
    await mutate(gw, 'createIdentifier', newIdentifierInput(nr, { registrationNumber: 'R-before-removal' }));
    ak().server.resetRequests();
    const { body } = await gw.query(
      `mutation($input: RemoveIdentifierInput!) { removeIdentifier(input: $input) { removedInternalNumber ...Gone userErrors { code } } }
       fragment Gone on RemoveIdentifierPayload { identifier { internalNumber registrationNumber } }`,
      { input: { internalNumber: nr } },
    );
    expect(body).toEqual({ data: { removeIdentifier: { removedInternalNumber: nr, identifier: { internalNumber: nr, registrationNumber: 'R-before-removal' }, userErrors: [] } } });
    expect(aktionCalls(gw).filter((call) => !call.endsWith('/login'))).toEqual(['GET /api/identifier/get', 'POST /api/identifier/remove']);
    expect(ak().store.has(nr)).toBe(false);
  });

  it('does not read the identifier first when the payload does not select it', async () => {
    const nr = freshNumber();
    await mutate(gw, 'createIdentifier', newIdentifierInput(nr));
    ak().server.resetRequests();
    await mutate(gw, 'removeIdentifier', { internalNumber: nr });
    expect(aktionCalls(gw).filter((call) => !call.endsWith('/login'))).toEqual(['POST /api/identifier/remove']);
  });

  it('reports an unknown identifier as NOT_FOUND (404/1140)', async () => {
    const { payload } = await mutate(gw, 'removeIdentifier', { internalNumber: 'ABCDEF987654321' });
    expect(payload.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'internalNumber'], message: expect.any(String) }]);
    expect(payload.removedInternalNumber).toBeNull();
  });
});

describe('validation before any vendor call', () => {
  const cases: Array<[string, WriteName, Record<string, unknown>, Array<{ field: string[]; code: string }>]> = [
    ['an empty internal number', 'createIdentifier', newIdentifierInput(''), [{ field: ['input', 'internalNumber'], code: 'REQUIRED' }]],
    ['a non-hexadecimal internal number', 'createIdentifier', newIdentifierInput('12G4'), [{ field: ['input', 'internalNumber'], code: 'INVALID_FORMAT' }]],
    ['an internal number longer than 20 hex digits', 'createIdentifier', newIdentifierInput('0'.repeat(19) + 'AB'), [{ field: ['input', 'internalNumber'], code: 'INVALID_VALUE' }]],
    ['an empty registration number', 'createIdentifier', newIdentifierInput('ABC', { registrationNumber: '' }), [{ field: ['input', 'registrationNumber'], code: 'REQUIRED' }]],
    ['a registration number longer than 100', 'createIdentifier', newIdentifierInput('ABC', { registrationNumber: 'x'.repeat(101) }), [{ field: ['input', 'registrationNumber'], code: 'INVALID_VALUE' }]],
    ['status ASSIGNED', 'createIdentifier', newIdentifierInput('ABC', { status: 'ASSIGNED' }), [{ field: ['input', 'status'], code: 'INVALID_VALUE' }]],
    ['status CONFIGURATION', 'createIdentifier', newIdentifierInput('ABC', { status: 'CONFIGURATION' }), [{ field: ['input', 'status'], code: 'INVALID_VALUE' }]],
    [
      'validTo before validFrom',
      'createIdentifier',
      newIdentifierInput('ABC', { validFrom: '2025-06-01T00:00:00Z', validTo: '2025-05-31T23:59:59Z' }),
      [{ field: ['input', 'validTo'], code: 'INVALID_VALUE' }],
    ],
    [
      'several problems at once',
      'createIdentifier',
      newIdentifierInput('XYZ', { registrationNumber: '', status: 'ASSIGNED' }),
      [
        { field: ['input', 'internalNumber'], code: 'INVALID_FORMAT' },
        { field: ['input', 'registrationNumber'], code: 'REQUIRED' },
        { field: ['input', 'status'], code: 'INVALID_VALUE' },
      ],
    ],
    ['an invalid internal number on update', 'updateIdentifier', { internalNumber: 'not-hex', locked: true }, [{ field: ['input', 'internalNumber'], code: 'INVALID_FORMAT' }]],
    ['a registration number longer than 100 on update', 'updateIdentifier', { internalNumber: 'ABC', registrationNumber: 'y'.repeat(101) }, [{ field: ['input', 'registrationNumber'], code: 'INVALID_VALUE' }]],
    ['status ASSIGNED on update', 'updateIdentifier', { internalNumber: 'ABC', status: 'ASSIGNED' }, [{ field: ['input', 'status'], code: 'INVALID_VALUE' }]],
    [
      'validTo before validFrom on update',
      'updateIdentifier',
      { internalNumber: 'ABC', validFrom: '2025-06-01T00:00:00Z', validTo: '2025-01-01T00:00:00Z' },
      [{ field: ['input', 'validTo'], code: 'INVALID_VALUE' }],
    ],
    [
      'null for fields Aktion cannot clear',
      'updateIdentifier',
      { internalNumber: 'ABC', validTo: null, locked: null },
      [
        { field: ['input', 'locked'], code: 'INVALID_VALUE' },
        { field: ['input', 'validTo'], code: 'INVALID_VALUE' },
      ],
    ],
    ['an empty internal number on remove', 'removeIdentifier', { internalNumber: '' }, [{ field: ['input', 'internalNumber'], code: 'REQUIRED' }]],
    ['a too long internal number on remove', 'removeIdentifier', { internalNumber: 'F'.repeat(21) }, [{ field: ['input', 'internalNumber'], code: 'INVALID_VALUE' }]],
  ];

  it.each(cases)('rejects %s as userErrors without calling Aktion', async (_name, mutation, input, expected) => {
    const { payload, errors } = await mutate(gw, mutation, input);
    expect(errors).toBeUndefined();
    expect(payload.userErrors.map((e: { field: string[]; code: string }) => ({ field: e.field, code: e.code }))).toEqual(expected);
    for (const error of payload.userErrors) expect(error.message).toMatch(/\w{3,}/);
    expect(mutation === 'removeIdentifier' ? payload.removedInternalNumber : payload.identifier).toBeNull();
    expect(aktionRequests(gw)).toHaveLength(0);
  });

  it.each([
    ['type ARTICLE (not supported by the WebAPI)', { type: 'ARTICLE' }],
    ['an unknown technology', { technology: 'NFC' }],
    ['a date without an offset', { validFrom: '2025-01-01T00:00:00' }],
  ])('refuses %s at the schema, without calling Aktion', async (_name, override) => {
    const { body } = await mutate(gw, 'createIdentifier', newIdentifierInput('ABC', override));
    expect(body.errors![0]!.extensions!.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(aktionRequests(gw)).toHaveLength(0);
  });
});

describe('documented error numbers of writes', () => {
  const businessCases: Array<[WriteName, string, string, string[] | null]> = [
    ['createIdentifier', 'DEAD0001', 'PERMISSION_DENIED', null],
    ['createIdentifier', 'DEAD0002', 'PERMISSION_DENIED', null],
    ['createIdentifier', 'DEAD0003', 'DUPLICATE', ['input', 'internalNumber']],
    ['updateIdentifier', 'DEAD0004', 'CONFLICT', null],
    ['updateIdentifier', 'DEAD0005', 'CONFLICT', ['input', 'internalNumber']],
    ['removeIdentifier', 'DEAD0004', 'CONFLICT', null],
    ['removeIdentifier', 'DEAD0005', 'CONFLICT', ['input', 'internalNumber']],
    ['createIdentifier', 'DEAD0006', 'REJECTED_BY_VENDOR', null],
    ['updateIdentifier', 'DEAD0007', 'REJECTED_BY_VENDOR', null],
    ['removeIdentifier', 'DEAD0008', 'NOT_LICENSED', null],
    ['updateIdentifier', 'DEAD1142', 'PERMISSION_DENIED', null],
    ['removeIdentifier', 'DEAD1143', 'PERMISSION_DENIED', null],
    ['createIdentifier', 'DEAD1145', 'PERMISSION_DENIED', null],
    ['removeIdentifier', 'DEAD1146', 'PERMISSION_DENIED', null],
    ['updateIdentifier', 'DEAD1147', 'PERMISSION_DENIED', null],
  ];

  it.each(businessCases)('%s on %s answers the userError %s, sent once', async (mutation, nr, code, field) => {
    const input = mutation === 'createIdentifier' ? newIdentifierInput(nr) : mutation === 'updateIdentifier' ? { internalNumber: nr, locked: true } : { internalNumber: nr };
    const { payload, errors } = await mutate(gw, mutation, input);
    expect(errors).toBeUndefined();
    expect(payload.userErrors).toEqual([{ code, field, message: expect.any(String) }]);
    // Words for people, not the vendor's "Db operation failed, ..." text.
    expect(payload.userErrors[0].message).not.toMatch(/Db operation|priviliges|\[/);
    expect(aktionRequests(gw)).toHaveLength(1);
  });

  it('keeps the vendor message for operators in the log', async () => {
    await mutate(gw, 'createIdentifier', newIdentifierInput('DEAD0006'));
    const line = gw.logs.find((l) => l.includes('aktion refused the call') && l.includes('database data consistence violation'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ operation: 'create', status: 403, aktionCode: 6 });
  });

  it('maps 400/1002 to INVALID_VALUE userErrors on the fields ModelStateErr names', async () => {
    ak().server.injectFault({
      match: /^POST \/api\/identifier\/create$/,
      times: 1,
      fault: {
        kind: 'status',
        status: 400,
        body: {
          Result: {
            Message: 'Entry parameter missing or parameter bindigs failed',
            Code: 1002,
            ModelStateErr: ["The field RegistrationNr must be a string with a maximum length of 100.", "Could not convert string to DateTime: x. Path 'ValidTo'.", 'Something else.'],
          },
        },
      },
    });
    const { payload } = await mutate(gw, 'createIdentifier', newIdentifierInput(freshNumber()));
    expect(payload.userErrors).toEqual([
      { code: 'INVALID_VALUE', field: ['input', 'registrationNumber'], message: 'Aktion did not accept the value of registrationNumber.' },
      { code: 'INVALID_VALUE', field: ['input', 'validTo'], message: 'Aktion did not accept the value of validTo.' },
      { code: 'INVALID_VALUE', field: null, message: 'Aktion did not accept the input.' },
    ]);
  });

  it('maps 400/1002 without ModelStateErr to one INVALID_VALUE userError', async () => {
    ak().forceError = (op) => (op === 'update' ? { status: 400, code: 1002 } : undefined);
    const { payload } = await mutate(gw, 'updateIdentifier', { internalNumber: 'ABC', locked: true });
    expect(payload.userErrors).toEqual([{ code: 'INVALID_VALUE', field: null, message: 'Aktion did not accept the input.' }]);
  });

  it.each(['createIdentifier', 'updateIdentifier', 'removeIdentifier'] as const)('%s: a 500 is VENDOR_OUTCOME_UNKNOWN and is never resent', async (mutation) => {
    const input = mutation === 'createIdentifier' ? newIdentifierInput('DEAD0500') : { internalNumber: 'DEAD0500', ...(mutation === 'updateIdentifier' ? { locked: true } : {}) };
    const { body } = await mutate(gw, mutation, input);
    // Payloads are nullable, so a failed write nulls only its own field.
    expect(body.data).toEqual({ [mutation]: null });
    expect(body.errors![0]!.path).toEqual([mutation]);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_OUTCOME_UNKNOWN', vendor: 'aktion', status: 500 });
    expect(aktionRequests(gw)).toHaveLength(1);
  });

  it('never resends a create whose answer was lost: VENDOR_OUTCOME_UNKNOWN, and Aktion has it once', async () => {
    const nr = freshNumber();
    ak().server.injectFault({ match: /^POST \/api\/identifier\/create$/, times: 1, fault: { kind: 'dropAfterHandling' } });
    const { body } = await mutate(gw, 'createIdentifier', newIdentifierInput(nr));
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_OUTCOME_UNKNOWN', vendor: 'aktion' });
    expect(aktionCalls(gw)).toEqual(['POST /api/identifier/create']);
    expect(ak().store.has(nr)).toBe(true);
  });

  it('maps 415 on a write to a top-level VENDOR_REJECTED', async () => {
    ak().forceError = (op) => (op === 'remove' ? { status: 415, code: 415 } : undefined);
    const { body } = await mutate(gw, 'removeIdentifier', { internalNumber: 'ABC' });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_REJECTED', vendor: 'aktion', status: 415, aktionCode: 415 });
  });

  it.each([
    ['DEAD1006', 1006],
    ['DEAD1007', 1007],
  ])('maps the IP filter error %s on a write to a top-level VENDOR_AUTH_FAILED, sent once', async (nr, aktionCode) => {
    const { body } = await mutate(gw, 'createIdentifier', newIdentifierInput(nr));
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_AUTH_FAILED', vendor: 'aktion', status: 401, aktionCode });
    expect(aktionRequests(gw)).toHaveLength(1);
  });

  it('repeats a write refused by the rate policy (401/1008, nothing done) after pauses, then reports VENDOR_RATE_LIMITED', async () => {
    const { body } = await mutate(gw, 'updateIdentifier', { internalNumber: 'DEAD1008', locked: true });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'VENDOR_RATE_LIMITED', vendor: 'aktion', aktionCode: 1008 });
    expect(aktionCalls(gw)).toEqual(Array(3).fill('POST /api/identifier/update'));
  });

  it('repeats a write once after a fresh login when its token was rejected (401/1001, nothing done)', async () => {
    const nr = freshNumber();
    ak().expireAllTokens();
    const { payload, errors } = await mutate(gw, 'createIdentifier', newIdentifierInput(nr));
    expect(errors).toBeUndefined();
    expect(payload.identifier.internalNumber).toBe(nr);
    expect(aktionCalls(gw)).toEqual(['POST /api/identifier/create', 'POST /api/login', 'POST /api/identifier/create']);
    const [first, , second] = aktionRequests(gw);
    expect(first!.query.get('Token')).not.toBe(second!.query.get('Token'));
  });
});
