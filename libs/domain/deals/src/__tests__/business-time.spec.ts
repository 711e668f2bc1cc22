import fc from 'fast-check';
import { addBusinessDays, addDays, daysLeft, dueReminder } from '../business-time';

const DAY = 86_400_000;
const at = (iso: string): Date => new Date(iso);

const dateArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

function isWeekendUtc(date: Date): boolean {
  return date.getUTCDay() === 0 || date.getUTCDay() === 6;
}

function utcMidnight(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/**
 * Independent closed form: from a weekday (or the Monday 00:00 after a weekend start), `n` business
 * days are 7 calendar days per full working week plus the remainder, plus a weekend if the remainder
 * runs past Friday.
 */
function expectedBusinessDays(start: Date, n: number): number {
  const dow = start.getUTCDay();
  let base = start.getTime();
  if (dow === 6) base = utcMidnight(start) + 2 * DAY;
  if (dow === 0) base = utcMidnight(start) + DAY;
  const mondayIndex = (new Date(base).getUTCDay() + 6) % 7; // Monday 0 … Friday 4
  const rest = n % 5;
  const calendarDays = 7 * Math.floor(n / 5) + rest + (mondayIndex + rest >= 5 ? 2 : 0);
  return base + calendarDays * DAY;
}

describe('addBusinessDays', () => {
  it.each<[string, string, number, string]>([
    ['Friday + 1 → Monday, same time', '2025-01-03T10:30:00.000Z', 1, '2025-01-06T10:30:00.000Z'],
    ['Thursday 15:00 + 2 → Monday 15:00', '2025-01-02T15:00:00.000Z', 2, '2025-01-06T15:00:00.000Z'],
    ['Saturday + 2 → Wednesday 00:00 UTC', '2025-01-04T13:45:00.000Z', 2, '2025-01-08T00:00:00.000Z'],
    ['Saturday + 1 → Tuesday 00:00 UTC', '2025-01-04T13:45:00.000Z', 1, '2025-01-07T00:00:00.000Z'],
    ['Sunday 23:59:59.999 + 2 → Wednesday 00:00 UTC', '2025-01-05T23:59:59.999Z', 2, '2025-01-08T00:00:00.000Z'],
    ['Saturday 00:00 + 0 → Monday 00:00', '2025-01-04T00:00:00.000Z', 0, '2025-01-06T00:00:00.000Z'],
    ['Sunday + 0 → Monday 00:00', '2025-01-05T18:00:00.000Z', 0, '2025-01-06T00:00:00.000Z'],
    ['Monday + 0 → same instant', '2025-01-06T08:15:30.250Z', 0, '2025-01-06T08:15:30.250Z'],
    ['Wednesday + 0 → same instant', '2025-01-08T12:00:00.000Z', 0, '2025-01-08T12:00:00.000Z'],
    ['Friday 23:59:59.999 + 0 → same instant', '2025-01-03T23:59:59.999Z', 0, '2025-01-03T23:59:59.999Z'],
    ['Monday + 1 → Tuesday', '2025-01-06T09:00:00.000Z', 1, '2025-01-07T09:00:00.000Z'],
    ['Monday + 4 → Friday', '2025-01-06T09:00:00.000Z', 4, '2025-01-10T09:00:00.000Z'],
    ['Monday + 5 → next Monday', '2025-01-06T09:00:00.000Z', 5, '2025-01-13T09:00:00.000Z'],
    ['Wednesday + 3 → next Monday', '2025-01-08T09:00:00.000Z', 3, '2025-01-13T09:00:00.000Z'],
    ['Friday 23:59:59.999 + 1 → Monday 23:59:59.999', '2025-01-03T23:59:59.999Z', 1, '2025-01-06T23:59:59.999Z'],
    ['Thursday + 10 → two weeks later', '2025-01-02T11:00:00.000Z', 10, '2025-01-16T11:00:00.000Z'],
    ['month end: Friday 31 Jan + 1 → Monday 3 Feb', '2025-01-31T09:00:00.000Z', 1, '2025-02-03T09:00:00.000Z'],
    ['year end: Wednesday 31 Dec + 2 → Friday 2 Jan', '2025-12-31T17:00:00.000Z', 2, '2026-01-02T17:00:00.000Z'],
    ['year end: Tuesday 31 Dec + 1 → Wednesday 1 Jan (no holidays)', '2024-12-31T17:00:00.000Z', 1, '2025-01-01T17:00:00.000Z'],
    ['year end: Friday 31 Dec + 1 → Monday 3 Jan', '2027-12-31T16:00:00.000Z', 1, '2028-01-03T16:00:00.000Z'],
    ['year end: Saturday 31 Dec + 1 → Tuesday 3 Jan 00:00', '2022-12-31T10:00:00.000Z', 1, '2023-01-03T00:00:00.000Z'],
    ['leap day: Wednesday 28 Feb + 1 → Thursday 29 Feb', '2024-02-28T12:00:00.000Z', 1, '2024-02-29T12:00:00.000Z'],
    ['leap day: Thursday 29 Feb + 2 → Monday 4 Mar', '2024-02-29T12:00:00.000Z', 2, '2024-03-04T12:00:00.000Z'],
    ['EU clock change weekend: Friday 00:30 + 1 → Monday 00:30 UTC', '2025-03-28T00:30:00.000Z', 1, '2025-03-31T00:30:00.000Z'],
  ])('%s', (_label, start, days, expected) => {
    expect(addBusinessDays(at(start), days).toISOString()).toBe(expected);
  });

  it.each([-1, -5, 1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('rejects %p days with a RangeError', (days) => {
    expect(() => addBusinessDays(at('2025-01-06T09:00:00Z'), days)).toThrow(RangeError);
  });

  it('neither mutates nor returns the start date', () => {
    const start = at('2025-01-06T09:00:00Z');
    const result = addBusinessDays(start, 0);
    expect(result).not.toBe(start);
    addBusinessDays(start, 3);
    expect(start.toISOString()).toBe('2025-01-06T09:00:00.000Z');
  });

  it('property: matches the closed-form count of working weeks', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 400 }), (start, days) => {
        expect(addBusinessDays(start, days).getTime()).toBe(expectedBusinessDays(start, days));
      }),
    );
  });

  it('property: never lands on a weekend', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), (start, days) => {
        expect(isWeekendUtc(addBusinessDays(start, days))).toBe(false);
      }),
    );
  });

  it('property: monotonic in days (strictly), and never before the start', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (start, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const early = addBusinessDays(start, low).getTime();
        const late = addBusinessDays(start, high).getTime();
        if (low === high) expect(late).toBe(early);
        else expect(late).toBeGreaterThan(early);
        expect(early).toBeGreaterThanOrEqual(start.getTime());
        if (high >= 1) expect(late).toBeGreaterThan(start.getTime());
      }),
    );
  });

  it('property: exactly `days` weekdays lie after the (weekday-adjusted) start, up to and including the result', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 30 }), (start, days) => {
        const result = addBusinessDays(start, days);
        let weekdays = 0;
        for (let t = utcMidnight(start) + DAY; t <= result.getTime(); t += DAY) {
          if (!isWeekendUtc(new Date(t))) weekdays += 1;
        }
        // A weekend start counts from Monday 00:00, which is itself the first day counted above, so it is not a business day "added".
        const expected = isWeekendUtc(start) ? days + 1 : days;
        expect(weekdays).toBe(expected);
      }),
    );
  });

  it('property: keeps the time of day from a weekday start; midnight from a weekend start', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 30 }), (start, days) => {
        const timeOfDay = (d: Date): number => d.getTime() - utcMidnight(d);
        expect(timeOfDay(addBusinessDays(start, days))).toBe(isWeekendUtc(start) ? 0 : timeOfDay(start));
      }),
    );
  });

  it('property: adding a then b business days equals adding a + b', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (start, a, b) => {
        expect(addBusinessDays(addBusinessDays(start, a), b).getTime()).toBe(addBusinessDays(start, a + b).getTime());
      }),
    );
  });
});

