import { useQuery } from '@apollo/client/react';
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { PARTNER_COUNTRIES } from './countries';
import type { FilterKey } from './partner-filter-state';
import { PartnerFilterOptionsDocument } from './partners.documents';

interface PartnerFiltersProps {
  values: Record<FilterKey, string>;
  onChange: (changes: Partial<Record<FilterKey, string>>) => void;
}

export function PartnerFilters({ values, onChange }: PartnerFiltersProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useQuery(PartnerFilterOptionsDocument);
  const [searchText, setSearchText] = useState(values.search);
  // Typing updates the field at once but the query (and URL) only once the text settles.
  const pushSearch = useDebouncedCallback((text: string) => onChange({ search: text }), 300);

  const programs = data?.programs ?? [];
  const tiers = programs.find((p) => p.id === values.programId)?.tiers ?? [];
  const managers = data?.users.edges.map((e) => e.node) ?? [];
  const anyFilter = Object.values(values).some(Boolean);

  return (
    <Stack gap="xs" role="search" aria-label={t('partners.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="sm" verticalSpacing="sm">
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
        <Select
          data-testid="filter-program"
          label={t('partners.program')}
          placeholder={t('common.all')}
          clearable
          value={values.programId || null}
          onChange={(value) => onChange({ programId: value ?? '', tierId: '' })}
          data={programs.map((p) => ({ value: p.id, label: p.name }))}
        />
        <Select
          data-testid="filter-tier"
          label={t('partners.tier')}
          placeholder={values.programId ? t('common.all') : t('partners.chooseProgramFirst')}
          disabled={!values.programId}
          clearable
          value={values.tierId || null}
          onChange={(value) => onChange({ tierId: value ?? '' })}
          data={[...tiers].sort((a, b) => a.rank - b.rank).map((tier) => ({ value: tier.id, label: tier.name }))}
        />
        <Select
          data-testid="filter-country"
          label={t('partners.country')}
          placeholder={t('common.all')}
          clearable
          value={values.country || null}
          onChange={(value) => onChange({ country: value ?? '' })}
          data={PARTNER_COUNTRIES.map((code) => ({ value: code, label: format.country(code) }))}
        />
        <Select
          data-testid="filter-manager"
          label={t('partners.manager')}
          placeholder={t('common.all')}
          clearable
          value={values.channelManagerId || null}
          onChange={(value) => onChange({ channelManagerId: value ?? '' })}
          data={managers.map((m) => ({ value: m.id, label: m.name }))}
        />
        <Select
          data-testid="filter-status"
          label={t('partners.status')}
          placeholder={t('common.all')}
          clearable
          value={values.status || null}
          onChange={(value) => onChange({ status: value ?? '' })}
          data={[
            { value: 'ACTIVE', label: t('organisationStatus.ACTIVE') },
            { value: 'SUSPENDED', label: t('organisationStatus.SUSPENDED') },
          ]}
        />
      </SimpleGrid>
      {anyFilter ? (
        <Group>
          <Button
            variant="subtle"
            onClick={() => {
              pushSearch.cancel();
              setSearchText('');
              onChange({ search: '', programId: '', tierId: '', country: '', channelManagerId: '', status: '' });
            }}
          >
            {t('partners.clearFilters')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
