import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CsvImport } from '../../app/files/csv-import';
import { ImportLeadsDocument } from './leads.documents';

/** CSV import of leads into the pool, with the same report as the house-account import. */
export function LeadImport() {
  const { t } = useTranslation();
  const [importCsv] = useMutation(ImportLeadsDocument, { refetchQueries: ['Leads'] });
  return (
    <CsvImport
      title={t('leads.importTitle')}
      hint={t('leads.importHint')}
      run={async (csv, importValidRows) => (await importCsv({ variables: { input: { csv, importValidRows } } })).data?.importLeads}
      counts={(report) => t('leads.importCounts', { rows: report.rows, imported: report.imported, rejected: report.rejected })}
      testId="lead-import"
    />
  );
}