describe('addDays', () => {
  it.each<[string, number, string]>([
    ['2025-03-01T10:00:00.000Z', 90, '2025-05-30T10:00:00.000Z'],
    ['2025-03-29T12:00:00.000Z', 1, '2025-03-30T12:00:00.000Z'],
    ['2025-12-31T23:59:59.999Z', 1, '2026-01-01T23:59:59.999Z'],
    ['2024-02-28T00:00:00.000Z', 1, '2024-02-29T00:00:00.000Z'],
    ['2025-01-06T09:00:00.000Z', 0, '2025-01-06T09:00:00.000Z'],
    ['2025-01-06T09:00:00.000Z', -6, '2024-12-31T09:00:00.000Z'],
    ['2025-01-04T09:00:00.000Z', 2, '2025-01-06T09:00:00.000Z'],
  ])('%s + %d days → %s (calendar days, weekends included)', (start, days, expected) => {
    expect(addDays(at(start), days).toISOString()).toBe(expected);
  });

  it('property: moves by exactly days × 24 h and leaves the start alone', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -1000, max: 1000 }), (start, days) => {
        const before = start.getTime();
        expect(addDays(start, days).getTime() - before).toBe(days * DAY);
        expect(start.getTime()).toBe(before);
      }),
    );
  });
});

