import { Anchor, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivityStatus } from '../../gql/graphql';

const COLOR: Record<ActivityStatus, string> = { SUBMITTED: 'yellow', APPROVED: 'teal', REJECTED: 'red' };

export function ActivityStatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" data-testid="activity-status">
      {t(`activities.status.${status}`)}
    </Badge>
  );
}

/** An activity's description with a link to its evidence (both the partner's list and the review queue). */
export function ActivityDescription({ description, evidenceUrl }: { description: string; evidenceUrl: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {description}
      {evidenceUrl ? (
        <Text size="xs">
          <Anchor href={evidenceUrl} target="_blank" rel="noopener noreferrer">
            {t('activities.columns.evidence')}
          </Anchor>
        </Text>
      ) : null}
    </>
  );
}

/** The status badge with the manager's reason under it, when there is one. */
export function ActivityStatusWithReason({ status, reason }: { status: ActivityStatus; reason: string | null }) {
  return (
    <>
      <ActivityStatusBadge status={status} />
      {reason ? (
        <Text size="xs" c="dimmed">
          {reason}
        </Text>
      ) : null}
    </>
  );
}
