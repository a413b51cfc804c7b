// What the risk engine knows, precomputed once from plain editions ({ edition, rows }) of the ILAB list, the
// TIP tier placements and the Global Slavery Index: the compiled files in reference/ (load.ts) or the
// database's active editions (the server). Everything that does not depend on the line or the weights is
// worked out here, including the sentences that explain each fact, so that assessRisk only looks things up.
// Pure.
import { TIERS, type Tier } from '../knowledge/datasets/tip-tiers.ts';
import { buildSectorRules, SECTOR_DATASET, SECTOR_RULES_VERSION, type SectorRules } from './sectors.ts';
import type { SignalKind } from './types.ts';

/**
 * An edition as plain rows: a compiled file's or the database's (knowledge/dataset.ts Row), or the classifier's
 * IlabRowLike. Rows are taken as any object and every field, `row` included, is checked on reading.
 */
export interface EditionRows {
  edition: string;
  rows: readonly object[];
}

interface RowLike {
  readonly row: number;
}

export interface RiskKnowledgeInput {
  ilab: EditionRows;
  tip: EditionRows;
  gsi: EditionRows;
}

type Facts = Readonly<Record<string, string | number | boolean | null>>;

export const DATASET_TITLES: Readonly<Record<string, string>> = {
  'ilab-tvpra': 'US DOL ILAB List of Goods Produced by Child Labor or Forced Labor',
  'tip-tiers': 'US TIP Report tier placements',
  gsi: 'Walk Free Global Slavery Index',
  [SECTOR_DATASET]: "Vigil's sector rules",
};

/** "Source: US TIP Report tier placements (tip-tiers), edition 2025, row 812." */
export function cite(dataset: string, edition: string, row: number | null, more = ''): string {
  return `Source: ${DATASET_TITLES[dataset] ?? dataset} (${dataset}), edition ${edition}${row !== null ? `, row ${row}` : ''}${more}.`;
}

export type IlabKind = Extract<SignalKind, 'ilab-forced-child-labour' | 'ilab-forced-labour' | 'ilab-child-labour' | 'ilab-downstream'>;

export interface IlabListing {
  row: number;
  good: string;
  countryCode: string;
  country: string;
  sector: string | null;
  childLabour: boolean;
  forcedLabour: boolean;
  forcedChildLabour: boolean;
  downstream: boolean;
  inputGood: string | null;
  inputCountryCode: string | null;
  /** For a downstream good: the listing of its input (Polysilicon from China for Chinese solar modules). */
  input: IlabListing | null;
  /** The gravest type: forced child labour, forced labour, child labour, or downstream. */
  kind: IlabKind;
  /** "child labour, forced labour and forced child labour". */
  types: string;
  /** 'Cocoa|CI'. */
  key: string;
  /** What the list says and what it means, without the line's confidence. */
  statement: string;
  citation: string;
  /** Short form for a summary: "Cocoa from Côte d'Ivoire (ILAB: forced child labour)". */
  label: string;
  facts: Facts;
}

export interface IlabGood {
  good: string;
  sector: string | null;
  /** Country code → the good's listing there. */
  listings: ReadonlyMap<string, IlabListing>;
  /** "ILAB's list names Cotton from 18 countries: China, …". */
  statement: string;
  citation: string;
  facts: Facts;
}

export interface TipPlacement {
  year: number;
  tier: Tier;
  row: number;
  countryName: string;
}

export interface TipCountry {
  countryCode: string;
  country: string;
  /** Report year → placement, exactly as the edition gives them: a year with no placement is absent. */
  byYear: ReadonlyMap<number, TipPlacement>;
  latest: TipPlacement;
  /** The placement before the latest one, in the latest year before it that has one. */
  previous: TipPlacement | null;
  /** Report years of the edition after the previous placement that have none for the country (never guessed). */
  missingYears: readonly number[];
  /** Tier steps from previous to latest: positive when downgraded, negative when upgraded; null when a Special Case is involved or there is no previous placement. */
  steps: number | null;
  /** 'BR|2025'. */
  key: string;
  text: string;
  label: string;
  facts: Facts;
}

