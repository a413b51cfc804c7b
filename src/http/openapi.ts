// The OpenAPI document as the server serves it, rendered without a database (routes are only registered).
import type { Db } from '../db/client.ts';
import { loadConfig } from '../config.ts';
import { createServices } from '../services.ts';
import { buildApp } from './app.ts';

export async function openApiDocument(): Promise<string> {
  const unused = new Proxy({} as Db, {
    get() {
      throw new Error('the OpenAPI document must not touch the database');
    },
  });
  const app = await buildApp(createServices(unused, { ...loadConfig({ dataDir: 'memory' }, {}), databaseUrl: null }), { web: false });
  await app.ready();
  const doc = JSON.stringify(app.swagger(), null, 2);
  await app.close();
  return `${doc}\n`;
}
