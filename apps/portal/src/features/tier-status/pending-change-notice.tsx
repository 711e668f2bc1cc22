import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TierStatusCardFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';

type PendingChange = NonNullable<TierStatusCardFragment['pendingChange']>;

export function PendingChangeNotice({ change, tierName }: { change: PendingChange; tierName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert color={change.kind === 'DEMOTION' ? 'orange' : 'blue'} title={t('tierCard.pendingTitle')} role="note" data-testid="pending-change">
      {t(`tierCard.pending.${change.kind}`, { tier: tierName, date: format.date(change.proposedAt) })}
      {change.effectiveAfter ? ` ${t('tierCard.effectiveAfter', { date: format.date(change.effectiveAfter) })}` : ''}
    </Alert>
  );
}
