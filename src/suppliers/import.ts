// The body of an import: records of a supplier file → validated lines → assessed, matched to suppliers and
// sites, written in batches, all inside the caller's one transaction. Memory stays bounded: a batch of lines,
// caches of supplier and site keys that are dropped when they grow large (the database, inside the same
// transaction, stays the truth), and the ids of suppliers the import created or matched.
import type { Assessor } from '../assess/pipeline.ts';
import type { Db } from '../db/client.ts';
import type { CountryResolver } from '../knowledge/countries.ts';
import { assessmentKey, type AssessmentItem, inputOf, lineKey, storeAssessments } from './assessments.ts';
import { normaliseName, supplierKeys } from './identity.ts';
import type { ColumnMapping, Identifier, RowIssue, SupplierLine } from './line.ts';
import type { SupplierFile } from './read.ts';
import { type ImportCounts, insertColumns, insertIssues, textArray, textArrayValue } from './repo.ts';
import { validateRecord } from './validate.ts';

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface WriteImportInput {
  orgId: number;
  importId: number;
  file: SupplierFile;
  mapping: ColumnMapping;
  resolver: CountryResolver;
  assessor: Assessor;
  /** Called after each batch is written; a throw aborts the import (and its transaction). */
  onProgress?: (p: ImportProgress) => void;
  batchSize?: number;
  /** Most issues stored per import; the rest are counted and summed up in one last issue. */
  issueCap?: number;
}

export const BATCH_SIZE = 2_000;
export const ISSUE_CAP = 100_000;
const CACHE_LIMIT = 200_000;

/** The tables an import grows, whose statistics the planner needs to be current. */
export const IMPORT_TABLES = 'supply_lines, suppliers, supplier_keys, supplier_identifiers, sites, line_assessments, assessment_hotspots, supplier_risk, portfolio_snapshots, import_issues';
const FIRST_ANALYSE = 5_000;

/**
 * Refreshes the statistics of the tables the import is growing, inside its transaction. Without it, the
 * statistics left by an earlier small import (a handful of rows) make the planner scan whole tables for each
 * batch's lookups, and a 200,000-line import takes minutes instead of seconds. ANALYZE needs the tables'
 * owner, so the tenant role is set aside for it and put back.
 */
async function analyseWithin(tx: Db): Promise<void> {
  const [{ role } = { role: '' }] = await tx.query<{ role: string }>('SELECT current_user AS role');
  await tx.exec('RESET ROLE');
  await tx.exec(`ANALYZE ${IMPORT_TABLES}`);
  if (role === 'vigil_app') await tx.exec('SET LOCAL ROLE vigil_app');
}

/** Writes every record of the file; the caller commits or rolls back. */
export async function writeImport(tx: Db, input: WriteImportInput): Promise<ImportCounts> {
  const { orgId, importId, file, mapping, resolver, assessor } = input;
  const batchSize = input.batchSize ?? BATCH_SIZE;
  const [{ had } = { had: false }] = await tx.query<{ had: boolean }>('SELECT EXISTS (SELECT 1 FROM supply_lines WHERE org_id = $1) AS had', [orgId]);
  const counts: ImportCounts = { rows: 0, accepted: 0, rejected: 0, warnings: 0, suppliersCreated: 0, suppliersMatched: 0, linesReplaced: 0, bytesRead: 0 };
  const issues = new IssueWriter(tx, orgId, importId, input.issueCap ?? ISSUE_CAP);
  const writer = new BatchWriter(tx, orgId, importId, assessor);
  let batch: SupplierLine[] = [];
  let pending = 0;
  let analyseAt = FIRST_ANALYSE;
  const flush = async () => {
    await writer.write(batch);
    await issues.flush();
    batch = [];
    pending = 0;
    if (counts.accepted >= analyseAt) {
      await analyseWithin(tx);
      analyseAt *= 4;
    }
    counts.bytesRead = file.bytesRead();
    input.onProgress?.({ rows: counts.rows, bytes: counts.bytesRead, totalBytes: file.totalBytes });
  };
  for await (const records of file.batches) {
    for (const rec of records) {
      counts.rows++;
      pending++;
      const v = validateRecord(rec, mapping, resolver, { decimalSeparator: file.decimalSeparator });
      for (const i of v.issues) {
        if (i.severity === 'warning') counts.warnings++;
        issues.add(i);
      }
      if (v.line) {
        counts.accepted++;
        batch.push(v.line);
      } else counts.rejected++;
      if (pending >= batchSize) await flush();
    }
  }
  await flush();
  counts.suppliersCreated = writer.created.size;
  counts.suppliersMatched = writer.matched.size;
  if (had) counts.linesReplaced = await replaceOlderLines(tx, orgId, importId);
  await linkParents(tx, orgId, importId);
  counts.warnings += await unresolvedParents(tx, orgId, importId, mapping, issues);
  await issues.finish();
  return counts;
}

