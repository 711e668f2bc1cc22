import 'reflect-metadata';
import { createLogger, loadConfig } from '@prm/server/core';
import { RevenueRollupService } from '@prm/server/revenue';
import { DataSource } from 'typeorm';
import { createApp } from './app/create-app';

const DERIVED = [
  `SELECT customer_id, subscription_id, organisation_id, date::text, kind, currency, amount_minor::text, cause, source_id FROM revenue_movements
    ORDER BY customer_id, date, subscription_id, kind, currency, amount_minor`,
  `SELECT * FROM revenue_customer_months ORDER BY customer_id, month, organisation_id, currency`,
  `SELECT * FROM revenue_partner_months ORDER BY organisation_id, month`,
];

async function snapshot(dataSource: DataSource): Promise<string[]> {
  const result: string[] = [];
  for (const sql of DERIVED) result.push(JSON.stringify(await dataSource.query(sql)));
  return result;
}

/**
 * `npm run metrics:rebuild`: recomputes every revenue rollup from the ledger. With `--check`, it first
 * applies anything pending, keeps the incrementally maintained rows, rebuilds, and reports whether
 * the rebuild gave identical rows (exit code 1 if not).
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const app = await createApp({ config, logger, servePortal: false });
  await app.init();
  const rollups = app.get(RevenueRollupService);
  const dataSource = app.get(DataSource);
  let before: string[] | null = null;
  if (check) {
    await rollups.drain();
    before = await snapshot(dataSource);
  }
  const started = Date.now();
  const counts = await rollups.rebuild();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `rebuilt in ${seconds} s: ${counts.customers} customers, ${counts.movements} movements, ${counts.customerMonths} customer months, ${counts.partnerMonths} partner months\n`,
  );
  let same = true;
  if (before) {
    const after = await snapshot(dataSource);
    const names = ['movements', 'customer months', 'partner months'];
    for (const [i, name] of names.entries()) {
      const equal = before[i] === after[i];
      same &&= equal;
      process.stdout.write(`${name}: ${equal ? 'identical to the incremental rollups' : 'DIFFERENT from the incremental rollups'}\n`);
    }
  }
  await app.close();
  if (!same) process.exit(1);
}

main().catch((err: unknown) => {
  process.stderr.write(`metrics rebuild failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
