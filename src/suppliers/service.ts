// Supplier portfolio use cases: uploads and their preview, imports (in the background for the web app,
// awaited for the command line), saved mappings, the supplier list and pages, hotspots and worklist, and the
// organisation's risk weights with reassessment. Every use case runs in the organisation's tenant scope.
//
// An import is one database transaction: suppliers, sites, lines, assessments, the rollups and the import's
// own 'committed' status commit together or not at all. A process killed mid-import never commits, so nothing
// of the file is stored; its imports row, written before the transaction began, still says 'running', and the
// next start marks it failed (recoverInterrupted). Progress lives in memory while the transaction runs.
import { userInfo } from 'node:os';
import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { activeEditionKey, assessorDataFromDb } from '../assess/load.ts';
import { type Assessor, type AssessorData, buildAssessor } from '../assess/pipeline.ts';
import { appendAudit } from '../audit/repo.ts';
import { spreadsheetSafe } from '../audit/csv.ts';
import type { Db } from '../db/client.ts';
import type { TenantRunner } from '../db/tenant.ts';
import type { CountryResolver } from '../knowledge/countries.ts';
import type { KnowledgeBase } from '../knowledge/service.ts';
import { slugify } from '../knowledge/lookup.ts';
import { DEFAULT_WEIGHTS, type Level, riskWeightsSchema, type RiskWeights, WEIGHT_EXPLANATIONS, weightsId } from '../risk/index.ts';
import { assessmentBasis, type AssessmentItem, storeAssessments } from './assessments.ts';
import { checkMapping, recogniseColumns } from './columns.ts';
import { FileRejected } from './errors.ts';
import { IMPORT_TABLES, type ImportProgress, writeImport } from './import.ts';
import type { ColumnMapping, RowIssue } from './line.ts';
import {
  type Hotspot,
  type Portfolio,
  readHotspots,
  readPortfolio,
  readSupplier,
  refreshPortfolio,
  listSuppliers,
  type SupplierQuery,
  type SupplierRecord,
  type SupplierRow,
  type WorklistItem,
  worklistFrom,
} from './portfolio.ts';
import { type FileFormat, openSupplierFile, previewFile, type ReadOptions } from './read.ts';
import {
  deleteMapping,
  deleteUpload,
  findImport,
  findMappingByName,
  findUpload,
  finishImport,
  type ImportRecord,
  insertImport,
  insertUpload,
  issuesAfter,
  listImports,
  listIssues,
  listMappings,
  markInterrupted,
  readWeights,
  runningImports,
  type SavedMapping,
  saveMapping,
  sweepUploadRows,
  writeWeights,
} from './repo.ts';
import { newUploadId, receiveUpload, removeUpload, sweepUploads, UPLOAD_HOURS, UPLOAD_LIMIT, UploadTooLarge } from './uploads.ts';

export type SupplierErrorKind = 'not-found' | 'invalid' | 'too-large';
export class SupplierError extends Error {
  constructor(
    readonly kind: SupplierErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SupplierError';
  }
}

/** Who acts: a member through the API, or the operating-system user at the command line (no user id). */
export interface Who {
  orgId: number;
  userId: number | null;
  /** As the audit trail names them: an e-mail address, or cli:<user>. */
  label: string;
  ip: string | null;
}

export const cliWho = (orgId: number): Who => ({ orgId, userId: null, label: `cli:${userInfo().username}`, ip: null });

export interface ImportSummary extends Omit<ImportRecord, 'size' | 'bytesRead' | 'actor'> {
  progress: ImportProgress;
  startedBy: string;
}

export interface UploadPreview {
  uploadId: string;
  fileName: string;
  size: number;
  format: FileFormat;
  headers: string[];
  sample: string[][];
  suggested: ColumnMapping;
  recognised: { field: keyof ColumnMapping; header: string; why: string }[];
  unmapped: string[];
  missingRequired: (keyof ColumnMapping)[];
  warnings: string[];
}

export interface AssessmentReport {
  lines: number;
  changed: number;
  editionsBefore: Record<string, string>;
  editionsAfter: Record<string, string>;
  levelChanges: { from: Level; to: Level; lines: number }[];
}

export interface SupplierDetail extends Omit<SupplierRecord, 'lines'> {
  lines: (SupplierRecord['lines'][number] & { goods: { good: string; slug: string; confidence: number; reason: string }[] })[];
}

