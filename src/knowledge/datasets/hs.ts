// Harmonized System 2022: sections, chapters (2 digits), headings (4) and subheadings (6), as published by
// UN Comtrade in the datasets/harmonized-system CSVs. Sections come from an optional second file.
import { ImportRejected, IssueLog, type FormatIssue, type Row } from '../dataset.ts';
import type { DatasetDefinition, ParsedEdition, SourceFile } from '../definition.ts';
import { csvHeader, readCsvWithHeader } from './source-files.ts';

const CODES_HEADER = ['section', 'hscode', 'description', 'parent', 'level'];
const SECTIONS_HEADER = ['section', 'name'];
const ROMAN = /^[IVXLC]+$/;
// Comtrade's pseudo-section and pseudo-parent for the grand total and chapter 99 ("not specified"). Chapter 99
// is in no HS section, so its rows keep Comtrade's TOTAL as their section.
const TOTAL = 'TOTAL';

function parse(files: SourceFile[]): ParsedEdition {
  const kinds = files.map((f) => csvHeader(f.text).join(','));
  const codeFiles = files.filter((_, i) => kinds[i] === CODES_HEADER.join(','));
  const sectionFiles = files.filter((_, i) => kinds[i] === SECTIONS_HEADER.join(','));
  const strays = files.filter((_, i) => kinds[i] !== CODES_HEADER.join(',') && kinds[i] !== SECTIONS_HEADER.join(','));
  const problems: FormatIssue[] = strays.map((f) => ({ file: f.name, line: 1, field: null, message: f.text.replace(/^\uFEFF/, '').trim() === '' ? 'the file is empty' : `not an HS file: expected the header "${CODES_HEADER.join(',')}" (codes) or "${SECTIONS_HEADER.join(',')}" (sections), found "${csvHeader(f.text).join(',')}"` }));
  if (codeFiles.length > 1 || (codeFiles.length === 0 && strays.length === 0)) problems.push({ file: files.map((f) => f.name).join(', ') || '(no file)', line: null, field: null, message: `hs takes one codes file (${CODES_HEADER.join(',')}) and optionally one sections file (${SECTIONS_HEADER.join(',')}); got ${codeFiles.length} codes file(s)` });
  if (sectionFiles.length > 1) problems.push({ file: sectionFiles.map((f) => f.name).join(', '), line: null, field: null, message: 'more than one sections file' });
  if (problems.length > 0) throw new ImportRejected(problems);

  const sections = sectionFiles[0] ? readSections(sectionFiles[0]) : null;
  const codesFile = codeFiles[0]!;
  const log = new IssueLog(codesFile.name);
  const table = readCsvWithHeader(codesFile, CODES_HEADER, 'the HS codes CSV', log);
  const byCode = new Map<string, { line: number; level: number; section: string }>();
  const candidates: { line: number; code: string; level: number; parent: string; section: string; description: string }[] = [];
  for (const { line, fields } of table.records) {
    const [section, code, description, parent, levelText] = fields.map((f) => f.trim()) as [string, string, string, string, string];
    if (code === TOTAL) continue;
    let ok = true;
    const level = Number(levelText);
    if (!['2', '4', '6'].includes(levelText)) { log.add(line, 'level', `"${levelText}" is not an HS level (2 chapter, 4 heading, 6 subheading)`); ok = false; }
    else if (!new RegExp(`^\\d{${level}}$`).test(code)) { log.add(line, 'hscode', `"${code}" is not ${level} digits, as level ${level} requires`); ok = false; }
    if (section !== TOTAL && !ROMAN.test(section)) { log.add(line, 'section', `"${section}" is not a section number (roman numeral)`); ok = false; }
    else if (sections && section !== TOTAL && !sections.rows.some((s) => s.code === section)) { log.add(line, 'section', `section ${section} is not in ${sectionFiles[0]!.name}`); ok = false; }
    if (description === '') { log.add(line, 'description', 'the description is empty'); ok = false; }
    const first = byCode.get(code);
    if (first) { log.add(line, 'hscode', `${code} is already on line ${first.line}`); ok = false; }
    if (!ok) continue;
    byCode.set(code, { line, level, section });
    candidates.push({ line, code, level, parent, section, description });
  }
  // Parents are checked once every code is known, so a file in any order is accepted.
  const rows: Row[] = sections ? [...sections.rows] : [];
  for (const c of candidates) {
    let parent: string | null = null;
    if (c.level === 2) {
      if (c.parent !== TOTAL && c.parent !== '') log.add(c.line, 'parent', `a chapter has no parent code, found "${c.parent}"`);
    } else {
      const expected = c.code.slice(0, c.level - 2);
      const found = byCode.get(c.parent);
      if (c.parent !== expected) log.add(c.line, 'parent', `the parent of ${c.code} must be ${expected}, found "${c.parent}"`);
      else if (!found || found.level !== c.level - 2) log.add(c.line, 'parent', `the parent ${c.parent} is not in the file`);
      else if (found.section !== c.section) log.add(c.line, 'section', `${c.code} is in section ${c.section} but its parent ${c.parent} is in ${found.section}`);
      parent = c.parent;
    }
    rows.push({ row: c.line, code: c.code, level: c.level, parent, section: c.section, description: c.description });
  }
  const issues = [...(sections?.log.issues ?? []), ...log.issues];
  if (issues.length > 0) throw new ImportRejected(issues);
  return { rows };
}

