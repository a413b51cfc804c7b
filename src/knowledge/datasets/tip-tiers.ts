// US State Department Trafficking in Persons (TIP) Report tier placements, one row per report year and country.
// Only placements a source gave are rows: a country missing from a year stays missing, never guessed.
import { IssueLog, type Row } from '../dataset.ts';
import type { DatasetDefinition, ParseContext, ParsedEdition, SourceFile } from '../definition.ts';
import { onlyFile, readCsvWithHeader, resolveCountry } from './source-files.ts';

export const TIERS = ['1', '2', '2WL', '3', 'special_case'] as const;
export type Tier = (typeof TIERS)[number];

/** "Tier 2 Watch List", "tier 2wl", "2WL" → 2WL; "Special Case" → special_case; "Tier 1" → 1. */
export function normaliseTier(input: string): Tier | null {
  const key = input.toLowerCase().replace(/[\s_-]+/g, '').replace(/^tier/, '');
  if (key === '1' || key === '2' || key === '3') return key;
  if (key === '2wl' || key === '2watchlist' || key === 'watchlist') return '2WL';
  if (key === 'specialcase' || key === 'special') return 'special_case';
  return null;
}

// The first TIP Report was published in 2001.
const FIRST_YEAR = 2001;

function parse(files: SourceFile[], ctx: ParseContext): ParsedEdition {
  const file = onlyFile(files, 'tip-tiers');
  const log = new IssueLog(file.name);
  const table = readCsvWithHeader(file, ['year', 'country_name_as_published', 'iso_alpha2', 'tier'], 'a TIP tier placement CSV', log);
  const rows: Row[] = [];
  const placed = new Map<string, number>();
  for (const { line, fields } of table.records) {
    const [yearText, countryName, isoText, tierText] = fields.map((f) => f.trim()) as [string, string, string, string];
    const year = Number(yearText);
    const yearOk = /^\d{4}$/.test(yearText) && year >= FIRST_YEAR;
    if (!yearOk) log.add(line, 'year', `"${yearText}" is not a report year (${FIRST_YEAR} or later)`);
    const tier = normaliseTier(tierText);
    if (!tier) log.add(line, 'tier', `"${tierText}" is not a tier (1, 2, 2WL / Tier 2 Watch List, 3, Special Case)`);
    const code = countryCode(ctx, log, line, countryName, isoText);
    if (!yearOk || !tier || !code) continue;
    const key = `${year}|${code}`;
    const first = placed.get(key);
    if (first !== undefined) {
      log.add(line, 'iso_alpha2', `${code} is already placed for ${year} on line ${first}`);
      continue;
    }
    placed.set(key, line);
    rows.push({ row: line, year, country_code: code, country_name: countryName, tier });
  }
  log.throwIfAny();
  const latest = Math.max(...rows.map((r) => r.year as number));
  return { rows, edition: String(latest) };
}

/** The code from iso_alpha2 when given (checked against the name), else from the name. */
function countryCode(ctx: ParseContext, log: IssueLog, line: number, name: string, iso: string): string | null {
  if (name === '') {
    log.add(line, 'country_name_as_published', 'the country name is empty');
    return null;
  }
  if (iso === '') return resolveCountry(ctx.countries, log, line, 'country_name_as_published', name);
  const known = ctx.countries.get(iso);
  if (!known) {
    log.add(line, 'iso_alpha2', `"${iso}" is not a country code in the country list`);
    return null;
  }
  const byName = ctx.countries.resolve(name);
  if (byName.ok && byName.code !== known.code) {
    log.add(line, 'iso_alpha2', `"${iso}" (${known.name}) disagrees with the name "${name}", which is ${byName.code} (${byName.name})`);
    return null;
  }
  return known.code;
}

function stats(rows: readonly Row[]): Record<string, number> {
  const perYear = new Map<number, number>();
  for (const r of rows) perYear.set(r.year as number, (perYear.get(r.year as number) ?? 0) + 1);
  const out: Record<string, number> = { years: perYear.size, placements: rows.length };
  for (const year of [...perYear.keys()].sort()) out[`placements_${year}`] = perYear.get(year)!;
  return out;
}

export const definition: DatasetDefinition = {
  id: 'tip-tiers',
  name: 'US TIP Report tier placements',
  description: 'Tier placements (Tier 1, Tier 2, Tier 2 Watch List, Tier 3, Special Case) from the US State Department Trafficking in Persons Report, one row per report year and country. Countries a source did not place for a year are absent, not guessed.',
  defaults: {
    title: 'Trafficking in Persons Report: tier placements',
    publisher: 'U.S. Department of State, Office to Monitor and Combat Trafficking in Persons',
    sourceUrl: 'https://www.state.gov/trafficking-in-persons-report/',
    licence: 'US Government work, public domain in the US',
    caveats: 'Transcribed by hand from copies of the report, not from an official data file. 2020, 2021, 2023 and 2025 are complete (188 placements each). 2024 is partial: 125 of 188, with most Tier 2 countries and Somalia and Yemen missing. 2022 is partial: 79, mostly Watch List, Tier 3 and Special Cases. The 2021 list and the 2025 Tier 1 and Tier 2 placements each come from a single third-party transcription (cross-checked against State Department country chapters and the CIA World Factbook, no conflicts found). Missing placements are left out, never inferred.',
  },
  table: 'ref_tip_tiers',
  columns: [
    { name: 'year', type: 'int' },
    { name: 'country_code', type: 'text' },
    { name: 'country_name', type: 'text' },
    { name: 'tier', type: 'text' },
  ],
  accepts: 'one CSV with the header year,country_name_as_published,iso_alpha2,tier (iso_alpha2 may be empty; tier as 1, 2, 2WL, 3, special_case or spelled out, e.g. "Tier 2 Watch List")',
  parse,
  stats,
};
