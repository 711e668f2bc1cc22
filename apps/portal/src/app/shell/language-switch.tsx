import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import { isLanguage } from '../../i18n/languages';

/** English/Dutch switch; the choice is stored and `<html lang>` follows it (see i18n.ts). */
export function LanguageSwitch({ showLabel = false }: { showLabel?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (
    <NativeSelect
      data-testid="lang-switch"
      size="xs"
      w={showLabel ? undefined : 120}
      label={showLabel ? t('language.label') : undefined}
      aria-label={showLabel ? undefined : t('language.label')}
      value={language}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLanguage(next)) void i18n.changeLanguage(next);
      }}
      data={[
        // Each language is named in itself, so people can find theirs whatever the current one is.
        { value: 'en', label: 'English' },
        { value: 'nl', label: 'Nederlands' },
      ]}
    />
  );
}
