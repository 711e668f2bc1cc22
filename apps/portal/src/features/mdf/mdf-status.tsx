import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MdfActivityType, MdfClaimStatus, MdfRequestStatus } from '../../gql/graphql';

export const ACTIVITY_TYPES: readonly MdfActivityType[] = ['EVENT', 'WEBINAR', 'TRADE_SHOW', 'DIGITAL_CAMPAIGN', 'CONTENT', 'TRAINING', 'OTHER'];

const REQUEST_COLOR: Record<MdfRequestStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  MORE_INFO_REQUESTED: 'yellow',
  APPROVED: 'teal',
  REJECTED: 'red',
  CANCELLED: 'gray',
  COMPLETED: 'green',
  EXPIRED: 'orange',
};

const CLAIM_COLOR: Record<MdfClaimStatus, string> = {
  SUBMITTED: 'blue',
  MORE_INFO_REQUESTED: 'yellow',
  APPROVED: 'teal',
  REJECTED: 'red',
  PAID: 'green',
};

const isRequestStatus = (status: string): status is MdfRequestStatus => status in REQUEST_COLOR;
const isClaimStatus = (status: string): status is MdfClaimStatus => status in CLAIM_COLOR;

/** "MDF-12": how people refer to a request. */
export const requestReference = (number: number): string => `MDF-${number}`;
/** "CLM-7": how people refer to a claim. */
export const claimReference = (number: number): string => `CLM-${number}`;

export function RequestStatusBadge({ status, testId = 'request-status' }: { status: MdfRequestStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={REQUEST_COLOR[status]} data-testid={testId} data-status={status}>
      {t(`mdf.requestStatus.${status}`)}
    </Badge>
  );
}

export function ClaimStatusBadge({ status, testId = 'claim-status' }: { status: MdfClaimStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={CLAIM_COLOR[status]} data-testid={testId} data-status={status}>
      {t(`mdf.claimStatus.${status}`)}
    </Badge>
  );
}

/** A status from the timeline, which does not say whether it is a request's or a claim's. */
export function TimelineStatusBadge({ status, claim }: { status: string; claim: boolean }) {
  const { t } = useTranslation();
  if (claim && isClaimStatus(status)) return <ClaimStatusBadge status={status} testId="timeline-status" />;
  if (!claim && isRequestStatus(status)) return <RequestStatusBadge status={status} testId="timeline-status" />;
  return (
    <Badge variant="outline" color="gray" data-testid="timeline-status">
      {t('mdf.unknownStatus', { status })}
    </Badge>
  );
}
