import fc from 'fast-check';
import { addDays } from '../dates';
import { cancellationEffectiveDate, EARLY_RENEWAL_DAYS, isEarlyRenewal, isRenewalDue, RENEWAL_WINDOW_DAYS } from '../renewals';

/** Any day of 2020–2028. */
const day = fc.integer({ min: 0, max: 3_000 }).map((n) => addDays('2020-01-01', n));

describe('cancellationEffectiveDate', () => {
  it.each<[string, string | null, string]>([
    ['2024-03-10', '2024-12-31', '2025-01-01'], // cancelled mid-term: MRR runs to the end of the paid year
    ['2024-03-10', null, '2024-03-10'], // nothing paid ahead: effective at once
    ['2025-02-01', '2024-12-31', '2025-02-01'], // cancelled after the paid period: the later date
    ['2025-01-01', '2024-12-31', '2025-01-01'], // both the same day
    ['2024-12-31', '2024-12-31', '2025-01-01'], // cancelled on the last paid day
    ['2024-01-10', '2024-02-28', '2024-02-29'], // leap year
    ['2023-01-10', '2023-02-28', '2023-03-01'], // no leap day
    ['2024-01-10', '2024-02-29', '2024-03-01'],
    ['2024-04-15', '2024-04-30', '2024-05-01'], // month end
  ])('cancelled %s, paid through %p → %s', (cancelledOn, paidThrough, expected) => {
    expect(cancellationEffectiveDate(cancelledOn, paidThrough)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['2023-01-10', '2023-02-29'],
    ['2023-02-29', '2023-01-10'],
    ['2023-02-29', null],
    ['cancelled', null],
    ['cancelled', '2024-12-31'],
  ])('rejects an invalid date (cancelled %j, paid through %j)', (cancelledOn, paidThrough) => {
    expect(() => cancellationEffectiveDate(cancelledOn, paidThrough)).toThrow(RangeError);
  });
});

describe('isEarlyRenewal', () => {
  it.each<[string, string, boolean]>([
    ['2024-10-02', '2024-12-31', true], // exactly 90 days
    ['2024-10-03', '2024-12-31', false], // 89 days
    ['2024-10-01', '2024-12-31', true], // 91 days
    ['2024-01-01', '2024-03-31', true], // 90 days across 29 February
    ['2023-01-01', '2023-03-31', false], // 89 days without it
    ['2024-12-31', '2024-12-31', false], // on the last day
    ['2025-01-05', '2024-12-31', false], // after the term ended
    ['2023-12-31', '2024-12-31', true], // a year ahead
  ])('recorded %s for a term ending %s → %p', (recordedOn, termEndsOn, expected) => {
    expect(isEarlyRenewal(recordedOn, termEndsOn)).toBe(expected);
  });

  it('the threshold is 90 days', () => {
    expect(EARLY_RENEWAL_DAYS).toBe(90);
  });
});

describe('isRenewalDue', () => {
  it.each<[string, string, boolean]>([
    ['2024-10-02', '2024-10-02', true], // ends today: 0 days
    ['2024-10-03', '2024-10-02', true], // tomorrow
    ['2024-12-31', '2024-10-02', true], // exactly 90 days ahead
    ['2025-01-01', '2024-10-02', false], // 91 days
    ['2024-10-01', '2024-10-02', false], // ended yesterday
    ['2024-03-31', '2024-01-01', true], // 90 days across 29 February
    ['2024-04-01', '2024-01-01', false], // 91
    ['2023-04-01', '2023-01-01', true], // 90 without a leap day
  ])('term ending %s, today %s → %p', (termEndsOn, today, expected) => {
    expect(isRenewalDue(termEndsOn, today)).toBe(expected);
  });

  it('the window is 90 days', () => {
    expect(RENEWAL_WINDOW_DAYS).toBe(90);
  });

  it('is due exactly for 0..90 days ahead, and early renewal starts exactly where the window ends', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), (today, ahead) => {
        const ends = addDays(today, ahead);
        expect(isRenewalDue(ends, today)).toBe(ahead >= 0 && ahead <= 90);
        expect(isEarlyRenewal(today, ends)).toBe(ahead >= 90);
      }),
    );
  });
});

describe('cancellationEffectiveDate properties', () => {
  it('never moves a cancellation earlier than either input', () => {
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), (cancelledOn, paidThrough) => {
        const effective = cancellationEffectiveDate(cancelledOn, paidThrough);
        expect(effective >= cancelledOn).toBe(true);
        if (paidThrough !== null) expect(effective > paidThrough).toBe(true);
        expect([cancelledOn, paidThrough === null ? cancelledOn : addDays(paidThrough, 1)]).toContain(effective);
      }),
    );
  });
});
