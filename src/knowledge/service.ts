// Knowledge-base use cases that write: load the bundled editions, import a newer edition from a publisher's
// file, activate an edition, verify stored editions against their checksums.
import { basename } from 'node:path';
import type { Db } from '../db/client.ts';
import { compileEdition, listCompiledFiles, readCompiledEdition, REFERENCE_DIR } from './compiled-files.ts';
import { CountryResolver, type CountryRecord } from './countries.ts';
import type { Dataset as DatasetSummary } from './api-schema.ts';
import { checksumRows, DATASET_IDS, type CompiledEdition, type DatasetId, ImportRejected, type Provenance } from './dataset.ts';
import { DATASETS } from './datasets/index.ts';
import type { SourceFile } from './definition.ts';
import { activeEdition, countRows, type EditionRecord, findEdition, insertEdition, insertRows, listEditions, readRows, setActive } from './repo.ts';

/** Progress of long work; the CLI draws a bar, the server logs, tests ignore it. */
export interface Progress {
  start(label: string, total: number): void;
  advance(n: number): void;
  done(): void;
}
export const silent: Progress = { start() {}, advance() {}, done() {} };

export class KnowledgeError extends Error {
  constructor(
    message: string,
    readonly kind: 'not-found' | 'conflict' | 'invalid',
  ) {
    super(message);
    this.name = 'KnowledgeError';
  }
}

export interface ImportOptions {
  edition?: string;
  publishedOn?: string;
  title?: string;
  publisher?: string;
  sourceUrl?: string;
  licence?: string;
  caveats?: string;
  /** Make the new edition the active one (default). */
  activate?: boolean;
  /** Accept an edition with under half the rows of the active one (otherwise taken for a truncated file). */
  allowShrink?: boolean;
}

export interface VerifyResult {
  dataset: DatasetId;
  edition: string;
  active: boolean;
  ok: boolean;
  problems: string[];
}

export class KnowledgeBase {
  private resolver: { editionId: number; resolver: CountryResolver } | null = null;

  constructor(readonly db: Db) {}

  /** Loads every compiled edition shipped in reference/ that the database does not hold yet. */
  async loadBundled(progress: Progress = silent, dir = REFERENCE_DIR): Promise<EditionRecord[]> {
    const loaded: EditionRecord[] = [];
    for (const file of listCompiledFiles(dir)) {
      const compiled = readCompiledEdition(file);
      if (await findEdition(this.db, compiled.dataset, compiled.provenance.edition)) continue;
      const activate = !(await activeEdition(this.db, compiled.dataset));
      loaded.push(await this.store(compiled, 'bundled', activate, progress));
    }
    return loaded;
  }

  /**
   * Reads a publisher's file into a new edition. Nothing is written unless the whole file is valid: a bad
   * file throws ImportRejected naming every line and field, and the active edition stays as it was.
   */
  async importFiles(dataset: DatasetId, files: SourceFile[], opts: ImportOptions = {}, progress: Progress = silent): Promise<EditionRecord> {
    const def = DATASETS[dataset];
    const parsed = def.parse(files, { countries: await this.countryResolver() });
    const edition = opts.edition ?? parsed.edition;
    if (!edition) throw new KnowledgeError(`the file does not say which edition it is: pass --edition (e.g. --edition 2024)`, 'invalid');
    if (await findEdition(this.db, dataset, edition)) {
      throw new KnowledgeError(`${dataset} edition "${edition}" is already loaded; give the new one another --edition name`, 'conflict');
    }
    const publishedOn = opts.publishedOn ?? parsed.publishedOn ?? null;
    if (publishedOn !== null && !/^\d{4}-\d{2}-\d{2}$/.test(publishedOn)) throw new KnowledgeError(`--published must be a date YYYY-MM-DD, not "${publishedOn}"`, 'invalid');
    const provenance: Provenance = {
      ...def.defaults,
      ...definedOnly({ title: opts.title, publisher: opts.publisher, sourceUrl: opts.sourceUrl, licence: opts.licence, caveats: opts.caveats }),
      edition,
      publishedOn,
    };
    const compiled = compileEdition(def, parsed, provenance, today());
    const current = await activeEdition(this.db, dataset);
    if (current && !opts.allowShrink && compiled.rowCount < current.rowCount / 2) {
      throw new ImportRejected([
        {
          file: files.map((f) => f.name).join(', '),
          line: null,
          field: null,
          message: `only ${compiled.rowCount} rows, against ${current.rowCount} in the active edition ${current.edition}: the file looks truncated (pass --allow-shrink if the publisher really shortened the list)`,
        },
      ]);
    }
    return this.store(compiled, `import: ${files.map((f) => basename(f.name)).join(', ')}`, opts.activate ?? true, progress);
  }

