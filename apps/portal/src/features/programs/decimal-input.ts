/** People in the Netherlands type "12,5"; the API wants "12.5". */
export const normaliseDecimal = (value: string): string => value.trim().replace(',', '.');
