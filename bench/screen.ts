// Benchmark of screening (issue 5): N generated supplier names (default 1,000,000) screened against an
// N-name generated watchlist of people and companies in five scripts (see screen-names.ts), printing names per
// second, peak memory, recall on the planted variants of listed names and the false-hit rate on the rest. In
// the same run, on a sample of the same names and against the same watchlist, the two baselines a user might
// pick instead — PostgreSQL pg_trgm with a trigram index on a real server, and fuse.js — and the ratios.
//
//   npm run bench:screen -- [--names 1000000] [--sample 250] [--fuse-sample 10] [--seed 1] [--planted 0.015]
//                           [--only vigil,pg_trgm,fuse.js] [--json bench/results/screen-latest.json]
//
// Each method runs in a process of its own, so that its peak memory is its own; every process generates the
// same watchlist and names from the seed. Figures go to stdout and to a JSON file; progress bars to stderr.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compare, DEFAULT_THRESHOLD, type MatchEntity, MatchIndex } from '../src/match/index.ts';
import { bar, count, mb, rate, rssSampler, settledMemory } from './measure.ts';
import { type FuseReport, type PgReport, runFuse, runPgTrgm } from './screen-baselines.ts';
import { supplierNames, VARIANT_KINDS, Watchlist } from './screen-names.ts';
import { type MethodName, type Options, sampler, sampleQueries, type Skipped, Tally } from './screen-tally.ts';

const METHODS: readonly MethodName[] = ['vigil', 'pg_trgm', 'fuse.js'];

const { values } = parseArgs({
  options: {
    names: { type: 'string', default: '1000000' },
    sample: { type: 'string', default: '250' },
    'fuse-sample': { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    planted: { type: 'string', default: '0.015' },
    only: { type: 'string', default: METHODS.join(',') },
    json: { type: 'string', default: join(dirname(fileURLToPath(import.meta.url)), 'results', 'screen-latest.json') },
    method: { type: 'string' },
  },
});
const opts: Options = {
  names: Number(values.names),
  seed: Number(values.seed),
  planted: Number(values.planted),
  sample: Number(values.sample),
  fuseSample: Math.min(Number(values['fuse-sample']), Number(values.sample)),
};
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '–');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------------------
// Vigil

const EXAMPLES = 12;

interface Missed {
  query: MatchEntity;
  kinds: readonly string[];
  listed: MatchEntity;
  /** compare() of the query and the listed entity, to tell a scoring miss from a candidate-generation miss. */
  compareScore: number;
  returned: { name: string; score: number }[];
}
interface Slow {
  query: MatchEntity;
  ms: number;
  hits: number;
}
interface FalseHit {
  query: MatchEntity;
  hit: MatchEntity;
  score: number;
  features: string[];
}

