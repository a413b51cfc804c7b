// Settings from the environment and command-line flags, in one place.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database, or 'memory' for a throwaway one. Ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | null;
  logLevel: string;
}

export function loadConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const port = overrides.port ?? (env.PORT ? Number(env.PORT) : 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const dataDir = overrides.dataDir ?? env.VIGIL_DATA_DIR ?? 'data/pglite';
  return {
    port,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    dataDir: dataDir === 'memory' ? 'memory' : resolve(dataDir),
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || null),
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
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
