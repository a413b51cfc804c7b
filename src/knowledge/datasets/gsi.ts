// Walk Free Global Slavery Index: estimated prevalence and number of people in modern slavery per country.
// The published CSV pads its headers and numbers ("  38,928,000 ") and writes "-" or nothing for "no figure".
import { ImportRejected, IssueLog, type Row } from '../dataset.ts';
import type { DatasetDefinition, ParseContext, ParsedEdition, SourceFile } from '../definition.ts';
import { onlyFile, readCsv, resolveCountry } from './source-files.ts';

/** Columns recognised by their normalised header text, since the spreadsheet's export pads and reorders them. */
const COLUMNS = {
  country: (h: string) => h === 'country',
  population: (h: string) => h === 'population',
  region: (h: string) => h === 'region',
  prevalence: (h: string) => h.startsWith('estimated prevalence of modern slavery'),
  number: (h: string) => h.startsWith('estimated number of people in modern slavery'),
} as const;
type ColumnKey = keyof typeof COLUMNS;

const normaliseHeader = (h: string) => h.replace(/\s+/g, ' ').trim().toLowerCase();

/** "  38,928,000 " → 38928000; blank or "-" → null; anything else → undefined (an issue). */
function readNumber(raw: string, kind: 'integer' | 'decimal'): number | null | undefined {
  const v = raw.trim();
  if (v === '' || v === '-') return null;
  const pattern = kind === 'integer' ? /^(\d{1,3}(,\d{3})*|\d+)$/ : /^\d+(\.\d+)?$/;
  return pattern.test(v) ? Number(v.replace(/,/g, '')) : undefined;
}

function parse(files: SourceFile[], ctx: ParseContext): ParsedEdition {
  const file = onlyFile(files, 'gsi');
  const log = new IssueLog(file.name);
  const table = readCsv(file, log);
  if (!table) throw new ImportRejected(log.issues);
  const headers = table.header.map(normaliseHeader);
  const index = {} as Record<ColumnKey, number>;
  for (const key of Object.keys(COLUMNS) as ColumnKey[]) {
    const i = headers.findIndex(COLUMNS[key]);
    if (i < 0) log.add(1, key, `no ${key} column: expected the Walk Free Global Slavery Index CSV (Country, Population, Region, Estimated prevalence…, Estimated number…), found "${table.header.join(',')}"`);
    index[key] = i;
  }
  log.throwIfAny();
  const header = (key: ColumnKey) => table.header[index[key]]!.trim();
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of table.records) {
    const cell = (key: ColumnKey) => fields[index[key]]!;
    const countryName = cell('country').trim();
    const code = resolveCountry(ctx.countries, log, line, header('country'), countryName);
    const population = readNumber(cell('population'), 'integer');
    const prevalence = readNumber(cell('prevalence'), 'decimal');
    const estimated = readNumber(cell('number'), 'integer');
    for (const [key, value] of [['population', population], ['prevalence', prevalence], ['number', estimated]] as const) {
      if (value === undefined) log.add(line, header(key), `"${cell(key).trim()}" is not a number (blank or "-" mean none)`);
    }
    if (!code || population === undefined || prevalence === undefined || estimated === undefined) continue;
    const first = seen.get(code);
    if (first !== undefined) {
      log.add(line, header('country'), `${countryName} (${code}) is already on line ${first}`);
      continue;
    }
    seen.set(code, line);
    rows.push({ row: line, country_code: code, country_name: countryName, region: cell('region').trim(), population, prevalence_per_1000: prevalence, estimated_number: estimated });
  }
  log.throwIfAny();
  return { rows };
}

export const definition: DatasetDefinition = {
  id: 'gsi',
  name: 'Walk Free Global Slavery Index',
  description: 'Walk Free\'s country estimates of modern slavery: population, estimated prevalence per 1,000 people and estimated number of people in modern slavery. Small states without an estimate have empty figures.',
  defaults: {
    title: 'Global Slavery Index',
    publisher: 'Walk Free (Minderoo Foundation)',
    sourceUrl: 'https://www.walkfree.org/global-slavery-index/',
    licence: "Walk Free terms of use; attribution 'Walk Free, Global Slavery Index 2023' required",
    caveats: 'Estimates are for the 2021 reference year. Vulnerability scores and government response ratings are not in this file. The file was obtained through a third-party copy of Walk Free\'s spreadsheet (a Kaggle dataset copied into a public repository), not from Walk Free directly. 20 countries, mostly small states, have no estimate.',
  },
  table: 'ref_gsi',
  columns: [
    { name: 'country_code', type: 'text' },
    { name: 'country_name', type: 'text' },
    { name: 'region', type: 'text' },
    { name: 'population', type: 'bigint' },
    { name: 'prevalence_per_1000', type: 'float' },
    { name: 'estimated_number', type: 'bigint' },
  ],
  accepts: 'the Global Slavery Index country CSV with columns Country, Population, Region, "Estimated prevalence of modern slavery per 1,000 population" and "Estimated number of people in modern slavery" (any order, padded headers and numbers accepted)',
  parse,
  stats: (rows) => ({ countries: rows.length, with_estimates: rows.filter((r) => r.estimated_number != null).length }),
};
