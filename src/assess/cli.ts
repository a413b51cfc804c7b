// `vigil assess <file>`: assesses a supplier or spend file without a server. JSON and CSV stream one entry
// per data row straight from the pipeline (no database: the bundled editions, in memory). HTML and PDF import
// the file into a throwaway in-memory database and summarise it exactly as the server's report does.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { prepareDatabase } from '../app.ts';
import { barProgress, fileProgress } from '../cli/progress.ts';
import { CliError, type Io } from '../cli/shared.ts';
import { loadConfig } from '../config.ts';
import { bundledCountries } from '../knowledge/compiled-files.ts';
import { buildPortfolioReport } from '../report/build.ts';
import { renderReportHtml } from '../report/html.ts';
import { renderReportPdf } from '../report/pdf.ts';
import { createServices } from '../services.ts';
import { DEMO_ORGANISATION } from '../orgs/demo.ts';
import { mappingFor, rethrowForCli } from '../suppliers/cli.ts';
import type { RowIssue } from '../suppliers/line.ts';
import { openSupplierFile, previewFile, TEXT_ENCODINGS, type TextEncoding } from '../suppliers/read.ts';
import { cliWho } from '../suppliers/service.ts';
import { validateRecord } from '../suppliers/validate.ts';
import { assessorDataFromFiles } from './load.ts';
import { assessedEntry, rejectedEntry, CSV_COLUMNS, csvRow, type AssessEntry } from './output.ts';
import { buildAssessor } from './pipeline.ts';

