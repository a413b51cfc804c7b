// The risk capability: a line's country and goods to an explained inherent risk score, and the worklists
// that rank suppliers and hotspots. Pure engine here; load.ts reads the editions it is built from.
export { assessRisk, signalSeverity, weightsId } from './engine.ts';
export { buildRiskKnowledge, cite, DATASET_TITLES, TIER_LABELS } from './knowledge.ts';
export type { EditionRows, GsiCountry, IlabGood, IlabKind, IlabListing, MissingFact, RiskKnowledge, RiskKnowledgeInput, TipCountry, TipPlacement } from './knowledge.ts';
export { DEFAULT_WEIGHTS, levelOf, riskWeightsSchema, WEIGHT_EXPLANATIONS, weightAt } from './weights.ts';
export type { RiskWeights, WeightExplanation } from './weights.ts';
export { buildSectorRules, SECTOR_DATASET, SECTOR_EXPLANATIONS, SECTOR_KEYS, SECTOR_RULES_VERSION, SECTORS, sectorOfGood } from './sectors.ts';
export type { SectorInfo, SectorKey, SectorMatch, SectorRules, SectorSource, SectorVia } from './sectors.ts';
export { leverage, priority, rankHotspots, rankSuppliers } from './prioritise.ts';
export type { Hotspot, SupplierPriority, WorklistLine } from './prioritise.ts';
export { compareResults } from './changes.ts';
export { foldListHits } from './list-hits.ts';
export type { FoldedRisk, LinesRisk, ListHit } from './list-hits.ts';
export type { EditionChange, RiskChange, SignalChange } from './changes.ts';
export { LEVELS, SIGNAL_KINDS } from './types.ts';
export type { Level, RiskInput, RiskResult, Signal, SignalKind } from './types.ts';
