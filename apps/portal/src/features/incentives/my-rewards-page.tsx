import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Center, Group, Loader, Modal, Paper, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { ErrorAlert } from '../../app/errors/error-alert';
import { asErrorLike, parseError } from '../../app/errors/graphql-errors';
import { PageTitle } from '../../app/routing/page-title';
import type { MyIncentivePlansQuery, RewardsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { IncentiveProgressDocument, IncentiveStatementsDocument, MyIncentivePlansDocument, PointsDocument, RedeemRewardDocument, RewardsDocument } from './incentives.documents';
import { StatementStatusBadge, usePeriodLabel } from './incentive-status';
import { MyRedemptions } from './redemption-queue';

type Plan = MyIncentivePlansQuery['incentivePlans']['edges'][number]['node'];
type Reward = RewardsQuery['rewards']['edges'][number]['node'];
type Wallet = 'mine' | 'organisation';

/** Partners: "My rewards" — plans with progress, points, statements and the rewards catalogue. */
export default function MyRewardsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [wallet, setWallet] = useState<Wallet>('mine');
  const isAdmin = user?.role === 'PARTNER_ADMIN';
  const organisationWallet = isAdmin && wallet === 'organisation';

  return (
    <Stack gap="xl">
      <div>
        <PageTitle documentTitle={t('incentives.my.title')}>{t('incentives.my.title')}</PageTitle>
        <Text c="dimmed" size="sm" mt={-8}>
          {t('incentives.my.intro')}
        </Text>
      </div>
      <PlansSection />
      {isAdmin ? (
        <SegmentedControl
          w="fit-content"
          value={wallet}
          onChange={(value) => setWallet(value === 'organisation' ? 'organisation' : 'mine')}
          data={[
            { value: 'mine', label: t('incentives.my.walletMine') },
            { value: 'organisation', label: t('incentives.my.walletOrganisation') },
          ]}
          data-testid="wallet-switch"
        />
      ) : null}
      <PointsSection organisationWallet={organisationWallet} />
      <RewardsSection organisationWallet={organisationWallet} />
      <MyRedemptions />
      <StatementsSection />
    </Stack>
  );
}