/** Issues go to the database as they come, up to the cap; past it they are only counted. */
class IssueWriter {
  private buffer: RowIssue[] = [];
  private stored = 0;
  private dropped = 0;

  constructor(
    private readonly tx: Db,
    private readonly orgId: number,
    private readonly importId: number,
    private readonly cap: number,
  ) {}

  get room(): number {
    return Math.max(0, this.cap - this.stored - this.buffer.length);
  }

  add(issue: RowIssue): void {
    if (this.room > 0) this.buffer.push(issue);
    else this.dropped++;
  }

  /** Issues found past the cap, counted without being built. */
  countUnlisted(n: number): void {
    this.dropped += n;
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    await insertIssues(this.tx, this.orgId, this.importId, this.stored + 1, this.buffer);
    this.stored += this.buffer.length;
    this.buffer = [];
  }

  async finish(): Promise<void> {
    if (this.dropped > 0) {
      this.buffer.push({ row: null, line: null, column: null, field: null, value: null, severity: 'warning', message: `${this.dropped.toLocaleString('en')} more issues were found and counted but not listed: only the first ${this.cap.toLocaleString('en')} are kept. Fix the rows above and import the file again to see the rest.` });
    }
    await this.flush();
  }
}

interface NewSupplier {
  name: string;
  nameKey: string;
  aliases: Set<string>;
  identifiers: Map<string, Identifier>;
}

/** Matches a batch's lines to suppliers and sites (creating what is new) and writes lines and assessments. */
class BatchWriter {
  /** Supplier key → supplier id (negative: created in the current batch, id not yet allocated). */
  private readonly keys = new Map<string, number>();
  /** `${supplierId}|${siteKey}` → site id. */
  private readonly sites = new Map<string, number>();
  /** Supplier id → its normalised name, to tell another spelling (an alias) from the name itself. */
  private readonly nameKeys = new Map<number, string>();
  /** Aliases and identifiers this import already added to existing suppliers. */
  private readonly written = new Set<string>();
  /** Assessments already written by this import. */
  private readonly assessed = new Set<string>();
  readonly created = new Set<number>();
  readonly matched = new Set<number>();

  constructor(
    private readonly tx: Db,
    private readonly orgId: number,
    private readonly importId: number,
    private readonly assessor: Assessor,
  ) {}

  async write(lines: readonly SupplierLine[]): Promise<void> {
    if (lines.length === 0) return;
    for (const cache of [this.keys, this.sites, this.assessed, this.nameKeys, this.written]) if (cache.size > CACHE_LIMIT) cache.clear();
    const akeys = await this.assess(lines);
    const supplierIds = await this.suppliers(lines);
    const siteIds = await this.siteIds(lines, supplierIds);
    await insertColumns(
      this.tx,
      'supply_lines',
      [
        ['org_id', 'bigint'], ['supplier_id', 'bigint'], ['site_id', 'bigint'], ['import_id', 'bigint'], ['row', 'int'], ['line', 'int'], ['line_key', 'text'],
        ['description', 'text'], ['hs_code', 'text'], ['cpv_code', 'text'], ['unspsc_code', 'text'], ['spend', 'numeric'], ['currency', 'text'], ['period', 'text'],
        ['tier', 'smallint'], ['parent', 'text'], ['parent_key', 'text'], ['country_code', 'text'], ['assessment_key', 'text'],
      ],
      lines.map((l, i) => {
        const content = [supplierIds[i], siteIds[i], l.description, l.hsCode, l.cpvCode, l.unspscCode, l.spend, l.currency, l.period, l.tier, l.parent];
        return [
          this.orgId, supplierIds[i], siteIds[i], this.importId, l.row, l.line, lineKey(content),
          l.description, l.hsCode, l.cpvCode, l.unspscCode, l.spend, l.currency, l.period, l.tier, l.parent, l.parent === null ? null : normaliseName(l.parent),
          l.site.countryCode, akeys[i],
        ];
      }),
    );
  }