function readSections(file: SourceFile): { rows: Row[]; log: IssueLog } {
  const log = new IssueLog(file.name);
  const table = readCsvWithHeader(file, SECTIONS_HEADER, 'the HS sections CSV', log);
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of table.records) {
    const [section, name] = fields.map((f) => f.trim()) as [string, string];
    if (!ROMAN.test(section)) { log.add(line, 'section', `"${section}" is not a section number (roman numeral)`); continue; }
    if (name === '') { log.add(line, 'name', 'the section name is empty'); continue; }
    const first = seen.get(section);
    if (first !== undefined) { log.add(line, 'section', `section ${section} is already on line ${first}`); continue; }
    seen.set(section, line);
    rows.push({ row: line, code: section, level: 0, parent: null, section, description: name });
  }
  return { rows, log };
}

function stats(rows: readonly Row[]): Record<string, number> {
  const count = (level: number) => rows.filter((r) => r.level === level).length;
  return { sections: count(0), chapters: count(2), headings: count(4), subheadings: count(6) };
}

export const definition: DatasetDefinition = {
  id: 'hs',
  name: 'Harmonized System 2022',
  description: 'The World Customs Organization\'s Harmonized System nomenclature, 2022 edition: 21 sections, chapters (2 digits), headings (4) and subheadings (6), with UN Comtrade\'s descriptions. Chapter 99 and its codes are Comtrade\'s "commodities not specified according to kind"; they belong to no section and carry Comtrade\'s section TOTAL.',
  defaults: {
    title: 'Harmonized Commodity Description and Coding System (HS)',
    publisher: 'World Customs Organization (codes); UN Statistics Division Comtrade (descriptions), via datasets/harmonized-system',
    sourceUrl: 'https://github.com/datasets/harmonized-system',
    licence: 'ODC-PDDL-1.0 (compilation)',
    caveats: 'Descriptions are UN Comtrade\'s abbreviated texts, not the WCO\'s legal nomenclature; use the WCO text for classification rulings. Chapter 99 (heading 9999, subheading 999999) is Comtrade\'s code for goods not specified by kind, not part of the WCO nomenclature; it is counted in chapters, headings and subheadings and its section is Comtrade\'s TOTAL. Comtrade\'s grand total row is left out.',
  },
  table: 'ref_hs',
  columns: [
    { name: 'code', type: 'text' },
    { name: 'level', type: 'int' },
    { name: 'parent', type: 'text' },
    { name: 'section', type: 'text' },
    { name: 'description', type: 'text' },
  ],
  accepts: 'harmonized-system.csv (section,hscode,description,parent,level) and optionally sections.csv (section,name), from datasets/harmonized-system; either order',
  parse,
  stats,
};
