/**
 * Anonymous sets: cards produced ahead of time for people not known yet (visitors, temporary
 * staff). Each member is an anonymous person with one `unlinked` cardholder and one `unlinked`
 * card, to be linked to a real person later.
 */
import { findRef, PROFILES } from './catalog';
import type { CardExchangeStore } from './store';
import type { AnonymousSetRecord, NamedRef } from './types';

/** Optional cardholder settings an anonymous set passes on to its new cardholders. */
export interface AnonymousCardholderOptions {
  businessUnit?: NamedRef | null;
  externalCompany?: NamedRef | null;
  department?: NamedRef | null;
  location?: NamedRef | null;
  costAccount?: NamedRef | null;
  note?: string | null;
}

export function createAnonymousSet(
  store: CardExchangeStore,
  profile: NamedRef,
  defaultName: string,
  id = store.entropy.guid(),
): AnonymousSetRecord {
  const set: AnonymousSetRecord = { id, profile: profile.id, defaultName, personIds: [] };
  store.anonymousSets.set(set.id, set);
  return set;
}

export function addAnonymousMembers(
  store: CardExchangeStore,
  set: AnonymousSetRecord,
  quantity: number,
  options: AnonymousCardholderOptions = {},
): void {
  const profile = findRef(PROFILES, set.profile) ?? PROFILES[2]!;
  for (let i = 0; i < quantity; i += 1) {
    // Members are numbered within their set: "Visitor pass 001", "Visitor pass 002", ...
    const number = String(set.personIds.length + 1).padStart(3, '0');
    const created = store.entropy.now();
    const person = store.addPerson({
      id: store.entropy.guid(),
      personNumber: store.nextPersonNumber(),
      profile: profile.id,
      addressPreference: 'home',
      identificationType: 'none',
      identificationTypeValue: null,
      firstName: set.defaultName,
      middleName: null,
      lastName: number,
      birthDate: null,
      gender: 'not_specified',
      prefix: 'none',
      suffix: 'none',
      phoneNumber: null,
      mobileNumber: null,
      status: 'unlinked',
      metadata: {},
      photo: null,
      created,
    });
    store.anonymousPersonIds.add(person.id);
    set.personIds.push(person.id);
    const cardholder = store.addCardholder({
      id: store.entropy.guid(),
      person: person.id,
      profile,
      profileNumber: store.nextProfileNumber(),
      loginId: null,
      email: null,
      businessUnit: options.businessUnit ?? null,
      externalCompany: options.externalCompany ?? null,
      department: options.department ?? null,
      costAccount: options.costAccount ?? null,
      location: options.location ?? null,
      startDate: created,
      endDate: null,
      status: 'unlinked',
      nameOnCard: `${set.defaultName} ${number}`,
      note: options.note ?? null,
      metadata: {},
      created,
    });
    store.createCard(cardholder, {}, 'unlinked');
  }
}