  /** Assesses each distinct input once per import; returns each line's assessment key. */
  private async assess(lines: readonly SupplierLine[]): Promise<string[]> {
    const items = new Map<string, AssessmentItem>();
    const keys = lines.map((l) => {
      const input = inputOf({ ...l, countryCode: l.site.countryCode });
      const key = assessmentKey(input);
      if (!this.assessed.has(key) && !items.has(key)) items.set(key, { key, input, assessed: this.assessor.assess(input) });
      return key;
    });
    await storeAssessments(this.tx, this.orgId, this.assessor, [...items.values()]);
    for (const k of items.keys()) this.assessed.add(k);
    return keys;
  }

  /**
   * Each line's supplier: the one holding any of its keys (identifiers first, then name in country), found in
   * this import's cache or the database, else a new one. Keys the line brings are added to its supplier.
   */
  private async suppliers(lines: readonly SupplierLine[]): Promise<number[]> {
    const lineKeys = lines.map((l) => supplierKeys(l));
    const unknown = [...new Set(lineKeys.flat())].filter((k) => !this.keys.has(k));
    if (unknown.length > 0) {
      const found = await this.tx.query<{ key: string; supplier_id: number; name_key: string }>(
        `SELECT k.key, k.supplier_id, s.name_key FROM supplier_keys k JOIN suppliers s ON s.org_id = k.org_id AND s.id = k.supplier_id
          WHERE k.org_id = $1 AND k.key = ANY($2::text[])`,
        [this.orgId, unknown],
      );
      for (const f of found) {
        this.keys.set(f.key, f.supplier_id);
        this.nameKeys.set(f.supplier_id, f.name_key);
      }
    }
    const fresh: NewSupplier[] = [];
    const newKeys: [string, number][] = [];
    const identifiers: [number, string, string][] = [];
    const aliases: [number, string, string][] = [];
    /** Adds an identifier or alias of an existing supplier once per import (the database ignores repeats across cache clears). */
    const once = (mark: string) => !this.written.has(mark) && Boolean(this.written.add(mark));
    const ids = lines.map((l, i) => {
      const keys = lineKeys[i]!;
      const hit = keys.find((k) => this.keys.has(k));
      const names = [l.supplier.name, ...l.supplier.aliases];
      let id: number;
      if (hit === undefined) {
        fresh.push({ name: l.supplier.name, nameKey: normaliseName(l.supplier.name), aliases: new Set(l.supplier.aliases), identifiers: new Map() });
        id = -fresh.length;
      } else {
        id = this.keys.get(hit)!;
        if (id < 0) for (const a of names) fresh[-id - 1]!.aliases.add(a);
        else {
          if (!this.created.has(id)) this.matched.add(id);
          // Other spellings of a known supplier's name become its aliases, not a second supplier.
          for (const a of names) {
            const key = normaliseName(a);
            if (key !== this.nameKeys.get(id) && once(`${id}|a|${a}`)) aliases.push([id, a, key]);
          }
        }
      }
      for (const k of keys) {
        if (this.keys.has(k)) continue;
        this.keys.set(k, id);
        newKeys.push([k, id]);
      }
      // An identifier is shown on the supplier its key leads to (a line can carry one that names another).
      for (const ident of l.supplier.identifiers) {
        const named = keys.filter((k) => k.startsWith(`${ident.scheme}:`) && k.endsWith(`:${ident.value}`));
        if (!named.every((k) => this.keys.get(k) === id)) continue;
        if (id < 0) fresh[-id - 1]!.identifiers.set(`${ident.scheme}|${ident.value}`, ident);
        else if (once(`${id}|i|${ident.scheme}|${ident.value}`)) identifiers.push([id, ident.scheme, ident.value]);
      }
      return id;
    });
    if (fresh.length > 0) {
      const allocated = await this.tx.query<{ id: number }>(`SELECT nextval('suppliers_id_seq') AS id FROM generate_series(1, $1)`, [fresh.length]);
      const real = (id: number) => (id < 0 ? allocated[-id - 1]!.id : id);
      for (let i = 0; i < ids.length; i++) ids[i] = real(ids[i]!);
      for (const entry of newKeys) {
        entry[1] = real(entry[1]);
        this.keys.set(entry[0], entry[1]);
      }
      fresh.forEach((f, i) => {
        const id = allocated[i]!.id;
        this.created.add(id);
        this.nameKeys.set(id, f.nameKey);
        for (const ident of f.identifiers.values()) identifiers.push([id, ident.scheme, ident.value]);
      });
      await insertColumns(
        this.tx,
        'suppliers',
        [['org_id', 'bigint'], ['id', 'bigint'], ['name', 'text'], ['name_key', 'text'], textArray('aliases'), ['created_by_import', 'bigint']],
        fresh.map((f, i) => [this.orgId, allocated[i]!.id, f.name, f.nameKey, textArrayValue([...f.aliases].filter((a) => normaliseName(a) !== f.nameKey)), this.importId]),
      );
    }
    await insertColumns(this.tx, 'supplier_keys', [['org_id', 'bigint'], ['key', 'text'], ['supplier_id', 'bigint']], newKeys.map(([k, id]) => [this.orgId, k, id]), 'ON CONFLICT DO NOTHING');
    await insertColumns(this.tx, 'supplier_identifiers', [['org_id', 'bigint'], ['supplier_id', 'bigint'], ['scheme', 'text'], ['value', 'text']], identifiers.map((v) => [this.orgId, ...v]), 'ON CONFLICT DO NOTHING');
    if (aliases.length > 0) {
      await this.tx.query(
        `UPDATE suppliers s SET aliases = s.aliases || a.names
           FROM (SELECT t.id, array_agg(DISTINCT t.name) AS names
                   FROM unnest($2::bigint[], $3::text[], $4::text[]) AS t(id, name, name_key)
                   JOIN suppliers x ON x.org_id = $1 AND x.id = t.id
                  WHERE t.name_key <> x.name_key AND NOT t.name = ANY(x.aliases)
                  GROUP BY t.id) a
          WHERE s.org_id = $1 AND s.id = a.id`,
        [this.orgId, aliases.map((a) => a[0]), aliases.map((a) => a[1]), aliases.map((a) => a[2])],
      );
    }
    return ids;
  }

