// The classification capability: free text and HS / CPV codes to the ILAB list's goods. Pure engine here;
// load.ts reads the files it is built from.
export { buildClassifier, CONFIDENCE, NON_MATERIAL_HEADS, SERVICE_BEFORE_OF } from './classifier.ts';
export type { Classification, Classifier, ClassifierData, DownstreamInput, Evidence, GoodMatch, IlabRowLike, LineInput, MatchKind, SourceRef } from './classifier.ts';
export { resolveCpv, resolveHs, buildCpvTable, buildHsTable } from './codes.ts';
export type { CodeLevel, CodeResolution, CpvRowLike, HsRowLike } from './codes.ts';
export { compileGoodsMap, goodsMapCoverage, GOODS_MAP_COLUMNS } from './goods-map.ts';
export type { GoodsMap, GoodsMapCoverage, GoodsMapEntry, GoodsMapReferences, MapCode, MapTerm } from './goods-map.ts';
export { normaliseWords, phraseKey, singular, tokenize, tokenizeWithSpans } from './normalise.ts';
