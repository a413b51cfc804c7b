// Screening hits as the pages show them: the queue's filters (held in the address), how a hit's status reads
// (an open hit on a hard-signal list is only ever "possible"), the explanation's features as signed bars, the
// side-by-side comparison of our party and the listed entity, the review a person may record, and the runs.
// Pure.
import type { z } from 'zod';
import type { EntityType, Identifier, MatchEntity, MatchResult } from '../../../src/match/types.ts';
import type {
  AlertSchema,
  HitDetailSchema,
  HitRowSchema,
  OwnerSchema,
  ReviewSchema,
  RunSchema,
  SummarySchema,
} from '../../../src/screening/api-schema.ts';
import { HIT_STATUSES, type Decision, type HitStatus, type SubjectKind } from '../../../src/screening/types.ts';
import type { WatchlistEntity } from '../../../src/watchlists/types.ts';
import { formatDate, formatInteger, humaniseKey, plural } from './format.ts';
import { queryString } from './route.ts';

export { HIT_STATUSES, type HitStatus, type SubjectKind };
export type ReviewDecision = Decision;
export type AlertKind = 'new' | 'changed';

export type HitRow = z.infer<typeof HitRowSchema>;
export type Review = z.infer<typeof ReviewSchema>;
/** A hit with both sides, the explained result, the list and version, and every decision (goneAt: no longer matching, kept). */
export type HitDetail = z.infer<typeof HitDetailSchema>;
export type ScreeningRun = z.infer<typeof RunSchema>;
export type ScreeningSummary = z.infer<typeof SummarySchema>;
export type Alert = z.infer<typeof AlertSchema>;
/** A supplier's known owner (or beneficial owner), screened like the supplier. */
export type Owner = z.infer<typeof OwnerSchema>;

// ── How a hit reads ─────────────────────────────────────────────────────────────────────────────────

/** The words for a hit's status: an open hit on a hard-signal list is a possibility, never a finding. */
export function hitStatusLabel(h: Pick<HitRow, 'status' | 'hard'>): string {
  if (h.status === 'confirmed') return 'Confirmed';
  if (h.status === 'dismissed') return 'Dismissed';
  return h.hard ? 'Possible — awaiting confirmation' : 'Open — to review';
}

/** What the status means, in a sentence for the hit page. */
export function hitStatusMeaning(h: Pick<HitRow, 'status' | 'hard'>): string {
  if (h.status === 'confirmed')
    return h.hard
      ? 'A person confirmed that our party and the listed entity are the same: this is a finding on a list with legal weight.'
      : 'A person confirmed that our party and the listed entity are the same: the hit counts in the supplier’s risk.';
  if (h.status === 'dismissed') return 'A person decided that our party and the listed entity are not the same: the hit no longer counts.';
  return h.hard
    ? 'The names are alike enough to be a possible match. A hit on a list with legal weight is never treated as a finding on a fuzzy match alone: it waits for a person to confirm or dismiss it.'
    : 'The names are alike enough to be a possible match, waiting for a person to confirm or dismiss it.';
}

export const DISMISSAL_NOTE =
  'A dismissal stays: the same pair does not alert again unless our party’s data or the listed entity’s data changes (a new name, country or identifier on either side).';

export function alertLabel(kind: AlertKind): string {
  return kind === 'new' ? 'New' : 'Changed';
}

export const SUBJECT_KIND_LABELS: Readonly<Record<SubjectKind, string>> = { supplier: 'Supplier', site: 'Site', owner: 'Owner' };

export function entityTypeLabel(type: EntityType | null | undefined): string {
  return type === 'person' ? 'Person' : type === 'company' ? 'Company' : 'Not known';
}

/** A 0–1 score as the pages write it: "0.91". */
export function formatScore(score: number): string {
  return Number.isFinite(score) ? score.toFixed(2) : '—';
}

/** A feature's contribution, signed: "+0.42", "−0.10" (a true minus sign), "0.00". */
export function formatContribution(c: number): string {
  const r = Math.round(c * 100) / 100;
  if (r === 0) return '0.00';
  return `${r > 0 ? '+' : '−'}${Math.abs(r).toFixed(2)}`;
}

