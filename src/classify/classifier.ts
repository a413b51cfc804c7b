// The goods-and-services classification engine: maps a procurement or supplier line (free text and
// optional HS / CPV / UNSPSC codes) to the ILAB list's goods, saying how each match was made, from which
// row, and how sure it is. Pure: buildClassifier takes the data, precomputes every index once, and
// classify() then does a few map lookups per word and per code.
//
// Languages: English, with singular/plural handled by the engine, plus a short list of trade words in other
// languages per good (Spanish, Portuguese and French for the most traded goods, and a few words of the
// listed countries' own languages), kept in the goods map's other_languages column. No other language is
// understood. See README.md in this folder for the matching rules and why they were chosen.
import { buildCpvTable, buildHsTable, checkDigitNote, cpvLevelName, hsLevelName, lookupCpv, lookupHs, parseCpv, parseHs, unreadable, withInput, type CodeEntry, type CodeResolution, type CodeTable, type CpvRowLike, type HsRowLike } from './codes.ts';
import type { GoodsMap, GoodsMapEntry } from './goods-map.ts';
import { normaliseWords, phraseKey, singular, tokenizeInto, type Tokens } from './normalise.ts';

export type { CodeResolution } from './codes.ts';

/** The ILAB row fields the classifier needs (reference/ilab-tvpra/<edition>.json). */
export interface IlabRowLike {
  row: number;
  good: string;
  sector: string | null;
  country_code: string;
  downstream: boolean;
  input_good: string | null;
  input_country_code: string | null;
}

export interface ClassifierData {
  goodsMap: GoodsMap;
  ilab: { edition: string; rows: readonly IlabRowLike[] };
  hs: { edition: string; rows: readonly HsRowLike[] };
  cpv: { edition: string; rows: readonly CpvRowLike[] };
}

export interface LineInput {
  description?: string | null;
  hsCode?: string | null;
  cpvCode?: string | null;
  unspscCode?: string | null;
}

export type MatchKind = 'hs-code' | 'cpv-code' | 'name' | 'synonym';

/** A row a match came from: the goods map's line, or a row of a compiled reference edition. */
export interface SourceRef {
  dataset: 'ilab-goods-map' | 'hs' | 'cpv' | 'ilab-tvpra';
  /** Edition, or the goods map's checksum. */
  edition: string;
  row: number;
  code?: string;
}

export interface Evidence {
  kind: MatchKind;
  /** The words of the line that matched (as written), or the line's code. */
  matched: string;
  /** The map's phrase or the good's code the line matched. */
  term: string;
  /** For codes: the line's code is the good's code ('exact'), under it ('under'), or broader ('broader'). */
  relation?: 'exact' | 'under' | 'broader';
  /** The phrase or code covers the good only in part (marked "~" in the map). */
  partial: boolean;
  /** 'other' when the phrase came from the map's other_languages column. */
  language?: 'en' | 'other';
  confidence: number;
  reason: string;
  source: SourceRef[];
}

/** For a downstream good: the input good and country the ILAB list names for it. */
export interface DownstreamInput {
  /** Country of the downstream good's ILAB row (e.g. CN for Chinese solar modules). */
  countryCode: string;
  inputGood: string;
  inputCountryCode: string | null;
  /** The ILAB row. */
  row: number;
}

export interface GoodMatch {
  good: string;
  family: string;
  /** ILAB's sector for the good (Agriculture, Manufacturing, Mining, Other). */
  sector: string | null;
  /** 0–1. */
  confidence: number;
  reason: string;
  evidence: Evidence[];
  /** Non-empty when the ILAB list names this good as downstream of an input good. */
  downstream: DownstreamInput[];
  mapLine: number;
}

export interface Classification {
  /** Best first. */
  goods: GoodMatch[];
  reason: string;
  hs: CodeResolution | null;
  cpv: CodeResolution | null;
  unspsc: { code: string; used: false; reason: string } | null;
  /** Words the engine recognised but set aside, code and text disagreements, and other remarks. */
  notes: string[];
}

export interface Classifier {
  classify(line: LineInput): Classification;
  /** Resolves a code alone (for the supplier page). */
  resolveHs(code: string): CodeResolution;
  resolveCpv(code: string): CodeResolution;
  /** What the classifier was built from, for results to record. */
  readonly editions: { ilab: string; hs: string; cpv: string; goodsMap: string };
  readonly goods: readonly string[];
}

