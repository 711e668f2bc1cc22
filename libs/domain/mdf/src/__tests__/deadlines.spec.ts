import fc from 'fast-check';
import { addDays, daysBetween } from '@prm/domain/revenue';
import {
  claimDeadline,
  DEFAULT_CLAIM_DEADLINE_DAYS,
  DEFAULT_EXPIRY_GRACE_DAYS,
  EXPIRY_REMINDER_DAYS,
  expiryRemindersDue,
  fundExpiry,
  isActivityInWindow,
  isClaimLate,
} from '../deadlines';

const dateArb = fc.integer({ min: 0, max: 60_000 }).map((n) => addDays('1990-01-01', n));

describe('defaults', () => {
  it('are the brief’s: 60 claim days, 0 grace days, reminders 30 and 7 days ahead', () => {
    expect(DEFAULT_CLAIM_DEADLINE_DAYS).toBe(60);
    expect(DEFAULT_EXPIRY_GRACE_DAYS).toBe(0);
    expect(EXPIRY_REMINDER_DAYS).toEqual([30, 7]);
  });
});

describe('claimDeadline', () => {
  it.each<[string, number, string | null | undefined, string]>([
    ['2026-03-31', 60, undefined, '2026-05-30'],
    ['2026-03-31', 60, null, '2026-05-30'],
    ['2026-12-15', 60, undefined, '2027-02-13'], // over the year end
    ['2024-01-01', 60, undefined, '2024-03-01'], // a leap February
    ['2026-06-30', 0, undefined, '2026-06-30'], // due the day the activity ends
    ['2026-03-31', 60, '2026-06-30', '2026-06-30'], // extended
    ['2026-03-31', 60, '2026-05-30', '2026-05-30'], // "extended" to the same day
    ['2026-03-31', 60, '2026-04-15', '2026-05-30'], // an earlier date never shortens it
  ])('%s + %i days (extended to %p) → %s', (end, days, extendedTo, deadline) => {
    expect(claimDeadline(end, days, extendedTo)).toBe(deadline);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p days', (days) => {
    expect(() => claimDeadline('2026-03-31', days)).toThrow(RangeError);
  });

  it('refuses a malformed date', () => {
    expect(() => claimDeadline('2026-02-30', 60)).toThrow(RangeError);
    expect(() => claimDeadline('2026-03-31', 60, '31/12/2026')).toThrow(RangeError);
  });

  it('property: never before end + days, and never before the extension', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 400 }), fc.option(dateArb, { nil: null }), (end, days, extendedTo) => {
        const deadline = claimDeadline(end, days, extendedTo);
        expect(daysBetween(end, deadline) >= days).toBe(true);
        if (extendedTo !== null) expect(deadline >= extendedTo).toBe(true);
        expect(deadline === addDays(end, days) || deadline === extendedTo).toBe(true);
      }),
    );
  });
});

describe('isClaimLate', () => {
  it.each<[string, string, boolean]>([
    ['2026-05-29', '2026-05-30', false],
    ['2026-05-30', '2026-05-30', false], // the deadline day itself is on time
    ['2026-05-31', '2026-05-30', true],
    ['2027-01-01', '2026-12-31', true],
    ['2020-01-01', '2026-12-31', false],
  ])('submitted %s, deadline %s → late %s', (today, deadline, late) => {
    expect(isClaimLate(today, deadline)).toBe(late);
  });

  it('refuses malformed dates', () => {
    expect(() => isClaimLate('2026-5-30', '2026-05-30')).toThrow(RangeError);
  });
});

describe('fundExpiry', () => {
  it.each<[string, number, number, string]>([
    ['2026-03-31', 60, 0, '2026-05-30'],
    ['2026-03-31', 60, 30, '2026-06-29'],
    ['2026-12-31', 60, 0, '2027-03-01'],
    ['2027-12-31', 60, 0, '2028-02-29'], // leap year
    ['2026-06-30', 0, 0, '2026-06-30'],
    ['2026-06-30', 0, 14, '2026-07-14'],
  ])('%s + %i + %i → %s', (periodEnd, claimDays, grace, expiry) => {
    expect(fundExpiry(periodEnd, claimDays, grace)).toBe(expiry);
  });

  it.each<[number, number]>([
    [-1, 0],
    [60, -1],
    [60, 0.5],
  ])('refuses %p claim days / %p grace days', (claimDays, grace) => {
    expect(() => fundExpiry('2026-06-30', claimDays, grace)).toThrow(RangeError);
  });

  it('property: expiry is exactly claim days + grace days after the period end, and no earlier than any claim deadline of an activity inside it', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 90 }), (periodEnd, claimDays, grace, back) => {
        const expiry = fundExpiry(periodEnd, claimDays, grace);
        expect(daysBetween(periodEnd, expiry)).toBe(claimDays + grace);
        expect(claimDeadline(addDays(periodEnd, -back), claimDays) <= expiry).toBe(true);
      }),
    );
  });
});

