import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { useDuration, useNow } from './use-duration';

/** The API reminds the partner this long before the deadline (LEAD_REMINDER_HOURS); the countdown turns orange too. */
const URGENT_MS = 12 * 3_600_000;

/** When the partner must answer, with the time left: orange in the last hours, red once it passed. */
export function RespondByCountdown({ respondBy }: { respondBy: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const left = new Date(respondBy).getTime() - useNow(30_000);
  return (
    <Stack gap={0}>
      <Text size="sm" data-testid="respond-by">
        {format.dateTime(respondBy)}
      </Text>
      <Text size="xs" c={left <= 0 ? 'red.7' : left <= URGENT_MS ? 'orange.8' : 'dimmed'} data-testid="respond-countdown">
        {left <= 0 ? t('leads.timeUp') : t('leads.timeLeft', { time: duration(left / 1000) })}
      </Text>
    </Stack>
  );
}
