// Watchlist use cases: the lists an organisation sees (shared ones and its own), their versions and entities,
// importing a new version, defining lists and setting thresholds, and telling screening when a list changed.
//
// Shared lists (org_id NULL) are written by the operator only, at the command line, with the owner's connection;
// an organisation's own lists are written in its tenant scope. An import is one transaction: the version, its
// entities and the switch of the active version commit together, so a bad file (WatchlistFileError) or a
// killed process leaves the old version active.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import type { Readable } from 'node:stream';
import { appendAudit } from '../audit/repo.ts';
import type { Db } from '../db/client.ts';
import { type TenantRunner, tenantRunner } from '../db/tenant.ts';
import type { KnowledgeBase } from '../knowledge/service.ts';
import type { Who } from '../suppliers/service.ts';
import { newUploadId, receiveUpload, removeUpload, UploadTooLarge } from '../suppliers/uploads.ts';
import { BUNDLED_WATCHLISTS_DIR, bundledEditions } from './bundled.ts';
import { CATALOGUE } from './catalogue.ts';
import { readWatchlistFile } from './importers/index.ts';
import {
  activateVersion,
  editionsOf,
  entitiesAfter,
  findBySlug,
  findWatchlist,
  insertEntities,
  insertSharedIfAbsent,
  insertVersion,
  insertWatchlist,
  listVersions,
  listWatchlists,
  lockWatchlist,
  type Scope,
  searchEntities,
  slugTaken,
  updateListThreshold,
  writeOverride,
} from './repo.ts';
import type { ActiveList, StoredEntity, TableMapping, Watchlist, WatchlistDefinition, WatchlistFormat, WatchlistIssue, WatchlistVersionInfo } from './types.ts';

export type WatchlistErrorKind = 'not-found' | 'forbidden' | 'invalid' | 'conflict' | 'too-large';
export class WatchlistError extends Error {
  constructor(
    readonly kind: WatchlistErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'WatchlistError';
  }
}

/** A list file with errors: nothing of it was stored and the active version is unchanged. */
export class WatchlistFileError extends Error {
  constructor(readonly issues: WatchlistIssue[]) {
    super(`${issues.length}${issues.length >= ISSUE_CAP ? '+' : ''} problem${issues.length === 1 ? '' : 's'} in the file; nothing was imported and the active version is unchanged:\n${issues.slice(0, 20).map(formatWatchlistIssue).join('\n')}${issues.length > 20 ? `\n… and ${issues.length - 20} more` : ''}`);
    this.name = 'WatchlistFileError';
  }
}

/** "list.csv, line 7, field "CNPJ/CPF" ("12.345"): message". */
export function formatWatchlistIssue(i: WatchlistIssue): string {
  const where = [i.file, `line ${i.line}`, i.field !== null ? `field "${i.field}"` : null, i.value !== null ? `value "${i.value}"` : null].filter(Boolean).join(', ');
  return `${where}: ${i.message}`;
}

export interface WatchlistChange {
  watchlistId: number;
  /** The organisation whose view changed; null for a shared list (every organisation). */
  orgId: number | null;
  versionId: number | null;
  reason: 'version' | 'threshold';
}

export interface ImportFile {
  path: string;
  /** The file's name as the user knows it, for messages and the version's record. */
  fileName: string;
  format: WatchlistFormat;
  mapping?: TableMapping;
  /** Default: the publication date, else today's date (with -2, -3 … when that edition exists). */
  edition?: string;
  publishedOn?: string;
  /** Operator imports only: who the version record names (default cli:<os user>; 'bundled' for editions shipped with Vigil). */
  importedBy?: string;
}

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  entities: number;
}

/** A new version and the warnings its file earned (the first 1,000). */
export type WatchlistImport = WatchlistVersionInfo & { warningIssues: WatchlistIssue[] };

export interface EntityQuery {
  q?: string;
  offset: number;
  limit: number;
}

const ISSUE_CAP = 1_000;
const BATCH = 5_000;
const ENTITY_PAGE = 20_000;
/** Entities held in memory across cached versions: screening reads a version once, not per organisation. */
const CACHE_ENTITIES = 2_000_000;

const operatorLabel = () => `cli:${userInfo().username}`;

/** Defines the catalogue's shared lists not yet in the database (at database preparation); returns their slugs. */
export async function defineCatalogue(db: Db): Promise<string[]> {
  return db.transaction((tx) => insertSharedIfAbsent(tx, CATALOGUE));
}

