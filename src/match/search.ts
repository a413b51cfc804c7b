// MatchIndex: fast candidate generation, then full scoring of the few best candidates.
//
// Built once per list version:
// - a vocabulary of normalised tokens, each with its entry frequency and phonetic key;
// - entry-level posting lists (sorted entry ids) per token and per phonetic key, in flat typed arrays;
// - a symmetric-deletion (SymSpell-style) table over the vocabulary, not over postings: every token and its
//   one-character deletions, hashed into buckets of token ids, so a query token finds the vocabulary tokens
//   within an edit or two by a handful of lookups;
// - each entry's names as token ids, so candidates are scored without normalising them again.
// A query accumulates evidence per entry in typed arrays (rare tokens first; very common tokens only confirm
// entries already found), and the best few candidates are scored in full.
import type { IndexEntry, MatchEntity, SearchHit, SearchOptions } from './types.ts';
import { DEFAULT_THRESHOLD, cleanIdentifier, cnpjRoot, prepareEntity, quickScore, scorePrepared, type PreparedEntity } from './compare.ts';
import { LEGAL_FORM_CLASSES, normaliseName, type LegalFormClass, type NameToken } from './normalise.ts';
import { INITIAL_SIM, tokenPrior, type PreparedName, type TokenWeight } from './names.ts';
import { allowedEdits, phoneticKey } from './phonetic.ts';

export interface MatchIndexOptions {
  /** Called every few thousand entries while building, with the number indexed so far. */
  onProgress?(done: number): void;
}

/** An append-only Int32Array that doubles when full. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  trimmed(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Posting lists in compressed-sparse-row form: ids of list t are ids[offsets[t] .. offsets[t+1]). */
interface Postings {
  offsets: Int32Array;
  ids: Int32Array;
}

/**
 * Groups items by list (counting sort, stable): where item i goes, and where each list starts. Items arrive in
 * id order, so every list comes out sorted.
 */
function groupByList(lists: Int32Array, count: number, nLists: number): { offsets: Int32Array; dest: Int32Array } {
  const offsets = new Int32Array(nLists + 1);
  for (let i = 0; i < count; i++) offsets[lists[i]! + 1]!++;
  for (let t = 0; t < nLists; t++) offsets[t + 1]! += offsets[t]!;
  const fill = offsets.slice(0, nLists);
  const dest = new Int32Array(count);
  for (let i = 0; i < count; i++) dest[i] = fill[lists[i]!]!++;
  return { offsets, dest };
}

function scatter<T extends Int32Array | Uint32Array>(values: T, dest: Int32Array, count: number, out: T): T {
  for (let i = 0; i < count; i++) out[dest[i]!] = values[i]!;
  return out;
}

/** Groups (list, id) pairs by list. */
function toPostings(lists: Int32Array, ids: Int32Array, count: number, nLists: number): Postings {
  const { offsets, dest } = groupByList(lists, count, nLists);
  return { offsets, ids: scatter(ids, dest, count, new Int32Array(count)) };
}

