// The services one running Vigil shares, built once from the database and the configuration.
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { tenantRunner, type TenantOptions } from './db/tenant.ts';
import { KnowledgeBase } from './knowledge/service.ts';
import { type Mailer, outboxMailer, smtpMailer } from './orgs/mailer.ts';
import { AccessService } from './orgs/service.ts';
import { parseSecretKey, SsoService } from './orgs/sso.ts';
import { ScreeningService } from './screening/service.ts';
import { SupplierService } from './suppliers/service.ts';
import { WatchlistService } from './watchlists/service.ts';

export interface Services {
  db: Db;
  kb: KnowledgeBase;
  access: AccessService;
  sso: SsoService;
  suppliers: SupplierService;
  watchlists: WatchlistService;
  screening: ScreeningService;
  secureCookies: boolean;
}

export function createServices(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'secureCookies' | 'smtpUrl' | 'mailFrom' | 'dataDir' | 'databaseUrl' | 'secretKey'>,
  opts: { tenant?: TenantOptions; mailer?: Mailer; now?: () => Date } = {},
): Services {
  const dataRoot = config.databaseUrl ? resolve('data') : dirname(config.dataDir);
  const outbox = config.dataDir === 'memory' && !config.databaseUrl ? 'memory' : join(dataRoot, 'outbox');
  const mailer = opts.mailer ?? (config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : outboxMailer(outbox));
  const tenant = tenantRunner(db, opts.tenant);
  const access = new AccessService(db, tenant, { baseUrl: config.baseUrl, mailer, now: opts.now });
  // The key that seals SSO client secrets: VIGIL_SECRET_KEY (base64, 32 bytes), else one kept in the database.
  const secretKey = config.secretKey ? parseSecretKey(config.secretKey) : undefined;
  const kb = new KnowledgeBase(db);
  const suppliers = new SupplierService(db, tenant, kb, { uploadsDir: config.dataDir === 'memory' ? join(tmpdir(), 'vigil-uploads') : join(dataRoot, 'uploads') });
  const watchlists = new WatchlistService(db, tenant, kb, { uploadsDir: config.dataDir === 'memory' ? join(tmpdir(), 'vigil-watchlist-uploads') : join(dataRoot, 'watchlist-uploads') });
  const screening = new ScreeningService(db, tenant, { watchlists, suppliers });
  // Screening follows every committed import, in the import's job, and every change of a list.
  suppliers.afterImport((who, _importId, onPhase) => screening.afterImport(who, onPhase));
  watchlists.onChange((change) => screening.onListChange(change));
  return {
    db,
    kb,
    access,
    // SSO redirects use the same public address as AccessService, which learns it late on port 0.
    sso: new SsoService(db, tenant, access, { baseUrl: () => access.publicUrl, key: secretKey, now: opts.now }),
    suppliers,
    watchlists,
    screening,
    secureCookies: config.secureCookies,
  };
}
