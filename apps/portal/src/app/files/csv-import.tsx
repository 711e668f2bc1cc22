import type { ErrorLike } from '@apollo/client';
import { Alert, Button, Card, Checkbox, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../errors/form-error-summary';
import { asErrorLike } from '../errors/graphql-errors';
import { useErrorMessage } from '../errors/use-error-message';
import { useFieldErrors } from '../errors/use-field-errors';

/** What the API's CSV imports answer (house accounts, leads). */
export interface CsvImportReport {
  applied: boolean;
  rows: number;
  rejected: number;
  errors: readonly { row: number; column: string; message: string }[];
}

/** Give `run` before `counts` in JSX: TypeScript then reads the report type from `run`. */
interface CsvImportProps<R extends CsvImportReport> {
  title: string;
  /** The columns the file needs, in a sentence. */
  hint: string;
  /** The counts line of the report. */
  counts: (report: R) => string;
  /** Sends the file's text; resolves with the report. */
  run: (csv: string, importValidRows: boolean) => Promise<R | null | undefined>;
  /** `data-testid` of the card; the controls inside have fixed ones (import-file, import-submit, import-report, …). */
  testId: string;
  /** The API never imports part of a file: no offer to import the valid rows. */
  allOrNothing?: boolean;
}

/**
 * A CSV import card. The file is read in the browser and sent as text. With any row in error the API
 * imports nothing; the report lists every problem and offers to import the valid rows anyway.
 */
export function CsvImport<R extends CsvImportReport>({ title, hint, counts, run, testId, allOrNothing = false }: CsvImportProps<R>) {
  const { t } = useTranslation();
  const { detail } = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [validRowsToo, setValidRowsToo] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorLike | null>(null);
  const { parsed, field } = useFieldErrors(error);

  const send = async (text: string, importValidRows: boolean) => {
    setLoading(true);
    setError(null);
    try {
      setReport((await run(text, importValidRows)) ?? null);
      setValidRowsToo(false);
    } catch (caught) {
      setReport(null);
      setError(asErrorLike(caught));
    } finally {
      setLoading(false);
    }
  };

  const start = async () => {
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    await send(text, false);
  };

  const validRows = report ? report.rows - report.rejected : 0;
  const blocked = report !== null && !report.applied && report.errors.length > 0;
  const headingId = `${testId}-heading`;

  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid={testId}>
      <Title order={2} size="h4" id={headingId}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {hint}
      </Text>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <FileInput
            flex={1}
            maw={420}
            label={t('csvImport.file')}
            placeholder={t('csvImport.chooseFile')}
            accept=".csv,text/csv"
            clearable
            value={file}
            onChange={(next) => {
              setFile(next);
              setReport(null);
              setCsv(null);
              setError(null);
            }}
            error={field('csv')}
            data-testid="import-file"
          />
          <Button disabled={!file} loading={loading && !validRowsToo} onClick={() => void start()} data-testid="import-submit">
            {t('csvImport.import')}
          </Button>
        </Group>
        {parsed && !field('csv') ? <FormErrorSummary parsed={parsed} /> : null}
        {report ? (
          <Alert color={report.applied ? 'teal' : 'orange'} role="status" data-testid="import-report">
            <Text size="sm" fw={600}>
              {report.applied ? t('csvImport.applied') : blocked ? t('csvImport.blocked') : t('csvImport.nothing')}
            </Text>
            <Text size="sm" data-testid="import-counts">
              {counts(report)}
            </Text>
          </Alert>
        ) : null}
        {report && report.errors.length > 0 ? (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4} striped data-testid="import-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('csvImport.errorRow')}</Table.Th>
                  <Table.Th scope="col">{t('csvImport.errorColumn')}</Table.Th>
                  <Table.Th scope="col">{t('csvImport.errorMessage')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.errors.map((rowError) => (
                  <Table.Tr key={`${rowError.row}-${rowError.column}-${rowError.message}`} data-testid="import-error-row">
                    <Table.Td>{rowError.row}</Table.Td>
                    <Table.Td>{rowError.column}</Table.Td>
                    <Table.Td>{detail(rowError.message)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {blocked && !allOrNothing && csv !== null && validRows > 0 ? (
          <Group gap="sm">
            <Checkbox
              label={t('csvImport.importValidRows', { count: validRows })}
              checked={validRowsToo}
              onChange={(event) => setValidRowsToo(event.currentTarget.checked)}
              data-testid="import-valid-rows"
            />
            <Button variant="light" disabled={!validRowsToo} loading={loading && validRowsToo} onClick={() => void send(csv, true)} data-testid="import-valid-rows-submit">
              {t('csvImport.importValidRowsButton', { count: validRows })}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
