import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/shell/language-switch';

/** The centred card that the sign-in and invitation pages share. */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between" align="center">
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="xl" component="main">
          <Title order={1} size="h2" mb={intro ? 'xs' : 'lg'}>
            {title}
          </Title>
          {intro ? (
            <Text c="dimmed" size="sm" mb="lg">
              {intro}
            </Text>
          ) : null}
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