/** Database preparation: the catalogue's lists, then the bundled editions of lists that have no version yet. */
export async function prepareWatchlists(db: Db, kb: KnowledgeBase, dir = BUNDLED_WATCHLISTS_DIR): Promise<string[]> {
  await defineCatalogue(db);
  return new WatchlistService(db, tenantRunner(db), kb, { uploadsDir: tmpdir() }).loadBundled(dir);
}

export class WatchlistService {
  private readonly listeners: ((change: WatchlistChange) => Promise<void>)[] = [];
  /** Entities by version id; a version's entities never change once committed. */
  private readonly cache = new Map<number, Promise<StoredEntity[]>>();
  private readonly cacheSizes = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly tenant: TenantRunner,
    private readonly kb: KnowledgeBase,
    /** Folder where uploaded list files wait while they are imported. */
    private readonly opts: { uploadsDir: string },
  ) {}

  /** Screening's hook: called after a version became active or a threshold changed, once the change is committed. */
  onChange(listener: (change: WatchlistChange) => Promise<void>): void {
    this.listeners.push(listener);
  }

  /**
   * Loads each bundled edition (reference/watchlists) into its shared list while the list has no version at all,
   * so an operator's import is never displaced; returns "<slug> <edition>" of each one loaded.
   */
  async loadBundled(dir = BUNDLED_WATCHLISTS_DIR): Promise<string[]> {
    const loaded: string[] = [];
    for (const m of bundledEditions(dir)) {
      const list = await findBySlug(this.db, 'operator', m.slug);
      if (!list || (await listVersions(this.db, 'operator', list.id)).length > 0) continue;
      if ((await fileHash(m.path)) !== m.sha256) throw new Error(`bundled ${m.slug} edition ${m.edition}: ${m.file} does not match the checksum in its manifest`);
      try {
        await this.importFile('operator', list.id, { path: m.path, fileName: m.file, format: 'ftm', edition: m.edition, publishedOn: m.publishedOn ?? undefined, importedBy: 'bundled' });
        loaded.push(`${m.slug} ${m.edition}`);
      } catch (err) {
        // Another process starting at the same moment loaded it first.
        if (!(err instanceof WatchlistError && err.kind === 'conflict')) throw err;
      }
    }
    return loaded;
  }

  // ── Reading ─────────────────────────────────────────────────────────────────────────────────────────

  /** Shared lists and the organisation's own; threshold is the organisation's override where it set one. */
  async lists(orgId: number): Promise<Watchlist[]> {
    return this.tenant(orgId, (tx) => listWatchlists(tx, { orgId }));
  }

  /** The shared lists, as the operator sees them. */
  async sharedLists(): Promise<Watchlist[]> {
    return listWatchlists(this.db, 'operator');
  }

  async get(orgId: number, id: number): Promise<{ watchlist: Watchlist; versions: WatchlistVersionInfo[] }> {
    return this.tenant(orgId, async (tx) => {
      const found = await findWatchlist(tx, { orgId }, id);
      if (!found) throw notFound(id);
      const { orgId: _o, ...watchlist } = found;
      return { watchlist, versions: await listVersions(tx, { orgId }, id) };
    });
  }

  async versions(orgId: number, id: number): Promise<WatchlistVersionInfo[]> {
    return (await this.get(orgId, id)).versions;
  }

  /** One page of the active version's entities, optionally those whose name, alias, key or identifier contains q. */
  async entities(orgId: number, id: number, q: EntityQuery): Promise<{ total: number; items: StoredEntity[] }> {
    return this.tenant(orgId, async (tx) => {
      const found = await findWatchlist(tx, { orgId }, id);
      if (!found) throw notFound(id);
      if (!found.activeVersion) return { total: 0, items: [] };
      return searchEntities(tx, found.activeVersion.id, q);
    });
  }

  /** Every list the organisation sees that has an active version (or those of the given slugs), with all its entities. */
  async activeEntities(orgId: number, slugs?: readonly string[]): Promise<ActiveList[]> {
    const lists = await this.lists(orgId);
    if (slugs) {
      const unknown = slugs.filter((s) => !lists.some((l) => l.slug === s));
      if (unknown.length > 0) throw new WatchlistError('not-found', `no watchlist ${unknown.map((s) => `"${s}"`).join(', ')}; the lists are ${lists.map((l) => l.slug).join(', ')}`);
    }
    const chosen = lists.filter((l) => l.activeVersion && (!slugs || slugs.includes(l.slug)));
    const out: ActiveList[] = [];
    for (const watchlist of chosen) {
      const version = watchlist.activeVersion!;
      out.push({ watchlist, version, entities: await this.versionEntities(orgId, version) });
    }
    return out;
  }

  private versionEntities(orgId: number, version: WatchlistVersionInfo): Promise<StoredEntity[]> {
    let cached = this.cache.get(version.id);
    if (!cached) {
      cached = this.tenant(orgId, async (tx) => {
        const all: StoredEntity[] = [];
        for (let after = 0; after < version.entities; after += ENTITY_PAGE) for (const e of await entitiesAfter(tx, version.id, after, ENTITY_PAGE)) all.push(e);
        return all;
      });
      this.cache.set(version.id, cached);
      this.cacheSizes.set(version.id, version.entities);
      cached.catch(() => this.forget(version.id));
      this.evict(version.id);
    }
    return cached;
  }

  private forget(versionId: number): void {
    this.cache.delete(versionId);
    this.cacheSizes.delete(versionId);
  }

  /** Drops the versions read longest ago until the cache holds CACHE_ENTITIES or only the newest one. */
  private evict(keep: number): void {
    let total = [...this.cacheSizes.values()].reduce((a, b) => a + b, 0);
    for (const [id, size] of this.cacheSizes) {
      if (total <= CACHE_ENTITIES) break;
      if (id === keep) continue;
      this.forget(id);
      total -= size;
    }
  }

  // ── Defining lists and thresholds ───────────────────────────────────────────────────────────────────

  /** An organisation's own list, empty until a version is imported. */
  async createList(by: Who, def: WatchlistDefinition): Promise<Watchlist> {
    checkDefinition(def);
    const watchlist = await this.tenant(by.orgId, async (tx) => {
      if (await slugTaken(tx, by.orgId, def.slug)) throw new WatchlistError('conflict', `a watchlist "${def.slug}" already exists (shared or your organisation's): choose another slug`);
      const id = await insertWatchlist(tx, by.orgId, def);
      await appendAudit(tx, by.orgId, { actorUserId: by.userId, actor: by.label, ip: by.ip, action: 'watchlists.created', entityType: 'watchlist', entityId: id, after: def });
      return (await findWatchlist(tx, { orgId: by.orgId }, id))!;
    });
    const { orgId: _o, ...out } = watchlist;
    return out;
  }

  /** A new shared list (the operator's `vigil watchlist define`). */
  async defineShared(def: WatchlistDefinition): Promise<Watchlist> {
    checkDefinition(def);
    return this.db.transaction(async (tx) => {
      if (await slugTaken(tx, null, def.slug)) throw new WatchlistError('conflict', `a watchlist "${def.slug}" already exists (shared, or an organisation's own): choose another slug`);
      const id = await insertWatchlist(tx, null, def);
      await appendAudit(tx, 0, { actorUserId: null, actor: operatorLabel(), action: 'watchlists.defined', entityType: 'watchlist', entityId: id, after: def });
      return (await findBySlug(tx, 'operator', def.slug))!;
    });
  }

  /**
   * The organisation's threshold for a list: its own list's threshold, or its override of a shared list's
   * ('operator' sets a shared list's own threshold).
   */
  async setThreshold(by: Who | 'operator', id: number, value: number): Promise<Watchlist> {
    if (!(value > 0 && value <= 1)) throw new WatchlistError('invalid', `a threshold is between 0 and 1 (e.g. 0.85), not ${value}`);
    let change: WatchlistChange;
    let out: Watchlist;
    if (by === 'operator') {
      out = await this.db.transaction(async (tx) => {
        const found = await findWatchlist(tx, 'operator', id);
        if (!found) throw notFound(id);
        await updateListThreshold(tx, id, value);
        await appendAudit(tx, 0, { actorUserId: null, actor: operatorLabel(), action: 'watchlists.threshold_set', entityType: 'watchlist', entityId: id, before: { threshold: found.threshold }, after: { threshold: value } });
        const { orgId: _o, ...w } = (await findWatchlist(tx, 'operator', id))!;
        return w;
      });
      change = { watchlistId: id, orgId: null, versionId: out.activeVersion?.id ?? null, reason: 'threshold' };
    } else {
      out = await this.tenant(by.orgId, async (tx) => {
        const found = await findWatchlist(tx, { orgId: by.orgId }, id);
        if (!found) throw notFound(id);
        if (found.orgId === null) await writeOverride(tx, by.orgId, id, value);
        else await updateListThreshold(tx, id, value);
        await appendAudit(tx, by.orgId, {
          actorUserId: by.userId, actor: by.label, ip: by.ip, action: found.orgId === null ? 'watchlists.threshold_override_set' : 'watchlists.threshold_set',
          entityType: 'watchlist', entityId: id, before: { threshold: found.threshold }, after: { threshold: value, slug: found.slug },
        });
        const { orgId: _o, ...w } = (await findWatchlist(tx, { orgId: by.orgId }, id))!;
        return w;
      });
      change = { watchlistId: id, orgId: by.orgId, versionId: out.activeVersion?.id ?? null, reason: 'threshold' };
    }
    await this.notify(change);
    return out;
  }

  /** The shared list of a slug, for the operator's commands. */
  async sharedBySlug(slug: string): Promise<Watchlist> {
    const found = await findBySlug(this.db, 'operator', slug);
    if (!found) throw new WatchlistError('not-found', `no shared watchlist "${slug}"; define it first with \`vigil watchlist define\``);
    return found;
  }

  // ── Importing a version ─────────────────────────────────────────────────────────────────────────────

  /**
   * Reads a list file into a new version of the list and makes it the active one, all or nothing. A file with
   * any error throws WatchlistFileError naming every problem (file, line, field, value) and stores nothing.
   * Organisations import into their own lists; shared lists take imports from the operator only.
   */
  async importFile(by: Who | 'operator', watchlistId: number, file: ImportFile, onProgress?: (p: ImportProgress) => void): Promise<WatchlistImport> {
    checkImportOptions(file);
    const scope: Scope = by === 'operator' ? 'operator' : { orgId: by.orgId };
    const actor = by === 'operator' ? (file.importedBy ?? operatorLabel()) : by.label;
    const sha256 = await fileHash(file.path);
    const countries = await this.kb.countryResolver();
    const run = async (tx: Db): Promise<{ version: WatchlistImport; orgId: number | null }> => {
      const list = await findWatchlist(tx, scope, watchlistId);
      if (!list) throw notFound(watchlistId);
      if (by !== 'operator' && list.orgId === null) throw new WatchlistError('forbidden', `"${list.slug}" is shared with every organisation: only the operator imports its versions (vigil watchlist import)`);
      await lockWatchlist(tx, watchlistId);
      const edition = await this.chooseEdition(tx, watchlistId, file);
      const versionId = await insertVersion(tx, { watchlistId, orgId: list.orgId, edition, publishedOn: file.publishedOn ?? null, importedBy: actor, fileName: file.fileName, sha256, format: file.format });
      const errors: WatchlistIssue[] = [];
      const warnings: WatchlistIssue[] = [];
      let warningCount = 0;
      let stored = 0;
      for await (const batch of readWatchlistFile(file.path, file.format, { file: file.fileName, countries, mapping: file.mapping })) {
        for (const e of batch.errors) if (errors.length < ISSUE_CAP) errors.push(e);
        warningCount += batch.warnings.length;
        for (const w of batch.warnings) if (warnings.length < ISSUE_CAP) warnings.push(w);
        // After the first error nothing more is stored (the transaction rolls back), but the file is read to
        // its end so that every problem is named at once.
        if (errors.length === 0) {
          for (let i = 0; i < batch.entities.length; i += BATCH) {
            const slice = batch.entities.slice(i, i + BATCH);
            await insertEntities(tx, versionId, list.orgId, stored + 1, slice);
            stored += slice.length;
          }
        }
        onProgress?.({ bytes: batch.bytesRead, totalBytes: batch.totalBytes, entities: stored });
      }
      if (errors.length === 0 && stored === 0) errors.push({ file: file.fileName, line: 1, field: null, value: null, message: 'the file lists no entity' });
      if (errors.length > 0) throw new WatchlistFileError(errors);
      const version = await activateVersion(tx, watchlistId, versionId, { entities: stored, warnings: warningCount });
      const event = {
        actorUserId: by === 'operator' ? null : by.userId, actor, ip: by === 'operator' ? null : by.ip,
        action: 'watchlists.version_imported', entityType: 'watchlist', entityId: watchlistId,
        before: { activeVersion: list.activeVersion ? { id: list.activeVersion.id, edition: list.activeVersion.edition } : null },
        after: { slug: list.slug, versionId, edition, file: file.fileName, format: file.format, sha256, entities: stored, warnings: warningCount },
      };
      await appendAudit(tx, list.orgId ?? 0, event);
      return { version: { ...version, warningIssues: warnings }, orgId: list.orgId };
    };
    const { version, orgId } = by === 'operator' ? await this.db.transaction(run) : await this.tenant(by.orgId, run);
    await this.notify({ watchlistId, orgId, versionId: version.id, reason: 'version' });
    return version;
  }

  /** A list file sent as a request body: streamed to disk (size-limited), imported, then removed. */
  async importUpload(by: Who, watchlistId: number, body: Readable, file: Omit<ImportFile, 'path'>): Promise<WatchlistImport> {
    // Refused before the body is read: an organisation never uploads into a list it cannot write.
    const found = await this.tenant(by.orgId, (tx) => findWatchlist(tx, { orgId: by.orgId }, watchlistId));
    if (!found) throw notFound(watchlistId);
    if (found.orgId === null) throw new WatchlistError('forbidden', `"${found.slug}" is shared with every organisation: only the operator imports its versions (vigil watchlist import)`);
    checkImportOptions(file);
    const id = newUploadId();
    try {
      const received = await receiveUpload(body, this.opts.uploadsDir, id, file.fileName).catch((err: unknown) => {
        if (err instanceof UploadTooLarge) throw new WatchlistError('too-large', `${file.fileName}: ${err.message}`);
        throw err;
      });
      return await this.importFile(by, watchlistId, { ...file, path: received.path });
    } finally {
      await removeUpload(this.opts.uploadsDir, id);
    }
  }

  private async chooseEdition(tx: Db, watchlistId: number, file: ImportFile): Promise<string> {
    const taken = await editionsOf(tx, watchlistId);
    if (file.edition !== undefined) {
      if (taken.has(file.edition)) throw new WatchlistError('conflict', `edition "${file.edition}" of this list is already loaded; give the new one another edition name`);
      return file.edition;
    }
    const base = file.publishedOn ?? new Date().toISOString().slice(0, 10);
    let edition = base;
    for (let n = 2; taken.has(edition); n++) edition = `${base}-${n}`;
    return edition;
  }

  /** Tells every listener; the change is committed already, so a listener's failure is reported, not undone. */
  private async notify(change: WatchlistChange): Promise<void> {
    const results = await Promise.allSettled(this.listeners.map((l) => l(change)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw new Error(`the watchlist change is saved, but acting on it failed: ${failed.reason instanceof Error ? failed.reason.message : String(failed.reason)}`);
  }
}

function notFound(id: number): WatchlistError {
  return new WatchlistError('not-found', `no watchlist ${id}`);
}

function checkImportOptions(file: Omit<ImportFile, 'path'>): void {
  if (file.publishedOn !== undefined && !isDate(file.publishedOn)) throw new WatchlistError('invalid', `the publication date must be YYYY-MM-DD, not "${file.publishedOn}"`);
  if (file.edition !== undefined && !/^\S(.{0,98}\S)?$/.test(file.edition)) throw new WatchlistError('invalid', `an edition is 1 to 100 characters without leading or trailing spaces, not "${file.edition}"`);
  if (file.format === 'table' && !file.mapping) throw new WatchlistError('invalid', 'a table needs a column mapping: at least which column holds the name');
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Slug, name, basis and threshold as the database will take them, or a WatchlistError saying what to change. */
export function checkDefinition(def: WatchlistDefinition): void {
  if (!/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/.test(def.slug)) throw new WatchlistError('invalid', `a slug is 3 to 64 lower-case letters, digits and dashes, such as "my-suppliers-blocklist", not "${def.slug}"`);
  if (!def.name.trim() || def.name.length > 200) throw new WatchlistError('invalid', 'a watchlist needs a name of 1 to 200 characters');
  if (!def.basis.trim()) throw new WatchlistError('invalid', 'say why a hit on the list counts (its basis: the law, guidance or policy)');
  if (!(def.threshold > 0 && def.threshold <= 1)) throw new WatchlistError('invalid', `a threshold is between 0 and 1 (e.g. 0.85), not ${def.threshold}`);
}

async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
