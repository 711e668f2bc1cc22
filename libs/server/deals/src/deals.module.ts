import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, JobsService } from '@prm/server/core';
import { IdentityModule } from '@prm/server/identity';
import { NotificationsModule } from '@prm/server/notifications';
import { ProgramsModule } from '@prm/server/programs';
import { DEAL_ENTITIES } from './entities/deals.entities';
import { DealMetricsResolver } from './graphql/deal-metrics.resolver';
import { DealsExportController } from './graphql/deals-export.controller';
import { DealRegistrationsResolver, DealSetupResolver } from './graphql/deals.resolver';
import { LeadsExportController } from './graphql/leads-export.controller';
import { LeadsResolver } from './graphql/leads.resolver';
import { DEAL_OUTCOME_JOB, DEAL_SCHEDULE_JOB, type DealOutcomeEvent, DealRegistrationsService } from './services/deal-registrations.service';
import { DealMetricsService } from './services/deal-metrics.service';
import { DealSetupService } from './services/deal-setup.service';
import { LeadsService } from './services/leads.service';

export const LEAD_SCHEDULE_JOB = 'lead-schedule';

/** Deal registration: catalogue, rules of engagement, house accounts, registrations, conflicts, expiry. */
@Module({
  imports: [TypeOrmModule.forFeature(DEAL_ENTITIES), IdentityModule, ProgramsModule, NotificationsModule],
  controllers: [DealsExportController, LeadsExportController],
  providers: [
    DealSetupService,
    DealRegistrationsService,
    LeadsService,
    DealMetricsService,
    DealRegistrationsResolver,
    DealSetupResolver,
    LeadsResolver,
    DealMetricsResolver,
  ],
  exports: [DealSetupService, DealRegistrationsService, LeadsService],
})
export class DealsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly deals: DealRegistrationsService,
    private readonly leads: LeadsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Lead response deadlines are hours, so this runs every 5 minutes.
    this.jobs.register(LEAD_SCHEDULE_JOB, async () => void (await this.leads.runSchedule()), { cron: '*/5 * * * *' });
    this.jobs.register(DEAL_SCHEDULE_JOB, async () => void (await this.deals.runSchedule()), { cron: this.config.DEAL_SCHEDULE_CRON });
    // Outcome events: WON_DEALS for tier qualification (a recount, so a repeated event changes nothing), then other contexts' listeners.
    this.jobs.register<DealOutcomeEvent>(DEAL_OUTCOME_JOB, async (event) => this.deals.handleOutcome(event));
  }
}
