import { useApolloClient } from '@apollo/client/react';
import { Anchor, Group, List, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors/use-error-message';
import { useFormat } from '../../i18n/use-format';
import { downloadProofFile, MdfHttpError } from './mdf-http';

export interface ProofFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** "245 KB", "1.2 MB" in the user's language. */
export function useFileSize(): (bytes: number) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (bytes) =>
    bytes >= 1024 * 1024
      ? t('mdf.files.megabytes', { size: format.number((Math.round((bytes / (1024 * 1024)) * 10) / 10).toString()) })
      : t('mdf.files.kilobytes', { size: format.number(Math.max(1, Math.round(bytes / 1024)).toString()) });
}

/** A claim's proof files; each downloads through the authenticated route (a plain link would carry no token). */
export function ProofFileLinks({ files }: { files: readonly ProofFile[] }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const size = useFileSize();
  const { summary } = useErrorMessage();
  const [failed, setFailed] = useState<string | null>(null);
  if (files.length === 0) return <Text size="sm" c="dimmed">{t('mdf.files.none')}</Text>;
  return (
    <>
      <List size="sm" spacing={2} data-testid="proof-files">
        {files.map((file) => (
          <List.Item key={file.id}>
            <Group gap={6} wrap="nowrap">
              <Anchor
                component="button"
                type="button"
                size="sm"
                data-testid="proof-file-link"
                onClick={() => {
                  setFailed(null);
                  downloadProofFile(client, file.id, file.name).catch((error: unknown) =>
                    setFailed(error instanceof MdfHttpError ? summary(error.parsed) : t('errors.NETWORK')),
                  );
                }}
              >
                {file.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {size(file.size)}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
      {failed ? (
        <Text size="xs" c="red.7" role="alert">
          {failed}
        </Text>
      ) : null}
    </>
  );
}
