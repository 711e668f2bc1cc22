import * as revenue from '../index';
import * as conversion from '../conversion';
import * as customerMonths from '../customer-months';
import * as dates from '../dates';
import * as movements from '../movements';
import * as mrr from '../mrr';
import * as renewals from '../renewals';
import * as retention from '../retention';

describe('index (the @prm/domain/revenue public API)', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['dates', dates, ['addDays', 'addMonths', 'daysBetween', 'endOfMonth', 'isIsoDate', 'laterOf', 'monthOf', 'monthsBetween']],
    ['mrr', mrr, ['BILLING_INTERVALS', 'discountApplies', 'MAX_INTERVAL_MONTHS', 'monthlyRecurringMinor', 'SUBSCRIPTION_STATUSES']],
    ['movements', movements, ['customerMovements', 'MOVEMENT_KINDS', 'subscriptionChangePoints']],
    ['customer-months', customerMonths, ['customerMonths', 'zeroTotals']],
    [
      'retention',
      retention,
      ['arpaMinor', 'arrMinor', 'grossMrrChurn', 'lifetimeValue', 'logoChurnRate', 'netMrrChurn', 'ratioPercent', 'retention', 'retentionFromSums'],
    ],
    ['renewals', renewals, ['cancellationEffectiveDate', 'EARLY_RENEWAL_DAYS', 'isEarlyRenewal', 'isRenewalDue', 'RENEWAL_WINDOW_DAYS']],
    ['conversion', conversion, ['convertMinor', 'RATE_MAX_FRACTION_DIGITS']],
  ])('re-exports every export of %s unchanged', (_module, source, names) => {
    expect(Object.keys(source).sort()).toEqual([...names].sort());
    for (const name of names) {
      expect(name in revenue).toBe(true);
      expect((revenue as Record<string, unknown>)[name]).toBe(source[name]);
    }
  });

  it('exports nothing else', () => {
    expect(Object.keys(revenue)).toHaveLength(8 + 5 + 3 + 2 + 9 + 5 + 2);
  });
});
