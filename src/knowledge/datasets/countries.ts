// The country list every other dataset resolves its country names against: ISO 3166-1 codes and English names,
// plus the other spellings real files use. Our own CSV format, built by scripts/compile-reference.ts.
import { normaliseCountryName, type CountryRecord } from '../countries.ts';
import { IssueLog, type Row } from '../dataset.ts';
import type { DatasetDefinition, ParsedEdition, SourceFile } from '../definition.ts';
import { onlyFile, readCsvWithHeader } from './source-files.ts';

export const COUNTRY_CSV_HEADER = ['code', 'alpha3', 'numeric', 'name', 'aliases'] as const;

function parse(files: SourceFile[]): ParsedEdition {
  const file = onlyFile(files, 'countries');
  const log = new IssueLog(file.name);
  const table = readCsvWithHeader(file, COUNTRY_CSV_HEADER, 'a Vigil country list', log);
  const rows: Row[] = [];
  const seen = { code: new Map<string, number>(), alpha3: new Map<string, number>(), numeric: new Map<string, number>() };
  const nameOwner = new Map<string, { code: string; line: number }>();
  for (const { line, fields } of table.records) {
    const [code, alpha3, numeric, name, aliasText] = fields.map((f) => f.trim()) as [string, string, string, string, string];
    let ok = true;
    if (!/^[A-Z]{2}$/.test(code)) { log.add(line, 'code', `"${code}" is not a two-letter upper-case code`); ok = false; }
    if (!/^[A-Z]{3}$/.test(alpha3)) { log.add(line, 'alpha3', `"${alpha3}" is not a three-letter upper-case code`); ok = false; }
    if (numeric !== '' && !/^\d{3}$/.test(numeric)) { log.add(line, 'numeric', `"${numeric}" is not three digits (leave it empty when there is none)`); ok = false; }
    if (name === '') { log.add(line, 'name', 'the name is empty'); ok = false; }
    for (const [field, value] of [['code', code], ['alpha3', alpha3], ['numeric', numeric]] as const) {
      if (value === '') continue;
      const first = seen[field].get(value);
      if (first !== undefined) { log.add(line, field, `"${value}" is already used on line ${first}`); ok = false; }
      else seen[field].set(value, line);
    }
    const aliases = aliasText === '' ? [] : aliasText.split('|').map((a) => a.trim());
    if (aliases.some((a) => a === '')) { log.add(line, 'aliases', 'an alias is empty (two "|" in a row?)'); ok = false; }
    for (const n of [name, ...aliases]) {
      const key = normaliseCountryName(n);
      const owner = nameOwner.get(key);
      if (owner && owner.code !== code) { log.add(line, n === name ? 'name' : 'aliases', `"${n}" already names ${owner.code} (line ${owner.line}); a name may name only one country`); ok = false; }
      else nameOwner.set(key, { code, line });
    }
    if (ok) rows.push({ row: line, code, alpha3, numeric: numeric === '' ? null : numeric, name, aliases });
  }
  log.throwIfAny();
  return { rows };
}

/** The rows of a compiled countries edition as the records CountryResolver takes. */
export function countryRecords(rows: readonly Row[]): CountryRecord[] {
  return rows.map((r) => ({
    code: r.code as string,
    alpha3: r.alpha3 as string,
    numeric: (r.numeric as string | null) ?? null,
    name: r.name as string,
    aliases: (r.aliases as string[] | null) ?? [],
  }));
}

export const definition: DatasetDefinition = {
  id: 'countries',
  name: 'Countries and territories',
  description: 'ISO 3166-1 alpha-2, alpha-3 and numeric codes with English names, plus the other spellings publishers and users write (Burma, Türkiye, Congo (DRC), Korea, South…). Kosovo is XK, a user-assigned code.',
  defaults: {
    title: 'Countries and territories (ISO 3166-1) with Vigil aliases',
    publisher: 'ISO 3166 Maintenance Agency (codes and names via the i18n-iso-countries package, MIT); aliases curated by Vigil',
    sourceUrl: 'https://www.iso.org/iso-3166-country-codes.html',
    licence: 'Codes and English short names as distributed in the i18n-iso-countries package (MIT licence); alias list by Vigil under the project licence',
    caveats: 'Kosovo (XK, XKX) is a user-assigned code, not an ISO 3166 assignment. Names are the English names of i18n-iso-countries, not ISO\'s official text. Aliases are curated by hand from the spellings in the reference files; a name that could mean two countries (e.g. plain "Congo") is deliberately not an alias.',
  },
  table: 'ref_countries',
  columns: [
    { name: 'code', type: 'text' },
    { name: 'alpha3', type: 'text' },
    { name: 'numeric', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'aliases', type: 'text[]' },
  ],
  accepts: 'one CSV with the header code,alpha3,numeric,name,aliases (aliases separated by "|"), as written by scripts/compile-reference.ts',
  parse,
  stats: (rows) => ({ countries: rows.length }),
};
