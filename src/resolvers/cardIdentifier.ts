/**
 * `Card.identifier`: the Aktion identifier whose internal number is the card's chip serial number,
 * through the request's identifier loader (one lookup per distinct serial, one shared login).
 * The card is primed as the answer to `Identifier.card` for that number, so walking back from the
 * identifier to its card costs no CardExchange search.
 */
import type { GatewayContext } from '../context';
import { isValidInternalNumber, normaliseInternalNumber } from '../vendors/aktion/internalNumber';
import type { AktionIdentifier } from '../vendors/aktion/types';
import type { CxCardDto } from '../vendors/cardexchange/types';

export function cardIdentifier(card: CxCardDto, { aktion, cardByChipSerial }: GatewayContext): Promise<AktionIdentifier | null> {
  const serial = card.chipserialNumber?.trim();
  if (serial && isValidInternalNumber(serial)) cardByChipSerial.prime(normaliseInternalNumber(serial), card);
  return aktion.forChipSerial(serial);
}
