// The services one running Vigil shares, built once from the database and the configuration.
import { dirname, join, resolve } from 'node:path';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { tenantRunner, type TenantOptions } from './db/tenant.ts';
import { KnowledgeBase } from './knowledge/service.ts';
import { type Mailer, outboxMailer, smtpMailer } from './orgs/mailer.ts';
import { AccessService } from './orgs/service.ts';

export interface Services {
  db: Db;
  kb: KnowledgeBase;
  access: AccessService;
  secureCookies: boolean;
}

export function createServices(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'secureCookies' | 'smtpUrl' | 'mailFrom' | 'dataDir' | 'databaseUrl'>,
  opts: { tenant?: TenantOptions; mailer?: Mailer; now?: () => Date } = {},
): Services {
  const outbox = config.dataDir === 'memory' && !config.databaseUrl ? 'memory' : join(config.databaseUrl ? resolve('data') : dirname(config.dataDir), 'outbox');
  const mailer = opts.mailer ?? (config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : outboxMailer(outbox));
  return {
    db,
    kb: new KnowledgeBase(db),
    access: new AccessService(db, tenantRunner(db, opts.tenant), { baseUrl: config.baseUrl, mailer, now: opts.now }),
    secureCookies: config.secureCookies,
  };
}
