/**
 * GraphQL list filters → CardExchange query parameters. Enum values arrive already as vendor
 * strings (see enums.ts) and DateTime values as ISO strings, so only the names change here.
 */
import { requireGuid } from '../../validation/guid';
import type { CxListQuery } from './client';

const PARAMETER_OF: Record<string, string> = {
  personId: 'person',
  cardholderId: 'cardholder',
  profileId: 'profile',
  businessUnitId: 'business_unit',
  externalCompanyId: 'external_company',
  departmentId: 'department',
  locationId: 'location',
  costAccountId: 'cost_account',
  typeId: 'type',
  layoutId: 'layout',
  type: 'type',
  status: 'status',
  encryption: 'encryption',
  startingAfter: 'starting_after',
  endingBefore: 'ending_before',
  addressPreference: 'address_preference',
  identificationType: 'id_type',
  gender: 'gender',
  prefix: 'prefix',
  suffix: 'suffix',
  productionStatus: 'production_status',
};

/** Filters whose values are CardExchange object GUIDs, checked before any call. */
const GUID_FILTERS = new Set(['personId', 'cardholderId']);

export function toListQuery(search: string | null | undefined, filter: object | null | undefined): CxListQuery {
  const query: CxListQuery = {};
  if (search && search.trim() !== '') query.q = search.trim();
  for (const [name, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null) continue;
    const parameter = PARAMETER_OF[name];
    if (!parameter) throw new Error(`No CardExchange parameter is mapped for filter "${name}"`);
    if (GUID_FILTERS.has(name)) requireGuid(String(value), `filter.${name}`);
    query[parameter] = String(value);
  }
  return query;
}
