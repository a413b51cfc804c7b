// SQL for storing editions: provenance rows in ref_edition, data rows in each dataset's own table.
import type { Db } from '../db/client.ts';
import type { Cell, CompiledEdition, DatasetId, Row } from './dataset.ts';
import type { DatasetDefinition } from './definition.ts';

export interface EditionRecord {
  id: number;
  dataset: DatasetId;
  edition: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
  sourceUrl: string;
  licence: string;
  caveats: string;
  compiledOn: string;
  loadedAt: string;
  rowCount: number;
  checksum: string;
  stats: Record<string, number>;
  origin: string;
  active: boolean;
}

const EDITION_COLUMNS = `id, dataset, edition, title, publisher,
  to_char(published_on, 'YYYY-MM-DD') AS "publishedOn", source_url AS "sourceUrl", licence, caveats,
  to_char(compiled_on, 'YYYY-MM-DD') AS "compiledOn",
  to_char(loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "loadedAt",
  row_count AS "rowCount", checksum, stats, origin, is_active AS active`;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function listEditions(db: Db): Promise<EditionRecord[]> {
  return db.query<EditionRecord>(`SELECT ${EDITION_COLUMNS} FROM ref_edition ORDER BY dataset, published_on DESC NULLS LAST, id DESC`);
}

export async function findEdition(db: Db, dataset: DatasetId, edition: string): Promise<EditionRecord | null> {
  const rows = await db.query<EditionRecord>(`SELECT ${EDITION_COLUMNS} FROM ref_edition WHERE dataset = $1 AND edition = $2`, [dataset, edition]);
  return rows[0] ?? null;
}

export async function activeEdition(db: Db, dataset: DatasetId): Promise<EditionRecord | null> {
  const rows = await db.query<EditionRecord>(`SELECT ${EDITION_COLUMNS} FROM ref_edition WHERE dataset = $1 AND is_active`, [dataset]);
  return rows[0] ?? null;
}

export async function insertEdition(tx: Db, compiled: CompiledEdition, origin: string): Promise<number> {
  const p = compiled.provenance;
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO ref_edition (dataset, edition, title, publisher, published_on, source_url, licence, caveats,
       compiled_on, row_count, checksum, stats, origin)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [compiled.dataset, p.edition, p.title, p.publisher, p.publishedOn, p.sourceUrl, p.licence, p.caveats,
      compiled.compiledOn, compiled.rowCount, compiled.checksum, JSON.stringify(compiled.stats), origin],
  );
  return rows[0]!.id;
}

/** Multi-row inserts sized to stay well under PostgreSQL's 65,535 bind parameters. */
export async function insertRows(tx: Db, def: DatasetDefinition, editionId: number, rows: readonly Row[], onBatch?: (n: number) => void): Promise<void> {
  const cols = ['edition_id', 'source_row', ...def.columns.map((c) => c.name)];
  const batch = Math.max(1, Math.floor(30_000 / cols.length));
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const params: unknown[] = [];
    const tuples = slice.map((r) => {
      const values: Cell[] = [editionId, r.row, ...def.columns.map((c) => r[c.name] ?? null)];
      const base = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    await tx.query(`INSERT INTO ${q(def.table)} (${cols.map(q).join(', ')}) VALUES ${tuples.join(', ')}`, params);
    onBatch?.(slice.length);
  }
}

export async function readRows(db: Db, def: DatasetDefinition, editionId: number): Promise<Row[]> {
  const cols = def.columns.map((c) => q(c.name)).join(', ');
  const rows = await db.query<Record<string, Cell>>(
    `SELECT source_row, ${cols} FROM ${q(def.table)} WHERE edition_id = $1 ORDER BY source_row`,
    [editionId],
  );
  return rows.map(({ source_row, ...rest }) => ({ row: Number(source_row), ...rest }) as Row);
}

export async function countRows(db: Db, def: DatasetDefinition, editionId: number): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${q(def.table)} WHERE edition_id = $1`, [editionId]);
  return rows[0]!.n;
}

export async function setActive(tx: Db, dataset: DatasetId, editionId: number): Promise<void> {
  await tx.query('UPDATE ref_edition SET is_active = false WHERE dataset = $1 AND is_active AND id <> $2', [dataset, editionId]);
  await tx.query('UPDATE ref_edition SET is_active = true WHERE id = $1', [editionId]);
}
