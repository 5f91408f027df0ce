/** `/api/v1/cards`: list, retrieve, create, update. Cards cannot be deleted. */
import { BodyReader, readJsonObject } from '../http/body';
import { notFound } from '../http/problem';
import { isAfter, isBefore, ListQuery } from '../http/query';
import { created, type ResourceHandlers } from '../http/resource';
import type { CardExchangeStore } from '../store';
import { CARD_STATUSES, ENCRYPTIONS, type Card } from '../types';

export function cardRoutes(store: CardExchangeStore): ResourceHandlers {
  const find = (id: string): Card => {
    const card = store.cards.get(id);
    if (!card) throw notFound('card', id);
    return card;
  };

  return {
    list(request) {
      const query = new ListQuery(request);
      const cardholder = query.id('cardholder');
      const status = query.oneOf('status', CARD_STATUSES);
      const type = query.id('type');
      const encryption = query.oneOf('encryption', ENCRYPTIONS);
      const layout = query.id('layout');
      const startingAfter = query.instant('starting_after');
      const endingBefore = query.instant('ending_before');
      const matches = query.search();
      const cards = [...store.cards.values()].filter(
        (c) =>
          (!cardholder || c.cardholder === cardholder) &&
          (!status || c.status === status) &&
          (!type || c.type.id === type) &&
          (!encryption || c.encryption === encryption) &&
          (!layout || c.layout.id === layout) &&
          isAfter(c.startDate, startingAfter) &&
          isBefore(c.endDate, endingBefore) &&
          (!matches ||
            matches([c.cardNumber, c.chipserialNumber, c.type.name, c.layout.name, ...Object.values(c.metadata)])),
      );
      return query.respond(cards, (c) => ({ ...c }));
    },

    retrieve: (request) => ({ status: 200, body: find(request.params.id!) }),

    /** The document lets a client choose only the cardholder and metadata; the rest is generated. */
    create(request) {
      const body = new BodyReader(readJsonObject(request));
      const cardholderId = body.id('cardholder', true);
      const cardholder = cardholderId ? store.cardholders.get(cardholderId) : undefined;
      if (cardholderId && !cardholder) body.add('cardholder', `No cardholder with id '${cardholderId}' exists.`);
      const metadata = body.metadata();
      body.done();
      const card = store.createCard(cardholder!, metadata ?? {});
      return created(request.path, card.id, card);
    },

    update(request) {
      const card = find(request.params.id!);
      const body = new BodyReader(readJsonObject(request));
      const status = body.oneOf('status', CARD_STATUSES);
      const metadata = body.metadata();
      body.done();
      if (metadata) store.update(card, { metadata });
      if (status) store.setCardStatus(card, status);
      return { status: 200, body: card };
    },

    refused: { remove: 'Cards cannot be deleted.' },
  };
}
