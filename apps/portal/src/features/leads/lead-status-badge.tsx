import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadStatus } from '../../gql/graphql';
import { LEAD_STATUS_COLOR } from './lead-status';

export function LeadStatusBadge({ status, testId = 'lead-status' }: { status: LeadStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={LEAD_STATUS_COLOR[status]} data-testid={testId} data-status={status}>
      {t(`leadStatus.${status}`)}
    </Badge>
  );
}
