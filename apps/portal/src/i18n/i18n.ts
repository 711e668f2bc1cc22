import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';
import { initialLanguage, isLanguage, storeLanguage, type Language } from './languages';

export const resources = { en: { translation: en }, nl: { translation: nl } } as const;

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

export function initI18n(): typeof i18n {
  const lng = initialLanguage();
  void i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'nl'],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  applyDocumentLanguage(lng);
  i18n.on('languageChanged', (language) => {
    applyDocumentLanguage(language);
    if (isLanguage(language)) storeLanguage(language);
  });
  return i18n;
}

export function currentLanguage(language: string | undefined): Language {
  return isLanguage(language) ? language : 'en';
}
