import { Alert, Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';

/** Where the registration stands and what the reader should know or do next, per status. */
export function DealNotices({ deal, perspective }: { deal: DealDetailFragment; perspective: 'partner' | 'vendor' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reason = deal.decisionReason ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="decision-reason">
      {deal.decisionReason}
    </Text>
  ) : null;

  switch (deal.status) {
    case 'DRAFT':
      return <Alert color="gray">{t('dealNotice.draft')}</Alert>;
    case 'SUBMITTED':
      return (
        <Stack gap="sm">
          {deal.possibleConflict ? (
            <Alert color="orange" title={t('dealNotice.conflictTitle')} data-testid="possible-conflict">
              {perspective === 'partner' ? t('dealNotice.conflictPartner') : t('dealNotice.conflictVendor')}
            </Alert>
          ) : null}
          <Alert color="blue" data-testid="review-due">
            {deal.reviewDueAt ? t('dealNotice.submitted', { date: format.dateTime(deal.reviewDueAt) }) : t('dealNotice.submittedNoDue')}
            {deal.reviewOverdue ? (
              <Badge color="red" ml="sm" data-testid="review-overdue">
                {t('reviews.overdue')}
              </Badge>
            ) : null}
          </Alert>
        </Stack>
      );
    case 'MORE_INFO_REQUESTED':
      return (
        <Alert color="yellow" title={t('dealNotice.moreInfoTitle')} data-testid="more-info">
          {reason}
          {perspective === 'partner' ? (
            <Text size="sm" mt={4}>
              {t('dealNotice.moreInfoPartner')}
            </Text>
          ) : null}
        </Alert>
      );
    case 'APPROVED':
      return (
        <Alert color="teal" title={deal.protectionEndsAt ? <span data-testid="protection-end">{t('dealNotice.protectedUntil', { date: format.date(deal.protectionEndsAt) })}</span> : t('dealStatus.APPROVED')}>
          <Text size="sm" data-testid="protection-countdown">
            {deal.protectionDaysLeft !== null ? t('deals.daysLeft', { count: deal.protectionDaysLeft }) : null}
            {' · '}
            {t('dealNotice.extensionsUsed', { used: deal.extensionsUsed, max: deal.rules.maxExtensions })}
          </Text>
          {deal.extensionRequestedAt ? (
            <Text size="sm" mt={4} data-testid="extension-requested">
              {t('dealNotice.extensionRequested', { date: format.dateTime(deal.extensionRequestedAt), reason: deal.extensionReason ?? '' })}
            </Text>
          ) : null}
        </Alert>
      );
    case 'REJECTED':
      return (
        <Alert color="red" title={t('dealNotice.rejectedTitle')}>
          {reason}
        </Alert>
      );
    case 'WON':
      return (
        <Alert color="green" title={t('dealNotice.wonTitle', { date: deal.actualCloseDate ? format.day(deal.actualCloseDate) : '' })}>
          {t('dealNotice.won')}
        </Alert>
      );
    case 'LOST':
      return (
        <Alert color="gray" title={t('dealNotice.lostTitle')}>
          {reason}
        </Alert>
      );
    case 'EXPIRED':
      return (
        <Alert color="orange" title={t('dealNotice.expiredTitle')}>
          {deal.protectionEndsAt ? t('dealNotice.expired', { date: format.date(deal.protectionEndsAt) }) : null}
        </Alert>
      );
  }
}
