/**
 * `/api/v1/anonymous-sets`: list, retrieve, create, update (adds members). Sets hold cards,
 * and cards cannot be deleted, so sets cannot be deleted either.
 */
import { addAnonymousMembers, createAnonymousSet, type AnonymousCardholderOptions } from '../anonymous';
import { BUSINESS_UNITS, COST_ACCOUNTS, DEPARTMENTS, EXTERNAL_COMPANIES, LOCATIONS, PROFILES } from '../catalog';
import { BodyReader, definedOnly, readJsonObject } from '../http/body';
import { notFound } from '../http/problem';
import { ListQuery } from '../http/query';
import { created, type ResourceHandlers } from '../http/resource';
import type { CardExchangeStore } from '../store';
import type { AnonymousSetRecord, CardholderRecord, NamedRef } from '../types';
import { anonymousSetView } from '../views';

/** Upper bound per request, so a typo cannot create millions of cards in memory. */
const MAX_QUANTITY = 1000;

export function anonymousSetRoutes(store: CardExchangeStore): ResourceHandlers {
  const find = (id: string): AnonymousSetRecord => {
    const set = store.anonymousSets.get(id);
    if (!set) throw notFound('anonymous set', id);
    return set;
  };
  const view = (set: AnonymousSetRecord) => anonymousSetView(store, set);

  /** The set object has no business unit etc. of its own: those filters match its cardholders. */
  const memberCardholders = (set: AnonymousSetRecord): CardholderRecord[] =>
    set.personIds.flatMap((id) => store.cardholdersOf(id));

  return {
    list(request) {
      const query = new ListQuery(request);
      const profile = query.id('profile');
      const refs: Array<[string | undefined, (c: CardholderRecord) => NamedRef | null]> = [
        [query.id('business_unit'), (c) => c.businessUnit],
        [query.id('external_company'), (c) => c.externalCompany],
        [query.id('department'), (c) => c.department],
        [query.id('location'), (c) => c.location],
        [query.id('cost_account'), (c) => c.costAccount],
      ];
      const matches = query.search();
      const sets = [...store.anonymousSets.values()].filter(
        (s) =>
          (!profile || s.profile === profile) &&
          refs.every(([id, refOf]) => !id || memberCardholders(s).some((c) => refOf(c)?.id === id)) &&
          (!matches || matches([s.defaultName])),
      );
      return query.respond(sets, view);
    },

    retrieve: (request) => ({ status: 200, body: view(find(request.params.id!)) }),

    create(request) {
      const body = new BodyReader(readJsonObject(request));
      const profile = body.ref('profile', PROFILES, 'profile', true);
      const defaultName = body.required('defaultName');
      const quantity = body.integer('quantity', 1, MAX_QUANTITY, true);
      const options = readMemberOptions(body);
      body.done();
      const set = createAnonymousSet(store, profile!, defaultName!);
      addAnonymousMembers(store, set, quantity!, options);
      return created(request.path, set.id, view(set));
    },

    update(request) {
      const set = find(request.params.id!);
      const body = new BodyReader(readJsonObject(request));
      const quantity = body.integer('quantity', 1, MAX_QUANTITY, true);
      const options = readMemberOptions(body);
      body.done();
      addAnonymousMembers(store, set, quantity!, options);
      return { status: 200, body: view(set) };
    },

    refused: { remove: 'Since cards cannot be deleted, anonymous sets cannot be deleted either.' },
  };
}

/**
 * Settings for the new cardholders. `jobTitle` is a documented argument, but the cardholder
 * object has no attribute to show it in: it is validated and otherwise ignored.
 */
function readMemberOptions(body: BodyReader): AnonymousCardholderOptions {
  body.optional('jobTitle');
  return definedOnly({
    businessUnit: body.ref('businessUnit', BUSINESS_UNITS, 'business unit'),
    externalCompany: body.ref('externalCompany', EXTERNAL_COMPANIES, 'external company'),
    department: body.ref('department', DEPARTMENTS, 'department'),
    location: body.ref('location', LOCATIONS, 'location'),
    costAccount: body.ref('costAccount', COST_ACCOUNTS, 'cost account'),
    note: body.optional('note'),
  });
}
