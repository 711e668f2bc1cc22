import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TierChangesQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { KIND_COLOR } from '../tier-status/tier-change-labels';
import type { Decision } from './decision-form';
import { OrganisationName } from './organisation-name';

export type Proposal = TierChangesQuery['tierChanges']['edges'][number]['node'];

interface ProposalTableProps {
  proposals: readonly Proposal[];
  programName: (id: string) => string;
  tierName: (id: string | null) => string;
  canDecide: boolean;
  onDecide: (proposal: Proposal, decision: Decision) => void;
}

const inGracePeriod = (proposal: Proposal, now: Date): boolean =>
  proposal.effectiveAfter !== null && new Date(proposal.effectiveAfter) > now;

export function ProposalTable({ proposals, programName, tierName, canDecide, onDecide }: ProposalTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = new Date();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" striped data-testid="proposal-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('tierChanges.columns.partner')}</Table.Th>
            <Table.Th scope="col">{t('tierChanges.columns.program')}</Table.Th>
            <Table.Th scope="col">{t('tierChanges.columns.change')}</Table.Th>
            <Table.Th scope="col">{t('tierChanges.columns.basis')}</Table.Th>
            <Table.Th scope="col">{t('tierChanges.columns.proposed')}</Table.Th>
            {canDecide ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposals.map((proposal) => {
            const waiting = inGracePeriod(proposal, now);
            return (
              <Table.Tr key={proposal.id} data-testid="tier-change-row">
                <Table.Td>
                  <OrganisationName id={proposal.organisationId} />
                </Table.Td>
                <Table.Td>{programName(proposal.programId)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={KIND_COLOR[proposal.kind]} mb={4}>
                    {t(`tierChangeKind.${proposal.kind}`)}
                  </Badge>
                  <Text size="sm">
                    {proposal.fromTierId ? `${tierName(proposal.fromTierId)} → ` : ''}
                    <strong>{tierName(proposal.toTierId)}</strong>
                  </Text>
                  {proposal.effectiveAfter ? (
                    <Text size="xs" c={waiting ? 'orange.8' : 'dimmed'} data-testid="effective-after">
                      {t('tierChanges.effectiveAfter', { date: format.dateTime(proposal.effectiveAfter) })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {proposal.metrics.map((m) => (
                    <Text key={m.metric} size="xs">
                      {t(`metrics.${m.metric}`)}: {format.metric(m.metric, m.value)}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>{format.date(proposal.proposedAt)}</Table.Td>
                {canDecide ? (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        color="teal"
                        disabled={waiting}
                        title={waiting ? t('tierChanges.waitForGrace') : undefined}
                        onClick={() => onDecide(proposal, 'approve')}
                        data-testid="approve"
                      >
                        {t('decision.approve')}
                      </Button>
                      <Button size="xs" variant="light" color="red" onClick={() => onDecide(proposal, 'reject')} data-testid="reject">
                        {t('decision.reject')}
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