describe('daysLeft', () => {
  const END = at('2025-06-30T12:00:00.000Z');

  it.each<[string, string, number]>([
    ['long after the end', '2025-09-01T00:00:00.000Z', 0],
    ['1 ms after the end', '2025-06-30T12:00:00.001Z', 0],
    ['exactly at the end', '2025-06-30T12:00:00.000Z', 0],
    ['1 ms before the end', '2025-06-30T11:59:59.999Z', 1],
    ['exactly 1 day before', '2025-06-29T12:00:00.000Z', 1],
    ['1 day and 1 ms before', '2025-06-29T11:59:59.999Z', 2],
    ['exactly 3 days before', '2025-06-27T12:00:00.000Z', 3],
    ['2.5 days before', '2025-06-28T00:00:00.000Z', 3],
    ['13.5 days before', '2025-06-17T00:00:00.000Z', 14],
    ['exactly 14 days before', '2025-06-16T12:00:00.000Z', 14],
    ['exactly 90 days before', '2025-04-01T12:00:00.000Z', 90],
  ])('%s → %d', (_label, now, expected) => {
    expect(daysLeft(END, at(now))).toBe(expected);
  });

  it('property: (k − 1) days < time left ≤ k days, and 0 once the end has passed', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -200 * DAY, max: 200 * DAY }), (now, offset) => {
        const end = new Date(now.getTime() + offset);
        const k = daysLeft(end, now);
        expect(Number.isInteger(k)).toBe(true);
        if (offset <= 0) {
          expect(k).toBe(0);
        } else {
          expect(k).toBeGreaterThanOrEqual(1);
          expect(offset).toBeLessThanOrEqual(k * DAY);
          expect(offset).toBeGreaterThan((k - 1) * DAY);
        }
      }),
    );
  });
});

