// Screening use cases: screening every supplier, site and known owner of an organisation against the active
// watchlists (after an import, when a list changes, or when asked), the hit queue with side-by-side
// explanations, analysts' reviews (audited), alerts for new and changed hits, runs, owners, and screening or
// comparing names on request. Every use case runs in the organisation's tenant scope.
//
// A run matches outside any transaction, then writes all it found in one: hits, alerts, its own 'done' status
// and the suppliers' risk rollup commit together or not at all. Its screening_runs row is written first, so a
// run whose process died still says 'running', and the next start marks it failed; the hits stay as the
// previous run left them. Runs of one organisation take turns (a queue here, the import lock across processes).
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { appendAudit } from '../audit/repo.ts';
import type { TenantRunner } from '../db/tenant.ts';
import type { Db } from '../db/client.ts';
import { compare } from '../match/index.ts';
import type { EntityType, Identifier, MatchEntity, MatchResult } from '../match/types.ts';
import { refoldListHits } from '../suppliers/portfolio.ts';
import { lockImports, type PhaseProgress, type SupplierService, tryLockImports, type Who } from '../suppliers/service.ts';
import { WatchlistError, type WatchlistChange, type WatchlistService } from '../watchlists/service.ts';
import type { ActiveList } from '../watchlists/types.ts';
import { ListIndexes, searchLists, type SearchListsOptions } from './lists.ts';
import { decide, type FoundPair, reconcile } from './reconcile.ts';
import {
  deleteOwner,
  findHit,
  findRun,
  finishRun,
  type HitQuery,
  hitCounts,
  insertAlerts,
  insertHits,
  insertOwner,
  insertReopenings,
  insertReview,
  insertRun,
  listAlerts,
  listHits,
  listOwners,
  listRuns,
  loadSuppliers,
  markAlertsSeen,
  markGone,
  markRunsInterrupted,
  markSubjectGone,
  organisationsWithSuppliers,
  reviewsOf,
  type RunCounts,
  runningRuns,
  setStatus,
  storedPairs,
  supplierExists,
  updateFound,
} from './repo.ts';
import { type Subject, subjectsOf } from './subjects.ts';
import type { Alert, Decision, HitDetail, HitRow, Owner, Run, RunReason, ScreenHit, Summary } from './types.ts';

export type ScreeningErrorKind = 'not-found' | 'invalid' | 'conflict';
export class ScreeningError extends Error {
  constructor(
    readonly kind: ScreeningErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ScreeningError';
  }
}

export interface ScreenOptions {
  /** Slugs of the lists to screen against (default: every active list the organisation sees). */
  lists?: readonly string[];
  /** Overrides every list's threshold. */
  threshold?: number;
}

export interface OwnerInput {
  name: string;
  type: EntityType;
  countries?: readonly string[];
  identifiers?: readonly Identifier[];
}

/** Subjects matched between two yields to the event loop, so that requests are served during a long run. */
const YIELD_EVERY = 500;
const RUNS_SHOWN = 50;
const ALERTS_SHOWN = 500;
const INTERRUPTED = 'interrupted: Vigil stopped before the screening run finished, so the hits stay as the previous run left them';

