// What the board report says, independent of where it was computed (the server's database or `vigil assess`
// in memory) and of how it is printed (HTML or PDF). Pure types.
import type { Level, SignalKind } from '../risk/types.ts';

export interface ReportSource {
  dataset: string;
  edition: string;
  title: string;
  publisher: string;
  sourceUrl: string;
  licence: string;
}

export interface ReportSupplier {
  name: string;
  countries: string[];
  score: number;
  level: Level;
  spend: number;
  currency: string | null;
  priority: number;
  /** The strongest signals in words, with dataset, edition and row. */
  why: string[];
}

export interface ReportHotspot {
  good: string;
  countryCode: string;
  countryName: string;
  suppliers: number;
  spend: number;
  level: Level;
  kinds: SignalKind[];
  /** "ilab-tvpra 2022, row 1234" */
  source: string;
}

export interface PortfolioReport {
  organisation: string;
  /** What was assessed: a file name or "all imported supplier lines". */
  subject: string;
  generatedAt: string;
  suppliers: number;
  lines: number;
  /** The currency most spend is in; spend figures in other currencies are listed apart, never converted. */
  currency: string | null;
  spendByCurrency: { currency: string; spend: number; spendAtRisk: number }[];
  levels: { level: Level; suppliers: number; lines: number; spend: number }[];
  countries: { countryCode: string; countryName: string; suppliers: number; spend: number; level: Level; maxScore: number }[];
  hotspots: ReportHotspot[];
  worklist: ReportSupplier[];
  hardSignals: number;
  weights: { key: string; label: string; value: number; why: string }[];
  sources: ReportSource[];
}
