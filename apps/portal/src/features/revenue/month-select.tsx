import { Select } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParamValues } from '../../app/routing/use-search-param-values';
import { useFormat } from '../../i18n/use-format';
import { isMonth, recentMonths } from './revenue-figures';

/** How far back the month choice goes. */
const MONTHS_OFFERED = 24;
const URL_KEYS = ['month'] as const;

/** The month the revenue figures are for, kept in the URL (YYYY-MM); null is the current month. */
export function useRevenueMonth(): { month: string | null; setMonth: (month: string) => void } {
  const { values, set } = useSearchParamValues(URL_KEYS);
  const month = isMonth(values.month) ? values.month : null;
  const setMonth = useCallback((next: string) => set({ month: next === recentMonths(1)[0] ? '' : next }), [set]);
  return { month, setMonth };
}

/** The month choice of the revenue figures: this month or one of the 23 before it. */
export function MonthSelect({ value, onChange }: { value: string | null; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const recent = useMemo(() => recentMonths(MONTHS_OFFERED), []);
  // A month picked on the trend chart can lie further back than the list goes.
  const months = value && !recent.includes(value) ? [...recent, value] : recent;
  return (
    <Select
      label={t('revenue.month')}
      w={260}
      allowDeselect={false}
      value={value ?? months[0] ?? null}
      onChange={(next) => {
        if (next) onChange(next);
      }}
      data={months.map((month, index) => ({ value: month, label: index === 0 ? t('revenue.thisMonth', { month: format.month(month) }) : format.month(month) }))}
      data-testid="revenue-month"
    />
  );
}
