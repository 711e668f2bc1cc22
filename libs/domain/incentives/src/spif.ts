import { DomainError, FieldErrorCollector } from '@prm/domain/common';
import { isCurrencyCode, type Percent } from '@prm/domain/money';
import { isIsoDate, type IsoDate } from '@prm/domain/revenue';
import { compareText } from './order';
import { collectRewardErrors, type Reward, rewardFor } from './reward';
import { type CountTier, tierIndexReached, validateCountTiers } from './tiers';

/** The facts of a won deal a SPIF looks at. */
export interface SpifDeal {
  dealId: string;
  repId: string;
  /** ISO 8601 instant of the close ('2026-03-02T10:15:00Z'). */
  closedAt: string;
  valueMinor: bigint;
  currency: string;
  productIds: readonly string[];
  programId: string;
  partnerTier: string;
  country: string;
}

/** Empty or missing lists mean "any"; a deal needs one matching product when products are listed. */
export interface SpifFilter {
  productIds?: readonly string[];
  programIds?: readonly string[];
  partnerTiers?: readonly string[];
  countries?: readonly string[];
  /** Inclusive. */
  minValueMinor?: bigint;
}

export const SPIF_TIER_MODES = ['RETROACTIVE', 'ABOVE_THRESHOLD'] as const;
export type SpifTierMode = (typeof SPIF_TIER_MODES)[number];

export type SpifPayout = Reward | { kind: 'TIERED'; mode: SpifTierMode; tiers: readonly CountTier[] };

export interface SpifCampaign {
  currency: string;
  /** The campaign window, both days inclusive, compared with the UTC day of the close. */
  startsOn: IsoDate;
  endsOn: IsoDate;
  filter: SpifFilter;
  payout: SpifPayout;
  repCapMinor?: bigint | null;
  budgetMinor?: bigint | null;
}

export interface SpifLine {
  dealId: string;
  repId: string;
  closedAt: string;
  /** The deal's place among the rep's qualifying deals (1 = first by close time, then id). */
  ordinal: number;
  rule: 'FIXED' | 'PERCENT';
  /** The count tier that produced the line, null for a flat payout. */
  tierIndex: number | null;
  baseMinor: bigint | null;
  ratePct: Percent | null;
  /** What the rule gives before caps. */
  uncappedMinor: bigint;
  amountMinor: bigint;
  cappedBy: 'REP_CAP' | 'BUDGET' | null;
}

/** Why a deal does not qualify for the filter, or null when it does. */
export function spifRefusal(filter: SpifFilter, deal: SpifDeal): string | null {
  const listed = (values: readonly string[] | undefined): values is readonly string[] => values !== undefined && values.length > 0;
  if (listed(filter.productIds) && !deal.productIds.some((id) => filter.productIds?.includes(id))) return 'No product of the deal is in the campaign.';
  if (listed(filter.programIds) && !filter.programIds.includes(deal.programId)) return `Program ${deal.programId} is not in the campaign.`;
  if (listed(filter.partnerTiers) && !filter.partnerTiers.includes(deal.partnerTier)) return `Tier ${deal.partnerTier} is not in the campaign.`;
  if (listed(filter.countries) && !filter.countries.includes(deal.country)) return `Country ${deal.country} is not in the campaign.`;
  if (filter.minValueMinor !== undefined && deal.valueMinor < filter.minValueMinor) return 'The deal is below the minimum value.';
  return null;
}

/** The filter as a predicate over deal facts. */
export function spifPredicate(filter: SpifFilter): (deal: SpifDeal) => boolean {
  return (deal) => spifRefusal(filter, deal) === null;
}

/** Every problem of a campaign's configuration at once. */
export function validateSpifCampaign(campaign: SpifCampaign): void {
  const errors = new FieldErrorCollector();
  if (!isCurrencyCode(campaign.currency)) errors.add('currency', 'The currency must be an ISO 4217 code.');
  if (!isIsoDate(campaign.startsOn)) errors.add('startsOn', 'The campaign needs a start date.');
  if (!isIsoDate(campaign.endsOn)) errors.add('endsOn', 'The campaign needs an end date.');
  if (isIsoDate(campaign.startsOn) && isIsoDate(campaign.endsOn) && campaign.endsOn < campaign.startsOn) errors.add('endsOn', 'The campaign ends before it starts.');
  const payout = campaign.payout;
  if (payout.kind === 'TIERED') {
    if (!(SPIF_TIER_MODES as readonly string[]).includes(payout.mode)) errors.add('payout.mode', 'The mode must be RETROACTIVE or ABOVE_THRESHOLD.');
    // Gaps between count tiers are allowed: deals there earn nothing, like deals below the first tier.
    for (const [field, messages] of Object.entries(validateCountTiers(payout.tiers, { allowGaps: true, field: 'payout.tiers' }))) {
      for (const message of messages) errors.add(field, message);
    }
  } else {
    collectRewardErrors(payout, 'payout', errors);
  }
  for (const key of ['repCapMinor', 'budgetMinor'] as const) {
    const cap = campaign[key];
    if (cap !== undefined && cap !== null && cap < 0n) errors.add(key, 'A cap must not be negative.');
  }
  if (campaign.filter.minValueMinor !== undefined && campaign.filter.minValueMinor < 0n) errors.add('filter.minValueMinor', 'The minimum value must not be negative.');
  errors.throwIfAny('The SPIF campaign is not valid.');
}

