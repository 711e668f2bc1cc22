import { Injectable } from '@nestjs/common';
import { AppConfig, Clock } from '@prm/server/core';
import { DataSource } from 'typeorm';

/**
 * Counts failed sign-ins per account and per IP address in a fixed window, in Postgres so every
 * api replica sees the same counts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private keys(email: string, ip: string | null): { key: string; max: number }[] {
    const keys = [{ key: `account:${email}`, max: this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT }];
    if (ip) keys.push({ key: `ip:${ip}`, max: this.config.LOGIN_MAX_FAILURES_PER_IP });
    return keys;
  }

  private windowStart(): Date {
    return new Date(this.clock.now().getTime() - this.config.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000);
  }

  async isBlocked(email: string, ip: string | null): Promise<boolean> {
    const keys = this.keys(email, ip);
    const rows: { key: string; failures: number }[] = await this.dataSource.query(
      `SELECT key, failures FROM login_throttle WHERE key = ANY($1) AND window_started_at >= $2`,
      [keys.map((k) => k.key), this.windowStart()],
    );
    return rows.some((row) => row.failures >= (keys.find((k) => k.key === row.key)?.max ?? Infinity));
  }

  async recordFailure(email: string, ip: string | null): Promise<void> {
    const now = this.clock.now();
    for (const { key } of this.keys(email, ip)) {
      await this.dataSource.query(
        `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 1, $2)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_throttle.window_started_at < $3 THEN 1 ELSE login_throttle.failures + 1 END,
           window_started_at = CASE WHEN login_throttle.window_started_at < $3 THEN $2 ELSE login_throttle.window_started_at END`,
        [key, now, this.windowStart()],
      );
    }
  }

  async clearAccount(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [`account:${email}`]);
  }
}
