import type { TFunction } from 'i18next';
import { toCsv } from '../../app/files/csv';
import type { DealRowFragment } from '../../gql/graphql';
import { dealReference } from './deal-status';

/**
 * The loaded rows of the deal list as CSV, built in the browser. Amounts and dates are written as
 * the API sends them (1250.00, 2027-02-23) so spreadsheets read them as numbers and dates.
 */
export function dealsCsv(rows: readonly DealRowFragment[], t: TFunction, withPartner: boolean): string {
  const header = [
    t('deals.csv.reference'),
    t('deals.csv.customer'),
    t('deals.csv.domain'),
    t('deals.csv.country'),
    ...(withPartner ? [t('deals.csv.partner')] : []),
    t('deals.csv.status'),
    t('deals.csv.salesStage'),
    t('deals.csv.currency'),
    t('deals.csv.mrr'),
    t('deals.csv.oneTime'),
    t('deals.csv.firstYearValue'),
    t('deals.csv.expectedClose'),
    t('deals.csv.protectionEnds'),
    t('deals.csv.created'),
  ];
  const body = rows.map((deal) => [
    dealReference(deal.number),
    deal.customerName,
    deal.customerDomain,
    deal.customerCountry,
    ...(withPartner ? [deal.organisation?.name] : []),
    t(`dealStatus.${deal.status}`),
    t(`salesStage.${deal.salesStage}`),
    deal.currency,
    deal.estimatedMrr,
    deal.estimatedOneTime,
    deal.estimatedFirstYearValue,
    deal.expectedCloseDate,
    deal.protectionEndsAt?.slice(0, 10),
    deal.createdAt.slice(0, 10),
  ]);
  return toCsv(header, body);
}