/** Progress of the work that follows a committed import in the same job (screening). */
export interface PhaseProgress {
  phase: string;
  done: number;
  total: number;
}

/**
 * Work that runs in the import's job once the import has committed (screening the organisation, issue 5). It
 * records its own failures: the import stays committed whatever it does.
 */
export type AfterImport = (who: Who, importId: number, onProgress?: (p: PhaseProgress) => void) => Promise<void>;

export interface ImportFileOptions extends Pick<ReadOptions, 'encoding' | 'sheet' | 'format'> {
  /** The file's name as the user knows it (default: the path's). */
  fileName?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Progress of what follows the committed import (AfterImport). */
  onPhase?: (p: PhaseProgress) => void;
  /** Rows per batch (tests use small ones). */
  batchSize?: number;
}

export interface SupplierServiceOptions {
  /** Folder for uploaded files. */
  uploadsDir: string;
}

interface ImportRun {
  importId: number;
  path: string;
  fileName: string;
  mapping: ColumnMapping;
  read: ReadOptions;
  assessor: Assessor;
  resolver: CountryResolver;
}

const IMPORT_LOCK = 7_166_115; // namespace of the per-organisation import lock (the audit trail uses 7_166_114)
const INTERRUPTED = 'interrupted: Vigil stopped before the import finished, so nothing from it was stored; import the file again';

export class SupplierService {
  /** Progress of the imports this process is running, by import id. */
  private readonly running = new Map<number, ImportProgress>();
  /** Background imports, so that shutdown and tests can wait for them. */
  private readonly jobs = new Set<Promise<unknown>>();
  private assessorData: { key: string; data: Promise<AssessorData> } | null = null;
  private readonly assessors = new Map<string, Assessor>();
  private readonly afterImports: AfterImport[] = [];

  constructor(
    private readonly db: Db,
    private readonly tenant: TenantRunner,
    private readonly kb: KnowledgeBase,
    private readonly opts: SupplierServiceOptions,
  ) {}

  // ── Start-up ────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Marks imports left 'running' by a process that died as failed, and removes expired uploads. On a
   * PostgreSQL server an import still running in another process holds its organisation's import lock, so
   * only imports whose lock is free are marked. (An import in the milliseconds between writing its row and
   * taking the lock could be marked too; it still commits, and its row then says committed.)
   */
  async recoverInterrupted(): Promise<number> {
    const stale = (await runningImports(this.db)).filter((i) => !this.running.has(i.id));
    const byOrg = new Map<number, { id: number }[]>();
    for (const i of stale) byOrg.set(i.orgId, [...(byOrg.get(i.orgId) ?? []), i]);
    let marked = 0;
    for (const [orgId, imports] of byOrg) {
      marked += await this.tenant(orgId, async (tx) => {
        if (!(await tryLockImports(tx, orgId))) return 0;
        await markInterrupted(tx, orgId, imports.map((i) => i.id), INTERRUPTED);
        for (const i of imports) {
          await appendAudit(tx, orgId, { actorUserId: null, actor: 'system', action: 'suppliers.import_failed', entityType: 'import', entityId: i.id, after: { error: INTERRUPTED } });
        }
        return imports.length;
      });
    }
    await this.sweepUploads();
    return marked;
  }

  private async sweepUploads(): Promise<void> {
    const { valid } = await sweepUploadRows(this.db);
    await sweepUploads(this.opts.uploadsDir, valid, new Date(Date.now() - UPLOAD_HOURS * 3_600_000));
  }

  /** Runs fn after every committed import, in the import's job (services.ts sets screening's). */
  afterImport(fn: AfterImport): void {
    this.afterImports.push(fn);
  }

  /** Waits for the background imports this process started (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await Promise.allSettled([...this.jobs]);
  }

  /** The organisation a command works on: the one asked for, else the only one, else the demo organisation. */
  async chooseOrganisation(requested?: number): Promise<{ id: number; name: string }> {
    const orgs = await this.db.query<{ id: number; name: string; isDemo: boolean }>('SELECT id, name, is_demo AS "isDemo" FROM organisations ORDER BY id');
    if (requested !== undefined) {
      const org = orgs.find((o) => o.id === requested);
      if (!org) throw new SupplierError('not-found', `there is no organisation ${requested}; organisations: ${orgs.map((o) => `${o.id} (${o.name})`).join(', ') || 'none'}`);
      return org;
    }
    if (orgs.length === 1) return orgs[0]!;
    const demos = orgs.filter((o) => o.isDemo);
    if (orgs.length === 0) throw new SupplierError('not-found', 'there is no organisation yet: start Vigil (vigil serve) and create one, or start it with --demo');
    if (demos.length === 1 && orgs.length === demos.length) return demos[0]!;
    throw new SupplierError('invalid', `there are ${orgs.length} organisations; say which with --org: ${orgs.map((o) => `${o.id} (${o.name})`).join(', ')}`);
  }

