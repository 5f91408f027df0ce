/** `/api/v1/addresses`: list, retrieve, create, update, delete. */
import { BodyReader, definedOnly, readJsonObject } from '../http/body';
import { notFound } from '../http/problem';
import { ListQuery } from '../http/query';
import { created, type ResourceHandlers } from '../http/resource';
import type { CardExchangeStore } from '../store';
import { ADDRESS_TYPES, type Address } from '../types';

/** Every attribute but metadata is required on create; on update each may be left out, not blanked. */
const TEXT_FIELDS = ['streetAddress', 'locality', 'region', 'postalCode', 'country'] as const;

export function addressRoutes(store: CardExchangeStore): ResourceHandlers {
  const find = (id: string): Address => {
    const address = store.addresses.get(id);
    if (!address) throw notFound('address', id);
    return address;
  };

  const readFields = (body: BodyReader, creating: boolean): Partial<Address> => {
    const person = (creating ? body.required('person') : body.presentNotBlank('person'))?.toLowerCase();
    if (typeof person === 'string' && !store.persons.has(person)) body.add('person', `No person with id '${person}' exists.`);
    const text = Object.fromEntries(
      TEXT_FIELDS.map((field) => [field, creating ? body.required(field) : body.presentNotBlank(field)]),
    );
    const fields = {
      person,
      type: body.oneOf('type', ADDRESS_TYPES, creating),
      ...text,
      metadata: body.metadata(),
    };
    body.done();
    return definedOnly(fields);
  };

  return {
    list(request) {
      const query = new ListQuery(request);
      const person = query.id('person');
      const type = query.oneOf('type', ADDRESS_TYPES);
      const matches = query.search();
      const addresses = [...store.addresses.values()].filter(
        (a) =>
          (!person || a.person === person) &&
          (!type || a.type === type) &&
          (!matches ||
            matches([a.streetAddress, a.locality, a.region, a.postalCode, a.country, ...Object.values(a.metadata)])),
      );
      return query.respond(addresses, (a) => ({ ...a }));
    },

    retrieve: (request) => ({ status: 200, body: find(request.params.id!) }),

    create(request) {
      const fields = readFields(new BodyReader(readJsonObject(request)), true);
      const address = store.addAddress({
        id: store.entropy.guid(),
        person: fields.person!,
        type: fields.type!,
        streetAddress: fields.streetAddress!,
        locality: fields.locality!,
        region: fields.region!,
        postalCode: fields.postalCode!,
        country: fields.country!,
        metadata: fields.metadata ?? {},
        created: store.entropy.now(),
      });
      return created(request.path, address.id, address);
    },

    update(request) {
      const address = find(request.params.id!);
      const fields = readFields(new BodyReader(readJsonObject(request)), false);
      return { status: 200, body: store.update(address, fields) };
    },

    remove(request) {
      if (!store.deleteAddress(request.params.id!)) throw notFound('address', request.params.id!);
      return { status: 204 };
    },
  };
}
