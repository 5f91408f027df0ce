import type { CardReadRequestResolvers } from '../generated/graphql';
import { canSeeTrackData } from '../vendors/cardwizard/trackDataAccess';

/** Track data only for callers allowed to see it (trackDataAccess.ts); the rest are the parent's fields. */
export const CardReadRequest: CardReadRequestResolvers = {
  trackData: (read, _args, context) => (read.trackData && canSeeTrackData(context) ? read.trackData : null),
  trackDataWithheld: (read, _args, context) => read.trackData !== null && !canSeeTrackData(context),
};