  // ── Uploads ─────────────────────────────────────────────────────────────────────────────────────────

  /** Streams an uploaded file to disk (200 MB at most), reads its header and first rows, suggests a mapping. */
  async upload(who: Who, body: Readable, fileName: string): Promise<UploadPreview> {
    if (who.userId === null) throw new SupplierError('invalid', 'uploads come from a signed-in member');
    await this.sweepUploads();
    const id = newUploadId();
    let received: { path: string; size: number };
    try {
      received = await receiveUpload(body, this.opts.uploadsDir, id, fileName, UPLOAD_LIMIT);
    } catch (err) {
      if (err instanceof UploadTooLarge) throw new SupplierError('too-large', `${fileName}: ${err.message}; split it, or import it with \`vigil import\``);
      throw err;
    }
    try {
      const preview = await previewFile(received.path, { name: fileName });
      const recognition = recogniseColumns(preview.headers);
      const expiresAt = new Date(Date.now() + UPLOAD_HOURS * 3_600_000).toISOString();
      await this.tenant(who.orgId, (tx) =>
        insertUpload(tx, who.orgId, { id, fileName, path: received.path, size: received.size, format: preview.format, expiresAt, createdBy: who.userId! }),
      );
      return {
        uploadId: id,
        fileName,
        size: received.size,
        format: preview.format,
        headers: preview.headers,
        sample: preview.sample,
        suggested: recognition.mapping,
        recognised: recognition.recognised,
        unmapped: recognition.unmapped,
        missingRequired: recognition.missingRequired,
        warnings: recognition.warnings,
      };
    } catch (err) {
      await removeUpload(this.opts.uploadsDir, id);
      if (err instanceof FileRejected) throw new SupplierError('invalid', err.message);
      throw err;
    }
  }

  // ── Imports ─────────────────────────────────────────────────────────────────────────────────────────

  /** Starts importing an upload in the background; poll getImport for progress and the result. */
  async startImport(who: Who, uploadId: string, mapping: ColumnMapping, saveMappingAs?: string): Promise<ImportSummary> {
    const upload = await this.tenant(who.orgId, (tx) => findUpload(tx, who.orgId, uploadId));
    if (!upload) throw new SupplierError('not-found', 'No such upload (uploads expire after a day): upload the file again.');
    const { mapping: checked } = await this.checkFileMapping(upload.path, upload.fileName, mapping, {});
    if (saveMappingAs) await this.saveMapping(who, saveMappingAs, checked);
    const run = await this.prepare(who, upload.path, upload.fileName, checked, {}, { format: upload.format, size: upload.size });
    const job = this.execute(who, run).then(async (record) => {
      if (record.status === 'committed') {
        await this.tenant(who.orgId, (tx) => deleteUpload(tx, who.orgId, upload.id));
        await removeUpload(this.opts.uploadsDir, upload.id);
      }
    });
    const tracked = job.catch(() => {}).finally(() => this.jobs.delete(tracked));
    this.jobs.add(tracked);
    return this.getImport(who, run.importId);
  }

  /**
   * Imports a file and waits for the end: the command line's import. Returns the summary, committed or
   * failed (a failed import stored nothing; `error` says why). A file or mapping that cannot be used at all
   * throws before anything is recorded.
   */
  async importFile(who: Who, path: string, mapping: ColumnMapping, opts: ImportFileOptions = {}): Promise<ImportSummary> {
    const fileName = opts.fileName ?? path.split(/[\\/]/).pop()!;
    const read: ReadOptions = { encoding: opts.encoding, sheet: opts.sheet, format: opts.format };
    const checked = await this.checkFileMapping(path, fileName, mapping, read);
    const run = await this.prepare(who, path, fileName, checked.mapping, read, checked);
    await this.execute(who, run, opts.onProgress, opts.batchSize, opts.onPhase);
    return this.getImport(who, run.importId);
  }

