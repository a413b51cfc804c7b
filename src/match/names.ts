// Name likeness: tokens aligned as a set (order does not matter), each pair scored by spelling, sound,
// initial or joined spelling, weighted by how much each token says about identity.
import { GENERIC_WORDS, normaliseName, type LegalFormClass, type NameToken } from './normalise.ts';
import { allowedEdits, editDistance, phoneticKey } from './phonetic.ts';

/** A name ready for comparison: tokens with their phonetic keys and weights. */
export interface PreparedName {
  raw: string;
  tokens: string[];
  display: string[];
  keys: string[];
  weights: number[];
  initial: boolean[];
  han: boolean[];
  /** From Arabic script (see NameToken.abjad). */
  abjad: boolean[];
  /** Written shortened with a full stop (see NameToken.abbreviation). */
  abbreviation: boolean[];
  legalForm: LegalFormClass | null;
  legalFormText: string | null;
}

/**
 * How much token i of a name says about identity, 0–1. The neighbours matter for Chinese syllables, whose word
 * is the pair they make.
 */
export type TokenWeight = (tokens: readonly NameToken[], i: number) => number;

export const INITIAL_WEIGHT = 0.3;
export const GENERIC_WEIGHT = 0.35;
/** Two syllables make most Chinese words: each counts half a word. */
export const HAN_WEIGHT = 0.5;

/** A patronymic ("Vladimirovich", "Ivanovna"): shared by everyone whose father had the name, often left out. */
export const PATRONYMIC_WEIGHT = 0.5;
const PATRONYMIC = /(?:[oe]vi(?:ch|tch|tsj|tj|tx|ci|c|cs)|[oe]vych|[oe]wi(?:tsch|tsj|cz)|[oe]vna|ivna)$/;

/** Weights without list statistics: initials, generic business words, patronymics and single Chinese syllables count less. */
export const defaultWeight: TokenWeight = (tokens, i) => tokenPrior(tokens[i]!);

/** A token's weight before any list statistics. */
export function tokenPrior(t: Pick<NameToken, 'text' | 'initial' | 'han'>): number {
  return t.initial ? INITIAL_WEIGHT : t.han ? HAN_WEIGHT : GENERIC_WORDS.has(t.text) ? GENERIC_WEIGHT : PATRONYMIC.test(t.text) ? PATRONYMIC_WEIGHT : 1;
}

export function prepareTokens(tokens: NameToken[], weight: TokenWeight): Omit<PreparedName, 'raw' | 'legalForm' | 'legalFormText'> {
  return {
    tokens: tokens.map((t) => t.text),
    display: tokens.map((t) => t.display),
    keys: tokens.map((t) => (t.initial ? '' : phoneticKey(t.text))),
    weights: tokens.map((_, i) => weight(tokens, i)),
    initial: tokens.map((t) => t.initial),
    han: tokens.map((t) => t.han),
    abjad: tokens.map((t) => t.abjad === true),
    abbreviation: tokens.map((t) => t.abbreviation === true),
  };
}

export function prepareName(raw: string, weight: TokenWeight = defaultWeight): PreparedName {
  const n = normaliseName(raw);
  return { raw, ...prepareTokens(n.tokens, weight), legalForm: n.legalForm, legalFormText: n.legalFormText };
}

export type PairKind = 'exact' | 'edit' | 'phonetic' | 'initial' | 'abbreviation';

/** Tokens a[ai .. ai+an) matched to b[bi .. bi+bn); one side is a single token, the other may be several joined. */
export interface TokenPair {
  ai: number;
  an: number;
  bi: number;
  bn: number;
  sim: number;
  kind: PairKind;
  edits: number;
  /** Weight of the tokens on both sides that the pair accounts for. */
  weight: number;
  /** Share of the name score this pair brings. */
  credit: number;
}

export interface NameAlignment {
  score: number;
  pairs: TokenPair[];
  /** Set when the names agree best written together ("AREFULLAHA REF" / "AREFULLAH AREF"). */
  joined: { edits: number } | null;
  unmatchedA: number[];
  unmatchedB: number[];
  /** Both names have words the other lacks. */
  conflict: boolean;
}