export interface GsiCountry {
  countryCode: string;
  country: string;
  row: number | null;
  /** Estimated people in modern slavery per 1,000; null when the edition has no estimate. */
  prevalence: number | null;
  estimated: number | null;
  text: string;
  label: string;
  facts: Facts;
}

/** The explanation of a fact the edition does not have (no TIP placement for the country). */
export interface MissingFact {
  key: string;
  text: string;
  label: string;
  facts: Facts;
}

export interface RiskKnowledge {
  /** Dataset id → edition: ilab-tvpra, tip-tiers, gsi and vigil-sectors. Shared by every result. */
  readonly editions: Readonly<Record<string, string>>;
  /** ILAB good name (as ILAB spells it) → its listings. */
  readonly ilab: ReadonlyMap<string, IlabGood>;
  /** Country code → its TIP placements; countries the edition never places are absent. */
  readonly tip: ReadonlyMap<string, TipCountry>;
  /** The report years the TIP edition covers. */
  readonly tipYears: readonly number[];
  /** Country code → its GSI row. */
  readonly gsi: ReadonlyMap<string, GsiCountry>;
  readonly sectors: SectorRules;
  /** The country's name as the TIP or GSI edition writes it; the code itself when neither has it. */
  countryName(countryCode: string): string;
  /** For a country the TIP edition never places. */
  missingTip(countryCode: string): MissingFact;
  /** For a country the GSI edition has no row for. */
  missingGsi(countryCode: string): GsiCountry;
}

export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  '1': 'Tier 1',
  '2': 'Tier 2',
  '2WL': 'Tier 2 Watch List',
  '3': 'Tier 3',
  special_case: 'Special Case (not ranked)',
};

/** Tier order for the trend: a higher rank is a weaker government effort. Special Cases are not ranked. */
const TIER_RANK: Readonly<Record<Tier, number | null>> = { '1': 0, '2': 1, '2WL': 2, '3': 3, special_case: null };

const TIP_MEANING = 'A TIP tier rates how much the government does against trafficking, not how much trafficking there is: weak effort leaves workers less protected.';
const ILAB_MEANING = 'The list names goods and countries, not companies: it says this good from this country carries the risk, not that this supplier uses such labour.';

// ---------------------------------------------------------------------------------------------------------
// Reading rows: the editions come from files or the database, so every field is checked once, here.

function get(r: object, field: string): unknown {
  return (r as Record<string, unknown>)[field];
}

/** The row's number in the publisher's file, checked. */
function rowOf(dataset: string, r: object): RowLike {
  const row = get(r, 'row');
  if (typeof row !== 'number' || !Number.isInteger(row)) throw new Error(`${dataset}: a row has no row number (found ${JSON.stringify(row)})`);
  return r as RowLike;
}

class RowReader {
  constructor(private readonly dataset: string) {}
  private fail(r: RowLike, field: string, want: string): never {
    throw new Error(`${this.dataset}, row ${r.row}: field "${field}" should be ${want}, found ${JSON.stringify(get(r, field))}`);
  }
  text(r: RowLike, field: string): string {
    const v = get(r, field);
    return typeof v === 'string' && v !== '' ? v : this.fail(r, field, 'text');
  }
  textOrNull(r: RowLike, field: string): string | null {
    const v = get(r, field);
    return v === null || v === undefined ? null : typeof v === 'string' ? v : this.fail(r, field, 'text or null');
  }
  bool(r: RowLike, field: string): boolean {
    const v = get(r, field);
    return typeof v === 'boolean' ? v : this.fail(r, field, 'true or false');
  }
  numberOrNull(r: RowLike, field: string): number | null {
    const v = get(r, field);
    if (v === null || v === undefined) return null;
    // PostgreSQL returns bigint columns as strings.
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? n : this.fail(r, field, 'a number or null');
  }
  tier(r: RowLike, field: string): Tier {
    const v = get(r, field);
    return typeof v === 'string' && (TIERS as readonly string[]).includes(v) ? (v as Tier) : this.fail(r, field, `one of ${TIERS.join(', ')}`);
  }
}

/** "a, b and c". */
function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

// ---------------------------------------------------------------------------------------------------------
// ILAB

