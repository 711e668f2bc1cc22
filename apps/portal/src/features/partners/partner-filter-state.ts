import { useMemo } from 'react';
import { useSearchParamValues } from '../../app/routing/use-search-param-values';
import type { OrganisationStatus, PartnerFilter } from '../../gql/graphql';

export const FILTER_KEYS = ['search', 'programId', 'tierId', 'country', 'channelManagerId', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const STATUSES: readonly OrganisationStatus[] = ['ACTIVE', 'SUSPENDED'];
const isStatus = (value: string | null): value is OrganisationStatus =>
  value !== null && (STATUSES as readonly string[]).includes(value);

/** Partner list filters live in the URL, so a filtered list can be shared and survives going back. */
export function usePartnerFilterState(): {
  values: Record<FilterKey, string>;
  filter: PartnerFilter;
  set: (changes: Partial<Record<FilterKey, string>>) => void;
} {
  const { values, set } = useSearchParamValues(FILTER_KEYS);

  const filter = useMemo<PartnerFilter>(() => {
    const f: PartnerFilter = {};
    if (values.search.trim()) f.search = values.search.trim();
    if (values.programId) f.programId = values.programId;
    if (values.tierId) f.tierId = values.tierId;
    if (values.country) f.country = values.country;
    if (values.channelManagerId) f.channelManagerId = values.channelManagerId;
    if (isStatus(values.status)) f.status = values.status;
    return f;
  }, [values]);

  return { values, filter, set };
}
