// The baseline a team might write first: for each supplier line, look everything up in SQL, one query after
// another — the country by code, name or alias, the goods whose name or trade synonym appears in the text
// (ILIKE), the goods whose HS code prefixes the line's, their ILAB rows for the country, the latest TIP
// placements and the GSI prevalence — then add up the same points as Vigil's default weights. Used only by
// the benchmark, to measure Vigil's pipeline against it on the same data and database engine.
import type { GoodsMap } from '../src/classify/index.ts';
import type { Db } from '../src/db/client.ts';
import type { SupplierLine } from '../src/suppliers/line.ts';
import { DEFAULT_WEIGHTS } from '../src/risk/weights.ts';

const ACTIVE = (table: string, alias: string) => `${table} ${alias} JOIN ref_edition e ON e.id = ${alias}.edition_id AND e.is_active`;

export interface Baseline {
  readonly goods: number;
}

/** Loads the goods map's names, synonyms and HS codes into tables the baseline queries. */
export async function prepareBaseline(db: Db, map: GoodsMap): Promise<Baseline> {
  await db.exec('CREATE TEMP TABLE bench_goods_terms (good text NOT NULL, term text NOT NULL); CREATE TEMP TABLE bench_goods_hs (good text NOT NULL, code text NOT NULL)');
  for (const e of map.entries) {
    for (const term of [e.good, ...e.synonyms.filter((s) => !s.partial).map((s) => s.text)]) await db.query('INSERT INTO bench_goods_terms VALUES ($1, $2)', [e.good, term]);
    for (const c of e.hs.filter((h) => !h.partial)) await db.query('INSERT INTO bench_goods_hs VALUES ($1, $2)', [e.good, c.code]);
  }
  return { goods: map.entries.length };
}

interface BaselineSignal {
  dataset: string;
  key: string;
  row: number | null;
  contribution: number;
}

export async function baselineAssess(db: Db, _b: Baseline, line: SupplierLine): Promise<{ row: number; country: string | null; goods: string[]; score: number; signals: BaselineSignal[] }> {
  const w = DEFAULT_WEIGHTS;
  const input = line.site.countryInput;
  const [country] = input
    ? await db.query<{ code: string }>(
        `SELECT c.code FROM ${ACTIVE('ref_countries', 'c')} WHERE upper(c.code) = upper($1) OR upper(c.alpha3) = upper($1) OR lower(c.name) = lower($1)
           OR lower($1) = ANY (SELECT lower(a) FROM unnest(c.aliases) a) LIMIT 1`,
        [input],
      )
    : [];
  const code = country?.code ?? null;
  const byText = line.description ? await db.query<{ good: string }>(`SELECT DISTINCT good FROM bench_goods_terms WHERE $1 ILIKE '%' || term || '%'`, [line.description]) : [];
  const byCode = line.hsCode ? await db.query<{ good: string }>(`SELECT DISTINCT good FROM bench_goods_hs WHERE $1 LIKE code || '%'`, [line.hsCode.replace(/\D/g, '')]) : [];
  const goods = [...new Set([...byText, ...byCode].map((g) => g.good))];
  const signals: BaselineSignal[] = [];
  if (code && goods.length) {
    const rows = await db.query<{ source_row: number; good: string; forced_labor: boolean; forced_child_labor: boolean; child_labor: boolean; downstream: boolean }>(
      `SELECT g.source_row, g.good, g.forced_labor, g.forced_child_labor, g.child_labor, g.downstream FROM ${ACTIVE('ref_ilab_goods', 'g')} WHERE g.good = ANY($1) AND g.country_code = $2`,
      [goods, code],
    );
    for (const r of rows) {
      const strength = r.forced_labor || r.forced_child_labor ? w.ilab.forcedLabour : r.child_labor ? w.ilab.childLabour : w.ilab.downstream;
      signals.push({ dataset: 'ilab-tvpra', key: `${r.good}|${code}`, row: r.source_row, contribution: Math.round(w.points.ilab * strength) });
    }
  }
  if (code) {
    const tiers = await db.query<{ source_row: number; year: number; tier: keyof typeof w.tiers }>(
      `SELECT t.source_row, t.year, t.tier FROM ${ACTIVE('ref_tip_tiers', 't')} WHERE t.country_code = $1 ORDER BY t.year DESC LIMIT 2`,
      [code],
    );
    if (tiers[0]) signals.push({ dataset: 'tip-tiers', key: `${code}|${tiers[0].year}`, row: tiers[0].source_row, contribution: Math.round(w.points.tip * w.tiers[tiers[0].tier]) });
    const [gsi] = await db.query<{ source_row: number; prevalence_per_1000: number | null }>(`SELECT g.source_row, g.prevalence_per_1000 FROM ${ACTIVE('ref_gsi', 'g')} WHERE g.country_code = $1`, [code]);
    if (gsi?.prevalence_per_1000 != null) signals.push({ dataset: 'gsi', key: code, row: gsi.source_row, contribution: Math.round(w.points.gsi * Math.min(1, gsi.prevalence_per_1000 / w.gsiFullAt)) });
  }
  const ilab = Math.max(0, ...signals.filter((s) => s.dataset === 'ilab-tvpra').map((s) => s.contribution));
  const rest = signals.filter((s) => s.dataset !== 'ilab-tvpra').reduce((a, s) => a + s.contribution, 0);
  return { row: line.row, country: code, goods, score: Math.min(100, ilab + rest), signals };
}
