// The read model of an organisation's supplier portfolio: the per-supplier rollup (supplier_risk) and the
// portfolio snapshot (levels, spend, countries, hotspots, worklist), rewritten inside every import and
// reassessment so that lists and the dashboard read indexed rows instead of aggregating every line.
//
// Spend is never converted between currencies. Figures called "spend" are in the portfolio's currency (the
// one most lines are in) and shares are of that currency's total; a supplier's own list row shows its spend in
// its own most common currency; other currencies appear in spendByCurrency.
import type { Db } from '../db/client.ts';
import { slugify } from '../knowledge/lookup.ts';
import { foldListHits, LEVELS, type Level, levelOf, priority, type RiskWeights, SECTORS, type SectorKey, type Signal, type SignalKind } from '../risk/index.ts';
import type { Classification } from '../classify/index.ts';
import type { RiskResult } from '../risk/index.ts';
import { listHitsBySupplier } from '../screening/feed.ts';
import type { Identifier } from './line.ts';
import { insertColumns, textArray, textArrayValue } from './repo.ts';

const PAGE = 5_000;
export const HOTSPOTS_KEPT = 200;
const TOP = 10;

export interface Hotspot {
  good: string;
  /** The good's page (/goods/<slug>); null for a sector hotspot, which has no good. */
  slug: string | null;
  sector: string | null;
  countryCode: string | null;
  countryName: string | null;
  suppliers: number;
  lines: number;
  spend: number;
  score: number;
  level: Level;
  kinds: SignalKind[];
  /** The ILAB list row; null for a sector hotspot. */
  row: number | null;
  edition: string | null;
  priority: number;
}

export interface WorklistItem {
  supplierId: number;
  name: string;
  score: number;
  level: Level;
  severity: number;
  likelihood: number;
  spendShare: number;
  priority: number;
  why: string;
}

export interface Portfolio {
  suppliers: number;
  lines: number;
  assessedAt: string | null;
  editions: Record<string, string>;
  currency: string | null;
  levels: { level: Level; suppliers: number; lines: number; spend: number }[];
  spendByCurrency: { currency: string; spend: number; spendAtRisk: number }[];
  countries: { countryCode: string; countryName: string; suppliers: number; lines: number; spend: number; maxScore: number; level: Level }[];
  hotspots: Hotspot[];
  worklist: WorklistItem[];
  hardSignals: number;
}

const ACTIVE_COUNTRIES = `(SELECT c.code, c.name FROM ref_countries c JOIN ref_edition e ON e.id = c.edition_id AND e.is_active)`;
const ASSESSED = 'JOIN line_assessments a ON a.org_id = l.org_id AND a.key = l.assessment_key';
const GROUPED = 'JOIN line_assessments a ON a.org_id = $1 AND a.key = g.assessment_key';

interface RollupRow {
  id: number;
  name: string;
  nameKey: string;
  search: string;
  lines: number;
  countries: string[] | null;
  country: string | null;
  goods: string[] | null;
  currency: string | null;
  spend: number | null;
  mainSpend: number | null;
  score: number | null;
  level: Level | null;
  severity: number | null;
  likelihood: number | null;
  topSignal: string | null;
  why: string | null;
  hard: number | null;
}

/**
 * Rewrites the organisation's supplier rollup and portfolio snapshot from its lines and their assessments.
 * The lines are read once, into groups of the same supplier, assessment and currency (a million lines make a
 * few hundred thousand groups at most); every figure is then summed from the groups. Assessments no line
 * uses any more are removed first.
 */
