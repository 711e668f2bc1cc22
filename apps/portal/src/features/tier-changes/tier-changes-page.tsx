import { useQuery } from '@apollo/client/react';
import { Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import { DecisionForm, type Decision } from './decision-form';
import { EvaluateButton } from './evaluate-button';
import { ProposalTable, type Proposal } from './proposal-table';
import { ProgramTierNamesDocument, TierChangesDocument } from './tier-changes.documents';
import { LoadMoreButton } from '../../app/components/load-more-button';

export default function TierChangesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canDecide = hasRole(user?.role, MANAGER_ROLES);
  const [deciding, setDeciding] = useState<{ proposal: Proposal; decision: Decision } | null>(null);
  const { data, loading, error, fetchMore, refetch } = useQuery(TierChangesDocument, {
    variables: { first: 25, filter: { status: 'PROPOSED' } },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const { data: programs } = useQuery(ProgramTierNamesDocument);

  const programNames = new Map(programs?.programs.map((p) => [p.id, p.name]));
  const tierNames = new Map(programs?.programs.flatMap((p) => p.tiers.map((tier) => [tier.id, tier.name] as const)));
  const programName = (id: string) => programNames.get(id) ?? '—';
  const tierName = (id: string | null) => (id ? (tierNames.get(id) ?? '—') : '—');

  const proposals = data?.tierChanges.edges.map((e) => e.node) ?? [];
  const pageInfo = data?.tierChanges.pageInfo;

  const describe = (proposal: Proposal) =>
    t('decision.summary', {
      kind: t(`tierChangeKind.${proposal.kind}`),
      from: tierName(proposal.fromTierId),
      to: tierName(proposal.toTierId),
      program: programName(proposal.programId),
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('tierChanges.title')}>{t('tierChanges.title')}</PageTitle>
          <Text c="dimmed" size="sm" mt={-8}>
            {t('tierChanges.intro')}
          </Text>
        </div>
        {canDecide ? <EvaluateButton /> : null}
      </Group>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {loading && !data ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {data && proposals.length === 0 ? <Text data-testid="tier-changes-empty">{t('tierChanges.empty')}</Text> : null}
      {proposals.length > 0 ? (
        <ProposalTable
          proposals={proposals}
          programName={programName}
          tierName={tierName}
          canDecide={canDecide}
          onDecide={(proposal, decision) => setDeciding({ proposal, decision })}
        />
      ) : null}
      <LoadMoreButton pageInfo={pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
      <Modal
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={deciding?.decision === 'reject' ? t('decision.rejectTitle') : t('decision.approveTitle')}
      >
        {deciding ? (
          <DecisionForm
            changeId={deciding.proposal.id}
            decision={deciding.decision}
            summaryText={describe(deciding.proposal)}
            onDone={() => setDeciding(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
