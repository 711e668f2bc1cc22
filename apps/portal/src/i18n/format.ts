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
  /** An amount in the given ISO currency, e.g. money("1250.00", "EUR"). */
  money: (value: string | number, currency: string) => string;
  date: (iso: string) => string;
  /** A calendar day sent as YYYY-MM-DD (no time, no time zone). */
  day: (ymd: string) => string;
  dateTime: (iso: string) => string;
  /** A month sent as YYYY-MM: "March 2026" / "maart 2026". */
  month: (ym: string) => string;
  /** A month for a chart axis, YYYY-MM: "Mar 26" / "mrt 26". */
  monthShort: (ym: string) => string;
  /** An amount for a chart axis, rounded and shortened: "€12K" / "€ 12K". */
  moneyCompact: (value: string | number, currency: string) => string;
  metric: (metric: Metric, value: string | number) => string;
  country: (code: string) => string;
  /** "14 and 3" / "14 en 3". */
  list: (items: readonly string[]) => string;
}

const cache = new Map<LocaleTag, Formatters>();

export function formattersFor(locale: LocaleTag): Formatters {
  const existing = cache.get(locale);
  if (existing) return existing;

  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  // A YYYY-MM-DD day is read as midnight UTC and shown in UTC, so it never shifts by a time zone.
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthShortFormat = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const moneyFormats = new Map<string, Intl.NumberFormat | null>();
  const regionNames = new Intl.DisplayNames([locale], { type: 'region' });
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });

  const number = (value: string | number): string => numberFormat.format(toNumber(value));
  const percent = (value: string | number): string => percentFormat.format(toNumber(value) / 100);
  /** One formatter per currency and style; null for a code Intl does not know. */
  const currencyFormat = (currency: string, compact: boolean): Intl.NumberFormat | null => {
    const key = `${currency}:${compact ? 'compact' : 'full'}`;
    if (!moneyFormats.has(key)) {
      try {
        moneyFormats.set(key, new Intl.NumberFormat(locale, { style: 'currency', currency, ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}) }));
      } catch {
        moneyFormats.set(key, null);
      }
    }
    return moneyFormats.get(key) ?? null;
  };
  // An unknown code: the number with the code after it.
  const money = (value: string | number, currency: string): string => currencyFormat(currency, false)?.format(toNumber(value)) ?? `${number(value)} ${currency}`;
  const eur = (value: string | number): string => money(value, 'EUR');
  const monthOf = (ym: string, format: Intl.DateTimeFormat): string => {
    const date = new Date(`${ym}-01T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? ym : format.format(date);
  };

  const formatters: Formatters = {
    locale,
    number,
    percent,
    eur,
    money,
    date: (iso) => dateFormat.format(new Date(iso)),
    day: (ymd) => {
      const date = new Date(`${ymd}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? ymd : dayFormat.format(date);
    },
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    month: (ym) => monthOf(ym, monthFormat),
    monthShort: (ym) => monthOf(ym, monthShortFormat),
    moneyCompact: (value, currency) => currencyFormat(currency, true)?.format(toNumber(value)) ?? `${number(value)} ${currency}`,
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
    list: (items) => listFormat.format(items),
  };
  cache.set(locale, formatters);
  return formatters;
}
