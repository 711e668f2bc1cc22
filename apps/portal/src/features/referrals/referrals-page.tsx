import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Center, Code, CopyButton, Group, Loader, Modal, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, MANAGER_ROLES } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import type { ReferralSignupsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { LinkSignupDialog } from './link-signup-dialog';
import { CreateReferralLinkDocument, ReferralLinkDocument, ReferralSignupsDocument } from './referrals.documents';

type Signup = ReferralSignupsQuery['referralSignups']['edges'][number]['node'];

/** The partner admin's referral link: the full URL to share, with a copy button; created on first use. */
function MyReferralLink() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(ReferralLinkDocument, { variables: {} });
  const [create, { loading: creating, error: createError }] = useMutation(CreateReferralLinkDocument, { refetchQueries: ['ReferralLink'], awaitRefetchQueries: true });
  const link = data?.referralLink.link;
  const url = link ? `${window.location.origin}${link.path}` : null;
  return (
    <Paper withBorder p="md" data-testid="referral-link-card">
      <Title order={2} size="h5" mb="xs">
        {t('referrals.myLink')}
      </Title>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <ErrorAlert error={createError} />
      {loading && !data ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {data && !url ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('referrals.noLinkYet')}</Text>
          <Button onClick={() => void create().catch(() => undefined)} loading={creating} data-testid="referral-link-create">
            {t('referrals.createLink')}
          </Button>
        </Stack>
      ) : null}
      {url && link ? (
        <Stack gap="xs">
          <Text size="sm">{t('referrals.linkHint')}</Text>
          <Group gap="sm" wrap="nowrap">
            <Code data-testid="referral-link-url" style={{ wordBreak: 'break-all' }}>
              {url}
            </Code>
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button size="xs" variant={copied ? 'filled' : 'light'} color="teal" onClick={copy} data-testid="referral-link-copy">
                  {copied ? t('referrals.copied') : t('referrals.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            {t('referrals.signupCount', { count: link.signupCount })}
          </Text>
        </Stack>
      ) : null}
    </Paper>
  );
}

/**
 * Referrals: a partner admin shares its link and sees the sign-ups made through it; vendor staff see
 * every sign-up and link it to the revenue customer it became, which makes that customer's MRR
 * commissionable under REFERRAL plans.
 */
export default function ReferralsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const isPartner = user?.role === 'PARTNER_ADMIN';
  const canLink = hasRole(user?.role, MANAGER_ROLES);
  const [linked, setLinked] = useState<'ALL' | 'OPEN' | 'LINKED'>('ALL');
  const [linking, setLinking] = useState<Signup | null>(null);
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(ReferralSignupsDocument, {
    variables: { first: 50, filter: linked === 'ALL' ? undefined : { linked: linked === 'LINKED' } },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const signups = shown?.referralSignups.edges.map((edge) => edge.node) ?? [];

  return (
    <Stack gap="md">
      <div>
        <PageTitle documentTitle={t('referrals.title')}>{t('referrals.title')}</PageTitle>
        <Text c="dimmed" size="sm" mt={-8}>
          {isPartner ? t('referrals.introPartner') : t('referrals.introVendor')}
        </Text>
      </div>
      {isPartner ? <MyReferralLink /> : null}
      <Group justify="space-between" align="center">
        <Title order={2} size="h4">
          {t('referrals.signups')}
        </Title>
        <SegmentedControl
          value={linked}
          onChange={(value) => setLinked(value === 'OPEN' ? 'OPEN' : value === 'LINKED' ? 'LINKED' : 'ALL')}
          data={[
            { value: 'ALL', label: t('referrals.filterAll') },
            { value: 'OPEN', label: t('referrals.filterOpen') },
            { value: 'LINKED', label: t('referrals.filterLinked') },
          ]}
          data-testid="referral-filter"
        />
      </Group>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!shown && loading ? (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {shown && signups.length === 0 ? <Text>{t('referrals.empty')}</Text> : null}
      {signups.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" striped data-testid="referral-signup-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('referrals.company')}</Table.Th>
                <Table.Th scope="col">{t('referrals.prospect')}</Table.Th>
                {isPartner ? null : <Table.Th scope="col">{t('referrals.partner')}</Table.Th>}
                <Table.Th scope="col">{t('referrals.signedUpAt')}</Table.Th>
                <Table.Th scope="col">{t('referrals.customer')}</Table.Th>
                {canLink ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {signups.map((signup) => (
                <Table.Tr key={signup.id} data-testid="referral-signup-row">
                  <Table.Td fw={500}>{signup.company}</Table.Td>
                  <Table.Td>
                    {signup.prospectName}
                    <Text size="xs" c="dimmed">
                      {signup.prospectEmail}
                    </Text>
                  </Table.Td>
                  {isPartner ? null : <Table.Td>{signup.organisationName ?? '—'}</Table.Td>}
                  <Table.Td>{format.date(signup.signedUpAt)}</Table.Td>
                  <Table.Td>{signup.customerName ?? t('referrals.notLinked')}</Table.Td>
                  {canLink ? (
                    <Table.Td ta="right">
                      {signup.customerId ? null : (
                        <Button size="xs" variant="light" onClick={() => setLinking(signup)} aria-label={t('referrals.linkNamed', { company: signup.company })} data-testid="referral-link-open">
                          {t('referrals.link')}
                        </Button>
                      )}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMoreButton pageInfo={shown?.referralSignups.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
      <Modal opened={linking !== null} onClose={() => setLinking(null)} title={t('referrals.linkTitle')} size="lg">
        {linking ? <LinkSignupDialog signup={linking} onDone={() => setLinking(null)} /> : null}
      </Modal>
    </Stack>
  );
}