export async function refreshPortfolio(tx: Db, orgId: number, weights: RiskWeights): Promise<void> {
  await tx.query('DELETE FROM line_assessments a WHERE a.org_id = $1 AND NOT EXISTS (SELECT 1 FROM supply_lines l WHERE l.org_id = $1 AND l.assessment_key = a.key)', [orgId]);
  await tx.query(`CREATE TEMP TABLE line_groups (
    supplier_id bigint, assessment_key text, currency text, lines int, spend numeric, positive numeric, first_id bigint) ON COMMIT DROP`);
  await tx.query(
    `INSERT INTO line_groups
     SELECT supplier_id, assessment_key, currency, count(*), sum(spend), sum(greatest(spend, 0)), min(id)
       FROM supply_lines WHERE org_id = $1 GROUP BY supplier_id, assessment_key, currency`,
    [orgId],
  );
  const [main] = await tx.query<{ currency: string | null; total: number }>(
    'SELECT currency, coalesce(sum(positive), 0) AS total FROM line_groups GROUP BY currency ORDER BY sum(lines) DESC, currency NULLS LAST LIMIT 1',
  );
  const currency = main?.currency ?? null;
  const total = main?.total ?? 0;
  await rollUp(tx, orgId, currency);
  await tx.query('DELETE FROM supplier_risk WHERE org_id = $1', [orgId]);
  const listHits = await listHitsBySupplier(tx, orgId, null);
  for (let after = 0; ; ) {
    const page = await tx.query<RollupRow>('SELECT * FROM supplier_rollup WHERE id > $1 ORDER BY id LIMIT $2', [after, PAGE]);
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    await insertColumns(
      tx,
      'supplier_risk',
      [
        ['org_id', 'bigint'], ['supplier_id', 'bigint'], ['name', 'text'], ['name_key', 'text'], ['search', 'text'], ['country', 'text'], textArray('countries'), textArray('goods'),
        ['lines', 'int'], ['spend', 'numeric'], ['currency', 'text'], ['score', 'smallint'], ['level', 'text'], ['level_rank', 'smallint'], ['severity', 'real'],
        ['likelihood', 'real'], ['spend_share', 'real'], ['priority', 'real'], ['top_signal', 'text'], ['why', 'text'], ['hard_signals', 'int'],
        ...LIST_COLUMNS,
      ],
      page.map((r) => {
        const share = total > 0 && r.mainSpend !== null ? Math.max(0, r.mainSpend) / total : 0;
        const lines = { score: r.score ?? 0, severity: r.severity ?? 0, hard: r.hard ?? 0, why: r.why };
        const f = foldListHits(lines, listHits.get(r.id) ?? [], weights);
        return [
          orgId, r.id, r.name, r.nameKey, r.search, r.country, textArrayValue(r.countries ?? []), textArrayValue(r.goods ?? []), r.lines, r.spend ?? 0, r.currency,
          f.score, f.level, LEVELS.indexOf(f.level), f.severity, f.likelihood, share, priority(f, share > 0 ? share : null, weights), r.topSignal, f.why, f.hard,
          f.listHits, JSON.stringify(f.signals), lines.score, lines.severity, lines.hard, lines.why,
        ];
      }),
    );
  }
  const summary = await computeSnapshot(tx, orgId, currency, total, weights);
  await tx.query(
    `INSERT INTO portfolio_snapshots (org_id, summary, hotspots) VALUES ($1, $2, $3)
     ON CONFLICT (org_id) DO UPDATE SET summary = EXCLUDED.summary, hotspots = EXCLUDED.hotspots, computed_at = now()`,
    [orgId, JSON.stringify({ ...summary.portfolio, hotspots: summary.hotspots.slice(0, TOP) }), JSON.stringify(summary.hotspots)],
  );
  await tx.query('DROP TABLE supplier_rollup, line_groups');
}

/**
 * Every supplier with what its lines add up to, into the temporary supplier_rollup. A supplier's risk is its
 * worst line's (highest score, then severity, then the first line), as src/risk rankSuppliers has it; its
 * spend and currency are those of the currency most of its lines are in; mainSpend is its spend in the
 * portfolio's currency, for its share.
 */
