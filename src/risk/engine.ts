// The risk engine: one line (its country, the classifier's goods, its description) to an inherent risk score
// of 0–100, a level, and every signal behind them with its source row and the points it adds. Pure and
// fast: the knowledge is precomputed by buildRiskKnowledge, so a call looks facts up, multiplies a few
// numbers and joins a few precomputed sentences.
//
// score = Σ over the four parts (ILAB listing, TIP tier, GSI prevalence, sector exposure) of
//         round(points[part] × strength of the part's strongest signal)
// Each part counts once, through its strongest signal; the others of the part are listed with 0 points, so
// the contributions a user sees add up exactly to the score. See README.md for the method and defaults.
import { createHash } from 'node:crypto';
import type { GoodMatch } from '../classify/index.ts';
import { cite, type IlabListing, type RiskKnowledge } from './knowledge.ts';
import { SECTOR_DATASET, SECTOR_EXPLANATIONS, SECTORS } from './sectors.ts';
import type { Level, RiskInput, RiskResult, Signal } from './types.ts';
import { DEFAULT_WEIGHTS, levelOf, type RiskWeights } from './weights.ts';

const LEVEL_WORDS: Readonly<Record<Level, string>> = { low: 'Low', medium: 'Medium', high: 'High', severe: 'Severe' };

/** The four parts of the score, in the order their signals are listed at equal points. */
const PARTS = ['ilab', 'tip', 'gsi', 'sector'] as const;
type Part = (typeof PARTS)[number];

const weightIds = new WeakMap<RiskWeights, string>();

/** 'sha256:…' of the weights in a canonical form (keys sorted): the same weights always give the same id. */
export function weightsId(weights: RiskWeights): string {
  let id = weightIds.get(weights);
  if (id === undefined) {
    id = `sha256:${createHash('sha256').update(canonicalJson(weights)).digest('hex')}`;
    weightIds.set(weights, id);
  }
  return id;
}

function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** Strength (0–1) of a listing's types, before the classifier's confidence: the strongest type counts. */
function listingStrength(l: IlabListing, w: RiskWeights['ilab']): number {
  if (l.downstream) return w.downstream * (l.input ? listingStrength(l.input, w) : 1);
  let s = 0;
  if (l.forcedChildLabour) s = Math.max(s, w.forcedChildLabour);
  if (l.forcedLabour) s = Math.max(s, w.forcedLabour);
  if (l.childLabour) s = Math.max(s, w.childLabour);
  return s;
}

/**
 * How grave (0–1) the abuse a signal points to is, for prioritisation: an ILAB listing by its gravest type, then
 * downstream, listed elsewhere, sector, and country alone. Hard signals have none: they are handled apart.
 */
export function signalSeverity(s: Pick<Signal, 'kind' | 'facts'>, weights: RiskWeights = DEFAULT_WEIGHTS): number {
  const w = weights.severity;
  switch (s.kind) {
    case 'ilab-forced-child-labour':
    case 'ilab-forced-labour':
    case 'ilab-child-labour': {
      let v = 0;
      if (s.facts.forcedChildLabour === true) v = Math.max(v, w.forcedChildLabour);
      if (s.facts.forcedLabour === true) v = Math.max(v, w.forcedLabour);
      if (s.facts.childLabour === true) v = Math.max(v, w.childLabour);
      return v;
    }
    case 'ilab-downstream':
      return w.downstream;
    case 'ilab-listed-elsewhere':
      return w.listedElsewhere;
    case 'sector':
      return w.sector;
    case 'tip-tier':
    case 'gsi-prevalence':
      return w.country;
    case 'list-hit':
      return 0;
  }
}

function confidenceClause(g: GoodMatch): string {
  return `Counted at the classifier's confidence ${g.confidence.toFixed(2)} that the line is ${g.good} (${g.reason}).`;
}

function signal(kind: Signal['kind'], dataset: string, edition: string, key: string, row: number | null, strength: number, explanation: string, facts: Signal['facts']): Signal {
  return { kind, hard: false, dataset, edition, key, row, strength, contribution: 0, explanation, facts };
}

/**
 * Assesses one line. The knowledge comes from buildRiskKnowledge; the weights default to DEFAULT_WEIGHTS
 * and should have passed riskWeightsSchema when an organisation set them. The result shares the knowledge's
 * frozen objects (editions, TIP and GSI facts): read it, do not change it.
 */
