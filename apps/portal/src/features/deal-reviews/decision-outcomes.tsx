import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors/use-error-message';
import type { DecisionOutcome } from './use-deal-decisions';

/** The result of the last (bulk) decision, one line per registration. */
export function DecisionOutcomes({ outcomes }: { outcomes: readonly DecisionOutcome[] }) {
  const { t } = useTranslation();
  const { detail } = useErrorMessage();
  if (outcomes.length === 0) return null;
  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  return (
    <Alert
      color={failed === 0 ? 'teal' : 'orange'}
      title={failed === 0 ? t('reviews.outcomeAllOk', { count: outcomes.length }) : t('reviews.outcomeSomeFailed', { count: failed })}
      role="status"
      data-testid="decision-outcomes"
    >
      <List size="sm" spacing={2}>
        {outcomes.map((outcome) => (
          <List.Item key={outcome.id} data-testid="decision-outcome" data-ok={outcome.ok}>
            {outcome.label}:{' '}
            {outcome.ok
              ? t(`reviews.done.${outcome.decision}`)
              : t('reviews.failed', { decision: t(`reviews.decisions.${outcome.decision}`), message: detail(outcome.message ?? '') })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
