import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListCard } from '../../app/components/list-card';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import { asErrorLike } from '../../app/errors/graphql-errors';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { PageTitle } from '../../app/routing/page-title';
import { useFormat } from '../../i18n/use-format';
import { ActivitiesDocument, ActivityTypesDocument, LogActivityDocument } from './activities.documents';
import { ActivityDescription, ActivityStatusWithReason } from './activity-status-badge';

const PAGE_SIZE = 25;
const today = (): string => new Date().toISOString().slice(0, 10);

/** Partners: log an activity (webinar, demo, business review, joint event) with evidence, and follow its approval. */
export default function MyActivitiesPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <div>
        <PageTitle documentTitle={t('activities.mine.title')}>{t('activities.mine.title')}</PageTitle>
        <Text c="dimmed" size="sm" mt={-8}>
          {t('activities.mine.intro')}
        </Text>
      </div>
      <LogActivityForm />
      <MyActivityList />
    </Stack>
  );
}

function LogActivityForm() {
  const { t } = useTranslation();
  const types = useQuery(ActivityTypesDocument, { variables: {} });
  const options = types.data?.activityTypes ?? [];
  const [typeId, setTypeId] = useState<string | null>(null);
  const [occurredOn, setOccurredOn] = useState(today());
  const [description, setDescription] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [error, setError] = useState<ErrorLike | null>(null);
  const [logged, setLogged] = useState<'APPROVED' | 'SUBMITTED' | null>(null);
  const { parsed, field } = useFieldErrors(error);
  const [log, { loading }] = useMutation(LogActivityDocument, { refetchQueries: ['Activities'] });
  const chosen = options.find((o) => o.id === typeId);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!typeId) return;
    setError(null);
    setLogged(null);
    try {
      const result = await log({ variables: { input: { typeId, occurredOn, description, evidenceUrl: evidenceUrl.trim() || undefined } } });
      setLogged(result.data?.logActivity.status === 'APPROVED' ? 'APPROVED' : 'SUBMITTED');
      setDescription('');
      setEvidenceUrl('');
    } catch (caught) {
      setError(asErrorLike(caught));
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="log-activity-heading">
      <Title order={2} size="h4" id="log-activity-heading" mb="sm">
        {t('activities.log.title')}
      </Title>
      <form onSubmit={(event) => void submit(event)} data-testid="log-activity-form" noValidate>
        <Stack gap="sm" maw={560}>
          <FormErrorSummary parsed={parsed} />
          <Select
            label={t('activities.log.type')}
            data={options.map((o) => ({ value: o.id, label: o.name }))}
            value={typeId}
            onChange={setTypeId}
            required
            error={field('typeId')}
            description={chosen ? t(chosen.approval === 'AUTO' ? 'activities.log.auto' : 'activities.log.verified') : undefined}
            data-testid="activity-type"
          />
          <TextInput type="date" label={t('activities.log.occurredOn')} value={occurredOn} max={today()} onChange={(e) => setOccurredOn(e.currentTarget.value)} required error={field('occurredOn')} data-testid="activity-date" />
          <Textarea label={t('activities.log.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} required autosize minRows={2} maxLength={2000} error={field('description')} data-testid="activity-description" />
          <TextInput
            label={t('activities.log.evidenceUrl')}
            description={chosen?.evidenceRequired ? t('activities.log.evidenceRequired') : t('activities.log.evidenceOptional')}
            placeholder="https://"
            value={evidenceUrl}
            onChange={(e) => setEvidenceUrl(e.currentTarget.value)}
            required={chosen?.evidenceRequired ?? false}
            error={field('evidenceUrl')}
            data-testid="activity-evidence"
          />
          <Group>
            <Button type="submit" loading={loading} disabled={!typeId || description.trim() === ''} data-testid="activity-submit">
              {t('activities.log.submit')}
            </Button>
          </Group>
          {logged ? (
            <Alert color="teal" role="status" data-testid="activity-logged">
              {t(logged === 'APPROVED' ? 'activities.log.loggedApproved' : 'activities.log.loggedSubmitted')}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}

function MyActivityList() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, fetchMore, refetch } = useQuery(ActivitiesDocument, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const rows = data?.activities.edges.map((e) => e.node) ?? [];
  return (
    <ListCard
      title={t('activities.mine.list')}
      headingId="my-activities-heading"
      error={error}
      onRetry={() => void refetch()}
      loaded={Boolean(data)}
      rowCount={rows.length}
      emptyText={t('activities.mine.empty')}
      emptyTestId="activities-empty"
      tableTestId="activities-table"
      minWidth={640}
      columns={[t('activities.columns.date'), t('activities.columns.type'), t('activities.columns.description'), t('activities.columns.status')]}
      pageInfo={data?.activities.pageInfo}
      loading={loading}
      onLoad={(after) => fetchMore({ variables: { after } })}
    >
      {rows.map((a) => (
        <Table.Tr key={a.id} data-testid="activity-row">
          <Table.Td>{format.day(a.occurredOn)}</Table.Td>
          <Table.Td>{a.type.name}</Table.Td>
          <Table.Td>
            <ActivityDescription description={a.description} evidenceUrl={a.evidenceUrl ?? null} />
          </Table.Td>
          <Table.Td>
            <ActivityStatusWithReason status={a.status} reason={a.decisionReason ?? null} />
          </Table.Td>
        </Table.Tr>
      ))}
    </ListCard>
  );
}
