import type { ErrorLike } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { hasRole } from '../../app/auth/roles';
import { useCurrentUser } from '../../app/auth/use-current-user';
import { ErrorAlert } from '../../app/errors/error-alert';
import { FormErrorSummary } from '../../app/errors/form-error-summary';
import { asErrorLike } from '../../app/errors/graphql-errors';
import { useFieldErrors } from '../../app/errors/use-field-errors';
import { PageTitle } from '../../app/routing/page-title';
import type { ActivityApprovalMode, ActivityKind } from '../../gql/graphql';
import { ActivityTypesDocument, CreateActivityTypeDocument, UpdateActivityTypeDocument } from '../activities/activities.documents';
import { CoursesDocument, CreateCourseDocument, UpdateCourseDocument } from './training.documents';

const KINDS: readonly ActivityKind[] = ['WEBINAR_ATTENDED', 'DEMO_HELD', 'BUSINESS_REVIEW_HELD', 'JOINT_MARKETING_EVENT', 'OTHER'];

/** Vendor staff: the course catalogue and the activity types partners can log; vendor admins edit them. */
export default function TrainingAdminPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = hasRole(user?.role, ['VENDOR_ADMIN']);
  return (
    <Stack gap="md">
      <div>
        <PageTitle documentTitle={t('training.admin.title')}>{t('training.admin.title')}</PageTitle>
        <Text c="dimmed" size="sm" mt={-8}>
          {t('training.admin.intro')}{' '}
          {canEdit ? (
            <Anchor component={Link} to="/training/import" data-testid="completion-import-link">
              {t('training.admin.importLink')}
            </Anchor>
          ) : null}
        </Text>
      </div>
      <Courses canEdit={canEdit} />
      <ActivityTypes canEdit={canEdit} />
    </Stack>
  );
}

