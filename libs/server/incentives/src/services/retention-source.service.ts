import { Injectable, type OnModuleInit } from '@nestjs/common';
import { expansionRewards, isWithinClawbackWindow, nrrReward, type Period, periodOf } from '@prm/domain/incentives';
import { formatMoneyPlain, money } from '@prm/domain/money';
import { daysBetween, monthOf } from '@prm/domain/revenue';
import { ProgramsService } from '@prm/server/programs';
import { type MovementFact, RevenueFactsService } from '@prm/server/revenue';
import { type DesiredLine, IncentiveAccrualsService, type IncentiveSource, versionFor } from './incentive-accruals.service';
import { planPartners, planPeriods } from './incentive-facts.helpers';
import { IncentivesStore } from './incentives-store.service';
import { percentUnits, type PlanRow, type RetentionRules, toReward, type VersionRow } from './incentives.types';

/**
 * RETENTION plans: per partner and period, NRR at or above the threshold (NRR_PERIOD), expansion MRR ×
 * rate per movement (MRR_MOVEMENT) and a fixed reward per early renewal (RENEWAL), all from the revenue
 * ledger in its base currency. A customer churning within the plan's clawback window after a rewarded
 * expansion or renewal reverses that source for this plan (`DesiredLine.reversal`): reconcile claws back
 * what was booked for it with a CLAWBACK line.
 */
@Injectable()
export class RetentionSourceService implements IncentiveSource, OnModuleInit {
  readonly kind = 'RETENTION' as const;

  constructor(
    private readonly accruals: IncentiveAccrualsService,
    private readonly facts: RevenueFactsService,
    private readonly programs: ProgramsService,
    private readonly store: IncentivesStore,
  ) {}

  onModuleInit(): void {
    this.accruals.registerSource(this);
  }

