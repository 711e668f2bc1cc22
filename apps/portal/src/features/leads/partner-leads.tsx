import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Center, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { ReasonForm } from '../../app/components/reason-form';
import { ErrorAlert } from '../../app/errors/error-alert';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { PageTitle } from '../../app/routing/page-title';
import { useSearchParamValues } from '../../app/routing/use-search-param-values';
import type { LeadFilter, LeadRowFragment } from '../../gql/graphql';
import { LeadDrawer } from './lead-drawer';
import { leadLabel } from './lead-status';
import { LeadTable, type LeadColumn } from './lead-table';
import { DeclineLeadDocument, LeadsDocument } from './leads.documents';
import { PartnerLeadActions } from './partner-lead-actions';

const PAGE_SIZE = 25;
const URL_KEYS = ['lead'] as const;
const WAITING: LeadFilter = { statuses: ['ASSIGNED'] };
const ACCEPTED: LeadFilter = { statuses: ['ACCEPTED'] };

interface LeadSectionProps {
  id: string;
  title: string;
  empty: string;
  filter: LeadFilter;
  columns: readonly LeadColumn[];
  onOpen: (id: string) => void;
  actions?: (lead: LeadRowFragment) => ReactNode;
  /** Order of the loaded rows (the API sends the newest first). */
  sort?: (a: LeadRowFragment, b: LeadRowFragment) => number;
}

/** One list of the partner's leads under its heading, with its own "load more". */
function LeadSection({ id, title, empty, filter, columns, onOpen, actions, sort }: LeadSectionProps) {
  const { t } = useTranslation();
  const { data, loading, error, fetchMore, refetch } = useQuery(LeadsDocument, {
    variables: { first: PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const leads = data?.leads.edges.map((edge) => edge.node) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby={`${id}-heading`} data-testid={id}>
      <Title order={2} size="h4" id={`${id}-heading`}>
        {title}
      </Title>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!data && loading ? (
        <Center p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {data && leads.length === 0 ? <Text c="dimmed">{empty}</Text> : null}
      {leads.length > 0 ? <LeadTable leads={sort ? [...leads].sort(sort) : leads} columns={columns} onOpen={onOpen} actions={actions} testId={`${id}-table`} /> : null}
      <LoadMoreButton pageInfo={data?.leads.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
    </Stack>
  );
}

/** Partners: leads waiting for an answer (the deadline first) and the ones accepted, each with its draft registration. */
export function PartnerLeads() {
  const { t } = useTranslation();
  const { values, set } = useSearchParamValues(URL_KEYS);
  const [declining, setDeclining] = useState<LeadRowFragment | null>(null);
  const [actionError, setActionError] = useState<ErrorLike | null>(null);
  const [decline] = useMutation(DeclineLeadDocument, { refetchQueries: ['Leads'], awaitRefetchQueries: true });
  const open = (lead: string) => set({ lead });
  const actions = (lead: LeadRowFragment) => (
    <PartnerLeadActions
      lead={lead}
      onDecline={(chosen) => {
        setActionError(null);
        setDeclining(chosen);
      }}
      onResult={setActionError}
    />
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('leads.title')}>{t('leads.title')}</PageTitle>
          <Text c="dimmed" size="sm" mt={-8}>
            {t('leads.introPartner')}
          </Text>
        </div>
        <CsvExportButton path="/api/exports/leads.csv" params={{}} testId="lead-export" hint={t('leads.exportHintPartner')} />
      </Group>
      <ErrorAlert error={actionError} />
      <LeadSection
        id="leads-waiting"
        title={t('leads.waitingTitle')}
        empty={t('leads.waitingEmpty')}
        filter={WAITING}
        columns={['country', 'contact', 'value', 'respondBy']}
        onOpen={open}
        actions={actions}
        sort={(a, b) => (a.respondBy ?? '').localeCompare(b.respondBy ?? '')}
      />
      <LeadSection
        id="leads-accepted"
        title={t('leads.acceptedTitle')}
        empty={t('leads.acceptedEmpty')}
        filter={ACCEPTED}
        columns={['country', 'contact', 'value', 'registration']}
        onOpen={open}
      />
      <LeadDrawer leadId={values.lead || null} onClose={() => set({ lead: '' })} perspective="partner" actions={actions} />
      <Modal opened={declining !== null} onClose={() => setDeclining(null)} title={t('leads.declineTitle')}>
        {declining ? (
          <ReasonForm
            intro={t('leads.declineIntro', { label: leadLabel(declining) })}
            label={t('leads.declineReason')}
            requiredMessage={t('dealActions.reasonRequired')}
            submitLabel={t('leads.decline')}
            color="red"
            testId="lead-decline"
            run={async (reason) => {
              await decline({ variables: { id: declining.id, reason: reason ?? '' } });
              // A declined lead goes back to the vendor and is no longer the partner's to open.
              if (values.lead === declining.id) set({ lead: '' });
            }}
            onDone={() => setDeclining(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
