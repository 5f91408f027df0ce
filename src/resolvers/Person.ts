import type { PersonResolvers } from '../generated/graphql';

export const Person: PersonResolvers = {
  profileId: (person) => person.profile ?? null,
  identificationValue: (person) => person.identificationTypeValue ?? null,
  // A person from a list or a parent embeds its photo; one embedded elsewhere (e.g. in an anonymous
  // set) may not, and then the photo is fetched only because this field was asked for.
  photo: async (person, _args, { cardexchange }) => {
    if (person.photo !== undefined) return person.photo;
    const full = await cardexchange.person.load(person.id);
    return full?.photo ?? null;
  },
  addresses: (person) => person.addresses ?? [],
  cardholders: (person) => person.cardholders ?? [],
};