const FEATURE_LABELS: Readonly<Record<string, string>> = {
  name: 'Name likeness',
  tokens: 'Words in common',
  initials: 'Initials and abbreviations',
  phonetic: 'Sounds alike',
  'legal-form': 'Legal form',
  country: 'Country',
  identifier: 'Identifier',
  type: 'Person or company',
  'birth-date': 'Birth date',
  clamp: 'Kept within 0 and 1',
};

export function featureLabel(feature: string): string {
  return FEATURE_LABELS[feature] ?? humaniseKey(feature);
}

/**
 * A feature's bar: which way it pushed the score and how far, as a share (2–100) of the largest push either
 * way, so the biggest reason is always a full bar and a small one still shows.
 */
export function featureBar(contribution: number, features: readonly { contribution: number }[]): { direction: 'up' | 'down' | 'none'; width: number } {
  const largest = Math.max(0, ...features.map((f) => Math.abs(f.contribution)));
  if (!(largest > 0) || contribution === 0 || !Number.isFinite(contribution)) return { direction: 'none', width: 0 };
  return { direction: contribution > 0 ? 'up' : 'down', width: Math.max(2, Math.min(100, Math.round((Math.abs(contribution) / largest) * 100))) };
}

/** "0.91 against the list's threshold of 0.85: above it, so a hit." */
export function scoreSentence(r: Pick<MatchResult, 'score' | 'threshold'>): string {
  const above = r.score >= r.threshold;
  return `Score ${formatScore(r.score)} against the list’s threshold of ${formatScore(r.threshold)}: ${above ? 'at or above it, so a hit' : 'below it, so no longer a hit'}.`;
}

// ── Side by side ────────────────────────────────────────────────────────────────────────────────────

export type Agreement = 'agree' | 'differ' | null;

export interface ComparisonRow {
  label: string;
  ours: string[];
  theirs: string[];
  /** Whether the two sides agree on this attribute, when both say something. */
  agreement: Agreement;
}

const squash = (v: string) => v.replace(/[\s\-./]/g, '').toUpperCase();

function identifierText(i: Identifier): string {
  return `${humaniseKey(i.scheme)} ${i.value}${i.country ? ` (${i.country})` : ''}`;
}

function identifiersAgree(a: readonly Identifier[], b: readonly Identifier[]): Agreement {
  const shared = a.filter((x) => b.some((y) => y.scheme === x.scheme));
  if (shared.length === 0) return null;
  return shared.some((x) => b.some((y) => y.scheme === x.scheme && squash(y.value) === squash(x.value))) ? 'agree' : 'differ';
}

function birthDatesAgree(a: string | null | undefined, b: string | null | undefined): Agreement {
  if (!a || !b) return null;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n) ? 'agree' : 'differ';
}

/** Our party next to the listed entity, attribute by attribute; `countryName` writes a code as a name. */
export function comparisonRows(ours: MatchEntity, theirs: WatchlistEntity, countryName: (code: string) => string | undefined = () => undefined): ComparisonRow[] {
  const country = (c: string) => countryName(c) ?? c;
  const ourCountries = ours.countries ?? [];
  const ourIds = ours.identifiers ?? [];
  const ourType = ours.type ?? 'unknown';
  const rows: ComparisonRow[] = [
    { label: 'Name', ours: [ours.name], theirs: [theirs.name], agreement: null },
    { label: 'Other names', ours: [...(ours.aliases ?? [])], theirs: theirs.aliases, agreement: null },
    {
      label: 'Type',
      ours: [entityTypeLabel(ourType)],
      theirs: [entityTypeLabel(theirs.type)],
      agreement: ourType === 'unknown' || theirs.type === 'unknown' ? null : ourType === theirs.type ? 'agree' : 'differ',
    },
    {
      label: 'Countries',
      ours: ourCountries.map(country),
      theirs: theirs.countries.map(country),
      agreement: ourCountries.length === 0 || theirs.countries.length === 0 ? null : ourCountries.some((c) => theirs.countries.includes(c)) ? 'agree' : 'differ',
    },
    { label: 'Identifiers', ours: ourIds.map(identifierText), theirs: theirs.identifiers.map(identifierText), agreement: identifiersAgree(ourIds, theirs.identifiers) },
  ];
  if (ours.birthDate || theirs.birthDate || ourType === 'person' || theirs.type === 'person') {
    rows.push({ label: 'Birth date', ours: ours.birthDate ? [ours.birthDate] : [], theirs: theirs.birthDate ? [theirs.birthDate] : [], agreement: birthDatesAgree(ours.birthDate, theirs.birthDate) });
  }
  return rows;
}

