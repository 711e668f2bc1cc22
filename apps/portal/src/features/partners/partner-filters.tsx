import { useQuery } from '@apollo/client/react';
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { PARTNER_COUNTRIES } from './countries';
import { FILTER_KEYS, type FilterKey } from './partner-filter-state';
import { PartnerFilterOptionsDocument } from './partners.documents';

interface FilterSelectProps {
  testId: string;
  label: string;
  /** '' when nothing is chosen. */
  value: string;
  onChange: (value: string) => void;
  data: { value: string; label: string }[];
  placeholder?: string;
  disabled?: boolean;
}

/** One clearable choice of the filters: empty means all. */
function FilterSelect({ testId, label, value, onChange, data, placeholder, disabled }: FilterSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      data-testid={testId}
      label={label}
      placeholder={placeholder ?? t('common.all')}
      disabled={disabled}
      clearable
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      data={data}
    />
  );
}

interface PartnerFiltersProps {
  values: Record<FilterKey, string>;
  onChange: (changes: Partial<Record<FilterKey, string>>) => void;
  /** The filters offered (default: all); lists that filter by less, such as the revenue leaderboard, show only theirs. */
  fields?: readonly FilterKey[];
  /** Accessible name of the filter group. */
  label?: string;
}

export function PartnerFilters({ values, onChange, fields = FILTER_KEYS, label }: PartnerFiltersProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useQuery(PartnerFilterOptionsDocument);
  const [searchText, setSearchText] = useState(values.search);
  // Typing updates the field at once but the query (and URL) only once the text settles.
  const pushSearch = useDebouncedCallback((text: string) => onChange({ search: text }), 300);

  const programs = data?.programs ?? [];
  const tiers = programs.find((p) => p.id === values.programId)?.tiers ?? [];
  const managers = data?.users.edges.map((e) => e.node) ?? [];
  const offered = (key: FilterKey) => fields.includes(key);
  const anyFilter = fields.some((key) => Boolean(values[key]));

  return (
    <Stack gap="xs" role="search" aria-label={label ?? t('partners.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: fields.length }} spacing="sm" verticalSpacing="sm">
        {offered('search') ? (
          <TextInput
            data-testid="partner-search"
            type="search"
            label={t('partners.search')}
            placeholder={t('partners.searchPlaceholder')}
            value={searchText}
            onChange={(event) => {
              setSearchText(event.currentTarget.value);
              pushSearch(event.currentTarget.value);
            }}
          />
        ) : null}
        {offered('programId') ? (
          <FilterSelect testId="filter-program" label={t('partners.program')} value={values.programId} onChange={(value) => onChange({ programId: value, tierId: '' })} data={programs.map((p) => ({ value: p.id, label: p.name }))} />
        ) : null}
        {offered('tierId') ? (
          <FilterSelect
            testId="filter-tier"
            label={t('partners.tier')}
            placeholder={values.programId ? undefined : t('partners.chooseProgramFirst')}
            disabled={!values.programId}
            value={values.tierId}
            onChange={(value) => onChange({ tierId: value })}
            data={[...tiers].sort((a, b) => a.rank - b.rank).map((tier) => ({ value: tier.id, label: tier.name }))}
          />
        ) : null}
        {offered('country') ? (
          <FilterSelect testId="filter-country" label={t('partners.country')} value={values.country} onChange={(value) => onChange({ country: value })} data={PARTNER_COUNTRIES.map((code) => ({ value: code, label: format.country(code) }))} />
        ) : null}
        {offered('channelManagerId') ? (
          <FilterSelect testId="filter-manager" label={t('partners.manager')} value={values.channelManagerId} onChange={(value) => onChange({ channelManagerId: value })} data={managers.map((m) => ({ value: m.id, label: m.name }))} />
        ) : null}
        {offered('status') ? (
          <FilterSelect
            testId="filter-status"
            label={t('partners.status')}
            value={values.status}
            onChange={(value) => onChange({ status: value })}
            data={[
              { value: 'ACTIVE', label: t('organisationStatus.ACTIVE') },
              { value: 'SUSPENDED', label: t('organisationStatus.SUSPENDED') },
            ]}
          />
        ) : null}
      </SimpleGrid>
      {anyFilter ? (
        <Group>
          <Button
            variant="subtle"
            onClick={() => {
              pushSearch.cancel();
              setSearchText('');
              onChange(Object.fromEntries(fields.map((key) => [key, ''])));
            }}
          >
            {t('partners.clearFilters')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
