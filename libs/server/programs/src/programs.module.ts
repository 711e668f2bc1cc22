import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, JobsService } from '@prm/server/core';
import { IdentityModule, OrganisationsService } from '@prm/server/identity';
import { EnrolmentEntity, PartnerMetricEntity, ProgramEntity, TierChangeEntity, TierEntity } from './entities/programs.entities';
import { EnrolmentResolver, OrganisationEnrolmentsResolver, ProgramsResolver, TierChangesResolver } from './graphql/programs.resolver';
import { PartnerMetricsProvider, StoredPartnerMetrics } from './services/partner-metrics';
import { ProgramsService } from './services/programs.service';
import { TierEvaluationService } from './services/tier-evaluation.service';

export const TIER_EVALUATION_JOB = 'tier-evaluation';

/** Programs and tiers: ladders, benefits, qualification rules, enrolments and tier changes. */
@Module({
  imports: [TypeOrmModule.forFeature([ProgramEntity, TierEntity, EnrolmentEntity, TierChangeEntity, PartnerMetricEntity]), IdentityModule],
  providers: [
    ProgramsService,
    TierEvaluationService,
    { provide: PartnerMetricsProvider, useClass: StoredPartnerMetrics },
    ProgramsResolver,
    TierChangesResolver,
    OrganisationEnrolmentsResolver,
    EnrolmentResolver,
  ],
  exports: [ProgramsService, TierEvaluationService, PartnerMetricsProvider],
})
export class ProgramsModule implements OnModuleInit {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly jobs: JobsService,
    private readonly evaluation: TierEvaluationService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // The partner directory can filter by program and tier; the SQL for enrolments stays here.
    this.organisations.addPartnerFilterExtension((filter, param) => {
      if (!filter.programId && !filter.tierId) return null;
      const conditions = ['e.organisation_id = o.id'];
      if (filter.programId) conditions.push(`e.program_id = ${param(filter.programId)}`);
      if (filter.tierId) conditions.push(`e.tier_id = ${param(filter.tierId)}`);
      return `EXISTS (SELECT 1 FROM enrolments e WHERE ${conditions.join(' AND ')})`;
    });
    this.jobs.register(TIER_EVALUATION_JOB, async () => void (await this.evaluation.evaluateAll()), { cron: this.config.TIER_EVALUATION_CRON });
  }
}
