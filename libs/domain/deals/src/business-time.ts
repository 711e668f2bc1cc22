const DAY_MS = 86_400_000;

function isWeekend(date: Date): boolean {
  const day = date.getUTCDay();
  return day === 0 || day === 6;
}

/**
 * `start` plus `days` business days (Monday–Friday, UTC; public holidays are not modelled), keeping
 * the time of day. A start on a Saturday or Sunday counts from Monday 00:00 UTC, so a registration
 * sent on Saturday with a 2-day SLA is due on Wednesday 00:00.
 */
export function addBusinessDays(start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  let current = new Date(start.getTime());
  if (isWeekend(current)) {
    while (isWeekend(current)) current = new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth(), current.getUTCDate() + 1));
  }
  let left = days;
  while (left > 0) {
    current = new Date(current.getTime() + DAY_MS);
    if (!isWeekend(current)) left -= 1;
  }
  return current;
}

export function addDays(start: Date, days: number): Date {
  return new Date(start.getTime() + days * DAY_MS);
}

/** Whole days from `now` until `end`, rounded up (0 when `end` has passed): "protection ends in 3 days". */
export function daysLeft(end: Date, now: Date): number {
  const ms = end.getTime() - now.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS);
}

/**
 * Which reminders (days before the end, e.g. [14, 3]) have come due at `now` and were not yet sent.
 * Only the nearest due reminder is returned, so a deal found late gets one message, not two.
 */
export function dueReminder(end: Date, now: Date, reminderDays: readonly number[], alreadySent: readonly number[]): number | null {
  if (now.getTime() >= end.getTime()) return null;
  const due = [...reminderDays]
    .sort((a, b) => a - b)
    .find((d) => now.getTime() >= end.getTime() - d * DAY_MS);
  if (due === undefined || alreadySent.includes(due)) return null;
  // A later (nearer) reminder supersedes an earlier one that was never sent.
  return due;
}
