import { useMutation } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { DecideDealRegistrationsDocument } from './deal-reviews.documents';

export type BulkDecision = 'APPROVE' | 'REJECT' | 'REQUEST_INFO';

/** What happened to one registration of a (bulk) decision; `label` names it after it left the queue. */
export interface DecisionOutcome {
  id: string;
  label: string;
  decision: BulkDecision;
  ok: boolean;
  code: string | null;
  message: string | null;
}

/**
 * Decides one or more registrations with `decideDealRegistrations`: each succeeds or fails on its
 * own, and the outcomes of the last decision are kept to show per row. Refused input (a missing
 * reason) rejects the promise instead.
 */
export function useDealDecisions() {
  const [mutate, { loading }] = useMutation(DecideDealRegistrationsDocument, {
    refetchQueries: ['DealReviewQueue', 'DealRegistrations'],
    awaitRefetchQueries: true,
  });
  const [outcomes, setOutcomes] = useState<DecisionOutcome[]>([]);

  const decide = useCallback(
    async (rows: readonly { id: string; label: string }[], decision: BulkDecision, reason?: string): Promise<DecisionOutcome[]> => {
      const { data } = await mutate({ variables: { ids: rows.map((row) => row.id), decision, reason } });
      const labels = new Map(rows.map((row) => [row.id, row.label]));
      const next = (data?.decideDealRegistrations ?? []).map((result) => ({ ...result, label: labels.get(result.id) ?? result.id, decision }));
      setOutcomes(next);
      return next;
    },
    [mutate],
  );

  return { decide, deciding: loading, outcomes };
}
