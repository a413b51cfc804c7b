// The OpenAPI document as the server serves it, rendered without a database (routes are only registered).
import type { Db } from '../db/client.ts';
import { KnowledgeBase } from '../knowledge/service.ts';
import { buildApp } from './app.ts';

export async function openApiDocument(): Promise<string> {
  const unused = new Proxy({} as Db, {
    get() {
      throw new Error('the OpenAPI document must not touch the database');
    },
  });
  const app = await buildApp({ db: unused, kb: new KnowledgeBase(unused) }, { web: false });
  await app.ready();
  const doc = JSON.stringify(app.swagger(), null, 2);
  await app.close();
  return `${doc}\n`;
}