// Confidence given to each kind of evidence. Text: the ILAB name is the surest, a listed trade synonym
// nearly so, a word from another language a little less (they are fewer and less checked), and anything
// marked partial ("~") is a coin toss leaning yes. Codes: a line code at or under a good's exact code is
// near-certain (HS more than CPV, whose categories are looser); a partial code says "possibly"; a line
// code broader than the good's code says "possibly, the less the broader it is".
export const CONFIDENCE = {
  name: 0.9,
  synonym: 0.8,
  otherLanguage: 0.75,
  partialText: 0.5,
  hsUnder: 0.95,
  cpvUnder: 0.9,
  partialCode: 0.5,
  broaderMax: 0.6,
  /** Multiplier for every match when the description and the codes point to different goods. */
  conflict: 0.7,
  /** Multiplier for a text match when the line's code resolves but is far from the good's codes. */
  codeElsewhere: 0.8,
} as const;

/**
 * A word right after a good's phrase that makes the line about equipment for the good or a service around
 * it, not the good: "coffee machine", "rice cooker", "cotton gin", "textile machinery", "carpet cleaning",
 * "gold membership". Singular forms.
 */
export const NON_MATERIAL_HEADS: ReadonlySet<string> = new Set([
  // equipment
  'machine', 'machinery', 'equipment', 'maker', 'cooker', 'grinder', 'roaster', 'dispenser', 'kettle', 'urn',
  'harvester', 'planter', 'gin', 'tester', 'analyser', 'analyzer', 'detector', 'sensor', 'spreader', 'finder',
  'warmer', 'fountain', 'mould', 'mold', 'cutter', 'opener', 'peeler', 'slicer', 'shredder', 'mill', 'processor',
  'thermometer', 'scale', 'sorter', 'huller', 'sheller', 'extractor', 'blender', 'vending',
  // services and intangibles
  'service', 'consulting', 'consultancy', 'advisory', 'training', 'course', 'audit', 'auditing', 'certification',
  'inspection', 'testing', 'research', 'study', 'survey', 'analysis', 'report', 'software', 'app', 'license',
  'licence', 'insurance', 'brokerage', 'future', 'price', 'pricing', 'index', 'sponsorship', 'sponsor',
  'membership', 'member', 'tier', 'level', 'status', 'card', 'subscription', 'warranty', 'repair', 'maintenance',
  'cleaning', 'removal', 'rental', 'hire', 'leasing', 'transport', 'transportation', 'haulage', 'disposal',
  'recycling', 'catering', 'design', 'workshop', 'seminar', 'conference', 'festival', 'exhibition', 'developer',
  'development', 'programming', 'programmer',
]);

/** Services that, written as "<service> of <good>", make the line about the service: "repair of electronics". */
export const SERVICE_BEFORE_OF: ReadonlySet<string> = new Set([
  'repair', 'maintenance', 'cleaning', 'inspection', 'testing', 'transport', 'transportation', 'haulage', 'removal',
  'disposal', 'recycling', 'hire', 'rental', 'leasing', 'certification', 'audit', 'storage', 'insurance',
]);

interface PhraseHit {
  good: number;
  kind: 'name' | 'synonym';
  partial: boolean;
  language: 'en' | 'other';
  confidence: number;
  term: string;
  reason: string;
  source: SourceRef;
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  hits: PhraseHit[] | null;
  /** Goods this phrase must not be read as (not_when), with the map lines that say so. */
  blocks: { good: number; line: number; phrase: string }[] | null;
}

interface GoodInfo {
  name: string;
  family: string;
  sector: string | null;
  line: number;
  downstream: DownstreamInput[];
  hsChapters: Set<string>;
  cpvDivisions: Set<string>;
  hasHs: boolean;
  hasCpv: boolean;
}

interface CodeRef {
  good: number;
  entry: CodeEntry;
  partial: boolean;
  line: number;
}

/** What one line code gives, computed once per distinct code and shared (frozen) between lines. */
interface CodeResult {
  resolution: CodeResolution;
  evidence: { good: number; evidence: Evidence }[];
}

const CODE_CACHE_LIMIT = 50_000;

