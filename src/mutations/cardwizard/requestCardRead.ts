/**
 * `requestCardRead`: check the input, ask the device to read a card (one POST, never resent), and
 * answer with the new pending request or the user error CardWizard's refusal maps to.
 */
import type { RequestCardReadInput } from '../../generated/graphql';
import { failedPayload, type UserErrorValue } from '../userErrors';
import type { CardWizardClient } from '../../vendors/cardwizard/client';
import { checkRequestCardReadInput } from '../../vendors/cardwizard/inputRules';
import { newCardRead } from '../../vendors/cardwizard/mapping';
import type { CardRead } from '../../vendors/cardwizard/types';

export interface RequestCardReadOutcome {
  cardReadRequest: CardRead | null;
  userErrors: UserErrorValue[];
}

export async function requestCardRead(client: CardWizardClient, input: RequestCardReadInput, now: () => Date = () => new Date()): Promise<RequestCardReadOutcome> {
  const problems = checkRequestCardReadInput(input);
  if (!problems.ok) return failedPayload('cardReadRequest', problems.errors);
  const sentAt = now();
  const result = await client.beginReadCard(input.deviceId, input.message);
  if (!result.ok) return failedPayload('cardReadRequest', [result.error]);
  return { cardReadRequest: newCardRead({ deviceId: input.deviceId, id: result.id }, sentAt), userErrors: [] };
}