  /**
   * Everything an import needs before its transaction, then its imports row ('running'): the row is written
   * last, so that it waits for the organisation's import lock no longer than it must (see recoverInterrupted).
   */
  private async prepare(who: Who, path: string, fileName: string, mapping: ColumnMapping, read: ReadOptions, file: { format: FileFormat; size: number }): Promise<ImportRun> {
    const assessor = await this.assessorWith(await this.weightsOf(who.orgId));
    const resolver = await this.kb.countryResolver();
    const importId = await this.tenant(who.orgId, (tx) =>
      insertImport(tx, who.orgId, { fileName, format: file.format, size: file.size, mapping, startedBy: who.userId, actor: who.label }),
    );
    this.running.set(importId, { rows: 0, bytes: 0, totalBytes: file.size });
    return { importId, path, fileName, mapping, read, assessor, resolver };
  }

  /** The mapping checked against the file's headers (header spelling corrected); throws when file or mapping cannot be used. */
  private async checkFileMapping(path: string, fileName: string, mapping: ColumnMapping, read: ReadOptions): Promise<{ mapping: ColumnMapping; format: FileFormat; size: number }> {
    let file;
    try {
      file = await openSupplierFile(path, { ...read, name: fileName });
    } catch (err) {
      if (err instanceof FileRejected) throw new SupplierError('invalid', err.message);
      throw err;
    }
    await file.close();
    const check = checkMapping(mapping as Record<string, string>, file.headers);
    if (check.errors.length > 0) throw new SupplierError('invalid', `The mapping does not fit ${fileName}: ${check.errors.join('; ')}`);
    return { mapping: check.mapping, format: file.format, size: file.totalBytes };
  }

  /** Runs one import to its end, committed or failed, and records which. Never throws. */
  private async execute(who: Who, run: ImportRun, onProgress?: (p: ImportProgress) => void, batchSize?: number, onPhase?: (p: PhaseProgress) => void): Promise<ImportRecord> {
    const orgId = who.orgId;
    const { importId, path, fileName, mapping, read, assessor, resolver } = run;
    const progress = this.running.get(importId)!;
    const editions = assessor.editions;
    try {
      const file = await openSupplierFile(path, { ...read, name: fileName });
      try {
        await this.tenant(orgId, async (tx) => {
          await lockImports(tx, orgId);
          const counts = await writeImport(tx, {
            orgId, importId, file, mapping, resolver, assessor, batchSize,
            onProgress: (p) => {
              Object.assign(progress, p);
              onProgress?.(p);
            },
          });
          await refreshPortfolio(tx, orgId, assessor.weights);
          await finishImport(tx, orgId, importId, 'committed', counts, editions, null);
          await appendAudit(tx, orgId, {
            actorUserId: who.userId, actor: who.label, ip: who.ip, action: 'suppliers.imported', entityType: 'import', entityId: importId,
            after: { file: fileName, rows: counts.rows, accepted: counts.accepted, rejected: counts.rejected, warnings: counts.warnings, suppliersCreated: counts.suppliersCreated, suppliersMatched: counts.suppliersMatched, linesReplaced: counts.linesReplaced, editions },
          });
        });
      } finally {
        await file.close();
      }
    } catch (err) {
      const error = `${err instanceof Error ? err.message : String(err)}; nothing from the file was stored`;
      await this.tenant(orgId, async (tx) => {
        const none = { rows: progress.rows, accepted: 0, rejected: 0, warnings: 0, suppliersCreated: 0, suppliersMatched: 0, linesReplaced: 0, bytesRead: progress.bytes };
        await finishImport(tx, orgId, importId, 'failed', none, editions, error);
        await appendAudit(tx, orgId, { actorUserId: who.userId, actor: who.label, ip: who.ip, action: 'suppliers.import_failed', entityType: 'import', entityId: importId, after: { file: fileName, rows: progress.rows, error } });
      });
    } finally {
      this.running.delete(importId);
    }
    const record = (await this.tenant(orgId, (tx) => findImport(tx, orgId, importId)))!;
    if (record.status === 'committed') {
      await this.tidy(record.accepted);
      for (const fn of this.afterImports) await fn(who, importId, onPhase);
    }
    return record;
  }

