// Runs the `vigil` command in-process, as a user would type it, and captures what it prints.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { main } from '../src/cli/main.ts';
import { freshDatabase, onPostgres, type TestDb } from './db.ts';

export async function runVigil(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'vigil', ...args], { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

export interface CliSandbox {
  /** A temporary folder for the test's files, removed after the tests. */
  dir: string;
  /** Where the command keeps its embedded database (unused on PostgreSQL). */
  dataDir: string;
  vigil(...args: string[]): ReturnType<typeof runVigil>;
}

/**
 * A database the command opens itself, as a separate start would: on PostgreSQL this file's fresh database
 * (through DATABASE_URL), on PGlite a folder on disk. `setup` runs once it exists, before the tests.
 */
export function cliSandbox(prefix: string, opts: { dataSubdir?: string; setup?: (sandbox: CliSandbox) => Promise<void> } = {}): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dataDir = join(dir, opts.dataSubdir ?? 'db');
  const sandbox: CliSandbox = { dir, dataDir, vigil: (...args) => runVigil([...args, '--data-dir', dataDir]) };
  let t: TestDb | null = null;
  const saved = process.env.DATABASE_URL;
  before(async () => {
    if (onPostgres) {
      t = await freshDatabase({ migrate: false });
      process.env.DATABASE_URL = t.config.databaseUrl!;
    }
    await opts.setup?.(sandbox);
  });
  after(async () => {
    process.env.DATABASE_URL = saved;
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return sandbox;
}
