import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Center, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isVendorRole } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { DetailField } from '../../app/components/detail-field';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import type { IncentiveStatementQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { IncentiveStatementDocument } from './incentives.documents';
import { StatementStatusBadge, usePeriodLabel } from './incentive-status';

type Line = IncentiveStatementQuery['incentiveStatement']['lines'][number];

const LINE_COLOR: Record<Line['kind'], string> = { ACCRUAL: 'blue', ADJUSTMENT: 'yellow', CLAWBACK: 'red' };

/** One statement with every line and the fact behind it ("why did I get this?"). */
export default function StatementDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const user = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(IncentiveStatementDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const statement = data?.incentiveStatement;
  const backTo = user && isVendorRole(user.role) ? '/incentives?tab=statements' : '/rewards';

  return (
    <Stack gap="md">
      <Anchor component={Link} to={backTo} size="sm">
        {t('incentives.statement.back')}
      </Anchor>
      <PageTitle documentTitle={t('incentives.statement.title')}>{statement ? t('incentives.statement.heading', { plan: statement.plan?.name ?? t('incentives.unknownPlan'), period: periodLabel(statement.period, format.month) }) : t('incentives.statement.title')}</PageTitle>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!data && loading ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {statement ? (
        <>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 2, md: 4 }} component="dl" m={0}>
              <DetailField label={t('incentives.columns.status')}>
                <StatementStatusBadge status={statement.status} />
              </DetailField>
              <DetailField label={t('incentives.columns.total')} testId="statement-total">
                {format.money(statement.total, statement.currency)}
              </DetailField>
              <DetailField label={t('incentives.statement.lines')}>{format.number(statement.lineCount)}</DetailField>
              <DetailField label={t('incentives.statement.payment')} testId="statement-payment">
                {statement.paymentMethod
                  ? `${t(`incentives.paymentMethod.${statement.paymentMethod}`)}${statement.pointsAwarded ? ` · ${t('incentives.points', { points: format.number(statement.pointsAwarded) })}` : ''}`
                  : null}
              </DetailField>
              <DetailField label={t('incentives.statement.approvedAt')}>{statement.approvedAt ? format.dateTime(statement.approvedAt) : null}</DetailField>
              <DetailField label={t('incentives.statement.paidAt')}>{statement.paidAt ? format.dateTime(statement.paidAt) : null}</DetailField>
              <DetailField label={t('incentives.statement.daysToPayment')}>{statement.daysToPayment === null ? null : t('incentives.statement.days', { count: statement.daysToPayment })}</DetailField>
            </SimpleGrid>
          </Paper>
          <Title order={2} size="h4">
            {t('incentives.statement.why')}
          </Title>
          <Table.ScrollContainer minWidth={820}>
            <Table striped verticalSpacing="sm" data-testid="statement-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('incentives.columns.source')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.columns.kind')}</Table.Th>
                  <Table.Th scope="col">{t('incentives.columns.rule')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('incentives.columns.base')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('incentives.columns.rate')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('incentives.columns.amount')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {statement.lines.map((line) => (
                  <Table.Tr key={line.id} data-testid="statement-line" data-source-type={line.source.type} data-source-id={line.source.id}>
                    <Table.Td>
                      {line.source.type === 'DEAL' ? (
                        <Anchor component={Link} to={`/deals/${line.source.id}`} data-testid="line-source-link">
                          {line.source.label}
                        </Anchor>
                      ) : (
                        // Rebate volumes, revenue movements, renewals, NRR periods and referral months carry labels that say what they are.
                        <Text size="sm" data-testid="line-source-label">
                          {line.source.label}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {format.day(line.eventDate)}
                        {line.eventPeriod !== line.period ? ` · ${t('incentives.statement.latePeriod', { period: periodLabel(line.eventPeriod, format.month) })}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={LINE_COLOR[line.kind]}>
                        {t(`incentives.lineKind.${line.kind}`)}
                      </Badge>
                      {line.reason ? (
                        <Text size="xs" c="dimmed" data-testid="line-reason">
                          {line.reason}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{line.rule}</Text>
                      {line.cappedBy ? (
                        <Text size="xs" c="orange">
                          {t(`incentives.cappedBy.${line.cappedBy === 'BUDGET' ? 'BUDGET' : 'REP_CAP'}`)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">{line.base ? format.money(line.base, line.currency) : '—'}</Table.Td>
                    <Table.Td ta="right">{line.rate ? format.percent(line.rate) : '—'}</Table.Td>
                    <Table.Td ta="right" fw={600} data-testid="line-amount">
                      {format.money(line.amount, line.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="flex-end">
            <Text fw={600}>{t('incentives.statement.totalLine', { amount: format.money(statement.total, statement.currency) })}</Text>
          </Group>
        </>
      ) : null}
    </Stack>
  );
}
