// Screening's contract with the API, the web app and the command line: what a hit, a review, an alert, a run
// and an owner are. Pure types and constants.
import type { EntityType, Identifier, MatchEntity, MatchResult } from '../match/types.ts';
import type { StoredEntity, Watchlist, WatchlistEntity, WatchlistVersionInfo } from '../watchlists/types.ts';

export const SUBJECT_KINDS = ['supplier', 'site', 'owner'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** open: awaiting review; a hard hit that is open is "possible" until a person confirms it. */
export const HIT_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];

export const DECISIONS = ['confirm', 'dismiss', 'reopen'] as const;
export type Decision = (typeof DECISIONS)[number];

export const RUN_REASONS = ['import', 'list-change', 'manual'] as const;
export type RunReason = (typeof RUN_REASONS)[number];

export interface HitRow {
  id: number;
  status: HitStatus;
  /** On a hard list (legal bar or presumption). */
  hard: boolean;
  score: number;
  /** The kind of the hit's latest unseen alert. */
  alert: 'new' | 'changed' | null;
  subject: { kind: SubjectKind; id: number; supplierId: number; supplierName: string; name: string; countries: string[] };
  entity: { watchlistId: number; list: string; listName: string; key: string; name: string; type: EntityType };
  firstSeenAt: string;
  changedAt: string;
}

export interface Review {
  decision: Decision;
  reason: string;
  /** An e-mail address, cli:<user>, or 'system' for an automatic reopening. */
  by: string;
  at: string;
}

/** A hit with what an analyst compares side by side. */
export interface HitDetail extends HitRow {
  /** The subject as it was screened. */
  subjectEntity: MatchEntity;
  /** The listed entity in the version the hit was last found in. */
  listEntity: WatchlistEntity & { id: string };
  result: MatchResult;
  watchlist: Watchlist;
  version: WatchlistVersionInfo;
  /** Every decision, oldest first. */
  reviews: Review[];
  /** When the entity left the list or stopped matching; the hit is kept. */
  goneAt: string | null;
  lastSeenAt: string;
}

export interface Alert {
  id: number;
  hitId: number;
  kind: 'new' | 'changed';
  at: string;
  seen: boolean;
  hit: HitRow;
}

export interface Run {
  id: number;
  reason: RunReason;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  subjects: number;
  hits: number;
  newHits: number;
  changedHits: number;
  goneHits: number;
  /** List slug → edition screened against. */
  lists: Record<string, string>;
  error: string | null;
}

export interface Summary {
  open: number;
  openHard: number;
  confirmed: number;
  dismissed: number;
  unseenAlerts: number;
  lastRun: Run | null;
}

/** A known owner of a supplier, screened like the supplier. */
export interface Owner {
  id: number;
  supplierId: number;
  name: string;
  type: EntityType;
  countries: string[];
  identifiers: Identifier[];
  createdAt: string;
  createdBy: string;
}

/** A listed entity that matched, on its list, with the explained result (nothing stored). */
export interface ScreenHit {
  watchlist: Watchlist;
  version: WatchlistVersionInfo;
  entity: StoredEntity;
  result: MatchResult;
}
