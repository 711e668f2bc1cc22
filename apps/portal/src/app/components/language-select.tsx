import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../gql/graphql';

/** An organisation's preferred language (en/nl) in forms. */
export function LanguageSelect({ value, onChange, error }: { value: Language; onChange: (value: Language) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('partner.fields.preferredLanguage')}
      allowDeselect={false}
      value={value}
      onChange={(next) => (next === 'en' || next === 'nl') && onChange(next)}
      data={[
        { value: 'en', label: t('languageNames.en') },
        { value: 'nl', label: t('languageNames.nl') },
      ]}
      error={error}
    />
  );
}
