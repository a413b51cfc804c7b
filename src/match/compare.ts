// Entity likeness with its explanation: the best pair of names, then country, identifier, birth date, legal
// form and type evidence. Each feature's contribution is on the 0–1 score scale and they add up to the score.
import { DEFAULT_THRESHOLD, type CompareOptions, type EntityType, type Identifier, type MatchEntity, type MatchFeature, type MatchResult } from './types.ts';
import type { LegalFormClass } from './normalise.ts';
import { alignNames, defaultWeight, prepareName, type NameAlignment, type PreparedName, type TokenPair, type TokenWeight } from './names.ts';

export { DEFAULT_THRESHOLD };

/** Evidence beyond the name, on the score scale. Names decide; these confirm or cast doubt. */
export const EVIDENCE = {
  countryAgree: 0.04,
  countryDisagree: -0.12,
  identifierAgree: 0.4,
  identifierBranch: 0.3,
  identifierDisagree: -0.35,
  birthDateExact: 0.06,
  birthYear: 0.04,
  birthYearNear: 0,
  birthYearApart: -0.1,
  birthYearFar: -0.2,
  legalFormDiffer: -0.03,
} as const;

export interface PreparedEntity {
  type: EntityType;
  names: PreparedName[];
  countries: readonly string[];
  identifiers: readonly Identifier[];
  birthDate: string | null;
}

export function prepareEntity(e: MatchEntity, weight: TokenWeight = defaultWeight): PreparedEntity {
  const raw = [e.name, ...(e.aliases ?? [])].filter((n) => n.trim() !== '');
  return {
    type: e.type ?? 'unknown',
    names: [...new Set(raw)].map((n) => prepareName(n, weight)),
    countries: (e.countries ?? []).map((c) => c.toUpperCase()),
    identifiers: e.identifiers ?? [],
    birthDate: e.birthDate ?? null,
  };
}

export interface BestNames {
  a: PreparedName;
  b: PreparedName;
  alignment: NameAlignment;
}

/** The best-scoring pair among the names and aliases of both sides. */
export function bestNames(a: PreparedEntity, b: PreparedEntity): BestNames | null {
  let best: BestNames | null = null;
  for (const na of a.names) {
    for (const nb of b.names) {
      const alignment = alignNames(na, nb);
      if (!best || alignment.score > best.alignment.score) best = { a: na, b: nb, alignment };
      if (alignment.score >= 1) return best;
    }
  }
  return best;
}

const q = (s: string) => `‘${s}’`;
const span = (n: PreparedName, from: number, len: number) => n.display.slice(from, from + len).join(n.han[from] ? '' : ' ');
const round = (x: number) => Math.round(x * 1e4) / 1e4;

function describePair(p: TokenPair, a: PreparedName, b: PreparedName): string {
  const left = q(span(a, p.ai, p.an));
  const right = q(span(b, p.bi, p.bn));
  const joined = p.an !== p.bn ? ', written together' : '';
  switch (p.kind) {
    case 'exact':
      return `${left} = ${right} (${left.toLowerCase() === right.toLowerCase() ? 'exact' : 'same once normalised'}${joined})`;
    case 'edit':
      return `${left} ≈ ${right} (${p.edits} edit${p.edits === 1 ? '' : 's'}${joined})`;
    case 'phonetic':
      return `${left} ≈ ${right} (same sound${joined})`;
    case 'initial':
      return `${left} ~ ${right} (initial)`;
    case 'abbreviation':
      return `${left} ~ ${right} (abbreviation)`;
  }
}

function nameFeatures(best: BestNames): MatchFeature[] {
  const { a, b, alignment } = best;
  if (alignment.joined) {
    const e = alignment.joined.edits;
    return [
      {
        feature: 'tokens',
        contribution: alignment.score,
        explanation: `${q(a.display.join(' '))} ≈ ${q(b.display.join(' '))} written without spaces (${e === 0 ? 'identical' : `${e} edit${e === 1 ? '' : 's'}`})`,
      },
    ];
  }
  const groups: Record<'tokens' | 'phonetic' | 'initials', TokenPair[]> = { tokens: [], phonetic: [], initials: [] };
  for (const p of alignment.pairs) groups[p.kind === 'phonetic' ? 'phonetic' : p.kind === 'initial' || p.kind === 'abbreviation' ? 'initials' : 'tokens'].push(p);
  const unmatched = [
    ...alignment.unmatchedA.map((i) => q(a.display[i]!)),
    ...alignment.unmatchedB.map((i) => q(b.display[i]!)),
  ];
  const out: MatchFeature[] = [];
  for (const [feature, pairs] of Object.entries(groups)) {
    const notes = inReadingOrder(pairs, a).map((p) => describePair(p, a, b));
    if (feature === 'tokens') {
      if (unmatched.length) notes.push(`not matched: ${unmatched.join(', ')}${alignment.conflict ? ' (each name has words the other lacks: counted as a difference)' : ''}`);
      if (notes.length === 0) notes.push('no token in common');
    } else if (pairs.length === 0) continue;
    out.push({ feature, contribution: pairs.reduce((s, p) => s + p.credit, 0), explanation: notes.join('; ') });
  }
  return out;
}