export function buildClassifier(data: ClassifierData): Classifier {
  const { goodsMap } = data;
  const mapEdition = goodsMap.checksum;
  const hsTable = buildHsTable(data.hs.edition, data.hs.rows);
  const cpvTable = buildCpvTable(data.cpv.edition, data.cpv.rows);

  // Goods, with ILAB's sector and downstream inputs.
  const goods: GoodInfo[] = [];
  const goodIndex = new Map<string, number>();
  const ilabByGood = new Map<string, IlabRowLike[]>();
  for (const r of data.ilab.rows) {
    const list = ilabByGood.get(r.good);
    if (list) list.push(r); else ilabByGood.set(r.good, [r]);
  }
  for (const e of goodsMap.entries) {
    const rows = ilabByGood.get(e.good) ?? [];
    goodIndex.set(e.good, goods.length);
    goods.push({
      name: e.good,
      family: e.family,
      sector: rows[0]?.sector ?? null,
      line: e.line,
      downstream: Object.freeze(rows.filter((r) => r.downstream && r.input_good).map((r) => Object.freeze({ countryCode: r.country_code, inputGood: r.input_good!, inputCountryCode: r.input_country_code, row: r.row }))) as DownstreamInput[],
      hsChapters: new Set(e.hs.map((c) => c.code.slice(0, 2))),
      cpvDivisions: new Set(e.cpv.map((c) => c.code.slice(0, 2))),
      hasHs: e.hs.length > 0,
      hasCpv: e.cpv.length > 0,
    });
  }

  const trie = buildTrie(goodsMap.entries, goodIndex, mapEdition);
  const hsIndex = buildCodeIndex(goodsMap.entries, goodIndex, hsTable, (e) => e.hs);
  const cpvIndex = buildCodeIndex(goodsMap.entries, goodIndex, cpvTable, (e) => e.cpv);
  // Two caches per system: by the code as written (most files repeat a few thousand codes), and by the clean
  // digits, so that "1801.00", "180100" and "1801000010" share one lookup and one set of evidence.
  const caches = {
    hs: { raw: new Map<string, CodeResult>(), clean: new Map<string, CodeResult>() },
    cpv: { raw: new Map<string, CodeResult>(), clean: new Map<string, CodeResult>() },
  };

  function codeResult(system: 'hs' | 'cpv', input: string): CodeResult {
    const cache = caches[system];
    const hit = cache.raw.get(input);
    if (hit) return hit;
    const table = system === 'hs' ? hsTable : cpvTable;
    const parsed = system === 'hs' ? parseHs(input) : parseCpv(input);
    let result: CodeResult;
    if (parsed.digits === null) {
      result = { resolution: deepFreeze(unreadable(table, input, parsed.notes, parsed.error!)), evidence: [] };
    } else {
      let base = cache.clean.get(parsed.digits);
      if (!base) {
        const resolution = system === 'hs' ? lookupHs(table, parsed.digits) : lookupCpv(table, parsed.digits);
        const evidence = resolution.code === null ? [] : codeEvidence(table, system === 'hs' ? hsIndex : cpvIndex, resolution, goods, mapEdition);
        deepFreeze(resolution);
        for (const e of evidence) deepFreeze(e.evidence);
        base = { resolution, evidence };
        if (cache.clean.size < CODE_CACHE_LIMIT) cache.clean.set(parsed.digits, base);
      }
      const notes = parsed.notes;
      const check = system === 'cpv' ? checkDigitNote(table, parsed.digits, (parsed as ReturnType<typeof parseCpv>).check) : null;
      if (check) notes.push(check);
      const resolution = withInput(base.resolution, input, notes);
      result = resolution === base.resolution ? base : { resolution: deepFreeze(resolution), evidence: base.evidence };
    }
    if (cache.raw.size < CODE_CACHE_LIMIT) cache.raw.set(input, result);
    return result;
  }

  function classify(line: LineInput): Classification {
    const notes: string[] = [];
    const slots = new Slots();
    const description = line.description ?? '';
    if (description !== '') matchText(trie, description, slots, notes);

    let hs: CodeResolution | null = null;
    let cpv: CodeResolution | null = null;
    const codeGoods = new Set<number>();
    const codeGoodsOf = { hs: 0, cpv: 0 };
    for (const system of ['hs', 'cpv'] as const) {
      const raw = system === 'hs' ? line.hsCode : line.cpvCode;
      if (raw === undefined || raw === null || raw.trim() === '') continue;
      const r = codeResult(system, raw);
      if (system === 'hs') hs = r.resolution; else cpv = r.resolution;
      if (r.resolution.error) notes.push(`${system.toUpperCase()} code not used: ${r.resolution.error}`);
      for (const note of r.resolution.notes) notes.push(`${system.toUpperCase()} ${raw.trim()}: ${note}`);
      for (const { good, evidence } of r.evidence) {
        slots.add(good, evidence, true);
        codeGoods.add(good);
      }
      codeGoodsOf[system] = r.evidence.length;
    }
    let unspsc: Classification['unspsc'] = null;
    if (line.unspscCode !== undefined && line.unspscCode !== null && line.unspscCode.trim() !== '') {
      unspsc = { code: line.unspscCode.trim(), used: false, reason: 'UNSPSC was not used: no open UNSPSC data is bundled to check or map the code' };
      notes.push(unspsc.reason);
    }

    // Text and codes compared. When they share no good, every match is kept with lower confidence. When a
    // code resolves but maps to no good at all, a text good whose own codes lie elsewhere (another HS chapter,
    // another CPV division) is lowered. A text good beside one the code confirms is left alone: "cotton
    // T-shirts" under HS 6109 are garments and cotton.
    const textGoods: number[] = [];
    for (let k = 0; k < slots.goods.length; k++) if (slots.text[k]!.length > 0) textGoods.push(slots.goods[k]!);
    const conflict = textGoods.length > 0 && codeGoods.size > 0 && !textGoods.some((g) => codeGoods.has(g));
    if (conflict) {
      notes.push(`The description points to ${listNames(textGoods.map((g) => goods[g]!.name))} but the code${hs && cpv ? 's point' : ' points'} to ${listNames([...codeGoods].map((g) => goods[g]!.name))}: all are kept with lower confidence; check the line.`);
    }
    const hsSilent = hs !== null && hs.code !== null && codeGoodsOf.hs === 0;
    const cpvSilent = cpv !== null && cpv.code !== null && codeGoodsOf.cpv === 0;

    const out: GoodMatch[] = [];
    for (let k = 0; k < slots.goods.length; k++) {
      const info = goods[slots.goods[k]!]!;
      const slotText = slots.text[k]!;
      const slotCode = slots.code[k]!;
      const text = bestOf(slotText);
      const code = bestOf(slotCode);
      let confidence = text && code ? 1 - (1 - text.confidence) * (1 - code.confidence) : (text ?? code)!.confidence;
      let reason = text && code ? `${text.reason}; ${code.reason}` : (text ?? code)!.reason;
      if (conflict) confidence *= CONFIDENCE.conflict;
      else if (text && !code && (hsSilent || cpvSilent)) {
        const far: string[] = [];
        if (hsSilent && info.hasHs && !info.hsChapters.has(hs!.code!.slice(0, 2))) far.push(`HS ${hs!.code} (${hs!.description})`);
        if (cpvSilent && info.hasCpv && !info.cpvDivisions.has(cpv!.code!.slice(0, 2))) far.push(`CPV ${cpv!.code} (${cpv!.description})`);
        if (far.length > 0) {
          confidence *= CONFIDENCE.codeElsewhere;
          reason += `; but ${far.join(' and ')} ${far.length > 1 ? 'are' : 'is'} far from ${info.name}'s codes`;
        }
      }
      if (info.downstream.length > 0) {
        reason += `; downstream of ${listNames(info.downstream.map((d) => `${d.inputGood}${d.inputCountryCode ? ` from ${d.inputCountryCode}` : ''}`))} (ILAB row${info.downstream.length > 1 ? 's' : ''} ${info.downstream.map((d) => d.row).join(', ')})`;
      }
      confidence = Math.min(0.99, Math.round(confidence * 100) / 100);
      out.push({
        good: info.name,
        family: info.family,
        sector: info.sector,
        confidence,
        reason,
        evidence: slotCode.length === 0 ? slotText : slotText.length === 0 ? slotCode.slice() : slotText.concat(slotCode),
        downstream: info.downstream,
        mapLine: info.line,
      });
    }
    out.sort((a, b) => b.confidence - a.confidence || (a.good < b.good ? -1 : a.good > b.good ? 1 : 0));

    let reason: string;
    if (out.length > 0) reason = out.map((m) => `${m.good} (${m.confidence.toFixed(2)})`).join(', ');
    else {
      reason = 'no listed good recognised';
      const described = [hs, cpv].filter((r): r is CodeResolution => r !== null && r.code !== null).map((r) => `${r.system.toUpperCase()} ${r.code}: ${r.description}`);
      if (described.length > 0) reason += `; ${described.join('; ')}`;
    }
    return { goods: out, reason, hs, cpv, unspsc, notes };
  }

  return {
    classify,
    resolveHs: (code) => codeResult('hs', code).resolution,
    resolveCpv: (code) => codeResult('cpv', code).resolution,
    editions: { ilab: data.ilab.edition, hs: data.hs.edition, cpv: data.cpv.edition, goodsMap: mapEdition },
    goods: goods.map((g) => g.name),
  };
}

