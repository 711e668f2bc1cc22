import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, JobsService } from '@prm/server/core';
import { IdentityModule } from '@prm/server/identity';
import { NotificationsModule } from '@prm/server/notifications';
import { ProgramsModule } from '@prm/server/programs';
import { DEAL_ENTITIES } from './entities/deals.entities';
import { DealsExportController } from './graphql/deals-export.controller';
import { DealRegistrationsResolver, DealSetupResolver } from './graphql/deals.resolver';
import { DEAL_OUTCOME_JOB, DEAL_SCHEDULE_JOB, type DealOutcomeEvent, DealRegistrationsService } from './services/deal-registrations.service';
import { DealSetupService } from './services/deal-setup.service';

/** Deal registration: catalogue, rules of engagement, house accounts, registrations, conflicts, expiry. */
@Module({
  imports: [TypeOrmModule.forFeature(DEAL_ENTITIES), IdentityModule, ProgramsModule, NotificationsModule],
  controllers: [DealsExportController],
  providers: [DealSetupService, DealRegistrationsService, DealRegistrationsResolver, DealSetupResolver],
  exports: [DealSetupService, DealRegistrationsService],
})
export class DealsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly deals: DealRegistrationsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register(DEAL_SCHEDULE_JOB, async () => void (await this.deals.runSchedule()), { cron: this.config.DEAL_SCHEDULE_CRON });
    // The first consumer of outcome events: WON_DEALS for tier qualification (a recount, so a repeated event changes nothing).
    this.jobs.register<DealOutcomeEvent>(DEAL_OUTCOME_JOB, async (event) => this.deals.refreshWonDealsMetric(event.organisationId));
  }
}