  /**
   * Housekeeping after an import or reassessment has committed: PGlite runs no autovacuum, so it reclaims the
   * rows that were replaced and refreshes the planner's statistics itself; on a server autovacuum does both,
   * and only a large change is analysed at once, so that the next queries are planned for its size. A failure
   * here changes nothing that was stored, so it is not reported as the import's.
   */
  private async tidy(changedRows: number): Promise<void> {
    try {
      if (this.db.kind === 'pglite') await this.db.exec(`VACUUM (ANALYZE) ${IMPORT_TABLES}`);
      else if (changedRows >= 10_000) await this.db.exec(`ANALYZE ${IMPORT_TABLES}`);
    } catch {
      // Statistics and space are refreshed by the next import, or by autovacuum on a server.
    }
  }

  async getImport(who: Who, id: number): Promise<ImportSummary> {
    const record = await this.tenant(who.orgId, (tx) => findImport(tx, who.orgId, id));
    if (!record) throw new SupplierError('not-found', 'No such import in this organisation.');
    return this.summaryOf(record);
  }

  async listImports(who: Who): Promise<ImportSummary[]> {
    const records = await this.tenant(who.orgId, (tx) => listImports(tx, who.orgId));
    return records.map((r) => this.summaryOf(r));
  }

  private summaryOf(r: ImportRecord): ImportSummary {
    const { size, bytesRead, actor, ...rest } = r;
    const live = r.status === 'running' ? this.running.get(r.id) : undefined;
    return { ...rest, startedBy: actor, progress: live ? { ...live } : { rows: r.rows, bytes: r.status === 'committed' ? size : bytesRead, totalBytes: size } };
  }

  async issues(who: Who, importId: number, q: { offset: number; limit: number; severity?: 'error' | 'warning' }): Promise<{ total: number; items: RowIssue[] }> {
    return this.tenant(who.orgId, async (tx) => {
      if (!(await findImport(tx, who.orgId, importId))) throw new SupplierError('not-found', 'No such import in this organisation.');
      return listIssues(tx, who.orgId, importId, q);
    });
  }

  /**
   * Every issue of an import as CSV (row, line, column, field, value, severity, message), a page at a time;
   * cells a spreadsheet would run as formulas are defused. The download is recorded in the audit trail.
   */
  async issuesCsv(who: Who, importId: number): Promise<{ fileName: string; chunks: AsyncIterable<string> }> {
    const record = await this.tenant(who.orgId, async (tx) => {
      const found = await findImport(tx, who.orgId, importId);
      if (!found) throw new SupplierError('not-found', 'No such import in this organisation.');
      await appendAudit(tx, who.orgId, { actorUserId: who.userId, actor: who.label, ip: who.ip, action: 'suppliers.issues_exported', entityType: 'import', entityId: importId });
      return found;
    });
    const tenant = this.tenant;
    const orgId = who.orgId;
    async function* chunks(): AsyncGenerator<string> {
      yield stringify([], { header: true, columns: ['row', 'line', 'column', 'field', 'value', 'severity', 'message'] });
      for (let after = 0; ; ) {
        const page = await tenant(orgId, (tx) => issuesAfter(tx, orgId, importId, after, 5_000));
        if (page.length === 0) return;
        after = page[page.length - 1]!.seq;
        yield stringify(page.map((i) => [i.row ?? '', i.line ?? '', i.column ?? '', i.field ?? '', i.value ?? '', i.severity, i.message].map(spreadsheetSafe)));
      }
    }
    const base = record.fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'import';
    return { fileName: `${base}-issues.csv`, chunks: chunks() };
  }

  // ── Saved mappings ──────────────────────────────────────────────────────────────────────────────────

  async mappings(who: Who): Promise<SavedMapping[]> {
    return this.tenant(who.orgId, (tx) => listMappings(tx, who.orgId));
  }

  async mappingByName(who: Who, name: string): Promise<SavedMapping> {
    const found = await this.tenant(who.orgId, (tx) => findMappingByName(tx, who.orgId, name));
    if (!found) throw new SupplierError('not-found', `No saved mapping is called "${name}".`);
    return found;
  }

  /** Saves a mapping under a name (replacing one of that name). */
  async saveMapping(who: Who, name: string, mapping: ColumnMapping): Promise<SavedMapping> {
    return this.tenant(who.orgId, async (tx) => {
      const { saved, replaced } = await saveMapping(tx, who.orgId, name, mapping, who.userId);
      await appendAudit(tx, who.orgId, { actorUserId: who.userId, actor: who.label, ip: who.ip, action: replaced ? 'suppliers.mapping_replaced' : 'suppliers.mapping_saved', entityType: 'column_mapping', entityId: saved.id, after: { name, mapping } });
      return saved;
    });
  }

