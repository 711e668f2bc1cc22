import type { Formatters } from '../../i18n/format';

/**
 * Countries offered for an end customer, searchable by name; the API accepts any ISO 3166-1
 * alpha-2 code, and a registration's own country is always added to the list.
 */
export const CUSTOMER_COUNTRIES: readonly string[] = [
  'NL', 'BE', 'LU', 'DE', 'FR', 'GB', 'IE', 'AT', 'CH', 'DK', 'SE', 'NO', 'FI', 'IS', 'ES', 'PT', 'IT', 'MT', 'GR', 'CY',
  'PL', 'CZ', 'SK', 'HU', 'SI', 'HR', 'RO', 'BG', 'EE', 'LV', 'LT', 'US', 'CA',
];

/** Select options "Netherlands (NL)", with `include` (a saved record's own country) added when it is not in the list. */
export function customerCountryOptions(format: Formatters, include?: string | null): { value: string; label: string }[] {
  const codes = include && !CUSTOMER_COUNTRIES.includes(include) ? [include, ...CUSTOMER_COUNTRIES] : CUSTOMER_COUNTRIES;
  return codes.map((code) => ({ value: code, label: `${format.country(code)} (${code})` }));
}
