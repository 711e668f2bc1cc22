import { useQuery } from '@apollo/client/react';
import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivityRulesInput, TrainingRulesInput } from '../../gql/graphql';
import { ActivityTypesDocument } from '../activities/activities.documents';
import { CoursesDocument } from '../training/training.documents';

// The ACTIVITY and TRAINING parts of the plan form: a reward (and a cap) per activity type, a reward per course.

export interface ActivityRewardRow {
  activityTypeId: string | null;
  amount: string;
  capPerPeriod: string;
}

export interface CourseRewardRow {
  courseId: string | null;
  amount: string;
}

export const EMPTY_ACTIVITY_ROWS: readonly ActivityRewardRow[] = [{ activityTypeId: null, amount: '', capPerPeriod: '' }];
export const EMPTY_COURSE_ROWS: readonly CourseRewardRow[] = [{ courseId: null, amount: '' }];

const blankOr = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function activityInput(rows: readonly ActivityRewardRow[]): ActivityRulesInput {
  return { activities: rows.map((r) => ({ activityTypeId: r.activityTypeId ?? '', amount: r.amount.trim(), capPerPeriod: blankOr(r.capPerPeriod) })) };
}

export function trainingInput(rows: readonly CourseRewardRow[]): TrainingRulesInput {
  return { courses: rows.map((r) => ({ courseId: r.courseId ?? '', amount: r.amount.trim() })) };
}

type Under = (prefix: string) => string | undefined;

export function ActivityRulesFields({ rows, onChange, under }: { rows: readonly ActivityRewardRow[]; onChange: (rows: ActivityRewardRow[]) => void; under: Under }) {
  const { t } = useTranslation();
  const types = useQuery(ActivityTypesDocument, { variables: {} });
  const options = (types.data?.activityTypes ?? []).map((a) => ({ value: a.id, label: a.name }));
  const set = (i: number, patch: Partial<ActivityRewardRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Paper withBorder p="md" data-testid="activity-rules">
      <Title order={2} size="h5" mb="xs">
        {t('incentives.form.activityRules')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('incentives.form.activityHint')}
      </Text>
      {under('rules.activity') && !under('rules.activity.activities[') && !under('rules.activity.activities.') ? (
        <Text size="sm" c="red" mb="sm">
          {under('rules.activity')}
        </Text>
      ) : null}
      <Stack gap="sm">
        {rows.map((row, i) => (
          <Group key={i} align="flex-start" gap="sm" wrap="wrap" data-testid="activity-rule-row">
            <Select
              label={t('incentives.form.activityType')}
              data={options}
              value={row.activityTypeId}
              onChange={(v) => set(i, { activityTypeId: v })}
              error={under(`rules.activity.activities[${i}].activityTypeId`) ?? under(`rules.activity.activities.${i}.activityTypeId`)}
              w={260}
            />
            <TextInput label={t('incentives.form.rewardPerActivity')} value={row.amount} onChange={(e) => set(i, { amount: e.currentTarget.value })} error={under(`rules.activity.activities[${i}].amount`) ?? under(`rules.activity.activities.${i}.amount`)} w={160} />
            <TextInput
              label={t('incentives.form.capPerPeriod')}
              description={t('incentives.form.capPerPeriodHint')}
              value={row.capPerPeriod}
              onChange={(e) => set(i, { capPerPeriod: e.currentTarget.value })}
              error={under(`rules.activity.activities[${i}].capPerPeriod`) ?? under(`rules.activity.activities.${i}.capPerPeriod`)}
              w={200}
            />
            {rows.length > 1 ? (
              <ActionIcon variant="subtle" color="red" mt={28} aria-label={t('incentives.form.removeRow')} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                ×
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        <Button variant="light" w="fit-content" onClick={() => onChange([...rows, { activityTypeId: null, amount: '', capPerPeriod: '' }])}>
          {t('incentives.form.addActivityRow')}
        </Button>
      </Stack>
    </Paper>
  );
}

export function TrainingRulesFields({ rows, onChange, under }: { rows: readonly CourseRewardRow[]; onChange: (rows: CourseRewardRow[]) => void; under: Under }) {
  const { t } = useTranslation();
  const courses = useQuery(CoursesDocument, { variables: {} });
  const options = (courses.data?.courses ?? []).map((c) => ({ value: c.id, label: c.name }));
  const set = (i: number, patch: Partial<CourseRewardRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Paper withBorder p="md" data-testid="training-rules">
      <Title order={2} size="h5" mb="xs">
        {t('incentives.form.trainingRules')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('incentives.form.trainingHint')}
      </Text>
      {under('rules.training') && !under('rules.training.courses[') && !under('rules.training.courses.') ? (
        <Text size="sm" c="red" mb="sm">
          {under('rules.training')}
        </Text>
      ) : null}
      <Stack gap="sm">
        {rows.map((row, i) => (
          <Group key={i} align="flex-start" gap="sm" data-testid="course-rule-row">
            <Select label={t('incentives.form.course')} data={options} value={row.courseId} onChange={(v) => set(i, { courseId: v })} error={under(`rules.training.courses[${i}].courseId`) ?? under(`rules.training.courses.${i}.courseId`)} w={300} />
            <TextInput label={t('incentives.form.rewardPerCompletion')} value={row.amount} onChange={(e) => set(i, { amount: e.currentTarget.value })} error={under(`rules.training.courses[${i}].amount`) ?? under(`rules.training.courses.${i}.amount`)} w={180} />
            {rows.length > 1 ? (
              <ActionIcon variant="subtle" color="red" mt={28} aria-label={t('incentives.form.removeRow')} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                ×
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        <Button variant="light" w="fit-content" onClick={() => onChange([...rows, { courseId: null, amount: '' }])}>
          {t('incentives.form.addCourseRow')}
        </Button>
      </Stack>
    </Paper>
  );
}
