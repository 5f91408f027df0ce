import type { AnonymousSetResolvers } from '../generated/graphql';

export const AnonymousSet: AnonymousSetResolvers = {
  profileId: (set) => set.profile ?? null,
  persons: (set) => set.data ?? [],
};
