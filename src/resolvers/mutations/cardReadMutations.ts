/** The CardWizard card-read mutation (the work is in src/mutations/cardwizard/requestCardRead.ts). */
import type { MutationResolvers } from '../../generated/graphql';
import { requestCardRead } from '../../mutations/cardwizard/requestCardRead';

export const cardReadMutations: Pick<MutationResolvers, 'requestCardRead'> = {
  requestCardRead: (_root, { input }, { clients }) => requestCardRead(clients.cardwizard, input),
};