  /** Each line's site (the same supplier, country, site name and address), created when new; null when the line gives none. */
  private async siteIds(lines: readonly SupplierLine[], supplierIds: readonly number[]): Promise<(number | null)[]> {
    const keys = lines.map((l, i) => {
      const s = l.site;
      if (s.countryCode === null && s.name === null && s.address === null) return null;
      return `${supplierIds[i]}|${s.countryCode ?? ''}|${normaliseName(s.name ?? '')}|${normaliseName(s.address ?? '')}`;
    });
    const unknown = [...new Set(keys.filter((k): k is string => k !== null && !this.sites.has(k)))];
    if (unknown.length > 0) {
      const split = unknown.map((k) => [Number(k.slice(0, k.indexOf('|'))), k.slice(k.indexOf('|') + 1)] as const);
      const found = await this.tx.query<{ supplier_id: number; site_key: string; id: number }>(
        `SELECT s.supplier_id, s.site_key, s.id FROM sites s
           JOIN unnest($2::bigint[], $3::text[]) AS t(supplier_id, site_key) ON t.supplier_id = s.supplier_id AND t.site_key = s.site_key
          WHERE s.org_id = $1`,
        [this.orgId, split.map((s) => s[0]), split.map((s) => s[1])],
      );
      for (const f of found) this.sites.set(`${f.supplier_id}|${f.site_key}`, f.id);
    }
    const fresh = new Map<string, SupplierLine>();
    keys.forEach((k, i) => {
      if (k !== null && !this.sites.has(k) && !fresh.has(k)) fresh.set(k, lines[i]!);
    });
    if (fresh.size > 0) {
      const allocated = await this.tx.query<{ id: number }>(`SELECT nextval('sites_id_seq') AS id FROM generate_series(1, $1)`, [fresh.size]);
      const rows = [...fresh].map(([k, l], i) => {
        this.sites.set(k, allocated[i]!.id);
        const s = l.site;
        return [this.orgId, allocated[i]!.id, Number(k.slice(0, k.indexOf('|'))), k.slice(k.indexOf('|') + 1), s.name, s.countryCode, s.region, s.address, s.latitude, s.longitude];
      });
      await insertColumns(
        this.tx,
        'sites',
        [['org_id', 'bigint'], ['id', 'bigint'], ['supplier_id', 'bigint'], ['site_key', 'text'], ['name', 'text'], ['country_code', 'text'], ['region', 'text'], ['address', 'text'], ['latitude', 'float8'], ['longitude', 'float8']],
        rows,
      );
    }
    return keys.map((k) => (k === null ? null : this.sites.get(k)!));
  }
}

