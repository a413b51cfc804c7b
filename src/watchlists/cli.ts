// `vigil watchlist list|import|define`: the operator's commands for the shared lists every organisation screens
// against. Imports are all or nothing; a rejected file prints every problem with its file and line.
import { basename, extname } from 'node:path';
import { stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { prepareDatabase } from '../app.ts';
import { barProgress, fileProgress } from '../cli/progress.ts';
import { CliError, dataDirOption, type Io } from '../cli/shared.ts';
import { loadConfig } from '../config.ts';
import { DEFAULT_THRESHOLD, IDENTIFIER_SCHEMES, type IdentifierScheme } from '../match/types.ts';
import { createServices } from '../services.ts';
import { openSupplierFile, readHead } from '../suppliers/read.ts';
import { formatWatchlistIssue, WatchlistError, WatchlistFileError, type WatchlistService } from './service.ts';
import { SIGNAL_STRENGTHS, type SignalStrength, type TableMapping, type Watchlist, WATCHLIST_FORMATS, type WatchlistFormat } from './types.ts';

const WARNINGS_SHOWN = 20;

async function withWatchlists<T>(opts: { dataDir?: string }, io: Io, fn: (watchlists: WatchlistService) => Promise<T>): Promise<T> {
  const config = loadConfig({ dataDir: opts.dataDir });
  const { db } = await prepareDatabase(config, barProgress(io));
  try {
    return await fn(createServices(db, config).watchlists);
  } catch (err) {
    if (err instanceof WatchlistError) throw new CliError(err.message, err.kind === 'invalid' ? 2 : 1);
    throw err;
  } finally {
    await db.close();
  }
}

const MAP_FIELDS = ['name', 'aliases', 'type', 'country', 'birth-date', 'id', 'property', ...IDENTIFIER_SCHEMES] as const;

/**
 * A table's mapping from `--map field=Header` flags; a field given no flag takes the header that is its own name
 * ("Name", "Country", "LEI"), if the file has one.
 */
export function tableMappingOf(flags: readonly string[], headers: readonly string[]): TableMapping {
  const given = new Map<string, string[]>();
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const field = eq < 0 ? '' : flag.slice(0, eq).trim().toLowerCase().replace(/_/g, '-');
    const header = flag.slice(eq + 1).trim();
    if (eq < 0 || header === '') throw new CliError(`--map "${flag}": write field=Header, e.g. --map "name=Entity name"`, 2);
    if (!(MAP_FIELDS as readonly string[]).includes(field)) throw new CliError(`--map "${flag}": unknown field "${field}"; the fields are ${MAP_FIELDS.join(', ')}`, 2);
    given.set(field, [...(given.get(field) ?? []), header]);
  }
  const own = (field: string) => headers.find((h) => h.toLowerCase().replace(/[\s_]+/g, '-') === field);
  const one = (field: string) => {
    const list = given.get(field);
    if (list && list.length > 1) throw new CliError(`--map ${field} is given ${list.length} times; it takes one column`, 2);
    return list?.[0] ?? own(field);
  };
  const name = one('name');
  if (!name) throw new CliError(`say which column holds the name: --map "name=Header" (the file's columns are ${headers.map((h) => `"${h}"`).join(', ')})`, 2);
  const identifiers = IDENTIFIER_SCHEMES.flatMap((scheme: IdentifierScheme) => {
    const column = one(scheme.replace(/_/g, '-'));
    return column ? [{ column, scheme }] : [];
  });
  const mapping: TableMapping = { name, identifiers };
  const set = (key: 'aliases' | 'type' | 'country' | 'birthDate' | 'id', field: string) => {
    const h = one(field);
    if (h) mapping[key] = h;
  };
  set('aliases', 'aliases');
  set('type', 'type');
  set('country', 'country');
  set('birthDate', 'birth-date');
  set('id', 'id');
  if (given.has('property')) mapping.properties = given.get('property');
  return mapping;
}

/** JSON lines are FollowTheMoney; a CSV that names Empregador and CNPJ/CPF is the Brazil register; anything else a table. */
async function formatOf(path: string): Promise<WatchlistFormat> {
  if (['.json', '.jsonl', '.ndjson'].includes(extname(path).toLowerCase())) return 'ftm';
  const head = (await readHead(path, 64 * 1024)).toString('latin1');
  return /empregador/i.test(head) && /cnpj/i.test(head) ? 'br-mte' : 'table';
}

function describe(l: Watchlist): string {
  const v = l.activeVersion;
  const version = v ? `edition ${v.edition}${v.publishedOn ? ` (published ${v.publishedOn})` : ''}, ${v.entities.toLocaleString('en')} entities, imported ${v.importedAt.slice(0, 10)} by ${v.importedBy}` : 'no version imported yet';
  return `${l.slug.padEnd(26)} ${l.signal.padEnd(4)}  threshold ${l.threshold.toFixed(2)}  ${l.name}\n${' '.repeat(27)}${l.publisher}${l.sourceUrl ? ` — ${l.sourceUrl}` : ''}\n${' '.repeat(27)}${version}\n`;
}

