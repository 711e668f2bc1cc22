import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealStatus } from '../../gql/graphql';
import { DEAL_STATUS_COLOR } from './deal-status';

export function DealStatusBadge({ status, testId = 'deal-status' }: { status: DealStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={DEAL_STATUS_COLOR[status]} data-testid={testId} data-status={status}>
      {t(`dealStatus.${status}`)}
    </Badge>
  );
}
