// Read side of the knowledge base: what the API, the web app and later the risk engine ask of the active
// editions. Every figure goes out with the dataset, edition and row it comes from.
import type { Db } from '../db/client.ts';
import type { ClassificationHit, CountryList, CountryProfile, GoodList, GoodProfile, SearchResults, SourceRef } from './api-schema.ts';
import { type CountryResolver, normaliseCountryName } from './countries.ts';
import type { DatasetId } from './dataset.ts';
import { KnowledgeError } from './service.ts';

type Tier = '1' | '2' | '2WL' | '3' | 'special_case';
type Sources = Partial<Record<DatasetId, SourceRef>>;

export async function activeSources(db: Db): Promise<Sources> {
  const rows = await db.query<SourceRef & { dataset: DatasetId }>(
    `SELECT dataset, edition, title, publisher, to_char(published_on, 'YYYY-MM-DD') AS "publishedOn",
            source_url AS "sourceUrl", licence
       FROM ref_edition WHERE is_active`,
  );
  return Object.fromEntries(rows.map((r) => [r.dataset, r]));
}

const at = (src: SourceRef | undefined, row: number): SourceRef => ({ ...required(src), row });
function required(src: SourceRef | undefined): SourceRef {
  if (!src) throw new KnowledgeError('the reference data this needs is not loaded', 'not-found');
  return src;
}

export function slugify(good: string): string {
  return normaliseCountryName(good).replace(/ /g, '-');
}

interface TierRow { code: string; year: number; tier: Tier; name: string; row: number }
interface GoodRow {
  good: string; sector: string; code: string; name: string; row: number;
  childLabor: boolean; forcedLabor: boolean; forcedChildLabor: boolean; downstream: boolean;
  inputGood: string | null; inputCountry: string | null;
}

const ACTIVE = (alias: string) => `JOIN ref_edition e ON e.id = ${alias}.edition_id AND e.is_active`;

async function tierRows(db: Db, code?: string): Promise<TierRow[]> {
  return db.query<TierRow>(
    `SELECT t.country_code AS code, t.year, t.tier, t.country_name AS name, t.source_row AS row
       FROM ref_tip_tiers t ${ACTIVE('t')} ${code ? 'WHERE t.country_code = $1' : ''} ORDER BY t.year`,
    code ? [code] : [],
  );
}

async function goodRows(db: Db, where = '', params: unknown[] = []): Promise<GoodRow[]> {
  return db.query<GoodRow>(
    `SELECT g.good, g.sector, g.country_code AS code, c.name, g.source_row AS row,
            g.child_labor AS "childLabor", g.forced_labor AS "forcedLabor", g.forced_child_labor AS "forcedChildLabor",
            g.downstream, g.input_good AS "inputGood", g.input_country_code AS "inputCountry"
       FROM ref_ilab_goods g ${ACTIVE('g')}
       LEFT JOIN (SELECT rc.code, rc.name FROM ref_countries rc ${ACTIVE('rc')}) c ON c.code = g.country_code
       ${where} ORDER BY g.good, c.name`,
    params,
  );
}

async function tipYears(db: Db): Promise<number[]> {
  const rows = await db.query<{ year: number }>(`SELECT DISTINCT t.year FROM ref_tip_tiers t ${ACTIVE('t')} ORDER BY t.year`);
  return rows.map((r) => r.year);
}

