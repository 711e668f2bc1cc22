import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';

/** The day the protection ends, with the whole days left; orange in the last two weeks. */
export function ProtectionCountdown({ endsAt, daysLeft }: { endsAt: string; daysLeft: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={0}>
      <Text size="sm" data-testid="protection-end">
        {format.date(endsAt)}
      </Text>
      {daysLeft !== null ? (
        <Text size="xs" c={daysLeft <= 14 ? 'orange.8' : 'dimmed'} data-testid="protection-countdown">
          {t('deals.daysLeft', { count: daysLeft })}
        </Text>
      ) : null}
    </Stack>
  );
}
