// Compiles the reference datasets shipped in reference/ from the publishers' files:
//   node --import tsx scripts/compile-reference.ts [--shared PATH] [--out PATH]
// --shared is the folder of gathered publisher files (default ../shared/reference next to the repo), --out the
// folder to write to (default reference/). Every file goes through the same parse() as `vigil data import`.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { CountryResolver, normaliseCountryName } from '../src/knowledge/countries.ts';
import { formatIssue, ImportRejected, type CompiledEdition, type DatasetId } from '../src/knowledge/dataset.ts';
import type { SourceFile } from '../src/knowledge/definition.ts';
import { DATASETS } from '../src/knowledge/datasets/index.ts';
import { COUNTRY_CSV_HEADER, countryRecords } from '../src/knowledge/datasets/countries.ts';
import { compileEdition, listCompiledFiles, readCompiledEdition, writeCompiledEdition } from '../src/knowledge/compiled-files.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_SHARED = resolve(ROOT, '../shared/reference');
/** Marks the files this script writes, so it replaces only its own stale editions. */
export const COMPILED_BY = 'scripts/compile-reference.ts';

// Kosovo's XK is user-assigned, and so are the package's XKK and 983. XKX is the alpha-3 in common use (the
// World Bank's, for one); no numeric code is assigned.
const KOSOVO = { alpha3: 'XKX', numeric: '' };

// TIP Report release dates we could confirm (tip-tiers README); other years stay null rather than guessed.
const TIP_PUBLISHED_ON: Record<string, string> = { '2025': '2025-09-29' };

interface PublisherSource {
  id: Exclude<DatasetId, 'countries'>;
  files: string[];
  /** Fixed edition, for files that do not say which edition they are. */
  edition?: string;
  publishedOn: (edition: string) => string | null;
}

const SOURCES: PublisherSource[] = [
  { id: 'tip-tiers', files: ['tip-tiers/tip-tiers.csv'], publishedOn: (e) => TIP_PUBLISHED_ON[e] ?? null },
  { id: 'ilab-tvpra', files: ['ilab-tvpra-goods/sweat-and-toil-2022/goods_2016.xml'], edition: '2022', publishedOn: () => '2022-09-28' },
  { id: 'gsi', files: ['walkfree-gsi/Global_Slavery_Index_2023.csv'], edition: '2023', publishedOn: () => '2023-05-24' },
  { id: 'hs', files: ['classifications/hs2022/harmonized-system.csv', 'classifications/hs2022/sections.csv'], edition: '2022', publishedOn: () => null },
  { id: 'cpv', files: ['classifications/cpv2008/cpv2008_main_en.json'], edition: '2008', publishedOn: () => null },
  { id: 'ilo-indicators', files: ['<repo>/reference-src/ilo-indicators.csv'], edition: '2012', publishedOn: () => null },
];

/** Datasets whose country names must all resolve: a miss means an alias is missing from country-aliases.csv. */
const NAMED_COUNTRIES: Partial<Record<DatasetId, string>> = { 'tip-tiers': 'country_name', 'ilab-tvpra': 'country_name', gsi: 'country_name' };

const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The country list in our own CSV format: codes and English names (all variants) from i18n-iso-countries,
 * Kosovo's codes, and the curated aliases. A package variant that names two countries (plain "Congo") is
 * dropped; a curated alias that does is an error, reported by the countries parser.
 */
export function countryListCsv(): { file: SourceFile; version: string; dropped: string[] } {
  const require = createRequire(import.meta.url);
  const pkg = require('i18n-iso-countries/package.json') as { version: string };
  const codes = require('i18n-iso-countries/codes.json') as [string, string, string, string][];
  const names = (require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> }).countries;
  const owners = new Map<string, Set<string>>();
  for (const [code, value] of Object.entries(names)) {
    for (const n of [value].flat()) owners.set(normaliseCountryName(n), (owners.get(normaliseCountryName(n)) ?? new Set()).add(code));
  }
  const dropped = [...owners].filter(([, c]) => c.size > 1).map(([k, c]) => `"${k}" (${[...c].sort().join(', ')})`);

  const aliasFile = join(ROOT, 'reference-src/country-aliases.csv');
  const curated = parseCsv(readFileSync(aliasFile, 'utf8'), { columns: true, skip_empty_lines: true }) as { code: string; alias: string }[];
  const known = new Set(codes.map(([code]) => code));
  const unknown = curated.filter((a) => !known.has(a.code));
  if (unknown.length > 0) throw new Error(`${aliasFile}: unknown country code(s) ${unknown.map((a) => `${a.code} (${a.alias})`).join(', ')}`);

  // The package's first English name is often the formal one ("Taiwan, Province of China", "Cote d'Ivoire");
  // the short names people read and write are curated, and the package's names stay as aliases.
  const displayFile = join(ROOT, 'reference-src/country-names.csv');
  const display = new Map((parseCsv(readFileSync(displayFile, 'utf8'), { columns: true, skip_empty_lines: true }) as { code: string; name: string }[]).map((d) => [d.code, d.name]));
  const unknownDisplay = [...display.keys()].filter((c) => !known.has(c));
  if (unknownDisplay.length > 0) throw new Error(`${displayFile}: unknown country code(s) ${unknownDisplay.join(', ')}`);

  const lines = [COUNTRY_CSV_HEADER.join(',')];
  for (const [code, alpha3, numeric] of [...codes].sort((a, b) => a[0].localeCompare(b[0]))) {
    const packageNames = [names[code] ?? []].flat();
    const [name, ...variants] = display.has(code) ? [display.get(code)!, ...packageNames] : packageNames;
    if (name === undefined) throw new Error(`i18n-iso-countries has no English name for ${code}`);
    const seen = new Set([normaliseCountryName(name)]);
    const aliases: string[] = [];
    for (const a of [...variants, ...curated.filter((c) => c.code === code).map((c) => c.alias)]) {
      const key = normaliseCountryName(a);
      if (seen.has(key) || (variants.includes(a) && owners.get(key)!.size > 1)) continue;
      seen.add(key);
      aliases.push(a);
    }
    const codesRow = code === 'XK' ? KOSOVO : { alpha3, numeric };
    lines.push([code, codesRow.alpha3, codesRow.numeric, name, aliases.join('|')].map(csvField).join(','));
  }
  return {
    file: { name: `i18n-iso-countries ${pkg.version} + reference-src/country-names.csv + reference-src/country-aliases.csv`, text: `${lines.join('\n')}\n` },
    version: pkg.version,
    dropped,
  };
}