export function assessRisk(input: RiskInput, knowledge: RiskKnowledge, weights: RiskWeights = DEFAULT_WEIGHTS): RiskResult {
  const { classification, countryCode } = input;
  const signals: Signal[] = [];
  const parts: Part[] = [];
  const editions = knowledge.editions;

  // ILAB: each recognised good, listed for the line's country, for other countries, or with no country known.
  const ilabEdition = editions['ilab-tvpra']!;
  for (const g of classification.goods) {
    const good = knowledge.ilab.get(g.good);
    if (!good) continue;
    const listing = countryCode === null ? undefined : good.listings.get(countryCode);
    if (listing) {
      signals.push(signal(listing.kind, 'ilab-tvpra', ilabEdition, listing.key, listing.row, listingStrength(listing, weights.ilab) * g.confidence,
        `${listing.statement} ${confidenceClause(g)} ${listing.citation}`,
        { ...listing.facts, confidence: g.confidence, classifierReason: g.reason }));
    } else {
      const unknown = countryCode === null;
      const where = unknown
        ? `The line does not say where it comes from, so it may come from one of them.`
        : `It does not name ${good.good} from ${knowledge.countryName(countryCode)}, but the country a line gives may be where the good was traded or processed rather than grown, mined or made, so the risk stays until its origin is known.`;
      signals.push(signal('ilab-listed-elsewhere', 'ilab-tvpra', ilabEdition, good.good, null, (unknown ? weights.ilab.countryUnknown : weights.ilab.listedElsewhere) * g.confidence,
        `${good.statement} ${where} ${confidenceClause(g)} ${good.citation}`,
        { ...good.facts, countryCode, countryUnknown: unknown, confidence: g.confidence, classifierReason: g.reason }));
    }
    parts.push('ilab');
  }

  // Country: TIP tier (government effort, with its trend) and GSI prevalence. Missing facts are listed, at 0.
  if (countryCode !== null) {
    const tip = knowledge.tip.get(countryCode);
    if (tip) {
      let s = weights.tiers[tip.latest.tier] + (tip.steps === null ? 0 : weights.trendStep * tip.steps);
      s = s < 0 ? 0 : s > 1 ? 1 : s;
      signals.push(signal('tip-tier', 'tip-tiers', editions['tip-tiers']!, tip.key, tip.latest.row, s, tip.text, tip.facts));
    } else {
      const missing = knowledge.missingTip(countryCode);
      signals.push(signal('tip-tier', 'tip-tiers', editions['tip-tiers']!, missing.key, null, 0, missing.text, missing.facts));
    }
    parts.push('tip');
    const gsi = knowledge.gsi.get(countryCode) ?? knowledge.missingGsi(countryCode);
    const prevalence = gsi.prevalence;
    signals.push(signal('gsi-prevalence', 'gsi', editions.gsi!, countryCode, gsi.row, prevalence === null ? 0 : Math.min(1, prevalence / weights.gsiFullAt), gsi.text, gsi.facts));
    parts.push('gsi');
  }

  // Sector exposure: Vigil's own rules, from the good, the codes and the description.
  for (const m of knowledge.sectors.match(classification, input.description)) {
    const scaled = m.confidence < 1 ? `, counted at the classifier's confidence ${m.confidence.toFixed(2)}` : '';
    signals.push(signal('sector', SECTOR_DATASET, editions[SECTOR_DATASET]!, m.sector, null, weights.sectors[m.sector] * m.confidence,
      `${SECTOR_EXPLANATIONS[m.sector]} Here ${m.reason}${scaled}. ${cite(SECTOR_DATASET, editions[SECTOR_DATASET]!, null, `, rule ${m.rule}`)}`,
      { sector: m.sector, label: SECTORS[m.sector].label, via: m.via, rule: m.rule, matched: m.matched, confidence: m.confidence, codeRow: m.codeRow }));
    parts.push('sector');
  }

  // Each part counts once, through its strongest signal (the first of equals).
  let score = 0;
  let severity = 0;
  for (const part of PARTS) {
    let best = -1;
    for (let i = 0; i < signals.length; i++) if (parts[i] === part && (best < 0 || signals[i]!.strength > signals[best]!.strength)) best = i;
    if (best < 0) continue;
    const points = Math.round(weights.points[part] * signals[best]!.strength);
    signals[best]!.contribution = points;
    score += points;
  }
  for (const s of signals) if (s.strength > 0) severity = Math.max(severity, signalSeverity(s, weights));
  signals.sort((a, b) => b.contribution - a.contribution);

  const hard = checkHard(input.hard);
  const level = levelOf(score, weights);
  return {
    score,
    level,
    signals,
    hard,
    severity,
    likelihood: score / 100,
    editions,
    weights: weightsId(weights),
    summary: summarise(level, score, signals, knowledge, countryCode === null, hard.length),
  };
}

/** Hard signals pass through untouched, and must be what they claim: hard, with no points. */
function checkHard(hard: RiskInput['hard']): Signal[] {
  if (!hard || hard.length === 0) return [];
  for (const s of hard) {
    if (!s.hard || s.contribution !== 0) throw new TypeError(`a hard signal (${s.kind} ${s.key}) must have hard: true and contribution 0; it is reported apart from the score`);
  }
  return hard.slice();
}

function summarise(level: Level, score: number, signals: readonly Signal[], knowledge: RiskKnowledge, countryUnknown: boolean, hardCount: number): string {
  let text = `${LEVEL_WORDS[level]}, ${score} of 100`;
  let first = true;
  for (const s of signals) {
    if (s.contribution <= 0) break;
    text += `${first ? ': ' : '; '}${labelOf(s, knowledge)} +${s.contribution}`;
    first = false;
  }
  if (first) text += ': no listed good, exposed sector or country signal adds to the score';
  text += '.';
  if (countryUnknown) text += " The line's country is unknown, so the TIP and GSI parts could not be assessed.";
  if (hardCount > 0) text += ` ${hardCount} entity-list hit${hardCount === 1 ? '' : 's'} reported apart from the score: review ${hardCount === 1 ? 'it' : 'them'} first.`;
  return text;
}

function labelOf(s: Signal, knowledge: RiskKnowledge): string {
  switch (s.kind) {
    case 'tip-tier': {
      const t = knowledge.tip.get(String(s.facts.countryCode));
      return t ? t.label : 'TIP: no placement';
    }
    case 'gsi-prevalence':
      return knowledge.gsi.get(s.key)?.label ?? 'GSI: no estimate';
    case 'sector':
      return `sector: ${String(s.facts.label)}`;
    case 'ilab-listed-elsewhere':
      return `${s.key}, on the ILAB list for ${s.facts.countryUnknown ? 'some countries (country unknown)' : 'other countries'}`;
    default: {
      const good = knowledge.ilab.get(String(s.facts.good));
      return good?.listings.get(String(s.facts.countryCode))?.label ?? s.key;
    }
  }
}
