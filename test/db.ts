// Test databases: a throwaway in-memory PGlite, or, when DATABASE_URL is set, a fresh database created on
// that PostgreSQL server for this test file and dropped afterwards, so files can run side by side.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadConfig } from '../src/config.ts';
import type { KnowledgeBase } from '../src/knowledge/service.ts';
import type { TenantOptions } from '../src/db/tenant.ts';
import { outboxMailer } from '../src/orgs/mailer.ts';
import { createServices, type Services } from '../src/services.ts';

export interface TestDb {
  db: Db;
  /** Connection settings of this database, for code that opens its own connection (the CLI). */
  config: { databaseUrl: string | null; dataDir: string };
  kb: KnowledgeBase;
  /** The services over this database, with an in-memory outbox for mail. */
  services: Services;
  close(): Promise<void>;
}

export const onPostgres = Boolean(process.env.DATABASE_URL);

export async function freshDatabase(opts: { migrate?: boolean; reference?: boolean; tenant?: TenantOptions } = {}): Promise<TestDb> {
  let db: Db;
  let config: TestDb['config'] = { databaseUrl: null, dataDir: 'memory' };
  let drop = async () => {};
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `vigil_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    config = { databaseUrl: url.toString(), dataDir: 'memory' };
    db = await openDatabase(config);
    drop = async () => {
      const a = new pg.Client({ connectionString: server });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    db = await openDatabase({ databaseUrl: null, dataDir: 'memory' });
  }
  if (opts.migrate !== false) await migrate(db);
  const services = createServices(db, { ...loadConfig({ dataDir: 'memory', baseUrl: 'http://vigil.test' }, {}), databaseUrl: config.databaseUrl }, {
    tenant: opts.tenant,
    mailer: outboxMailer('memory'),
  });
  const kb = services.kb;
  if (opts.reference) await kb.loadBundled();
  return {
    db,
    config,
    kb,
    services,
    async close() {
      await db.close();
      await drop();
    },
  };
}