export function watchlistCommands(io: Io): Command {
  const cmd = new Command('watchlist').description('Shared watchlists (UFLPA, CBP, Brazil register, sanctions): list, import versions, define new ones');

  cmd
    .command('list')
    .description('The shared lists with their signal, threshold, provenance and active version')
    .option('--json', 'print JSON')
    .addOption(dataDirOption())
    .action(async (opts: { json?: boolean; dataDir?: string }) => {
      const lists = await withWatchlists(opts, io, (w) => w.sharedLists());
      if (opts.json) io.out(`${JSON.stringify({ items: lists }, null, 2)}\n`);
      else for (const l of lists) io.out(describe(l));
    });

  cmd
    .command('import')
    .description('Import a new version of a shared list from a file and make it active; a bad file is rejected whole and the active version stays')
    .argument('<slug>', 'the list, e.g. br-mte-slavery (see vigil watchlist list)')
    .argument('<file>', 'FollowTheMoney JSON lines, the Brazil register CSV, or a CSV/XLSX table')
    .addOption(new Option('--format <format>', 'the file\'s format (default: .json/.jsonl are ftm, a CSV naming Empregador and CNPJ/CPF is br-mte, else table)').choices([...WATCHLIST_FORMATS]))
    .option('--edition <name>', 'edition name (default: the publication date, else today)')
    .option('--published <date>', 'publication date, YYYY-MM-DD')
    .option('--map <field=Header>', `table columns: ${MAP_FIELDS.join(', ')}; repeatable (property keeps a column as a fact shown with hits)`, (v: string, all: string[]) => [...all, v], [])
    .addOption(dataDirOption())
    .action(async (slug: string, path: string, opts: { format?: WatchlistFormat; edition?: string; published?: string; map: string[]; dataDir?: string }) => {
      const size = await stat(path).then((s) => s.size, () => {
        throw new CliError(`cannot read ${path}`, 2);
      });
      const format = opts.format ?? (await formatOf(path));
      let mapping: TableMapping | undefined;
      if (format === 'table') {
        const file = await openSupplierFile(path, { name: basename(path), guessEncoding: true }).catch((err: Error) => {
          throw new CliError(err.message, 2);
        });
        await file.close();
        mapping = tableMappingOf(opts.map, file.headers);
      } else if (opts.map.length > 0) throw new CliError(`--map is for tables; this file is read as ${format}`, 2);
      const version = await withWatchlists(opts, io, async (w) => {
        const list = await w.sharedBySlug(slug);
        io.err(`Importing ${basename(path)} (${format}) into ${list.slug} — ${list.name}\n`);
        const bar = fileProgress(io, 'Importing', size);
        try {
          return await w
            .importFile('operator', list.id, { path, fileName: basename(path), format, mapping, edition: opts.edition, publishedOn: opts.published }, (p) => bar.update(p.bytes, p.entities))
            .finally(() => bar.done());
        } catch (err) {
          if (err instanceof WatchlistFileError) {
            throw new CliError(`Rejected: nothing was imported and the active version of ${slug} is unchanged. ${err.issues.length}${err.issues.length >= 1000 ? '+' : ''} problem(s):\n${err.issues.map((i) => `  ${formatWatchlistIssue(i)}`).join('\n')}`);
          }
          throw err;
        }
      });
      io.out(`Imported ${slug} edition ${version.edition}: ${version.entities.toLocaleString('en')} entities, now active (version ${version.id}, sha256 ${version.sha256.slice(0, 16)}…).\n`);
      if (version.warnings > 0) {
        io.out(`  ${version.warnings.toLocaleString('en')} warning(s):\n${version.warningIssues.slice(0, WARNINGS_SHOWN).map((i) => `  ${formatWatchlistIssue(i)}\n`).join('')}`);
        if (version.warnings > WARNINGS_SHOWN) io.out(`  … and ${(version.warnings - WARNINGS_SHOWN).toLocaleString('en')} more\n`);
      }
    });

  cmd
    .command('define')
    .description('Define a new shared list (no entities until a version is imported)')
    .argument('<slug>', 'lower-case letters, digits and dashes, e.g. eu-flr-decisions')
    .requiredOption('--name <name>', 'the list\'s name')
    .addOption(new Option('--signal <signal>', 'hard: a legal bar or presumption; soft: a warning to weigh').choices([...SIGNAL_STRENGTHS]).makeOptionMandatory())
    .requiredOption('--basis <text>', 'why a hit counts: the law or guidance, shown with every hit')
    .option('--threshold <n>', 'match threshold, 0.5–1', (v) => Number(v), DEFAULT_THRESHOLD)
    .option('--publisher <name>', 'who publishes the list (default: the name)')
    .option('--source-url <url>', 'where the list is published')
    .option('--licence <licence>', 'the list\'s licence or terms of use')
    .addOption(dataDirOption())
    .action(async (slug: string, opts: { name: string; signal: SignalStrength; basis: string; threshold: number; publisher?: string; sourceUrl?: string; licence?: string; dataDir?: string }) => {
      if (!(opts.threshold >= 0.5 && opts.threshold <= 1)) throw new CliError(`--threshold is between 0.5 and 1, not ${opts.threshold}`, 2);
      const list = await withWatchlists(opts, io, (w) =>
        w.defineShared({ slug, name: opts.name, publisher: opts.publisher ?? opts.name, sourceUrl: opts.sourceUrl ?? null, licence: opts.licence ?? null, signal: opts.signal, basis: opts.basis, threshold: opts.threshold }),
      );
      io.out(`Defined shared list ${list.slug} (id ${list.id}, ${list.signal} signal, threshold ${list.threshold.toFixed(2)}). Import a version with: vigil watchlist import ${list.slug} <file>\n`);
    });

  return cmd;
}
