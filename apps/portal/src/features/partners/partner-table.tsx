import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PartnersQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';

type PartnerNode = PartnersQuery['partners']['edges'][number]['node'];

export function PartnerTable({ partners }: { partners: readonly PartnerNode[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="partner-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('partners.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('partners.columns.location')}</Table.Th>
            <Table.Th scope="col">{t('partners.columns.programTier')}</Table.Th>
            <Table.Th scope="col">{t('partners.columns.manager')}</Table.Th>
            <Table.Th scope="col">{t('partners.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((partner) => (
            <Table.Tr key={partner.id} data-testid="partner-row">
              <Table.Td>
                <Anchor component={Link} to={`/partners/${partner.id}`} fw={500}>
                  {partner.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {partner.city ? `${partner.city}, ` : ''}
                {format.country(partner.country)}
              </Table.Td>
              <Table.Td>
                {partner.enrolments.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('partners.notEnrolled')}
                  </Text>
                ) : (
                  partner.enrolments.map((e) => (
                    <Text key={e.id} size="sm">
                      {e.program.name} · <strong>{e.tier.name}</strong>
                    </Text>
                  ))
                )}
              </Table.Td>
              <Table.Td>{partner.channelManager?.name ?? <Text size="sm" c="dimmed">{t('partners.noManager')}</Text>}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={partner.status === 'ACTIVE' ? 'teal' : 'gray'}>
                  {t(`organisationStatus.${partner.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
