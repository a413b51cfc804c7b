// Reads what the classifier is built from: the goods map (reference-src/ilab-goods-map.csv), checked against
// the compiled ILAB, HS and CPV editions in reference/. IO lives here, apart from the pure engine, so tests,
// the benchmark, the compile step and later the services can share it.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCompiledEdition } from '../knowledge/compiled-files.ts';
import type { CompiledEdition } from '../knowledge/dataset.ts';
import type { ClassifierData, IlabRowLike } from './classifier.ts';
import type { CpvRowLike, HsRowLike } from './codes.ts';
import { compileGoodsMap, type GoodsMap, type GoodsMapReferences } from './goods-map.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GOODS_MAP_PATH = join(REPO_ROOT, 'reference-src', 'ilab-goods-map.csv');
export const DEFAULT_EDITIONS = { ilab: 'reference/ilab-tvpra/2022.json', hs: 'reference/hs/2022.json', cpv: 'reference/cpv/2008.json' } as const;

export interface ReferenceEditions {
  ilab: CompiledEdition;
  hs: CompiledEdition;
  cpv: CompiledEdition;
}

export function readReferenceEditions(paths: { ilab: string; hs: string; cpv: string } = DEFAULT_EDITIONS): ReferenceEditions {
  const read = (p: string) => readCompiledEdition(join(REPO_ROOT, p));
  return { ilab: read(paths.ilab), hs: read(paths.hs), cpv: read(paths.cpv) };
}

/** The names and codes the goods map is checked against. */
export function goodsMapReferences(refs: ReferenceEditions): GoodsMapReferences {
  return {
    ilabGoods: new Set(refs.ilab.rows.map((r) => String(r.good))),
    hsCodes: new Set(refs.hs.rows.filter((r) => r.level !== 0).map((r) => String(r.code))),
    cpvCodes: new Map(refs.cpv.rows.map((r) => [String(r.code), String(r.check_digit)])),
  };
}

/** Reads and checks the goods map; throws ImportRejected naming every bad line and field. */
export function loadGoodsMap(refs: ReferenceEditions, path: string = GOODS_MAP_PATH): GoodsMap {
  const name = relative(REPO_ROOT, path) || path;
  return compileGoodsMap({ name, text: readFileSync(path, 'utf8') }, goodsMapReferences(refs));
}

/** Everything buildClassifier needs, from the repository's own files. */
export function loadClassifierData(options: { goodsMapPath?: string; refs?: ReferenceEditions } = {}): ClassifierData {
  const refs = options.refs ?? readReferenceEditions();
  const goodsMap = loadGoodsMap(refs, options.goodsMapPath);
  return {
    goodsMap,
    ilab: { edition: refs.ilab.provenance.edition, rows: refs.ilab.rows as unknown as IlabRowLike[] },
    hs: { edition: refs.hs.provenance.edition, rows: refs.hs.rows as unknown as HsRowLike[] },
    cpv: { edition: refs.cpv.provenance.edition, rows: refs.cpv.rows as unknown as CpvRowLike[] },
  };
}
