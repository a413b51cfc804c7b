// Compiled editions on disk: `reference/<dataset>/<edition>.json`, a header (dataset, provenance, checksum,
// stats) followed by one row per line, so a recompile shows up in git as a readable diff of changed rows.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CountryResolver } from './countries.ts';
import { checksumRows, isDatasetId, type CompiledEdition, type DatasetId, type Provenance, type Row } from './dataset.ts';
import type { DatasetDefinition, ParsedEdition } from './definition.ts';
import { DATASETS } from './datasets/index.ts';
import { countryRecords } from './datasets/countries.ts';

/** The repository's own compiled editions. */
export const REFERENCE_DIR = fileURLToPath(new URL('../../reference/', import.meta.url));

/** Builds the edition a parse produced: rows in column order, their checksum and the headline figures. Pure. */
export function compileEdition(definition: DatasetDefinition, parsed: ParsedEdition, provenance: Provenance, compiledOn: string): CompiledEdition {
  const rows = parsed.rows.map((r) => canonicalRow(definition, r));
  const { title, publisher, edition, publishedOn, sourceUrl, licence, caveats } = provenance;
  return {
    dataset: definition.id,
    provenance: { title, publisher, edition, publishedOn, sourceUrl, licence, caveats },
    compiledOn,
    rowCount: rows.length,
    checksum: checksumRows(definition.columns, rows),
    stats: { ...definition.stats(rows), ...parsed.statsFromFile },
    rows,
  };
}

function canonicalRow(definition: DatasetDefinition, r: Row): Row {
  const out: Row = { row: r.row };
  for (const c of definition.columns) out[c.name] = r[c.name] ?? null;
  return out;
}

/** True when the rows still give the checksum recorded for them. */
export function checksumMatches(edition: CompiledEdition): boolean {
  return checksumRows(DATASETS[edition.dataset].columns, edition.rows) === edition.checksum;
}

/** Editions become file names, so they are kept to letters, digits, dot, dash and underscore. */
export function compiledEditionPath(folder: string, dataset: DatasetId, edition: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(edition)) throw new Error(`edition "${edition}" cannot be a file name (use letters, digits, ".", "-", "_")`);
  return join(folder, dataset, `${edition}.json`);
}

/**
 * The file text. `compiledBy` names the program that wrote it, so that program can later recognise (and
 * replace) its own files without touching editions someone imported by hand.
 */
export function serialiseCompiledEdition(edition: CompiledEdition, compiledBy?: string): string {
  const { rows, ...header } = edition;
  const head = JSON.stringify(compiledBy ? { ...header, compiledBy } : header, null, 2);
  const body = rows.map((r) => `    ${JSON.stringify(canonicalRow(DATASETS[edition.dataset], r))}`).join(',\n');
  return `${head.slice(0, -2)},\n  "rows": [\n${body}${rows.length > 0 ? '\n' : ''}  ]\n}\n`;
}

export function writeCompiledEdition(folder: string, edition: CompiledEdition, compiledBy?: string): string {
  const path = compiledEditionPath(folder, edition.dataset, edition.provenance.edition);
  mkdirSync(join(folder, edition.dataset), { recursive: true });
  writeFileSync(path, serialiseCompiledEdition(edition, compiledBy));
  return path;
}

/** Reads and checks the shape of a compiled file (not its checksum: see checksumMatches). */
export function parseCompiledEdition(text: string, name: string): CompiledEdition & { compiledBy?: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${name}: not valid JSON (${(err as Error).message})`);
  }
  const d = data as Record<string, unknown>;
  const fail = (what: string): never => { throw new Error(`${name}: not a compiled edition (${what})`); };
  if (typeof d !== 'object' || d === null) fail('not an object');
  if (typeof d.dataset !== 'string' || !isDatasetId(d.dataset)) fail(`unknown dataset ${JSON.stringify(d.dataset)}`);
  const p = d.provenance as Record<string, unknown> | undefined;
  if (typeof p !== 'object' || p === null) fail('no provenance');
  for (const k of ['title', 'publisher', 'edition', 'sourceUrl', 'licence', 'caveats'] as const) if (typeof p![k] !== 'string') fail(`provenance.${k} missing`);
  if (p!.publishedOn !== null && typeof p!.publishedOn !== 'string') fail('provenance.publishedOn missing');
  if (typeof d.compiledOn !== 'string' || typeof d.checksum !== 'string' || typeof d.rowCount !== 'number') fail('compiledOn, checksum or rowCount missing');
  if (typeof d.stats !== 'object' || d.stats === null) fail('no stats');
  if (!Array.isArray(d.rows) || d.rows.some((r) => typeof r !== 'object' || r === null || typeof (r as Row).row !== 'number')) fail('rows missing or without row numbers');
  if ((d.rows as unknown[]).length !== d.rowCount) fail(`rowCount ${String(d.rowCount)} but ${(d.rows as unknown[]).length} rows`);
  return data as CompiledEdition & { compiledBy?: string };
}

export function readCompiledEdition(path: string): CompiledEdition & { compiledBy?: string } {
  return parseCompiledEdition(readFileSync(path, 'utf8'), path);
}

/** Paths of every `<dataset>/<edition>.json` under a folder whose dataset is known, sorted by dataset then edition. */
export function listCompiledFiles(folder: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return out;
  }
  for (const dataset of entries.sort()) {
    const dir = join(folder, dataset);
    if (!isDatasetId(dataset) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.json')) out.push(join(dir, name));
  }
  return out;
}

let bundled: CountryResolver | undefined;

/** The country list shipped in `reference/countries/` (the most recently compiled edition there). */
export function bundledCountries(): CountryResolver {
  if (bundled) return bundled;
  const editions = listCompiledFiles(REFERENCE_DIR)
    .filter((path) => basename(dirname(path)) === 'countries')
    .map(readCompiledEdition)
    .sort((a, b) => a.compiledOn.localeCompare(b.compiledOn));
  const latest = editions.at(-1);
  if (!latest) throw new Error(`no compiled country list in ${join(REFERENCE_DIR, 'countries')}; run npm run compile-reference`);
  bundled = new CountryResolver(countryRecords(latest.rows));
  return bundled;
}
