/** CardExchange's REST collections, by the path segment under /api/v1/. */
export const CX_RESOURCES = {
  persons: 'persons',
  addresses: 'addresses',
  cardholders: 'cardholders',
  cards: 'cards',
  productions: 'productions',
  anonymousSets: 'anonymous-sets',
} as const;

export type CxResource = keyof typeof CX_RESOURCES;

/** Human names for messages. */
export const CX_RESOURCE_NOUNS: Record<CxResource, string> = {
  persons: 'person',
  addresses: 'address',
  cardholders: 'cardholder',
  cards: 'card',
  productions: 'production record',
  anonymousSets: 'anonymous set',
};

/** Largest per_page CardExchange accepts. */
export const CX_MAX_PER_PAGE = 100;
