// A run's matches set beside the hits already stored: which pairs are new, which were seen before unchanged,
// which changed, and which are gone; and what an analyst's decision does to a hit. Pure.
//
// A pair is (subject, list, listed entity by its key, stable across editions). A pair found again with the
// same fingerprints on both sides is only touched: no alert, and a dismissal or confirmation stands. When
// either side's data changed, or the pair is back after it was gone (the entity left the list, or no longer
// matched), it alerts as changed, and a reviewed hit goes back to open: the previous review stays in the
// history. Nothing here ever confirms a hit: a hard-list hit stays open ("possible") until a person decides.
import type { MatchResult } from '../match/types.ts';
import type { Subject } from './subjects.ts';
import type { Decision, HitStatus, SubjectKind } from './types.ts';

/** A stored hit, as reconciliation needs it. */
export interface StoredPair {
  id: number;
  kind: SubjectKind;
  subjectId: number;
  watchlistId: number;
  entityKey: string;
  subjectFingerprint: string;
  entityFingerprint: string;
  status: HitStatus;
  gone: boolean;
}

/** A match of this run. */
export interface FoundPair {
  subject: Subject;
  watchlistId: number;
  versionId: number;
  entityKey: string;
  /** "<versionId>:<n>". */
  entityId: string;
  entityName: string;
  entityFingerprint: string;
  hard: boolean;
  result: MatchResult;
}

export interface ChangedPair {
  id: number;
  found: FoundPair;
  was: HitStatus;
  /** A confirmed or dismissed hit goes back to open. */
  reopen: boolean;
  /** What changed, in words, for the review history. */
  why: string;
}

export interface Plan {
  /** New pairs: stored open, with a 'new' alert. */
  created: FoundPair[];
  /** Known pairs, same data on both sides: last seen now, the result refreshed, no alert. */
  seen: { id: number; found: FoundPair }[];
  /** Known pairs whose data changed or that are back: a 'changed' alert. */
  changed: ChangedPair[];
  /** Ids of stored pairs this run no longer found: marked gone, kept with their reviews. */
  gone: number[];
}

const keyOf = (kind: SubjectKind, subjectId: number, watchlistId: number, entityKey: string) => `${kind}:${subjectId}|${watchlistId}|${entityKey}`;

const SUBJECT_WORDS: Readonly<Record<SubjectKind, string>> = { supplier: "the supplier's", site: "the site's", owner: "the owner's" };

export function reconcile(stored: readonly StoredPair[], found: readonly FoundPair[]): Plan {
  // A subject matching one entity twice (two names of it) is one pair: the best match counts.
  const best = new Map<string, FoundPair>();
  for (const f of found) {
    const k = keyOf(f.subject.kind, f.subject.id, f.watchlistId, f.entityKey);
    const had = best.get(k);
    if (!had || f.result.score > had.result.score) best.set(k, f);
  }
  const plan: Plan = { created: [], seen: [], changed: [], gone: [] };
  const known = new Map(stored.map((s) => [keyOf(s.kind, s.subjectId, s.watchlistId, s.entityKey), s]));
  for (const [k, f] of best) {
    const s = known.get(k);
    if (!s) {
      plan.created.push(f);
      continue;
    }
    const subjectChanged = s.subjectFingerprint !== f.subject.fingerprint;
    const entityChanged = s.entityFingerprint !== f.entityFingerprint;
    if (!s.gone && !subjectChanged && !entityChanged) {
      plan.seen.push({ id: s.id, found: f });
      continue;
    }
    const what = [subjectChanged ? `${SUBJECT_WORDS[s.kind]} data` : '', entityChanged ? "the listed entity's data" : ''].filter(Boolean).join(' and ');
    const why = s.gone
      ? `The pair matches again after it had gone (the entity had left the list or no longer matched)${what ? `; ${what} changed` : ''}.`
      : `${what.charAt(0).toUpperCase()}${what.slice(1)} changed since the hit was last seen.`;
    plan.changed.push({ id: s.id, found: f, was: s.status, reopen: s.status !== 'open', why });
  }
  for (const [k, s] of known) if (!s.gone && !best.has(k)) plan.gone.push(s.id);
  return plan;
}

/** The status a decision leads to, or why it cannot be taken. */
export function decide(status: HitStatus, decision: Decision): { status: HitStatus } | { refused: string } {
  const to: HitStatus = decision === 'confirm' ? 'confirmed' : decision === 'dismiss' ? 'dismissed' : 'open';
  if (to === status) return { refused: status === 'open' ? 'The hit is open already: only a confirmed or dismissed hit can be reopened.' : `The hit is ${status} already.` };
  return { status: to };
}
