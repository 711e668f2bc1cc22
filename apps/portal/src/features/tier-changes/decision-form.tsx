import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ReasonForm } from '../../app/components/reason-form';
import { ApproveTierChangeDocument, RejectTierChangeDocument } from './tier-changes.documents';

export type Decision = 'approve' | 'reject';

interface DecisionFormProps {
  changeId: string;
  decision: Decision;
  summaryText: string;
  onDone: () => void;
}

/** Approving takes an optional reason; rejecting needs one. */
export function DecisionForm({ changeId, decision, summaryText, onDone }: DecisionFormProps) {
  const { t } = useTranslation();
  const options = { refetchQueries: ['TierChanges'], awaitRefetchQueries: true };
  const [approve] = useMutation(ApproveTierChangeDocument, options);
  const [reject] = useMutation(RejectTierChangeDocument, options);
  const approving = decision === 'approve';
  return (
    <ReasonForm
      intro={summaryText}
      label={approving ? t('decision.reasonOptional') : t('decision.reason')}
      requiredMessage={approving ? undefined : t('decision.reasonRequired')}
      submitLabel={approving ? t('decision.approve') : t('decision.reject')}
      color={approving ? 'teal' : 'red'}
      testId="decision"
      run={(reason) =>
        approving
          ? approve({ variables: { input: { id: changeId, reason } } })
          : reject({ variables: { input: { id: changeId, reason: reason ?? '' } } })
      }
      onDone={onDone}
    />
  );
}
