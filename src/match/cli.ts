// `vigil compare "NAME A" "NAME B"`: scores two names and explains the score; `vigil compare --pairs FILE.csv`
// scores every pair of a file (columns name1, name2, optional type), one line or JSON object per pair, for
// analysts checking a threshold. The file is streamed: a million pairs take the memory of one.
import { createReadStream, existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { CsvError, parse } from 'csv-parse';
import { CliError, type Io } from '../cli/shared.ts';
import { compare, DEFAULT_THRESHOLD } from './compare.ts';
import { ENTITY_TYPES, type EntityType, type MatchEntity, type MatchResult } from './types.ts';

interface CompareCliOptions {
  type?: EntityType;
  countryA?: string;
  countryB?: string;
  threshold: number;
  json?: boolean;
  pairs?: string;
}

function threshold(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new CliError(`--threshold must be a number from 0 to 1, not "${v}"`, 2);
  return n;
}

function country(flag: string, v: string | undefined): string[] {
  if (v === undefined) return [];
  if (!/^[A-Za-z]{2}$/.test(v)) throw new CliError(`${flag} must be a two-letter ISO 3166 country code, not "${v}"`, 2);
  return [v.toUpperCase()];
}

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(4)}`;

function describe(r: MatchResult): string {
  const lines = [
    `${r.score.toFixed(4)}  ${r.match ? 'match' : 'no match'} (threshold ${r.threshold})`,
    `  ${r.names.query}  |  ${r.names.candidate}`,
    ...r.features.map((f) => `  ${signed(f.contribution)}  ${f.feature.padEnd(10)}  ${f.explanation}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** One pair's line of `--pairs` output. */
function pairLine(line: number, a: string, b: string, r: MatchResult, json: boolean): string {
  if (json) return `${JSON.stringify({ line, name1: a, name2: b, score: r.score, match: r.match })}\n`;
  return `${r.score.toFixed(4)}\t${r.match ? 'match' : 'no-match'}\t${a}\t${b}\n`;
}

async function comparePairs(io: Io, file: string, opts: CompareCliOptions): Promise<void> {
  if (!existsSync(file)) throw new CliError(`${file}: no such file`, 2);
  const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, trim: true, skip_empty_lines: true, info: true }));
  let checked = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checked) {
        const missing = ['name1', 'name2'].filter((c) => !(c in record));
        if (missing.length) throw new CliError(`${file}: the header lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected name1,name2 and optional type)`, 2);
        checked = true;
      }
      const line = info.lines;
      for (const field of ['name1', 'name2'] as const) {
        if (!record[field]) throw new CliError(`${file} line ${line}: field ${field} is empty`, 2);
      }
      const rawType = record.type || opts.type || 'unknown';
      if (!(ENTITY_TYPES as readonly string[]).includes(rawType)) {
        throw new CliError(`${file} line ${line}: field type is "${rawType}"; expected ${ENTITY_TYPES.join(', ')} or empty`, 2);
      }
      const type = rawType as EntityType;
      const r = compare({ name: record.name1!, type }, { name: record.name2!, type }, { threshold: opts.threshold });
      io.out(pairLine(line, record.name1!, record.name2!, r, opts.json ?? false));
    }
  } catch (err) {
    if (err instanceof CsvError) throw new CliError(`${file} line ${(err as CsvError & { lines?: number }).lines ?? '?'}: ${err.message}`, 2);
    throw err;
  }
}

export function compareCommand(io: Io): Command {
  return new Command('compare')
    .description('Score how likely two names are the same person or company, and explain the score')
    .argument('[nameA]', 'the first name')
    .argument('[nameB]', 'the second name')
    .addOption(new Option('--type <type>', 'what both names are (a person never matches a company)').choices(['person', 'company']))
    .option('--country-a <code>', 'country of the first name (ISO 3166 alpha-2)')
    .option('--country-b <code>', 'country of the second name (ISO 3166 alpha-2)')
    .option('--threshold <n>', 'score from which two names match', threshold, DEFAULT_THRESHOLD)
    .option('--json', 'print JSON (one object per pair with --pairs)')
    .option('--pairs <file>', 'score every pair of a CSV file with columns name1,name2 and optional type (person|company)')
    .action(async (nameA: string | undefined, nameB: string | undefined, opts: CompareCliOptions) => {
      if (opts.pairs) {
        if (nameA !== undefined) throw new CliError('give either two names or --pairs FILE, not both', 2);
        return comparePairs(io, opts.pairs, opts);
      }
      if (!nameA?.trim() || !nameB?.trim()) throw new CliError('give two names to compare, or --pairs FILE.csv', 2);
      const type = opts.type ?? 'unknown';
      const a: MatchEntity = { name: nameA, type, countries: country('--country-a', opts.countryA) };
      const b: MatchEntity = { name: nameB, type, countries: country('--country-b', opts.countryB) };
      const r = compare(a, b, { threshold: opts.threshold });
      io.out(opts.json ? `${JSON.stringify(r, null, 2)}\n` : describe(r));
    });
}
