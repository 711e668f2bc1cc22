import { Box, Card, Group, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface RevenueHeadingProps {
  id: string;
  title: string;
  /** A sentence under the title: what the figures are and how to read them. */
  intro?: string;
  /** Controls on the right of the title, such as the CSV export or the month. */
  actions?: ReactNode;
  /** A section of the page (2) or a block inside one (3). */
  level: 2 | 3;
}

/** The title row of a revenue section or block. */
export function RevenueHeading({ id, title, intro, actions, level }: RevenueHeadingProps) {
  return (
    <Group justify="space-between" align={level === 2 ? 'flex-end' : 'flex-start'} wrap={level === 2 ? 'wrap' : 'nowrap'}>
      <div>
        <Title order={level} size={level === 2 ? 'h3' : 'h5'} id={id}>
          {title}
        </Title>
        {intro ? (
          <Text size={level === 2 ? 'sm' : 'xs'} c="dimmed">
            {intro}
          </Text>
        ) : null}
      </div>
      {actions}
    </Group>
  );
}

interface RevenueCardProps extends Omit<RevenueHeadingProps, 'id' | 'level'> {
  testId: string;
  children: ReactNode;
}

/** One titled block of revenue figures (a chart or a table), labelled for assistive technology by its title. */
export function RevenueCard({ testId, children, ...heading }: RevenueCardProps) {
  const headingId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid={testId}>
      <RevenueHeading id={headingId} level={3} {...heading} />
      <Box mt="sm">{children}</Box>
    </Card>
  );
}
