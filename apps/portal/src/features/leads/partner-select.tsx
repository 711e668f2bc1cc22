import { useQuery } from '@apollo/client/react';
import { Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { LeadPartnerOptionsDocument } from './leads.documents';

export interface PickedPartner {
  id: string;
  name: string;
}

interface PartnerSelectProps {
  value: PickedPartner | null;
  onChange: (partner: PickedPartner | null) => void;
  error?: string;
  testId?: string;
}

const OPTIONS = 20;

/**
 * An active partner, found by what is typed (the partner directory's search: name, city or domain).
 * The API searches, so the options are shown as it returns them.
 */
export function PartnerSelect({ value, onChange, error, testId = 'partner-select' }: PartnerSelectProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState(value?.name ?? '');
  const [settled] = useDebouncedValue(search.trim(), 300);
  // The chosen partner's name in the field is not a new search.
  const query = value && settled === value.name ? '' : settled;
  const { data, previousData, loading } = useQuery(LeadPartnerOptionsDocument, {
    variables: { first: OPTIONS, filter: { status: 'ACTIVE', ...(query ? { search: query } : {}) } },
  });
  const partners = (data ?? previousData)?.partners.edges.map((edge) => edge.node) ?? [];
  const location = new Map(partners.map((p) => [p.id, [p.city, format.country(p.country)].filter(Boolean).join(', ')]));
  const options = value && !partners.some((p) => p.id === value.id) ? [value, ...partners] : partners;

  return (
    <Select
      label={t('leads.partner')}
      placeholder={t('leads.partnerPlaceholder')}
      required
      searchable
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const partner = options.find((p) => p.id === id);
        onChange(partner ? { id: partner.id, name: partner.name } : null);
      }}
      data={options.map((p) => ({ value: p.id, label: p.name }))}
      filter={({ options: shown }) => shown}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          {location.get(option.value) ? (
            <Text size="xs" c="dimmed">
              {location.get(option.value)}
            </Text>
          ) : null}
        </Stack>
      )}
      nothingFoundMessage={loading ? t('common.loading') : t('leads.noPartners')}
      rightSection={loading ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
      error={error}
      data-testid={testId}
    />
  );
}
