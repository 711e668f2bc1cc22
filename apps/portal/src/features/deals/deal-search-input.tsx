import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../app/components/search-input';

/** Search on customer name or domain. */
export function DealSearchInput({ value, onSearch }: { value: string; onSearch: (text: string) => void }) {
  const { t } = useTranslation();
  return <SearchInput value={value} onSearch={onSearch} label={t('deals.search')} placeholder={t('deals.searchPlaceholder')} testId="deal-search" />;
}
