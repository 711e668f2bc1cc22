import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm" data-testid="forbidden">
      <Title order={1}>{t('forbidden.title')}</Title>
      <Text>{t('forbidden.body')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('forbidden.home')}
      </Button>
    </Stack>
  );
}
