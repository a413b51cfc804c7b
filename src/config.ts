// Settings from the environment and command-line flags, in one place.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database, or 'memory' for a throwaway one. Ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | null;
  logLevel: string;
  /** Public address used in links (invitations, password resets, SSO redirects). */
  baseUrl: string;
  /** Session cookies carry Secure: on when the public address is https. */
  secureCookies: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  /** Load the demo organisation on start. */
  demo: boolean;
  /** Base64 of 32 bytes that seal secrets kept in the database (SSO client secrets). */
  secretKey: string | null;
}

export function loadConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const port = overrides.port ?? (env.PORT ? Number(env.PORT) : 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const dataDir = overrides.dataDir ?? env.VIGIL_DATA_DIR ?? 'data/pglite';
  const baseUrl = (overrides.baseUrl ?? env.VIGIL_BASE_URL ?? `http://localhost:${port || 3000}`).replace(/\/+$/, '');
  return {
    port,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    dataDir: dataDir === 'memory' ? 'memory' : resolve(dataDir),
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || null),
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    baseUrl,
    secureCookies: overrides.secureCookies ?? (env.VIGIL_SECURE_COOKIES ? env.VIGIL_SECURE_COOKIES === 'true' : baseUrl.startsWith('https:')),
    smtpUrl: overrides.smtpUrl ?? (env.SMTP_URL || null),
    mailFrom: overrides.mailFrom ?? env.MAIL_FROM ?? 'Vigil <vigil@localhost>',
    demo: overrides.demo ?? env.VIGIL_DEMO === 'true',
    secretKey: overrides.secretKey ?? (env.VIGIL_SECRET_KEY || null),
  };
}

/** A database URL fit for a log line: the password never leaves the process. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