export function agreementLabel(a: Agreement): string {
  return a === 'agree' ? 'Agree' : a === 'differ' ? 'Differ' : '';
}

/** The list's own facts about the entity (reason, dates, products, …), empty values left out, in the list's order. */
export function propertyRows(properties: Readonly<Record<string, string | number | null>>): { label: string; value: string }[] {
  return Object.entries(properties)
    .filter(([, v]) => v !== null && String(v).trim() !== '')
    .map(([k, v]) => ({ label: humaniseKey(k), value: typeof v === 'number' ? formatInteger(v) : String(v) }));
}

// ── Review ──────────────────────────────────────────────────────────────────────────────────────────

export const DECISION_INFO: Readonly<Record<ReviewDecision, { label: string; done: string; button: string }>> = {
  confirm: { label: 'Confirm: the same company or person', done: 'Confirmed', button: 'Confirm the match' },
  dismiss: { label: 'Dismiss: not the same', done: 'Dismissed', button: 'Dismiss the hit' },
  reopen: { label: 'Reopen: look at it again', done: 'Reopened', button: 'Reopen the hit' },
};

/** The decisions that change a hit's status, in the order offered. */
export function decisionsFor(status: HitStatus): ReviewDecision[] {
  const all: [ReviewDecision, HitStatus][] = [
    ['confirm', 'confirmed'],
    ['dismiss', 'dismissed'],
    ['reopen', 'open'],
  ];
  return all.filter(([, to]) => to !== status).map(([d]) => d);
}

export const MIN_REASON = 3;
export const MAX_REASON = 2000;

export function reasonProblem(reason: string): string | null {
  const r = reason.trim();
  if (r.length < MIN_REASON) return 'Give the reason for the decision: it goes to the audit trail and is shown with the hit.';
  if (r.length > MAX_REASON) return `Use at most ${formatInteger(MAX_REASON)} characters (you have ${formatInteger(r.length)}).`;
  return null;
}

// ── The queue's filters, held in the address ────────────────────────────────────────────────────────

export const HIT_PAGE_SIZE = 50;

export interface HitQuery {
  statuses: HitStatus[];
  /** Watchlist ids; empty = every list. */
  lists: number[];
  signal: '' | 'hard' | 'soft';
  q: string;
  /** 0-based. */
  page: number;
}

/** Open hits, every list, both signals: what an analyst works through. */
export const DEFAULT_HIT_QUERY: HitQuery = { statuses: ['open'], lists: [], signal: '', q: '', page: 0 };

export const STATUS_LABELS: Readonly<Record<HitStatus, string>> = { open: 'Open', confirmed: 'Confirmed', dismissed: 'Dismissed' };

function listIds(text: string | null): number[] {
  const ids = (text ?? '')
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  return [...new Set(ids)].sort((a, b) => a - b);
}

export function hitQueryFrom(search: URLSearchParams): HitQuery {
  const raw = search.get('status');
  const statuses = raw === null ? DEFAULT_HIT_QUERY.statuses : HIT_STATUSES.filter((s) => raw.split(',').map((x) => x.trim()).includes(s));
  const signal = search.get('signal');
  const page = Number(search.get('page'));
  return {
    // "status=" (none chosen) is read as every status rather than an empty queue.
    statuses: statuses.length > 0 ? statuses : [...HIT_STATUSES],
    lists: listIds(search.get('list')),
    signal: signal === 'hard' || signal === 'soft' ? signal : '',
    q: (search.get('q') ?? '').trim(),
    page: Number.isInteger(page) && page > 0 ? page - 1 : 0,
  };
}

const sameStatuses = (a: readonly HitStatus[], b: readonly HitStatus[]) => a.length === b.length && a.every((s) => b.includes(s));

