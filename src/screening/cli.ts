// `vigil screen <file>`: screens each row's supplier (name, aliases, country, identifiers) of a supplier file, or
// each name of a plain list, against the active watchlists in the local database, and prints one JSON object
// (or CSV row) per row with its hits and their explanations. Nothing is stored.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { prepareDatabase } from '../app.ts';
import { barProgress, fileProgress } from '../cli/progress.ts';
import { CliError, dataDirOption, type Io } from '../cli/shared.ts';
import { loadConfig } from '../config.ts';
import type { MatchEntity } from '../match/types.ts';
import { createServices } from '../services.ts';
import { mappingFor, orgId, rethrowForCli } from '../suppliers/cli.ts';
import { recogniseColumns } from '../suppliers/columns.ts';
import type { RowIssue } from '../suppliers/line.ts';
import { openSupplierFile, TEXT_ENCODINGS, type TextEncoding } from '../suppliers/read.ts';
import { validateRecord } from '../suppliers/validate.ts';
import { ScreeningError, type ScreeningService } from './service.ts';
import type { ScreenHit } from './types.ts';

const FORMATS = ['json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

interface ScreenCliOptions {
  list: string[];
  format: Format;
  threshold?: string;
  org?: string;
  map: string[];
  encoding?: TextEncoding;
  sheet?: string;
  dataDir?: string;
}

/** One row of the file to screen: the entity, or why the row could not be read. */
interface Row {
  row: number;
  line: number;
  entity: MatchEntity | null;
  issues: RowIssue[];
}

/** Rows screened at a time: one search of the lists per row, one output write per batch. */
const BATCH = 1000;

export const SCREEN_CSV_COLUMNS = ['row', 'line', 'name', 'countries', 'hits', 'top_score', 'top_list', 'top_signal', 'top_entity', 'top_entity_key', 'top_explanation', 'other_hits', 'issues'] as const;

/** A hit as printed: the list, hard or soft, the listed entity, the score and every feature behind it. */
function hitOut(h: ScreenHit) {
  return {
    list: h.watchlist.slug,
    listName: h.watchlist.name,
    signal: h.watchlist.signal,
    hard: h.watchlist.signal === 'hard',
    edition: h.version.edition,
    entity: { id: h.entity.id, key: h.entity.key, name: h.entity.name, type: h.entity.type, countries: h.entity.countries, sourceRow: h.entity.sourceRow },
    score: h.result.score,
    match: h.result.match,
    threshold: h.result.threshold,
    names: h.result.names,
    features: h.result.features,
  };
}

const issueText = (issues: readonly RowIssue[]) => issues.map((i) => `${i.severity}${i.column ? ` (${i.column})` : ''}: ${i.message}`).join('; ');

function jsonLine(r: Row, hits: readonly ScreenHit[]): string {
  const base = { row: r.row, line: r.line };
  if (!r.entity) return `${JSON.stringify({ ...base, rejected: true, issues: r.issues })}\n`;
  const { name, countries = [], identifiers = [] } = r.entity;
  return `${JSON.stringify({ ...base, name, countries, identifiers, hits: hits.map(hitOut), ...(r.issues.length ? { issues: r.issues } : {}) })}\n`;
}

function csvLine(r: Row, hits: readonly ScreenHit[]): string {
  const [top, ...rest] = hits;
  const explanation = top ? top.result.features.map((f) => `${f.feature} ${f.contribution >= 0 ? '+' : ''}${f.contribution}: ${f.explanation}`).join(' | ') : '';
  return stringify([
    [
      r.row, r.line, r.entity?.name ?? '', (r.entity?.countries ?? []).join(' '), hits.length, top?.result.score ?? '', top?.watchlist.slug ?? '', top?.watchlist.signal ?? '',
      top?.entity.name ?? '', top?.entity.key ?? '', explanation, rest.map((h) => `${h.watchlist.slug}: ${h.entity.name} (${h.result.score})`).join('; '), issueText(r.issues),
    ],
  ]);
}

/** The rows of a supplier file (its supplier columns, as `vigil import` reads them) or of a plain list of names. */
async function* rowsOf(path: string, opts: ScreenCliOptions, resolver: Parameters<typeof validateRecord>[2], progress: (bytes: number, rows: number) => void): AsyncGenerator<Row[]> {
  if (extname(path).toLowerCase() === '.txt') {
    yield* namesOf(path, progress);
    return;
  }
  const file = await openSupplierFile(path, { encoding: opts.encoding, sheet: opts.sheet, name: basename(path) });
  try {
    // A single column that is not recognised as the supplier's is a plain list: its first line is a name too.
    const plain = file.headers.length === 1 && !recogniseColumns(file.headers).mapping.supplier && opts.map.length === 0;
    const mapping = plain ? { supplier: file.headers[0]! } : mappingFor(file.headers, opts.map);
    let rows = 0;
    if (plain) yield [{ row: 1, line: file.headerLine, entity: { name: file.headers[0]! }, issues: [] }];
    for await (const batch of file.batches) {
      const out: Row[] = batch.map((rec) => {
        const row = plain ? rec.row + 1 : rec.row;
        const v = validateRecord(rec, mapping, resolver, { decimalSeparator: file.decimalSeparator });
        if (!v.line) return { row, line: rec.line, entity: null, issues: v.issues };
        const { supplier, site } = v.line;
        return {
          row,
          line: rec.line,
          entity: { name: supplier.name, aliases: supplier.aliases, countries: site.countryCode ? [site.countryCode] : [], identifiers: supplier.identifiers },
          issues: v.issues,
        };
      });
      rows += out.length;
      progress(file.bytesRead(), rows);
      yield out;
    }
  } finally {
    await file.close();
  }
}

async function* namesOf(path: string, progress: (bytes: number, rows: number) => void): AsyncGenerator<Row[]> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  let batch: Row[] = [];
  let line = 0;
  let bytes = 0;
  let rows = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line += 1;
    bytes += Buffer.byteLength(text) + 1;
    const name = text.replace(/^\uFEFF/, '').trim();
    if (!name) continue;
    rows += 1;
    batch.push({ row: rows, line, entity: { name }, issues: [] });
    if (batch.length >= BATCH) {
      progress(bytes, rows);
      yield batch;
      batch = [];
    }
  }
  progress(bytes, rows);
  if (batch.length > 0) yield batch;
}

