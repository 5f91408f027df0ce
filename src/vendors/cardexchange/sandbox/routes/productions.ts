/**
 * `/api/v1/productions`: list, retrieve, update. Productions come and go with their card's
 * `in_production` status, so they can be neither created nor deleted through the API.
 */
import { BodyReader, readJsonObject } from '../http/body';
import { notFound } from '../http/problem';
import { ListQuery } from '../http/query';
import type { ResourceHandlers } from '../http/resource';
import type { CardExchangeStore } from '../store';
import type { Production } from '../types';

const MAX_TRIES = 1000;

export function productionRoutes(store: CardExchangeStore): ResourceHandlers {
  const find = (id: string): Production => {
    const production = store.productions.get(id);
    if (!production) throw notFound('production', id);
    return production;
  };

  return {
    list(request) {
      const query = new ListQuery(request);
      const matches = query.search();
      const productions = [...store.productions.values()].filter(
        (p) => !matches || matches([p.nameOnCard, p.chipserialNumber, p.userName]),
      );
      return query.respond(productions, (p) => ({ ...p }));
    },

    retrieve: (request) => ({ status: 200, body: find(request.params.id!) }),

    update(request) {
      const production = find(request.params.id!);
      const body = new BodyReader(readJsonObject(request));
      const nameOnCard = body.optional('nameOnCard');
      const serial = body.presentNotBlank('chipserialNumber')?.trim().toUpperCase();
      if (serial !== undefined && !/^[0-9A-F]+$/.test(serial)) {
        body.add('chipserialNumber', 'The chipserialNumber field must be hexadecimal digits.');
      } else if (serial !== undefined && serial !== production.chipserialNumber.toUpperCase() && store.isChipSerialNumberUsed(serial)) {
        body.add('chipserialNumber', `Chip serial number '${serial}' is already used by another card.`);
      }
      const userName = body.optional('userName');
      const printedOn = body.dateTime('printedOn');
      const numberOfTries = body.integer('numberOfTries', 1, MAX_TRIES);
      body.done();
      if (nameOnCard !== undefined) production.nameOnCard = nameOnCard;
      if (userName !== undefined) production.userName = userName;
      if (printedOn !== undefined) production.printedOn = printedOn;
      if (numberOfTries !== undefined) production.numberOfTries = numberOfTries;
      if (serial !== undefined) store.setProductionChipSerialNumber(production, serial);
      return { status: 200, body: production };
    },

    refused: {
      create: "Production records cannot be manually created. They are automatically created when a card enters the 'in production' state.",
      remove: "Production records cannot be manually deleted. They are automatically deleted when a card leaves the 'in production' state.",
    },
  };
}
