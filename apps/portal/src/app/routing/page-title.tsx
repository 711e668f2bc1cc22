import { Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's h1, also used as the document title so screen-reader users hear where they are. */
export function PageTitle({ children, documentTitle }: { children: ReactNode; documentTitle: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${documentTitle} · ${t('app.name')}`;
  }, [documentTitle, t]);
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}
