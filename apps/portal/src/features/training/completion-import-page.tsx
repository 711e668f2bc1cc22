import { useMutation } from '@apollo/client/react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CsvImport } from '../../app/files/csv-import';
import { PageTitle } from '../../app/routing/page-title';
import { ImportCourseCompletionsDocument } from './training.documents';

/** Vendor admins: completions exported from the learning system; all or nothing, a repeated import adds nothing. */
export default function CompletionImportPage() {
  const { t } = useTranslation();
  const [importCsv] = useMutation(ImportCourseCompletionsDocument, { refetchQueries: ['CourseCompletions'] });
  return (
    <Stack gap="md">
      <PageTitle documentTitle={t('training.import.title')}>{t('training.import.title')}</PageTitle>
      <CsvImport
        title={t('training.import.cardTitle')}
        hint={t('training.import.hint')}
        allOrNothing
        run={async (csv) => {
          const report = (await importCsv({ variables: { input: { csv } } })).data?.importCourseCompletions;
          if (!report) return null;
          return { ...report, applied: report.errors.length === 0, imported: report.applied, rejected: new Set(report.errors.map((e) => e.row)).size };
        }}
        counts={(report) => t('training.import.counts', { rows: report.rows, imported: report.imported, duplicates: report.duplicates, rejected: report.rejected })}
        testId="completion-import"
      />
      <Text size="sm" c="dimmed">
        {t('training.import.example')}
      </Text>
    </Stack>
  );
}
