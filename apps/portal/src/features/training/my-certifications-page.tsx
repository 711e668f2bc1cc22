import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListCard } from '../../app/components/list-card';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import { asErrorLike } from '../../app/errors/graphql-errors';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { PageTitle } from '../../app/routing/page-title';
import type { CompletionRowFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { CertifiedPeopleDocument, CourseCompletionsDocument, CoursesDocument, RecordCourseCompletionDocument } from './training.documents';

const PAGE_SIZE = 25;
const DAY_MS = 86_400_000;
const today = (): string => new Date().toISOString().slice(0, 10);

/** Valid, expiring within 30 days (when reminders start), expired, or a course without certification. */
export function certificationState(c: Pick<CompletionRowFragment, 'valid' | 'expiresOn' | 'course'>): 'VALID' | 'EXPIRING' | 'EXPIRED' | 'COURSE' {
  if (!c.course.certification) return 'COURSE';
  if (!c.valid) return 'EXPIRED';
  if (c.expiresOn && Date.parse(`${c.expiresOn}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`) <= 30 * DAY_MS) return 'EXPIRING';
  return 'VALID';
}

const STATE_COLOR = { VALID: 'teal', EXPIRING: 'orange', EXPIRED: 'red', COURSE: 'gray' } as const;

/** Partners: record a course completion with its certificate, and see certifications with their expiry. */
export default function MyCertificationsPage() {
  const { t } = useTranslation();
  const certified = useQuery(CertifiedPeopleDocument, { variables: {}, fetchPolicy: 'cache-and-network' });
  const count = certified.data?.certifiedPeople[0]?.count;
  return (
    <Stack gap="md">
      <div>
        <PageTitle documentTitle={t('training.mine.title')}>{t('training.mine.title')}</PageTitle>
        <Text c="dimmed" size="sm" mt={-8}>
          {t('training.mine.intro')}
        </Text>
        {count !== undefined ? (
          <Text size="sm" mt="xs" data-testid="certified-people">
            {t('training.mine.certifiedPeople', { count })}
          </Text>
        ) : null}
      </div>
      <RecordCompletionForm />
      <CompletionList />
    </Stack>
  );
}

function RecordCompletionForm() {
  const { t } = useTranslation();
  const courses = useQuery(CoursesDocument, { variables: {} });
  const [courseId, setCourseId] = useState<string | null>(null);
  const [completedOn, setCompletedOn] = useState(today());
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [error, setError] = useState<ErrorLike | null>(null);
  const [done, setDone] = useState(false);
  const { parsed, field } = useFieldErrors(error);
  const [record, { loading }] = useMutation(RecordCourseCompletionDocument, { refetchQueries: ['CourseCompletions', 'CertifiedPeople'] });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!courseId) return;
    setError(null);
    setDone(false);
    try {
      await record({ variables: { input: { courseId, completedOn, evidenceUrl: evidenceUrl.trim() || undefined } } });
      setDone(true);
      setEvidenceUrl('');
    } catch (caught) {
      setError(asErrorLike(caught));
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="record-completion-heading">
      <Title order={2} size="h4" id="record-completion-heading" mb="sm">
        {t('training.record.title')}
      </Title>
      <form onSubmit={(event) => void submit(event)} data-testid="record-completion-form" noValidate>
        <Stack gap="sm" maw={560}>
          <FormErrorSummary parsed={parsed} />
          <Select
            label={t('training.record.course')}
            data={(courses.data?.courses ?? []).map((c) => ({ value: c.id, label: c.certification ? t('training.record.certificationOption', { name: c.name }) : c.name }))}
            value={courseId}
            onChange={setCourseId}
            required
            searchable
            error={field('courseId')}
            data-testid="completion-course"
          />
          <TextInput type="date" label={t('training.record.completedOn')} value={completedOn} max={today()} onChange={(e) => setCompletedOn(e.currentTarget.value)} required error={field('completedOn')} data-testid="completion-date" />
          <TextInput label={t('training.record.evidenceUrl')} placeholder="https://" value={evidenceUrl} onChange={(e) => setEvidenceUrl(e.currentTarget.value)} error={field('evidenceUrl')} data-testid="completion-evidence" />
          <Group>
            <Button type="submit" loading={loading} disabled={!courseId} data-testid="completion-submit">
              {t('training.record.submit')}
            </Button>
          </Group>
          {done ? (
            <Alert color="teal" role="status" data-testid="completion-recorded">
              {t('training.record.recorded')}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}

function CompletionList() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, fetchMore, refetch } = useQuery(CourseCompletionsDocument, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const rows = data?.courseCompletions.edges.map((e) => e.node) ?? [];
  return (
    <ListCard
      title={t('training.mine.list')}
      headingId="completions-heading"
      error={error}
      onRetry={() => void refetch()}
      loaded={Boolean(data)}
      rowCount={rows.length}
      emptyText={t('training.mine.empty')}
      emptyTestId="completions-empty"
      tableTestId="completions-table"
      minWidth={600}
      columns={[t('training.columns.course'), t('training.columns.completedOn'), t('training.columns.expiresOn'), t('training.columns.state')]}
      pageInfo={data?.courseCompletions.pageInfo}
      loading={loading}
      onLoad={(after) => fetchMore({ variables: { after } })}
    >
      {rows.map((c) => {
        const state = certificationState(c);
        return (
          <Table.Tr key={c.id} data-testid="completion-row">
            <Table.Td>{c.course.name}</Table.Td>
            <Table.Td>{format.day(c.completedOn)}</Table.Td>
            <Table.Td>{c.expiresOn ? format.day(c.expiresOn) : c.course.certification ? t('training.neverExpires') : '—'}</Table.Td>
            <Table.Td>
              <Badge color={STATE_COLOR[state]} variant="light" data-testid="completion-state">
                {t(`training.state.${state}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListCard>
  );
}
