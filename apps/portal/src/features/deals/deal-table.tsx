import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DealRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { DealStatusBadge } from './deal-status-badge';
import { dealReference } from './deal-status';
import { ProtectionCountdown } from './protection-countdown';

export function DealTable({ deals, withPartner }: { deals: readonly DealRowFragment[]; withPartner: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="deal-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('deals.columns.customer')}</Table.Th>
            {withPartner ? <Table.Th scope="col">{t('deals.columns.partner')}</Table.Th> : null}
            <Table.Th scope="col">{t('deals.columns.status')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('deals.columns.value')}
            </Table.Th>
            <Table.Th scope="col">{t('deals.columns.expectedClose')}</Table.Th>
            <Table.Th scope="col">{t('deals.columns.protection')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deals.map((deal) => (
            <Table.Tr key={deal.id} data-testid="deal-row" data-deal-id={deal.id}>
              <Table.Td>
                <Anchor component={Link} to={`/deals/${deal.id}`} fw={500}>
                  {dealReference(deal.number)} · {deal.customerName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[deal.customerDomain, format.country(deal.customerCountry)].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              {withPartner ? <Table.Td>{deal.organisation?.name ?? '—'}</Table.Td> : null}
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <DealStatusBadge status={deal.status} />
                  <Group gap={4}>
                    {deal.possibleConflict && deal.status === 'SUBMITTED' ? (
                      <Badge size="xs" variant="outline" color="orange" data-testid="possible-conflict">
                        {t('deals.possibleConflict')}
                      </Badge>
                    ) : null}
                    {deal.extensionRequestedAt && deal.status === 'APPROVED' ? (
                      <Badge size="xs" variant="outline" color="grape" data-testid="extension-requested">
                        {t('deals.extensionRequested')}
                      </Badge>
                    ) : null}
                  </Group>
                </Stack>
              </Table.Td>
              <Table.Td ta="right">{format.money(deal.estimatedFirstYearValue, deal.currency)}</Table.Td>
              <Table.Td>{format.day(deal.expectedCloseDate)}</Table.Td>
              <Table.Td>
                {deal.status === 'APPROVED' && deal.protectionEndsAt ? (
                  <ProtectionCountdown endsAt={deal.protectionEndsAt} daysLeft={deal.protectionDaysLeft} />
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