  async desired(plan: PlanRow, versions: VersionRow[], upTo: Period): Promise<DesiredLine[]> {
    const periods = planPeriods(plan, versions, upTo);
    if (periods.length === 0) return [];
    const today = this.store.today();
    const from = periods[0]!.start;
    const to = upTo.end;
    const rulesOf = (date: string): { version: VersionRow; rules: RetentionRules } | null => {
      const version = versionFor(versions, periodOf(date, plan.periodKind).start);
      return version && version.rules.kind === 'RETENTION' ? { version, rules: version.rules } : null;
    };
    const cur = plan.currency;
    const fmt = (minor: bigint): string => `${cur} ${formatMoneyPlain(money(minor, cur))}`;
    const out: (DesiredLine & { customerId?: string; customerName?: string; what?: string })[] = [];

    // Expansion MRR × rate, one line per movement.
    const expansions = await this.facts.movementsBetween(['EXPANSION'], from, to);
    const renewals = await this.facts.earlyRenewalsBetween(from, to < today ? to : today);
    const nrrRows = new Map<string, Awaited<ReturnType<RevenueFactsService['partnerNrr']>>>();
    for (const period of periods) {
      if (period.start > today || !rulesOf(period.start)?.rules.nrr) continue;
      const month = monthOf(period.end < today ? period.end : today);
      nrrRows.set(period.key, await this.facts.partnerNrr(month));
    }
    const partners = await planPartners(this.programs, plan, [
      ...expansions.map((m) => m.organisationId),
      ...renewals.map((r) => r.organisationId),
      ...[...nrrRows.values()].flat().map((r) => r.organisationId),
    ]);

    for (const m of expansions) {
      const r = rulesOf(m.date);
      if (!r || r.rules.expansionRatePct === null || !partners.has(m.organisationId) || m.baseAmountMinor <= 0n) continue;
      const [line] = expansionRewards([{ id: m.key, amountMinor: m.baseAmountMinor }], percentUnits(r.rules.expansionRatePct));
      out.push({
        planVersionId: r.version.id,
        organisationId: m.organisationId,
        userId: null,
        rule: 'EXPANSION',
        eventDate: m.date,
        sourceType: 'MRR_MOVEMENT',
        sourceId: m.key,
        sourceLabel: expansionLabel(m, cur, fmt),
        baseMinor: line!.baseMinor,
        ratePct: line!.ratePct,
        amountMinor: line!.amountMinor,
        cappedBy: null,
        customerId: m.customerId,
        customerName: m.customerName,
        what: 'expansion',
      });
    }

    for (const renewal of renewals) {
      const r = rulesOf(renewal.on);
      if (!r || r.rules.earlyRenewalRewardMinor === null || !partners.has(renewal.organisationId)) continue;
      out.push({
        planVersionId: r.version.id,
        organisationId: renewal.organisationId,
        userId: null,
        rule: 'EARLY_RENEWAL',
        eventDate: renewal.on,
        sourceType: 'RENEWAL',
        sourceId: renewal.eventId,
        sourceLabel: `Early renewal of ${renewal.customerName} on ${renewal.on}${renewal.termEndsOn ? ` (new term to ${renewal.termEndsOn})` : ''}`,
        baseMinor: null,
        ratePct: null,
        amountMinor: BigInt(r.rules.earlyRenewalRewardMinor),
        cappedBy: null,
        customerId: renewal.customerId,
        customerName: renewal.customerName,
        what: 'early renewal',
      });
    }

    for (const period of periods) {
      const rows = nrrRows.get(period.key);
      const r = rulesOf(period.start);
      if (!rows || !r?.rules.nrr) continue;
      const nrr = r.rules.nrr;
      for (const row of rows) {
        if (!partners.has(row.organisationId)) continue;
        const line = nrrReward({ nrrPct: row.nrr, thresholdPct: nrr.thresholdPct, cohortMrrMinor: row.cohortCurrentMinor, reward: toReward(nrr.reward), cohortId: `${row.organisationId}:${period.key}` });
        if (!line) continue;
        out.push({
          planVersionId: r.version.id,
          organisationId: row.organisationId,
          userId: null,
          rule: 'NRR',
          eventDate: period.end,
          sourceType: 'NRR_PERIOD',
          sourceId: line.sourceId,
          sourceLabel: `NRR ${row.month.slice(0, 7)}: ${row.nrr} % (threshold ${nrr.thresholdPct} %; cohort MRR now ${fmt(row.cohortCurrentMinor)})`,
          baseMinor: line.baseMinor,
          ratePct: line.ratePct,
          amountMinor: line.amountMinor,
          cappedBy: null,
        });
      }
    }

    // Clawbacks: a churn 0..n days after a rewarded expansion or renewal reverses that source for this plan
    // (its own window; nothing is written here, so a preview writes nothing either).
    const rewarded = out.filter((l) => l.customerId !== undefined);
    await this.markChurnReversals(rewarded, (l) => rulesOf(l.eventDate)?.rules.clawbackDays ?? null, today);
    return out.map(({ customerId: _c, customerName: _n, what: _w, ...line }) => line);
  }

  /** Sets `reversal` on every rewarded line whose customer churned inside the plan's window after it. */
  private async markChurnReversals(
    lines: readonly (DesiredLine & { customerId?: string; customerName?: string; what?: string })[],
    windowOf: (line: DesiredLine) => number | null,
    today: string,
  ): Promise<void> {
    const withWindow = lines.filter((l) => windowOf(l) !== null);
    if (withWindow.length === 0) return;
    const from = withWindow.reduce((min, l) => (l.eventDate < min ? l.eventDate : min), withWindow[0]!.eventDate);
    const churns = await this.facts.movementsBetween(['CHURN'], from, today, [...new Set(withWindow.map((l) => l.customerId!))]);
    for (const line of withWindow) {
      const days = windowOf(line)!;
      const churn = churns.find((c) => c.customerId === line.customerId && isWithinClawbackWindow(line.eventDate, c.date, days));
      if (!churn) continue;
      const reason = `${line.customerName} churned on ${churn.date}, ${daysBetween(line.eventDate, churn.date)} days after the ${line.what} of ${line.eventDate} (clawback window ${days} days).`;
      line.reversal = { reason, on: churn.date };
    }
  }
}

/** "Expansion of ACME Corp, 2026-03: +EUR 120.00 MRR" (and the amount in its own currency when converted). */
function expansionLabel(m: MovementFact, currency: string, fmt: (minor: bigint) => string): string {
  const converted = m.currency !== currency ? ` (${m.currency} ${formatMoneyPlain(money(m.amountMinor, m.currency))} at the month’s rate)` : '';
  return `Expansion of ${m.customerName}, ${m.date.slice(0, 7)}: +${fmt(m.baseAmountMinor)} MRR${converted}`;
}
