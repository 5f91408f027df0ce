/**
 * Shared pieces of the CardExchange write tests: the mutation documents (each selecting the whole
 * payload), and short ways to ask what the simulator received.
 */
import type { TestGateway } from './testGateway';

export const USER_ERRORS = 'userErrors { message field code }';

/** Mutation name → a document taking `$input` and selecting the payload's object (or id) and userErrors. */
export const MUTATIONS = {
  createPerson: ['CreatePersonInput', 'person { id firstName middleName lastName birthDate gender prefix status metadata photo addresses { id } cardholders { id } }'],
  updatePerson: ['UpdatePersonInput', 'person { id firstName lastName birthDate gender phoneNumber mobileNumber metadata }'],
  deletePerson: ['DeletePersonInput', 'deletedPersonId'],
  createAddress: ['CreateAddressInput', 'address { id personId type streetAddress locality region postalCode country metadata }'],
  updateAddress: ['UpdateAddressInput', 'address { id personId type streetAddress locality metadata }'],
  deleteAddress: ['DeleteAddressInput', 'deletedAddressId'],
  createCardholder: ['CreateCardholderInput', 'cardholder { id personId profile { id name } status email startDate endDate department { id name } cards { id } }'],
  updateCardholder: ['UpdateCardholderInput', 'cardholder { id personId profile { id name } status email startDate endDate location { id } note }'],
  deleteCardholder: ['DeleteCardholderInput', 'deletedCardholderId'],
  createCard: ['CreateCardInput', 'card { id cardholderId status chipSerialNumber metadata }'],
  updateCard: ['UpdateCardInput', 'card { id status metadata }'],
  updateProduction: ['UpdateProductionInput', 'production { id nameOnCard chipSerialNumber userName printedOn numberOfTries }'],
  createAnonymousSet: ['CreateAnonymousSetInput', 'anonymousSet { id profileId defaultName persons { id } }'],
  addCardsToAnonymousSet: ['AddCardsToAnonymousSetInput', 'anonymousSet { id persons { id } }'],
} as const;

export type MutationName = keyof typeof MUTATIONS;

export function mutationDocument(name: MutationName, selection?: string): string {
  const [inputType, defaultSelection] = MUTATIONS[name];
  return `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection ?? defaultSelection} ${USER_ERRORS} } }`;
}

/** Runs one mutation and returns its payload and the response's top-level errors. */
export async function mutate(gw: TestGateway, name: MutationName, input: Record<string, unknown>, selection?: string) {
  const { body } = await gw.query(mutationDocument(name, selection), { input });
  return { payload: body.data?.[name] ?? null, errors: body.errors, body };
}

/** `METHOD path` of every request the CardExchange simulator received since the last reset. */
export function cxCalls(gw: TestGateway): string[] {
  return gw.sandbox.cardexchange.server.received().map((r) => `${r.method} ${r.path}`);
}

/** The JSON bodies of the writes the CardExchange simulator received. */
export function cxWriteBodies(gw: TestGateway): unknown[] {
  return gw.sandbox.cardexchange.server
    .received()
    .filter((r) => r.method !== 'GET')
    .map((r) => (r.rawBody ? JSON.parse(r.rawBody) : undefined));
}

export const UNKNOWN_ID = '00000000-0000-4000-8000-0000000000ff';
