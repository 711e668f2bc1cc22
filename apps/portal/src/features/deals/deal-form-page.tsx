import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import { DealForm } from './deal-form';
import { dealValuesFrom, emptyDealValues } from './deal-form-values';
import { dealReference } from './deal-status';
import { DealFormContextDocument, DealRegistrationDocument } from './deals.documents';
import type { CatalogueProduct } from './product-lines-input';

/** `/deals/new` registers a deal; `/deals/:id/edit` edits a draft or a registration sent back for more information. */
export default function DealFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const context = useQuery(DealFormContextDocument, { fetchPolicy: 'cache-and-network' });
  const existing = useQuery(DealRegistrationDocument, { variables: { id: id ?? '' }, skip: !id });
  const organisation = context.data?.me.organisation;
  const deal = existing.data?.dealRegistration;
  const programs = organisation?.enrolments.map((e) => e.program) ?? [];
  const title = deal ? t('dealForm.editTitle', { reference: dealReference(deal.number) }) : t('dealForm.title');
  const loading = (context.loading && !context.data) || (existing.loading && !existing.data);

  // Products no longer offered stay selectable on a registration that already has them.
  const products: CatalogueProduct[] = [...(context.data?.products ?? [])];
  for (const line of deal?.products ?? []) {
    if (!products.some((p) => p.id === line.productId)) products.push({ id: line.productId, sku: line.sku, name: line.name, productLine: line.productLine });
  }

  return (
    <Stack gap="md">
      <Anchor component={Link} to={deal ? `/deals/${deal.id}` : '/deals'} size="sm">
        ← {deal ? dealReference(deal.number) : t('deals.titlePartner')}
      </Anchor>
      <PageTitle documentTitle={title}>{title}</PageTitle>
      {!deal ? (
        <Text c="dimmed" size="sm" mt={-8}>
          {t('dealForm.intro')}
        </Text>
      ) : null}
      <ErrorAlert error={context.error ?? existing.error} onRetry={() => void (context.error ? context.refetch() : existing.refetch())} />
      {loading ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {context.data && programs.length === 0 ? <Alert color="yellow">{t('dealForm.notEnrolled')}</Alert> : null}
      {deal && deal.status !== 'DRAFT' && deal.status !== 'MORE_INFO_REQUESTED' ? (
        <Alert color="yellow" data-testid="deal-not-editable">
          {t('dealForm.notEditable', { status: t(`dealStatus.${deal.status}`).toLowerCase() })}
        </Alert>
      ) : null}
      {organisation && programs.length > 0 && (!id || deal) && (!deal || deal.status === 'DRAFT' || deal.status === 'MORE_INFO_REQUESTED') ? (
        <DealForm
          key={deal?.id ?? 'new'}
          initial={
            deal
              ? dealValuesFrom(deal)
              : emptyDealValues({ country: organisation.country, currency: organisation.currency, programId: programs.length === 1 ? (programs[0]?.id ?? null) : null })
          }
          programs={programs}
          products={products}
          existing={deal ? { id: deal.id, status: deal.status } : undefined}
        />
      ) : null}
    </Stack>
  );
}
