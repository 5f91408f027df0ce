/** `/api/v1/cardholders`: list, retrieve, create, update, delete. */
import { BUSINESS_UNITS, COST_ACCOUNTS, DEPARTMENTS, EXTERNAL_COMPANIES, LOCATIONS, PROFILES } from '../catalog';
import { BodyReader, definedOnly, readJsonObject } from '../http/body';
import { notFound } from '../http/problem';
import { isAfter, isBefore, ListQuery } from '../http/query';
import { created, type ResourceHandlers } from '../http/resource';
import type { CardExchangeStore } from '../store';
import { CARDHOLDER_STATUSES, type CardholderRecord, type NamedRef } from '../types';
import { cardholderView } from '../views';

export function cardholderRoutes(store: CardExchangeStore): ResourceHandlers {
  const find = (id: string): CardholderRecord => {
    const cardholder = store.cardholders.get(id);
    if (!cardholder) throw notFound('cardholder', id);
    return cardholder;
  };
  const view = (cardholder: CardholderRecord) => cardholderView(store, cardholder);

  /** The document requires `profile` on create and on update alike. */
  const readFields = (body: BodyReader, current?: CardholderRecord): Partial<CardholderRecord> => {
    const person = body.id('person');
    if (typeof person === 'string' && !store.persons.has(person)) {
      body.add('person', `No person with id '${person}' exists.`);
    }
    if (body.has('password')) body.optional('password'); // write-only: checked, never stored or sent back
    const fields = {
      person,
      profile: body.ref('profile', PROFILES, 'profile', true) ?? undefined,
      loginId: body.optional('loginId'),
      email: body.email('email'),
      businessUnit: body.ref('businessUnit', BUSINESS_UNITS, 'business unit'),
      externalCompany: body.ref('externalCompany', EXTERNAL_COMPANIES, 'external company'),
      department: body.ref('department', DEPARTMENTS, 'department'),
      startDate: body.dateTime('startDate'),
      endDate: body.dateTime('endDate'),
      status: body.oneOf('status', CARDHOLDER_STATUSES),
      location: body.ref('location', LOCATIONS, 'location'),
      costAccount: body.ref('costAccount', COST_ACCOUNTS, 'cost account'),
      nameOnCard: body.optional('nameOnCard'),
      note: body.optional('note'),
      metadata: body.metadata(),
    };
    const start = fields.startDate === undefined ? current?.startDate : fields.startDate;
    const end = fields.endDate === undefined ? current?.endDate : fields.endDate;
    if (start && end && Date.parse(end) < Date.parse(start)) {
      body.add('endDate', 'The endDate must not be earlier than the startDate.');
    }
    body.done();
    return definedOnly(fields);
  };

  return {
    list(request) {
      const query = new ListQuery(request);
      const person = query.id('person');
      const refs: Array<[string | undefined, (c: CardholderRecord) => NamedRef | null]> = [
        [query.id('profile'), (c) => c.profile],
        [query.id('business_unit'), (c) => c.businessUnit],
        [query.id('external_company'), (c) => c.externalCompany],
        [query.id('department'), (c) => c.department],
        [query.id('location'), (c) => c.location],
        [query.id('cost_account'), (c) => c.costAccount],
      ];
      const status = query.oneOf('status', CARDHOLDER_STATUSES);
      const startingAfter = query.instant('starting_after');
      const endingBefore = query.instant('ending_before');
      const matches = query.search();
      const cardholders = [...store.cardholders.values()].filter(
        (c) =>
          (!person || c.person === person) &&
          refs.every(([id, refOf]) => !id || refOf(c)?.id === id) &&
          (!status || c.status === status) &&
          isAfter(c.startDate, startingAfter) &&
          isBefore(c.endDate, endingBefore) &&
          (!matches || matches(searchableText(c))),
      );
      return query.respond(cardholders, view);
    },

    retrieve: (request) => ({ status: 200, body: view(find(request.params.id!)) }),

    create(request) {
      const fields = readFields(new BodyReader(readJsonObject(request)));
      const now = store.entropy.now();
      const cardholder = store.addCardholder({
        id: store.entropy.guid(),
        person: fields.person ?? null,
        profile: fields.profile!,
        profileNumber: store.nextProfileNumber(),
        loginId: fields.loginId ?? null,
        email: fields.email ?? null,
        businessUnit: fields.businessUnit ?? null,
        externalCompany: fields.externalCompany ?? null,
        department: fields.department ?? null,
        costAccount: fields.costAccount ?? null,
        location: fields.location ?? null,
        startDate: fields.startDate ?? null,
        endDate: fields.endDate ?? null,
        status: fields.status ?? 'activated',
        nameOnCard: fields.nameOnCard ?? defaultNameOnCard(store, fields.person),
        note: fields.note ?? null,
        metadata: fields.metadata ?? {},
        created: now,
      });
      return created(request.path, cardholder.id, view(cardholder));
    },

    update(request) {
      const cardholder = find(request.params.id!);
      const fields = readFields(new BodyReader(readJsonObject(request)), cardholder);
      return { status: 200, body: view(store.update(cardholder, fields)) };
    },

    remove(request) {
      if (!store.deleteCardholder(request.params.id!)) throw notFound('cardholder', request.params.id!);
      return { status: 204 };
    },
  };
}

/** Without an explicit name, cards show the person's name (as the seed data does). */
function defaultNameOnCard(store: CardExchangeStore, personId: string | null | undefined): string | null {
  const person = personId ? store.persons.get(personId) : undefined;
  return person ? `${person.firstName} ${person.lastName}` : null;
}

function searchableText(c: CardholderRecord): Array<string | null | undefined> {
  return [
    c.profileNumber,
    c.loginId,
    c.email,
    c.nameOnCard,
    c.note,
    c.profile.name,
    c.businessUnit?.name,
    c.externalCompany?.name,
    c.department?.name,
    c.costAccount?.name,
    c.location?.name,
    ...Object.values(c.metadata),
  ];
}
