// The curated map from ILAB goods to product families, trade wording and HS / CPV codes
// (reference-src/ilab-goods-map.csv), and its compiler: reads the CSV and checks it against the ILAB list,
// HS 2022 and CPV 2008 it is meant for, naming every bad line and field. Pure: the caller reads the files.
import { createHash } from 'node:crypto';
import { ImportRejected, IssueLog } from '../knowledge/dataset.ts';
import type { SourceFile } from '../knowledge/definition.ts';
import { readCsvWithHeader } from '../knowledge/datasets/source-files.ts';
import { tokenize, phraseKey } from './normalise.ts';

export const GOODS_MAP_COLUMNS = ['good', 'family', 'synonyms', 'other_languages', 'hs', 'cpv', 'not_when', 'notes'] as const;

/** A phrase from the map. `partial`: written with a trailing "~", the phrase names the good only in part or often means something else. */
export interface MapTerm {
  text: string;
  partial: boolean;
}

/** A code from the map. `partial`: written with a trailing "~", the code also covers goods other than this one. */
export interface MapCode {
  code: string;
  partial: boolean;
}

export interface GoodsMapEntry {
  /** Line of the CSV, so every match can point at the row that made it. */
  line: number;
  /** Exactly as in the ILAB list. */
  good: string;
  family: string;
  synonyms: MapTerm[];
  otherLanguages: MapTerm[];
  /** HS 2022 chapters, headings or subheadings (2, 4 or 6 digits). */
  hs: MapCode[];
  /** CPV 2008 codes, 8 digits without the check digit. */
  cpv: MapCode[];
  /** Phrases in which the good's words do not mean the good ("cotton candy"). */
  notWhen: string[];
  notes: string;
}

export interface GoodsMap {
  /** The file it was read from, as named by the caller. */
  source: string;
  /** SHA-256 of the file text: which version of the map a classification used. */
  checksum: string;
  entries: GoodsMapEntry[];
}

/** What the map is checked against: the ILAB good names, and the codes of HS 2022 and CPV 2008 (code → check digit). */
export interface GoodsMapReferences {
  ilabGoods: ReadonlySet<string>;
  hsCodes: ReadonlySet<string>;
  cpvCodes: ReadonlyMap<string, string>;
}

const FAMILY = /^[a-z][a-z-]*(\/[a-z][a-z-]*)?$/;
const HS_CODE = /^(\d{2}|\d{4}|\d{6})$/;
const CPV_CODE = /^(\d{8})(?:-(\d))?$/;

/**
 * Reads and checks the map. Every good must be an ILAB good and every ILAB good must be in the map once;
 * every HS code must exist in HS 2022 and every CPV code in CPV 2008; phrases must have words; a not_when
 * phrase must share a word with the good's own phrases (or it could never block anything). Throws
 * ImportRejected with every problem, each with its line and field.
 */
export function compileGoodsMap(file: SourceFile, refs: GoodsMapReferences): GoodsMap {
  const log = new IssueLog(file.name);
  const table = readCsvWithHeader(file, GOODS_MAP_COLUMNS, 'the ILAB goods map', log);
  const entries: GoodsMapEntry[] = [];
  const seen = new Map<string, number>();
  // Names are compared in Unicode NFC, and kept as the ILAB file spells them (its "Açaí" is decomposed).
  const ilabByNfc = new Map([...refs.ilabGoods].map((g) => [g.normalize('NFC'), g]));
  for (const { line, fields } of table.records) {
    const [good, family, synonyms, otherLanguages, hs, cpv, notWhen, notes] = fields as [string, string, string, string, string, string, string, string];
    const written = good.trim();
    const name = ilabByNfc.get(written.normalize('NFC')) ?? written;
    let ok = true;
    const fail = (field: string, message: string) => { log.add(line, field, message); ok = false; };
    if (name === '') fail('good', 'the good is empty');
    else if (!refs.ilabGoods.has(name)) fail('good', `"${name}" is not a good of the ILAB list${nearNames(name, refs.ilabGoods)}`);
    else if (seen.has(name)) fail('good', `"${name}" is already on line ${seen.get(name)}`);
    else seen.set(name, line);
    if (!FAMILY.test(family.trim())) fail('family', `"${family}" is not a family key (lower-case words, optionally "group/name")`);
    const syn = readTerms(synonyms, 'synonyms', line, log);
    const other = readTerms(otherLanguages, 'other_languages', line, log);
    const hsCodes: MapCode[] = [];
    for (const item of splitList(hs)) {
      const { value, partial } = partialOf(item);
      if (!HS_CODE.test(value)) fail('hs', `"${item}" is not an HS chapter, heading or subheading (2, 4 or 6 digits, "~" for partial)`);
      else if (!refs.hsCodes.has(value)) fail('hs', `${value} is not in HS 2022`);
      else if (hsCodes.some((c) => c.code === value)) fail('hs', `${value} is listed twice`);
      else hsCodes.push({ code: value, partial });
    }
    const cpvCodes: MapCode[] = [];
    for (const item of splitList(cpv)) {
      const { value, partial } = partialOf(item);
      const m = CPV_CODE.exec(value);
      if (!m) { fail('cpv', `"${item}" is not a CPV code (8 digits, optionally -check digit, "~" for partial)`); continue; }
      const check = refs.cpvCodes.get(m[1]!);
      if (check === undefined) fail('cpv', `${m[1]} is not in CPV 2008`);
      else if (m[2] !== undefined && m[2] !== check) fail('cpv', `${value}: the check digit of ${m[1]} is ${check}`);
      else if (cpvCodes.some((c) => c.code === m[1])) fail('cpv', `${m[1]} is listed twice`);
      else cpvCodes.push({ code: m[1]!, partial });
    }
    const blockers: string[] = [];
    const ownWords = new Set([...tokenize(name), ...syn.flatMap((t) => tokenize(t.text)), ...other.flatMap((t) => tokenize(t.text))].map((w) => phraseKey(w)));
    const ownKeys = new Set([name, ...syn.map((t) => t.text), ...other.map((t) => t.text)].map(phraseKey));
    for (const phrase of splitList(notWhen)) {
      if (phrase.endsWith('~')) { fail('not_when', `"${phrase}": "~" has no meaning in not_when`); continue; }
      const key = phraseKey(phrase);
      if (key === '') fail('not_when', `"${phrase}" has no words`);
      else if (ownKeys.has(key)) fail('not_when', `"${phrase}" is also one of the good's own phrases`);
      else if (!key.split(' ').some((w) => ownWords.has(w))) fail('not_when', `"${phrase}" shares no word with the good's name or synonyms, so it can never block it`);
      else blockers.push(phrase);
    }
    if (ok) {
      entries.push({ line, good: name, family: family.trim(), synonyms: syn, otherLanguages: other, hs: hsCodes, cpv: cpvCodes, notWhen: blockers, notes: notes.trim() });
    }
  }
  const missing = [...refs.ilabGoods].filter((g) => !seen.has(g)).sort();
  if (missing.length > 0 && missing.length <= 10) for (const good of missing) log.add(null, 'good', `the ILAB good "${good}" is not in the map`);
  else if (missing.length > 10) log.add(null, 'good', `${missing.length} ILAB goods are not in the map: ${missing.slice(0, 10).map((g) => `"${g}"`).join(', ')} and ${missing.length - 10} more`);
  log.throwIfAny();
  return { source: file.name, checksum: `sha256:${createHash('sha256').update(file.text).digest('hex')}`, entries };
}