async function screenFile(io: Io, path: string, opts: ScreenCliOptions): Promise<void> {
  const threshold = opts.threshold === undefined ? undefined : Number(opts.threshold);
  if (threshold !== undefined && !(threshold > 0 && threshold <= 1)) throw new CliError(`--threshold takes a number between 0 and 1 (e.g. 0.85), not "${opts.threshold}"`, 2);
  const totalBytes = (await stat(path).catch(() => null))?.size;
  if (totalBytes === undefined) throw new CliError(`${path}: no such file`, 2);
  const config = loadConfig({ dataDir: opts.dataDir });
  const { db } = await prepareDatabase(config, barProgress(io));
  try {
    const services = createServices(db, config);
    const org = await services.suppliers.chooseOrganisation(opts.org === undefined ? undefined : orgId(opts.org));
    const screening: ScreeningService = services.screening;
    const lists = await screening.activeLists(org.id, opts.list.length ? opts.list : undefined);
    if (lists.length === 0) throw new CliError('No watchlist has an active version yet: import one first (vigil watchlist import).', 1);
    io.err(`Screening ${basename(path)} against ${lists.map((l) => `${l.watchlist.slug} ${l.version.edition}`).join(', ')} (organisation ${org.id})\n`);
    const resolver = await services.kb.countryResolver();
    const bar = fileProgress(io, 'Screening', totalBytes);
    const counts = { rows: 0, rejected: 0, withHits: 0, hard: 0 };
    if (opts.format === 'csv') io.out(stringify([[...SCREEN_CSV_COLUMNS]]));
    try {
      for await (const rows of rowsOf(path, opts, resolver, (bytes, n) => bar.update(bytes, n))) {
        const readable = rows.filter((r) => r.entity);
        const found = await screening.screen(org.id, readable.map((r) => r.entity!), { lists: opts.list.length ? opts.list : undefined, threshold });
        const hitsOf = new Map(readable.map((r, i) => [r, found[i]!]));
        let text = '';
        for (const r of rows) {
          const hits = hitsOf.get(r) ?? [];
          counts.rows += 1;
          if (!r.entity) counts.rejected += 1;
          if (hits.length > 0) counts.withHits += 1;
          if (hits.some((h) => h.watchlist.signal === 'hard')) counts.hard += 1;
          text += opts.format === 'csv' ? csvLine(r, hits) : jsonLine(r, hits);
        }
        io.out(text);
      }
    } finally {
      bar.done();
    }
    const n = (x: number) => x.toLocaleString('en');
    io.err(`Screened ${n(counts.rows)} rows: ${n(counts.withHits)} with hits (${n(counts.hard)} on hard lists: possible matches to confirm), ${n(counts.rejected)} rejected.\n`);
  } catch (err) {
    if (err instanceof ScreeningError) throw new CliError(err.message, 2);
    throw err;
  } finally {
    await db.close();
  }
}

export function screenCommand(io: Io): Command {
  return new Command('screen')
    .description('Screen the suppliers of a file (CSV or XLSX), or a plain list of names (.txt, or one column), against the active watchlists')
    .argument('<file>', 'a supplier file (columns recognised as for vigil import) or a list of names')
    .option('--list <slug>', 'screen against this list only; repeatable (default: every active list)', (v: string, all: string[]) => [...all, v], [])
    .addOption(new Option('--format <format>', 'json: one object per line; csv: one row per row').choices([...FORMATS]).default('json'))
    .option('--threshold <n>', "match threshold 0–1, instead of each list's")
    .option('--org <id>', "organisation whose lists and thresholds apply (default: the only one, or the demo organisation)")
    .option('--map <field=Header>', 'map a field to a column, e.g. --map "supplier=Vendor Name"; repeatable', (v: string, all: string[]) => [...all, v], [])
    .addOption(new Option('--encoding <encoding>', 'encoding of a CSV without a byte-order mark (default: UTF-8)').choices([...TEXT_ENCODINGS]))
    .option('--sheet <name>', 'XLSX worksheet by name or position (default: the first)')
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      '\nJSON: one object per row: row, line, name, countries, identifiers, hits [{list, listName, signal, hard, edition,\nentity {id, key, name, type, countries, sourceRow}, score, match, threshold, names, features [{feature,\ncontribution, explanation}]}], closest first; rows that cannot be read have rejected: true and their issues.\nA hit on a hard list is a possible match for a person to confirm, never a finding by itself.\n',
    )
    .action(async (path: string, opts: ScreenCliOptions) => {
      try {
        await screenFile(io, path, opts);
      } catch (err) {
        rethrowForCli(err);
      }
    });
}