async function rollUp(tx: Db, orgId: number, mainCurrency: string | null): Promise<void> {
  await tx.query(`CREATE TEMP TABLE supplier_rollup (
    id bigint PRIMARY KEY, name text, "nameKey" text, search text, lines int, countries text[], country text, goods text[], currency text,
    spend numeric, "mainSpend" numeric, score smallint, level text, severity real, likelihood real, "topSignal" text, why text, hard int) ON COMMIT DROP`);
  await tx.query(
    `INSERT INTO supplier_rollup
     WITH g AS (
       SELECT g.*, a.score, a.severity, a.country_code, a.goods, a.hard_signals
         FROM line_groups g JOIN line_assessments a ON a.org_id = $1 AND a.key = g.assessment_key
     ), per AS (
       SELECT supplier_id, sum(lines)::int AS lines,
              array_agg(DISTINCT country_code ORDER BY country_code) FILTER (WHERE country_code IS NOT NULL) AS countries,
              sum(spend) FILTER (WHERE currency IS NOT DISTINCT FROM $2) AS main_spend,
              sum(hard_signals * lines)::int AS hard,
              (array_agg(assessment_key ORDER BY score DESC, severity DESC, first_id))[1] AS worst
         FROM g GROUP BY supplier_id
     ), money AS (
       SELECT DISTINCT ON (supplier_id) supplier_id, currency, spend
         FROM (SELECT supplier_id, currency, sum(lines) AS n, sum(spend) AS spend FROM line_groups GROUP BY supplier_id, currency) c
        ORDER BY supplier_id, n DESC, currency NULLS LAST
     ), place AS (
       SELECT DISTINCT ON (supplier_id) supplier_id, country_code
         FROM (SELECT supplier_id, country_code, sum(lines) AS n FROM g WHERE country_code IS NOT NULL GROUP BY supplier_id, country_code) c
        ORDER BY supplier_id, n DESC, country_code
     ), goods AS (
       SELECT supplier_id, array_agg(DISTINCT x ORDER BY x) AS goods FROM g CROSS JOIN LATERAL unnest(g.goods) x GROUP BY supplier_id
     ), ids AS (
       SELECT supplier_id, string_agg(value, ' ') AS v FROM supplier_identifiers WHERE org_id = $1 GROUP BY supplier_id
     )
     SELECT s.id, s.name, s.name_key, lower(concat_ws(' ', s.name, array_to_string(s.aliases, ' '), array_to_string(goods.goods, ' '), ids.v)),
            coalesce(per.lines, 0), per.countries, place.country_code, goods.goods, money.currency, money.spend, per.main_spend,
            w.score, w.level, w.severity, w.likelihood, w.top_signal, w.summary, per.hard
       FROM suppliers s
       LEFT JOIN per ON per.supplier_id = s.id
       LEFT JOIN line_assessments w ON w.org_id = $1 AND w.key = per.worst
       LEFT JOIN money ON money.supplier_id = s.id
       LEFT JOIN place ON place.supplier_id = s.id
       LEFT JOIN goods ON goods.supplier_id = s.id
       LEFT JOIN ids ON ids.supplier_id = s.id
      WHERE s.org_id = $1`,
    [orgId, mainCurrency],
  );
}

/** The list-hit columns of supplier_risk (0006_screening.sql): the fold's figures and what the lines alone give. */
const LIST_COLUMNS = [
  ['list_hits', 'int'], ['list_signals', 'text', 'list_signals::jsonb'], ['line_score', 'smallint'], ['line_severity', 'real'], ['line_hard', 'int'], ['line_why', 'text'],
] as const;

/**
 * Folds the current list hits of some suppliers into their rollup again, from what their lines gave (kept in
 * supplier_risk), and brings the snapshot's supplier figures up to date: what a screening run or a review
 * changes, without recomputing any line.
 */
export async function refoldListHits(tx: Db, orgId: number, weights: RiskWeights, supplierIds: readonly number[]): Promise<void> {
  if (supplierIds.length === 0) return;
  const hits = await listHitsBySupplier(tx, orgId, supplierIds);
  const rows = await tx.query<{ id: number; score: number; severity: number; hard: number; why: string | null; share: number }>(
    `SELECT supplier_id AS id, line_score AS score, line_severity AS severity, line_hard AS hard, line_why AS why, spend_share AS share
       FROM supplier_risk WHERE org_id = $1 AND supplier_id = ANY($2::bigint[])`,
    [orgId, supplierIds],
  );
  if (rows.length === 0) return;
  const folded = rows.map((r) => ({ id: r.id, share: r.share, f: foldListHits(r, hits.get(r.id) ?? [], weights) }));
  const col = <T>(f: (x: (typeof folded)[number]) => T) => folded.map(f);
  await tx.query(
    `UPDATE supplier_risk r SET score = u.score, level = u.level, level_rank = u.level_rank, severity = u.severity, likelihood = u.likelihood, priority = u.priority,
            why = u.why, hard_signals = u.hard, list_hits = u.list_hits, list_signals = u.list_signals::jsonb
       FROM unnest($2::bigint[], $3::smallint[], $4::text[], $5::smallint[], $6::real[], $7::real[], $8::real[], $9::text[], $10::int[], $11::int[], $12::text[])
            AS u(id, score, level, level_rank, severity, likelihood, priority, why, hard, list_hits, list_signals)
      WHERE r.org_id = $1 AND r.supplier_id = u.id`,
    [
      orgId, col((x) => x.id), col((x) => x.f.score), col((x) => x.f.level), col((x) => LEVELS.indexOf(x.f.level)), col((x) => x.f.severity), col((x) => x.f.likelihood),
      col((x) => priority(x.f, x.share > 0 ? x.share : null, weights)), col((x) => x.f.why), col((x) => x.f.hard), col((x) => x.f.listHits), col((x) => JSON.stringify(x.f.signals)),
    ],
  );
  const [stored] = await tx.query<{ summary: Portfolio }>('SELECT summary FROM portfolio_snapshots WHERE org_id = $1', [orgId]);
  if (!stored) return;
  const figures = await rollupFigures(tx, orgId);
  const summary: Portfolio = {
    ...stored.summary,
    levels: stored.summary.levels.map((l) => ({ ...l, suppliers: figures.levels.find((x) => x.level === l.level)?.n ?? 0 })),
    hardSignals: figures.hard,
    worklist: figures.worklist,
  };
  await tx.query('UPDATE portfolio_snapshots SET summary = $2 WHERE org_id = $1', [orgId, JSON.stringify(summary)]);
}

