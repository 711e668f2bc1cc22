import { Anchor, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LeadRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { LeadStatusBadge } from './lead-status-badge';
import { leadLabel } from './lead-status';
import { RespondByCountdown } from './respond-by-countdown';

export type LeadColumn = 'country' | 'status' | 'partner' | 'contact' | 'value' | 'respondBy' | 'registration';

interface LeadTableProps {
  leads: readonly LeadRowFragment[];
  /** The columns after the lead itself, in order. */
  columns: readonly LeadColumn[];
  /** Opens the lead's details. */
  onOpen: (id: string) => void;
  /** Buttons at the end of each row; none for read-only users. */
  actions?: (lead: LeadRowFragment) => ReactNode;
  testId?: string;
}

const dash = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

/** Leads as a table: the vendor's pool, a partner's leads waiting for an answer or accepted ones. */
export function LeadTable({ leads, columns, onOpen, actions, testId = 'lead-table' }: LeadTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const cell: Record<LeadColumn, (lead: LeadRowFragment) => ReactNode> = {
    country: (lead) => [lead.city, format.country(lead.country)].filter(Boolean).join(', '),
    status: (lead) => <LeadStatusBadge status={lead.status} />,
    partner: (lead) => (lead.assignedOrganisation ? <span data-testid="lead-partner-name">{lead.assignedOrganisation.name}</span> : dash),
    contact: (lead) => lead.contactName ?? dash,
    value: (lead) => (Number(lead.estimatedMrr) > 0 ? format.money(lead.estimatedMrr, lead.currency) : dash),
    respondBy: (lead) => (lead.status === 'ASSIGNED' && lead.respondBy ? <RespondByCountdown respondBy={lead.respondBy} /> : dash),
    registration: (lead) =>
      lead.registrationId ? (
        <Anchor component={Link} to={`/deals/${lead.registrationId}`} size="sm" data-testid="lead-registration">
          {t('leads.openRegistration')}
        </Anchor>
      ) : (
        dash
      ),
  };
  const numeric = (column: LeadColumn) => column === 'value';

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('leads.columns.lead')}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column} scope="col" ta={numeric(column) ? 'right' : undefined}>
                {t(`leads.columns.${column}`)}
              </Table.Th>
            ))}
            {actions ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.map((lead) => (
            <Table.Tr key={lead.id} data-testid="lead-row" data-lead-id={lead.id}>
              <Table.Td>
                <Anchor component="button" type="button" fw={500} ta="left" onClick={() => onOpen(lead.id)} data-testid="lead-open">
                  {leadLabel(lead)}
                </Anchor>
                {lead.domain ? (
                  <Text size="xs" c="dimmed">
                    {lead.domain}
                  </Text>
                ) : null}
              </Table.Td>
              {columns.map((column) => (
                <Table.Td key={column} ta={numeric(column) ? 'right' : undefined}>
                  {cell[column](lead)}
                </Table.Td>
              ))}
              {actions ? (
                <Table.Td>
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {actions(lead)}
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
