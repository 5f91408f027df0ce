/**
 * The persons list filter `production_status` names four production stages, but the document
 * never says how they relate to card statuses. The simulator's reading, kept in this one place:
 *   initialized                          -> to_be_created   (card requested, not yet sent to production)
 *   in_production, not printed yet       -> to_be_produced
 *   in_production, printedOn set         -> produced
 *   personalized or issued               -> to_be_activated (produced, waiting to be activated)
 * Any other status is outside production.
 */
import type { Card, Production, ProductionStage } from './types';

export function productionStage(card: Card, production: Production | undefined): ProductionStage | undefined {
  switch (card.status) {
    case 'initialized':
      return 'to_be_created';
    case 'in_production':
      return production?.printedOn ? 'produced' : 'to_be_produced';
    case 'personalized':
    case 'issued':
      return 'to_be_activated';
    default:
      return undefined;
  }
}