/** Pairs in the order of the first name, neighbouring Chinese characters that match alike shown as one word. */
function inReadingOrder(pairs: TokenPair[], a: PreparedName): TokenPair[] {
  const out: TokenPair[] = [];
  for (const p of [...pairs].sort((x, y) => x.ai - y.ai)) {
    const prev = out[out.length - 1];
    if (prev && a.han[p.ai] && a.han[prev.ai] && prev.kind === p.kind && prev.ai + prev.an === p.ai && prev.bi + prev.bn === p.bi && p.an === 1 && p.bn === 1 && prev.an === prev.bn) {
      out[out.length - 1] = { ...prev, an: prev.an + 1, bn: prev.bn + 1 };
    } else out.push(p);
  }
  return out;
}

export function cleanIdentifier(v: string): string {
  return v.replace(/[^0-9a-z]/gi, '').toUpperCase();
}

/** A Brazilian CNPJ: its first 8 digits name the company, the remaining 6 the establishment and check digits. */
export function cnpjRoot(id: Identifier, value: string): string | null {
  return id.scheme === 'company_number' && (id.country ?? 'BR') === 'BR' && /^\d{14}$/.test(value) ? value.slice(0, 8) : null;
}

function identifierFeature(a: readonly Identifier[], b: readonly Identifier[]): MatchFeature | null {
  let conflict: string | null = null;
  let branch: string | null = null;
  for (const x of a) {
    for (const y of b) {
      if (x.scheme !== y.scheme) continue;
      if (x.country && y.country && x.country.toUpperCase() !== y.country.toUpperCase()) continue;
      const vx = cleanIdentifier(x.value);
      const vy = cleanIdentifier(y.value);
      if (!vx || !vy) continue;
      if (vx === vy) {
        return { feature: 'identifier', contribution: EVIDENCE.identifierAgree, explanation: `same ${x.scheme} ${x.value}: very strong evidence of the same entity` };
      }
      const rx = cnpjRoot(x, vx);
      if (rx && rx === cnpjRoot(y, vy)) branch ??= `same CNPJ root ${rx} (${x.value} / ${y.value}): the same company, another establishment`;
      else conflict ??= `different ${x.scheme}: ${x.value} / ${y.value}`;
    }
  }
  if (branch) return { feature: 'identifier', contribution: EVIDENCE.identifierBranch, explanation: branch };
  if (conflict) return { feature: 'identifier', contribution: EVIDENCE.identifierDisagree, explanation: `${conflict}: strong evidence of different entities` };
  return null;
}

function countryFeature(a: readonly string[], b: readonly string[]): MatchFeature | null {
  if (a.length === 0 || b.length === 0) return null;
  const shared = a.filter((c) => b.includes(c));
  if (shared.length) return { feature: 'country', contribution: EVIDENCE.countryAgree, explanation: `both in ${shared.join(', ')}` };
  return {
    feature: 'country',
    contribution: EVIDENCE.countryDisagree,
    explanation: `different countries: ${a.join(', ')} / ${b.join(', ')} — a like name in another country is often another entity`,
  };
}