  async deleteMapping(who: Who, id: number): Promise<void> {
    await this.tenant(who.orgId, async (tx) => {
      const gone = await deleteMapping(tx, who.orgId, id);
      if (!gone) throw new SupplierError('not-found', 'No such mapping in this organisation.');
      await appendAudit(tx, who.orgId, { actorUserId: who.userId, actor: who.label, ip: who.ip, action: 'suppliers.mapping_deleted', entityType: 'column_mapping', entityId: id, before: { name: gone.name, mapping: gone.mapping } });
    });
  }

  // ── Portfolio, suppliers, hotspots, worklist ────────────────────────────────────────────────────────

  async portfolio(who: Who): Promise<Portfolio> {
    return this.tenant(who.orgId, (tx) => readPortfolio(tx, who.orgId));
  }

  async suppliers(who: Who, q: SupplierQuery): Promise<{ total: number; items: SupplierRow[] }> {
    return this.tenant(who.orgId, (tx) => listSuppliers(tx, who.orgId, q));
  }

  async supplier(who: Who, id: number): Promise<SupplierDetail> {
    const found = await this.tenant(who.orgId, (tx) => readSupplier(tx, who.orgId, id));
    if (!found) throw new SupplierError('not-found', 'No such supplier in this organisation.');
    return {
      ...found,
      lines: found.lines.map((l) => ({ ...l, goods: l.classification.goods.map((g) => ({ good: g.good, slug: slugify(g.good), confidence: g.confidence, reason: g.reason })) })),
    };
  }

  async hotspots(who: Who, limit: number): Promise<Hotspot[]> {
    return this.tenant(who.orgId, (tx) => readHotspots(tx, who.orgId, limit));
  }

  async worklist(who: Who, limit: number): Promise<WorklistItem[]> {
    return this.tenant(who.orgId, (tx) => worklistFrom(tx, who.orgId, limit));
  }

  // ── Risk weights and reassessment ───────────────────────────────────────────────────────────────────

  async weights(who: Who): Promise<{ weights: RiskWeights; defaults: RiskWeights; explanation: { key: string; label: string; why: string }[] }> {
    return { weights: await this.weightsOf(who.orgId), defaults: DEFAULT_WEIGHTS, explanation: [...WEIGHT_EXPLANATIONS] };
  }

  /** Sets the organisation's weights and reassesses every line with them, in one transaction. */
  async setWeights(who: Who, weights: RiskWeights): Promise<AssessmentReport> {
    const before = await this.weightsOf(who.orgId);
    const assessor = await this.assessorWith(weights);
    const report = await this.tenant(who.orgId, async (tx) => {
      await lockImports(tx, who.orgId);
      await writeWeights(tx, who.orgId, weights, who.userId);
      await appendAudit(tx, who.orgId, { actorUserId: who.userId, actor: who.label, ip: who.ip, action: 'risk.weights_changed', entityType: 'risk_settings', entityId: who.orgId, before, after: weights });
      return this.reassessIn(tx, who, assessor, 'weights');
    });
    await this.tidy(report.lines);
    return report;
  }

  /** Reassesses every line with the active editions and the organisation's weights; says what changed. */
  async reassess(who: Who): Promise<AssessmentReport> {
    const assessor = await this.assessorWith(await this.weightsOf(who.orgId));
    const report = await this.tenant(who.orgId, async (tx) => {
      await lockImports(tx, who.orgId);
      return this.reassessIn(tx, who, assessor, 'editions');
    });
    await this.tidy(report.lines);
    return report;
  }

