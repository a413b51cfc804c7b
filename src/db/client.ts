// One small interface over the two engines Vigil runs on: embedded PGlite (default) and a PostgreSQL server
// (when DATABASE_URL is set). Queries are plain SQL with $n parameters, so the same SQL runs on both.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Params = readonly unknown[];

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction: all of its writes commit together or none do. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Both drivers return int8 and numeric as strings or bigint by default; Vigil's counts and ids fit in a
// double, so read them as numbers on both engines alike.
const INT8 = 20;
const NUMERIC = 1700;
const toNumber = (v: string) => Number(v);

export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

export async function openPglite(dataDir: string): Promise<Db> {
  // PGlite creates the data folder but not its parents (a fresh clone has no ./data yet).
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const pgl = await PGlite.create(dataDir === 'memory' ? undefined : dataDir, {
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber },
  });
  type Queryable = Pick<PGlite, 'query' | 'exec'>;
  const wrap = (q: Queryable, inTx: boolean): Db => ({
    kind: 'pglite',
    async query<T>(sql: string, params: Params = []) {
      return (await q.query<T>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (inTx) return fn(wrap(q, true));
      return pgl.transaction((tx) => fn(wrap(tx, true)));
    },
    async close() {
      if (!inTx) await pgl.close();
    },
  });
  return wrap(pgl, false);
}

export async function openPostgres(url: string): Promise<Db> {
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      oid === INT8 || oid === NUMERIC ? toNumber : pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10), types });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('select 1');
  const wrap = (q: pg.Pool | pg.PoolClient, inTx: boolean): Db => ({
    kind: 'postgres',
    async query<T>(sql: string, params: Params = []) {
      return (await q.query(sql, params as unknown[])).rows as T[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (inTx) return fn(wrap(q, true));
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client, true));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      if (!inTx) await pool.end();
    },
  });
  return wrap(pool, false);
}
