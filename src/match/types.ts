// The matching engine's contract: what is compared, and the explained result. Pure types.

/**
 * A score at or above this is a match. Chosen on the yente/OpenSanctions UN validation data and the benchmark's
 * generated names (see README.md): the knee where false hits stop halving for a point of recall.
 */
export const DEFAULT_THRESHOLD = 0.8;

/** Person versus company aware: a person never matches a company on name likeness alone. */
export const ENTITY_TYPES = ['person', 'company', 'unknown'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * Identifier schemes the engine compares. Values are compared after dropping spaces and punctuation and
 * upper-casing; `company_number` and `tax_id` are compared within the same country only when both sides name one.
 * Brazil: a CNPJ is a `company_number` (country BR; its first 8 digits name the company, the rest the
 * establishment), a CPF is a person's `tax_id`.
 */
export const IDENTIFIER_SCHEMES = ['lei', 'company_number', 'vat', 'duns', 'os_id', 'tax_id', 'imo', 'supplier_ref', 'other'] as const;
export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

export interface Identifier {
  scheme: IdentifierScheme;
  value: string;
  /** ISO 3166-1 alpha-2 of the issuing country, when known. */
  country?: string | null;
}

/** One side of a comparison: a supplier, site or owner, or a watchlist entity. */
export interface MatchEntity {
  name: string;
  aliases?: readonly string[];
  type?: EntityType; // default 'unknown'
  /** ISO 3166-1 alpha-2 codes (upper case). */
  countries?: readonly string[];
  identifiers?: readonly Identifier[];
  /** Persons: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
  birthDate?: string | null;
}

/** One reason the score is what it is. */
export interface MatchFeature {
  /** Stable id: 'name', 'tokens', 'initials', 'phonetic', 'legal-form', 'country', 'identifier', 'type', 'birth-date', … */
  feature: string;
  /** How much this feature moved the score (positive raises, negative lowers), on the 0–1 score scale. */
  contribution: number;
  /** One sentence an analyst can read: "‘Hoshine’ = ‘Hoshine’ (exact); ‘Silicon’ ≈ ‘Silicone’ (edit distance 1)". */
  explanation: string;
}

export interface MatchResult {
  /** 0–1. The features' contributions add up to it (after clamping, which is itself a feature when it applies). */
  score: number;
  /** score >= threshold. */
  match: boolean;
  threshold: number;
  /** The query name and candidate name (of all names and aliases) that scored best. */
  names: { query: string; candidate: string };
  features: MatchFeature[];
}

export interface CompareOptions {
  /** Default DEFAULT_THRESHOLD. */
  threshold?: number;
}

/** An indexed watchlist entity and the threshold of the list it is on (thresholds are per list). */
export interface IndexEntry<K> {
  key: K;
  entity: MatchEntity;
  threshold?: number;
}

export interface SearchOptions {
  /** Most results to return, best first (default 10). */
  limit?: number;
  /** Overrides each entry's threshold (used by `vigil compare`-style threshold checks and by benchmarks). */
  threshold?: number;
}

export interface SearchHit<K> {
  key: K;
  result: MatchResult;
}