/** The evidence of one line, per good, in the order goods were first met. */
class Slots {
  readonly goods: number[] = [];
  readonly text: Evidence[][] = [];
  readonly code: Evidence[][] = [];
  add(good: number, ev: Evidence, isCode: boolean): void {
    let k = this.goods.indexOf(good);
    if (k < 0) {
      k = this.goods.length;
      this.goods.push(good);
      this.text.push([]);
      this.code.push([]);
    }
    (isCode ? this.code[k]! : this.text[k]!).push(ev);
  }
}

function bestOf(list: Evidence[]): Evidence | null {
  let best: Evidence | null = null;
  for (const e of list) if (!best || e.confidence > best.confidence) best = e;
  return best;
}

function listNames(names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------------------
// Text

/** Forms of an ILAB name that count as the name: the whole name, the part before "(…)", and its "/" parts. */
function nameForms(good: string): Set<string> {
  const forms = new Set<string>([phraseKey(good)]);
  const base = good.replace(/\s*\(.*\)\s*$/, '');
  forms.add(phraseKey(base));
  for (const part of base.split('/')) forms.add(phraseKey(part));
  forms.delete('');
  return forms;
}

function buildTrie(entries: readonly GoodsMapEntry[], goodIndex: Map<string, number>, mapEdition: string): TrieNode {
  const root: TrieNode = { next: null, hits: null, blocks: null };
  const node = (words: string[]): TrieNode => {
    let n = root;
    for (const w of words) {
      if (!n.next) n.next = new Map();
      let child = n.next.get(w);
      if (!child) { child = { next: null, hits: null, blocks: null }; n.next.set(w, child); }
      n = child;
    }
    return n;
  };
  for (const e of entries) {
    const good = goodIndex.get(e.good)!;
    const forms = nameForms(e.good);
    const source: SourceRef = { dataset: 'ilab-goods-map', edition: mapEdition, row: e.line };
    // Phrases for this good, keyed by their words: the strongest reading wins, except that a name form
    // marked partial in the synonyms weakens the name itself ("matches~").
    const phrases = new Map<string, Omit<PhraseHit, 'reason' | 'confidence' | 'good' | 'source'>>();
    const weakNames = new Set(e.synonyms.filter((t) => t.partial && forms.has(phraseKey(t.text))).map((t) => phraseKey(t.text)));
    const put = (text: string, kind: 'name' | 'synonym', partial: boolean, language: 'en' | 'other') => {
      for (const variant of hyphenVariants(text)) {
        const key = phraseKey(variant);
        if (key === '') continue;
        const isName = forms.has(key);
        const k = isName ? 'name' : kind;
        const p = partial || weakNames.has(key);
        const prev = phrases.get(key);
        const rank = (x: { kind: string; partial: boolean; language: string }) => (x.partial ? 0 : 4) + (x.kind === 'name' ? 2 : 0) + (x.language === 'en' ? 1 : 0);
        const cand = { kind: k, partial: p, language, term: text };
        if (!prev || rank(cand) > rank(prev)) phrases.set(key, cand);
      }
    };
    put(e.good, 'name', false, 'en');
    for (const t of e.synonyms) put(t.text, 'synonym', t.partial, 'en');
    for (const t of e.otherLanguages) put(t.text, 'synonym', t.partial, 'other');
    for (const [key, p] of phrases) {
      const confidence = p.partial ? CONFIDENCE.partialText : p.kind === 'name' ? CONFIDENCE.name : p.language === 'other' ? CONFIDENCE.otherLanguage : CONFIDENCE.synonym;
      const where = `goods map line ${e.line}`;
      const reason = p.kind === 'name'
        ? p.partial
          ? `matches the ILAB good name ${e.good}, a word that often means something else (${where})`
          : `matches the ILAB good name ${e.good}`
        : p.partial
          ? `matches "${p.term}", which is only partly or sometimes ${e.good} (${where})`
          : `matches "${p.term}", ${p.language === 'other' ? 'a word in another language' : 'trade wording'} for ${e.good} (${where})`;
      const n = node(key.split(' '));
      (n.hits ??= []).push({ good, kind: p.kind, partial: p.partial, language: p.language, confidence, term: p.term, reason, source });
    }
    for (const phrase of e.notWhen) {
      for (const variant of hyphenVariants(phrase)) {
        const words = normaliseWords(variant);
        if (words.length === 0) continue;
        (node(words).blocks ??= []).push({ good, line: e.line, phrase });
      }
    }
  }
  return root;
}

/** "hand-knotted rugs" is also written "handknotted rugs": both are indexed. */
function hyphenVariants(text: string): string[] {
  return text.includes('-') ? [text, text.replace(/(\p{L})-(\p{L})/gu, '$1$2')] : [text];
}

/**
 * Leftmost-longest phrase matching over the line's singular words. The longest phrase starting at a word
 * wins over its parts ("cotton yarn" over "cotton"); a not_when phrase there sets the goods it names aside
 * for its words while letting other goods match inside it ("tea towels": not Tea, still Textiles); a phrase
 * followed by an equipment or service word is set aside ("coffee machine"), as is one after "<service> of".
 */
/** Reused by every call: classify() runs to completion, so one set of token arrays is enough. */
const scratch: Tokens = { words: [], starts: [], ends: [] };

function matchText(root: TrieNode, text: string, slots: Slots, notes: string[]): void {
  const { words, starts, ends } = tokenizeInto(text, scratch);
  const n = words.length;
  for (let i = 0; i < n; i++) words[i] = singular(words[i]!);
  let blocked: { from: number; to: number; good: number; phrase: string; line: number }[] | null = null;
  let i = 0;
  while (i < n) {
    let node = root.next?.get(words[i]!);
    let best: TrieNode | null = null;
    let bestEnd = i;
    let hitNode: TrieNode | null = null;
    let hitEnd = i;
    for (let j = i; node; ) {
      if (node.hits || node.blocks) { best = node; bestEnd = j; }
      if (node.hits) { hitNode = node; hitEnd = j; }
      j++;
      if (j >= n || !node.next) break;
      node = node.next.get(words[j]!);
    }
    if (!best) { i++; continue; }
    if (best.blocks) {
      blocked ??= [];
      for (const b of best.blocks) blocked.push({ from: i, to: bestEnd, good: b.good, phrase: b.phrase, line: b.line });
    }
    // When the longest phrase here only blocks, a shorter phrase with hits at the same start is still tried
    // for the goods it does not block ("chicken wire": not Poultry, but nothing else either).
    const use = best.hits ? best : hitNode;
    const end = best.hits ? bestEnd : hitEnd;
    if (!use) { i++; continue; }
    const matched = text.slice(starts[i]!, ends[end]!);
    const after = end + 1 < n ? words[end + 1]! : null;
    if (after !== null && NON_MATERIAL_HEADS.has(after)) {
      notes.push(`"${matched}" is followed by "${text.slice(starts[end + 1]!, ends[end + 1]!)}": the line is about equipment or a service, not the good itself, so it was not matched`);
      i = end + 1;
      continue;
    }
    if (i >= 2 && words[i - 1] === 'of' && SERVICE_BEFORE_OF.has(words[i - 2]!)) {
      notes.push(`"${text.slice(starts[i - 2]!, ends[end]!)}" is a service, not the good itself, so "${matched}" was not matched`);
      i = end + 1;
      continue;
    }
    for (const hit of use.hits!) {
      const block = blocked?.find((b) => b.good === hit.good && b.from <= end && i <= b.to);
      if (block) {
        notes.push(`"${text.slice(starts[block.from]!, ends[block.to]!)}" is not read as ${hit.term} (goods map line ${block.line}, not_when "${block.phrase}")`);
        continue;
      }
      slots.add(hit.good, { kind: hit.kind, matched, term: hit.term, partial: hit.partial, language: hit.language, confidence: hit.confidence, reason: hit.reason, source: [hit.source] }, false);
    }
    i = use === best ? end + 1 : (best.hits ? end + 1 : i + 1);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Codes

interface CodeIndex {
  /** Good code (HS digits, CPV significant digits) → the goods mapped to it. */
  at: Map<string, CodeRef[]>;
  /** Every proper prefix of a good code → the goods whose codes lie strictly under it. */
  below: Map<string, CodeRef[]>;
}

function buildCodeIndex(entries: readonly GoodsMapEntry[], goodIndex: Map<string, number>, table: CodeTable, codesOf: (e: GoodsMapEntry) => { code: string; partial: boolean }[]): CodeIndex {
  const at = new Map<string, CodeRef[]>();
  const below = new Map<string, CodeRef[]>();
  const push = (m: Map<string, CodeRef[]>, k: string, v: CodeRef) => {
    const list = m.get(k);
    if (list) list.push(v); else m.set(k, [v]);
  };
  for (const e of entries) {
    const good = goodIndex.get(e.good)!;
    for (const c of codesOf(e)) {
      const entry = table.byCode.get(c.code);
      if (!entry) continue; // compileGoodsMap has already rejected it
      const ref: CodeRef = { good, entry, partial: c.partial, line: e.line };
      push(at, entry.key, ref);
      const step = table.system === 'hs' ? 2 : 1;
      for (let len = entry.key.length - step; len >= 2; len -= step) push(below, entry.key.slice(0, len), ref);
    }
  }
  return { at, below };
}

function codeEvidence(table: CodeTable, index: CodeIndex, r: CodeResolution, goods: GoodInfo[], mapEdition: string): { good: number; evidence: Evidence }[] {
  const entry = table.byCode.get(r.code!)!;
  const key = entry.key;
  const system = table.system;
  const label = system === 'hs' ? 'HS' : 'CPV';
  const kind: MatchKind = system === 'hs' ? 'hs-code' : 'cpv-code';
  const levelName = system === 'hs' ? hsLevelName : cpvLevelName;
  const best = new Map<number, Evidence>();
  const keep = (good: number, ev: Evidence) => {
    const prev = best.get(good);
    if (!prev || ev.confidence > prev.confidence) best.set(good, ev);
  };
  const sourceOf = (ref: CodeRef): SourceRef[] => [
    { dataset: 'ilab-goods-map', edition: mapEdition, row: ref.line },
    { dataset: system, edition: table.edition, row: ref.entry.row, code: ref.entry.code },
  ];
  // The line's code at or under a good's code.
  const step = system === 'hs' ? 2 : 1;
  for (let len = key.length; len >= 2; len -= step) {
    const refs = index.at.get(key.slice(0, len));
    if (!refs) continue;
    for (const ref of refs) {
      const good = goods[ref.good]!.name;
      const g = ref.entry;
      const exact = len === key.length;
      const what = `${levelName(g.level)} ${g.code} "${g.description}"`;
      const reason = ref.partial
        ? exact
          ? `${label} ${r.code} "${g.description}" covers ${good} among other goods`
          : `${label} ${r.code} is under ${what}, which covers ${good} among other goods`
        : exact
          ? `${label} ${r.code} "${g.description}" is mapped to ${good}`
          : `${label} ${r.code} is under ${what}, mapped to ${good}`;
      const confidence = ref.partial ? CONFIDENCE.partialCode : system === 'hs' ? CONFIDENCE.hsUnder : CONFIDENCE.cpvUnder;
      keep(ref.good, { kind, matched: r.code!, term: g.code, relation: exact ? 'exact' : 'under', partial: ref.partial, confidence, reason, source: sourceOf(ref) });
    }
  }
  // The line's code broader than a good's code: the line may be that good, or something else in the code.
  const under = index.below.get(key);
  if (under) {
    for (const ref of under) {
      const good = goods[ref.good]!.name;
      const g = ref.entry;
      const ratio = key.length / g.key.length;
      const confidence = Math.round(CONFIDENCE.broaderMax * ratio * (ref.partial ? 0.6 : 1) * 100) / 100;
      const reason = `${label} ${r.code} "${entry.description}" is broader than ${levelName(g.level)} ${g.code}, ${ref.partial ? `which covers ${good} among other goods` : `mapped to ${good}`}: the line may be something else in it`;
      keep(ref.good, { kind, matched: r.code!, term: g.code, relation: 'broader', partial: ref.partial, confidence, reason, source: sourceOf(ref) });
    }
  }
  return [...best].map(([good, evidence]) => ({ good, evidence }));
}
