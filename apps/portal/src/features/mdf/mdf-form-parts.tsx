import type { ErrorLike } from '@apollo/client';
import { Anchor, Card, Grid, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/errors/error-alert';
import { PageTitle } from '../../app/routing/page-title';
import { PageLoader } from './mdf-table';

/** The page around an MDF form: the way back, the title, the load error and the first-load spinner. */
export function MdfFormFrame(props: { back: { to: string; label: string } | null; title: string; loading: boolean; error: ErrorLike | undefined; onRetry: () => void; children: ReactNode }) {
  return (
    <Stack gap="md">
      {props.back ? (
        <Anchor component={Link} to={props.back.to} size="sm">
          ← {props.back.label}
        </Anchor>
      ) : null}
      <PageTitle documentTitle={props.title}>{props.title}</PageTitle>
      <ErrorAlert error={props.error} onRetry={props.onRetry} />
      {props.loading ? <PageLoader /> : null}
      {props.children}
    </Stack>
  );
}

/** A money field: a decimal amount in the currency shown before it. */
export function AmountInput(props: { label: string; currency: string; required?: boolean; description?: string; value: string; onChange: (value: string) => void; error: string | undefined; disabled?: boolean; testId: string }) {
  return (
    <TextInput
      label={props.label}
      required={props.required}
      description={props.description}
      inputMode="decimal"
      leftSection={
        <Text size="xs" c="dimmed">
          {props.currency}
        </Text>
      }
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={props.error}
      disabled={props.disabled}
      data-testid={props.testId}
    />
  );
}

/** A label and its value on one line of a side card. */
export function SideFigure({ label, strong, children }: { label: string; strong?: 500 | 600 | 700; children: ReactNode }) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={strong}>
        {children}
      </Text>
    </Group>
  );
}

/** A form with a card beside it (below it on small screens) saying what the form is about. */
export function MdfFormLayout({ side, children }: { side: { testId: string; title: string; children: ReactNode }; children: ReactNode }) {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>{children}</Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Card withBorder padding="md" data-testid={side.testId}>
          <Title order={2} size="h4">
            {side.title}
          </Title>
          {side.children}
        </Card>
      </Grid.Col>
    </Grid>
  );
}
