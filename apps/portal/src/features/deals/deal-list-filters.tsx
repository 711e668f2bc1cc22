import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusChips } from '../../app/components/status-chips';
import type { DealStatus } from '../../gql/graphql';
import { DealSearchInput } from './deal-search-input';
import { DEAL_STATUSES } from './deal-status';

interface DealListFiltersProps {
  statuses: readonly DealStatus[];
  search: string;
  /** Vendor staff never see drafts, so the chip is left out for them. */
  showDrafts: boolean;
  onChange: (changes: { statuses?: DealStatus[]; search?: string }) => void;
}

/** Status chips (none chosen: every status) and a search on customer name or domain. */
export function DealListFilters({ statuses, search, showDrafts, onChange }: DealListFiltersProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="search" aria-label={t('deals.filters')}>
      <DealSearchInput value={search} onSearch={(text) => onChange({ search: text })} />
      <StatusChips
        offered={DEAL_STATUSES.filter((status) => showDrafts || status !== 'DRAFT')}
        value={statuses}
        onChange={(next) => onChange({ statuses: next })}
        label={(status) => t(`dealStatus.${status}`)}
        groupLabel={t('deals.statusFilter')}
      />
    </Stack>
  );
}
