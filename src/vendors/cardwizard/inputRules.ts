/**
 * Checks of card-read input before anything is sent to CardWizard. Device ids are positive Int32
 * (CardWizard binds `id` as an integer; GraphQL's Int already bounds it to 32 bits). Request ids are
 * opaque: only blank, over-long or control-character values are refused.
 */
import { BadInputError } from '../../errors/gatewayError';
import type { RequestCardReadInput } from '../../generated/graphql';
import { InputProblems } from '../../mutations/userErrors';

export const MAX_MESSAGE_LENGTH = 1000;
const MAX_REQUEST_ID_LENGTH = 200;
const CONTROL = /[\u0000-\u001f\u007f]/;

export function checkRequestCardReadInput(input: RequestCardReadInput): InputProblems {
  const problems = new InputProblems();
  if (!isDeviceId(input.deviceId)) {
    problems.add('deviceId', 'INVALID_VALUE', `"deviceId" must be a positive whole number, got ${input.deviceId}.`);
  }
  if (input.message.trim() === '') {
    problems.add('message', 'REQUIRED', '"message" is required: CardWizard needs a message to send the request to the device.');
  } else if (input.message.length > MAX_MESSAGE_LENGTH) {
    problems.add('message', 'INVALID_VALUE', `"message" must be at most ${MAX_MESSAGE_LENGTH} characters, got ${input.message.length}.`);
  }
  return problems;
}

/** Throws BAD_USER_INPUT naming the argument unless `deviceId` is a positive whole number. */
export function requireDeviceId(deviceId: number, argument = 'deviceId'): number {
  if (!isDeviceId(deviceId)) throw new BadInputError(argument, `"${argument}" must be a positive whole number, got ${deviceId}.`);
  return deviceId;
}

/** Throws BAD_USER_INPUT naming the argument unless `id` can be a card-request id. */
export function requireRequestId(id: string, argument = 'id'): string {
  if (id.trim() === '' || id.length > MAX_REQUEST_ID_LENGTH || CONTROL.test(id)) {
    throw new BadInputError(argument, `"${argument}" must be a card-request id as requestCardRead returned it (1 to ${MAX_REQUEST_ID_LENGTH} characters, no control characters).`);
  }
  return id;
}

function isDeviceId(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 2_147_483_647;
}
