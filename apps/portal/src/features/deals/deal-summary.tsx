import { Anchor, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailField as Field, websiteHref } from '../../app/components/detail-field';
import type { DealDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';

/** The end customer and the contact there; also the left side of the vendor's conflict comparison. */
export function CustomerFields({ deal, cols = 3 }: { deal: DealDetailFragment; cols?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid component="dl" m={0} cols={{ base: 1, xs: Math.min(2, cols), md: cols }} spacing="md" verticalSpacing="sm" data-testid="deal-customer">
      <Field label={t('dealForm.fields.customerName')}>{deal.customerName}</Field>
      <Field label={t('dealDetail.domain')}>
        {deal.customerDomain ? (
          <Anchor href={websiteHref(deal.customerDomain)} target="_blank" rel="noreferrer noopener">
            {deal.customerDomain}
          </Anchor>
        ) : null}
      </Field>
      <Field label={t('dealDetail.location')}>
        {deal.customerCity ? `${deal.customerCity}, ` : ''}
        {format.country(deal.customerCountry)}
      </Field>
      <Field label={t('dealForm.fields.contactName')}>{deal.contactName}</Field>
      <Field label={t('dealForm.fields.contactEmail')}>
        {deal.contactEmail ? <Anchor href={`mailto:${deal.contactEmail}`}>{deal.contactEmail}</Anchor> : null}
      </Field>
      <Field label={t('dealForm.fields.contactPhone')}>{deal.contactPhone}</Field>
    </SimpleGrid>
  );
}

export function DealSummary({ deal, withPartner }: { deal: DealDetailFragment; withPartner: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (value: string | null) => (value === null ? null : format.money(value, deal.currency));
  return (
    <Stack gap="lg">
      <Card withBorder component="section" aria-labelledby="deal-customer-heading">
        <Title order={2} size="h4" mb="sm" id="deal-customer-heading">
          {t('dealForm.customer')}
        </Title>
        <CustomerFields deal={deal} />
      </Card>
      <Card withBorder component="section" aria-labelledby="deal-deal-heading">
        <Title order={2} size="h4" mb="sm" id="deal-deal-heading">
          {t('dealDetail.deal')}
        </Title>
        <SimpleGrid component="dl" m={0} cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
          {withPartner ? <Field label={t('deals.columns.partner')}>{deal.organisation?.name}</Field> : null}
          <Field label={t('dealForm.fields.salesStage')}>{t(`salesStage.${deal.salesStage}`)}</Field>
          <Field label={t('dealForm.fields.expectedCloseDate')}>{format.day(deal.expectedCloseDate)}</Field>
          <Field label={t('dealForm.fields.estimatedMrr')}>{money(deal.estimatedMrr)}</Field>
          <Field label={t('dealForm.fields.estimatedOneTime')}>{money(deal.estimatedOneTime)}</Field>
          <Field label={t('dealDetail.firstYearValue')} testId="deal-first-year-value">
            {money(deal.estimatedFirstYearValue)}
          </Field>
          {deal.status === 'WON' ? (
            <>
              <Field label={t('dealDetail.actualMrr')}>{money(deal.actualMrr)}</Field>
              <Field label={t('dealDetail.actualOneTime')}>{money(deal.actualOneTime)}</Field>
              <Field label={t('dealDetail.actualCloseDate')}>{deal.actualCloseDate ? format.day(deal.actualCloseDate) : null}</Field>
            </>
          ) : null}
          <Field label={t('dealDetail.fromVendorLead')}>{deal.fromVendorLead ? t('common.yes') : t('common.no')}</Field>
          <Field label={t('dealDetail.created')}>{format.dateTime(deal.createdAt)}</Field>
          <Field label={t('dealDetail.submitted')}>{deal.submittedAt ? format.dateTime(deal.submittedAt) : null}</Field>
        </SimpleGrid>
        {deal.notes ? (
          <Stack gap={0} mt="md">
            <Text size="xs" c="dimmed">
              {t('dealForm.fields.notes')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="deal-notes">
              {deal.notes}
            </Text>
          </Stack>
        ) : null}
      </Card>
      <Stack gap="sm" component="section" aria-labelledby="deal-products-heading">
        <Title order={2} size="h4" id="deal-products-heading">
          {t('dealForm.products')}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" striped data-testid="deal-products">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dealDetail.product')}</Table.Th>
                <Table.Th scope="col">{t('dealDetail.sku')}</Table.Th>
                <Table.Th scope="col">{t('dealDetail.productLine')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dealForm.quantity')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deal.products.map((line) => (
                <Table.Tr key={line.productId} data-testid="deal-product-row">
                  <Table.Td>{line.name}</Table.Td>
                  <Table.Td>{line.sku}</Table.Td>
                  <Table.Td>{line.productLine}</Table.Td>
                  <Table.Td ta="right">{format.number(line.quantity)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Stack>
  );
}