/** What the snapshot takes from the supplier rollup: suppliers per level, hard signals and the top of the worklist. */
async function rollupFigures(tx: Db, orgId: number): Promise<{ levels: { level: Level; n: number }[]; hard: number; worklist: WorklistItem[] }> {
  const levels = await tx.query<{ level: Level; n: number }>('SELECT level, count(*) AS n FROM supplier_risk WHERE org_id = $1 GROUP BY level', [orgId]);
  const [hard] = await tx.query<{ n: number }>('SELECT coalesce(sum(hard_signals), 0) AS n FROM supplier_risk WHERE org_id = $1', [orgId]);
  return { levels, hard: hard!.n, worklist: await worklistFrom(tx, orgId, TOP) };
}

async function computeSnapshot(tx: Db, orgId: number, currency: string | null, total: number, weights: RiskWeights): Promise<{ portfolio: Omit<Portfolio, 'hotspots'>; hotspots: Hotspot[] }> {
  const [counts] = await tx.query<{ suppliers: number; lines: number; assessedAt: Date | null }>(
    `SELECT (SELECT count(*) FROM supplier_risk WHERE org_id = $1) AS suppliers,
            (SELECT coalesce(sum(lines), 0) FROM line_groups) AS lines,
            (SELECT max(assessed_at) FROM line_assessments WHERE org_id = $1) AS "assessedAt"`,
    [orgId],
  );
  const [editions] = await tx.query<{ editions: Record<string, string> }>(
    'SELECT editions FROM line_assessments WHERE org_id = $1 GROUP BY editions ORDER BY count(*) DESC LIMIT 1',
    [orgId],
  );
  const lineLevels = await tx.query<{ level: Level; n: number; spend: number | null }>(
    `SELECT a.level, sum(g.lines) AS n, sum(g.spend) FILTER (WHERE g.currency IS NOT DISTINCT FROM $2) AS spend
       FROM line_groups g ${GROUPED} GROUP BY a.level`,
    [orgId, currency],
  );
  const spendByCurrency = await tx.query<{ currency: string; spend: number; spendAtRisk: number }>(
    `SELECT g.currency, coalesce(sum(g.spend), 0) AS spend, coalesce(sum(g.spend) FILTER (WHERE a.level IN ('high', 'severe')), 0) AS "spendAtRisk"
       FROM line_groups g ${GROUPED} WHERE g.currency IS NOT NULL
      GROUP BY g.currency ORDER BY sum(g.lines) DESC, g.currency`,
    [orgId],
  );
  const countries = await tx.query<{ countryCode: string; countryName: string | null; suppliers: number; lines: number; spend: number | null; maxScore: number }>(
    `SELECT x.*, rc.name AS "countryName" FROM (
       SELECT a.country_code AS "countryCode", count(DISTINCT g.supplier_id) AS suppliers, sum(g.lines) AS lines,
              sum(g.spend) FILTER (WHERE g.currency IS NOT DISTINCT FROM $2) AS spend, max(a.score) AS "maxScore"
         FROM line_groups g ${GROUPED} WHERE a.country_code IS NOT NULL GROUP BY a.country_code) x
     LEFT JOIN ${ACTIVE_COUNTRIES} rc ON rc.code = x."countryCode"
     ORDER BY x."maxScore" DESC, x.spend DESC NULLS LAST, x."countryCode"`,
    [orgId, currency],
  );
  const hotspots = await computeHotspots(tx, orgId, currency, total, editions?.editions['ilab-tvpra'] ?? null, weights);
  const { levels: supplierLevels, hard, worklist } = await rollupFigures(tx, orgId);
  const level = (l: Level) => ({
    level: l,
    suppliers: supplierLevels.find((s) => s.level === l)?.n ?? 0,
    lines: lineLevels.find((s) => s.level === l)?.n ?? 0,
    spend: lineLevels.find((s) => s.level === l)?.spend ?? 0,
  });
  return {
    portfolio: {
      suppliers: counts!.suppliers,
      lines: counts!.lines,
      assessedAt: counts!.assessedAt ? new Date(counts!.assessedAt).toISOString() : null,
      editions: editions?.editions ?? {},
      currency,
      levels: LEVELS.map(level),
      spendByCurrency,
      countries: countries.map((c) => ({ ...c, countryName: c.countryName ?? c.countryCode, spend: c.spend ?? 0, level: levelOf(c.maxScore, weights) })),
      worklist,
      hardSignals: hard,
    },
    hotspots,
  };
}