/**
 * Lines of this import replace stored lines of earlier imports with the same line key, the n-th of a key the
 * n-th: re-importing a file leaves its lines once, not twice. Returns how many were replaced.
 */
async function replaceOlderLines(tx: Db, orgId: number, importId: number): Promise<number> {
  const [r] = await tx.query<{ n: number }>(
    `WITH mine AS (
       SELECT line_key, count(*) AS n FROM supply_lines WHERE org_id = $1 AND import_id = $2 GROUP BY line_key
     ), older AS (
       SELECT l.id, row_number() OVER (PARTITION BY l.line_key ORDER BY l.id) AS k, m.n
         FROM supply_lines l JOIN mine m ON m.line_key = l.line_key
        WHERE l.org_id = $1 AND l.import_id <> $2
     ), gone AS (
       DELETE FROM supply_lines d USING older o WHERE d.org_id = $1 AND d.id = o.id AND o.k <= o.n RETURNING 1
     )
     SELECT count(*) AS n FROM gone`,
    [orgId, importId],
  );
  return r!.n;
}

/** The supplier a line's parent names: by the buyer's vendor number, else by normalised name (in any country). */
const PARENT = `coalesce(
  (SELECT k.supplier_id FROM supplier_keys k WHERE k.org_id = l.org_id AND k.key = 'supplier_ref:' || l.parent),
  (SELECT min(s.id) FROM suppliers s WHERE s.org_id = l.org_id AND s.name_key = l.parent_key))`;

/** Records who supplies whom from the lines' parent column. */
async function linkParents(tx: Db, orgId: number, importId: number): Promise<void> {
  await tx.query(
    `INSERT INTO supplier_relationships (org_id, supplier_id, customer_id, tier, import_id)
     SELECT DISTINCT ON (x.supplier_id, x.customer_id) $1, x.supplier_id, x.customer_id, x.tier, $2
       FROM (SELECT l.supplier_id, l.tier, l.row, ${PARENT} AS customer_id
               FROM supply_lines l WHERE l.org_id = $1 AND l.import_id = $2 AND l.parent IS NOT NULL) x
      WHERE x.customer_id IS NOT NULL AND x.customer_id <> x.supplier_id
      ORDER BY x.supplier_id, x.customer_id, x.row
     ON CONFLICT (org_id, supplier_id, customer_id) DO UPDATE SET tier = EXCLUDED.tier, import_id = EXCLUDED.import_id`,
    [orgId, importId],
  );
}

/**
 * A parent that names no supplier is a warning, except on tier-1 lines, whose parent is the buyer itself.
 * Returns how many there are; lists as many as the issue cap leaves room for.
 */
async function unresolvedParents(tx: Db, orgId: number, importId: number, mapping: ColumnMapping, issues: IssueWriter): Promise<number> {
  const where = `l.org_id = $1 AND l.import_id = $2 AND l.parent IS NOT NULL AND l.tier IS DISTINCT FROM 1 AND ${PARENT} IS NULL`;
  const [count] = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM supply_lines l WHERE ${where}`, [orgId, importId]);
  if (count!.n === 0) return 0;
  const rows = await tx.query<{ row: number; line: number; parent: string }>(`SELECT l.row, l.line, l.parent FROM supply_lines l WHERE ${where} ORDER BY l.row LIMIT $3`, [orgId, importId, issues.room]);
  for (const r of rows) {
    issues.add({
      row: r.row, line: r.line, column: mapping.parent ?? null, field: 'parent', value: r.parent, severity: 'warning',
      message: `"${r.parent}" is not a supplier in this organisation's data (by vendor number or name): the line is kept, the relationship is not recorded`,
    });
  }
  issues.countUnlisted(count!.n - rows.length);
  return count!.n;
}
