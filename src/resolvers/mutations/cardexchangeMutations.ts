/**
 * CardExchange mutations: persons, addresses, cardholders, cards, productions and anonymous sets.
 * What each may change is in the input tables under src/mutations/cardexchange/; how a write is
 * checked, sent once and reflected in the loaders is in cxWriteResolvers.ts. What the document does
 * not allow has no mutation: deleting cards, productions or anonymous sets, creating productions.
 */
import type { MutationResolvers } from '../../generated/graphql';
import { addressInput } from '../../mutations/cardexchange/addressInputs';
import { addCardsToAnonymousSetInput, createAnonymousSetInput } from '../../mutations/cardexchange/anonymousSetInputs';
import { createCardholderInput, updateCardholderInput } from '../../mutations/cardexchange/cardholderInputs';
import { createCardInput, updateCardInput } from '../../mutations/cardexchange/cardInputs';
import { createResolver, deleteResolver, updateResolver } from '../../mutations/cardexchange/cxWriteResolvers';
import { createPersonInput, updatePersonInput } from '../../mutations/cardexchange/personInputs';
import { updateProductionInput } from '../../mutations/cardexchange/productionInputs';
import type {
  CxAddressDto,
  CxAnonymousSetDto,
  CxCardDto,
  CxCardholderDto,
  CxPersonDto,
  CxProductionDto,
} from '../../vendors/cardexchange/types';

export const cardexchangeMutations: MutationResolvers = {
  createPerson: createResolver<CxPersonDto, 'person'>({ resource: 'persons', spec: createPersonInput, objectField: 'person' }),
  updatePerson: updateResolver<CxPersonDto, 'person'>({ resource: 'persons', spec: updatePersonInput, objectField: 'person' }),
  deletePerson: deleteResolver<'deletedPersonId'>({ resource: 'persons', idField: 'deletedPersonId' }),

  createAddress: createResolver<CxAddressDto, 'address'>({ resource: 'addresses', spec: addressInput.create, objectField: 'address' }),
  updateAddress: updateResolver<CxAddressDto, 'address'>({ resource: 'addresses', spec: addressInput.update, objectField: 'address' }),
  deleteAddress: deleteResolver<'deletedAddressId'>({ resource: 'addresses', idField: 'deletedAddressId' }),

  createCardholder: createResolver<CxCardholderDto, 'cardholder'>({ resource: 'cardholders', spec: createCardholderInput, objectField: 'cardholder' }),
  updateCardholder: updateResolver<CxCardholderDto, 'cardholder'>({ resource: 'cardholders', spec: updateCardholderInput, objectField: 'cardholder' }),
  deleteCardholder: deleteResolver<'deletedCardholderId'>({ resource: 'cardholders', idField: 'deletedCardholderId' }),

  createCard: createResolver<CxCardDto, 'card'>({ resource: 'cards', spec: createCardInput, objectField: 'card' }),
  updateCard: updateResolver<CxCardDto, 'card'>({ resource: 'cards', spec: updateCardInput, objectField: 'card' }),

  updateProduction: updateResolver<CxProductionDto, 'production'>({ resource: 'productions', spec: updateProductionInput, objectField: 'production' }),

  createAnonymousSet: createResolver<CxAnonymousSetDto, 'anonymousSet'>({
    resource: 'anonymousSets',
    spec: createAnonymousSetInput,
    objectField: 'anonymousSet',
  }),
  // The vendor's "update" only adds members: `null` settings mean "not given", as on create.
  addCardsToAnonymousSet: updateResolver<CxAnonymousSetDto, 'anonymousSet'>({
    resource: 'anonymousSets',
    spec: addCardsToAnonymousSetInput,
    objectField: 'anonymousSet',
    mode: 'create',
  }),
};