function buildIlab(edition: EditionRows): Map<string, IlabGood> {
  const read = new RowReader('ilab-tvpra');
  const { edition: ed } = edition;
  const drafts: IlabListing[] = [];
  for (const raw of edition.rows) {
    const r = rowOf('ilab-tvpra', raw);
    const good = read.text(r, 'good');
    const countryCode = read.text(r, 'country_code');
    const childLabour = read.bool(r, 'child_labor');
    const forcedLabour = read.bool(r, 'forced_labor');
    const forcedChildLabour = read.bool(r, 'forced_child_labor');
    const downstream = read.bool(r, 'downstream');
    const typeList = [childLabour && 'child labour', forcedLabour && 'forced labour', forcedChildLabour && 'forced child labour'].filter((t): t is string => Boolean(t));
    const kind: IlabKind = forcedChildLabour ? 'ilab-forced-child-labour' : forcedLabour ? 'ilab-forced-labour' : childLabour ? 'ilab-child-labour' : 'ilab-downstream';
    drafts.push({
      row: r.row,
      good,
      countryCode,
      country: read.textOrNull(r, 'country_name') ?? countryCode,
      sector: read.textOrNull(r, 'sector'),
      childLabour,
      forcedLabour,
      forcedChildLabour,
      downstream,
      inputGood: read.textOrNull(r, 'input_good'),
      inputCountryCode: read.textOrNull(r, 'input_country_code'),
      input: null,
      kind,
      types: downstream && typeList.length === 0 ? 'downstream' : listWords(typeList),
      key: `${good}|${countryCode}`,
      statement: '',
      citation: '',
      label: '',
      facts: {},
    });
  }
  const byKey = new Map(drafts.map((l) => [l.key, l]));
  for (const l of drafts) {
    if (l.downstream && l.inputGood && l.inputCountryCode) l.input = byKey.get(`${l.inputGood}|${l.inputCountryCode}`) ?? null;
    const input = l.input;
    if (l.downstream) {
      const inputName = `${l.inputGood ?? 'an input the list does not name'}${l.inputCountryCode ? ` from ${input?.country ?? l.inputCountryCode}` : ''}`;
      l.statement = `ILAB's list names ${l.good} from ${l.country} as made from ${inputName}${input ? `, which it lists for ${input.types}` : ''}: the risk lies one step up the chain, in the input. ${ILAB_MEANING}`;
      l.citation = cite('ilab-tvpra', ed, l.row, input ? `; the input: row ${input.row}` : '');
      l.label = `${l.good} from ${l.country} (ILAB: made from ${l.inputGood ?? 'a listed input'}${input ? `, ${input.types}` : ''})`;
    } else {
      l.statement = `ILAB's list names ${l.good} from ${l.country} as produced with ${l.types}. ${ILAB_MEANING}`;
      l.citation = cite('ilab-tvpra', ed, l.row);
      l.label = `${l.good} from ${l.country} (ILAB: ${l.types})`;
    }
    l.facts = Object.freeze({
      good: l.good,
      countryCode: l.countryCode,
      country: l.country,
      sector: l.sector,
      types: l.types,
      childLabour: l.childLabour,
      forcedLabour: l.forcedLabour,
      forcedChildLabour: l.forcedChildLabour,
      downstream: l.downstream,
      inputGood: l.inputGood,
      inputCountryCode: l.inputCountryCode,
      inputRow: input?.row ?? null,
      inputTypes: input?.types ?? null,
    });
    Object.freeze(l);
  }

  const goods = new Map<string, IlabGood>();
  const byGood = new Map<string, IlabListing[]>();
  for (const l of drafts) {
    const list = byGood.get(l.good);
    if (list) list.push(l); else byGood.set(l.good, [l]);
  }
  for (const [good, listings] of byGood) {
    const names = listings.map((l) => `${l.country} (${l.types === 'downstream' ? `made from ${l.inputGood ?? 'a listed input'}` : l.types})`);
    const shown = names.length > 8 ? [...names.slice(0, 8), `${names.length - 8} more`] : names;
    const rows = listings.map((l) => l.row);
    goods.set(good, Object.freeze({
      good,
      sector: listings[0]!.sector,
      listings: new Map(listings.map((l) => [l.countryCode, l])),
      statement: `ILAB's list names ${good} from ${listings.length === 1 ? 'one country' : `${listings.length} countries`}: ${listWords(shown)}.`,
      citation: cite('ilab-tvpra', ed, null, `, row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}`),
      facts: Object.freeze({ good, sector: listings[0]!.sector, listedCountries: listings.map((l) => l.countryCode).join(', '), rows: rows.join(', ') }),
    }));
  }
  return goods;
}

