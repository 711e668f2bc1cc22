export { activityAwards, APPROVAL_MODES, POINTS } from './activity';
export type { ActivityEvent, ActivityLine, ActivityRule, ApprovalMode } from './activity';
export { certificationExpiresOn, certificationsExpiring, certifiedPeopleCount, isCertificationValid } from './certifications';
export type { Certification, ExpiringCertification } from './certifications';
export { bookLine, clawbackLine, clawbacksFor, isWithinClawbackWindow } from './clawbacks';
export type { AccrualLine, Reversal } from './clawbacks';
export { budgetUsedPercent, costPerUnitMinor, gainPerCost, participationRate, paymentDelayDays, programRoi, redemptionSpeedDays, redemptionSpeedDaysOf } from './measurement';
export { addCalendarMonths, assertPeriodOpen, nextOpenPeriod, nextPeriod, PERIOD_KINDS, periodOf } from './periods';
export type { Period, PeriodKind } from './periods';
export {
  applyRedemption,
  DEFAULT_POINTS_EXPIRY_MONTHS,
  entryLegs,
  expirePoints,
  openLots,
  POINTS_ACCOUNTS,
  POINTS_ENTRY_KINDS,
  pointsBalance,
  redemptionAges,
} from './points-ledger';
export type { Lot, PointsAccount, PointsEntry, PointsEntryKind } from './points-ledger';
export { progressToNextTier, rebate, rebateIncremental, REBATE_MODES, rebateRetroactive } from './rebates';
export type { RebateLine, RebateMode, RebateResult, TierProgress } from './rebates';
export { referralCommission } from './referral';
export type { MonthlyMrr, ReferralLine, ReferralTerms } from './referral';
export { earlyRenewalRewards, expansionRewards, nrrReward } from './retention';
export type { ExpansionMovement, NrrRewardInput, Renewal, RetentionLine } from './retention';
export { collectRewardErrors, isPercentInRange, rewardFor } from './reward';
export type { Reward, RewardAmount } from './reward';
export { SPIF_TIER_MODES, spifLines, spifPredicate, spifRefusal, validateSpifCampaign } from './spif';
export type { SpifCampaign, SpifDeal, SpifFilter, SpifLine, SpifPayout, SpifTierMode } from './spif';
export { buildStatement, STATEMENT_ACTIONS, STATEMENT_STATUSES, statementTransition } from './statements';
export type { Statement, StatementAction, StatementLineInput, StatementStatus, StatementTotal } from './statements';
export { assertValidCountTiers, assertValidTiers, tierIndexReached, validateCountTiers, validateTiers } from './tiers';
export type { AmountTier, CountTier, TierOptions } from './tiers';
