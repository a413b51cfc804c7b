// Benchmark of the assessment pipeline (issue 4): N generated supplier lines, end to end — parse the CSV,
// check each row, resolve the country, classify the goods, score the risk and write the explanation as JSON
// — printing lines per second and peak memory. In the same run, the baseline: the same work done the
// straightforward way, with row-by-row SQL lookups against the same reference data in the same kind of
// database (PGlite), on a sample of the same file; and the ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assessorDataFromFiles } from '../src/assess/load.ts';
import { buildAssessor } from '../src/assess/pipeline.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { bundledCountries } from '../src/knowledge/compiled-files.ts';
import { KnowledgeBase } from '../src/knowledge/service.ts';
import { recogniseColumns } from '../src/suppliers/columns.ts';
import type { SupplierLine } from '../src/suppliers/line.ts';
import { openSupplierFile } from '../src/suppliers/read.ts';
import { validateRecord } from '../src/suppliers/validate.ts';
import { writePortfolioCsv } from './portfolio.ts';
import { baselineAssess, prepareBaseline } from './baseline.ts';
import { bar, mb, rate, rssSampler } from './measure.ts';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000000' }, sample: { type: 'string', default: '2000' } } });
const LINES = Number(values.lines);
const SAMPLE = Number(values.sample);
const memory = rssSampler();

async function* lines(path: string, limit = Infinity): AsyncGenerator<SupplierLine[]> {
  const file = await openSupplierFile(path);
  const { mapping } = recogniseColumns(file.headers);
  const resolver = bundledCountries();
  let n = 0;
  for await (const batch of file.batches) {
    const out: SupplierLine[] = [];
    for (const rec of batch) {
      const v = validateRecord(rec, mapping, resolver, { decimalSeparator: file.decimalSeparator });
      if (v.line) out.push(v.line);
      if (++n >= limit) break;
    }
    yield out;
    if (n >= limit) {
      await file.close();
      return;
    }
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  const csv = join(dir, 'portfolio.csv');
  try {
    const data = assessorDataFromFiles();
    console.log(`Assessment benchmark: ${LINES.toLocaleString('en')} generated supplier lines; baseline on the first ${SAMPLE.toLocaleString('en')}`);
    let t = performance.now();
    await writePortfolioCsv(csv, LINES, data.classifier);
    console.log(`  generated the file in ${Math.round(performance.now() - t)} ms`);

    // Vigil: streamed, batched, one pass, knowledge precomputed in memory.
    const baseRss = process.memoryUsage.rss();
    memory.reset();
    t = performance.now();
    const assessor = buildAssessor(data);
    const progress = bar('Vigil', LINES);
    let done = 0;
    let explained = 0;
    const levels: Record<string, number> = {};
    for await (const batch of lines(csv)) {
      for (const line of batch) {
        const { risk } = assessor.assess({ ...line, countryCode: line.site.countryCode });
        explained += JSON.stringify(risk).length;
        levels[risk.level] = (levels[risk.level] ?? 0) + 1;
      }
      done += batch.length;
      progress.update(done);
      memory.sample();
    }
    progress.stop();
    const vigilMs = performance.now() - t;
    const vigilRate = rate(done, vigilMs);
    // Peak of the whole process so far (reference data, file generation and the assessment), before the baseline's database.
    const vigilPeak = memory.processPeak;
    console.log(`  Vigil:    ${done.toLocaleString('en')} lines in ${(vigilMs / 1000).toFixed(1)} s = ${vigilRate.toLocaleString('en')} lines/s; peak RSS ${mb(vigilPeak)} (${mb(baseRss)} before); ${mb(explained)} of JSON explanations`);
    console.log(`            levels: ${Object.entries(levels).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);

    // Baseline: the same file's first SAMPLE lines, each looked up row by row in SQL.
    const db = await openDatabase({ databaseUrl: null, dataDir: 'memory' });
    try {
      await migrate(db);
      await new KnowledgeBase(db).loadBundled();
      const baseline = await prepareBaseline(db, data.classifier.goodsMap);
      const sampleBar = bar('Baseline (SQL)', SAMPLE);
      t = performance.now();
      let n = 0;
      for await (const batch of lines(csv, SAMPLE)) {
        for (const line of batch) {
          const result = await baselineAssess(db, baseline, line);
          explained += JSON.stringify(result).length;
          n++;
        }
        sampleBar.update(n);
      }
      sampleBar.stop();
      const baseMs = performance.now() - t;
      const baseRate = rate(n, baseMs);
      console.log(`  Baseline: ${n.toLocaleString('en')} lines in ${(baseMs / 1000).toFixed(1)} s = ${baseRate.toLocaleString('en')} lines/s (row-by-row SQL on PGlite)`);
      console.log(`  Ratio:    ${(vigilRate / baseRate).toFixed(0)}× the baseline (aim: ≥ 50×); Vigil's peak memory ${mb(vigilPeak)} (aim: < 2 GB)`);
    } finally {
      await db.close();
    }
  } finally {
    memory.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