  private async reassessIn(tx: Db, who: Who, assessor: Assessor, reason: 'editions' | 'weights'): Promise<AssessmentReport> {
    const orgId = who.orgId;
    const [before] = await tx.query<{ editions: Record<string, string> }>('SELECT editions FROM line_assessments WHERE org_id = $1 GROUP BY editions ORDER BY count(*) DESC LIMIT 1', [orgId]);
    const [lineCount] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM supply_lines WHERE org_id = $1', [orgId]);
    const basis = assessmentBasis(assessor);
    const changes = new Map<string, number>();
    let changed = 0;
    for (let after = ''; ; ) {
      const page = await tx.query<{ key: string; description: string | null; hsCode: string | null; cpvCode: string | null; unspscCode: string | null; countryCode: string | null; level: Level; basis: string }>(
        `SELECT key, description, hs_code AS "hsCode", cpv_code AS "cpvCode", unspsc_code AS "unspscCode", country_code AS "countryCode", level, basis
           FROM line_assessments WHERE org_id = $1 AND key > $2 ORDER BY key LIMIT 2000`,
        [orgId, after],
      );
      if (page.length === 0) break;
      after = page[page.length - 1]!.key;
      const items: (AssessmentItem & { was: Level })[] = page
        .filter((a) => a.basis !== basis)
        .map((a) => {
          const input = { description: a.description, hsCode: a.hsCode, cpvCode: a.cpvCode, unspscCode: a.unspscCode, countryCode: a.countryCode };
          return { key: a.key, input, assessed: assessor.assess(input), was: a.level };
        });
      const moved = items.filter((i) => i.assessed.risk.level !== i.was);
      if (moved.length > 0) {
        const uses = await tx.query<{ key: string; n: number }>('SELECT assessment_key AS key, count(*) AS n FROM supply_lines WHERE org_id = $1 AND assessment_key = ANY($2::text[]) GROUP BY assessment_key', [
          orgId, moved.map((m) => m.key),
        ]);
        const n = new Map(uses.map((u) => [u.key, u.n]));
        for (const m of moved) {
          const lines = n.get(m.key) ?? 0;
          const k = `${m.was}>${m.assessed.risk.level}`;
          changes.set(k, (changes.get(k) ?? 0) + lines);
          changed += lines;
        }
      }
      await storeAssessments(tx, orgId, assessor, items);
    }
    await refreshPortfolio(tx, orgId, assessor.weights);
    const report: AssessmentReport = {
      lines: lineCount!.n,
      changed,
      editionsBefore: before?.editions ?? {},
      editionsAfter: assessor.editions,
      levelChanges: [...changes].map(([k, lines]) => {
        const [from, to] = k.split('>') as [Level, Level];
        return { from, to, lines };
      }),
    };
    await tx.query(
      'INSERT INTO assessment_runs (org_id, reason, run_by, lines, changed, editions_before, editions_after, level_changes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [orgId, reason, who.userId, report.lines, report.changed, JSON.stringify(report.editionsBefore), JSON.stringify(report.editionsAfter), JSON.stringify(report.levelChanges)],
    );
    await appendAudit(tx, orgId, { actorUserId: who.userId, actor: who.label, ip: who.ip, action: 'risk.reassessed', entityType: 'organisation', entityId: orgId, after: { reason, ...report } });
    return report;
  }

  /** The organisation's risk weights (the defaults when it set none). */
  async weightsOf(orgId: number): Promise<RiskWeights> {
    const stored = await this.tenant(orgId, (tx) => readWeights(tx, orgId));
    if (stored === null) return DEFAULT_WEIGHTS;
    const parsed = riskWeightsSchema.safeParse(stored);
    return parsed.success ? parsed.data : DEFAULT_WEIGHTS;
  }

  /** An assessor over the active editions with these weights; rebuilt when an edition is activated. */
  private async assessorWith(weights: RiskWeights): Promise<Assessor> {
    const key = await activeEditionKey(this.db);
    if (this.assessorData?.key !== key) {
      this.assessorData = { key, data: assessorDataFromDb(this.db) };
      this.assessors.clear();
    }
    const id = `${key}|${weightsId(weights)}`;
    let assessor = this.assessors.get(id);
    if (!assessor) {
      assessor = buildAssessor(await this.assessorData.data, weights);
      if (this.assessors.size >= 8) this.assessors.clear();
      this.assessors.set(id, assessor);
    }
    return assessor;
  }
}

/**
 * Serialises imports, reassessments and screening runs of one organisation across processes, all of which
 * rewrite its supplier rollup (a no-op on PGlite, which runs one transaction at a time).
 */
export async function lockImports(tx: Db, orgId: number): Promise<void> {
  if (tx.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [IMPORT_LOCK, orgId]);
}

export async function tryLockImports(tx: Db, orgId: number): Promise<boolean> {
  if (tx.kind !== 'postgres') return true;
  const [r] = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1, $2) AS ok', [IMPORT_LOCK, orgId]);
  return r!.ok;
}
