import * as incentives from '../index';
import * as activity from '../activity';
import * as certifications from '../certifications';
import * as clawbacks from '../clawbacks';
import * as measurement from '../measurement';
import * as periods from '../periods';
import * as pointsLedger from '../points-ledger';
import * as rebates from '../rebates';
import * as referral from '../referral';
import * as retention from '../retention';
import * as reward from '../reward';
import * as spif from '../spif';
import * as statements from '../statements';
import * as tiers from '../tiers';

// periods.checkedDate is internal; every other export is public.
const MODULES: [string, Record<string, unknown>, string[]][] = [
  ['activity', activity, ['activityAwards', 'APPROVAL_MODES', 'POINTS']],
  ['certifications', certifications, ['certificationExpiresOn', 'certificationsExpiring', 'certifiedPeopleCount', 'isCertificationValid']],
  ['clawbacks', clawbacks, ['bookLine', 'clawbackLine', 'clawbacksFor', 'isWithinClawbackWindow']],
  ['measurement', measurement, ['budgetUsedPercent', 'costPerUnitMinor', 'gainPerCost', 'participationRate', 'paymentDelayDays', 'programRoi', 'redemptionSpeedDays', 'redemptionSpeedDaysOf']],
  ['periods', periods, ['addCalendarMonths', 'assertPeriodOpen', 'nextOpenPeriod', 'nextPeriod', 'PERIOD_KINDS', 'periodOf']],
  [
    'points-ledger',
    pointsLedger,
    ['applyRedemption', 'DEFAULT_POINTS_EXPIRY_MONTHS', 'entryLegs', 'expirePoints', 'openLots', 'POINTS_ACCOUNTS', 'POINTS_ENTRY_KINDS', 'pointsBalance', 'redemptionAges'],
  ],
  ['rebates', rebates, ['progressToNextTier', 'rebate', 'rebateIncremental', 'REBATE_MODES', 'rebateRetroactive']],
  ['referral', referral, ['referralCommission']],
  ['retention', retention, ['earlyRenewalRewards', 'expansionRewards', 'nrrReward']],
  ['reward', reward, ['collectRewardErrors', 'isPercentInRange', 'rewardFor']],
  ['spif', spif, ['SPIF_TIER_MODES', 'spifLines', 'spifPredicate', 'spifRefusal', 'validateSpifCampaign']],
  ['statements', statements, ['buildStatement', 'STATEMENT_ACTIONS', 'STATEMENT_STATUSES', 'statementTransition']],
  ['tiers', tiers, ['assertValidCountTiers', 'assertValidTiers', 'tierIndexReached', 'validateCountTiers', 'validateTiers']],
];

describe('index (the @prm/domain/incentives public API)', () => {
  it.each(MODULES)('re-exports the public exports of %s unchanged', (_module, source, names) => {
    for (const name of names) {
      expect(name in source).toBe(true);
      expect((incentives as Record<string, unknown>)[name]).toBe(source[name]);
    }
  });

  it('exports nothing else', () => {
    expect(Object.keys(incentives).sort()).toEqual(MODULES.flatMap(([, , names]) => names).sort());
  });

  it('keeps internal helpers internal', () => {
    expect('checkedDate' in incentives).toBe(false);
  });
});