function birthDateFeature(a: string | null, b: string | null): MatchFeature | null {
  if (!a || !b) return null;
  const ya = Number(a.slice(0, 4));
  const yb = Number(b.slice(0, 4));
  if (!Number.isInteger(ya) || !Number.isInteger(yb)) return null;
  if (a.length >= 10 && b.length >= 10 && a.slice(0, 10) === b.slice(0, 10)) {
    return { feature: 'birth-date', contribution: EVIDENCE.birthDateExact, explanation: `same date of birth ${a.slice(0, 10)}` };
  }
  const gap = Math.abs(ya - yb);
  if (gap === 0) return { feature: 'birth-date', contribution: EVIDENCE.birthYear, explanation: `born the same year (${ya})` };
  if (gap === 1) {
    return { feature: 'birth-date', contribution: EVIDENCE.birthYearNear, explanation: `born a year apart (${a} / ${b}): not counted, records often differ by a year` };
  }
  if (gap <= 5) return { feature: 'birth-date', contribution: EVIDENCE.birthYearApart, explanation: `born ${gap} years apart (${a} / ${b})` };
  return { feature: 'birth-date', contribution: EVIDENCE.birthYearFar, explanation: `born ${gap} years apart (${a} / ${b})` };
}

function legalFormFeature(a: PreparedName, b: PreparedName): MatchFeature | null {
  const ca: LegalFormClass | null = a.legalForm;
  const cb: LegalFormClass | null = b.legalForm;
  if (!ca || !cb) return null;
  if (ca === cb || ca === 'company' || cb === 'company') {
    return { feature: 'legal-form', contribution: 0, explanation: `legal forms ${q(a.legalFormText ?? ca)} / ${q(b.legalFormText ?? cb)} agree (not counted: many companies share one)` };
  }
  return { feature: 'legal-form', contribution: EVIDENCE.legalFormDiffer, explanation: `different legal forms: ${q(a.legalFormText ?? ca)} (${ca}) / ${q(b.legalFormText ?? cb)} (${cb})` };
}

const isCompany = (t: EntityType) => t === 'company';

/** Evidence beyond the names: identifiers, countries, birth dates (not companies), legal forms (not persons). */
function evidence(a: PreparedEntity, b: PreparedEntity, best: BestNames): MatchFeature[] {
  const out: MatchFeature[] = [];
  const add = (f: MatchFeature | null) => f && out.push(f);
  add(identifierFeature(a.identifiers, b.identifiers));
  add(countryFeature(a.countries, b.countries));
  if (!isCompany(a.type) && !isCompany(b.type)) add(birthDateFeature(a.birthDate, b.birthDate));
  if (a.type !== 'person' && b.type !== 'person') add(legalFormFeature(best.a, best.b));
  return out;
}

const personVersusCompany = (a: PreparedEntity, b: PreparedEntity) =>
  (a.type === 'person' && b.type === 'company') || (a.type === 'company' && b.type === 'person');

/** The score alone, without building the explanation: for ranking candidates. Equal to scorePrepared's score. */
export function quickScore(a: PreparedEntity, b: PreparedEntity): number {
  const best = bestNames(a, b);
  if (!best || personVersusCompany(a, b)) return 0;
  let sum = best.alignment.score;
  for (const f of evidence(a, b, best)) sum += f.contribution;
  return Math.min(1, Math.max(0, sum));
}

/** Scores two prepared entities and explains the score. */
export function scorePrepared(a: PreparedEntity, b: PreparedEntity, threshold: number): MatchResult {
  const best = bestNames(a, b);
  if (!best) {
    return { score: 0, match: false, threshold, names: { query: a.names[0]?.raw ?? '', candidate: b.names[0]?.raw ?? '' }, features: [] };
  }
  const features = [...nameFeatures(best), ...evidence(a, b, best)];
  let sum = features.reduce((s, f) => s + f.contribution, 0);
  if (personVersusCompany(a, b)) {
    features.push({ feature: 'type', contribution: -sum, explanation: `a ${a.type} never matches a ${b.type}, however alike the names` });
    sum = 0;
  } else if (sum > 1 || sum < 0) {
    const to = sum > 1 ? 1 : 0;
    features.push({ feature: 'clamp', contribution: to - sum, explanation: `score held to ${to} (the evidence adds up to ${round(sum)})` });
    sum = to;
  }
  for (const f of features) f.contribution = round(f.contribution);
  // Rounding each contribution must not break "they add up to the score": the score is their sum.
  const score = round(features.reduce((s, f) => s + f.contribution, 0));
  return { score, match: score >= threshold, threshold, names: { query: best.a.raw, candidate: best.b.raw }, features };
}

export function compare(a: MatchEntity, b: MatchEntity, opts: CompareOptions = {}): MatchResult {
  return scorePrepared(prepareEntity(a), prepareEntity(b), opts.threshold ?? DEFAULT_THRESHOLD);
}
