import { Button, type ButtonProps, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The end of a dialog's form: Cancel, and the submit button (the form's `onSubmit` does the work). */
export function DialogButtons({
  busy,
  submitLabel,
  onCancel,
  testId,
  color,
  disabled,
}: {
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
  testId: string;
  color?: ButtonProps['color'];
  disabled?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('actions.cancel')}
      </Button>
      <Button type="submit" color={color} loading={busy} disabled={disabled} data-testid={testId}>
        {submitLabel}
      </Button>
    </Group>
  );
}
