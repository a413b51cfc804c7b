// Watchlists: the contract between importers, the store and screening. Pure types.
import type { EntityType, Identifier, IdentifierScheme } from '../match/types.ts';

/** Hard: a legal bar or presumption (UFLPA Entity List, CBP WRO/Findings, sanctions); soft: a warning to weigh. */
export const SIGNAL_STRENGTHS = ['hard', 'soft'] as const;
export type SignalStrength = (typeof SIGNAL_STRENGTHS)[number];

export const WATCHLIST_FORMATS = ['ftm', 'br-mte', 'table'] as const;
export type WatchlistFormat = (typeof WATCHLIST_FORMATS)[number];

/** One listed entity, as an importer produced it. */
export interface WatchlistEntity {
  /** Stable id within the list across editions (FtM id, MTE register id + CNPJ/CPF, a mapped id column, or a hash of the name and country). */
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  countries: string[]; // ISO alpha-2
  identifiers: Identifier[];
  birthDate: string | null;
  /** List-specific facts shown to the analyst (reason for listing, date listed, products, programme, workers involved, …). */
  properties: Record<string, string | number | null>;
  /** 1-based line (JSON lines) or data row (tables) of the source file: the explanation cites it. */
  sourceRow: number;
}

/**
 * A line-level problem in a list file; any error rejects the whole file and the active version stays. Importers
 * report warnings (a row skipped or read with a correction) in the same shape, apart from the errors.
 */
export interface WatchlistIssue {
  file: string;
  line: number;
  field: string | null;
  value: string | null;
  message: string;
}

/** What the list is, who publishes it, and what a hit on it means. */
export interface WatchlistDefinition {
  /** 'us-dhs-uflpa', 'us-cbp-wro', 'br-mte-slavery', or an organisation's own slug. */
  slug: string;
  name: string;
  publisher: string;
  sourceUrl: string | null;
  licence: string | null;
  signal: SignalStrength;
  /** Why a hit counts (the law or guidance); shown with every hit. */
  basis: string;
  /** Match threshold for this list (0–1). */
  threshold: number;
}

export interface WatchlistVersionInfo {
  id: number;
  edition: string;
  publishedOn: string | null;
  importedAt: string;
  fileName: string;
  sha256: string;
  entities: number;
  format: WatchlistFormat;
  /** Who imported it, as the audit trail names them (an e-mail address, or cli:<os user>). */
  importedBy: string;
  /** Rows the importer skipped or corrected, with a warning. */
  warnings: number;
}

/** A list as an organisation sees it: threshold is the organisation's own for a shared list when it set one. */
export type Watchlist = WatchlistDefinition & {
  id: number;
  scope: 'shared' | 'organisation';
  activeVersion: WatchlistVersionInfo | null;
  /** Entities in the active version. */
  entities: number;
  /** The list's own threshold (threshold differs when the organisation set its own for a shared list). */
  listThreshold: number;
};

/** A stored entity: id is "<versionId>:<n>", n numbering the version's entities in file order. */
export type StoredEntity = WatchlistEntity & { id: string; fingerprint: string };

/** A list's active version and its entities, as screening reads them. */
export interface ActiveList {
  watchlist: Watchlist;
  version: WatchlistVersionInfo;
  entities: StoredEntity[];
}

/**
 * Which header of a table feeds which field (format 'table'). Only name is required. Aliases and countries may
 * hold several values separated by ';' or '|'; countries may be names or ISO codes.
 */
export interface TableMapping {
  name: string;
  aliases?: string;
  /** person / individual, company / organisation / entity; blank = defaultType. */
  type?: string;
  country?: string;
  identifiers?: { column: string; scheme: IdentifierScheme; country?: string }[];
  birthDate?: string;
  /** The list's own id of the row; else the key is a hash of name and countries. */
  id?: string;
  /** Columns kept as properties (shown to the analyst); default: every column not mapped above. */
  properties?: string[];
  /** Type of a row whose type column is blank or absent (default 'unknown'). */
  defaultType?: EntityType;
}
