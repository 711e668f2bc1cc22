/** Countries the partner network operates in; the API accepts any ISO 3166-1 alpha-2 code. */
export const PARTNER_COUNTRIES = ['NL', 'BE', 'LU', 'DE', 'FR', 'GB'] as const;