/** The page's address for a view (defaults left out; pages counted from 1). */
export function hitQueryHref(path: string, h: HitQuery): string {
  return `${path}${queryString({
    status: sameStatuses(h.statuses, DEFAULT_HIT_QUERY.statuses) ? undefined : h.statuses.join(','),
    list: h.lists.join(','),
    signal: h.signal,
    q: h.q.trim(),
    page: h.page > 0 ? h.page + 1 : undefined,
  })}`;
}

/** GET /screening/hits?… for a view. */
export function hitApiQuery(h: HitQuery, limit = HIT_PAGE_SIZE): string {
  return queryString({ status: h.statuses.join(','), list: h.lists.join(','), signal: h.signal, q: h.q.trim(), offset: h.page * limit, limit });
}

export function withHitFilter(h: HitQuery, change: Partial<Omit<HitQuery, 'page'>>): HitQuery {
  return { ...h, ...change, page: 0 };
}

/** Turns one status on or off, keeping at least one (an empty choice would show nothing). */
export function toggleStatus(statuses: readonly HitStatus[], s: HitStatus): HitStatus[] {
  const next = HIT_STATUSES.filter((x) => (x === s ? !statuses.includes(x) : statuses.includes(x)));
  return next.length > 0 ? next : [...statuses];
}

export function hitFiltersActive(h: HitQuery): boolean {
  return !sameStatuses(h.statuses, DEFAULT_HIT_QUERY.statuses) || h.lists.length > 0 || h.signal !== '' || h.q.trim() !== '';
}

// ── Owners ──────────────────────────────────────────────────────────────────────────────────────────

/** Who may record or remove a supplier's owners: whoever may change the supplier data. */
export const OWNER_ACCESS = 'suppliers.import' as const;

export interface OwnerDraft {
  name: string;
  type: 'person' | 'company';
  /** ISO alpha-2, or ''. */
  country: string;
  /** A company number, or '' (a person's is not asked for). */
  identifier: string;
}

export const EMPTY_OWNER: OwnerDraft = { name: '', type: 'company', country: '', identifier: '' };

export interface OwnerBody {
  name: string;
  type: 'person' | 'company';
  countries?: string[];
  identifiers?: Identifier[];
}

/** The body of POST /suppliers/:id/owners, or the problems to show next to each field. */
export function ownerBody(d: OwnerDraft): { body: OwnerBody; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = d.name.trim();
  if (!name) errors.name = 'Enter the owner’s name.';
  else if (name.length > 300) errors.name = 'Use at most 300 characters.';
  const body: OwnerBody = { name, type: d.type };
  if (d.country) body.countries = [d.country];
  const id = d.identifier.trim();
  if (id && d.type === 'company') body.identifiers = [{ scheme: 'company_number', value: id, ...(d.country ? { country: d.country } : {}) }];
  return { body, errors };
}

// ── Runs ────────────────────────────────────────────────────────────────────────────────────────────

const RUN_REASONS: Readonly<Record<ScreeningRun['reason'], string>> = {
  import: 'after an import',
  'list-change': 'after a list changed',
  manual: 'started by hand',
};

/** "120 parties screened, 7 hits (2 new, 1 changed, 1 no longer matching), after an import." */
export function runSentence(r: ScreeningRun): string {
  const why = RUN_REASONS[r.reason];
  if (r.status === 'running') return `Screening is running (${why}, started ${formatDate(r.startedAt)}).`;
  if (r.status === 'failed') return `The last screening failed (${why})${r.error ? `: ${r.error}` : ''}. The hits from the run before it stand.`;
  const gone = r.goneHits > 0 ? `, ${formatInteger(r.goneHits)} no longer matching` : '';
  return `${plural(r.subjects, 'party', 'parties')} screened, ${plural(r.hits, 'hit')} (${formatInteger(r.newHits)} new, ${formatInteger(r.changedHits)} changed${gone}), ${why}.`;
}

/** The lists and editions a run screened against: "br-mte-slavery 2025-04, our-list 1". */
export function runLists(r: Pick<ScreeningRun, 'lists'>, names: ReadonlyMap<string, string> = new Map()): { slug: string; name: string; edition: string }[] {
  return Object.entries(r.lists)
    .map(([slug, edition]) => ({ slug, name: names.get(slug) ?? slug, edition }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
