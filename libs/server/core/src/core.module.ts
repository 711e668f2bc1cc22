import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { Clock, SystemClock } from './clock/clock';
import { AppConfig } from './config/app-config';
import { HealthController } from './health/health.controller';
import { JobsService } from './jobs/jobs.service';
import { Mailer, RecordingMailer, SmtpMailer } from './mail/mailer';
import { LOGGER } from './tokens';

/** Process-wide providers: configuration, logger, clock and the job queue. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: { config: AppConfig; logger: Logger; clock?: Clock }): DynamicModule {
    return {
      module: CoreModule,
      controllers: [HealthController],
      providers: [
        { provide: AppConfig, useValue: options.config },
        { provide: LOGGER, useValue: options.logger },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        JobsService,
        {
          provide: Mailer,
          useValue: options.config.SMTP_URL
            ? new SmtpMailer(options.config.SMTP_URL, options.config.MAIL_FROM)
            : new RecordingMailer(options.logger),
        },
      ],
      exports: [AppConfig, LOGGER, Clock, JobsService, Mailer],
    };
  }
}
