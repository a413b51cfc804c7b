// EU Common Procurement Vocabulary (CPV) 2008, main vocabulary: 8-digit codes with a check digit, whose
// hierarchy is in the digits (03000000 division, 03100000 group, 03110000 class, 03111000 category, …).
import { ImportRejected, IssueLog, type Row } from '../dataset.ts';
import type { DatasetDefinition, ParsedEdition, SourceFile } from '../definition.ts';
import { onlyFile, readCsvWithHeader } from './source-files.ts';

interface Entry {
  /** The row number: the CSV line, or the entry's position in the JSON object. */
  row: number;
  /** Where to point the user: the physical line. */
  line: number;
  code: string;
  description: string;
}

/** 2 for a division (XX000000) up to 8 for a code with no trailing zeros. */
export function cpvLevel(digits: string): number {
  return Math.max(2, digits.replace(/0+$/, '').length);
}

function parse(files: SourceFile[]): ParsedEdition {
  const file = onlyFile(files, 'cpv');
  const log = new IssueLog(file.name);
  const text = file.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new ImportRejected([{ file: file.name, line: 1, field: null, message: 'the file is empty' }]);
  const entries = text.trimStart().startsWith('{') ? readJsonObject(text, log) : readCsvEntries(file, log);

  const valid: (Entry & { digits: string; checkDigit: string })[] = [];
  const lineOf = new Map<string, number>();
  for (const e of entries) {
    const m = /^(\d{8})-(\d)$/.exec(e.code);
    if (!m) { log.add(e.line, 'code', `"${e.code}" is not a CPV code (NNNNNNNN-N)`); continue; }
    if (e.description.trim() === '') { log.add(e.line, 'description', `the description of ${e.code} is empty`); continue; }
    const first = lineOf.get(m[1]!);
    if (first !== undefined) { log.add(e.line, 'code', `${m[1]} is already on line ${first}`); continue; }
    lineOf.set(m[1]!, e.line);
    valid.push({ ...e, digits: m[1]!, checkDigit: m[2]! });
  }
  const rows: Row[] = [];
  for (const e of valid) {
    const level = cpvLevel(e.digits);
    let parent: string | null = null;
    for (let k = level - 1; k >= 2 && parent === null; k--) {
      const ancestor = e.digits.slice(0, k).padEnd(8, '0');
      if (lineOf.has(ancestor)) parent = ancestor;
    }
    if (level > 2 && parent === null) log.add(e.line, 'code', `${e.code} has no ancestor in the file (not even its division ${e.digits.slice(0, 2)}000000)`);
    rows.push({ row: e.row, code: e.digits, check_digit: e.checkDigit, description: e.description.trim(), level, parent });
  }
  log.throwIfAny();
  return { rows };
}

function readCsvEntries(file: SourceFile, log: IssueLog): Entry[] {
  const table = readCsvWithHeader(file, ['code', 'description'], 'a CPV CSV', log);
  return table.records.map(({ line, fields }) => ({ row: line, line, code: fields[0]!.trim(), description: fields[1]! }));
}

/**
 * Reads a flat JSON object of string keys and string values, remembering each entry's line and catching what
 * JSON.parse would hide or not place: a file cut off mid-way, duplicate keys, non-string values.
 */
function readJsonObject(text: string, log: IssueLog): Entry[] {
  const entries: Entry[] = [];
  let i = 0;
  let line = 1;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const fail = (message: string): Entry[] => {
    log.add(line, null, i >= text.length ? `the file ends early (cut off?): ${message}` : message);
    return entries;
  };
  const readString = (): string | null => {
    if (text[i] !== '"') return null;
    let j = i + 1;
    while (j < text.length && text[j] !== '"') {
      if (text[j] === '\\') j++;
      else if (text[j] === '\n') return null;
      j++;
    }
    if (j >= text.length) { i = j; return null; }
    try {
      const value = JSON.parse(text.slice(i, j + 1)) as string;
      i = j + 1;
      return value;
    } catch {
      return null;
    }
  };
  skipSpace();
  if (text[i] !== '{') return fail('expected a JSON object of CPV codes ({"03000000-1": "…"})');
  i++;
  skipSpace();
  if (text[i] === '}') { i++; }
  else {
    for (;;) {
      skipSpace();
      const entryLine = line;
      const key = readString();
      if (key === null) return fail('expected a quoted CPV code');
      skipSpace();
      if (text[i] !== ':') return fail(`expected ":" after "${key}"`);
      i++;
      skipSpace();
      const value = readString();
      if (value === null) return fail(`the description of "${key}" is not a complete quoted string`);
      entries.push({ row: entries.length + 1, line: entryLine, code: key, description: value });
      skipSpace();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === '}') { i++; break; }
      return fail(`expected "," or "}" after the entry "${key}"`);
    }
  }
  skipSpace();
  if (i < text.length) return fail('unexpected text after the closing }');
  if (entries.length === 0) log.add(1, null, 'the object has no CPV codes');
  return entries;
}

export const definition: DatasetDefinition = {
  id: 'cpv',
  name: 'Common Procurement Vocabulary 2008',
  description: 'The EU Common Procurement Vocabulary (CPV 2008) main vocabulary: 8-digit codes with check digit and English descriptions. level is 2 for a division, 3 group, 4 class, 5 category and up to 8 for finer codes; parent is the nearest ancestor code in the vocabulary.',
  defaults: {
    title: 'Common Procurement Vocabulary (CPV 2008), main vocabulary',
    publisher: 'European Union (Publications Office)',
    sourceUrl: 'https://simap.ted.europa.eu/cpv',
    licence: '© European Union, reuse authorised (Commission Decision 2011/833/EU)',
    caveats: 'CPV 2008 as set by Regulation (EC) No 213/2008, English labels only, taken from the openprocurement/standards repository (last changed 2017) rather than the Publications Office download. The supplementary vocabulary is not included. Check digits are stored as published, not recomputed.',
  },
  table: 'ref_cpv',
  columns: [
    { name: 'code', type: 'text' },
    { name: 'check_digit', type: 'text' },
    { name: 'description', type: 'text' },
    { name: 'level', type: 'int' },
    { name: 'parent', type: 'text' },
  ],
  accepts: 'a JSON object {"03000000-1": "description", …} or a CSV with the header code,description (codes written NNNNNNNN-N)',
  parse,
  stats: (rows) => ({ codes: rows.length, divisions: rows.filter((r) => r.level === 2).length }),
};