/**
 * Credit for a sound-alike token pair whose spelling differs too much for the edit rule: full when at most a third
 * of the letters differ, or when one side is from Arabic script, which writes no short vowels ("mhmd" for
 * Mohammed); less up to half ("Hassan" / "Hussein" share a skeleton but are two names); none beyond.
 */
export const PHONETIC_SIM = 0.8;
const PHONETIC_SIM_FAR = 0.65;
const NO_VOWEL = /^[^aeiouy]+$/;

/** Credit for an initial standing for a token that starts with it ("A." / "Antonio"). */
export const INITIAL_SIM = 0.9;
/** Credit for a word written shortened ("Com.") and the word it starts ("Comercial"). */
export const ABBREVIATION_SIM = 0.85;
/** Credit for a Chinese character whose word differs in the other character. */
const BROKEN_WORD_SIM = 0.5;
/** Credit for two spellings that differ only in doubled letters. */
const DOUBLED_SIM = 0.9;
const undoubled = (s: string) => s.replace(/(.)\1+/g, '$1');

/** Two neighbouring letters swapped, a typo ("Afiz" / "Faiz", "Adbul" / "Abdul"). */
function neighbourSwap(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
/** Pairs below this likeness are not pairs. */
const MIN_SIM = 0.5;

function likeness(a: string, aKey: string, b: string, bKey: string, abjad = false): { sim: number; kind: PairKind; edits: number } | null {
  if (a === b) return { sim: 1, kind: 'exact', edits: 0 };
  // A three-letter token may lose or gain one letter ("Esa" / "Essa") but not change one ("Ali" / "Ari").
  const short = Math.min(a.length, b.length);
  const allowed = short === 3 && a.length !== b.length ? 1 : allowedEdits(short);
  const d = allowed > 0 ? editDistance(a, b, allowed) : allowed + 1;
  // Doubled letters are a spelling habit ("Ayub" / "Ayyub", "Mohamed" / "Mohammed"); in a short word a changed
  // letter is likely another name ("Feng" / "Fang", "Zheng" / "Zhang"), so it costs twice as much there.
  const longest = Math.max(a.length, b.length);
  const substituted = short <= 5 && a.length === b.length && !neighbourSwap(a, b);
  const editSim = undoubled(a) === undoubled(b) ? DOUBLED_SIM : d > allowed ? 0 : 1 - (substituted ? 2 : 1) * (d / longest);
  // Sound is no excuse for a changed letter in a short word: that is the other name (Feng / Fang).
  if (aKey !== '' && aKey === bKey && !(substituted && !abjad)) {
    const edits = editDistance(a, b);
    const share = edits / Math.max(a.length, b.length);
    // Arabic script leaves the vowels out, not the consonants: three or more alike are the same word.
    const unvowelled = (abjad && aKey.length >= 3) || NO_VOWEL.test(a) || NO_VOWEL.test(b);
    const sim = share <= 1 / 3 || unvowelled ? PHONETIC_SIM : share <= 0.5 ? PHONETIC_SIM_FAR : 0;
    if (sim > editSim) return { sim, kind: 'phonetic', edits };
  }
  return editSim >= MIN_SIM ? { sim: editSim, kind: 'edit', edits: d } : null;
}

/** Candidate pairs of one token of `x` against runs of 2–4 neighbouring tokens of `y` written together. */
/** Arabic script writes no short vowels: a short word ("علي") is compared by its consonants alone ("Ali"). */
function consonants(a: string, b: string): { sim: number; kind: PairKind; edits: number } | null {
  const key = phoneticKey(a, 1);
  return key !== '' && key === phoneticKey(b, 1) ? { sim: PHONETIC_SIM, kind: 'phonetic', edits: editDistance(a, b) } : null;
}

function spanPairs(x: PreparedName, y: PreparedName, swap: boolean, out: TokenPair[]): void {
  for (let i = 0; i < x.tokens.length; i++) {
    const t = x.tokens[i]!;
    if (t.length < 4 || x.initial[i]) continue;
    for (let j = 0; j < y.tokens.length; j++) {
      let joined = y.tokens[j]!;
      const maxSpan = y.han[j] ? 4 : 3;
      for (let n = 2; n <= maxSpan && j + n <= y.tokens.length; n++) {
        joined += y.tokens[j + n - 1]!;
        if (joined.length - t.length > allowedEdits(t.length)) break;
        if (t.length - joined.length > allowedEdits(joined.length)) continue;
        const l = likeness(t, x.keys[i]!, joined, phoneticKey(joined));
        // Pinyin from characters is exact: a Latin spelling that differs names other characters (光佳 / Guangtai).
        if (!l || (y.han[j] && l.kind !== 'exact')) continue;
        out.push(swap ? pair(y, x, j, n, i, 1, l.sim, l.kind, l.edits) : pair(x, y, i, 1, j, n, l.sim, l.kind, l.edits));
      }
    }
  }
}

/**
 * Chinese syllables are not words: one shared character says little ("阳国达德" / "阳信国德"). A syllable pairs
 * with a syllable only when a neighbour pairs too, in the same order, so characters match as words.
 */
function hanNeighbours(a: PreparedName, i: number, b: PreparedName, j: number): boolean {
  const runA = (a.han[i - 1] ?? false) || (a.han[i + 1] ?? false);
  const runB = (b.han[j - 1] ?? false) || (b.han[j + 1] ?? false);
  if (!runA || !runB) return true;
  const same = (x: number, y: number) => a.han[x] === true && b.han[y] === true && a.tokens[x] === b.tokens[y];
  return same(i - 1, j - 1) || same(i + 1, j + 1);
}

function pair(a: PreparedName, b: PreparedName, ai: number, an: number, bi: number, bn: number, sim: number, kind: PairKind, edits: number): TokenPair {
  const x = sumWeights(a.weights, ai, an);
  const y = sumWeights(b.weights, bi, bn);
  // An initial is weak evidence: the full token it stands for counts at most twice the initial's weight.
  const weight = kind !== 'initial' ? x + y : a.initial[ai] ? x + Math.min(y, 2 * x) : y + Math.min(x, 2 * y);
  return { ai, an, bi, bn, sim, kind, edits, weight, credit: 0 };
}

/** Surest pairs first; among equals the heavier, then the one joining fewer tokens. */
function byStrength(p: TokenPair, q: TokenPair): number {
  return q.sim - p.sim || q.weight - p.weight || p.an + p.bn - (q.an + q.bn);
}

function sumWeights(w: number[], from: number, n: number): number {
  let s = 0;
  for (let i = from; i < from + n; i++) s += w[i]!;
  return s;
}

/**
 * Aligns two names. The score is a weighted Dice coefficient: matched weight on both sides over all weight on both
 * sides, each pair counted at its likeness. Unmatched tokens on either side pull the score down, in proportion to
 * what they say about identity (an unmatched initial or "Trading" costs little, an unmatched surname a lot).
 */
export function alignNames(a: PreparedName, b: PreparedName): NameAlignment {
  const pairs: TokenPair[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    for (let j = 0; j < b.tokens.length; j++) {
      const ta = a.tokens[i]!;
      const tb = b.tokens[j]!;
      if (a.initial[i] || b.initial[j]) {
        if (ta[0] !== tb[0]) continue;
        const both = a.initial[i] && b.initial[j];
        pairs.push(pair(a, b, i, 1, j, 1, both ? 1 : INITIAL_SIM, both ? 'exact' : 'initial', 0));
        continue;
      }
      if (a.han[i] || b.han[j]) {
        // Characters against characters: the same character, or a homophone (one pinyin, another character);
        // against Latin pinyin, the same syllable only.
        if (ta !== tb || (a.han[i] && b.han[j] && !hanNeighbours(a, i, b, j))) continue;
        const same = !(a.han[i] && b.han[j]) || a.display[i] === b.display[j];
        pairs.push(pair(a, b, i, 1, j, 1, same ? 1 : PHONETIC_SIM, same ? 'exact' : 'phonetic', 0));
        continue;
      }
      if ((a.abbreviation[i] && tb.length > ta.length && tb.startsWith(ta)) || (b.abbreviation[j] && ta.length > tb.length && ta.startsWith(tb))) {
        pairs.push(pair(a, b, i, 1, j, 1, ABBREVIATION_SIM, 'abbreviation', 0));
        continue;
      }
      const abjad = a.abjad[i]! || b.abjad[j]!;
      const l = likeness(ta, a.keys[i]!, tb, b.keys[j]!, abjad) ?? (abjad ? consonants(ta, tb) : null);
      if (l) pairs.push(pair(a, b, i, 1, j, 1, l.sim, l.kind, l.edits));
    }
  }
  spanPairs(a, b, false, pairs);
  spanPairs(b, a, true, pairs);

  const total = sumWeights(a.weights, 0, a.tokens.length) + sumWeights(b.weights, 0, b.tokens.length);
  pairs.sort(byStrength);
  const usedA = new Uint8Array(a.tokens.length);
  const usedB = new Uint8Array(b.tokens.length);
  const chosen: TokenPair[] = [];
  for (const p of pairs) {
    let free = true;
    for (let k = p.ai; k < p.ai + p.an && free; k++) free = usedA[k] === 0;
    for (let k = p.bi; k < p.bi + p.bn && free; k++) free = usedB[k] === 0;
    if (!free) continue;
    usedA.fill(1, p.ai, p.ai + p.an);
    usedB.fill(1, p.bi, p.bi + p.bn);
    chosen.push(p);
  }
  const unmatchedA = [...usedA.keys()].filter((k) => usedA[k] === 0);
  const unmatchedB = [...usedB.keys()].filter((k) => usedB[k] === 0);
  // A Chinese character next to one that differs on both sides belongs to a word that differs (中源 / 中康):
  // it counts half.
  const differs = (k: number, l: number) => a.han[k] === true && b.han[l] === true && usedA[k] === 0 && usedB[l] === 0;
  for (const p of chosen) {
    if (p.an !== 1 || p.bn !== 1 || !a.han[p.ai] || !b.han[p.bi]) continue;
    if (differs(p.ai - 1, p.bi - 1) || differs(p.ai + 1, p.bi + 1)) p.sim = Math.min(p.sim, BROKEN_WORD_SIM);
  }
  // A word on one side only may be a middle name or a descriptor left out; words unmatched on both sides are
  // a difference ("Markel Trading" / "Markel Logistics"), so the lesser side's unmatched weight counts again.
  const conflict = Math.min(
    unmatchedA.reduce((s, k) => s + a.weights[k]!, 0),
    unmatchedB.reduce((s, k) => s + b.weights[k]!, 0),
  );
  // The part of a full token an initial does not account for ("ntonio" of "Antonio" for "A.") is not evidence
  // against the match either: it counts half.
  let initialsRest = 0;
  for (const p of chosen) if (p.kind === 'initial') initialsRest += (sumWeights(a.weights, p.ai, p.an) + sumWeights(b.weights, p.bi, p.bn) - p.weight) / 2;
  const denominator = total + conflict - initialsRest;
  let matched = 0;
  for (const p of chosen) {
    p.credit = denominator > 0 ? (p.sim * p.weight) / denominator : 0;
    matched += p.credit;
  }
  let result: NameAlignment = { score: matched, pairs: chosen, joined: null, unmatchedA, unmatchedB, conflict: conflict > 0 };

  // Spacing differs ("AREFULLAHA REF" / "AREFULLAH AREF"): compare the names written together, in order.
  // Not for Chinese characters: they carry no spaces to differ, and spans already join syllables.
  if (matched < 1 && a.tokens.length + b.tokens.length > 2 && !a.han.includes(true) && !b.han.includes(true)) {
    const ja = a.tokens.join('');
    const jb = b.tokens.join('');
    // Identical written together: an edit there could be a whole other word ("Zheng Liangyang" / "Zhang ...").
    if (ja.length >= 6 && ja === jb) result = { score: 1, pairs: [], joined: { edits: 0 }, unmatchedA: [], unmatchedB: [], conflict: false };
  }
  return result;
}
