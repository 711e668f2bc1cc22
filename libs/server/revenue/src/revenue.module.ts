import { Module, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '@prm/server/core';
import { DealsModule } from '@prm/server/deals';
import { IdentityModule } from '@prm/server/identity';
import { ProgramsModule } from '@prm/server/programs';
import { RevenueHttpController } from './graphql/revenue-http.controller';
import { RevenueResolver } from './graphql/revenue.resolver';
import { LedgerService, REVENUE_ROLLUP_JOB } from './services/ledger.service';
import { RevenueFactsService } from './services/revenue-facts.service';
import { RevenueReportsService } from './services/revenue-reports.service';
import { RevenueRollupService } from './services/rollup.service';

/** Recurring revenue: the subscription ledger, MRR movements and the per-partner retention figures. */
@Module({
  imports: [IdentityModule, ProgramsModule, DealsModule],
  controllers: [RevenueHttpController],
  providers: [LedgerService, RevenueRollupService, RevenueReportsService, RevenueFactsService, RevenueResolver],
  exports: [LedgerService, RevenueRollupService, RevenueReportsService, RevenueFactsService],
})
export class RevenueModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly rollups: RevenueRollupService,
  ) {}

  onModuleInit(): void {
    // Writes nudge this job; the schedule also catches a new month and anything a nudge missed.
    this.jobs.register(REVENUE_ROLLUP_JOB, async () => void (await this.rollups.drain()), { cron: '* * * * *' });
  }
}