function readSource(shared: string, path: string): SourceFile {
  const full = path.startsWith('<repo>/') ? join(ROOT, path.slice('<repo>/'.length)) : join(shared, path);
  return { name: path.replace(/^<repo>\//, ''), text: readFileSync(full, 'utf8') };
}

export interface Compiled {
  editions: CompiledEdition[];
  notes: string[];
}

/** Compiles every dataset in memory; throws on the first dataset whose files are rejected. */
export function compileAll(shared: string, compiledOn: string): Compiled {
  const notes: string[] = [];
  const countryList = countryListCsv();
  if (countryList.dropped.length > 0) notes.push(`i18n-iso-countries names dropped as ambiguous: ${countryList.dropped.join('; ')}`);
  const countriesDef = DATASETS.countries;
  const countriesParsed = countriesDef.parse([countryList.file], { countries: new CountryResolver([]) });
  const countriesEdition = compileEdition(countriesDef, countriesParsed, { ...countriesDef.defaults, edition: `i18n-iso-countries-${countryList.version}`, publishedOn: null }, compiledOn);
  const countries = new CountryResolver(countryRecords(countriesEdition.rows));
  const editions = [countriesEdition];

  for (const source of SOURCES) {
    const definition = DATASETS[source.id];
    const files = source.files.map((f) => readSource(shared, f));
    const parsed = definition.parse(files, { countries });
    const edition = parsed.edition ?? source.edition;
    if (!edition) throw new Error(`${source.id}: the file gives no edition and none is configured`);
    const compiled = compileEdition(definition, parsed, { ...definition.defaults, edition, publishedOn: parsed.publishedOn ?? source.publishedOn(edition) }, compiledOn);
    const nameField = NAMED_COUNTRIES[source.id];
    if (nameField) {
      const unresolved = [...new Set(compiled.rows.map((r) => r[nameField] as string))].filter((n) => !countries.resolve(n).ok);
      if (unresolved.length > 0) throw new Error(`${source.id}: country names with no alias in reference-src/country-aliases.csv: ${unresolved.join('; ')}`);
    }
    editions.push(compiled);
  }
  return { editions, notes };
}

/** Writes the editions and removes this script's earlier files of other editions of the same datasets. */
export function writeAll(out: string, editions: CompiledEdition[]): string[] {
  const written: string[] = [];
  for (const e of editions) {
    const path = writeCompiledEdition(out, e, COMPILED_BY);
    written.push(path);
    for (const other of listCompiledFiles(out)) {
      if (other === path || basename(dirname(other)) !== e.dataset) continue;
      if (readCompiledEdition(other).compiledBy === COMPILED_BY) rmSync(other);
    }
  }
  return written;
}

function main(): void {
  const { values } = parseArgs({ options: { shared: { type: 'string' }, out: { type: 'string' } } });
  const shared = resolve(values.shared ?? DEFAULT_SHARED);
  const out = resolve(values.out ?? join(ROOT, 'reference'));
  const compiledOn = new Date().toISOString().slice(0, 10);
  let compiled: Compiled;
  try {
    compiled = compileAll(shared, compiledOn);
  } catch (err) {
    console.error(err instanceof ImportRejected ? `rejected:\n${err.issues.map(formatIssue).join('\n')}` : (err as Error).message);
    process.exit(1);
  }
  for (const note of compiled.notes) console.log(`note: ${note}`);
  writeAll(out, compiled.editions);
  for (const e of compiled.editions) {
    const stats = Object.entries(e.stats).map(([k, v]) => `${k}=${v}`).join(' ');
    console.log(`${e.dataset} ${e.provenance.edition}: ${e.rowCount} rows; ${stats}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