export async function countryList(db: Db): Promise<CountryList> {
  const [sources, years, countries, tiers, gsi, goods] = await Promise.all([
    activeSources(db),
    tipYears(db),
    db.query<{ code: string; alpha3: string; numeric: string | null; name: string }>(
      `SELECT c.code, c.alpha3, c."numeric", c.name FROM ref_countries c ${ACTIVE('c')} ORDER BY c.name`,
    ),
    tierRows(db),
    db.query<{ code: string; prevalence: number | null; number: number | null }>(
      `SELECT g.country_code AS code, g.prevalence_per_1000 AS prevalence, g.estimated_number AS number FROM ref_gsi g ${ACTIVE('g')}`,
    ),
    db.query<{ code: string; n: number }>(
      `SELECT g.country_code AS code, count(DISTINCT g.good)::int AS n FROM ref_ilab_goods g ${ACTIVE('g')} GROUP BY g.country_code`,
    ),
  ]);
  const tierBy = new Map<string, Record<string, Tier | null>>();
  for (const t of tiers) {
    const rec = tierBy.get(t.code) ?? Object.fromEntries(years.map((y) => [String(y), null]));
    rec[String(t.year)] = t.tier;
    tierBy.set(t.code, rec);
  }
  const gsiBy = new Map(gsi.map((g) => [g.code, g]));
  const goodsBy = new Map(goods.map((g) => [g.code, g.n]));
  const noTiers = Object.fromEntries(years.map((y) => [String(y), null]));
  return {
    tipYears: years,
    countries: countries.map((c) => {
      const g = gsiBy.get(c.code);
      return {
        ...c,
        tiers: tierBy.get(c.code) ?? noTiers,
        gsi: g ? { prevalencePer1000: g.prevalence, estimatedNumber: g.number } : null,
        ilabGoods: goodsBy.get(c.code) ?? 0,
      };
    }),
    sources: { tip: sources['tip-tiers'] ?? null, gsi: sources.gsi ?? null, ilab: sources['ilab-tvpra'] ?? null },
  };
}

export async function countryProfile(db: Db, resolver: CountryResolver, codeOrName: string): Promise<CountryProfile> {
  const resolved = resolver.resolve(codeOrName);
  if (!resolved.ok) {
    const hint = resolved.suggestions.length ? ` Did you mean ${resolved.suggestions.map((s) => `${s.name} (${s.code})`).join(', ')}?` : '';
    throw new KnowledgeError(`${resolved.reason}.${hint}`, 'not-found');
  }
  const country = resolver.get(resolved.code)!;
  const [sources, years, tiers, gsiRows, goods] = await Promise.all([
    activeSources(db),
    tipYears(db),
    tierRows(db, country.code),
    db.query<{ region: string | null; population: number | null; prevalence: number | null; number: number | null; row: number }>(
      `SELECT g.region, g.population, g.prevalence_per_1000 AS prevalence, g.estimated_number AS number, g.source_row AS row
         FROM ref_gsi g ${ACTIVE('g')} WHERE g.country_code = $1`,
      [country.code],
    ),
    goodRows(db, 'WHERE g.country_code = $1', [country.code]),
  ]);
  const byYear = new Map(tiers.map((t) => [t.year, t]));
  const gsi = gsiRows[0];
  return {
    country: { code: country.code, alpha3: country.alpha3, numeric: country.numeric, name: country.name, aliases: country.aliases },
    tiers: years.map((year) => {
      const t = byYear.get(year);
      return t
        ? { year, tier: t.tier, nameAsPublished: t.name, source: at(sources['tip-tiers'], t.row) }
        : { year, tier: null, nameAsPublished: null, source: null };
    }),
    gsi: gsi
      ? { region: gsi.region, population: gsi.population, prevalencePer1000: gsi.prevalence, estimatedNumber: gsi.number, source: at(sources.gsi, gsi.row) }
      : null,
    goods: goods.map(({ code: _code, name: _name, row, ...g }) => ({ ...g, slug: slugify(g.good), source: at(sources['ilab-tvpra'], row) })),
    sources: { tip: sources['tip-tiers'] ?? null, gsi: sources.gsi ?? null, ilab: sources['ilab-tvpra'] ?? null },
  };
}

export async function goodsList(db: Db): Promise<GoodList> {
  const [sources, rows] = await Promise.all([activeSources(db), goodRows(db)]);
  const goods = new Map<string, GoodList['goods'][number]>();
  for (const r of rows) {
    const g = goods.get(r.good) ?? { good: r.good, slug: slugify(r.good), sector: r.sector, countries: 0, childLabor: 0, forcedLabor: 0, downstream: false };
    g.countries += 1;
    if (r.childLabor) g.childLabor += 1;
    if (r.forcedLabor) g.forcedLabor += 1;
    g.downstream ||= r.downstream;
    goods.set(r.good, g);
  }
  return { goods: [...goods.values()], source: sources['ilab-tvpra'] ?? null };
}

