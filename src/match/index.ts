// The matching engine's public API: compare two entities, or search an index of watchlist entities.
export type { CompareOptions, EntityType, Identifier, IdentifierScheme, IndexEntry, MatchEntity, MatchFeature, MatchResult, SearchHit, SearchOptions } from './types.ts';
export { ENTITY_TYPES, IDENTIFIER_SCHEMES } from './types.ts';
export { fingerprintOf } from './fingerprint.ts';
export { compare, DEFAULT_THRESHOLD } from './compare.ts';
export { MatchIndex, type MatchIndexOptions } from './search.ts';
