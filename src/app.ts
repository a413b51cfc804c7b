// Starts Vigil: opens the database, migrates it, loads the bundled reference data, serves API and web app.
import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from './config.ts';
import { type Db, openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import { KnowledgeBase, type Progress, silent } from './knowledge/service.ts';

export interface RunningVigil {
  url: string;
  app: FastifyInstance;
  db: Db;
  kb: KnowledgeBase;
  close(): Promise<void>;
}

/** Opens and prepares the database: migrations, then any bundled reference edition not yet loaded. */
export async function prepareDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, progress: Progress = silent): Promise<{ db: Db; kb: KnowledgeBase; migrated: string[] }> {
  const db = await openDatabase(config);
  try {
    const migrated = await migrate(db);
    const kb = new KnowledgeBase(db);
    await kb.loadBundled(progress);
    return { db, kb, migrated };
  } catch (err) {
    await db.close();
    throw err;
  }
}

export async function startVigil(overrides: Partial<Config> & { logger?: boolean; progress?: Progress } = {}): Promise<RunningVigil> {
  const { logger, progress, ...rest } = overrides;
  const config = loadConfig(rest);
  const { db, kb } = await prepareDatabase(config, progress);
  const app = await buildApp({ db, kb }, { logger: logger ? { level: config.logLevel } : false, web: true });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await db.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = ['0.0.0.0', '::', '127.0.0.1'].includes(config.host) ? 'localhost' : config.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    app,
    db,
    kb,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
