// The two baselines of the screening benchmark, as a user would set them up: PostgreSQL's pg_trgm with a
// trigram index on a real server, and fuse.js in memory. Each runs in its own process (see screen.ts) against
// the same generated watchlist, on a sample of the same supplier names.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import pg from 'pg';
import { bar, count, rate } from './measure.ts';
import type { SupplierName, Watchlist } from './screen-names.ts';
import { bestThreshold, type Skipped, Tally } from './screen-tally.ts';

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL

interface Server {
  url: string;
  /** How the server was found, for the report. */
  how: string;
  stop(): Promise<void>;
}

/** initdb and pg_ctl on PATH, else the newest /usr/lib/postgresql/<version>/bin. */
function postgresBin(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath && existsSync(join(onPath, '..', 'initdb'))) return join(onPath, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * DATABASE_URL's server (in a database of its own, dropped afterwards), else a throwaway cluster in a temp
 * folder on a free port, removed afterwards. PostgreSQL refuses to run as root, so as root the cluster runs
 * as the `postgres` user, as .ci/run does.
 */
async function postgresServer(): Promise<Server> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const name = `vigil_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: given });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(given);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      how: `DATABASE_URL's server (${url.host}), database ${name}`,
      async stop() {
        const a = new pg.Client({ connectionString: given });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const bin = postgresBin();
  if (!bin) throw new Error('no PostgreSQL server: DATABASE_URL is not set and neither pg_ctl/initdb on PATH nor /usr/lib/postgresql/*/bin were found');
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-pg-'));
  const data = join(dir, 'data');
  let user: { uid: number; gid: number } | undefined;
  if (process.getuid?.() === 0) {
    try {
      user = { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) };
    } catch {
      rmSync(dir, { recursive: true, force: true });
      throw new Error('running as root and there is no `postgres` user to run a PostgreSQL cluster as');
    }
    chownSync(dir, user.uid, user.gid);
  }
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(join(bin, cmd), args, { encoding: 'utf8', ...user });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${(r.stderr || r.stdout || String(r.error)).trim()}`);
  };
  const stop = async () => {
    spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], { encoding: 'utf8', ...user });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // A UTF-8 locale, so that pg_trgm sees Cyrillic, Greek, Arabic and Chinese letters as letters.
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    const port = await freePort();
    // Generous memory for the index build and cache; durability off, since the cluster is thrown away.
    const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c shared_buffers=1GB -c maintenance_work_mem=1GB -c work_mem=64MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', 'start']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, how: `a throwaway cluster (${bin}, port ${port})`, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** pg_trgm's default similarity threshold; calibration looks at higher ones from the same run. */
const PG_DEFAULT_THRESHOLD = 0.3;
const PG_THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8];
const PG_QUERY = `SELECT entity, similarity(lower(name), lower($1)) AS score FROM watch_names
  WHERE lower(name) % lower($1) ORDER BY score DESC LIMIT 10`;

/** One pass over the sample at a threshold: per query, the entities found and their scores. */
async function pgPass(client: pg.Client, sample: readonly SupplierName[], threshold: number, label: string) {
  await client.query(`SET pg_trgm.similarity_threshold = ${threshold}`);
  const progress = bar(label, sample.length);
  const rows: { entity: number; score: number }[][] = [];
  const t = performance.now();
  for (const q of sample) {
    const r = await client.query<{ entity: number; score: number }>(PG_QUERY, [q.entity.name]);
    rows.push(r.rows);
    progress.update(rows.length);
  }
  progress.stop();
  return { ms: performance.now() - t, rows };
}

function tallyAt(sample: readonly SupplierName[], rows: readonly { entity: number; score: number }[][], threshold: number): Tally {
  const tally = new Tally();
  sample.forEach((q, i) => {
    const hits = rows[i]!.filter((r) => r.score >= threshold);
    tally.add(q.source >= 0, hits.some((r) => r.entity === q.source), hits.length > 0);
  });
  return tally;
}

/**
 * pg_trgm: names and aliases in one table, a GIN trigram index on lower(name), and per supplier name
 * `WHERE lower(name) % lower($1) ORDER BY similarity DESC LIMIT 10`. The sample runs at every threshold of
 * the curve, each timed (a higher threshold is faster: fewer rows to recheck); recall and false hits are read
 * off the default threshold's results, so that every point counts the same candidates. `tuned` is the best
 * recall − false-hit rate; the report also compares at the threshold where pg_trgm's recall equals Vigil's.
 */
export async function runPgTrgm(watchlist: Watchlist, sample: readonly SupplierName[]) {
  let server: Server;
  try {
    server = await postgresServer();
  } catch (err) {
    return { method: 'pg_trgm', skipped: (err as Error).message } satisfies Skipped;
  }
  const onSignal = () => void server.stop().then(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const client = new pg.Client({ connectionString: server.url });
  try {
    await client.connect();
    const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await client.query('CREATE TABLE watch_names (entity int NOT NULL, name text NOT NULL)');
    let t = performance.now();
    const progress = bar('pg_trgm: load', watchlist.size);
    const BATCH = 20_000;
    for (let from = 0; from < watchlist.size; from += BATCH) {
      const ids: number[] = [];
      const names: string[] = [];
      for (let i = from; i < Math.min(from + BATCH, watchlist.size); i++) {
        const e = watchlist.entity(i);
        for (const name of [e.name, ...(e.aliases ?? [])]) {
          ids.push(i);
          names.push(name);
        }
      }
      await client.query('INSERT INTO watch_names (entity, name) SELECT * FROM unnest($1::int[], $2::text[])', [ids, names]);
      progress.update(Math.min(from + BATCH, watchlist.size));
    }
    progress.stop();
    const loadMs = performance.now() - t;
    t = performance.now();
    await client.query('CREATE INDEX watch_names_trgm ON watch_names USING gin (lower(name) gin_trgm_ops)');
    await client.query('ANALYZE watch_names');
    const indexMs = performance.now() - t;
    const sizes = (await client.query<{ rows: string; table_bytes: string; index_bytes: string }>(
      `SELECT (SELECT count(*) FROM watch_names) AS rows, pg_table_size('watch_names') AS table_bytes, pg_relation_size('watch_names_trgm') AS index_bytes`,
    )).rows[0]!;
    // The plan of a typical query, to show the trigram index is used.
    const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${PG_QUERY.replace(/\$1/g, "'golden star textiles'")}`)).rows.map((r) => r['QUERY PLAN']);

    const atDefault = await pgPass(client, sample, PG_DEFAULT_THRESHOLD, `pg_trgm @ ${PG_DEFAULT_THRESHOLD}`);
    const timed = new Map<number, { ms: number }>([[PG_DEFAULT_THRESHOLD, atDefault]]);
    for (const threshold of PG_THRESHOLDS) if (!timed.has(threshold)) timed.set(threshold, await pgPass(client, sample, threshold, `pg_trgm @ ${threshold}`));
    const curve = PG_THRESHOLDS.map((threshold) => ({
      threshold,
      queries: sample.length,
      ms: timed.get(threshold)!.ms,
      namesPerSecond: rate(sample.length, timed.get(threshold)!.ms),
      ...tallyAt(sample, atDefault.rows, threshold).toJSON(),
    }));
    const best = bestThreshold(curve);
    const pass = (threshold: number) => curve.find((p) => p.threshold === threshold)!;
    return {
      method: 'pg_trgm' as const,
      server: server.how,
      version,
      rows: Number(sizes.rows),
      loadMs,
      indexMs,
      tableBytes: Number(sizes.table_bytes),
      indexBytes: Number(sizes.index_bytes),
      plan,
      default: pass(PG_DEFAULT_THRESHOLD),
      tuned: pass(best.threshold),
      curve,
      clientPeakRss: process.resourceUsage().maxRSS * 1024,
    };
  } catch (err) {
    return { method: 'pg_trgm', skipped: `PostgreSQL failed: ${(err as Error).message}` } satisfies Skipped;
  } finally {
    await client.end().catch(() => {});
    await server.stop();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

// ---------------------------------------------------------------------------------------------------------
// fuse.js

/** fuse.js scores 0 for a perfect match and 1 for none; results are kept up to `threshold`. */
const FUSE_THRESHOLD = 0.4;
const FUSE_THRESHOLDS = [0.1, 0.2, 0.3, 0.4];

/**
 * fuse.js with the options its documentation suggests for typo-tolerant search of names anywhere in the
 * text: keys name and aliases, threshold 0.4, ignoreLocation; index built up front (Fuse.createIndex).
 */
export function runFuse(watchlist: Watchlist, sample: readonly SupplierName[]) {
  const docs = Array.from({ length: watchlist.size }, (_, i) => {
    const e = watchlist.entity(i);
    return { name: e.name, aliases: e.aliases ?? [] };
  });
  const keys = ['name', 'aliases'];
  let t = performance.now();
  const index = Fuse.createIndex(keys, docs);
  const indexMs = performance.now() - t;
  const fuse = new Fuse(docs, { keys, threshold: FUSE_THRESHOLD, ignoreLocation: true, includeScore: true }, index);
  const progress = bar('fuse.js', sample.length);
  const results: { entity: number; score: number }[][] = [];
  t = performance.now();
  for (const q of sample) {
    results.push(fuse.search(q.entity.name, { limit: 10 }).map((r) => ({ entity: r.refIndex, score: r.score ?? 1 })));
    progress.update(results.length);
  }
  progress.stop();
  const ms = performance.now() - t;
  const curve = FUSE_THRESHOLDS.map((threshold) => {
    const tally = new Tally();
    sample.forEach((q, i) => {
      const hits = results[i]!.filter((r) => r.score <= threshold);
      tally.add(q.source >= 0, hits.some((r) => r.entity === q.source), hits.length > 0);
    });
    return { threshold, ...tally.toJSON() };
  });
  const best = bestThreshold(curve);
  return {
    method: 'fuse.js' as const,
    indexMs,
    queries: sample.length,
    ms,
    namesPerSecond: (sample.length * 1000) / ms,
    ...curve.find((p) => p.threshold === FUSE_THRESHOLD)!,
    best,
    curve,
    peakRss: process.resourceUsage().maxRSS * 1024,
    note: `${count(sample.length)} queries over ${count(watchlist.size)} names`,
  };
}

export type PgReport = Exclude<Awaited<ReturnType<typeof runPgTrgm>>, Skipped>;
export type FuseReport = ReturnType<typeof runFuse>;
