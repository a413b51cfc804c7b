// Starts Vigil: opens the database, migrates it, loads the bundled reference data, serves API and web app.
import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from './config.ts';
import { type Db, openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import { KnowledgeBase, type Progress, silent } from './knowledge/service.ts';
import { DEMO_ORGANISATION } from './orgs/demo.ts';
import { createServices, type Services } from './services.ts';
import { prepareWatchlists } from './watchlists/service.ts';

export interface RunningVigil extends Services {
  url: string;
  app: FastifyInstance;
  /** The one-time link that creates the first administrator, while none exists. */
  setupLink: string | null;
  close(): Promise<void>;
}

/** Opens and prepares the database: migrations, any bundled reference edition not yet loaded, the catalogue's watchlists and their bundled editions. */
export async function prepareDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, progress: Progress = silent): Promise<{ db: Db; kb: KnowledgeBase; migrated: string[] }> {
  const db = await openDatabase(config);
  try {
    const migrated = await migrate(db);
    const kb = new KnowledgeBase(db);
    await kb.loadBundled(progress);
    await prepareWatchlists(db, kb);
    return { db, kb, migrated };
  } catch (err) {
    await db.close();
    throw err;
  }
}

export type StartOptions = Partial<Config> & { logger?: boolean; progress?: Progress; services?: (db: Db, config: Config) => Services };

export async function startVigil(overrides: StartOptions = {}): Promise<RunningVigil> {
  const { logger, progress, services: makeServices, ...rest } = overrides;
  const config = loadConfig(rest);
  const { db } = await prepareDatabase(config, progress);
  const services = makeServices ? makeServices(db, config) : createServices(db, config);
  try {
    if (config.demo) await services.access.ensureDemoOrganisation(DEMO_ORGANISATION);
    // Imports a killed process left 'running' stored nothing (their transaction never committed): say so.
    await services.suppliers.recoverInterrupted();
    await services.screening.recoverInterrupted();
    const app = await buildApp(services, { logger: logger ? { level: config.logLevel } : false, web: true });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = ['0.0.0.0', '::', '127.0.0.1'].includes(config.host) ? 'localhost' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    if (rest.baseUrl === undefined && !process.env.VIGIL_BASE_URL) services.access.setBaseUrl(url);
    const setupToken = await services.access.issueSetupToken();
    return {
      ...services,
      url,
      app,
      setupLink: setupToken ? `${url}/setup#${setupToken}` : null,
      async close() {
        await app.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