describe('dueReminder', () => {
  const END = at('2025-06-30T12:00:00.000Z');
  const REMINDERS = [14, 3] as const;
  const before = (ms: number): Date => new Date(END.getTime() - ms);

  it.each<[string, Date, readonly number[], number | null]>([
    ['30 days before: nothing due yet', before(30 * DAY), [], null],
    ['1 ms before the 14-day mark', before(14 * DAY + 1), [], null],
    ['exactly 14 days before', before(14 * DAY), [], 14],
    ['10 days before, 14 not yet sent', before(10 * DAY), [], 14],
    ['10 days before, 14 already sent', before(10 * DAY), [14], null],
    ['1 ms before the 3-day mark, 14 sent', before(3 * DAY + 1), [14], null],
    ['1 ms before the 3-day mark, 14 never sent', before(3 * DAY + 1), [], 14],
    ['exactly 3 days before, 14 sent', before(3 * DAY), [14], 3],
    ['exactly 3 days before, nothing sent: only the 3-day one', before(3 * DAY), [], 3],
    ['found late at 2 days left, 14 never sent: 3 only', before(2 * DAY), [], 3],
    ['2 days left, 3 already sent', before(2 * DAY), [3], null],
    ['2 days left, 3 sent but 14 never sent: 14 is superseded', before(2 * DAY), [3], null],
    ['2 days left, both sent', before(2 * DAY), [14, 3], null],
    ['1 ms before the end', before(1), [14], 3],
    ['exactly at the end', END, [], null],
    ['after the end', new Date(END.getTime() + DAY), [], null],
    ['long after the end', new Date(END.getTime() + 100 * DAY), [14], null],
  ])('%s → %p', (_label, now, alreadySent, expected) => {
    expect(dueReminder(END, now, REMINDERS, alreadySent)).toBe(expected);
  });

  it.each<[string, readonly number[], Date, readonly number[], number | null]>([
    ['no reminders configured', [], before(DAY), [], null],
    ['reminders listed in ascending order', [3, 14], before(10 * DAY), [], 14],
    ['reminders listed in ascending order, late', [3, 14], before(2 * DAY), [], 3],
    ['three reminders, middle one due', [30, 7, 1], before(5 * DAY), [30], 7],
    ['three reminders, nearest one due, none sent', [30, 7, 1], before(DAY / 2), [], 1],
    ['a single reminder', [7], before(7 * DAY), [], 7],
  ])('%s', (_label, reminderDays, now, alreadySent, expected) => {
    expect(dueReminder(END, now, reminderDays, alreadySent)).toBe(expected);
  });

  it('does not reorder (or need to reorder) a frozen reminder list', () => {
    const reminderDays = Object.freeze([14, 3]);
    expect(dueReminder(END, before(DAY), reminderDays, [])).toBe(3);
    expect(reminderDays).toEqual([14, 3]);
  });

  const reminderDaysArb = fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 5 });

  it('property: returns the nearest due reminder unless it was sent, and only before the end', () => {
    fc.assert(
      fc.property(
        reminderDaysArb,
        fc.integer({ min: -5 * DAY, max: 70 * DAY }),
        fc.func(fc.boolean()),
        (reminderDays, msLeft, wasSent) => {
          const alreadySent = reminderDays.filter((d) => wasSent(d));
          const now = before(msLeft);
          const result = dueReminder(END, now, reminderDays, alreadySent);
          const dueNow = reminderDays.filter((d) => msLeft <= d * DAY);
          if (msLeft <= 0 || dueNow.length === 0) {
            expect(result).toBeNull();
            return;
          }
          const nearest = Math.min(...dueNow);
          expect(result).toBe(alreadySent.includes(nearest) ? null : nearest);
        },
      ),
    );
  });

  it('property: a result is always a configured, unsent, already-due reminder', () => {
    fc.assert(
      fc.property(reminderDaysArb, fc.integer({ min: -5 * DAY, max: 70 * DAY }), fc.array(fc.integer({ min: 1, max: 60 })), (reminderDays, msLeft, alreadySent) => {
        const result = dueReminder(END, before(msLeft), reminderDays, alreadySent);
        if (result === null) return;
        expect(reminderDays).toContain(result);
        expect(alreadySent).not.toContain(result);
        expect(msLeft).toBeGreaterThan(0);
        expect(msLeft).toBeLessThanOrEqual(result * DAY);
      }),
    );
  });
});