describe('expiryRemindersDue', () => {
  const expiresOn = '2026-06-30';
  it.each<[string, string, number[], number[]]>([
    ['31 days before: nothing yet', '2026-05-30', [], []],
    ['30 days before: the 30-day reminder', '2026-05-31', [], [30]],
    ['20 days before, 30 not sent (the job was down): still due', '2026-06-10', [], [30]],
    ['20 days before, 30 sent: nothing', '2026-06-10', [30], []],
    ['8 days before, 30 sent: nothing', '2026-06-22', [30], []],
    ['7 days before, 30 sent: the 7-day reminder', '2026-06-23', [30], [7]],
    ['7 days before, nothing sent: both, 30 then 7', '2026-06-23', [], [30, 7]],
    ['7 days before, 7 sent but not 30: 30', '2026-06-23', [7], [30]],
    ['on the expiry day, nothing sent: both', '2026-06-30', [], [30, 7]],
    ['on the expiry day, both sent: nothing', '2026-06-30', [30, 7], []],
    ['the day after expiry: nothing, ever', '2026-07-01', [], []],
    ['long after expiry: nothing', '2027-01-01', [], []],
    ['unrelated numbers in alreadySent are ignored', '2026-06-23', [1, 14], [30, 7]],
  ])('%s', (_case, today, sent, due) => {
    expect(expiryRemindersDue(expiresOn, today, sent)).toEqual(due);
  });

  it('property: due reminders are unsent, within their window, in 30-then-7 order; sending them leaves nothing due', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -40, max: 60 }), fc.subarray([30, 7]), (expires, offset, sent) => {
        const today = addDays(expires, -offset);
        const due = expiryRemindersDue(expires, today, sent);
        for (const n of due) {
          expect(sent).not.toContain(n);
          expect(offset >= 0 && offset <= n).toBe(true);
        }
        expect(due).toEqual([...due].sort((a, b) => b - a));
        expect(expiryRemindersDue(expires, today, [...sent, ...due])).toEqual([]);
        for (const n of EXPIRY_REMINDER_DAYS) {
          if (!sent.includes(n) && offset >= 0 && offset <= n) expect(due).toContain(n);
        }
      }),
    );
  });
});

describe('isActivityInWindow', () => {
  const [ws, we] = ['2026-07-01', '2026-09-30'];
  it.each<[string, string, string, boolean]>([
    ['the whole window', '2026-07-01', '2026-09-30', true],
    ['one day at the start', '2026-07-01', '2026-07-01', true],
    ['one day at the end', '2026-09-30', '2026-09-30', true],
    ['inside', '2026-08-01', '2026-08-15', true],
    ['starts the day before', '2026-06-30', '2026-07-10', false],
    ['ends the day after', '2026-09-20', '2026-10-01', false],
    ['entirely before', '2026-01-01', '2026-01-31', false],
    ['entirely after', '2026-10-01', '2026-10-31', false],
    ['ends before it starts', '2026-08-15', '2026-08-01', false],
    ['covers more than the window', '2026-06-01', '2026-12-31', false],
  ])('%s', (_case, start, end, inside) => {
    expect(isActivityInWindow(start, end, ws, we)).toBe(inside);
  });

  it('refuses malformed dates', () => {
    expect(() => isActivityInWindow('2026-08-32', '2026-08-01', ws, we)).toThrow(RangeError);
  });

  it('property: inside exactly when windowStart ≤ start ≤ end ≤ windowEnd', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, dateArb, (a, b, c, d) => {
        expect(isActivityInWindow(a, b, c, d)).toBe(c <= a && a <= b && b <= d);
      }),
    );
  });
});