const FORMATS = ['json', 'csv', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

interface AssessOptions {
  format: Format;
  out?: string;
  map: string[];
  encoding?: TextEncoding;
  sheet?: string;
}

/** Where the output goes: a file, or standard output (progress and messages go to standard error). */
function sink(io: Io, out: string | undefined): { write(s: string | Buffer): Promise<void>; end(): Promise<void> } {
  if (!out) {
    return {
      async write(s) {
        if (typeof s === 'string') io.out(s);
        else if (!process.stdout.write(s)) await once(process.stdout, 'drain');
      },
      async end() {},
    };
  }
  const stream = createWriteStream(out);
  return {
    async write(s) {
      if (!stream.write(s)) await once(stream, 'drain');
    },
    async end() {
      stream.end();
      await once(stream, 'finish');
    },
  };
}

async function streamRows(io: Io, path: string, opts: AssessOptions): Promise<void> {
  const readOpts = { encoding: opts.encoding, sheet: opts.sheet, name: basename(path) };
  const file = await openSupplierFile(path, readOpts);
  const mapping = mappingFor(file.headers, opts.map);
  const assessor = buildAssessor(assessorDataFromFiles());
  const resolver = bundledCountries();
  const out = sink(io, opts.out);
  const bar = fileProgress(io, 'Assessing', file.totalBytes);
  const counts = { rows: 0, rejected: 0, low: 0, medium: 0, high: 0, severe: 0 };
  let first = true;
  const emit = async (entry: AssessEntry) => {
    counts.rows++;
    if (entry.level) counts[entry.level]++;
    else counts.rejected++;
    if (opts.format === 'csv') return out.write(csvRow(entry));
    await out.write(`${first ? '' : ',\n'}${JSON.stringify(entry)}`);
    first = false;
  };
  await out.write(opts.format === 'csv' ? stringify([[...CSV_COLUMNS]]) : '[\n');
  try {
    for await (const batch of file.batches) {
      for (const rec of batch) {
        const v = validateRecord(rec, mapping, resolver, { decimalSeparator: file.decimalSeparator });
        const issues: RowIssue[] = v.issues;
        await emit(v.line ? assessedEntry(v.line, assessor.assess({ ...v.line, countryCode: v.line.site.countryCode }), resolver, issues) : rejectedEntry(rec, issues));
      }
      bar.update(file.bytesRead(), counts.rows);
    }
  } finally {
    bar.done();
  }
  if (opts.format === 'json') await out.write('\n]\n');
  await out.end();
  const n = (x: number) => x.toLocaleString('en');
  io.err(
    `Assessed ${n(counts.rows)} rows of ${basename(path)}: ${n(counts.severe)} severe, ${n(counts.high)} high, ${n(counts.medium)} medium, ${n(counts.low)} low, ${n(counts.rejected)} rejected.\n` +
      `  Editions: ${Object.entries(assessor.editions).map(([d, e]) => `${d} ${e.startsWith('sha256:') ? e.slice(0, 15) : e}`).join(', ')}.\n`,
  );
}

async function report(io: Io, path: string, opts: AssessOptions): Promise<void> {
  if (opts.format === 'pdf' && !opts.out && process.stdout.isTTY) throw new CliError('a PDF is not for the terminal: give --out FILE.pdf or redirect the output', 2);
  // Never the DATABASE_URL server: the file's suppliers must not land in anyone's organisation.
  const config = loadConfig({ dataDir: 'memory' }, {});
  const { db } = await prepareDatabase(config, barProgress(io));
  try {
    const { suppliers, access, kb } = createServices(db, config);
    // A throwaway organisation in a throwaway database, so the report is computed exactly as the server's.
    const name = 'Command-line assessment';
    const orgId = await access.ensureDemoOrganisation({ ...DEMO_ORGANISATION, name });
    const who = cliWho(orgId);
    const readOpts = { encoding: opts.encoding, sheet: opts.sheet };
    const preview = await previewFile(path, { ...readOpts, name: basename(path) });
    const mapping = mappingFor(preview.headers, opts.map);
    const bar = fileProgress(io, 'Assessing', preview.totalBytes);
    const summary = await suppliers
      .importFile(who, path, mapping, { ...readOpts, fileName: basename(path), onProgress: (p) => bar.update(p.bytes, p.rows) })
      .finally(() => bar.done());
    if (summary.status !== 'committed') throw new CliError(`The file could not be assessed: ${summary.error}`);
    const data = await buildPortfolioReport(suppliers, kb, who, name, `file ${basename(path)}`);
    const out = sink(io, opts.out);
    await out.write(opts.format === 'pdf' ? await renderReportPdf(data) : renderReportHtml(data));
    await out.end();
    io.err(`Assessed ${summary.rows.toLocaleString('en')} rows (${summary.rejected.toLocaleString('en')} rejected)${opts.out ? `; report written to ${opts.out}` : ''}.\n`);
  } finally {
    await db.close();
  }
}

export function assessCommand(io: Io): Command {
  return new Command('assess')
    .description('Assess a supplier or spend file (CSV or XLSX) without a server: classify each line, score its risk, explain it')
    .argument('<file>', 'the CSV or XLSX file')
    .addOption(new Option('--format <format>', 'json and csv: one entry per data row; html and pdf: the board report').choices([...FORMATS]).default('json'))
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--map <field=Header>', 'map a field to a column, e.g. --map "supplier=Vendor Name"; repeatable; "field=" unmaps', (v: string, all: string[]) => [...all, v], [])
    .addOption(new Option('--encoding <encoding>', 'encoding of a CSV without a byte-order mark (default: UTF-8)').choices([...TEXT_ENCODINGS]))
    .option('--sheet <name>', 'XLSX worksheet by name or position (default: the first)')
    .addHelpText(
      'after',
      '\nJSON: an array with one object per data row: row (1-based data row), line (line in the file), supplier,\ncountry {input, code, name}, goods [{good, confidence, reason}], score, level, summary, signals\n[{kind, dataset, edition, key, row, contribution, explanation}], hard, issues; rejected rows have\nrejected: true, score and level null, and their issues.\n',
    )
    .action(async (path: string, opts: AssessOptions) => {
      try {
        await (opts.format === 'json' || opts.format === 'csv' ? streamRows(io, path, opts) : report(io, path, opts));
      } catch (err) {
        rethrowForCli(err);
      }
    });
}
