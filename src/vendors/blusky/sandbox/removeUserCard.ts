/**
 * `POST /api/Person/RemoveUserCard` (`UserId`, optional `CardId`, and
 * `ExternalCardNumber` when CardId is null): marks the user's card entry
 * Deleted and frees the card. Answers `{ResultCode, Description}`.
 */
import type { SimHandler } from '../../../sandbox/simulatorServer';
import { blankToNull } from './addUserCardModel';
import type { BluskyContext } from './addUserCard';
import { hasValidBearer } from './bearerAuth';
import { readJsonObject } from './jsonBody';
import { ModelBinder } from './modelBinding';
import { result, type BluskyResult } from './resultCodes';
import type { UserCardStore } from './userCardStore';
import { invalidModel, unauthorized, unsupportedMediaType } from './webApiErrors';

export interface RemoveUserCardModel {
  UserId: string | null;
  CardId: string | null;
  ExternalCardNumber: string | null;
}

export function removeUserCard(context: BluskyContext): SimHandler {
  return (request) => {
    if (!hasValidBearer(request, context.token)) return unauthorized();
    const json = readJsonObject(request);
    if (!json.ok) {
      return json.problem === 'unsupportedMediaType' ? unsupportedMediaType(json.mediaType) : invalidModel(json.modelState);
    }
    const bind = new ModelBinder(json.body);
    const model: RemoveUserCardModel = {
      UserId: bind.guid('UserId'),
      CardId: bind.guid('CardId'),
      ExternalCardNumber: blankToNull(bind.string('ExternalCardNumber')),
    };
    if (!bind.valid) return invalidModel(bind.modelState);
    return { status: 200, body: decideRemoveUserCard(context.store, model) };
  };
}

export function decideRemoveUserCard(store: UserCardStore, model: RemoveUserCardModel): BluskyResult {
  if (model.UserId === null) return result('ValidationFailed', 'UserId is required.');
  if (!store.users.has(model.UserId)) return result('UserNotFound', `No user with UserId ${model.UserId} exists.`);
  if (model.CardId === null && model.ExternalCardNumber === null) {
    return result('ValidationFailed', 'ExternalCardNumber is required when CardId is null.');
  }

  const held = store.activeUserCardsOf(model.UserId);
  // CardId wins when both are given: it names exactly one card.
  const matches =
    model.CardId !== null
      ? held.filter((entry) => entry.cardId === model.CardId)
      : held.filter((entry) => store.cards.get(entry.cardId)?.externalCardNumber === model.ExternalCardNumber);
  const named = model.CardId !== null ? `CardId ${model.CardId}` : `ExternalCardNumber '${model.ExternalCardNumber}'`;
  if (matches.length === 0) return result('UserCardNotFound', `The user holds no card with ${named}.`);
  if (matches.length > 1) {
    return result('ValidationFailed', `The user holds ${matches.length} cards with ${named}; pass CardId to choose one.`);
  }
  store.remove(matches[0]!);
  return result('Success', 'Success');
}
