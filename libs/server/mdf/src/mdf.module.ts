import { Module, type OnModuleInit } from '@nestjs/common';
import { AppConfig, JobsService } from '@prm/server/core';
import { DealsModule } from '@prm/server/deals';
import { IdentityModule } from '@prm/server/identity';
import { NotificationsModule } from '@prm/server/notifications';
import { ProgramsModule } from '@prm/server/programs';
import { RevenueModule } from '@prm/server/revenue';
import { MdfHttpController } from './graphql/mdf-http.controller';
import { MdfClaimResolver, MdfFundResolver, MdfRequestResolver } from './graphql/mdf.resolver';
import { MdfClaimsService } from './services/mdf-claims.service';
import { MdfFundsService } from './services/mdf-funds.service';
import { MdfReportsService } from './services/mdf-reports.service';
import { MdfRequestsService } from './services/mdf-requests.service';
import { MDF_SCHEDULE_JOB, MdfScheduleService } from './services/mdf-schedule.service';
import { MdfStore } from './services/mdf-store.service';
import { MdfFileStorage, storageFromConfig } from './storage/mdf-file-storage';

/** Market development funds: funds and balances, pre-approval requests, claims with proof, payments, reports. */
@Module({
  imports: [IdentityModule, ProgramsModule, NotificationsModule, DealsModule, RevenueModule],
  controllers: [MdfHttpController],
  providers: [
    { provide: MdfFileStorage, inject: [AppConfig], useFactory: storageFromConfig },
    MdfStore,
    MdfFundsService,
    MdfRequestsService,
    MdfClaimsService,
    MdfReportsService,
    MdfScheduleService,
    MdfFundResolver,
    MdfRequestResolver,
    MdfClaimResolver,
  ],
  exports: [MdfFundsService, MdfRequestsService, MdfClaimsService, MdfReportsService, MdfScheduleService, MdfFileStorage],
})
export class MdfModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly schedule: MdfScheduleService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register(MDF_SCHEDULE_JOB, async () => void (await this.schedule.run()), { cron: this.config.MDF_SCHEDULE_CRON });
  }
}
