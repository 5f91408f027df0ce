/** `/api/v1/persons`: list, retrieve, create, update, delete. */
import { PROFILES } from '../catalog';
import { BodyReader, definedOnly, readJsonObject } from '../http/body';
import { notFound } from '../http/problem';
import { ListQuery } from '../http/query';
import { created, type ResourceHandlers } from '../http/resource';
import { productionStage } from '../productionStage';
import type { CardExchangeStore } from '../store';
import {
  ADDRESS_TYPES,
  GENDERS,
  IDENTIFICATION_TYPES,
  PERSON_STATUSES,
  PREFIXES,
  PRODUCTION_STAGES,
  SUFFIXES,
  type PersonRecord,
  type ProductionStage,
} from '../types';
import { personView } from '../views';

export function personRoutes(store: CardExchangeStore): ResourceHandlers {
  const find = (id: string): PersonRecord => {
    const person = store.persons.get(id);
    if (!person) throw notFound('person', id);
    return person;
  };
  const view = (person: PersonRecord) => personView(store, person);

  const hasCardInStage = (person: PersonRecord, stage: ProductionStage): boolean =>
    store
      .cardholdersOf(person.id)
      .some((cardholder) =>
        store.cardsOf(cardholder.id).some((card) => productionStage(card, store.productionOf(card.id)) === stage),
      );

  return {
    list(request) {
      const query = new ListQuery(request);
      const addressPreference = query.oneOf('address_preference', ADDRESS_TYPES);
      const identificationType = query.oneOf('id_type', IDENTIFICATION_TYPES);
      const gender = query.oneOf('gender', GENDERS);
      const prefix = query.oneOf('prefix', PREFIXES);
      const suffix = query.oneOf('suffix', SUFFIXES);
      const stage = query.oneOf('production_status', PRODUCTION_STAGES);
      const matches = query.search();
      const persons = store.realPersons().filter(
        (p) =>
          (!addressPreference || p.addressPreference === addressPreference) &&
          (!identificationType || p.identificationType === identificationType) &&
          (!gender || p.gender === gender) &&
          (!prefix || p.prefix === prefix) &&
          (!suffix || p.suffix === suffix) &&
          (!stage || hasCardInStage(p, stage)) &&
          (!matches || matches(searchableText(p))),
      );
      return query.respond(persons, view);
    },

    retrieve: (request) => ({ status: 200, body: view(find(request.params.id!)) }),

    create(request) {
      const fields = readPersonFields(new BodyReader(readJsonObject(request)));
      const person = store.addPerson({
        id: store.entropy.guid(),
        personNumber: store.nextPersonNumber(),
        profile: fields.profile ?? null,
        addressPreference: fields.addressPreference ?? 'home',
        identificationType: fields.identificationType ?? 'none',
        identificationTypeValue: fields.identificationTypeValue ?? null,
        firstName: fields.firstName!,
        middleName: fields.middleName ?? null,
        lastName: fields.lastName!,
        birthDate: fields.birthDate!,
        gender: fields.gender ?? 'not_specified',
        prefix: fields.prefix ?? 'none',
        suffix: fields.suffix ?? 'none',
        phoneNumber: fields.phoneNumber ?? null,
        mobileNumber: fields.mobileNumber ?? null,
        status: fields.status ?? 'none',
        metadata: fields.metadata ?? {},
        photo: fields.photo ?? null,
        created: store.entropy.now(),
      });
      return created(request.path, person.id, view(person));
    },

    update(request) {
      const person = find(request.params.id!);
      const fields = readPersonFields(new BodyReader(readJsonObject(request)));
      return { status: 200, body: view(store.update(person, fields)) };
    },

    remove(request) {
      find(request.params.id!);
      store.deletePerson(request.params.id!);
      return { status: 204 };
    },
  };
}

/** The document makes firstName, lastName and birthDate required on create and on update. */
function readPersonFields(body: BodyReader): Partial<PersonRecord> {
  const profile = body.ref('profile', PROFILES, 'profile');
  const fields = {
    profile: profile === null ? null : profile?.id,
    addressPreference: body.oneOf('addressPreference', ADDRESS_TYPES),
    identificationType: body.oneOf('identificationType', IDENTIFICATION_TYPES),
    identificationTypeValue: body.optional('identificationTypeValue'),
    firstName: body.required('firstName'),
    middleName: body.optional('middleName'),
    lastName: body.required('lastName'),
    birthDate: body.date('birthDate', true),
    gender: body.oneOf('gender', GENDERS),
    prefix: body.oneOf('prefix', PREFIXES),
    suffix: body.oneOf('suffix', SUFFIXES),
    phoneNumber: body.optional('phoneNumber'),
    mobileNumber: body.optional('mobileNumber'),
    status: body.oneOf('status', PERSON_STATUSES),
    metadata: body.metadata(),
    photo: body.base64('photo'),
  };
  body.done();
  return definedOnly(fields);
}

function searchableText(p: PersonRecord): Array<string | null> {
  return [
    p.personNumber,
    p.firstName,
    p.middleName,
    p.lastName,
    `${p.firstName} ${p.lastName}`,
    p.identificationTypeValue,
    p.phoneNumber,
    p.mobileNumber,
    p.birthDate,
    ...Object.values(p.metadata),
  ];
}
