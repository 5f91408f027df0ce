/**
 * Root reads. Single-object fields check the id before calling the vendor and answer null for an
 * unknown id; list fields return a ConnectionSlice (see connection.ts).
 */
import type { QueryResolvers } from '../generated/graphql';
import { requireGuid } from '../validation/guid';
import { identifierSlice } from '../vendors/aktion/identifierSlice';
import { requireInternalNumber } from '../vendors/aktion/requireInternalNumber';
import { listSlice } from '../vendors/cardexchange/listSlice';
import { toListQuery } from '../vendors/cardexchange/listFilters';
import { userCardSlice } from '../vendors/blusky/userCardSlice';
import { requireDeviceId, requireRequestId } from '../vendors/cardwizard/inputRules';
import type { CxAddressDto, CxAnonymousSetDto, CxCardDto, CxCardholderDto, CxPersonDto, CxProductionDto } from '../vendors/cardexchange/types';

export const Query: QueryResolvers = {
  sandbox: (_root, _args, { sandbox }) => sandbox,

  person: (_root, { id }, { cardexchange }) => cardexchange.person.load(requireGuid(id, 'id')),
  persons: (_root, args, { cardexchange }) =>
    listSlice<CxPersonDto>(cardexchange, 'persons', args, toListQuery(args.search, args.filter)),

  address: (_root, { id }, { cardexchange }) => cardexchange.address.load(requireGuid(id, 'id')),
  addresses: (_root, args, { cardexchange }) =>
    listSlice<CxAddressDto>(cardexchange, 'addresses', args, toListQuery(args.search, args.filter)),

  cardholder: (_root, { id }, { cardexchange }) => cardexchange.cardholder.load(requireGuid(id, 'id')),
  cardholders: (_root, args, { cardexchange }) =>
    listSlice<CxCardholderDto>(cardexchange, 'cardholders', args, toListQuery(args.search, args.filter)),

  card: (_root, { id }, { cardexchange }) => cardexchange.card.load(requireGuid(id, 'id')),
  cards: (_root, args, { cardexchange }) =>
    listSlice<CxCardDto>(cardexchange, 'cards', args, toListQuery(args.search, args.filter)),

  production: (_root, { id }, { cardexchange }) => cardexchange.production.load(requireGuid(id, 'id')),
  productions: (_root, args, { cardexchange }) =>
    listSlice<CxProductionDto>(cardexchange, 'productions', args, toListQuery(args.search, null)),

  anonymousSet: (_root, { id }, { cardexchange }) => cardexchange.anonymousSet.load(requireGuid(id, 'id')),
  anonymousSets: (_root, args, { cardexchange }) =>
    listSlice<CxAnonymousSetDto>(cardexchange, 'anonymousSets', args, toListQuery(args.search, args.filter)),

  identifier: (_root, { internalNumber }, { aktion }) => aktion.identifier.load(requireInternalNumber(internalNumber, 'internalNumber')),
  identifiers: (_root, args, { aktion }) => identifierSlice(aktion, args),

  cardReadRequest: (_root, { deviceId, id }, { cardwizard }) =>
    cardwizard.cardRequest.load({ deviceId: requireDeviceId(deviceId), id: requireRequestId(id) }),
  userCards: (_root, args, { blusky }) => userCardSlice(blusky, args),
};
