import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { LOGGER } from '../tokens';

export type JobHandler<T> = (data: T, job: PgBoss.Job<T>) => Promise<void>;

interface Registration {
  name: string;
  handler: JobHandler<unknown>;
  cron?: string;
}

const executorFor = (run: (text: string, values: unknown[]) => Promise<unknown[]>) => ({
  executeSql: async (text: string, values: unknown[] = []) => ({ rows: await run(text, values) }),
});

/**
 * Background jobs on pg-boss, in the same Postgres as the data. Statements go through TypeORM's
 * pool (so the embedded engine's serialisation covers them too), and `send` inside a transaction
 * enqueues atomically with the change that causes it.
 */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private boss: PgBoss | null = null;
  private readonly registrations = new Map<string, Registration>();
  private workersStarted = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  register<T>(name: string, handler: JobHandler<T>, options: { cron?: string } = {}): void {
    this.registrations.set(name, { name, handler: handler as JobHandler<unknown>, cron: options.cron });
  }

  async start(options: { workers: boolean }): Promise<void> {
    if (this.boss) return;
    const boss = new PgBoss({
      db: executorFor(async (text, values) => {
        const runner = this.dataSource.createQueryRunner();
        try {
          return (await runner.query(text, values, true)).records as unknown[];
        } finally {
          await runner.release();
        }
      }),
      schema: 'pgboss',
      // Maintenance runs every few minutes; supervise and schedule only where workers run.
      supervise: options.workers,
      schedule: options.workers,
    });
    boss.on('error', (err: Error) => this.logger.error({ err }, 'job queue error'));
    await boss.start();
    this.boss = boss;
    for (const reg of this.registrations.values()) {
      await boss.createQueue(reg.name);
    }
    if (options.workers) await this.startWorkers();
  }

  private async startWorkers(): Promise<void> {
    const boss = this.requireBoss();
    for (const reg of this.registrations.values()) {
      await boss.work(reg.name, { pollingIntervalSeconds: 2, batchSize: 1 }, async (jobs: PgBoss.Job<unknown>[]) => {
        for (const job of jobs) {
          const started = Date.now();
          await reg.handler(job.data, job);
          this.logger.info({ job: reg.name, jobId: job.id, ms: Date.now() - started }, 'job done');
        }
      });
      if (reg.cron) await boss.schedule(reg.name, reg.cron, {}, { tz: 'UTC' });
    }
    this.workersStarted = true;
    this.logger.info({ queues: [...this.registrations.keys()] }, 'job workers started');
  }

  /** Enqueue a job; pass the transaction's EntityManager to make it part of that transaction. */
  async send<T extends object>(name: string, data: T, options: { manager?: EntityManager } & PgBoss.SendOptions = {}): Promise<string | null> {
    const boss = this.requireBoss();
    const { manager, ...sendOptions } = options;
    const runner = manager?.queryRunner;
    const db = runner
      ? executorFor(async (text, values) => (await runner.query(text, values, true)).records as unknown[])
      : undefined;
    return boss.send(name, data, { ...sendOptions, ...(db ? { db } : {}) });
  }

  get running(): boolean {
    return this.boss !== null;
  }

  get workersRunning(): boolean {
    return this.workersStarted;
  }

  private requireBoss(): PgBoss {
    if (!this.boss) throw new Error('The job queue is not started.');
    return this.boss;
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.boss = null;
    // Finish jobs in flight, then stop polling; bounded so shutdown never hangs.
    await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
  }
}
