/**
 * `POST /api/Person/AddUserCard`: assigns an existing card (CardId) or a card
 * described in the request to a user. HTTP 200 with a ResultWithGuid for
 * every business outcome; 400 only when the body does not bind.
 */
import type { SimHandler } from '../../../sandbox/simulatorServer';
import { bindAddUserCard, type AddUserCardModel } from './addUserCardModel';
import { hasValidBearer } from './bearerAuth';
import { createDynamicCard, type CardOrFailure } from './dynamicCard';
import { readJsonObject } from './jsonBody';
import { pinProblem } from './pinRule';
import { resultWithGuid, type ResultWithGuid } from './resultCodes';
import type { UserCardStore } from './userCardStore';
import { invalidModel, unauthorized, unsupportedMediaType } from './webApiErrors';

export interface BluskyContext {
  token: string;
  store: UserCardStore;
}

export function addUserCard(context: BluskyContext): SimHandler {
  return (request) => {
    if (!hasValidBearer(request, context.token)) return unauthorized();
    const json = readJsonObject(request);
    if (!json.ok) {
      return json.problem === 'unsupportedMediaType' ? unsupportedMediaType(json.mediaType) : invalidModel(json.modelState);
    }
    const bound = bindAddUserCard(json.body);
    if (!bound.ok) return invalidModel(bound.modelState);
    return { status: 200, body: decideAddUserCard(context.store, bound.model) };
  };
}

export function decideAddUserCard(store: UserCardStore, model: AddUserCardModel): ResultWithGuid {
  if (model.UserId === null) return resultWithGuid('ValidationFailed', 'UserId is required.');
  if (!store.users.has(model.UserId)) {
    return resultWithGuid('UserNotFound', `No user with UserId ${model.UserId} exists.`);
  }
  const badPin = pinProblem(model.PIN);
  if (badPin) return resultWithGuid('ValidationFailed', badPin);

  const outcome = model.CardId !== null ? existingCard(store, model.CardId, model.UserId) : createDynamicCard(store, model);
  if ('failure' in outcome) return outcome.failure;
  const entry = store.assign(model.UserId, outcome.card.id, model.PIN);
  return resultWithGuid('Success', 'Success', entry.id);
}

/** The CardId form: the card must exist and be free; the request's card fields are ignored. */
function existingCard(store: UserCardStore, cardId: string, userId: string): CardOrFailure {
  const card = store.cards.get(cardId);
  if (!card) return { failure: resultWithGuid('CardNotFound', `No card with CardId ${cardId} exists.`) };
  const holder = store.holderOf(cardId);
  if (holder) {
    const whom = holder.userId === userId ? 'this user' : 'another user';
    return { failure: resultWithGuid('CardAlreadyAssigned', `Card ${cardId} is already assigned to ${whom}.`) };
  }
  return { card };
}
