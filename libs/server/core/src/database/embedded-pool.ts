import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import type { Extension, PGlite, PGliteOptions, Results } from '@electric-sql/pglite';
import { SESSION_SETTINGS } from './session-settings';

/**
 * A node-postgres compatible pool over one embedded PGlite instance.
 *
 * PGlite is a single session: two transactions issued on it at once would interleave with no
 * isolation. This pool therefore hands out its one client exclusively (a FIFO mutex): a
 * transaction holds it from BEGIN to release, and single statements wait their turn.
 */
export interface PgLikeResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: { name: string; dataTypeID: number }[];
}

type Release = (err?: unknown) => void;
type QueryCallback = (err: unknown, result: PgLikeResult | undefined) => void;
type ConnectCallback = (err: unknown, client: EmbeddedClient | null, release: Release) => void;

const INT8_OID = 20;

class Mutex {
  private locked = false;
  private readonly waiters: (() => void)[] = [];

  async acquire(): Promise<() => void> {
    if (this.locked) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.locked = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.locked = false;
    };
  }

  get queueLength(): number {
    return this.waiters.length;
  }
}

function commandOf(sql: string): string {
  const match = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*([a-zA-Z]+)/.exec(sql);
  return match ? match[1].toUpperCase() : '';
}

function toPgResult(sql: string, result: Results<unknown> | undefined): PgLikeResult {
  const rows = result?.rows ?? [];
  return {
    rows,
    rowCount: result?.affectedRows ?? rows.length,
    command: commandOf(sql),
    fields: (result?.fields ?? []).map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
  };
}

export class EmbeddedClient extends EventEmitter {
  constructor(private readonly db: () => Promise<PGlite>) {
    super();
  }

  /** pg-style query: promise or node callback (TypeORM uses both), optional parameters. */
  query(
    sql: string | { text: string; values?: unknown[] },
    params?: unknown[] | QueryCallback,
    callback?: QueryCallback,
  ): Promise<PgLikeResult> {
    const cb = typeof params === 'function' ? params : callback;
    const text = typeof sql === 'string' ? sql : sql.text;
    const values = typeof params === 'function' ? (typeof sql === 'string' ? undefined : sql.values) : (params ?? (typeof sql === 'string' ? undefined : sql.values));
    const run = (async () => {
      const db = await this.db();
      if (values && values.length > 0) return toPgResult(text, await db.query(text, values));
      // Without parameters a string may hold several statements (migrations, pg-boss): the last result counts.
      const results = await db.exec(text);
      return toPgResult(text, results[results.length - 1]);
    })();
    if (cb) run.then((r) => cb(null, r), (err: unknown) => cb(err, undefined));
    return run;
  }

  release(): void {
    /* replaced per checkout */
  }
}

export class EmbeddedDatabase {
  private instance: Promise<PGlite> | null = null;
  readonly mutex = new Mutex();

  constructor(private readonly options: PGliteOptions) {}

  get(): Promise<PGlite> {
    if (!this.instance) {
      this.instance = (async () => {
        const dataDir = this.options.dataDir;
        if (dataDir && !dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
        const { PGlite: PGliteCtor, types } = await import('@electric-sql/pglite');
        // The contrib path is only reachable through the package's export map, which this TS resolution mode does not read.
        const { pg_trgm } = (await import('@electric-sql/pglite/contrib/pg_trgm' as string)) as { pg_trgm: Extension };
        const db = await PGliteCtor.create({
          ...this.options,
          extensions: { pg_trgm, ...(this.options.extensions ?? {}) },
          // node-postgres returns int8 as a string; make PGlite agree so both modes behave alike.
          parsers: { [INT8_OID]: (value: string) => value, ...(this.options.parsers ?? {}) },
          serializers: {
            [types.BOOL]: (value: unknown) => (value === true || value === 'true' || value === 1 ? 't' : 'f'),
            ...(this.options.serializers ?? {}),
          },
        });
        // The one session gets the same settings as a server's connections.
        for (const [name, value] of Object.entries(SESSION_SETTINGS)) await db.query(`SELECT set_config($1, $2, false)`, [name, value]);
        return db;
      })();
    }
    return this.instance;
  }

  /** Runs fn with exclusive use of the session. */
  async exclusive<T>(fn: (client: EmbeddedClient) => Promise<T>): Promise<T> {
    const unlock = await this.mutex.acquire();
    try {
      return await fn(new EmbeddedClient(() => this.get()));
    } finally {
      unlock();
    }
  }

  async close(): Promise<void> {
    if (!this.instance) return;
    const db = await this.instance;
    this.instance = null;
    await db.close();
  }

  /** A `pg` module look-alike for TypeORM's `driver` option. */
  pgModule(): { Pool: new () => EmbeddedPool } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const database = this;
    return {
      Pool: class extends EmbeddedPool {
        constructor() {
          super(database);
        }
      },
    };
  }
}

export class EmbeddedPool extends EventEmitter {
  constructor(private readonly database: EmbeddedDatabase) {
    super();
  }

  connect(callback?: ConnectCallback): Promise<EmbeddedClient> {
    const checkout = (async () => {
      await this.database.get();
      const unlock = await this.database.mutex.acquire();
      const client = new EmbeddedClient(() => this.database.get());
      client.release = () => unlock();
      return { client, unlock };
    })();
    if (callback) {
      checkout.then(
        ({ client, unlock }) => callback(null, client, () => unlock()),
        (err: unknown) => callback(err, null, () => undefined),
      );
    }
    return checkout.then(({ client }) => client);
  }

  query(sql: string, params?: unknown[] | QueryCallback, callback?: QueryCallback): Promise<PgLikeResult> {
    const cb = typeof params === 'function' ? params : callback;
    const values = typeof params === 'function' ? undefined : params;
    const run = this.database.exclusive((client) => client.query(sql, values));
    if (cb) run.then((r) => cb(null, r), (err: unknown) => cb(err, undefined));
    return run;
  }

  async end(callback?: (err: unknown) => void): Promise<void> {
    try {
      await this.database.close();
      callback?.(null);
    } catch (err) {
      callback?.(err);
    }
  }

  get totalCount(): number {
    return 1;
  }

  get idleCount(): number {
    return this.database.mutex.queueLength === 0 ? 1 : 0;
  }

  get waitingCount(): number {
    return this.database.mutex.queueLength;
  }
}
