import { Module, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '@prm/server/core';
import { DealRegistrationsService, DealsModule } from '@prm/server/deals';
import { IdentityModule } from '@prm/server/identity';
import { NotificationsModule } from '@prm/server/notifications';
import { ProgramsModule } from '@prm/server/programs';
import { RevenueModule } from '@prm/server/revenue';
import { ReferralsHttpController } from './graphql/referrals-http.controller';
import { ReferralResolver } from './graphql/referrals.resolver';
import { ActivityResolver, TrainingResolver } from './graphql/activity-training.resolver';
import { IncentiveMeasurementResolver, IncentiveStatementPartiesResolver, RewardRedemptionResolver } from './graphql/incentive-insights.resolver';
import { IncentivesHttpController } from './graphql/incentives-http.controller';
import { IncentivePlanResolver, IncentiveStatementResolver, RewardResolver } from './graphql/incentives.resolver';
import { IncentiveMeasurementService } from './services/incentive-measurement.service';
import { IncentiveAccrualsService } from './services/incentive-accruals.service';
import { IncentivePlansService } from './services/incentive-plans.service';
import { IncentiveStatementsService } from './services/incentive-statements.service';
import { IncentivesStore } from './services/incentives-store.service';
import { PointsService } from './services/points.service';
import { ReferralService } from './services/referral.service';
import { RetentionSourceService } from './services/retention-source.service';
import { ActivitiesService, nudgeAccrual } from './services/activities.service';
import { ActivitySource } from './services/activity-source.service';
import { TrainingSource } from './services/training-source.service';
import { TrainingService } from './services/training.service';
import { RewardRedemptionsService } from './services/reward-redemptions.service';

/** The accrual job: every published plan (or `planId`) brought up to date with the facts; idempotent. */
export const INCENTIVES_ACCRUE_JOB = 'incentives-accrue';
/**
 * Hourly, as a safety net and for facts that send no event (revenue movements): a deal's outcome and a
 * logged activity or completion bring their plans up to date within seconds (`nudgeAccrual`).
 */
export const INCENTIVES_ACCRUE_CRON = '23 * * * *';

/** Daily: points earned 24 months ago or more expire (what is left of them). */
export const POINTS_EXPIRY_JOB = 'points-expiry';
export const POINTS_EXPIRY_CRON = '40 2 * * *';

/** Incentives: plans and versions, accrual from won deals, period close, statements and payments, points and rewards. */
@Module({
  imports: [IdentityModule, ProgramsModule, DealsModule, NotificationsModule, RevenueModule],
  providers: [IncentivesStore, IncentivePlansService, IncentiveAccrualsService, IncentiveStatementsService, PointsService, IncentivePlanResolver, IncentiveStatementResolver, RewardResolver,
    RewardRedemptionsService, IncentiveMeasurementService, IncentiveStatementPartiesResolver, RewardRedemptionResolver, IncentiveMeasurementResolver,
    ActivitiesService, TrainingService, ActivitySource, TrainingSource, ActivityResolver, TrainingResolver,
    RetentionSourceService, ReferralService, ReferralResolver],
  controllers: [IncentivesHttpController, ReferralsHttpController],
  exports: [IncentivePlansService, IncentiveAccrualsService, IncentiveStatementsService, PointsService, RewardRedemptionsService, IncentiveMeasurementService, ActivitiesService, TrainingService],
})
export class IncentivesModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly accruals: IncentiveAccrualsService,
    private readonly points: PointsService,
    private readonly deals: DealRegistrationsService,
    private readonly store: IncentivesStore,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ planId?: string }>(INCENTIVES_ACCRUE_JOB, async (data) => void (await this.accruals.recomputeAll(data?.planId)), { cron: INCENTIVES_ACCRUE_CRON });
    this.jobs.register(POINTS_EXPIRY_JOB, async () => void (await this.points.expire()), { cron: POINTS_EXPIRY_CRON });
    // A deal won, lost or expired (a won deal reopened counts too): the deal plans accrue now, not at the next hourly run.
    this.deals.onOutcome(async () => nudgeAccrual(this.store, this.jobs, 'SPIF', 'REBATE'));
  }
}