function PlansSection() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MyIncentivePlansDocument, { fetchPolicy: 'cache-and-network' });
  const plans = data?.incentivePlans.edges.map((edge) => edge.node) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="plans-heading">
      <Title order={2} size="h4" id="plans-heading">
        {t('incentives.my.plans')}
      </Title>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!data && loading ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {data && plans.length === 0 ? <Text data-testid="plans-empty">{t('incentives.my.noPlans')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {plans.map((plan) => (
          <PlanProgressCard key={plan.id} plan={plan} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** SPIF campaign dates from the current version's rules (JSON), when present. */
function campaignOf(plan: Plan): { startsOn: string; endsOn: string } | null {
  const latest = plan.versions[plan.versions.length - 1];
  if (!latest) return null;
  try {
    const rules: unknown = JSON.parse(latest.rules);
    if (typeof rules !== 'object' || rules === null) return null;
    const startsOn = 'startsOn' in rules ? rules.startsOn : undefined;
    const endsOn = 'endsOn' in rules ? rules.endsOn : undefined;
    return typeof startsOn === 'string' && typeof endsOn === 'string' ? { startsOn, endsOn } : null;
  } catch {
    return null;
  }
}

function PlanProgressCard({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const { data, error } = useQuery(IncentiveProgressDocument, { variables: { planId: plan.id }, fetchPolicy: 'cache-and-network' });
  const progress = data?.incentiveProgress;
  const deals = progress?.unit === 'DEALS';
  const amount = (value: string) => (deals ? format.number(value) : format.money(value, progress?.currency ?? plan.currency));
  const campaign = plan.kind === 'SPIF' ? campaignOf(plan) : null;
  return (
    <Card withBorder padding="md" data-testid="plan-card" data-plan-id={plan.id}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Text fw={600} data-testid="plan-name">
            {plan.name}
          </Text>
          <Badge variant="light">{t(`incentives.kind.${plan.kind}`)}</Badge>
        </Group>
        {campaign ? (
          <Text size="xs" c="dimmed">
            {t('incentives.my.campaign', { from: format.day(campaign.startsOn), to: format.day(campaign.endsOn) })}
          </Text>
        ) : null}
        <ErrorAlert error={error} />
        {progress ? (
          <>
            <Text size="sm" data-testid="plan-measure">
              {deals ? t('incentives.my.dealsSoFar', { count: Number(progress.measure) }) : t('incentives.my.volumeSoFar', { amount: amount(progress.measure), period: periodLabel(progress.period, format.month) })}
            </Text>
            {progress.percentOfNext !== null && progress.nextThreshold !== null ? (
              <>
                <Progress
                  value={Number(progress.percentOfNext)}
                  size="lg"
                  aria-label={t('incentives.my.progressLabel', { percent: format.percent(progress.percentOfNext) })}
                  data-testid="plan-progress"
                  data-percent={progress.percentOfNext}
                />
                <Text size="sm" c="dimmed" data-testid="plan-next">
                  {deals
                    ? t('incentives.my.nextDeals', { count: Number(progress.missing ?? '0'), tier: (progress.nextTierIndex ?? 0) + 1, percent: format.percent(progress.percentOfNext) })
                    : t('incentives.my.nextVolume', { amount: amount(progress.missing ?? '0'), tier: (progress.nextTierIndex ?? 0) + 1, percent: format.percent(progress.percentOfNext) })}
                </Text>
              </>
            ) : progress.tierIndex !== null ? (
              <Text size="sm" c="teal" data-testid="plan-next">
                {t('incentives.my.topTier')}
              </Text>
            ) : null}
            <Text size="sm" data-testid="plan-accrued">
              {t('incentives.my.accrued', { amount: format.money(progress.accrued, progress.currency), period: periodLabel(progress.period, format.month) })}
            </Text>
          </>
        ) : error ? null : (
          <Loader size="xs" aria-label={t('common.loading')} />
        )}
      </Stack>
    </Card>
  );
}

const PAGE_SIZE = 25;

function PointsSection({ organisationWallet }: { organisationWallet: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch, fetchMore } = useQuery(PointsDocument, {
    variables: { first: PAGE_SIZE, organisationWallet: organisationWallet || undefined },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const entries = data?.pointsEntries.edges.map((edge) => edge.node) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="points-heading">
      <Title order={2} size="h4" id="points-heading">
        {t('incentives.my.points')}
      </Title>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Paper withBorder p="md" w="fit-content">
        <Text size="xs" c="dimmed">
          {organisationWallet ? t('incentives.my.organisationBalance') : t('incentives.my.balance')}
        </Text>
        <Text size="xl" fw={700} data-testid="points-balance" data-balance={data?.pointsBalance.balance}>
          {data ? t('incentives.points', { points: format.number(data.pointsBalance.balance) }) : '…'}
        </Text>
      </Paper>
      {data && entries.length === 0 ? <Text size="sm">{t('incentives.my.noEntries')}</Text> : null}
      {entries.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs" data-testid="points-entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('incentives.columns.date')}</Table.Th>
                <Table.Th scope="col">{t('incentives.columns.entry')}</Table.Th>
                <Table.Th scope="col">{t('incentives.columns.source')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('incentives.columns.points')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id} data-testid="points-entry" data-kind={entry.kind}>
                  <Table.Td>{format.dateTime(entry.at)}</Table.Td>
                  <Table.Td>{t(`incentives.entryKind.${entryKind(entry.kind)}`)}</Table.Td>
                  <Table.Td>
                    {entry.sourceType === 'INCENTIVE_STATEMENT' ? (
                      <Anchor component={Link} to={`/rewards/statements/${entry.sourceId}`}>
                        {t('incentives.my.statementSource')}
                      </Anchor>
                    ) : (
                      t(`incentives.entrySource.${entrySource(entry.sourceType)}`)
                    )}
                  </Table.Td>
                  <Table.Td ta="right" c={entry.amount.startsWith('-') ? 'red' : 'teal'} data-testid="points-entry-amount">
                    {format.number(entry.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMoreButton pageInfo={data?.pointsEntries.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
    </Stack>
  );
}

const ENTRY_KINDS = ['EARN', 'REDEEM', 'EXPIRE', 'ADJUST'] as const;
const entryKind = (kind: string): (typeof ENTRY_KINDS)[number] | 'OTHER' => ENTRY_KINDS.find((k) => k === kind) ?? 'OTHER';
const ENTRY_SOURCES = ['INCENTIVE_STATEMENT', 'REWARD_REDEMPTION', 'POINTS_LOT'] as const;
const entrySource = (source: string): (typeof ENTRY_SOURCES)[number] | 'OTHER' => ENTRY_SOURCES.find((k) => k === source) ?? 'OTHER';

function RewardsSection({ organisationWallet }: { organisationWallet: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch, fetchMore } = useQuery(RewardsDocument, { variables: { first: 50 }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const rewards = data?.rewards.edges.map((edge) => edge.node) ?? [];
  const [choice, setChoice] = useState<Reward | null>(null);
  const [outcome, setOutcome] = useState<{ name: string; points: string; requested: boolean } | null>(null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="rewards-heading">
      <Title order={2} size="h4" id="rewards-heading">
        {t('incentives.my.rewards')}
      </Title>
      {outcome ? (
        <Alert color="teal" withCloseButton onClose={() => setOutcome(null)} data-testid="redeem-outcome" role="status">
          {outcome.requested ? t('incentives.my.redeemRequested', { name: outcome.name, points: format.number(outcome.points) }) : t('incentives.my.redeemed', { name: outcome.name, points: format.number(outcome.points) })}
        </Alert>
      ) : null}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!data && loading ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {data && rewards.length === 0 ? <Text size="sm">{t('incentives.my.noRewards')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {rewards.map((reward) => (
          <Card key={reward.id} withBorder padding="md" data-testid="reward-card" data-reward-id={reward.id}>
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start">
                <Text fw={600} data-testid="reward-name">
                  {reward.name}
                </Text>
                <Badge variant="light" color="grape">
                  {t(`incentives.rewardKind.${reward.kind}`)}
                </Badge>
              </Group>
              <Text size="sm" data-testid="reward-price">
                {t('incentives.points', { points: format.number(reward.pointsPrice) })}
              </Text>
              <Text size="xs" c="dimmed" data-testid="reward-stock">
                {reward.stock === null ? t('incentives.my.unlimited') : reward.stock === 0 ? t('incentives.my.outOfStock') : t('incentives.my.inStock', { count: reward.stock })}
                {reward.requiresApproval ? ` · ${t('incentives.my.needsApproval')}` : ''}
              </Text>
              <Button size="xs" w="fit-content" disabled={reward.stock === 0} onClick={() => setChoice(reward)} data-testid="reward-redeem">
                {t('incentives.my.redeem')}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <LoadMoreButton pageInfo={data?.rewards.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
      <Modal opened={choice !== null} onClose={() => setChoice(null)} title={t('incentives.my.redeemTitle')}>
        {choice ? (
          <RedeemForm
            reward={choice}
            organisationWallet={organisationWallet}
            onCancel={() => setChoice(null)}
            onDone={(result) => {
              setChoice(null);
              setOutcome(result);
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

function RedeemForm({ reward, organisationWallet, onCancel, onDone }: { reward: Reward; organisationWallet: boolean; onCancel: () => void; onDone: (result: { name: string; points: string; requested: boolean }) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [error, setError] = useState<ErrorLike | null>(null);
  const parsed = parseError(error);
  // The ledger names the price and the balance; say it in the user's language with both numbers.
  const balanceMatch = parsed?.code === 'CONFLICT' ? /^Cannot redeem (\d+) points with a balance of (\d+)\.$/.exec(parsed.message) : null;
  const shortfall = balanceMatch ? { price: balanceMatch[1] ?? '0', balance: balanceMatch[2] ?? '0' } : null;
  const [redeem, { loading }] = useMutation(RedeemRewardDocument, { refetchQueries: ['Points', 'Rewards', 'RewardRedemptions'], awaitRefetchQueries: true });
  const confirm = async () => {
    setError(null);
    try {
      const result = await redeem({ variables: { input: { rewardId: reward.id, organisationWallet: organisationWallet || undefined } } });
      const redemption = result.data?.redeemReward;
      onDone({ name: reward.name, points: redemption?.points ?? reward.pointsPrice, requested: redemption?.status === 'REQUESTED' });
    } catch (caught) {
      setError(asErrorLike(caught));
    }
  };
  return (
    <Stack gap="md" data-testid="redeem-dialog">
      <Text size="sm">{t('incentives.my.redeemConfirm', { name: reward.name, points: format.number(reward.pointsPrice) })}</Text>
      {organisationWallet ? <Text size="sm">{t('incentives.my.fromOrganisationWallet')}</Text> : null}
      {shortfall ? (
        <Alert color="red" role="alert" title={t('errors.title')} data-testid="redeem-error">
          {t('incentives.my.notEnoughPoints', { price: format.number(shortfall.price), balance: format.number(shortfall.balance) })}
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
        <Button loading={loading} onClick={() => void confirm()} data-testid="redeem-confirm">
          {t('incentives.my.redeem')}
        </Button>
      </Group>
    </Stack>
  );
}

function StatementsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const { data, loading, error, refetch, fetchMore } = useQuery(IncentiveStatementsDocument, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const statements = data?.incentiveStatements.edges.map((edge) => edge.node) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="statements-heading">
      <Title order={2} size="h4" id="statements-heading">
        {t('incentives.my.statements')}
      </Title>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {!data && loading ? (
        <Center>
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {data && statements.length === 0 ? <Text size="sm">{t('incentives.my.noStatements')}</Text> : null}
      {statements.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="statements-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('incentives.columns.plan')}</Table.Th>
                <Table.Th scope="col">{t('incentives.columns.period')}</Table.Th>
                <Table.Th scope="col">{t('incentives.columns.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('incentives.columns.total')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {statements.map((statement) => (
                <Table.Tr key={statement.id} data-testid="statement-row" data-statement-id={statement.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/rewards/statements/${statement.id}`} data-testid="statement-link">
                      {statement.plan?.name ?? t('incentives.unknownPlan')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{periodLabel(statement.period, format.month)}</Table.Td>
                  <Table.Td>
                    <StatementStatusBadge status={statement.status} />
                  </Table.Td>
                  <Table.Td ta="right">{format.money(statement.total, statement.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMoreButton pageInfo={data?.incentiveStatements.pageInfo} loading={loading} onLoad={(after) => fetchMore({ variables: { after } })} />
    </Stack>
  );
}