/**
 * The campaign's accrual lines: one per qualifying deal that the payout rewards, in close-time order
 * (then deal id). The rep cap applies first, per rep in that order; the budget then runs out across
 * all reps in the same order, leaving a partial last line and zero lines after it (kept, so a rep can
 * see why a qualifying deal paid nothing).
 */
export function spifLines(campaign: SpifCampaign, deals: readonly SpifDeal[]): SpifLine[] {
  validateSpifCampaign(campaign);
  const seen = new Set<string>();
  // Close times repeat (a quarter's deals share some ninety days): each is parsed once.
  const parsed = new Map<string, { at: number; day: string }>();
  const timed = deals.map((deal) => {
    if (seen.has(deal.dealId)) throw new DomainError('BAD_USER_INPUT', `Deal ${deal.dealId} is listed twice.`);
    seen.add(deal.dealId);
    let time = parsed.get(deal.closedAt);
    if (time === undefined) {
      const at = Date.parse(deal.closedAt);
      if (Number.isNaN(at)) throw new DomainError('BAD_USER_INPUT', `Deal ${deal.dealId} has no valid close time.`);
      parsed.set(deal.closedAt, (time = { at, day: new Date(at).toISOString().slice(0, 10) }));
    }
    if (deal.valueMinor < 0n) throw new DomainError('BAD_USER_INPUT', `Deal ${deal.dealId} has a negative value.`);
    return { deal, at: time.at, day: time.day };
  });
  const qualifying = timed
    .filter(({ deal, day }) => day >= campaign.startsOn && day <= campaign.endsOn && spifRefusal(campaign.filter, deal) === null)
    .sort((a, b) => a.at - b.at || compareText(a.deal.dealId, b.deal.dealId));
  for (const { deal } of qualifying) {
    // Conversion is an explicit, separate step (docs/money.md); a SPIF never mixes currencies.
    if (deal.currency !== campaign.currency) throw new DomainError('BAD_USER_INPUT', `Deal ${deal.dealId} is in ${deal.currency}; the campaign pays in ${campaign.currency}.`);
  }

  const countByRep = new Map<string, number>();
  for (const { deal } of qualifying) countByRep.set(deal.repId, (countByRep.get(deal.repId) ?? 0) + 1);

  const ordinalByRep = new Map<string, number>();
  const froms = campaign.payout.kind === 'TIERED' ? campaign.payout.tiers.map((tier) => BigInt(tier.fromCount)) : [];
  const lines: SpifLine[] = [];
  for (const { deal } of qualifying) {
    const ordinal = (ordinalByRep.get(deal.repId) ?? 0) + 1;
    ordinalByRep.set(deal.repId, ordinal);
    const chosen = chooseReward(campaign.payout, froms, ordinal, countByRep.get(deal.repId) ?? 0);
    if (chosen === null) continue;
    const amount = rewardFor(chosen.reward, deal.valueMinor);
    lines.push({
      dealId: deal.dealId,
      repId: deal.repId,
      closedAt: deal.closedAt,
      ordinal,
      rule: chosen.reward.kind,
      tierIndex: chosen.tierIndex,
      baseMinor: amount.baseMinor,
      ratePct: amount.ratePct,
      amountMinor: amount.amountMinor,
      uncappedMinor: amount.amountMinor,
      cappedBy: null,
    });
  }
  return applyCaps(lines, campaign.repCapMinor ?? null, campaign.budgetMinor ?? null);
}

/** `froms`: the tiers' first counts as bigints (worked out once per campaign). */
function chooseReward(payout: SpifPayout, froms: readonly bigint[], ordinal: number, repCount: number): { reward: Reward; tierIndex: number | null } | null {
  if (payout.kind !== 'TIERED') return { reward: payout, tierIndex: null };
  // RETROACTIVE: the tier the rep's final count reached pays every deal; ABOVE_THRESHOLD: each deal its own band.
  const index = payout.mode === 'RETROACTIVE' ? tierIndexReached(BigInt(repCount), froms) : bandIndex(payout.tiers, ordinal);
  const tier = payout.tiers[index];
  return tier === undefined ? null : { reward: tier.reward, tierIndex: index };
}

function bandIndex(tiers: readonly CountTier[], ordinal: number): number {
  return tiers.findIndex((tier) => tier.fromCount <= ordinal && (tier.toCount === null || ordinal < tier.toCount));
}

function applyCaps(lines: SpifLine[], repCap: bigint | null, budget: bigint | null): SpifLine[] {
  const paidByRep = new Map<string, bigint>();
  let budgetLeft = budget;
  return lines.map((line) => {
    let amount = line.amountMinor;
    let cappedBy: SpifLine['cappedBy'] = null;
    if (repCap !== null) {
      const left = repCap - (paidByRep.get(line.repId) ?? 0n);
      if (amount > left) {
        amount = left;
        cappedBy = 'REP_CAP';
      }
      paidByRep.set(line.repId, (paidByRep.get(line.repId) ?? 0n) + amount);
    }
    if (budgetLeft !== null) {
      if (amount > budgetLeft) {
        amount = budgetLeft;
        cappedBy = 'BUDGET';
      }
      budgetLeft -= amount;
    }
    // Most lines are not capped: those are returned as they are (a million lines in a quarter).
    return cappedBy === null && amount === line.amountMinor ? line : { ...line, amountMinor: amount, cappedBy };
  });
}
