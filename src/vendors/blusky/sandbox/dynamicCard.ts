/**
 * The "CardId is null" form of AddUserCard: the card is described in the
 * request and created on the fly. The help page requires CardType,
 * CardACSystemId, InternalCardNumber, ExternalCardNumber and FacilityCode, plus
 * CardSerialNumber and IssueCode "if CardType supports it".
 */
import type { AddUserCardModel } from './addUserCardModel';
import type { CardType } from './cardTypes';
import { resultWithGuid, type ResultWithGuid } from './resultCodes';
import type { StoredCard, UserCardStore } from './userCardStore';

export type CardOrFailure = { card: StoredCard } | { failure: ResultWithGuid };

const ALWAYS_REQUIRED = ['CardType', 'CardACSystemId', 'InternalCardNumber', 'ExternalCardNumber', 'FacilityCode'] as const;
const MAX_ISSUE_CODE = 255;

export function createDynamicCard(store: UserCardStore, model: AddUserCardModel): CardOrFailure {
  const missing: string[] = ALWAYS_REQUIRED.filter((field) => model[field] === null);
  if (missing.length > 0) return validationFailed(`${listFields(missing)} required when CardId is null.`);

  const cardType = store.cardTypes.get(model.CardType!);
  if (!cardType) {
    return { failure: resultWithGuid('CardTypeNotFound', `CardType ${model.CardType} does not exist.`) };
  }
  if (!store.acSystems.has(model.CardACSystemId!)) {
    return { failure: resultWithGuid('ACSystemNotFound', `CardACSystemId ${model.CardACSystemId} does not exist.`) };
  }

  const conditional: string[] = [];
  if (cardType.requiresCardSerialNumber && model.CardSerialNumber === null) conditional.push('CardSerialNumber');
  if (cardType.requiresIssueCode && model.IssueCode === null) conditional.push('IssueCode');
  if (conditional.length > 0) {
    return validationFailed(`${listFields(conditional)} required for CardType ${cardType.id} (${cardType.name}).`);
  }

  const rangeProblem = checkRanges(model, cardType);
  if (rangeProblem) return validationFailed(rangeProblem);

  const candidate: Omit<StoredCard, 'id'> = {
    cardType: cardType.id,
    acSystemId: model.CardACSystemId!,
    internalCardNumber: model.InternalCardNumber!,
    externalCardNumber: model.ExternalCardNumber!,
    facilityCode: model.FacilityCode!,
    cardSerialNumber: model.CardSerialNumber,
    issueCode: model.IssueCode,
  };
  const duplicate = store.findDuplicate(candidate);
  if (duplicate) {
    return {
      failure: resultWithGuid(
        'CardAlreadyExists',
        `A card with FacilityCode ${duplicate.facilityCode} and InternalCardNumber ${duplicate.internalCardNumber}, ` +
          `or ExternalCardNumber '${duplicate.externalCardNumber}', already exists in that access control system ` +
          `(CardId ${duplicate.id}); assign it by CardId instead.`,
      ),
    };
  }
  return { card: store.createCard(candidate) };
}

function checkRanges(model: AddUserCardModel, cardType: CardType): string | undefined {
  const outOf = (field: string, value: number, max: number) =>
    value < 0 || value > max ? `${field} ${value} is outside 0-${max} for CardType ${cardType.id} (${cardType.name}).` : undefined;
  return (
    outOf('FacilityCode', model.FacilityCode!, cardType.maxFacilityCode) ??
    outOf('InternalCardNumber', model.InternalCardNumber!, cardType.maxInternalCardNumber) ??
    (model.IssueCode !== null ? outOf('IssueCode', model.IssueCode, MAX_ISSUE_CODE) : undefined) ??
    (model.CardSerialNumber !== null && model.CardSerialNumber < 0 ? 'CardSerialNumber must not be negative.' : undefined)
  );
}

function validationFailed(description: string): CardOrFailure {
  return { failure: resultWithGuid('ValidationFailed', description) };
}

function listFields(fields: readonly string[]): string {
  return fields.length === 1 ? `${fields[0]} is` : `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)} are`;
}
