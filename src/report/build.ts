// Gathers the board report from an organisation's assessed portfolio: the same figures the web overview
// shows, the top of the worklist with the reasons, the weights and the editions used.
import type { KnowledgeBase } from '../knowledge/service.ts';
import type { Hotspot } from '../suppliers/portfolio.ts';
import type { SupplierService, Who } from '../suppliers/service.ts';
import type { PortfolioReport } from './model.ts';

export const REPORT_TOP = 20;

/** Vigil's own rules that results also depend on: cited like the public datasets, with where to read them. */
const VIGIL_OWN: Record<string, { title: string; publisher: string; sourceUrl: string; licence: string }> = {
  'ilab-goods-map': {
    title: 'Vigil goods map: trade wording and HS/CPV codes for the ILAB goods',
    publisher: 'Vigil, in its source repository',
    sourceUrl: 'reference-src/ilab-goods-map.csv',
    licence: 'AGPL-3.0-or-later',
  },
  'vigil-sectors': {
    title: 'Vigil sector exposure rules',
    publisher: 'Vigil, in its source repository',
    sourceUrl: 'src/risk/sectors.ts',
    licence: 'AGPL-3.0-or-later',
  },
};

/** Where a hotspot's risk comes from: its ILAB row, the ILAB list for other countries, or a sector rule. */
function hotspotSource(h: Hotspot): string {
  if (h.row !== null) return `ilab-tvpra ${h.edition ?? ''}, row ${h.row}`;
  if (h.slug !== null) return `ilab-tvpra${h.edition ? ` ${h.edition}` : ''}, listed for other countries`;
  return `Vigil sector rules${h.sector ? ` (${h.sector})` : ''}`;
}

/** The value at a dotted path of the weights ("tiers.2WL"). */
function valueAt(weights: unknown, path: string): number {
  let v: unknown = weights;
  for (const k of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[k];
  return typeof v === 'number' ? v : Number.NaN;
}

export async function buildPortfolioReport(suppliers: SupplierService, kb: KnowledgeBase, who: Who, organisation: string, subject: string, now = new Date()): Promise<PortfolioReport> {
  const [portfolio, top, worklist, weights, editions] = await Promise.all([
    suppliers.portfolio(who),
    suppliers.suppliers(who, { sort: 'priority', dir: 'desc', offset: 0, limit: REPORT_TOP }),
    suppliers.worklist(who, REPORT_TOP),
    suppliers.weights(who),
    kb.editions(),
  ]);
  const why = new Map(worklist.map((w) => [w.supplierId, w.why]));
  return {
    organisation,
    subject,
    generatedAt: now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    suppliers: portfolio.suppliers,
    lines: portfolio.lines,
    currency: portfolio.currency,
    spendByCurrency: portfolio.spendByCurrency,
    levels: portfolio.levels,
    countries: portfolio.countries,
    hotspots: portfolio.hotspots.map((h) => ({
      good: h.good,
      countryCode: h.countryCode ?? '',
      countryName: h.countryName ?? 'country not given',
      suppliers: h.suppliers,
      spend: h.spend,
      level: h.level,
      kinds: h.kinds,
      source: hotspotSource(h),
    })),
    worklist: top.items.map((s) => ({
      name: s.name,
      countries: s.countries,
      score: s.score,
      level: s.level,
      spend: s.spend,
      currency: s.currency,
      priority: s.priority,
      why: (why.get(s.id) ?? s.topSignal ?? '').split(/;\s+/).filter(Boolean),
    })),
    hardSignals: portfolio.hardSignals,
    weights: weights.explanation.map((e) => ({ key: e.key, label: e.label, value: valueAt(weights.weights, e.key), why: e.why })),
    sources: [
      ...editions
        .filter((e) => e.active && e.dataset in portfolio.editions)
        .map((e) => ({ dataset: e.dataset, edition: e.edition, title: e.title, publisher: e.publisher, sourceUrl: e.sourceUrl, licence: e.licence })),
      ...Object.entries(portfolio.editions)
        .filter(([dataset]) => dataset in VIGIL_OWN)
        .map(([dataset, edition]) => ({ dataset, edition: edition.startsWith('sha256:') ? edition.slice(0, 15) : edition, ...VIGIL_OWN[dataset]! })),
    ],
  };
}
