import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CsvImport } from '../../app/files/csv-import';
import { ImportHouseAccountsDocument } from './house-accounts.documents';

/** CSV import of house accounts; a row whose domain is already a house account updates it. */
export function HouseAccountImport() {
  const { t } = useTranslation();
  const [importCsv] = useMutation(ImportHouseAccountsDocument, { refetchQueries: ['HouseAccounts'] });
  return (
    <CsvImport
      title={t('houseAccounts.importTitle')}
      hint={t('houseAccounts.importHint')}
      run={async (csv, importValidRows) => (await importCsv({ variables: { input: { csv, importValidRows } } })).data?.importHouseAccounts}
      counts={(report) => t('houseAccounts.importCounts', { rows: report.rows, imported: report.imported, updated: report.updated, rejected: report.rejected })}
      testId="house-account-import"
    />
  );
}