  async activate(dataset: DatasetId, edition: string): Promise<EditionRecord> {
    const found = await findEdition(this.db, dataset, edition);
    if (!found) throw new KnowledgeError(`${dataset} has no edition "${edition}"`, 'not-found');
    await this.db.transaction((tx) => setActive(tx, dataset, found.id));
    this.resolver = null;
    return { ...found, active: true };
  }

  async editions(): Promise<EditionRecord[]> {
    return listEditions(this.db);
  }

  /** Every dataset, loaded or not, with its editions and their provenance (what `data list` and the API show). */
  async datasets(): Promise<DatasetSummary[]> {
    const editions = await listEditions(this.db);
    return DATASET_IDS.map((id) => {
      const mine = editions.filter((e) => e.dataset === id);
      return {
        id,
        name: DATASETS[id].name,
        description: DATASETS[id].description,
        activeEdition: mine.find((e) => e.active)?.edition ?? null,
        editions: mine.map(({ id: _id, dataset: _d, ...e }) => e),
      };
    });
  }

  /** Recomputes every stored edition's checksum and row count, and compares bundled ones with their files. */
  async verify(progress: Progress = silent, dir = REFERENCE_DIR): Promise<VerifyResult[]> {
    const bundled = new Map<string, CompiledEdition>();
    for (const file of listCompiledFiles(dir)) {
      const c = readCompiledEdition(file);
      bundled.set(`${c.dataset}/${c.provenance.edition}`, c);
    }
    const editions = await listEditions(this.db);
    progress.start('verifying', editions.length);
    const results: VerifyResult[] = [];
    for (const e of editions) {
      const def = DATASETS[e.dataset];
      const problems: string[] = [];
      const rows = await readRows(this.db, def, e.id);
      if (rows.length !== e.rowCount) problems.push(`row count ${rows.length}, recorded ${e.rowCount}`);
      const sum = checksumRows(def.columns, rows);
      if (sum !== e.checksum) problems.push(`checksum ${sum} differs from recorded ${e.checksum}`);
      const file = e.origin === 'bundled' ? bundled.get(`${e.dataset}/${e.edition}`) : undefined;
      if (file && file.checksum !== e.checksum) problems.push(`recorded checksum differs from the bundled file's ${file.checksum}`);
      results.push({ dataset: e.dataset, edition: e.edition, active: e.active, ok: problems.length === 0, problems });
      progress.advance(1);
    }
    progress.done();
    return results;
  }

  /** Resolver over the active countries edition; rebuilt when another edition becomes active. */
  async countryResolver(): Promise<CountryResolver> {
    const active = await activeEdition(this.db, 'countries');
    if (!active) throw new KnowledgeError('no countries edition is loaded; run `vigil db migrate` to load the bundled reference data', 'not-found');
    if (this.resolver?.editionId !== active.id) {
      const rows = await readRows(this.db, DATASETS.countries, active.id);
      this.resolver = { editionId: active.id, resolver: new CountryResolver(rows as unknown as CountryRecord[]) };
    }
    return this.resolver.resolver;
  }

  private async store(compiled: CompiledEdition, origin: string, activate: boolean, progress: Progress): Promise<EditionRecord> {
    const def = DATASETS[compiled.dataset];
    progress.start(`${compiled.dataset} ${compiled.provenance.edition}`, compiled.rowCount);
    try {
      const id = await this.db.transaction(async (tx) => {
        const editionId = await insertEdition(tx, compiled, origin);
        await insertRows(tx, def, editionId, compiled.rows, (n) => progress.advance(n));
        const stored = await countRows(tx, def, editionId);
        if (stored !== compiled.rowCount) throw new Error(`stored ${stored} rows of ${compiled.rowCount}; nothing was kept`);
        if (activate) await setActive(tx, compiled.dataset, editionId);
        return editionId;
      });
      if (compiled.dataset === 'countries') this.resolver = null;
      const record = await findEdition(this.db, compiled.dataset, compiled.provenance.edition);
      if (!record || record.id !== id) throw new Error('edition vanished after commit');
      return record;
    } finally {
      progress.done();
    }
  }
}

function definedOnly<T extends Record<string, string | undefined>>(o: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
