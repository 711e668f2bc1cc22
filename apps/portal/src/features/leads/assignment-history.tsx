import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { OrganisationName } from '../tier-changes/organisation-name';
import { ASSIGNMENT_OUTCOME_COLOR, isAssignmentMethod, isAssignmentOutcome } from './lead-status';
import { useDuration } from './use-duration';

type Assignment = LeadDetailFragment['assignments'][number];

function OutcomeBadge({ outcome }: { outcome: string | null }) {
  const { t } = useTranslation();
  if (outcome === null) {
    return (
      <Badge size="sm" variant="light" color="yellow" data-testid="assignment-outcome" data-outcome="WAITING">
        {t('assignmentOutcome.WAITING')}
      </Badge>
    );
  }
  return (
    <Badge size="sm" variant="light" color={isAssignmentOutcome(outcome) ? ASSIGNMENT_OUTCOME_COLOR[outcome] : 'gray'} data-testid="assignment-outcome" data-outcome={outcome}>
      {isAssignmentOutcome(outcome) ? t(`assignmentOutcome.${outcome}`) : outcome}
    </Badge>
  );
}

/** Every partner the lead was passed to, oldest first: how, when, and how the partner answered. */
export function AssignmentHistory({ assignments }: { assignments: readonly Assignment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  if (assignments.length === 0) return <Text c="dimmed">{t('leads.noHistory')}</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" striped data-testid="lead-assignments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('leads.history.partner')}</Table.Th>
            <Table.Th scope="col">{t('leads.history.method')}</Table.Th>
            <Table.Th scope="col">{t('leads.history.assignedAt')}</Table.Th>
            <Table.Th scope="col">{t('leads.history.respondBy')}</Table.Th>
            <Table.Th scope="col" miw={150}>
              {t('leads.history.outcome')}
            </Table.Th>
            <Table.Th scope="col">{t('leads.history.responseTime')}</Table.Th>
            <Table.Th scope="col">{t('leads.history.declineReason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assignments.map((assignment) => (
            <Table.Tr key={assignment.id} data-testid="lead-assignment-row">
              <Table.Td>
                <OrganisationName id={assignment.organisationId} />
              </Table.Td>
              <Table.Td>{isAssignmentMethod(assignment.method) ? t(`assignmentMethod.${assignment.method}`) : assignment.method}</Table.Td>
              <Table.Td>{format.dateTime(assignment.assignedAt)}</Table.Td>
              <Table.Td>{format.dateTime(assignment.respondBy)}</Table.Td>
              <Table.Td>
                <OutcomeBadge outcome={assignment.outcome} />
                {assignment.outcomeAt ? (
                  <Text size="xs" c="dimmed">
                    {format.dateTime(assignment.outcomeAt)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{assignment.responseSeconds !== null ? duration(assignment.responseSeconds) : '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{assignment.declineReason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
