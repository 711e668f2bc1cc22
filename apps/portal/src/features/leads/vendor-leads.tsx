import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { SearchInput } from '../../app/components/search-input';
import { StatusChips } from '../../app/components/status-chips';
import { ErrorAlert } from '../../app/errors/error-alert';
import { CsvExportButton } from '../../app/files/csv-export-button';
import { PageTitle } from '../../app/routing/page-title';
import { useSearchParamValues } from '../../app/routing/use-search-param-values';
import type { LeadFilter, LeadRowFragment } from '../../gql/graphql';
import { AssignLeadForm } from './assign-lead-form';
import { LeadDrawer } from './lead-drawer';
import { LeadForm } from './lead-form';
import { LeadImport } from './lead-import';
import { isLeadStatus, LEAD_STATUSES, leadLabel } from './lead-status';
import { LeadTable } from './lead-table';
import { LeadsDocument } from './leads.documents';
import { VendorLeadActions } from './vendor-lead-actions';

const PAGE_SIZE = 25;
const URL_KEYS = ['statuses', 'search', 'lead'] as const;

/** Vendor staff: the lead pool and every lead passed to partners; channel managers and admins add, import and assign them. */
export function VendorLeads() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canManage = hasRole(user?.role, MANAGER_ROLES);
  const { values, set } = useSearchParamValues(URL_KEYS);
  const statuses = useMemo(() => values.statuses.split(',').filter(isLeadStatus), [values.statuses]);
  const filter = useMemo<LeadFilter>(
    () => ({ ...(statuses.length > 0 ? { statuses } : {}), ...(values.search.trim() ? { search: values.search.trim() } : {}) }),
    [statuses, values.search],
  );
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(LeadsDocument, {
    variables: { first: PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  // Keep showing the last result while a new filter loads, instead of flashing an empty table.
  const shown = data ?? previousData;
  const leads = shown?.leads.edges.map((edge) => edge.node) ?? [];
  const [adding, setAdding] = useState(false);
  const [assigning, setAssigning] = useState<LeadRowFragment | null>(null);
  const [actionError, setActionError] = useState<ErrorLike | null>(null);
  const actions = canManage
    ? (lead: LeadRowFragment) => (
        <VendorLeadActions
          lead={lead}
          onAssign={(chosen) => {
            setActionError(null);
            setAssigning(chosen);
          }}
          onResult={setActionError}
        />
      )
    : undefined;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('leads.title')}>{t('leads.title')}</PageTitle>
          <Text c="dimmed" size="sm" mt={-8}>
            {canManage ? t('leads.introVendor') : t('leads.introReadOnly')}
          </Text>
        </div>
        <Group gap="sm" align="flex-start">
          <CsvExportButton path="/api/exports/leads.csv" params={{ statuses: filter.statuses, search: filter.search }} testId="lead-export" hint={t('leads.exportHint')} />
          {canManage ? (
            <Button onClick={() => setAdding(true)} data-testid="lead-new">
              {t('leads.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {canManage ? <LeadImport /> : null}
      <Stack gap="xs" role="search" aria-label={t('leads.filters')}>
        <SearchInput
          value={values.search}
          onSearch={(search) => set({ search })}
          label={t('leads.search')}
          placeholder={t('leads.searchPlaceholder')}
          testId="lead-search"
        />
        <StatusChips
          offered={LEAD_STATUSES}
          value={statuses}
          onChange={(next) => set({ statuses: next.join(',') })}
          label={(status) => t(`leadStatus.${status}`)}
          groupLabel={t('leads.statusFilter')}
          testIdPrefix="lead-status-chip"
        />
      </Stack>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <ErrorAlert error={actionError} />
      {!shown && loading ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {shown && leads.length === 0 ? <Text data-testid="leads-empty">{filter.statuses || filter.search ? t('leads.emptyFiltered') : t('leads.empty')}</Text> : null}
      {leads.length > 0 ? (
        <LeadTable leads={leads} columns={['country', 'status', 'partner', 'respondBy']} onOpen={(lead) => set({ lead })} actions={actions} />
      ) : null}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {shown ? t('leads.shown', { count: leads.length }) : ''}
        </Text>
        <LoadMoreButton pageInfo={shown?.leads.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} testId="load-more" />
      </Group>
      <LeadDrawer leadId={values.lead || null} onClose={() => set({ lead: '' })} perspective="vendor" actions={actions} />
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('leads.newTitle')} size="xl">
        <LeadForm onDone={() => setAdding(false)} />
      </Modal>
      <Modal opened={assigning !== null} onClose={() => setAssigning(null)} title={assigning ? t('leads.assignTitle', { label: leadLabel(assigning) }) : ''}>
        {assigning ? <AssignLeadForm lead={assigning} onDone={() => setAssigning(null)} /> : null}
      </Modal>
    </Stack>
  );
}
