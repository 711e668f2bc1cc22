import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A span of time in whole minutes ("2 h 5 min"), for response times and the time left to answer. */
export function useDuration(): (seconds: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (seconds: number) => {
      const minutes = Math.floor(seconds / 60);
      if (minutes < 1) return t('leads.duration.lessThanMinute');
      const hours = Math.floor(minutes / 60);
      return hours === 0 ? t('leads.duration.minutes', { minutes }) : t('leads.duration.hoursMinutes', { hours, minutes: minutes % 60 });
    },
    [t],
  );
}

/** The current time, renewed every `intervalMs`, so a countdown moves while the page stays open. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
