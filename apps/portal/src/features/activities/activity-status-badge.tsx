import { Badge } from '@mantine/core';
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
