import { buildDataSourceOptions, createLogger, loadConfig } from '@prm/server/core';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { createTestDatabase } from '../testing/test-database';

const tables = async (ds: DataSource): Promise<string[]> =>
  (await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map((r: { table_name: string }) => r.table_name);

// Every migration must be reversible: up, down to nothing, and up again.
describe('migrations', () => {
  it('apply, revert completely and apply again', async () => {
    const db = await createTestDatabase();
    const config = loadConfig({ DATABASE_URL: db.url, RUN_MIGRATIONS: 'false', LOG_LEVEL: 'silent' });
    const ds = new DataSource(buildDataSourceOptions(config, createLogger('silent'), { migrations: MIGRATIONS }));
    await ds.initialize();
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(MIGRATIONS.length);
      const full = await tables(ds);
      expect(full).toEqual(expect.arrayContaining(['organisations', 'users', 'audit_log', 'tiers', 'enrolments', 'tier_changes']));
      for (let i = 0; i < MIGRATIONS.length; i += 1) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables(ds)).toEqual(['migrations']);
      await ds.runMigrations({ transaction: 'each' });
      expect(await tables(ds)).toEqual(full);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
