// The risk engine's contract: what it reads, what it returns. Pure types.
import type { Classification } from '../classify/index.ts';

export const LEVELS = ['low', 'medium', 'high', 'severe'] as const;
export type Level = (typeof LEVELS)[number];

export const SIGNAL_KINDS = [
  'ilab-forced-labour', // the good is on the ILAB list for this country, forced labour
  'ilab-child-labour',
  'ilab-forced-child-labour',
  'ilab-downstream', // the good is made from a listed input (polysilicon → solar modules)
  'ilab-listed-elsewhere', // the good is on the ILAB list, but for other countries (or the line's country is unknown)
  'tip-tier', // government effort against trafficking (TIP report), latest year and trend
  'gsi-prevalence', // estimated prevalence of modern slavery (Walk Free GSI)
  'sector', // sector exposure (agriculture, fishing, mining, construction, cleaning, security, …)
  'list-hit', // entity-list hit (screening, issue 5): hard signals, kept apart from the score
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export interface Signal {
  kind: SignalKind;
  /** Hard signals (legal bar or presumption) are reported apart and never folded into the score. */
  hard: boolean;
  /** Knowledge-base dataset id ('ilab-tvpra', 'tip-tiers', 'gsi', 'ilab-goods-map', 'vigil-sectors', …). */
  dataset: string;
  edition: string;
  /** Stable key of the fact within the edition, e.g. 'Cocoa|CI', 'MM|2025', 'KP', 'fishing'. */
  key: string;
  /** Row of the edition the fact comes from (null for rules that have no row, e.g. sector keywords). */
  row: number | null;
  /** 0–1: how strongly this fact indicates risk before weighting. */
  strength: number;
  /** Points this signal adds to the 0–100 score (0 for hard signals). */
  contribution: number;
  /** One sentence a compliance manager can read: what the fact is and why it counts. */
  explanation: string;
  /** Structured facts for the web page (good, country, tier, year, trend, prevalence, …). */
  facts: Record<string, string | number | boolean | null>;
}

export interface RiskResult {
  score: number; // 0–100, integer
  level: Level;
  /** Scored signals, largest contribution first. */
  signals: Signal[];
  /** Hard signals, apart from the score. */
  hard: Signal[];
  /** Severity (0–1, how grave the abuse the signals point to) and likelihood (0–1) for prioritisation. */
  severity: number;
  likelihood: number;
  /** Dataset id → edition used. */
  editions: Record<string, string>;
  /** Which weights scored it: 'sha256:…' of the weights (see weightsId in engine.ts). */
  weights: string;
  /** Why the score is what it is, in one or two sentences. */
  summary: string;
}

/** One line to assess: the resolved country and the classifier's output for its goods. */
export interface RiskInput {
  countryCode: string | null;
  classification: Classification;
  /** Free text, for the sector rules (services have no ILAB good: cleaning, security, …). */
  description: string | null;
  /** Hard signals found elsewhere (entity-list hits from screening): passed through, never scored. */
  hard?: readonly Signal[];
}