function Courses({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(CoursesDocument, { variables: { includeInactive: true } });
  const [update, updating] = useMutation(UpdateCourseDocument);
  return (
    <Card withBorder component="section" aria-labelledby="courses-heading">
      <Title order={2} size="h4" id="courses-heading" mb="sm">
        {t('training.admin.courses')}
      </Title>
      <ErrorAlert error={error ?? updating.error} onRetry={() => void refetch()} />
      <Table striped data-testid="courses-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('training.columns.course')}</Table.Th>
            <Table.Th scope="col">{t('training.columns.certification')}</Table.Th>
            <Table.Th scope="col">{t('training.columns.validity')}</Table.Th>
            <Table.Th scope="col">{t('training.columns.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data?.courses ?? []).map((c) => (
            <Table.Tr key={c.id} data-testid="course-row">
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{c.certification ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>{c.certification ? (c.validityMonths ? t('training.admin.months', { count: c.validityMonths }) : t('training.neverExpires')) : '—'}</Table.Td>
              <Table.Td>
                <Switch
                  checked={c.active}
                  disabled={!canEdit}
                  aria-label={t('training.admin.activeLabel', { name: c.name })}
                  onChange={(e) =>
                    void update({ variables: { id: c.id, input: { name: c.name, certification: c.certification, validityMonths: c.validityMonths ?? undefined, active: e.currentTarget.checked } } })
                  }
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canEdit ? <NewCourseForm /> : null}
    </Card>
  );
}

function NewCourseForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [certification, setCertification] = useState(true);
  const [validity, setValidity] = useState<number | string>(24);
  const [error, setError] = useState<ErrorLike | null>(null);
  const { parsed, field } = useFieldErrors(error);
  const [create, { loading }] = useMutation(CreateCourseDocument, { refetchQueries: ['Courses'] });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      await create({ variables: { input: { name, certification, validityMonths: certification && validity !== '' ? Number(validity) : undefined } } });
      setName('');
    } catch (caught) {
      setError(asErrorLike(caught));
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} data-testid="new-course-form" noValidate>
      <Stack gap="xs" mt="md" maw={560}>
        <Title order={3} size="h5">
          {t('training.admin.newCourse')}
        </Title>
        <FormErrorSummary parsed={parsed} />
        <TextInput label={t('training.admin.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required error={field('name')} data-testid="course-name" />
        <Checkbox label={t('training.admin.certification')} checked={certification} onChange={(e) => setCertification(e.currentTarget.checked)} data-testid="course-certification" />
        {certification ? (
          <NumberInput
            label={t('training.admin.validityMonths')}
            description={t('training.admin.validityHint')}
            min={1}
            max={240}
            value={validity}
            onChange={setValidity}
            error={field('validityMonths')}
            data-testid="course-validity"
          />
        ) : null}
        <Group>
          <Button type="submit" loading={loading} disabled={name.trim() === ''} data-testid="course-submit">
            {t('training.admin.addCourse')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ActivityTypes({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(ActivityTypesDocument, { variables: { includeInactive: true } });
  const [update, updating] = useMutation(UpdateActivityTypeDocument);
  return (
    <Card withBorder component="section" aria-labelledby="activity-types-heading">
      <Title order={2} size="h4" id="activity-types-heading" mb="sm">
        {t('training.admin.activityTypes')}
      </Title>
      <ErrorAlert error={error ?? updating.error} onRetry={() => void refetch()} />
      <Table striped data-testid="activity-types-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('training.admin.name')}</Table.Th>
            <Table.Th scope="col">{t('training.admin.kind')}</Table.Th>
            <Table.Th scope="col">{t('training.admin.approval')}</Table.Th>
            <Table.Th scope="col">{t('training.admin.evidence')}</Table.Th>
            <Table.Th scope="col">{t('training.columns.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data?.activityTypes ?? []).map((a) => (
            <Table.Tr key={a.id} data-testid="activity-type-row">
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>{t(`activities.kind.${a.kind}`)}</Table.Td>
              <Table.Td>{t(`activities.approval.${a.approval}`)}</Table.Td>
              <Table.Td>{a.evidenceRequired ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>
                <Switch
                  checked={a.active}
                  disabled={!canEdit}
                  aria-label={t('training.admin.activeLabel', { name: a.name })}
                  onChange={(e) =>
                    void update({ variables: { id: a.id, input: { name: a.name, kind: a.kind, approval: a.approval, evidenceRequired: a.evidenceRequired, active: e.currentTarget.checked } } })
                  }
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canEdit ? <NewActivityTypeForm /> : null}
    </Card>
  );
}

function NewActivityTypeForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ActivityKind>('WEBINAR_ATTENDED');
  const [approval, setApproval] = useState<ActivityApprovalMode>('AUTO');
  const [evidenceRequired, setEvidenceRequired] = useState(false);
  const [error, setError] = useState<ErrorLike | null>(null);
  const { parsed, field } = useFieldErrors(error);
  const [create, { loading }] = useMutation(CreateActivityTypeDocument, { refetchQueries: ['ActivityTypes'] });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      await create({ variables: { input: { name, kind, approval, evidenceRequired } } });
      setName('');
    } catch (caught) {
      setError(asErrorLike(caught));
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} data-testid="new-activity-type-form" noValidate>
      <Stack gap="xs" mt="md" maw={560}>
        <Title order={3} size="h5">
          {t('training.admin.newActivityType')}
        </Title>
        <FormErrorSummary parsed={parsed} />
        <TextInput label={t('training.admin.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required error={field('name')} data-testid="activity-type-name" />
        <Select label={t('training.admin.kind')} data={KINDS.map((k) => ({ value: k, label: t(`activities.kind.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as ActivityKind)} allowDeselect={false} />
        <Select
          label={t('training.admin.approval')}
          data={(['AUTO', 'VERIFIED'] as const).map((m) => ({ value: m, label: t(`activities.approval.${m}`) }))}
          value={approval}
          onChange={(v) => v && setApproval(v as ActivityApprovalMode)}
          allowDeselect={false}
          data-testid="activity-type-approval"
        />
        <Checkbox label={t('training.admin.evidenceRequired')} checked={evidenceRequired} onChange={(e) => setEvidenceRequired(e.currentTarget.checked)} />
        <Group>
          <Button type="submit" loading={loading} disabled={name.trim() === ''} data-testid="activity-type-submit">
            {t('training.admin.addActivityType')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
