// Watchlist hits on a supplier (screening, issue 5) folded into its rollup, the risk of its worst line. A hit
// on a hard list (a legal bar or presumption: UFLPA, a withhold release order, a sanctions list) is counted
// apart from the score, as every hard signal is; the worklist puts any supplier with one first. Hits on soft
// lists add points: once per supplier, through the strongest, counted at the match score until a person
// confirms the hit (then in full), the total capped at 100. Dismissed hits and hits whose entity left its
// list are not passed here. Pure.
import { levelOf, type RiskWeights } from './weights.ts';
import type { Level, Signal } from './types.ts';

/** One open or confirmed hit of a supplier, its sites or its owners. */
export interface ListHit {
  hitId: number;
  hard: boolean;
  status: 'open' | 'confirmed';
  /** The match score, 0–1. */
  score: number;
  /** The list's slug and name, and the edition of the version matched. */
  list: string;
  listName: string;
  edition: string;
  /** The listed entity: its key within the list, name, and the row of the list file it comes from. */
  entityKey: string;
  entityName: string;
  row: number | null;
  subjectKind: 'supplier' | 'site' | 'owner';
  subjectName: string;
}

/** What the supplier's lines give: its worst line's score and severity, the lines' hard signals and why. */
export interface LinesRisk {
  score: number;
  severity: number;
  hard: number;
  why: string | null;
}

export interface FoldedRisk {
  score: number;
  level: Level;
  severity: number;
  likelihood: number;
  /** The lines' hard signals and the hard list hits. */
  hard: number;
  /** Soft list hits. */
  listHits: number;
  /** One 'list-hit' signal per hit: hard ones first, then soft ones, the one that scored first among them. */
  signals: Signal[];
  why: string | null;
}

const SUBJECT: Readonly<Record<ListHit['subjectKind'], string>> = { supplier: 'The supplier', site: 'Its site', owner: 'Its owner' };

function signalOf(h: ListHit): Signal {
  const confirmed = h.status === 'confirmed';
  const strength = confirmed ? 1 : h.score;
  const where = `${h.listName} (${h.list}), edition ${h.edition}${h.row === null ? '' : `, row ${h.row}`}`;
  const state = confirmed ? 'Confirmed by a reviewer' : h.hard ? 'Possible match, awaiting confirmation' : 'Possible match, not yet reviewed';
  const weight = h.hard
    ? 'A hard signal (legal bar or presumption): reported apart from the score.'
    : confirmed
      ? 'A soft signal, counted in full.'
      : `A soft signal, counted at the match score ${h.score.toFixed(2)} until a person confirms it.`;
  return {
    kind: 'list-hit',
    hard: h.hard,
    dataset: h.list,
    edition: h.edition,
    key: h.entityKey,
    row: h.row,
    strength,
    contribution: 0,
    explanation: `${state}: ${SUBJECT[h.subjectKind]} "${h.subjectName}" and "${h.entityName}" on ${where} (match score ${h.score.toFixed(2)}). ${weight}`,
    facts: { hitId: h.hitId, list: h.list, listName: h.listName, entity: h.entityName, subject: h.subjectName, subjectKind: h.subjectKind, status: h.status, score: h.score },
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function foldListHits(lines: LinesRisk, hits: readonly ListHit[], weights: RiskWeights): FoldedRisk {
  const hard = hits.filter((h) => h.hard).map(signalOf);
  const soft = hits.filter((h) => !h.hard).map(signalOf);
  soft.sort((a, b) => b.strength - a.strength);
  const best = soft[0];
  if (best) best.contribution = Math.round(weights.listHit.points * best.strength);
  const points = best?.contribution ?? 0;
  const score = Math.min(100, lines.score + points);
  const severity = points > 0 ? Math.max(lines.severity, weights.listHit.severity) : lines.severity;
  const parts: string[] = [];
  if (hard.length > 0) {
    const possible = hard.filter((s) => s.facts.status === 'open').length;
    const states = [possible > 0 ? `${possible} possible, awaiting confirmation` : '', possible < hard.length ? `${hard.length - possible} confirmed` : ''].filter(Boolean).join(', ');
    parts.push(`${plural(hard.length, 'hard watchlist hit')} (${states}), reported apart from the score: review first`);
  }
  if (best) parts.push(`${plural(soft.length, 'soft watchlist hit')}: ${best.facts.listName} +${points}`);
  const listWhy = parts.length > 0 ? `${parts.join('; ')}.` : null;
  return {
    score,
    level: levelOf(score, weights),
    severity,
    likelihood: score / 100,
    hard: lines.hard + hard.length,
    listHits: soft.length,
    signals: [...hard, ...soft],
    why: [lines.why, listWhy].filter(Boolean).join(' ') || null,
  };
}
