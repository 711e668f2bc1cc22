import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/allow.decorator';
import { AppConfig } from '../config/app-config';

@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Readiness: the process answers and the database does too. */
  @Get()
  @Public()
  async health(@Res() res: Response): Promise<void> {
    let database: 'up' | 'down' = 'down';
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), 2000);
        }),
      ]);
      database = 'up';
    } catch {
      database = 'down';
    } finally {
      // Do not leave a pending timer behind every probe (it holds the event loop open on shutdown).
      clearTimeout(timer);
    }
    res.status(database === 'up' ? 200 : 503).json({
      status: database === 'up' ? 'ok' : 'degraded',
      database,
      databaseMode: this.config.embedded ? 'embedded' : 'server',
    });
  }

  /** Liveness: the process answers, whatever the database does (so an outage does not restart pods). */
  @Get('live')
  @Public()
  live(): { status: string } {
    return { status: 'ok' };
  }
}