function splitList(cell: string): string[] {
  return cell.split('|').map((s) => s.trim()).filter((s) => s !== '');
}

function partialOf(item: string): { value: string; partial: boolean } {
  return item.endsWith('~') ? { value: item.slice(0, -1).trim(), partial: true } : { value: item, partial: false };
}

function readTerms(cell: string, field: string, line: number, log: IssueLog): MapTerm[] {
  const out: MapTerm[] = [];
  const keys = new Set<string>();
  for (const item of splitList(cell)) {
    const { value, partial } = partialOf(item);
    const key = phraseKey(value);
    if (key === '') { log.add(line, field, `"${item}" has no words`); continue; }
    if (keys.has(key)) { log.add(line, field, `"${item}" is listed twice (plural and singular are the same phrase)`); continue; }
    keys.add(key);
    out.push({ text: value, partial });
  }
  return out;
}

function nearNames(name: string, goods: ReadonlySet<string>): string {
  const key = phraseKey(name.replace(/\(.*\)/, ''));
  const near = [...goods].filter((g) => phraseKey(g.replace(/\(.*\)/, '')) === key || g.toLowerCase().startsWith(name.toLowerCase().slice(0, 4)));
  return near.length > 0 ? ` (did you mean ${near.slice(0, 3).map((g) => `"${g}"`).join(', ')}?)` : '';
}

/** Coverage figures for review: how many goods have trade wording, HS codes, CPV codes, or nothing beyond their name. */
export interface GoodsMapCoverage {
  goods: number;
  withSynonyms: number;
  withOtherLanguages: number;
  withHs: number;
  withCpv: number;
  /** Goods with neither synonyms nor codes: only their ILAB name is recognised. */
  none: string[];
  withoutSynonyms: string[];
  withoutHs: string[];
  withoutCpv: string[];
}

export function goodsMapCoverage(map: GoodsMap): GoodsMapCoverage {
  const e = map.entries;
  const name = (x: GoodsMapEntry) => x.good;
  // A synonym that is only the name itself (or the name marked partial) is not trade wording.
  const hasSynonyms = (x: GoodsMapEntry) => x.synonyms.some((t) => phraseKey(t.text) !== phraseKey(x.good));
  return {
    goods: e.length,
    withSynonyms: e.filter(hasSynonyms).length,
    withOtherLanguages: e.filter((x) => x.otherLanguages.length > 0).length,
    withHs: e.filter((x) => x.hs.length > 0).length,
    withCpv: e.filter((x) => x.cpv.length > 0).length,
    none: e.filter((x) => !hasSynonyms(x) && x.hs.length === 0 && x.cpv.length === 0).map(name),
    withoutSynonyms: e.filter((x) => !hasSynonyms(x)).map(name),
    withoutHs: e.filter((x) => x.hs.length === 0).map(name),
    withoutCpv: e.filter((x) => x.cpv.length === 0).map(name),
  };
}

export { ImportRejected };
