import type { CreateDealRegistrationInput, DealDetailFragment, SalesStage, UpdateDealRegistrationInput } from '../../gql/graphql';
import { normaliseDecimal } from '../programs/decimal-input';

export interface ProductLineValue {
  /** React key of the line; lines are added and removed. */
  key: string;
  productId: string | null;
  quantity: number | string;
}

export interface DealFormValues {
  programId: string | null;
  customerName: string;
  customerWebsite: string;
  customerCountry: string | null;
  customerCity: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  products: ProductLineValue[];
  currency: string;
  estimatedMrr: string;
  estimatedOneTime: string;
  expectedCloseDate: string;
  salesStage: SalesStage | null;
  notes: string;
  fromVendorLead: boolean;
}

/** The currencies offered; the organisation's own currency and a registration's currency are added when missing. */
export const DEAL_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'DKK', 'NOK', 'SEK', 'PLN'] as const;

let lineCounter = 0;
export const newProductLine = (productId: string | null = null, quantity = 1): ProductLineValue => {
  lineCounter += 1;
  return { key: `line-${lineCounter}`, productId, quantity };
};

export function emptyDealValues(defaults: { country: string | null; currency: string; programId: string | null }): DealFormValues {
  return {
    programId: defaults.programId,
    customerName: '',
    customerWebsite: '',
    customerCountry: defaults.country,
    customerCity: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    products: [newProductLine()],
    currency: defaults.currency,
    estimatedMrr: '',
    estimatedOneTime: '',
    expectedCloseDate: '',
    salesStage: null,
    notes: '',
    fromVendorLead: false,
  };
}

/** A saved registration as form values (its domain stands in for the website, which is not kept). */
export function dealValuesFrom(deal: DealDetailFragment): DealFormValues {
  const amount = (value: string) => (Number(value) === 0 ? '' : value);
  return {
    programId: deal.programId,
    customerName: deal.customerName,
    customerWebsite: deal.customerDomain ?? '',
    customerCountry: deal.customerCountry,
    customerCity: deal.customerCity ?? '',
    contactName: deal.contactName ?? '',
    contactEmail: deal.contactEmail ?? '',
    contactPhone: deal.contactPhone ?? '',
    // A draft made from a lead may have no products yet: start with one empty line.
    products: deal.products.length > 0 ? deal.products.map((line) => newProductLine(line.productId, line.quantity)) : [newProductLine()],
    currency: deal.currency,
    estimatedMrr: amount(deal.estimatedMrr),
    estimatedOneTime: amount(deal.estimatedOneTime),
    expectedCloseDate: deal.expectedCloseDate,
    salesStage: deal.salesStage,
    notes: deal.notes ?? '',
    fromVendorLead: deal.fromVendorLead,
  };
}

export type RequiredField = 'customerName' | 'customerWebsite' | 'customerCountry' | 'products' | 'expectedCloseDate' | 'salesStage' | 'programId';

/**
 * Fields left empty that the API needs; everything else (formats, dates, minimum value) is checked
 * by the API, whose messages appear under the same fields. A draft may leave the website open.
 */
export function missingFields(values: DealFormValues, submitting: boolean, programChoice: boolean): RequiredField[] {
  const missing: RequiredField[] = [];
  if (programChoice && !values.programId) missing.push('programId');
  if (!values.customerName.trim()) missing.push('customerName');
  if (submitting && !values.customerWebsite.trim()) missing.push('customerWebsite');
  if (!values.customerCountry) missing.push('customerCountry');
  if (!values.products.some((line) => line.productId)) missing.push('products');
  if (!values.expectedCloseDate) missing.push('expectedCloseDate');
  if (!values.salesStage) missing.push('salesStage');
  return missing;
}

/** Optional text: trimmed, or null, which clears the value when editing. */
const optional = (text: string): string | null => text.trim() || null;
/** An empty amount is zero; "1250,50" is read as 1250.50. */
const amount = (text: string): string => normaliseDecimal(text) || '0';

function commonInput(values: DealFormValues, submit: boolean) {
  return {
    customerName: values.customerName.trim(),
    customerWebsite: optional(values.customerWebsite),
    customerCountry: values.customerCountry ?? '',
    customerCity: optional(values.customerCity),
    contactName: optional(values.contactName),
    contactEmail: optional(values.contactEmail),
    contactPhone: optional(values.contactPhone),
    products: values.products.flatMap((line) => (line.productId ? [{ productId: line.productId, quantity: Number(line.quantity) || 1 }] : [])),
    currency: values.currency,
    estimatedMrr: amount(values.estimatedMrr),
    estimatedOneTime: amount(values.estimatedOneTime),
    expectedCloseDate: values.expectedCloseDate,
    salesStage: values.salesStage ?? 'PROSPECTING',
    notes: optional(values.notes),
    // Always sent: the update input defaults a missing flag to false.
    fromVendorLead: values.fromVendorLead,
    submit,
  };
}

export const toCreateInput = (values: DealFormValues, submit: boolean): CreateDealRegistrationInput => ({
  ...commonInput(values, submit),
  programId: values.programId,
});

/** Every field is sent, so what the form shows is what is saved; the program of a registration is fixed. */
export const toUpdateInput = (values: DealFormValues, submit: boolean): UpdateDealRegistrationInput => commonInput(values, submit);

/** The first-year value (MRR × 12 + one-time) as the form shows it before saving; null when an amount is not a number. */
export function firstYearValue(values: Pick<DealFormValues, 'estimatedMrr' | 'estimatedOneTime'>): number | null {
  const mrr = Number(amount(values.estimatedMrr));
  const oneTime = Number(amount(values.estimatedOneTime));
  return Number.isFinite(mrr) && Number.isFinite(oneTime) ? mrr * 12 + oneTime : null;
}
