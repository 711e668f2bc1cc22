import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
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
  const [params, setParams] = useSearchParams();

  const values = useMemo<Record<FilterKey, string>>(() => {
    const get = (key: FilterKey): string => params.get(key) ?? '';
    return {
      search: get('search'),
      programId: get('programId'),
      tierId: get('tierId'),
      country: get('country'),
      channelManagerId: get('channelManagerId'),
      status: get('status'),
    };
  }, [params]);

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

  const set = useCallback(
    (changes: Partial<Record<FilterKey, string>>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { values, filter, set };
}