export async function goodProfile(db: Db, slug: string): Promise<GoodProfile> {
  const [sources, rows] = await Promise.all([activeSources(db), goodRows(db)]);
  const matching = rows.filter((r) => slugify(r.good) === slug);
  const first = matching[0];
  if (!first) throw new KnowledgeError(`no good "${slug}" in the active ILAB edition`, 'not-found');
  return {
    good: first.good,
    slug,
    sector: first.sector,
    countries: matching.map(({ good: _g, sector: _s, row, ...c }) => ({ ...c, name: c.name ?? c.code, source: at(sources['ilab-tvpra'], row) })),
    source: required(sources['ilab-tvpra']),
  };
}

/** HS or CPV codes by code prefix ("1801", "03200000") or by words ("cocoa beans"). */
export async function searchClassifications(db: Db, text: string, scheme: 'hs' | 'cpv' | 'all', limit: number): Promise<ClassificationHit[]> {
  const sources = await activeSources(db);
  const digits = text.replace(/[\s.\-]/g, '');
  const byCode = /^\d{2,10}$/.test(digits);
  const schemes = scheme === 'all' ? (['hs', 'cpv'] as const) : ([scheme] as const);
  const out: ClassificationHit[] = [];
  for (const s of schemes) {
    const table = s === 'hs' ? 'ref_hs' : 'ref_cpv';
    // CPV codes carry a check digit after a dash; a code typed with it ("03200000-3") matches on the 8 digits.
    const prefix = s === 'cpv' && digits.length === 9 ? digits.slice(0, 8) : digits;
    const rows = byCode
      ? await db.query<{ code: string; level: number; description: string; parent: string | null; row: number }>(
          `SELECT x.code, x.level, x.description, x.parent, x.source_row AS row FROM ${table} x ${ACTIVE('x')}
            WHERE x.code LIKE $1 || '%' ORDER BY length(x.code), x.code LIMIT $2`,
          [prefix, limit],
        )
      : await db.query<{ code: string; level: number; description: string; parent: string | null; row: number }>(
          `SELECT x.code, x.level, x.description, x.parent, x.source_row AS row FROM ${table} x ${ACTIVE('x')}
            WHERE to_tsvector('english', x.description) @@ websearch_to_tsquery('english', $1)
               OR x.description ILIKE '%' || $1 || '%'
            ORDER BY ts_rank(to_tsvector('english', x.description), websearch_to_tsquery('english', $1)) DESC, x.level, x.code
            LIMIT $2`,
          [text, limit],
        );
    const src = sources[s];
    if (!src) continue;
    out.push(...rows.map((r) => ({ scheme: s, code: r.code, level: r.level, description: r.description, parent: r.parent, source: at(src, r.row) })));
  }
  return out.slice(0, limit * schemes.length);
}

export async function search(db: Db, resolver: CountryResolver, text: string): Promise<SearchResults> {
  const key = normaliseCountryName(text);
  const exact = resolver.resolve(text);
  const countries = resolver.countries
    .filter((c) => (exact.ok && exact.code === c.code) || [c.name, ...c.aliases].some((n) => normaliseCountryName(n).includes(key)))
    .sort((a, b) => Number(exact.ok && b.code === exact.code) - Number(exact.ok && a.code === exact.code) || a.name.localeCompare(b.name))
    .slice(0, 8)
    .map((c) => ({ code: c.code, name: c.name }));
  const { goods } = await goodsList(db);
  const matchedGoods = goods
    .filter((g) => normaliseCountryName(g.good).includes(key))
    .slice(0, 8)
    .map(({ good, slug, sector }) => ({ good, slug, sector }));
  const classifications = await searchClassifications(db, text, 'all', 6);
  return { countries, goods: matchedGoods, classifications };
}

export async function iloIndicators(db: Db) {
  const [sources, rows] = await Promise.all([
    activeSources(db),
    db.query<{ number: number; key: string; name: string; description: string }>(
      `SELECT i."number", i.key, i.name, i.description FROM ref_ilo_indicators i ${ACTIVE('i')} ORDER BY i."number"`,
    ),
  ]);
  return { indicators: rows, source: sources['ilo-indicators'] ?? null };
}
