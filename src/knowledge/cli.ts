// CLI adapter of the knowledge base: `vigil data list|import|verify|activate`.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { appendAudit } from '../audit/repo.ts';
import type { Db } from '../db/client.ts';
import { Command } from 'commander';
import { prepareDatabase } from '../app.ts';
import { barProgress } from '../cli/progress.ts';
import { CliError, dataDirOption, type Io } from '../cli/shared.ts';
import { loadConfig } from '../config.ts';
import { DATASET_IDS, type DatasetId, ImportRejected, isDatasetId } from './dataset.ts';
import { DATASETS } from './datasets/index.ts';
import type { KnowledgeBase } from './service.ts';
import { KnowledgeError } from './service.ts';

async function withKnowledgeBase<T>(opts: { dataDir?: string }, io: Io, fn: (kb: KnowledgeBase, db: Db) => Promise<T>): Promise<T> {
  const { db, kb } = await prepareDatabase(loadConfig(opts), barProgress(io));
  try {
    return await fn(kb, db);
  } finally {
    await db.close();
  }
}

/** Reference-data changes go to the installation's audit trail (organisation 0), by the operating-system user. */
async function auditInstallation(db: Db, action: string, after: unknown): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, 0, { actorUserId: null, actor: `cli:${userInfo().username}`, action, entityType: 'reference_edition', after }));
}

function datasetArg(value: string): DatasetId {
  if (!isDatasetId(value)) throw new CliError(`unknown dataset "${value}"; datasets are ${DATASET_IDS.join(', ')}`, 2);
  return value;
}

export function dataCommands(io: Io): Command {
  const data = new Command('data').description('Reference datasets: list, import newer editions, verify, activate');

  data
    .command('list')
    .description('List every dataset and edition with its provenance')
    .option('--json', 'print JSON')
    .addOption(dataDirOption())
    .action(async (opts: { json?: boolean; dataDir?: string }) => {
      const datasets = await withKnowledgeBase(opts, io, (kb) => kb.datasets());
      if (opts.json) {
        io.out(`${JSON.stringify({ datasets }, null, 2)}\n`);
        return;
      }
      for (const d of datasets) {
        io.out(`\n${d.id} — ${d.name}\n`);
        if (d.editions.length === 0) io.out('  (no edition loaded)\n');
        for (const e of d.editions) {
          const stats = Object.entries(e.stats).map(([k, v]) => `${k.replace(/_/g, ' ')} ${v.toLocaleString('en')}`).join(', ');
          io.out(`  ${e.active ? '*' : ' '} ${e.edition}  ${e.rowCount.toLocaleString('en').padStart(7)} rows, published ${e.publishedOn ?? 'n/a'}, ${e.publisher}\n`);
          io.out(`      ${e.title} — ${e.sourceUrl}\n      licence: ${e.licence}\n      ${stats}\n      ${e.checksum}  (${e.origin})\n`);
        }
      }
      io.out('\n* = active edition\n');
    });

  data
    .command('import')
    .description('Load a new edition from the publisher\'s file(s); a bad file is rejected whole and the active edition stays')
    .argument('<dataset>', `one of ${DATASET_IDS.join(', ')}`)
    .argument('<files...>', 'the publisher file(s)')
    .option('--edition <name>', 'edition name (e.g. 2024); required where the file does not say')
    .option('--published <date>', 'publication date, YYYY-MM-DD')
    .option('--title <title>', 'title of the edition')
    .option('--publisher <name>', 'publisher')
    .option('--source-url <url>', 'where the file was downloaded from')
    .option('--licence <licence>', 'licence of the data')
    .option('--caveats <text>', 'what users must know before relying on it')
    .option('--no-activate', 'load without making it the active edition')
    .option('--allow-shrink', 'accept an edition with under half the rows of the active one')
    .addOption(dataDirOption())
    .addHelpText('after', `\nAccepted files:\n${DATASET_IDS.map((id) => `  ${id.padEnd(15)} ${DATASETS[id].accepts}`).join('\n')}\n`)
    .action(async (dataset: string, files: string[], opts: Record<string, string | boolean | undefined>) => {
      const id = datasetArg(dataset);
      const sources = files.map((name) => {
        try {
          return { name, text: readFileSync(name, 'utf8') };
        } catch (err) {
          throw new CliError(`cannot read ${name}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
        }
      });
      const record = await withKnowledgeBase({ dataDir: opts.dataDir as string | undefined }, io, async (kb, db) => {
        try {
          const loaded = await kb.importFiles(
            id,
            sources,
            {
              edition: opts.edition as string | undefined,
              publishedOn: opts.published as string | undefined,
              title: opts.title as string | undefined,
              publisher: opts.publisher as string | undefined,
              sourceUrl: opts.sourceUrl as string | undefined,
              licence: opts.licence as string | undefined,
              caveats: opts.caveats as string | undefined,
              activate: opts.activate !== false,
              allowShrink: opts.allowShrink === true,
            },
            barProgress(io),
          );
          await auditInstallation(db, 'reference.edition_imported', { dataset: id, edition: loaded.edition, rows: loaded.rowCount, checksum: loaded.checksum, active: loaded.active, files: files });
          return loaded;
        } catch (err) {
          if (err instanceof ImportRejected) throw new CliError(`Rejected: nothing was loaded and the active ${id} edition is unchanged.\n${err.message}`);
          if (err instanceof KnowledgeError) throw new CliError(err.message, err.kind === 'invalid' ? 2 : 1);
          throw err;
        }
      });
      io.out(`Loaded ${id} edition ${record.edition}: ${record.rowCount.toLocaleString('en')} rows, ${record.checksum}${record.active ? ' (now active)' : ''}\n`);
      io.out(`  ${Object.entries(record.stats).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    });

  data
    .command('verify')
    .description('Re-check the checksum and row count of every stored edition; exits 1 if any differs')
    .option('--json', 'print JSON')
    .addOption(dataDirOption())
    .action(async (opts: { json?: boolean; dataDir?: string }) => {
      const results = await withKnowledgeBase(opts, io, (kb) => kb.verify(barProgress(io)));
      if (opts.json) io.out(`${JSON.stringify({ results }, null, 2)}\n`);
      else for (const r of results) io.out(`${r.ok ? 'ok  ' : 'FAIL'} ${r.dataset} ${r.edition}${r.active ? ' (active)' : ''}${r.problems.map((p) => `\n       ${p}`).join('')}\n`);
      const failed = results.filter((r) => !r.ok).length;
      if (failed > 0) throw new CliError(`${failed} edition(s) failed verification`);
      if (!opts.json) io.out(`All ${results.length} editions verified.\n`);
    });

  data
    .command('activate')
    .description('Make an edition the active one for its dataset')
    .argument('<dataset>')
    .argument('<edition>')
    .addOption(dataDirOption())
    .action(async (dataset: string, edition: string, opts: { dataDir?: string }) => {
      const id = datasetArg(dataset);
      await withKnowledgeBase(opts, io, async (kb, db) => {
        try {
          await kb.activate(id, edition);
          await auditInstallation(db, 'reference.edition_activated', { dataset: id, edition });
        } catch (err) {
          if (err instanceof KnowledgeError) throw new CliError(err.message);
          throw err;
        }
      });
      io.out(`${id} edition ${edition} is now active.\n`);
    });

  return data;
}

