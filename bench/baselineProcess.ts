/**
 * The benchmark's baseline: the least any Node gateway must spend. A plain node:http handler per
 * scenario that makes the same vendor calls as Keyway, by hand, with undici (one keep-alive pool
 * per vendor) and answers the same JSON (`{"data": ...}`) without GraphQL, DataLoader, schema,
 * validation, logging or resilience policies. bench/run.ts checks before measuring that each
 * route's answer equals Keyway's.
 *
 * Routes (POST, the body is the scenario's GraphQL request; only `variables` is read):
 *   /person  /people-page  /card-page  /identifier-write
 * Started by bench/run.ts with IPC and the vendor settings in BENCH_VENDORS (JSON);
 * `--connections N` sizes each vendor pool like the gateway's VENDOR_CONNECTIONS.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import type { VendorSettings } from '../src/config';

type Json = Record<string, any>;

const connectionsIndex = process.argv.indexOf('--connections');
const connections = connectionsIndex >= 0 ? Number(process.argv[connectionsIndex + 1]) : 32;
const vendors = JSON.parse(process.env.BENCH_VENDORS ?? 'null') as VendorSettings | null;
if (!vendors) throw new Error('BENCH_VENDORS is not set');

class Vendor {
  private readonly pool: Pool;
  private readonly base: string;
  constructor(
    url: string,
    private readonly headers: Record<string, string>,
  ) {
    const parsed = new URL(url);
    this.base = parsed.pathname.replace(/\/+$/, '');
    this.pool = new Pool(parsed.origin, { connections, keepAliveTimeout: 10_000 });
  }

  async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; headers: Json; body: any }> {
    const response = await this.pool.request({
      method,
      path: this.base + path,
      headers: body === undefined ? this.headers : { ...this.headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }
}

const cx = new Vendor(vendors.cardexchange.url, {
  accept: 'application/json',
  authorization: `Basic ${Buffer.from(`${vendors.cardexchange.apiKey}:`).toString('base64')}`,
});
const aktion = new Vendor(vendors.aktion.url, { accept: 'application/json' });

// --- Aktion session: one login per token lifetime, shared by concurrent requests.
let token: { value: string; renewAt: number } | undefined;
let login: Promise<string> | undefined;
function aktionToken(): Promise<string> {
  if (token && Date.now() < token.renewAt) return Promise.resolve(token.value);
  login ??= aktion
    .call('POST', '/login', { UserLogin: vendors!.aktion.userLogin, ApiKey: vendors!.aktion.apiKey })
    .then(({ body }) => {
      const lifetimeMs = (body.ExpireInSec ?? 20) * 1000;
      token = { value: body.Token, renewAt: Date.now() + lifetimeMs - Math.min(2000, lifetimeMs / 4) };
      return token.value;
    })
    .finally(() => (login = undefined));
  return login;
}

// --- The same mapping Keyway's schema applies (enums upper case, dates ISO, cursors).
const upper = (value: string | null | undefined) => (value == null ? null : value.toUpperCase());
const dateTime = (value: string | null | undefined) =>
  value == null ? null : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`).toISOString();
const cursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
const names = (table: Record<string, number>) => Object.fromEntries(Object.entries(table).map(([name, n]) => [n, name]));
const TECHNOLOGY = names({ UNIQUE: 0, HIGH_SECURITY: 1, MIFARE: 2, ABA_TRACK: 3, HID: 4, DESFIRE: 5 });
const TYPE = names({ CARD: 0, TAG: 1, BRACELET: 2, VISITING_CARD: 3, ENTRY_CODE: 4 });
const STATUS = names({ FREE: 0, ASSIGNED: 1, LOST: 2, CONFIGURATION: 4 });
const aktionDate = (value: string | null | undefined) => {
  if (value == null || value === '') return null;
  const ms = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value);
  return ms ? new Date(Number(ms[1])).toISOString() : dateTime(value.replace(/(\.\d{3})\d+/, '$1'));
};
const normalise = (serial: string) => serial.trim().toUpperCase().replace(/^0+(?=.)/, '');

function page(items: Json[], totalHeader: unknown, map: (item: Json) => Json) {
  const total = Number(totalHeader);
  return {
    totalCount: total,
    pageInfo: { hasNextPage: items.length < total, endCursor: items.length > 0 ? cursor(items.length - 1) : null },
    nodes: items.map(map),
  };
}

// --- Scenarios.
async function person(variables: Json): Promise<Json> {
  const { status, body: p } = await cx.call('GET', `/api/v1/persons/${encodeURIComponent(variables.id)}`);
  if (status === 404) return { person: null };
  return {
    person: {
      id: p.id,
      personNumber: p.personNumber,
      firstName: p.firstName,
      middleName: p.middleName,
      lastName: p.lastName,
      birthDate: p.birthDate == null ? null : String(p.birthDate).slice(0, 10),
      gender: upper(p.gender),
      prefix: upper(p.prefix),
      suffix: upper(p.suffix),
      phoneNumber: p.phoneNumber,
      mobileNumber: p.mobileNumber,
      status: upper(p.status),
      identificationType: upper(p.identificationType),
      identificationValue: p.identificationTypeValue ?? null,
      addressPreference: upper(p.addressPreference),
      metadata: p.metadata,
      created: dateTime(p.created),
    },
  };
}

async function peoplePage(variables: Json): Promise<Json> {
  const { headers, body } = await cx.call('GET', `/api/v1/persons?page=1&per_page=${Number(variables.first)}`);
  return {
    persons: page(body, headers['x-total-count'], (p) => ({
      id: p.id,
      personNumber: p.personNumber,
      firstName: p.firstName,
      lastName: p.lastName,
      status: upper(p.status),
      created: dateTime(p.created),
      addresses: (p.addresses ?? []).map((a: Json) => ({
        id: a.id,
        type: upper(a.type),
        streetAddress: a.streetAddress,
        locality: a.locality,
        postalCode: a.postalCode,
        country: a.country,
      })),
      cardholders: (p.cardholders ?? []).map((h: Json) => ({
        id: h.id,
        profileNumber: h.profileNumber,
        status: upper(h.status),
        nameOnCard: h.nameOnCard,
        startDate: dateTime(h.startDate),
        endDate: dateTime(h.endDate),
        cards: (h.cards ?? []).map((c: Json) => ({
          id: c.id,
          cardNumber: c.cardNumber,
          chipSerialNumber: c.chipserialNumber ?? null,
          status: upper(c.status),
          endDate: dateTime(c.endDate),
          cardholder: { id: h.id, nameOnCard: h.nameOnCard },
        })),
      })),
    })),
  };
}

async function cardPage(variables: Json): Promise<Json> {
  const { headers, body: cards } = await cx.call('GET', `/api/v1/cards?page=1&per_page=${Number(variables.first)}`);
  const cardholderIds = [...new Set<string>(cards.map((c: Json) => c.cardholder).filter(Boolean))];
  const serials = [...new Set<string>(cards.map((c: Json) => c.chipserialNumber).filter(Boolean).map(normalise))];
  const identifiersPromise = Promise.all(
    serials.map(async (serial) => {
      const answer = await aktion.call('GET', `/identifier/get?InternalNrLong=${serial}&Token=${await aktionToken()}`);
      return [serial, answer.status === 200 ? answer.body.Identifier : null] as const;
    }),
  );
  const cardholders = new Map<string, Json>();
  await Promise.all(
    cardholderIds.map(async (id) => {
      const { status, body } = await cx.call('GET', `/api/v1/cardholders/${id}`);
      if (status === 200) cardholders.set(id, body);
    }),
  );
  const personIds = [...new Set([...cardholders.values()].map((h) => h.person).filter(Boolean))];
  const persons = new Map<string, Json>();
  await Promise.all(
    personIds.map(async (id) => {
      const { status, body } = await cx.call('GET', `/api/v1/persons/${id}`);
      if (status === 200) persons.set(id, body);
    }),
  );
  const identifiers = new Map(await identifiersPromise);
  return {
    cards: page(cards, headers['x-total-count'], (c) => {
      const h = c.cardholder ? cardholders.get(c.cardholder) : undefined;
      const p = h?.person ? persons.get(h.person) : undefined;
      const i = c.chipserialNumber ? identifiers.get(normalise(c.chipserialNumber)) : undefined;
      return {
        id: c.id,
        cardNumber: c.cardNumber,
        chipSerialNumber: c.chipserialNumber ?? null,
        status: upper(c.status),
        startDate: dateTime(c.startDate),
        endDate: dateTime(c.endDate),
        cardholder: h
          ? {
              id: h.id,
              profileNumber: h.profileNumber,
              nameOnCard: h.nameOnCard,
              status: upper(h.status),
              person: p ? { id: p.id, firstName: p.firstName, lastName: p.lastName } : null,
            }
          : null,
        identifier: i ? identifier(i, ['internalNumber', 'registrationNumber', 'technology', 'type', 'status', 'locked', 'validTo']) : null,
      };
    }),
  };
}

function identifier(wire: Json, fields: string[]): Json {
  const all: Json = {
    internalNumber: normalise(String(wire.InternalNrLong)),
    registrationNumber: wire.RegistrationNr ?? null,
    technology: wire.Technology == null ? null : TECHNOLOGY[wire.Technology],
    type: wire.Type == null ? null : TYPE[wire.Type],
    status: wire.Status == null ? null : STATUS[wire.Status],
    locked: wire.Lock == null ? null : wire.Lock !== 0,
    validTo: aktionDate(wire.ValidTo),
  };
  return Object.fromEntries(fields.map((field) => [field, all[field]]));
}

async function identifierWrite(variables: Json): Promise<Json> {
  const nr = normalise(variables.create.internalNumber);
  const created = await aktion.call('POST', `/identifier/create?Token=${await aktionToken()}`, {
    InternalNrLong: nr,
    RegistrationNr: variables.create.registrationNumber,
    Technology: 2,
    Type: 0,
    Status: 0,
    Lock: 0,
    Security: 0,
  });
  const updated = await aktion.call('POST', `/identifier/update?Token=${await aktionToken()}`, {
    InternalNrLong: nr,
    RegistrationNr: variables.update.registrationNumber,
    Lock: 1,
  });
  return {
    createIdentifier: {
      identifier: identifier(created.body.Request, ['internalNumber', 'registrationNumber', 'technology', 'type', 'status', 'locked']),
      userErrors: [],
    },
    updateIdentifier: {
      identifier: identifier(updated.body.Request, ['internalNumber', 'registrationNumber', 'status', 'locked']),
      unchanged: updated.status === 202,
      userErrors: [],
    },
  };
}

const ROUTES: Record<string, (variables: Json) => Promise<Json>> = {
  '/person': person,
  '/people-page': peoplePage,
  '/card-page': cardPage,
  '/identifier-write': identifierWrite,
};

function readJson(req: IncomingMessage): Promise<Json> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

const server = createServer((req, res) => {
  const route = ROUTES[req.url ?? ''];
  if (!route || req.method !== 'POST') return send(res, 404, { error: 'no such route' });
  readJson(req)
    .then((request) => route(request.variables ?? {}))
    .then((data) => send(res, 200, { data }))
    .catch((error: unknown) => send(res, 500, { errors: [{ message: String(error) }] }));
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
process.once('disconnect', () => process.exit(0));
process.once('SIGTERM', () => process.exit(0));
