// `vigil import <file>`: imports a supplier or spend file into an organisation with a progress bar, prints
// what was stored and rejected, and writes every rejected or flagged row to a CSV next to where it runs.
import { createWriteStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { prepareDatabase } from '../app.ts';
import { barProgress, fileProgress } from '../cli/progress.ts';
import { CliError, dataDirOption, type Io } from '../cli/shared.ts';
import { loadConfig } from '../config.ts';
import { createServices } from '../services.ts';
import { checkMapping, overrideMapping, parseMappingFlags, recogniseColumns } from './columns.ts';
import { FileRejected } from './errors.ts';
import type { ColumnMapping } from './line.ts';
import { previewFile, TEXT_ENCODINGS, type TextEncoding } from './read.ts';
import { cliWho, type PhaseProgress, SupplierError } from './service.ts';

interface ImportOptions {
  org?: string;
  map: string[];
  mapping?: string;
  saveMapping?: string;
  encoding?: TextEncoding;
  sheet?: string;
  issuesFile?: string;
  dataDir?: string;
}

const ISSUES_SHOWN = 10;

export function importCommand(io: Io): Command {
  return new Command('import')
    .description('Import a supplier or spend file (CSV or XLSX) into an organisation: suppliers, sites, goods, spend, tiers, each line assessed')
    .argument('<file>', 'the CSV or XLSX file')
    .option('--org <id>', 'organisation id (default: the only organisation, or the demo organisation)')
    .option('--map <field=Header>', 'map a field to a column, e.g. --map "supplier=Vendor Name"; repeatable; "field=" unmaps', (v: string, all: string[]) => [...all, v], [])
    .option('--mapping <name>', 'start from a mapping saved in the organisation (web app or --save-mapping)')
    .option('--save-mapping <name>', 'save the mapping used under this name')
    .addOption(new Option('--encoding <encoding>', 'encoding of a CSV without a byte-order mark (default: UTF-8)').choices([...TEXT_ENCODINGS]))
    .option('--sheet <name>', 'XLSX worksheet by name (default: the first)')
    .option('--issues-file <path>', 'where to write rejected and flagged rows (default: <file>-issues.csv in the current folder)')
    .addOption(dataDirOption())
    .addHelpText('after', '\nColumns are recognised from their headers; --map overrides one. The whole file is stored or nothing is:\nstopping the import (Ctrl+C) leaves no supplier from it.\n')
    .action(async (path: string, opts: ImportOptions) => {
      const config = loadConfig({ dataDir: opts.dataDir });
      const { db } = await prepareDatabase(config, barProgress(io));
      try {
        const { suppliers, screening } = createServices(db, config);
        const interrupted = await suppliers.recoverInterrupted();
        if (interrupted > 0) io.err(`  ${interrupted} import(s) interrupted earlier are now marked failed (nothing from them was stored).\n`);
        await screening.recoverInterrupted();
        const org = await suppliers.chooseOrganisation(opts.org === undefined ? undefined : orgId(opts.org));
        const who = cliWho(org.id);
        const readOpts = { encoding: opts.encoding, sheet: opts.sheet };
        const preview = await previewFile(path, { ...readOpts, name: basename(path) });
        const mapping = mappingFor(preview.headers, opts.map, opts.mapping ? (await suppliers.mappingByName(who, opts.mapping)).mapping : undefined);
        io.err(`Importing ${basename(path)} into ${org.name} (organisation ${org.id})\n`);
        io.err(`  columns: ${Object.entries(mapping).map(([f, h]) => `${f}=${h}`).join(', ')}\n`);
        const bar = fileProgress(io, 'Importing', preview.totalBytes);
        // Once the import has committed, the same command screens the organisation against the active watchlists.
        const phase = barProgress(io);
        let screened = -1;
        const onPhase = (p: PhaseProgress) => {
          if (screened < 0) {
            bar.done();
            phase.start('Screening', p.total);
            screened = 0;
          }
          phase.advance(p.done - screened);
          screened = p.done;
        };
        const summary = await suppliers
          .importFile(who, path, mapping, { ...readOpts, fileName: basename(path), onProgress: (p) => bar.update(p.bytes, p.rows), onPhase })
          .finally(() => (screened < 0 ? bar.done() : phase.done()));
        if (opts.saveMapping) await suppliers.saveMapping(who, opts.saveMapping, summary.mapping);
        if (summary.status !== 'committed') throw new CliError(`Import ${summary.id} failed: ${summary.error}`);
        const n = (x: number) => x.toLocaleString('en');
        io.out(
          `Import ${summary.id} committed: ${n(summary.rows)} rows, ${n(summary.accepted)} stored, ${n(summary.rejected)} rejected, ${n(summary.warnings)} warnings.\n` +
            `  Suppliers: ${n(summary.suppliersCreated)} new, ${n(summary.suppliersMatched)} already known.` +
            (summary.linesReplaced > 0 ? ` ${n(summary.linesReplaced)} lines replaced identical lines imported before.` : '') +
            `\n  Assessed with ${Object.entries(summary.editions).map(([d, e]) => `${d} ${e.startsWith('sha256:') ? e.slice(0, 15) : e}`).join(', ')}.\n`,
        );
        const [run] = await screening.runs(who);
        if (run?.reason === 'import') {
          io.out(
            run.status === 'done'
              ? `  Screened ${n(run.subjects)} suppliers, sites and owners against ${Object.keys(run.lists).length} watchlist(s): ${n(run.hits)} hits, ${n(run.newHits)} new, ${n(run.changedHits)} changed${run.hits > 0 ? ' (vigil serve, then Screening, to review them)' : ''}.\n`
              : `  Screening failed: ${run.error}\n`,
          );
        }
        const issues = await suppliers.issues(who, summary.id, { offset: 0, limit: ISSUES_SHOWN });
        if (issues.total > 0) {
          for (const i of issues.items) io.out(`  ${i.severity === 'error' ? 'rejected' : 'warning '} row ${i.row ?? '-'} (line ${i.line ?? '-'})${i.column ? `, ${i.column}` : ''}: ${i.message}\n`);
          const target = resolve(opts.issuesFile ?? `${basename(path).replace(/\.[^.]*$/, '')}-issues.csv`);
          const { chunks } = await suppliers.issuesCsv(who, summary.id);
          await pipeline(Readable.from(chunks), createWriteStream(target));
          io.out(`  All ${n(issues.total)} rejected and flagged rows, with line, column and reason: ${target}\n  (also in the web app under Imports, import ${summary.id}).\n`);
        }
      } catch (err) {
        rethrowForCli(err);
      } finally {
        await db.close();
      }
    });
}

/**
 * The mapping a command imports or assesses with: the columns recognised from the headers (or a saved
 * mapping), with `--map field=Header` flags laid over it.
 */
export function mappingFor(headers: readonly string[], flags: readonly string[], base: ColumnMapping = recogniseColumns(headers).mapping): ColumnMapping {
  let mapping: ColumnMapping;
  try {
    mapping = overrideMapping(base, parseMappingFlags(flags));
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), 2);
  }
  const check = checkMapping(mapping, headers);
  if (check.errors.length > 0) throw new CliError(`The columns cannot be read that way:\n${check.errors.map((e) => `  - ${e}`).join('\n')}`, 2);
  return check.mapping;
}

/** A file or mapping the user must fix becomes a message and exit code 2; anything else stays an error. */
export function rethrowForCli(err: unknown): never {
  if (err instanceof SupplierError) throw new CliError(err.message, err.kind === 'invalid' ? 2 : 1);
  if (err instanceof FileRejected) throw new CliError(err.message, 2);
  throw err;
}

/** The organisation id of an --org option. */
export function orgId(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new CliError(`--org takes an organisation id (a number), not "${value}"`, 2);
  return id;
}