/** FNV-1a over `s` without the character at `skip` (-1: none): the hash of a deletion without building it. */
function deletionHash(s: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    if (i === skip) continue;
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Positions a deleted letter is recorded with (tokens this long or longer are not looked up by deletion). */
const DEL_POSITIONS = 64;
/** Tokens this short are looked up exactly and by sound only: one edit turns them into other names. */
const MIN_FUZZY_LENGTH = 4;
/** Entries scored in full per query. */
const CANDIDATES = 10;
/** Entries kept to be confirmed by the common lists, when too many were found to confirm them all. */
const SHORTLIST = 64;
const CONFIRM_ALL_LIMIT = 20_000;
/** A list longer than this many times the found entries is checked entry by entry rather than walked. */
const WALK_OR_ASK = 32;
/**
 * How far below the threshold a candidate's approximate Dice coefficient may be and still be scored: the rank
 * counts neither initials nor evidence beyond the name (country, birth date add at most 0.1).
 */
const RANK_SLACK = 0.35;
/** Found entries beyond which initials are not looked for (a query of initials and common words only). */
const INITIAL_SCAN_LIMIT = 20_000;
/** How much closer to the threshold a query must come when only common lists are left to gather from. */
const COMMON_ONLY_LIFT = 0.2;
/** Evidence for an entry sharing an identifier with the query: more than any name. */
const IDENTIFIER_EVIDENCE = 100;
/** Evidence for an entry from one half of a query token that is two listed words run together. */
const SPLIT_EVIDENCE = 0.5;
/** Evidence for an entry from a sound-alike token, relative to an exact token. */
const PHONETIC_EVIDENCE = 0.75;

const FLAG_INITIAL = 1;
const FLAG_HAN = 2;
const FLAG_ABJAD = 4;
const FLAG_ABBREVIATION = 8;

/**
 * How much a token says about identity in this list: full weight up to a frequency of 1 in 10,000 entries (at
 * least 5), then falling with the log of the frequency to a floor of 0.25. Quantised to steps of 0.05 so that
 * a list gaining a few entries does not shift every score.
 */
function idfFactor(df: number, n: number): number {
  const ref = Math.max(5, n / 10_000);
  if (df <= ref) return 1;
  const f = Math.log(n / df) / Math.log(n / ref);
  return Math.max(0.25, Math.round(Math.min(1, f) * 20) / 20);
}

/**
 * The query tokens a piece of evidence speaks for, with their shares: one token, or two for a joined pair
 * ("abdulrahman" for "abdul" and "rahman"). An entry earns each token's best evidence once, however many lists
 * give it, so a word found by spelling, by sound and as part of a joined pair counts once.
 */
type Parts = readonly (readonly [slot: number, share: number])[];

interface Visit {
  list: Postings;
  id: number;
  size: number;
  v: number;
  parts: Parts;
}

interface QueryToken {
  weight: number;
  parts: Parts;
  /** Matching vocabulary terms and phonetic keys with the evidence each gives. */
  terms: number[];
  termQuality: number[];
  keyId: number;
}

/** Query tokens tracked apart per entry (more share slots); the last slot is for identifiers. */
const SLOTS = 16;
const IDENTIFIER_SLOT = SLOTS - 1;
/** Per entry: its evidence, then each slot's best. */
const STRIDE = SLOTS + 1;

export class MatchIndex<K> {
  readonly #entries: IndexEntry<K>[] = [];
  // Vocabulary.
  readonly #termIds = new Map<string, number>();
  readonly #terms: string[] = [];
  readonly #keyIds = new Map<string, number>();
  #termKey: Int32Array = new Int32Array(0);
  #termWeight: Float32Array = new Float32Array(0);
  #termPostings: Postings = { offsets: new Int32Array(1), ids: new Int32Array(0) };
  #keyPostings: Postings = { offsets: new Int32Array(1), ids: new Int32Array(0) };
  // Symmetric-deletion table over the vocabulary.
  #delMask = 0;
  /** Per bucket: term id × DEL_POSITIONS + (deleted position + 1, 0 for none). */
  #delPostings: Postings = { offsets: new Int32Array(1), ids: new Int32Array(0) };
  /** The full hash of each deletion, so that bucket neighbours are told apart without comparing strings. */
  #delHashes: Uint32Array = new Uint32Array(0);
  // Entries' names: entry e has names nameStart[e] .. nameStart[e+1]; name n has tokens tokStart[n] .. tokStart[n+1].
  #nameStart: Int32Array = new Int32Array(1);
  #nameLegal: Uint8Array = new Uint8Array(0);
  #tokStart: Int32Array = new Int32Array(1);
  #tokTerm: Int32Array = new Int32Array(0);
  #tokFlags: Uint8Array = new Uint8Array(0);
  /** The character a Chinese syllable was written with (homophones share a syllable, not a character). */
  #tokChar: Int32Array = new Int32Array(0);
  /** Weight of each entry's lightest name, for ranking candidates by an approximate Dice coefficient. */
  #entryWeight: Float32Array = new Float32Array(0);
  // Per-query scratch, reused.
  /** Per entry, side by side for locality: its evidence so far, then each query token's best (see Parts). */
  #scratch: Float32Array = new Float32Array(0);
  /** Bitmap of the entries found by a query, for confirming common lists against all of them. */
  #found: Uint32Array = new Uint32Array(0);
  #ranks: Float64Array = new Float64Array(1024);
  #touched = new IntList();
  #commonCap = 0;
  /** The lowest threshold of any entry: candidates are cut by it when the search sets none. */
  #lowestThreshold = DEFAULT_THRESHOLD;
  #termSeen: Int32Array = new Int32Array(0);
  /** Terms indexed as two Chinese syllables joined: entries hold them in their postings, not their tokens. */
  #joinedTerm: Uint8Array = new Uint8Array(0);
  #termSeenNow = 0;
  // Identifiers: entries by "scheme:value" (and a CNPJ's company root), so a renamed entity is still found.
  readonly #idTerms = new Map<string, number>();
  #idPostings: Postings = { offsets: new Int32Array(1), ids: new Int32Array(0) };
  readonly #weight: TokenWeight;

  constructor(entries: Iterable<IndexEntry<K>>, opts: MatchIndexOptions = {}) {
    const nameStart = new IntList();
    const nameLegal = new IntList();
    const tokStart = new IntList();
    const tokTerm = new IntList();
    const tokFlags = new IntList();
    const tokChar = new IntList();
    const pairTerm = new IntList(1 << 16);
    const pairEntry = new IntList(1 << 16);
    const seen = new Set<number>();
    const joinedTerms = new Set<number>();
    const idPairTerm = new IntList();
    const idPairEntry = new IntList();
    const idSeen = new Set<number>();
    const internId = (t: string): number => {
      let id = this.#idTerms.get(t);
      if (id === undefined) this.#idTerms.set(t, (id = this.#idTerms.size));
      return id;
    };
    const intern = (t: string): number => {
      let id = this.#termIds.get(t);
      if (id === undefined) {
        id = this.#terms.length;
        this.#termIds.set(t, id);
        this.#terms.push(t);
      }
      return id;
    };
    for (const entry of entries) {
      const e = this.#entries.length;
      this.#entries.push(entry);
      if (entry.threshold !== undefined) this.#lowestThreshold = Math.min(this.#lowestThreshold, entry.threshold);
      nameStart.push(nameLegal.length);
      seen.clear();
      const names = new Set([entry.entity.name, ...(entry.entity.aliases ?? [])]);
      for (const raw of names) {
        if (raw.trim() === '') continue;
        const n = normaliseName(raw);
        nameLegal.push(n.legalForm === null ? 0 : LEGAL_FORM_CLASSES.indexOf(n.legalForm) + 1);
        tokStart.push(tokTerm.length);
        n.tokens.forEach((t, i) => {
          const id = intern(t.text);
          tokTerm.push(id);
          tokFlags.push((t.initial ? FLAG_INITIAL : 0) | (t.han ? FLAG_HAN : 0) | (t.abjad ? FLAG_ABJAD : 0) | (t.abbreviation ? FLAG_ABBREVIATION : 0));
          tokChar.push(t.han ? t.display.codePointAt(0)! : 0);
          seen.add(id);
          // Chinese words are not marked: index neighbouring syllables joined, so "Xinjiang" finds 新疆.
          const next = n.tokens[i + 1];
          if (t.han && next?.han) {
            const joined = intern(t.text + next.text);
            seen.add(joined);
            joinedTerms.add(joined);
          }
        });
      }
      for (const id of seen) {
        pairTerm.push(id);
        pairEntry.push(e);
      }
      idSeen.clear();
      for (const t of identifierTerms(entry.entity)) idSeen.add(internId(t));
      for (const id of idSeen) {
        idPairTerm.push(id);
        idPairEntry.push(e);
      }
      if ((e + 1) % 10000 === 0) opts.onProgress?.(e + 1);
    }
    nameStart.push(nameLegal.length);
    tokStart.push(tokTerm.length);
    this.#nameStart = nameStart.trimmed();
    this.#nameLegal = Uint8Array.from(nameLegal.trimmed());
    this.#tokStart = tokStart.trimmed();
    this.#tokTerm = tokTerm.trimmed();
    this.#tokFlags = Uint8Array.from(tokFlags.trimmed());
    this.#tokChar = tokChar.trimmed();

    const nEntries = this.#entries.length;
    const nTerms = this.#terms.length;
    this.#termPostings = toPostings(pairTerm.data, pairEntry.data, pairTerm.length, nTerms);
    this.#idPostings = toPostings(idPairTerm.data, idPairEntry.data, idPairTerm.length, this.#idTerms.size);
    this.#termSeen = new Int32Array(nTerms);
    this.#joinedTerm = new Uint8Array(nTerms);
    for (const t of joinedTerms) this.#joinedTerm[t] = 1;

    // Phonetic keys: one per term; key postings are the union of their terms' postings.
    this.#termKey = new Int32Array(nTerms).fill(-1);
    for (let t = 0; t < nTerms; t++) {
      const key = phoneticKey(this.#terms[t]!);
      if (key === '') continue;
      let k = this.#keyIds.get(key);
      if (k === undefined) this.#keyIds.set(key, (k = this.#keyIds.size));
      this.#termKey[t] = k;
    }
    const keyPairs = new IntList(pairTerm.length);
    const keyEntries = new IntList(pairTerm.length);
    let lastEntry = -1;
    const keySeen = new Set<number>();
    for (let i = 0; i < pairTerm.length; i++) {
      const e = pairEntry.data[i]!;
      if (e !== lastEntry) keySeen.clear();
      lastEntry = e;
      const k = this.#termKey[pairTerm.data[i]!]!;
      if (k < 0 || keySeen.has(k)) continue;
      keySeen.add(k);
      keyPairs.push(k);
      keyEntries.push(e);
    }
    this.#keyPostings = toPostings(keyPairs.data, keyEntries.data, keyPairs.length, this.#keyIds.size);

    this.#termWeight = new Float32Array(nTerms);
    for (let t = 0; t < nTerms; t++) {
      const df = this.#termPostings.offsets[t + 1]! - this.#termPostings.offsets[t]!;
      this.#termWeight[t] = idfFactor(df, nEntries);
    }
    this.#weight = (tokens, i) => {
      const t = tokens[i]!;
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      return this.#listWeight(t, t.han && prev?.han ? prev.text : null, t.han && next?.han ? next.text : null);
    };
    this.#buildDeletions();
    this.#entryWeight = new Float32Array(nEntries);
    for (let e = 0; e < nEntries; e++) {
      let lightest = Infinity;
      for (let n = this.#nameStart[e]!; n < this.#nameStart[e + 1]!; n++) {
        let w = 0;
        const from = this.#tokStart[n]!;
        const to = this.#tokStart[n + 1]!;
        for (let k = from; k < to; k++) w += this.#tokenWeight(k, from, to);
        lightest = Math.min(lightest, w);
      }
      this.#entryWeight[e] = Number.isFinite(lightest) ? lightest : 0;
    }
    this.#scratch = new Float32Array(nEntries * STRIDE);
    this.#found = new Uint32Array((nEntries >>> 5) + 1);
    // Tokens on more than 1 in 1,000 entries (at least 500) are too common to gather candidates by.
    this.#commonCap = Math.max(500, Math.floor(nEntries / 1000));
    opts.onProgress?.(nEntries);
  }

  get size(): number {
    return this.#entries.length;
  }

  /** Weight of stored token k (of a name whose tokens run from `from` to `to`). */
  #tokenWeight(k: number, from: number, to: number): number {
    const f = this.#tokFlags[k]!;
    const han = (f & FLAG_HAN) !== 0;
    const neighbour = (j: number) => (j >= from && j < to && (this.#tokFlags[j]! & FLAG_HAN) !== 0 ? this.#terms[this.#tokTerm[j]!]! : null);
    const token = { text: this.#terms[this.#tokTerm[k]!]!, initial: (f & FLAG_INITIAL) !== 0, han };
    return this.#listWeight(token, han ? neighbour(k - 1) : null, han ? neighbour(k + 1) : null);
  }

  /**
   * A token's weight in this list: the smaller of its prior and its frequency's. A Chinese syllable is weighed by
   * the words it makes with its neighbours, the more common of them ("四川" and "服装" are on many names, the brand
   * between them is not).
   */
  #listWeight(t: Pick<NameToken, 'text' | 'initial' | 'han'>, prev: string | null, next: string | null): number {
    const idf = (term: string) => {
      const id = this.#termIds.get(term);
      return id === undefined ? 1 : this.#termWeight[id]!;
    };
    const frequency = prev === null && next === null ? idf(t.text) : Math.min(prev === null ? 1 : idf(prev + t.text), next === null ? 1 : idf(t.text + next));
    return Math.min(tokenPrior(t), frequency);
  }

  #buildDeletions(): void {
    let count = 0;
    const indexed = (t: string) => t.length >= MIN_FUZZY_LENGTH && t.length < DEL_POSITIONS - 1;
    for (const t of this.#terms) if (indexed(t)) count += t.length + 1;
    let size = 1;
    while (size < count) size <<= 1;
    this.#delMask = size - 1;
    const buckets = new Int32Array(count);
    const hashes = new Uint32Array(count);
    const entries = new Int32Array(count);
    let i = 0;
    this.#terms.forEach((t, id) => {
      if (!indexed(t)) return;
      for (let skip = -1; skip < t.length; skip++) {
        const h = deletionHash(t, skip);
        hashes[i] = h;
        buckets[i] = h & this.#delMask;
        entries[i++] = id * DEL_POSITIONS + skip + 1;
      }
    });
    const { offsets, dest } = groupByList(buckets, count, size);
    this.#delPostings = { offsets, ids: scatter(entries, dest, count, new Int32Array(count)) };
    this.#delHashes = scatter(hashes, dest, count, new Uint32Array(count));
  }

  /** The vocabulary terms `token` is made of when it is two of them written together (the rarer split wins). */
  #split(token: string): number[] {
    let best: number[] = [];
    let bestSize = Infinity;
    for (let k = 2; k <= token.length - 2; k++) {
      const left = this.#termIds.get(token.slice(0, k));
      const right = left === undefined ? undefined : this.#termIds.get(token.slice(k));
      if (left === undefined || right === undefined) continue;
      const size = Math.min(this.#df(left), this.#df(right));
      if (size < bestSize) {
        best = [left, right];
        bestSize = size;
      }
    }
    return best;
  }

  #df(term: number): number {
    return this.#termPostings.offsets[term + 1]! - this.#termPostings.offsets[term]!;
  }

  #fuzzyTerms(token: string, out: (term: number, edits: number) => void): void {
    // One edit finds most typos; two only for long tokens, where two edits still leave the word recognisable.
    const max = Math.min(allowedEdits(token.length), token.length >= 8 ? 2 : 1);
    if (token.length < MIN_FUZZY_LENGTH || token.length >= DEL_POSITIONS - 1 || max === 0 || this.#delMask === 0) return;
    const { offsets, ids } = this.#delPostings;
    const hashes = this.#delHashes;
    const seen = ++this.#termSeenNow;
    for (let skip = -1; skip < token.length; skip++) {
      const h = deletionHash(token, skip);
      const b = h & this.#delMask;
      for (let p = offsets[b]!; p < offsets[b + 1]!; p++) {
        if (hashes[p] !== h) continue;
        const packed = ids[p]!;
        const id = Math.floor(packed / DEL_POSITIONS);
        if (this.#termSeen[id] === seen) continue;
        // The same string left after deleting one letter (or none) from each: none deleted on one side is one
        // insertion, the same position one substitution; two positions are two edits unless a swap of
        // neighbours or a repeated letter makes it one.
        const termSkip = (packed % DEL_POSITIONS) - 1;
        const term = this.#terms[id]!;
        if (term === token) continue;
        const d = skip === -1 || termSkip === -1 || skip === termSkip ? 1 : sameLengthEdits(token, term);
        if (d > max) continue;
        this.#termSeen[id] = seen;
        out(id, d);
      }
    }
  }

  #queryTokens(q: PreparedEntity): QueryToken[] {
    const out: QueryToken[] = [];
    const add = (text: string, weight: number, parts: Parts, fuzzy: boolean) => {
      const terms: number[] = [];
      const termQuality: number[] = [];
      const exact = this.#termIds.get(text);
      if (exact !== undefined) {
        terms.push(exact);
        termQuality.push(1);
      } else if (fuzzy) {
        // A space lost ("CexnonGroup"): two listed words written together.
        for (const part of this.#split(text)) {
          terms.push(part);
          termQuality.push(SPLIT_EVIDENCE);
        }
      }
      if (fuzzy) {
        this.#fuzzyTerms(text, (id, d) => {
          terms.push(id);
          termQuality.push(1 - d / Math.max(text.length, this.#terms[id]!.length));
        });
      }
      const key = phoneticKey(text);
      const keyId = key === '' ? -1 : (this.#keyIds.get(key) ?? -1);
      if (terms.length > 0 || keyId >= 0) out.push({ weight, parts, terms, termQuality, keyId });
    };
    forEachSlot(q, (n, i, slot) => {
      if (n.initial[i]) return;
      add(n.tokens[i]!, n.weights[i]!, [[slot, 1]], true);
      // Neighbours joined: "Abdul Rahman" finds "Abdulrahman", 新疆 finds "Xinjiang".
      const next = n.tokens[i + 1];
      if (next !== undefined && !n.initial[i + 1]) {
        const w = n.weights[i]! + n.weights[i + 1]!;
        add(n.tokens[i]! + next, w, [[slot, n.weights[i]! / w], [(slot + 1) % IDENTIFIER_SLOT, n.weights[i + 1]! / w]], false);
      }
    });
    return out;
  }

  #candidates(q: PreparedEntity, query: MatchEntity, minRank: number): number[] {
    const tokens = this.#queryTokens(q);
    const tp = this.#termPostings;
    const kp = this.#keyPostings;
    // Each posting list a token reaches, with the evidence it gives; rarest lists first.
    const visits: Visit[] = [];
    // The query's weight as in the Dice coefficient: its lightest name, every token counted (found in the
    // vocabulary or not; an unknown word is a difference from every entry).
    let queryWeight = Infinity;
    for (const n of q.names) queryWeight = Math.min(queryWeight, n.weights.reduce((sum, w) => sum + w, 0));
    for (const tok of tokens) {
      for (let i = 0; i < tok.terms.length; i++) {
        const id = tok.terms[i]!;
        const size = tp.offsets[id + 1]! - tp.offsets[id]!;
        if (size > 0) visits.push({ list: tp, id, size, v: tok.weight * tok.termQuality[i]!, parts: tok.parts });
      }
      if (tok.keyId >= 0) visits.push({ list: kp, id: tok.keyId, size: kp.offsets[tok.keyId + 1]! - kp.offsets[tok.keyId]!, v: tok.weight * PHONETIC_EVIDENCE, parts: tok.parts });
    }
    // A shared identifier is evidence enough to score an entry whatever its name.
    for (const t of identifierTerms(query)) {
      const id = this.#idTerms.get(t);
      if (id !== undefined) visits.push({ list: this.#idPostings, id, size: 0, v: IDENTIFIER_EVIDENCE, parts: [[IDENTIFIER_SLOT, 1]] });
    }
    visits.sort(bySize);
    // What entries not yet found could still gain from the lists after each one (each token counts once).
    const potential = new Float64Array(visits.length + 1);
    const slotBest = new Float64Array(SLOTS);
    let remaining = 0;
    for (let i = visits.length - 1; i >= 0; i--) {
      const v = visits[i]!;
      for (const [slot, share] of v.parts) {
        const gain = v.v * share;
        if (gain > slotBest[slot]!) {
          remaining += gain - slotBest[slot]!;
          slotBest[slot] = gain;
        }
      }
      potential[i] = remaining;
    }
    // Rarest lists first. Once the lists left cannot lift an entry not yet found to the candidate cut (MaxScore
    // pruning: "Chunfoxkis Group" finds nothing by "Group" alone), or a list is too common to gather by ("Trading",
    // "Mohammed"), lists only add evidence to entries already found. The rarest list is walked even when common,
    // so a query made only of common words ("Mohammed Ali") still finds candidates.
    const touched = this.#touched;
    let i = 0;
    for (; i < visits.length; i++) {
      const v = visits[i]!;
      // An entry found only from here on has at most the remaining evidence, and weighs at least that much.
      // A common list is walked only when nothing rarer gave evidence, and then only if what is left of the
      // query could make a candidate on its own ("Mohammed Ali"; not "Cherboxmus Electronics").
      const p = potential[i]!;
      const common = v.size > this.#commonCap;
      if ((2 * p) / (queryWeight + p) < (common ? minRank + COMMON_ONLY_LIFT : minRank) || (common && touched.length > 0)) break;
      const { offsets, ids } = v.list;
      for (let p = offsets[v.id]!, to = offsets[v.id + 1]!; p < to; p++) this.#credit(ids[p]!, v.v, v.parts);
    }
    this.#creditInitials(q);
    // The remaining lists confirm entries found so far: all of them when they are few enough (a query of common
    // words finds many that tie on the rarest word: "Cecília Sergio Delgado"), else the best 64.
    let best: number[];
    if (i < visits.length && touched.length <= CONFIRM_ALL_LIMIT) {
      this.#confirmAll(visits.slice(i));
      best = this.#top(queryWeight, minRank, CANDIDATES);
    } else if (i < visits.length) {
      const short = this.#top(queryWeight, 0, SHORTLIST);
      for (; i < visits.length; i++) {
        const v = visits[i]!;
        for (const e of short) if (this.#holds(e, v)) this.#credit(e, v.v, v.parts);
      }
      best = this.#rerank(short, queryWeight, minRank);
    } else best = this.#top(queryWeight, minRank, CANDIDATES);
    for (let k = 0; k < touched.length; k++) this.#scratch.fill(0, touched.data[k]! * STRIDE, (touched.data[k]! + 1) * STRIDE);
    touched.length = 0;
    return best;
  }

  /**
   * The best touched entries, best first, by an approximate Dice coefficient (twice the evidence over the query's
   * weight plus the entry's lightest name); entries whose evidence is too thin to reach a match are left out.
   */
  #top(queryWeight: number, minRank: number, n: number): number[] {
    const touched = this.#touched;
    const count = touched.length;
    if (this.#ranks.length < count) this.#ranks = new Float64Array(count * 2);
    const ranks = this.#ranks;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const e = touched.data[i]!;
      const r = (2 * this.#scratch[e * STRIDE]!) / (queryWeight + this.#entryWeight[e]!);
      ranks[i] = r;
      if (r >= minRank) kept++;
    }
    const cut = kept > n ? Math.max(minRank, nthLargest(ranks.slice(0, count), n)) : minRank;
    const picked: number[] = [];
    for (let i = 0; i < count; i++) if (ranks[i]! >= cut) picked.push(i);
    picked.sort((x, y) => ranks[y]! - ranks[x]!);
    return picked.slice(0, n).map((i) => touched.data[i]!);
  }

  /**
   * The query's initials ("D. Muñoz") tell apart the many entries its other words found ("Diego Muñoz" among
   * every Muñoz): each found entry with a word starting with the letter gains the initial's evidence.
   */
  #creditInitials(q: PreparedEntity): void {
    const touched = this.#touched;
    if (touched.length === 0 || touched.length > INITIAL_SCAN_LIMIT) return;
    forEachSlot(q, (n, i, slot) => {
      if (!n.initial[i]) return;
      const letter = n.tokens[i]!.charCodeAt(0);
      const parts: Parts = [[slot, 1]];
      const v = n.weights[i]! * INITIAL_SIM;
      for (let x = 0; x < touched.length; x++) {
        const e = touched.data[x]!;
        const from = this.#tokStart[this.#nameStart[e]!]!;
        const to = this.#tokStart[this.#nameStart[e + 1]!]!;
        for (let k = from; k < to; k++) {
          if ((this.#tokFlags[k]! & FLAG_INITIAL) === 0 && this.#terms[this.#tokTerm[k]!]!.charCodeAt(0) === letter) {
            this.#credit(e, v, parts);
            break;
          }
        }
      }
    });
  }

  /**
   * Adds the evidence of `visits` to every entry found so far: walking a list against a bitmap of the found
   * entries (small, so it stays in cache), or asking each found entry's own tokens when the list is much longer.
   */
  #confirmAll(visits: Visit[]): void {
    const touched = this.#touched;
    const found = this.#found;
    for (let k = 0; k < touched.length; k++) found[touched.data[k]! >>> 5]! |= 1 << (touched.data[k]! & 31);
    const count = touched.length;
    for (const v of visits) {
      if (v.size > count * WALK_OR_ASK) {
        for (let k = 0; k < count; k++) if (this.#holds(touched.data[k]!, v)) this.#credit(touched.data[k]!, v.v, v.parts);
        continue;
      }
      const { offsets, ids } = v.list;
      for (let p = offsets[v.id]!, to = offsets[v.id + 1]!; p < to; p++) {
        const e = ids[p]!;
        if ((found[e >>> 5]! & (1 << (e & 31))) !== 0) this.#credit(e, v.v, v.parts);
      }
    }
    for (let k = 0; k < count; k++) found[touched.data[k]! >>> 5] = 0;
  }

  /** Whether entry `e` is on the posting list of `v`: from its own tokens (a handful) where they tell. */
  #holds(e: number, v: Visit): boolean {
    const byToken = v.list === this.#termPostings ? this.#joinedTerm[v.id] === 0 : v.list === this.#keyPostings;
    if (!byToken) return binarySearch(v.list.ids, v.list.offsets[v.id]!, v.list.offsets[v.id + 1]!, e);
    const from = this.#tokStart[this.#nameStart[e]!]!;
    const to = this.#tokStart[this.#nameStart[e + 1]!]!;
    if (v.list === this.#termPostings) {
      for (let k = from; k < to; k++) if (this.#tokTerm[k] === v.id) return true;
    } else {
      for (let k = from; k < to; k++) if (this.#termKey[this.#tokTerm[k]!] === v.id) return true;
    }
    return false;
  }

  /** `short` again, by rank after the confirming lists, cut to the candidates. */
  #rerank(short: number[], queryWeight: number, minRank: number): number[] {
    const rank = (e: number) => (2 * this.#scratch[e * STRIDE]!) / (queryWeight + this.#entryWeight[e]!);
    return short
      .filter((e) => rank(e) >= minRank)
      .sort((x, y) => rank(y) - rank(x))
      .slice(0, CANDIDATES);
  }

  #credit(e: number, v: number, parts: Parts): void {
    const s = this.#scratch;
    const at = e * STRIDE;
    if (s[at] === 0) this.#touched.push(e);
    for (const [slot, share] of parts) {
      const gain = v * share;
      const old = s[at + 1 + slot]!;
      if (gain > old) {
        s[at + 1 + slot] = gain;
        s[at]! += gain - old;
      }
    }
  }

  /** Entry `e` as a prepared entity from the stored token ids (display is the normalised token). */
  #prepared(e: number): PreparedEntity {
    const entity = this.#entries[e]!.entity;
    const names: PreparedName[] = [];
    for (let n = this.#nameStart[e]!; n < this.#nameStart[e + 1]!; n++) {
      const tokens: string[] = [];
      const display: string[] = [];
      const initial: boolean[] = [];
      const han: boolean[] = [];
      const weights: number[] = [];
      const keys: string[] = [];
      const abjad: boolean[] = [];
      const abbreviation: boolean[] = [];
      const from = this.#tokStart[n]!;
      const to = this.#tokStart[n + 1]!;
      for (let k = from; k < to; k++) {
        const t = this.#tokTerm[k]!;
        const f = this.#tokFlags[k]!;
        tokens.push(this.#terms[t]!);
        display.push((f & FLAG_HAN) !== 0 ? String.fromCodePoint(this.#tokChar[k]!) : this.#terms[t]!);
        initial.push((f & FLAG_INITIAL) !== 0);
        han.push((f & FLAG_HAN) !== 0);
        abjad.push((f & FLAG_ABJAD) !== 0);
        abbreviation.push((f & FLAG_ABBREVIATION) !== 0);
        weights.push(this.#tokenWeight(k, from, to));
        keys.push((f & FLAG_INITIAL) !== 0 ? '' : phoneticKeyOf(this.#termKey[t]!, this.#keyNames()));
      }
      const legal = this.#nameLegal[n]!;
      const legalForm: LegalFormClass | null = legal === 0 ? null : LEGAL_FORM_CLASSES[legal - 1]!;
      names.push({ raw: entity.name, tokens, display, keys, weights, initial, han, abjad, abbreviation, legalForm, legalFormText: null });
    }
    return {
      type: entity.type ?? 'unknown',
      names,
      countries: (entity.countries ?? []).map((c) => c.toUpperCase()),
      identifiers: entity.identifiers ?? [],
      birthDate: entity.birthDate ?? null,
    };
  }

  #keyNameList: string[] | null = null;
  #keyNames(): string[] {
    if (!this.#keyNameList) {
      this.#keyNameList = new Array<string>(this.#keyIds.size);
      for (const [k, id] of this.#keyIds) this.#keyNameList[id] = k;
    }
    return this.#keyNameList;
  }

  search(query: MatchEntity, opts: SearchOptions = {}): SearchHit<K>[] {
    const q = prepareEntity(query, this.#weight);
    if (q.names.length === 0) return [];
    const hits: SearchHit<K>[] = [];
    const lowest = opts.threshold ?? this.#lowestThreshold;
    for (const e of this.#candidates(q, query, lowest - RANK_SLACK)) {
      const entry = this.#entries[e]!;
      const threshold = opts.threshold ?? entry.threshold ?? DEFAULT_THRESHOLD;
      // Scored from the stored tokens; a match is scored again from its names as written, for the explanation.
      if (quickScore(q, this.#prepared(e)) < threshold - 1e-4) continue;
      const result = scorePrepared(q, prepareEntity(entry.entity, this.#weight), threshold);
      if (result.match) hits.push({ key: entry.key, result });
    }
    return hits.sort((x, y) => y.result.score - x.result.score).slice(0, opts.limit ?? 10);
  }
}

function phoneticKeyOf(id: number, names: string[]): string {
  return id < 0 ? '' : names[id]!;
}

/** Edits between two strings of equal length that differ by at most two edits: 1 for one substitution or one
 * swap of neighbours, else 2. */
function sameLengthEdits(a: string, b: string): number {
  let first = -1;
  let second = -1;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    if (first < 0) first = i;
    else if (second < 0) second = i;
    else return 2;
  }
  if (second < 0) return first < 0 ? 0 : 1;
  return second === first + 1 && a[first] === b[second] && a[second] === b[first] ? 1 : 2;
}

/** The n-th largest value (1-based) of `xs`, which it reorders (quickselect). */
function nthLargest(xs: Float64Array, n: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  const k = n - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i]! > pivot) i++;
      while (xs[j]! < pivot) j--;
      if (i <= j) {
        const t = xs[i]!;
        xs[i++] = xs[j]!;
        xs[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return xs[k]!;
}

/** Each token of each query name with its slot (see Parts). */
function forEachSlot(q: PreparedEntity, visit: (n: PreparedName, i: number, slot: number) => void): void {
  let slot = 0;
  for (const n of q.names) for (let i = 0; i < n.tokens.length; i++) visit(n, i, slot++ % IDENTIFIER_SLOT);
}

function bySize(x: Visit, y: Visit): number {
  return x.size - y.size;
}

/** Index terms of an entity's identifiers: "scheme:VALUE", and a CNPJ's 8-digit company root. */
function identifierTerms(e: MatchEntity): string[] {
  const out: string[] = [];
  for (const id of e.identifiers ?? []) {
    const v = cleanIdentifier(id.value);
    if (!v) continue;
    out.push(`${id.scheme}:${v}`);
    const root = cnpjRoot(id, v);
    if (root) out.push(`cnpj:${root}`);
  }
  return out;
}

function binarySearch(ids: Int32Array, from: number, to: number, v: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = ids[mid]!;
    if (x === v) return true;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
