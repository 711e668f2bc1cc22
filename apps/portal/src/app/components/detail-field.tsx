import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One label/value pair of a description list (`<dl>`); an empty value shows a dash. */
export function DetailField({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm" data-testid={testId}>
        {children ?? '—'}
      </Text>
    </Stack>
  );
}

/** A link target for a website or bare domain as people type it ("acme.nl" → "https://acme.nl"). */
export const websiteHref = (website: string): string => (/^https?:\/\//i.test(website) ? website : `https://${website}`);
