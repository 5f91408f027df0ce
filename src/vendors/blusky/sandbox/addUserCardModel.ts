/**
 * `AddUserCardViewModel` from the help page, bound from JSON. Every field is
 * nullable here: which ones are required depends on CardId and the card type,
 * and that is business validation (a ResultCode), not binding (a 400).
 */
import { ModelBinder, type ModelState } from './modelBinding';

export interface AddUserCardModel {
  UserId: string | null;
  CardId: string | null;
  CardType: number | null;
  CardACSystemId: string | null;
  InternalCardNumber: number | null;
  ExternalCardNumber: string | null;
  CardSerialNumber: number | null;
  FacilityCode: number | null;
  IssueCode: number | null;
  PIN: string | null;
}

export type BindResult<T> = { ok: true; model: T } | { ok: false; modelState: ModelState };

export function bindAddUserCard(body: Record<string, unknown>): BindResult<AddUserCardModel> {
  const bind = new ModelBinder(body);
  const model: AddUserCardModel = {
    UserId: bind.guid('UserId'),
    CardId: bind.guid('CardId'),
    CardType: bind.int32('CardType'),
    CardACSystemId: bind.guid('CardACSystemId'),
    // Card numbers and smart-card serials outgrow Int32; bind them as Int64.
    InternalCardNumber: bind.int64('InternalCardNumber'),
    ExternalCardNumber: blankToNull(bind.string('ExternalCardNumber')),
    CardSerialNumber: bind.int64('CardSerialNumber'),
    FacilityCode: bind.int32('FacilityCode'),
    IssueCode: bind.int32('IssueCode'),
    PIN: blankToNull(bind.string('PIN', { sensitive: true })),
  };
  return bind.valid ? { ok: true, model } : { ok: false, modelState: bind.modelState };
}

export function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value.trim();
}