export class ScreeningService {
  private readonly indexes = new ListIndexes();
  /** Runs this process has started and not finished, by id. */
  private readonly running = new Set<number>();
  /** The tail of each organisation's queue of runs. */
  private readonly queues = new Map<number, Promise<unknown>>();
  private readonly jobs = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly tenant: TenantRunner,
    private readonly deps: { watchlists: WatchlistService; suppliers: SupplierService },
  ) {}

  // ── Start-up and hooks ──────────────────────────────────────────────────────────────────────────────

  /** Marks runs a process that died left 'running' as failed (their hits were never committed). */
  async recoverInterrupted(): Promise<number> {
    const stale = (await runningRuns(this.db)).filter((r) => !this.running.has(r.id));
    const byOrg = new Map<number, number[]>();
    for (const r of stale) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r.id]);
    let marked = 0;
    for (const [orgId, ids] of byOrg) {
      marked += await this.tenant(orgId, async (tx) => {
        // On a server, a run still writing in another process holds the organisation's lock.
        if (!(await tryLockImports(tx, orgId))) return 0;
        await markRunsInterrupted(tx, orgId, ids, INTERRUPTED);
        return ids.length;
      });
    }
    return marked;
  }

  /** SupplierService's AfterImport: screens the organisation in the import's job, once the import committed. */
  async afterImport(who: Who, onProgress?: (p: PhaseProgress) => void): Promise<void> {
    await this.screenOrganisation(who.orgId, 'import', { who, onProgress: onProgress && ((p) => onProgress({ phase: 'screening', ...p })) });
  }

  /**
   * WatchlistService's change listener: re-screens the organisation whose list changed, or, for a shared list,
   * every organisation with suppliers. Alerts come only from new or changed hits.
   */
  async onListChange(change: WatchlistChange): Promise<void> {
    const orgs = change.orgId === null ? await organisationsWithSuppliers(this.db) : [change.orgId];
    for (const orgId of orgs) await this.screenOrganisation(orgId, 'list-change');
  }

  /** Waits for the runs this process started in the background (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await Promise.allSettled([...this.jobs]);
  }

  // ── Runs ────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Screens every subject of the organisation against its active lists and waits for the end. Never throws:
   * a run that fails is recorded as failed, with the error, and the hits stay as they were.
   */
  async screenOrganisation(orgId: number, reason: RunReason, opts: { who?: Who; onProgress?: (p: { done: number; total: number }) => void } = {}): Promise<Run> {
    const run = await this.begin(orgId, reason, opts.who ?? null);
    return this.enqueue(orgId, () => this.execute(orgId, run, opts.who ?? null, opts.onProgress));
  }

  /** Starts re-screening the organisation in the background (POST /screening/runs); poll the runs for the end. */
  async startRun(who: Who): Promise<Run> {
    const run = await this.begin(who.orgId, 'manual', who);
    void this.enqueue(who.orgId, () => this.execute(who.orgId, run, who));
    return run;
  }

  async runs(who: Who): Promise<Run[]> {
    return this.tenant(who.orgId, (tx) => listRuns(tx, who.orgId, RUNS_SHOWN));
  }

  private async begin(orgId: number, reason: RunReason, who: Who | null): Promise<Run> {
    const run = await this.tenant(orgId, (tx) => insertRun(tx, orgId, reason, who?.label ?? 'system'));
    this.running.add(run.id);
    return run;
  }

  /** Runs fn after the organisation's earlier runs; tracked so that idle() waits for it. */
  private enqueue<T>(orgId: number, fn: () => Promise<T>): Promise<T> {
    const job = (this.queues.get(orgId) ?? Promise.resolve()).then(fn);
    const tail = job.catch(() => {});
    this.queues.set(orgId, tail);
    const tracked = tail.finally(() => {
      this.jobs.delete(tracked);
      if (this.queues.get(orgId) === tail) this.queues.delete(orgId);
    });
    this.jobs.add(tracked);
    return job;
  }

  private async execute(orgId: number, run: Run, who: Who | null, onProgress?: (p: { done: number; total: number }) => void): Promise<Run> {
    try {
      const lists = await this.deps.watchlists.activeEntities(orgId);
      const indexed = this.indexes.of(lists);
      const suppliers = await this.tenant(orgId, (tx) => loadSuppliers(tx, orgId));
      const subjects = suppliers.flatMap(subjectsOf);
      const found: FoundPair[] = [];
      for (let i = 0; i < subjects.length; i++) {
        const subject = subjects[i]!;
        for (const hit of searchLists(indexed, subject.entity)) found.push(pairOf(subject, hit));
        if ((i + 1) % YIELD_EVERY === 0) {
          onProgress?.({ done: i + 1, total: subjects.length });
          await yieldToEvents();
        }
      }
      onProgress?.({ done: subjects.length, total: subjects.length });
      const weights = await this.deps.suppliers.weightsOf(orgId);
      return await this.tenant(orgId, async (tx) => {
        await lockImports(tx, orgId);
        const stored = await storedPairs(tx, orgId);
        const plan = reconcile(stored, found);
        const createdIds = await insertHits(tx, orgId, plan.created);
        await updateFound(tx, orgId, plan.seen, false);
        await updateFound(tx, orgId, plan.changed.map((c) => ({ id: c.id, found: c.found, status: c.reopen ? 'open' : c.was })), true);
        await markGone(tx, orgId, plan.gone);
        await insertReopenings(tx, orgId, plan.changed.filter((c) => c.reopen));
        await insertAlerts(tx, orgId, run.id, [...createdIds.map((hitId) => ({ hitId, kind: 'new' as const })), ...plan.changed.map((c) => ({ hitId: c.id, kind: 'changed' as const }))]);
        // The rollup of every supplier whose list hits changed: new, changed or gone hits, and known ones found
        // with another score or in another edition (the explanation cites it).
        const byId = new Map(stored.map((s) => [s.id, s]));
        const affected = new Set<number>([...plan.created, ...plan.changed.map((c) => c.found)].map((f) => f.subject.supplierId));
        for (const id of plan.gone) affected.add(byId.get(id)!.supplierId);
        for (const { id, found: f } of plan.seen) {
          const s = byId.get(id)!;
          if (s.versionId !== f.versionId || Math.abs(s.score - f.result.score) > 1e-4) affected.add(s.supplierId);
        }
        await refoldListHits(tx, orgId, weights, [...affected]);
        const counts: RunCounts = {
          subjects: subjects.length,
          hits: plan.created.length + plan.seen.length + plan.changed.length,
          newHits: plan.created.length,
          changedHits: plan.changed.length,
          goneHits: plan.gone.length,
          lists: Object.fromEntries(lists.map((l) => [l.watchlist.slug, l.version.edition])),
        };
        const done = await finishRun(tx, orgId, run.id, 'done', counts, null);
        await appendAudit(tx, orgId, {
          actorUserId: who?.userId ?? null, actor: who?.label ?? 'system', ip: who?.ip ?? null, action: 'screening.screened',
          entityType: 'screening_run', entityId: run.id, after: { reason: run.reason, ...counts },
        });
        return done;
      });
    } catch (err) {
      const error = `${err instanceof Error ? err.message : String(err)}; the hits stay as the previous run left them`;
      return this.tenant(orgId, (tx) => finishRun(tx, orgId, run.id, 'failed', null, error));
    } finally {
      this.running.delete(run.id);
    }
  }

  // ── Hits, reviews, alerts ───────────────────────────────────────────────────────────────────────────

  async summary(who: Who): Promise<Summary> {
    return this.tenant(who.orgId, async (tx) => ({ ...(await hitCounts(tx, who.orgId)), lastRun: (await listRuns(tx, who.orgId, 1))[0] ?? null }));
  }

  async hits(who: Who, q: HitQuery): Promise<{ total: number; items: HitRow[] }> {
    return this.tenant(who.orgId, (tx) => listHits(tx, who.orgId, q));
  }

  /** The supplier page's part: the supplier's current hits (on itself, its sites and owners) and its owners. */
  async supplierPart(who: Who, supplierId: number): Promise<{ listHits: HitRow[]; owners: Owner[] }> {
    return this.tenant(who.orgId, async (tx) => ({
      listHits: (await listHits(tx, who.orgId, { status: ['open', 'confirmed', 'dismissed'], supplierId, offset: 0, limit: 500 })).items,
      owners: await listOwners(tx, who.orgId, supplierId),
    }));
  }

  async hit(who: Who, id: number): Promise<HitDetail> {
    const found = await this.tenant(who.orgId, async (tx) => {
      const h = await findHit(tx, who.orgId, id);
      return h && { h, reviews: await reviewsOf(tx, who.orgId, id) };
    });
    if (!found) throw new ScreeningError('not-found', 'No such hit in this organisation.');
    const { versionId, subjectFingerprint: _s, entityFingerprint: _e, ...rest } = found.h;
    // The list as the organisation sees it now, and the version the hit was last found in.
    const { watchlist, versions } = await this.deps.watchlists.get(who.orgId, rest.entity.watchlistId);
    return { ...rest, watchlist, version: versions.find((v) => v.id === versionId)!, reviews: found.reviews };
  }

  /**
   * An analyst's decision on a hit, with the reason: confirm, dismiss, or reopen a decided one. Recorded in the
   * hit's history with what was reviewed (both fingerprints) and in the audit trail; the supplier's risk follows.
   */
  async review(who: Who, id: number, decision: Decision, reason: string): Promise<HitDetail> {
    const text = reason.trim();
    if (text.length < 3) throw new ScreeningError('invalid', 'Give a reason of at least 3 characters: it is kept with the decision.');
    const weights = await this.deps.suppliers.weightsOf(who.orgId);
    await this.tenant(who.orgId, async (tx) => {
      const h = await findHit(tx, who.orgId, id, true);
      if (!h) throw new ScreeningError('not-found', 'No such hit in this organisation.');
      const next = decide(h.status, decision);
      if ('refused' in next) throw new ScreeningError('conflict', next.refused);
      await setStatus(tx, who.orgId, id, next.status);
      await insertReview(tx, who.orgId, {
        hitId: id, decision, reason: text, reviewerId: who.userId, reviewer: who.label, subjectFingerprint: h.subjectFingerprint, entityFingerprint: h.entityFingerprint,
      });
      await appendAudit(tx, who.orgId, {
        actorUserId: who.userId, actor: who.label, ip: who.ip, action: `screening.hit_${next.status === 'open' ? 'reopened' : next.status}`, entityType: 'screening_hit', entityId: id,
        before: { status: h.status },
        after: { status: next.status, reason: text, hard: h.hard, score: h.score, list: h.entity.list, entity: { key: h.entity.key, name: h.entity.name }, subject: { kind: h.subject.kind, id: h.subject.id, name: h.subject.name, supplierId: h.subject.supplierId } },
      });
      await refoldListHits(tx, who.orgId, weights, [h.subject.supplierId]);
    });
    return this.hit(who, id);
  }

  async alerts(who: Who, unseen: boolean): Promise<Alert[]> {
    return this.tenant(who.orgId, (tx) => listAlerts(tx, who.orgId, unseen, ALERTS_SHOWN));
  }

  async markSeen(who: Who, ids: readonly number[]): Promise<void> {
    await this.tenant(who.orgId, (tx) => markAlertsSeen(tx, who.orgId, ids));
  }

  // ── Screening and comparing on request ──────────────────────────────────────────────────────────────

  /** Each entity's hits on the organisation's active lists (or the given ones). */
  async screen(orgId: number, entities: readonly MatchEntity[], opts: ScreenOptions = {}): Promise<ScreenHit[][]> {
    const search: SearchListsOptions = { threshold: opts.threshold };
    const indexed = this.indexes.of(await this.activeLists(orgId, opts.lists));
    const out: ScreenHit[][] = [];
    for (let i = 0; i < entities.length; i++) {
      out.push(searchLists(indexed, entities[i]!, search).sort((a, b) => b.result.score - a.result.score));
      if ((i + 1) % YIELD_EVERY === 0) await yieldToEvents();
    }
    return out;
  }

  /** The active lists of the organisation, as screening reads them: ActiveList with the slugs checked. */
  async activeLists(orgId: number, slugs?: readonly string[]): Promise<ActiveList[]> {
    try {
      return await this.deps.watchlists.activeEntities(orgId, slugs);
    } catch (err) {
      if (err instanceof WatchlistError && err.kind === 'not-found') throw new ScreeningError('invalid', err.message);
      throw err;
    }
  }

  compare(a: MatchEntity, b: MatchEntity, threshold?: number): MatchResult {
    return compare(a, b, { threshold });
  }

  // ── Owners ──────────────────────────────────────────────────────────────────────────────────────────

  async owners(who: Who, supplierId: number): Promise<Owner[]> {
    return this.tenant(who.orgId, async (tx) => {
      if (!(await supplierExists(tx, who.orgId, supplierId))) throw new ScreeningError('not-found', 'No such supplier in this organisation.');
      return listOwners(tx, who.orgId, supplierId);
    });
  }

  /** Adds a known owner (audited) and re-screens the organisation in the background, so the owner is screened. */
  async addOwner(who: Who, supplierId: number, input: OwnerInput): Promise<Owner> {
    const owner = await this.tenant(who.orgId, async (tx) => {
      if (!(await supplierExists(tx, who.orgId, supplierId))) throw new ScreeningError('not-found', 'No such supplier in this organisation.');
      const o = await insertOwner(tx, who.orgId, {
        supplierId, name: input.name.trim(), type: input.type, countries: [...new Set(input.countries ?? [])], identifiers: input.identifiers ?? [], createdBy: who.label,
      });
      await appendAudit(tx, who.orgId, { actorUserId: who.userId, actor: who.label, ip: who.ip, action: 'suppliers.owner_added', entityType: 'supplier', entityId: supplierId, after: o });
      return o;
    });
    await this.startRun(who);
    return owner;
  }

  /** Removes an owner (audited); its hits are marked gone, their reviews kept, and the supplier's risk follows. */
  async deleteOwner(who: Who, supplierId: number, ownerId: number): Promise<void> {
    const weights = await this.deps.suppliers.weightsOf(who.orgId);
    await this.tenant(who.orgId, async (tx) => {
      const gone = await deleteOwner(tx, who.orgId, supplierId, ownerId);
      if (!gone) throw new ScreeningError('not-found', 'No such owner of this supplier in this organisation.');
      await markSubjectGone(tx, who.orgId, 'owner', ownerId);
      await refoldListHits(tx, who.orgId, weights, [supplierId]);
      await appendAudit(tx, who.orgId, { actorUserId: who.userId, actor: who.label, ip: who.ip, action: 'suppliers.owner_removed', entityType: 'supplier', entityId: supplierId, before: gone });
    });
  }

  /** One run, for callers that started it (the command line prints it). */
  async run(orgId: number, id: number): Promise<Run | null> {
    return this.tenant(orgId, (tx) => findRun(tx, orgId, id));
  }
}

function pairOf(subject: Subject, hit: ScreenHit): FoundPair {
  return {
    subject,
    watchlistId: hit.watchlist.id,
    versionId: hit.version.id,
    entityKey: hit.entity.key,
    entityId: hit.entity.id,
    entityName: hit.entity.name,
    entityFingerprint: hit.entity.fingerprint,
    hard: hit.watchlist.signal === 'hard',
    result: hit.result,
  };
}
