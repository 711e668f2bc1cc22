import { Alert, Button, Code, CopyButton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface OneTimeSecretProps {
  title: string;
  value: string;
  testId: string;
}

/** A value the API returns only once (invitation link, API key secret), with a copy button. */
export function OneTimeSecret({ title, value, testId }: OneTimeSecretProps) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" title={title} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('secret.onlyOnce')}</Text>
        <Code block data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant={copied ? 'filled' : 'light'} color="teal" onClick={copy} w="fit-content">
              {copied ? t('secret.copied') : t('secret.copy')}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}
