// Where assessments get their editions: the bundled compiled files (for `vigil assess` without a database
// and for the benchmark) or the database's active editions (for the server and imports). IO lives here.
import type { Db } from '../db/client.ts';
import type { IlabRowLike } from '../classify/index.ts';
import type { CpvRowLike, HsRowLike } from '../classify/codes.ts';
import { loadGoodsMap, readReferenceEditions, type ReferenceEditions } from '../classify/load.ts';
import type { EditionRows } from '../risk/knowledge.ts';
import { readRiskEditions } from '../risk/load.ts';
import type { CompiledEdition, DatasetId } from '../knowledge/dataset.ts';
import { DATASETS } from '../knowledge/datasets/index.ts';
import { activeEdition, readRows } from '../knowledge/repo.ts';
import { KnowledgeError } from '../knowledge/service.ts';
import type { AssessorData } from './pipeline.ts';

type Edition = Pick<CompiledEdition, 'rows'> & { provenance: { edition: string } };

function assemble(e: Record<'ilab' | 'hs' | 'cpv', Edition> & Record<'tip' | 'gsi', EditionRows>): AssessorData {
  const goodsMap = loadGoodsMap({ ilab: e.ilab, hs: e.hs, cpv: e.cpv } as ReferenceEditions);
  return {
    classifier: {
      goodsMap,
      ilab: { edition: e.ilab.provenance.edition, rows: e.ilab.rows as unknown as IlabRowLike[] },
      hs: { edition: e.hs.provenance.edition, rows: e.hs.rows as unknown as HsRowLike[] },
      cpv: { edition: e.cpv.provenance.edition, rows: e.cpv.rows as unknown as CpvRowLike[] },
    },
    tip: e.tip,
    gsi: e.gsi,
  };
}

/** The bundled editions the classifier and the risk engine default to (reference/). */
export function assessorDataFromFiles(): AssessorData {
  const { tip, gsi } = readRiskEditions();
  return assemble({ ...readReferenceEditions(), tip, gsi });
}

/** The database's active editions; throws when one is missing (run `vigil db migrate`). */
export async function assessorDataFromDb(db: Db): Promise<AssessorData> {
  const load = async (dataset: DatasetId): Promise<Edition> => {
    const active = await activeEdition(db, dataset);
    if (!active) throw new KnowledgeError(`no ${dataset} edition is active; run \`vigil db migrate\` to load the bundled reference data`, 'not-found');
    return { provenance: { edition: active.edition }, rows: await readRows(db, DATASETS[dataset], active.id) };
  };
  const [ilab, hs, cpv, tip, gsi] = await Promise.all((['ilab-tvpra', 'hs', 'cpv', 'tip-tiers', 'gsi'] as const).map(load));
  const rows = (e: Edition): EditionRows => ({ edition: e.provenance.edition, rows: e.rows });
  return assemble({ ilab: ilab!, hs: hs!, cpv: cpv!, tip: rows(tip!), gsi: rows(gsi!) });
}

/** Active edition ids, to tell when a cached assessor is stale. */
export async function activeEditionKey(db: Db): Promise<string> {
  const rows = await db.query<{ key: string }>(`SELECT string_agg(dataset || ':' || id, ',' ORDER BY dataset) AS key FROM ref_edition WHERE is_active`);
  return rows[0]?.key ?? '';
}