// ---------------------------------------------------------------------------------------------------------
// TIP

function buildTip(edition: EditionRows): { countries: Map<string, TipCountry>; years: number[] } {
  const read = new RowReader('tip-tiers');
  const placements = new Map<string, TipPlacement[]>();
  const yearSet = new Set<number>();
  for (const raw of edition.rows) {
    const r = rowOf('tip-tiers', raw);
    const code = read.text(r, 'country_code');
    const year = read.numberOrNull(r, 'year');
    if (year === null || !Number.isInteger(year)) throw new Error(`tip-tiers, row ${r.row}: field "year" should be a report year, found ${JSON.stringify(get(r, 'year'))}`);
    yearSet.add(year);
    const p: TipPlacement = Object.freeze({ year, tier: read.tier(r, 'tier'), row: r.row, countryName: read.textOrNull(r, 'country_name') ?? code });
    const list = placements.get(code);
    if (list) list.push(p); else placements.set(code, [p]);
  }
  const years = [...yearSet].sort((a, b) => a - b);
  const lastYear = years.at(-1)!;
  const countries = new Map<string, TipCountry>();
  for (const [code, list] of placements) {
    list.sort((a, b) => a.year - b.year);
    const latest = list.at(-1)!;
    const previous = list.length > 1 ? list.at(-2)! : null;
    const from = previous?.year ?? latest.year;
    const missingYears = years.filter((y) => y > from && y !== latest.year);
    const rank = (t: Tier) => TIER_RANK[t];
    const steps = previous && rank(previous.tier) !== null && rank(latest.tier) !== null ? rank(latest.tier)! - rank(previous.tier)! : null;
    const country = latest.countryName;
    const gaps = missingYears.filter((y) => y < latest.year);
    const after = missingYears.filter((y) => y > latest.year);
    let trend: string;
    if (!previous) trend = '; the edition has no earlier placement, so no trend is drawn';
    else if (steps === null) trend = `; in ${previous.year} it was ${TIER_LABELS[previous.tier]}, which cannot be compared, so no trend is drawn`;
    else if (steps === 0) trend = `, as in ${previous.year}`;
    else trend = `, ${steps > 0 ? 'down' : 'up'} ${Math.abs(steps) === 1 ? 'one step' : `${Math.abs(steps)} steps`} from ${TIER_LABELS[previous.tier]} in ${previous.year}`;
    const gapText = gaps.length > 0 ? ` (the edition has no placement for ${country} in ${listWords(gaps.map(String))}; none is guessed)` : '';
    const staleText = after.length > 0 ? ` The edition's latest year is ${lastYear}, with no placement for ${country} in ${listWords(after.map(String))}: its latest placement is used, and none is guessed.` : '';
    const citation = cite('tip-tiers', edition.edition, latest.row, previous ? `; previous placement: row ${previous.row} (${previous.year})` : '');
    countries.set(code, Object.freeze({
      countryCode: code,
      country,
      byYear: new Map(list.map((p) => [p.year, p])),
      latest,
      previous,
      missingYears,
      steps,
      key: `${code}|${latest.year}`,
      text: `The US TIP Report places ${country} on ${TIER_LABELS[latest.tier]} in ${latest.year}${trend}${gapText}.${staleText} ${TIP_MEANING} ${citation}`,
      label: `TIP ${TIER_LABELS[latest.tier]} (${latest.year})${steps ? `, ${steps > 0 ? 'down' : 'up'} from ${TIER_LABELS[previous!.tier]}` : ''}`,
      facts: Object.freeze({
        countryCode: code,
        country,
        year: latest.year,
        tier: latest.tier,
        previousYear: previous?.year ?? null,
        previousTier: previous?.tier ?? null,
        previousRow: previous?.row ?? null,
        trend: steps === null ? null : steps > 0 ? 'down' : steps < 0 ? 'up' : 'same',
        steps,
        missingYears: missingYears.join(', ') || null,
      }),
    }));
  }
  return { countries, years };
}

