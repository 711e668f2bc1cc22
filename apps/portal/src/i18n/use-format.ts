import { useTranslation } from 'react-i18next';
import { formattersFor, localeFor, type Formatters } from './format';
import { currentLanguage } from './i18n';

/** Intl formatters for the language the user chose. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(localeFor(currentLanguage(i18n.resolvedLanguage ?? i18n.language)));
}
