import { useQuery } from '@apollo/client/react';
import { List, MultiSelect, Text } from '@mantine/core';
import { firstYearValueMinor } from '@prm/domain/deals';
import { useTranslation } from 'react-i18next';
import type { MdfWonDealFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { dealReference } from '../deals/deal-status';
import { amountMinor, plainAmount } from './mdf-money';
import { MdfWonDealsDocument } from './mdf.documents';

/** A claim links at most this many deals (the API's limit). */
const MAX_DEALS = 50;

/** The won value the API records when a claim links the deal: actual MRR × 12 + actual one-time. */
const wonValue = (deal: MdfWonDealFragment): string =>
  plainAmount(firstYearValueMinor(amountMinor(deal.actualMrr ?? '0', deal.currency) ?? 0n, amountMinor(deal.actualOneTime ?? '0', deal.currency) ?? 0n), deal.currency);

function useWonDeals(organisationId: string) {
  const { data, loading, error } = useQuery(MdfWonDealsDocument, { variables: { organisationId }, fetchPolicy: 'cache-and-network' });
  return { deals: data?.dealRegistrations.edges.map((edge) => edge.node) ?? [], loading: loading && !data, error };
}

/** Partners: pick the organisation's won deals the activity influenced. */
export function ClaimDealsSelect({ organisationId, value, onChange, disabled, error }: { organisationId: string; value: string[]; onChange: (ids: string[]) => void; disabled: boolean; error: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { deals, loading, error: loadError } = useWonDeals(organisationId);
  const chosen = deals.filter((deal) => value.includes(deal.id));
  const totals = new Map<string, bigint>();
  for (const deal of chosen) totals.set(deal.currency, (totals.get(deal.currency) ?? 0n) + (amountMinor(wonValue(deal), deal.currency) ?? 0n));
  return (
    <>
      <MultiSelect
        label={t('mdf.claimForm.fields.dealIds')}
        description={t('mdf.claimForm.dealsHint')}
        placeholder={deals.length === 0 && !loading ? t('mdf.claimForm.noWonDeals') : t('mdf.claimForm.chooseDeals')}
        searchable
        clearable
        hidePickedOptions
        maxValues={MAX_DEALS}
        nothingFoundMessage={t('mdf.claimForm.noDealFound')}
        data={deals.map((deal) => ({ value: deal.id, label: `${dealReference(deal.number)} · ${deal.customerName} · ${format.money(wonValue(deal), deal.currency)}` }))}
        value={value}
        onChange={onChange}
        disabled={disabled || loading}
        error={error ?? (loadError ? t('mdf.claimForm.dealsUnavailable') : undefined)}
        data-testid="claim-deals"
      />
      {chosen.length > 0 ? (
        <Text size="sm" mt="xs" data-testid="claim-deals-total">
          {t('mdf.claimForm.dealsTotal', { count: chosen.length, total: format.list([...totals].map(([currency, minor]) => format.money(plainAmount(minor, currency), currency))) })}
        </Text>
      ) : null}
    </>
  );
}

/** The won deals a claim links to: number, customer and won value. */
export function ClaimDealsList({ organisationId, dealIds }: { organisationId: string; dealIds: readonly string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { deals, loading } = useWonDeals(organisationId);
  const linked = deals.filter((deal) => dealIds.includes(deal.id));
  // A deal reversed since it was linked is no longer among the won ones.
  const unlisted = loading ? 0 : dealIds.length - linked.length;
  return (
    <div data-testid="claim-deals-linked">
      <Text size="xs" c="dimmed" mb={2}>
        {t('mdf.claim.deals')}
      </Text>
      <List size="sm" spacing={2}>
        {linked.map((deal) => (
          <List.Item key={deal.id} data-testid="claim-deal" data-deal-id={deal.id}>
            {dealReference(deal.number)} · {deal.customerName} · {format.money(wonValue(deal), deal.currency)}
          </List.Item>
        ))}
        {unlisted > 0 ? <List.Item c="dimmed">{t('mdf.claim.dealsUnlisted', { count: unlisted })}</List.Item> : null}
      </List>
    </div>
  );
}
