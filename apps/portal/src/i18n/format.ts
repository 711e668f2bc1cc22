import type { Metric } from '../gql/graphql';
import type { Language } from './languages';

export type LocaleTag = 'en-GB' | 'nl-NL';

export const localeFor = (language: Language): LocaleTag => (language === 'nl' ? 'nl-NL' : 'en-GB');

/** Decimal strings from the API are exact; converting to a number is only for display. */
const toNumber = (value: string | number): number => (typeof value === 'number' ? value : Number(value));

export interface Formatters {
  locale: LocaleTag;
  number: (value: string | number) => string;
  /** A percentage written as the API sends it: "12.5" means 12.5 %. */
  percent: (value: string | number) => string;
  eur: (value: string | number) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  metric: (metric: Metric, value: string | number) => string;
  country: (code: string) => string;
}

const cache = new Map<LocaleTag, Formatters>();

export function formattersFor(locale: LocaleTag): Formatters {
  const existing = cache.get(locale);
  if (existing) return existing;

  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 });
  const eurFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const regionNames = new Intl.DisplayNames([locale], { type: 'region' });

  const number = (value: string | number): string => numberFormat.format(toNumber(value));
  const percent = (value: string | number): string => percentFormat.format(toNumber(value) / 100);
  const eur = (value: string | number): string => eurFormat.format(toNumber(value));

  const formatters: Formatters = {
    locale,
    number,
    percent,
    eur,
    date: (iso) => dateFormat.format(new Date(iso)),
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    metric: (metric, value) => {
      switch (metric) {
        case 'T12M_ARR_SOLD':
          return eur(value);
        case 'NRR_PCT':
        case 'MDF_UTILISATION_PCT':
          return percent(value);
        case 'WON_DEALS':
        case 'CERTIFIED_PEOPLE':
          return number(value);
      }
    },
    country: (code) => {
      try {
        return regionNames.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
  cache.set(locale, formatters);
  return formatters;
}