/**
 * Goods-and-country hotspots over all lines: each assessment's own hotspots (stored with it) summed over the
 * lines that share it, ranked as src/risk rankHotspots ranks them.
 */
async function computeHotspots(tx: Db, orgId: number, currency: string | null, total: number, ilabEdition: string | null, weights: RiskWeights): Promise<Hotspot[]> {
  const rows = await tx.query<{
    key: string; good: string | null; sector: string | null; countryCode: string | null; countryName: string | null; kind: SignalKind; kinds: SignalKind[];
    ilabRow: number | null; severity: number; score: number; likelihood: number; lines: number; suppliers: number; spend: number | null;
  }>(
    `WITH facts AS (
       SELECT h.hotspot_key, min(h.good) AS good, min(h.sector) AS sector, min(h.country_code) AS country_code,
              (array_agg(h.kind ORDER BY h.severity DESC, h.kind))[1] AS kind, array_agg(DISTINCT h.kind ORDER BY h.kind) AS kinds,
              max(h.ilab_row) FILTER (WHERE h.listed) AS ilab_row, max(h.severity) AS severity, max(a.score) AS score, max(a.likelihood) AS likelihood
         FROM assessment_hotspots h JOIN line_assessments a ON a.org_id = h.org_id AND a.key = h.assessment_key
        WHERE h.org_id = $1 GROUP BY h.hotspot_key
     ), usage AS (
       SELECT h.hotspot_key, sum(g.lines) AS lines, count(DISTINCT g.supplier_id) AS suppliers,
              sum(g.spend) FILTER (WHERE g.currency IS NOT DISTINCT FROM $2) AS spend
         FROM line_groups g JOIN assessment_hotspots h ON h.org_id = $1 AND h.assessment_key = g.assessment_key
        GROUP BY h.hotspot_key
     )
     SELECT f.hotspot_key AS key, f.good, f.sector, f.country_code AS "countryCode", rc.name AS "countryName", f.kind, f.kinds,
            f.ilab_row AS "ilabRow", f.severity, f.score, f.likelihood, u.lines, u.suppliers, u.spend
       FROM facts f JOIN usage u ON u.hotspot_key = f.hotspot_key
       LEFT JOIN ${ACTIVE_COUNTRIES} rc ON rc.code = f.country_code`,
    [orgId, currency],
  );
  const ranked = rows.map((r) => {
    const share = total > 0 && r.spend !== null ? Math.max(0, r.spend) / total : null;
    const sectorLabel = r.sector ? (SECTORS[r.sector as SectorKey]?.label ?? r.sector) : null;
    return {
      key: r.key,
      good: r.good ?? sectorLabel ?? r.key,
      slug: r.good ? slugify(r.good) : null,
      sector: r.sector,
      countryCode: r.countryCode,
      countryName: r.countryName ?? r.countryCode,
      suppliers: r.suppliers,
      lines: r.lines,
      spend: r.spend ?? 0,
      score: r.score,
      level: levelOf(r.score, weights),
      kinds: r.kinds,
      row: r.ilabRow,
      edition: r.ilabRow === null ? null : ilabEdition,
      priority: priority(r, share, weights),
    };
  });
  ranked.sort((a, b) => b.priority - a.priority || b.score - a.score || b.spend - a.spend || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ranked.slice(0, HOTSPOTS_KEPT).map(({ key: _key, ...h }) => h);
}

const WORKLIST_ORDER = '(hard_signals > 0) DESC, priority DESC, supplier_id';

export async function worklistFrom(tx: Db, orgId: number, limit: number): Promise<WorklistItem[]> {
  return tx.query<WorklistItem>(
    `SELECT supplier_id AS "supplierId", name, score, level, severity, likelihood, spend_share AS "spendShare", priority, coalesce(why, 'No line of this supplier raises a risk signal.') AS why
       FROM supplier_risk WHERE org_id = $1 ORDER BY ${WORKLIST_ORDER} LIMIT $2`,
    [orgId, limit],
  );
}

/** The stored snapshot; an organisation with no import yet gets an empty portfolio. */
export async function readPortfolio(tx: Db, orgId: number): Promise<Portfolio> {
  const rows = await tx.query<{ summary: Portfolio }>('SELECT summary FROM portfolio_snapshots WHERE org_id = $1', [orgId]);
  return (
    rows[0]?.summary ?? {
      suppliers: 0, lines: 0, assessedAt: null, editions: {}, currency: null, levels: LEVELS.map((level) => ({ level, suppliers: 0, lines: 0, spend: 0 })),
      spendByCurrency: [], countries: [], hotspots: [], worklist: [], hardSignals: 0,
    }
  );
}

export async function readHotspots(tx: Db, orgId: number, limit: number): Promise<Hotspot[]> {
  const rows = await tx.query<{ hotspots: Hotspot[] }>('SELECT hotspots FROM portfolio_snapshots WHERE org_id = $1', [orgId]);
  return (rows[0]?.hotspots ?? []).slice(0, limit);
}

// ── The supplier list ──────────────────────────────────────────────────────────────────────────────────

export interface SupplierQuery {
  q?: string;
  level?: Level[];
  country?: string[];
  sort: 'priority' | 'score' | 'name' | 'spend' | 'country' | 'lines';
  dir?: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface SupplierRow {
  id: number;
  name: string;
  countries: string[];
  score: number;
  level: Level;
  spend: number;
  currency: string | null;
  lines: number;
  priority: number;
  topSignal: string | null;
  goods: string[];
}

/** Each sort on its own index (see 0004_suppliers.sql); supplier_id breaks ties so pages never overlap. */
const SORTS: Record<SupplierQuery['sort'], { sql: (dir: 'ASC' | 'DESC') => string; natural: 'asc' | 'desc' }> = {
  priority: { sql: (d) => (d === 'DESC' ? WORKLIST_ORDER : '(hard_signals > 0) ASC, priority ASC, supplier_id DESC'), natural: 'desc' },
  score: { sql: (d) => `score ${d}, supplier_id ${d}`, natural: 'desc' },
  name: { sql: (d) => `name_key ${d}, supplier_id ${d}`, natural: 'asc' },
  spend: { sql: (d) => `spend ${d}, supplier_id ${d}`, natural: 'desc' },
  country: { sql: (d) => `country ${d} NULLS LAST, supplier_id ${d}`, natural: 'asc' },
  lines: { sql: (d) => `lines ${d}, supplier_id ${d}`, natural: 'desc' },
};

export async function listSuppliers(tx: Db, orgId: number, q: SupplierQuery): Promise<{ total: number; items: SupplierRow[] }> {
  const where = ['org_id = $1'];
  const params: unknown[] = [orgId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (q.q) add(`search LIKE '%' || ? || '%'`, q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`));
  if (q.level?.length) add('level = ANY(?::text[])', q.level);
  if (q.country?.length) add('countries && ?::text[]', q.country);
  const sort = SORTS[q.sort];
  const dir = (q.dir ?? sort.natural) === 'asc' ? 'ASC' : 'DESC';
  const filter = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM supplier_risk WHERE ${filter}`, params);
  const items = await tx.query<SupplierRow>(
    `SELECT supplier_id AS id, name, countries, score, level, spend, currency, lines, priority, top_signal AS "topSignal", goods
       FROM supplier_risk WHERE ${filter} ORDER BY ${sort.sql(dir)} OFFSET ${Number(q.offset)} LIMIT ${Number(q.limit)}`,
    params,
  );
  return { total: count!.n, items };
}

// ── One supplier ───────────────────────────────────────────────────────────────────────────────────────

export const LINES_SHOWN = 500;

export interface SupplierRecord {
  supplier: { id: number; name: string; aliases: string[]; identifiers: Identifier[]; createdAt: string };
  sites: { id: number; name: string | null; countryCode: string | null; countryName: string | null; region: string | null; address: string | null; latitude: number | null; longitude: number | null }[];
  lines: {
    id: number; importId: number; row: number; description: string | null; hsCode: string | null; cpvCode: string | null; unspscCode: string | null;
    spend: number | null; currency: string | null; period: string | null; tier: number | null; countryCode: string | null;
    classification: Classification; risk: RiskResult;
  }[];
  lineCount: number;
  relationships: { supplierId: number; name: string; direction: 'supplies' | 'supplied-by'; tier: number | null }[];
  risk: {
    score: number; level: Level; priority: number; severity: number; likelihood: number; spendShare: number;
    /** Hard signals of its lines and hard watchlist hits; soft watchlist hits; a 'list-hit' signal per hit (screening). */
    hardSignals: number; listHits: number; listSignals: Signal[];
  };
}

/** A supplier with its identifiers, sites, riskiest lines first (at most LINES_SHOWN) and relationships; null when not the organisation's. */
export async function readSupplier(tx: Db, orgId: number, id: number): Promise<SupplierRecord | null> {
  const [s] = await tx.query<{ id: number; name: string; aliases: string[]; createdAt: Date }>(
    'SELECT id, name, aliases, created_at AS "createdAt" FROM suppliers WHERE org_id = $1 AND id = $2',
    [orgId, id],
  );
  if (!s) return null;
  const identifiers = await tx.query<Identifier>('SELECT scheme, value FROM supplier_identifiers WHERE org_id = $1 AND supplier_id = $2 ORDER BY scheme, value', [orgId, id]);
  const sites = await tx.query<SupplierRecord['sites'][number]>(
    `SELECT s.id, s.name, s.country_code AS "countryCode", rc.name AS "countryName", s.region, s.address, s.latitude, s.longitude
       FROM sites s LEFT JOIN ${ACTIVE_COUNTRIES} rc ON rc.code = s.country_code
      WHERE s.org_id = $1 AND s.supplier_id = $2 ORDER BY s.id`,
    [orgId, id],
  );
  const lines = await tx.query<SupplierRecord['lines'][number]>(
    `SELECT l.id, l.import_id AS "importId", l.row, l.description, l.hs_code AS "hsCode", l.cpv_code AS "cpvCode", l.unspsc_code AS "unspscCode",
            l.spend, l.currency, l.period, l.tier, l.country_code AS "countryCode", a.classification, a.risk
       FROM supply_lines l ${ASSESSED}
      WHERE l.org_id = $1 AND l.supplier_id = $2 ORDER BY a.score DESC, l.import_id DESC, l.row LIMIT ${LINES_SHOWN}`,
    [orgId, id],
  );
  const [count] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM supply_lines WHERE org_id = $1 AND supplier_id = $2', [orgId, id]);
  const relationships = await tx.query<SupplierRecord['relationships'][number]>(
    `SELECT r.customer_id AS "supplierId", c.name, 'supplies' AS direction, r.tier
       FROM supplier_relationships r JOIN suppliers c ON c.org_id = r.org_id AND c.id = r.customer_id
      WHERE r.org_id = $1 AND r.supplier_id = $2
     UNION ALL
     SELECT r.supplier_id, c.name, 'supplied-by', r.tier
       FROM supplier_relationships r JOIN suppliers c ON c.org_id = r.org_id AND c.id = r.supplier_id
      WHERE r.org_id = $1 AND r.customer_id = $2
     ORDER BY 3, 2`,
    [orgId, id],
  );
  const [risk] = await tx.query<SupplierRecord['risk']>(
    `SELECT score, level, priority, severity, likelihood, spend_share AS "spendShare", hard_signals AS "hardSignals", list_hits AS "listHits", list_signals AS "listSignals"
       FROM supplier_risk WHERE org_id = $1 AND supplier_id = $2`,
    [orgId, id],
  );
  return {
    supplier: { ...s, createdAt: new Date(s.createdAt).toISOString(), identifiers },
    sites,
    lines,
    lineCount: count!.n,
    relationships,
    risk: risk ?? { score: 0, level: 'low', priority: 0, severity: 0, likelihood: 0, spendShare: 0, hardSignals: 0, listHits: 0, listSignals: [] },
  };
}
