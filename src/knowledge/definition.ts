// What each dataset declares: its table, its columns, how to read the publisher's files, and its headline
// figures. One definition serves the compile script, `vigil data import`, loading and `vigil data verify`.
import type { CountryResolver } from './countries.ts';
import type { Column, DatasetId, Provenance, Row } from './dataset.ts';

export interface SourceFile {
  /** The name used in error messages (the path the user gave). */
  name: string;
  text: string;
}

export interface ParseContext {
  countries: CountryResolver;
}

export interface ParsedEdition {
  rows: Row[];
  /** Edition and date where the file itself says (e.g. the latest TIP year); flags can override. */
  edition?: string;
  publishedOn?: string;
  /** Figures about the file that the rows cannot show, e.g. publisher rows left out as not on the list. */
  statsFromFile?: Record<string, number>;
}

export interface DatasetDefinition {
  id: DatasetId;
  /** Short human name, e.g. "US TIP Report tier placements". */
  name: string;
  description: string;
  /** Provenance used when an import does not say otherwise. */
  defaults: Omit<Provenance, 'edition' | 'publishedOn'>;
  /** Table holding the rows; every table also has edition_id and row. */
  table: string;
  columns: Column[];
  /** Which publisher files `vigil data import` reads, for --help and errors. */
  accepts: string;
  /** Reads the publisher's file(s); throws ImportRejected naming every bad line and field. */
  parse(files: SourceFile[], ctx: ParseContext): ParsedEdition;
  stats(rows: readonly Row[]): Record<string, number>;
}