async function runVigil() {
  const memory = rssSampler();
  let t = performance.now();
  const watchlist = new Watchlist(opts.names, opts.seed);
  // The entities as the screening service holds them (its active lists), built before the clock starts.
  const entities: MatchEntity[] = Array.from({ length: watchlist.size }, (_, i) => watchlist.entity(i));
  const generateMs = performance.now() - t;
  const settledBefore = settledMemory();
  const rssBefore = process.memoryUsage.rss();
  memory.reset();

  const building = bar('Vigil: index', watchlist.size);
  t = performance.now();
  const index = new MatchIndex<number>(
    (function* () {
      for (let i = 0; i < entities.length; i++) yield { key: i, entity: entities[i]! };
    })(),
    { onProgress: (done) => building.update(done) },
  );
  const buildMs = performance.now() - t;
  building.stop();
  const buildPeakRss = memory.peak;
  const settledAfter = settledMemory();
  const rssAfterBuild = process.memoryUsage.rss();

  // Names are generated in batches outside the clock; only search() is timed, one name at a time.
  const all = new Tally();
  const pgSample = new Tally();
  const fuseSample = new Tally();
  const inPgSample = sampler(opts.sample);
  const inFuseSample = sampler(opts.fuseSample);
  const byKind = new Map<string, Tally>();
  const byCulture = new Map<string, Tally>();
  const tallyOf = (m: Map<string, Tally>, k: string) => m.get(k) ?? m.set(k, new Tally()).get(k)!;
  const missed: Missed[] = [];
  const falseHits: FalseHit[] = [];
  const slowest: Slow[] = [];
  const latencies = new Float64Array(opts.names);
  let hitsReturned = 0;
  let screenMs = 0;
  let done = 0;
  const screening = bar('Vigil: screen', opts.names);
  const names = supplierNames(watchlist, opts.names, { seed: opts.seed + 1, planted: opts.planted });
  for (let batch = take(names, 10_000); batch.length; batch = take(names, 10_000)) {
    for (const q of batch) {
      const start = performance.now();
      const hits = index.search(q.entity, { limit: 10 });
      const ms = performance.now() - start;
      screenMs += ms;
      latencies[done++] = ms;
      hitsReturned += hits.length;
      if (slowest.length < EXAMPLES || ms > slowest[slowest.length - 1]!.ms) {
        slowest.push({ query: q.entity, ms: round(ms), hits: hits.length });
        slowest.sort((a, b) => b.ms - a.ms).splice(EXAMPLES);
      }
      const planted = q.source >= 0;
      const found = planted && hits.some((h) => h.key === q.source);
      const any = hits.length > 0;
      all.add(planted, found, any);
      if (inPgSample(q)) pgSample.add(planted, found, any);
      if (inFuseSample(q)) fuseSample.add(planted, found, any);
      tallyOf(byCulture, q.culture).add(planted, found, any);
      for (const k of q.kinds) tallyOf(byKind, k).add(planted, found, any);
      if (planted && !found && missed.length < EXAMPLES) {
        const source = entities[q.source]!;
        const direct = compare(q.entity, source);
        missed.push({ query: q.entity, kinds: q.kinds, listed: source, compareScore: round(direct.score), returned: hits.slice(0, 3).map((h) => ({ name: entities[h.key]!.name, score: round(h.result.score) })) });
      }
      if (!planted && any && falseHits.length < EXAMPLES) {
        falseHits.push({ query: q.entity, hit: entities[hits[0]!.key]!, score: round(hits[0]!.result.score), features: hits[0]!.result.features.map((f) => `${f.feature} ${round(f.contribution)}`) });
      }
    }
    screening.update(done);
    memory.sample();
  }
  screening.stop();
  const sorted = latencies.slice(0, done).sort();
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 1000;
  memory.stop();
  return {
    method: 'vigil' as const,
    threshold: DEFAULT_THRESHOLD,
    listSize: watchlist.size,
    mix: watchlist.mix,
    generateMs,
    buildMs,
    entriesPerSecond: rate(watchlist.size, buildMs),
    queries: done,
    ms: screenMs,
    namesPerSecond: rate(done, screenMs),
    latencyMicroseconds: { p50: Math.round(quantile(0.5)), p90: Math.round(quantile(0.9)), p99: Math.round(quantile(0.99)), max: Math.round(quantile(1)) },
    hitsPerName: round(hitsReturned / done),
    ...all.toJSON(),
    pgSample: pgSample.toJSON(),
    fuseSample: fuseSample.toJSON(),
    byKind: Object.fromEntries([...VARIANT_KINDS, 'exact'].filter((k) => byKind.has(k)).map((k) => [k, byKind.get(k)!.toJSON()])),
    byCulture: Object.fromEntries([...byCulture].map(([k, v]) => [k, v.toJSON()])),
    memory: {
      rssBeforeIndex: rssBefore,
      rssAfterBuild,
      buildPeakRss,
      peakRss: memory.processPeak,
      index: settledBefore !== null && settledAfter !== null ? settledAfter - settledBefore : null,
    },
    missed,
    falseHits,
    slowest,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The next `n` items (fewer at the end). */
function take<T>(items: Iterator<T>, n: number): T[] {
  const out: T[] = [];
  while (out.length < n) {
    const r = items.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

type VigilReport = Awaited<ReturnType<typeof runVigil>>;
type Report = VigilReport | PgReport | FuseReport;

// ---------------------------------------------------------------------------------------------------------
// One method in this process (when started by the benchmark with --method)

async function runMethod(method: MethodName): Promise<Report | Skipped> {
  if (method === 'vigil') return runVigil();
  const watchlist = new Watchlist(opts.names, opts.seed);
  if (method === 'pg_trgm') return runPgTrgm(watchlist, sampleQueries(watchlist, opts, opts.sample));
  return runFuse(watchlist, sampleQueries(watchlist, opts, opts.fuseSample));
}

/** Runs a method in a child process; a method that fails is reported as skipped, and the benchmark goes on. */
function inChild(method: MethodName): Promise<Report | Skipped> {
  return new Promise((resolve) => {
    const args = process.argv.slice(2).filter((a, i, all) => a !== '--method' && all[i - 1] !== '--method');
    // fuse.js keeps a million documents and their index on the heap.
    const execArgv = method === 'fuse.js' ? [...process.execArgv, '--max-old-space-size=8192'] : process.execArgv;
    const child = fork(fileURLToPath(import.meta.url), [...args, '--method', method], { execArgv, stdio: 'inherit' });
    let report: Report | Skipped | null = null;
    child.on('message', (m) => (report = m as Report | Skipped));
    child.on('exit', (code, signal) => resolve(report ?? { method, skipped: `its process ended (${signal ?? `exit code ${code}`}) without a report` }));
  });
}

// ---------------------------------------------------------------------------------------------------------
// The benchmark

function vigilLines(v: VigilReport): string[] {
  const lines = [
    `  Vigil:    index of ${count(v.listSize)} entities built in ${seconds(v.buildMs)} (${count(v.entriesPerSecond)} entities/s); ${v.memory.index === null ? '' : `index ${mb(v.memory.index)} (heap and typed arrays), `}RSS ${mb(v.memory.rssBeforeIndex)} before it (generated list), ${mb(v.memory.rssAfterBuild)} after`,
    `            screened ${count(v.queries)} names in ${seconds(v.ms)} = ${count(v.namesPerSecond)} names/s; latency p50 ${v.latencyMicroseconds.p50} µs, p90 ${v.latencyMicroseconds.p90} µs, p99 ${v.latencyMicroseconds.p99} µs, max ${v.latencyMicroseconds.max} µs; ${v.hitsPerName} hits/name`,
    `            recall ${pct(v.recall)} (${count(v.found)} of ${count(v.planted)} planted); false-hit rate ${pct(v.falseHitRate)} (${count(v.withHits)} of ${count(v.unplanted)} unplanted names had a hit) at threshold ${v.threshold}`,
    `            peak RSS ${mb(v.memory.peakRss)} (process: generated list, index, screening)`,
    `            recall by variant: ${Object.entries(v.byKind).map(([k, t]) => `${k} ${pct(t.recall)} (${count(t.planted)})`).join(', ')}`,
    `            by culture (recall / false hits): ${Object.entries(v.byCulture).map(([k, t]) => `${k} ${pct(t.recall)} / ${pct(t.falseHitRate)}`).join(', ')}`,
  ];
  return lines;
}

function examples(v: VigilReport): string[] {
  const lines = ['', '  Planted names Vigil missed (first few): query ← listed [kinds] compare() score; top hits'];
  for (const m of v.missed) lines.push(`    ${JSON.stringify(m.query.name)} ← ${JSON.stringify(m.listed.name)}${m.listed.aliases ? ` (alias ${JSON.stringify(m.listed.aliases[0])})` : ''} [${m.kinds.join('+')}] ${m.compareScore}; ${m.returned.map((r) => `${JSON.stringify(r.name)} ${r.score}`).join(', ') || 'no hits'}`);
  lines.push('  Unplanted names with a hit (first few): query → hit, score');
  for (const f of v.falseHits) lines.push(`    ${JSON.stringify(f.query.name)} → ${JSON.stringify(f.hit.name)} ${f.score} (${f.features.join(', ')})`);
  lines.push(`  Slowest names: ${v.slowest.map((s) => `${JSON.stringify(s.query.name)} ${s.ms} ms`).join(', ')}`);
  return lines;
}

/** A digest of the engine's source, so that figures can be told apart while src/match changes. */
function engineDigest(): string {
  const dir = fileURLToPath(new URL('../src/match/', import.meta.url));
  const hash = createHash('sha256');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  return hash.digest('hex').slice(0, 12);
}

async function main() {
  const only = new Set(values.only!.split(',').map((s) => s.trim()));
  const started = new Date();
  const load = loadavg()[0]!;
  const engine = engineDigest();
  console.log(`Screening benchmark: ${count(opts.names)} supplier names (${pct(opts.planted)} planted variants of listed names) against a ${count(opts.names)}-name watchlist; seed ${opts.seed}`);
  console.log(`  engine: src/match sha256 ${engine}`);
  console.log(`  machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${mb(totalmem())}; load average ${load.toFixed(1)} at the start${load > cpus().length * 0.5 ? ' — the machine is busy with other work, so speeds are lower bounds' : ''}`);
  if (only.has('pg_trgm') || only.has('fuse.js'))
    console.log(`  baselines on a sample of the same names: pg_trgm ${count(opts.sample)} planted + ${count(opts.sample)} unplanted, fuse.js ${count(opts.fuseSample)} + ${count(opts.fuseSample)}`);
  const reports: { vigil?: VigilReport | Skipped; pg_trgm?: PgReport | Skipped; 'fuse.js'?: FuseReport | Skipped } = {};
  let v: VigilReport | null = null;
  let p: PgReport | null = null;
  let f: FuseReport | null = null;
  for (const m of METHODS) {
    if (!only.has(m)) continue;
    const r = await inChild(m);
    if ('skipped' in r) console.log(`  ${m}: not run — ${r.skipped}`);
    else if (r.method === 'vigil') {
      v = r;
      for (const line of vigilLines(r)) console.log(line);
    } else if (r.method === 'pg_trgm') {
      p = r;
      console.log(
        `  pg_trgm:  PostgreSQL ${r.version} on ${r.server}; ${count(r.rows)} names loaded in ${seconds(r.loadMs)}, trigram index built in ${seconds(r.indexMs)}; table ${mb(r.tableBytes)}, index ${mb(r.indexBytes)}\n` +
          `            at the default threshold 0.3: ${count(r.default.namesPerSecond)} names/s, recall ${pct(r.default.recall)}, false hits ${pct(r.default.falseHitRate)}; best recall − false-hit rate at ${r.tuned.threshold}: ${count(r.tuned.namesPerSecond)} names/s, recall ${pct(r.tuned.recall)}, false hits ${pct(r.tuned.falseHitRate)}\n` +
          `            by threshold (names/s, recall / false hits): ${r.curve.map((c) => `${c.threshold} ${count(c.namesPerSecond)}/s ${pct(c.recall)} / ${pct(c.falseHitRate)}`).join(', ')}`,
      );
    } else {
      f = r;
      console.log(
        `  fuse.js:  index of ${count(opts.names)} names built in ${seconds(r.indexMs)}; ${count(r.queries)} names in ${seconds(r.ms)} = ${r.namesPerSecond.toFixed(2)} names/s; recall ${pct(r.recall)}, false hits ${pct(r.falseHitRate)} at threshold ${r.threshold}; peak RSS ${mb(r.peakRss)}\n` +
          `            by score (recall / false hits): ${r.curve.map((c) => `≤ ${c.threshold} ${pct(c.recall)} / ${pct(c.falseHitRate)}`).join(', ')}`,
      );
    }
    Object.assign(reports, { [m]: r });
  }

  const rows: string[][] = [['method', 'names screened', 'names/s', 'recall', 'false-hit rate', 'peak memory', 'Vigil on the same names (recall / false hits)']];
  if (v) rows.push([`Vigil (threshold ${v.threshold})`, count(v.queries), count(v.namesPerSecond), pct(v.recall), pct(v.falseHitRate), `${mb(v.memory.peakRss)} RSS`, '']);
  const ratios: string[] = [];
  if (p) {
    for (const run of [p.tuned, ...(p.tuned.threshold === p.default.threshold ? [] : [p.default])]) {
      rows.push([`pg_trgm (threshold ${run.threshold})`, count(run.queries), count(run.namesPerSecond), pct(run.recall), pct(run.falseHitRate), `server: table ${mb(p.tableBytes)} + index ${mb(p.indexBytes)}`, v ? `${pct(v.pgSample.recall)} / ${pct(v.pgSample.falseHitRate)}` : '']);
    }
    if (v) {
      // At equal or better recall: the highest threshold at which pg_trgm still finds as many planted names as Vigil on the same sample.
      const equal = [...p.curve].reverse().find((c) => c.recall >= v!.pgSample.recall);
      const atEqual = equal
        ? `${(v.namesPerSecond / equal.namesPerSecond).toFixed(0)}× at equal or better recall (pg_trgm at ${equal.threshold}: ${count(equal.namesPerSecond)} names/s, recall ${pct(equal.recall)}, false hits ${pct(equal.falseHitRate)})`
        : `pg_trgm never reaches Vigil's recall on this sample (${pct(v.pgSample.recall)})`;
      ratios.push(`Vigil / pg_trgm: ${atEqual}; ${(v.namesPerSecond / p.tuned.namesPerSecond).toFixed(0)}× against its best recall − false hits (${p.tuned.threshold}), ${(v.namesPerSecond / p.default.namesPerSecond).toFixed(0)}× against the default threshold (aim ≥ 100×)`);
    }
  }
  if (f) {
    rows.push([`fuse.js (threshold ${f.threshold})`, count(f.queries), f.namesPerSecond.toFixed(2), pct(f.recall), pct(f.falseHitRate), `${mb(f.peakRss)} RSS`, v ? `${pct(v.fuseSample.recall)} / ${pct(v.fuseSample.falseHitRate)}` : '']);
    if (v) ratios.push(`Vigil / fuse.js: ${(v.namesPerSecond / f.namesPerSecond).toFixed(0)}× (aim ≥ 1,000×)`);
  }
  if (rows.length > 1) {
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    console.log('');
    for (const [i, r] of rows.entries()) {
      console.log(`  ${r.map((cell, c) => (c >= 1 && c <= 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ')}`.trimEnd());
      if (i === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    }
    for (const r of ratios) console.log(`  ${r}`);
    console.log('  recall: planted names whose listed entity is among the hits; false-hit rate: unplanted names with any hit; baselines on their sample, Vigil on all names (and on the same sample, last column)');
  }
  if (v) for (const line of examples(v)) console.log(line);

  const file = values.json!;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ started: started.toISOString(), options: opts, engine, machine: { cpus: cpus().length, model: cpus()[0]?.model, memory: totalmem(), loadAverageAtStart: load, node: process.version }, ...reports }, null, 2)}\n`,
  );
  console.log(`\n  figures written to ${file}`);
}

if (values.method) {
  const method = values.method as MethodName;
  const report = await runMethod(method).catch((err: Error): Skipped => ({ method, skipped: `failed: ${err.stack ?? err.message}` }));
  process.send?.(report);
  process.disconnect?.();
} else {
  await main();
}
