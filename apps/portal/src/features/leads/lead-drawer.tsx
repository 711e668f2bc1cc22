import { useQuery } from '@apollo/client/react';
import { Anchor, Center, Drawer, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DetailField as Field, websiteHref } from '../../app/components/detail-field';
import { ErrorAlert } from '../../app/errors/error-alert';
import type { LeadDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { AssignmentHistory } from './assignment-history';
import { LeadStatusBadge } from './lead-status-badge';
import { isLeadSource, leadLabel } from './lead-status';
import { LeadDocument, LeadOptionsDocument } from './leads.documents';
import { RespondByCountdown } from './respond-by-countdown';

interface LeadDrawerProps {
  /** The lead shown; null keeps the drawer closed. */
  leadId: string | null;
  onClose: () => void;
  /** Vendor staff see the assignment history; partners the link to their draft registration. */
  perspective: 'vendor' | 'partner';
  /** What the reader can do with the lead now (the same buttons as in its row). */
  actions?: (lead: LeadDetailFragment) => ReactNode;
}

function LeadDetails({ lead, perspective }: { lead: LeadDetailFragment; perspective: LeadDrawerProps['perspective'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: options } = useQuery(LeadOptionsDocument);
  const program = options?.programs.find((p) => p.id === lead.programId)?.name;
  const products = lead.productIds.map((id) => options?.products.find((p) => p.id === id)?.name ?? id);
  return (
    <SimpleGrid component="dl" m={0} cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm" data-testid="lead-details">
      <Field label={t('dealDetail.domain')}>
        {lead.domain ? (
          <Anchor href={websiteHref(lead.domain)} target="_blank" rel="noreferrer noopener">
            {lead.domain}
          </Anchor>
        ) : null}
      </Field>
      <Field label={t('dealDetail.location')}>{[lead.city, format.country(lead.country)].filter(Boolean).join(', ')}</Field>
      <Field label={t('dealForm.fields.contactName')}>{lead.contactName}</Field>
      <Field label={t('dealForm.fields.contactEmail')}>{lead.contactEmail ? <Anchor href={`mailto:${lead.contactEmail}`}>{lead.contactEmail}</Anchor> : null}</Field>
      <Field label={t('dealForm.fields.contactPhone')}>{lead.contactPhone}</Field>
      <Field label={t('dealForm.fields.estimatedMrr')}>{Number(lead.estimatedMrr) > 0 ? format.money(lead.estimatedMrr, lead.currency) : null}</Field>
      <Field label={t('leads.program')}>{program}</Field>
      <Field label={t('leads.products')}>{products.length > 0 ? format.list(products) : null}</Field>
      {perspective === 'vendor' ? <Field label={t('leads.columns.partner')}>{lead.assignedOrganisation?.name}</Field> : null}
      {lead.status === 'ASSIGNED' && lead.respondBy ? (
        <Field label={t('leads.columns.respondBy')}>
          <RespondByCountdown respondBy={lead.respondBy} />
        </Field>
      ) : null}
      {perspective === 'partner' && lead.registrationId ? (
        <Field label={t('leads.columns.registration')}>
          <Anchor component={Link} to={`/deals/${lead.registrationId}`}>
            {t('leads.openRegistration')}
          </Anchor>
        </Field>
      ) : null}
      <Field label={t('leads.source')}>{isLeadSource(lead.source) ? t(`leadSource.${lead.source}`) : lead.source}</Field>
      <Field label={t('leads.added')}>{format.dateTime(lead.createdAt)}</Field>
    </SimpleGrid>
  );
}

/** One lead beside its list: what is known about the customer, and for vendor staff every assignment so far. */
export function LeadDrawer({ leadId, onClose, perspective, actions }: LeadDrawerProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(LeadDocument, { variables: { id: leadId ?? '' }, skip: !leadId, fetchPolicy: 'cache-and-network' });
  const lead = leadId ? data?.lead : undefined;
  return (
    <Drawer opened={leadId !== null} onClose={onClose} position="right" size="xl" title={lead ? leadLabel(lead) : t('leads.detailTitle')}>
      <Stack gap="lg" data-testid="lead-drawer">
        {loading && !lead ? (
          <Center p="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : null}
        <ErrorAlert error={error} onRetry={() => void refetch()} />
        {lead ? (
          <>
            <Group gap="sm">
              <LeadStatusBadge status={lead.status} testId="lead-drawer-status" />
              {actions ? actions(lead) : null}
            </Group>
            <LeadDetails lead={lead} perspective={perspective} />
            {lead.notes ? (
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('dealForm.fields.notes')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="lead-notes">
                  {lead.notes}
                </Text>
              </Stack>
            ) : null}
            {perspective === 'vendor' ? (
              <Stack gap="sm" component="section" aria-labelledby="lead-history-heading">
                <Title order={2} size="h4" id="lead-history-heading">
                  {t('leads.historyTitle')}
                </Title>
                <AssignmentHistory assignments={lead.assignments} />
              </Stack>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Drawer>
  );
}