// ---------------------------------------------------------------------------------------------------------
// GSI

const formatNumber = new Intl.NumberFormat('en-GB');

function buildGsi(edition: EditionRows): Map<string, GsiCountry> {
  const read = new RowReader('gsi');
  const out = new Map<string, GsiCountry>();
  for (const raw of edition.rows) {
    const r = rowOf('gsi', raw);
    const code = read.text(r, 'country_code');
    const country = read.textOrNull(r, 'country_name') ?? code;
    const prevalence = read.numberOrNull(r, 'prevalence_per_1000');
    const estimated = read.numberOrNull(r, 'estimated_number');
    const citation = cite('gsi', edition.edition, r.row);
    const text = prevalence === null
      ? `The Global Slavery Index has no prevalence estimate for ${country}, so the GSI part adds nothing (the source gives none; Vigil does not guess one). ${citation}`
      : `Walk Free's Global Slavery Index estimates ${prevalence} people in modern slavery per 1,000 in ${country}${estimated !== null ? ` (about ${formatNumber.format(estimated)} people)` : ''}: a modelled estimate of prevalence, not a count. ${citation}`;
    out.set(code, Object.freeze({
      countryCode: code,
      country,
      row: r.row,
      prevalence,
      estimated,
      text,
      label: prevalence === null ? 'GSI: no estimate' : `GSI ${prevalence} per 1,000`,
      facts: Object.freeze({ countryCode: code, country, prevalencePer1000: prevalence, estimatedNumber: estimated }),
    }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

/** Bound on the explanations remembered for unknown country codes, so odd input cannot grow memory without limit. */
const MISSING_CACHE_LIMIT = 1000;

export function buildRiskKnowledge(data: RiskKnowledgeInput): RiskKnowledge {
  const ilab = buildIlab(data.ilab);
  const { countries: tip, years: tipYears } = buildTip(data.tip);
  const gsi = buildGsi(data.gsi);
  const names = new Map<string, string>();
  for (const g of gsi.values()) names.set(g.countryCode, g.country);
  for (const t of tip.values()) names.set(t.countryCode, t.country);
  const nameOf = (code: string) => names.get(code) ?? code;
  const span = tipYears.length > 1 ? `${tipYears[0]}–${tipYears.at(-1)}` : String(tipYears[0] ?? '');

  const missingTipCache = new Map<string, MissingFact>();
  const missingGsiCache = new Map<string, GsiCountry>();
  const remember = <T>(cache: Map<string, T>, key: string, value: T): T => {
    if (cache.size < MISSING_CACHE_LIMIT) cache.set(key, value);
    return value;
  };

  return Object.freeze({
    editions: Object.freeze({ 'ilab-tvpra': data.ilab.edition, 'tip-tiers': data.tip.edition, gsi: data.gsi.edition, [SECTOR_DATASET]: SECTOR_RULES_VERSION }),
    ilab,
    tip,
    tipYears,
    gsi,
    sectors: buildSectorRules(),
    countryName: nameOf,
    missingTip(code: string): MissingFact {
      const hit = missingTipCache.get(code);
      if (hit) return hit;
      const country = nameOf(code);
      return remember(missingTipCache, code, Object.freeze({
        key: code,
        text: `The TIP edition has no placement for ${country} in any of its years (${span}): the source gives none and Vigil does not guess one, so the TIP part adds nothing. ${cite('tip-tiers', data.tip.edition, null)}`,
        label: 'TIP: no placement',
        facts: Object.freeze({ countryCode: code, country, tier: null, year: null }),
      }));
    },
    missingGsi(code: string): GsiCountry {
      const hit = missingGsiCache.get(code);
      if (hit) return hit;
      const country = nameOf(code);
      return remember(missingGsiCache, code, Object.freeze({
        countryCode: code,
        country,
        row: null,
        prevalence: null,
        estimated: null,
        text: `The Global Slavery Index has no row for ${country}, so the GSI part adds nothing (Vigil does not guess one). ${cite('gsi', data.gsi.edition, null)}`,
        label: 'GSI: no estimate',
        facts: Object.freeze({ countryCode: code, country, prevalencePer1000: null, estimatedNumber: null }),
      }));
    },
  });
}
