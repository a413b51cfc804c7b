// Sector exposure: Vigil's own rules for which kinds of work carry more risk of forced labour and trafficking,
// whatever the country. A line is put in a sector by the good the classifier found (its ILAB sector and goods
// family), by its HS chapter or heading, by its CPV division or group, or by English words in its description
// (services have no ILAB good: cleaning, security guards, catering, domestic work, haulage, agency labour…).
// The rules are ours, not a publisher's dataset: each cites where it comes from, and says which of those
// sources were checked (see ../shared/research/standards.md) and which were not. Pure: buildSectorRules()
// builds the phrase index once; match() then does a few map lookups per word and per code.
import type { Classification, GoodMatch } from '../classify/index.ts';
import { phraseKey, singular, tokenizeInto, type Tokens } from '../classify/normalise.ts';

/** The rules cite themselves as this dataset and edition in every signal they raise. */
export const SECTOR_DATASET = 'vigil-sectors';
/** Bumped whenever a rule or a source changes, so results show which rules scored them. */
export const SECTOR_RULES_VERSION = '2026.1';

export const SECTOR_KEYS = [
  'fishing',
  'domestic-work',
  'agriculture',
  'mining',
  'construction',
  'cleaning',
  'security',
  'hospitality',
  'labour-services',
  'logistics',
  'manufacturing',
] as const;
export type SectorKey = (typeof SECTOR_KEYS)[number];

export interface SectorSource {
  name: string;
  /** True when ../shared/research/standards.md marks it checked against the source; false when it is background knowledge not yet checked. */
  checked: boolean;
}

export interface SectorInfo {
  key: SectorKey;
  label: string;
  /** Why the work is exposed, in one sentence. */
  why: string;
  sources: readonly SectorSource[];
}

const SOURCES = {
  verite: { name: "Verité's Responsible Sourcing Tool, built with the US State Department (research on 11 sectors and 43 commodities; toolkits for seafood, food and beverage, private security, facilities services, mining and transportation)", checked: true },
  ppn: { name: 'UK PPN 009 (2025) and its predecessor PPN 02/23, whose risk tool weighs industry type and the nature of the workforce (which industries it names is not in our notes)', checked: true },
  osce: { name: 'OSCE Model Guidelines on government measures against trafficking in supply chains (2018), listing cleaning, security, construction, catering, textiles and uniforms, electronics, agriculture and food, and PPE as high-risk spend categories', checked: false },
  iloEstimates: { name: 'ILO, Walk Free and IOM, Global Estimates of Modern Slavery (2021): most forced labour in the private economy is in services, manufacturing, construction, agriculture and domestic work', checked: false },
  ilab: { name: "the ILAB list's own sector for the good (Agriculture, Mining, Manufacturing)", checked: true },
  uflpa: { name: 'the US UFLPA enforcement strategy, which names seafood, apparel, cotton, aluminium, PVC, silica-based products, tomatoes, copper, lithium, steel, caustic soda and jujubes as high-priority sectors (an enforcement priority, not a finding)', checked: true },
  c189: { name: 'ILO Domestic Workers Convention, 2011 (No. 189), on work hidden in private households', checked: false },
  c188: { name: 'ILO Work in Fishing Convention, 2007 (No. 188), on crews at sea for long periods', checked: false },
} as const satisfies Record<string, SectorSource>;

export const SECTORS: Readonly<Record<SectorKey, SectorInfo>> = {
  fishing: { key: 'fishing', label: 'Fishing and seafood', why: 'crews stay at sea for months, often migrants recruited through brokers, beyond the reach of inspection', sources: [SOURCES.verite, SOURCES.uflpa, SOURCES.c188] },
  'domestic-work': { key: 'domestic-work', label: 'Domestic work and home care', why: 'work inside private households is hidden from inspection, and live-in workers depend on the employer for housing and often for their papers', sources: [SOURCES.iloEstimates, SOURCES.c189] },
  agriculture: { key: 'agriculture', label: 'Agriculture, forestry and their produce', why: 'seasonal, informal and remote work, piece rates, and family labour on farms and plantations', sources: [SOURCES.ilab, SOURCES.iloEstimates, SOURCES.osce, SOURCES.verite] },
  mining: { key: 'mining', label: 'Mining and quarrying', why: 'remote and artisanal sites, dangerous work and debt bondage', sources: [SOURCES.ilab, SOURCES.verite] },
  construction: { key: 'construction', label: 'Construction and building materials (brick kilns, cement)', why: 'subcontracting chains, migrant workers tied to recruiters, and bonded labour in brick kilns', sources: [SOURCES.iloEstimates, SOURCES.osce, SOURCES.ilab] },
  cleaning: { key: 'cleaning', label: 'Cleaning, laundry and facility services', why: 'low-wage, outsourced work at night or out of sight, often through agencies and subcontractors', sources: [SOURCES.verite, SOURCES.osce, SOURCES.ppn] },
  security: { key: 'security', label: 'Security guarding', why: 'long shifts, subcontracted guards and recruitment fees paid by migrant workers', sources: [SOURCES.verite, SOURCES.osce, SOURCES.ppn] },
  hospitality: { key: 'hospitality', label: 'Hospitality and catering', why: 'kitchen, housekeeping and catering staff hired through agencies, with tips, housing and hours used to control them', sources: [SOURCES.verite, SOURCES.osce, SOURCES.iloEstimates] },
  'labour-services': { key: 'labour-services', label: 'Labour-intensive services (agency labour, call centres, car washes, waste, meat processing)', why: 'workers supplied by labour providers, often migrants paying recruitment fees, the commonest route into forced labour in services', sources: [SOURCES.iloEstimates, SOURCES.ppn] },
  logistics: { key: 'logistics', label: 'Logistics, warehousing and haulage', why: 'agency warehouse staff, drivers on bogus self-employment and long subcontracting chains', sources: [SOURCES.verite, SOURCES.ppn] },
  manufacturing: { key: 'manufacturing', label: 'Manufacturing of a listed good', why: 'labour-intensive factory work (garments, electronics, gloves, footwear, bricks…) with migrant workers, excessive overtime and recruitment debt', sources: [SOURCES.ilab, SOURCES.uflpa, SOURCES.osce] },
};

/** "Sources: A (checked); B (not verified)." */
function citeSources(sources: readonly SectorSource[]): string {
  return `Sources: ${sources.map((s) => `${s.name} (${s.checked ? 'checked' : 'not verified'})`).join('; ')}.`;
}

/** The fixed part of every sector signal's explanation (the engine adds how the line matched, and the citation). */
export const SECTOR_EXPLANATIONS: Readonly<Record<SectorKey, string>> = Object.fromEntries(
  SECTOR_KEYS.map((k) => [k, `${SECTORS[k].label}: ${SECTORS[k].why}. This is Vigil's own sector rule "${k}", not a publisher's finding. ${citeSources(SECTORS[k].sources)}`]),
) as Record<SectorKey, string>;

export type SectorVia = 'good' | 'hs' | 'cpv' | 'keyword';

export interface SectorMatch {
  sector: SectorKey;
  via: SectorVia;
  /** The rule within the rule set: 'good:fish-seafood', 'hs:03', 'cpv:909', 'keyword:office cleaning'. */
  rule: string;
  /** What matched: the good, the line's code, or the words of the description as written. */
  matched: string;
  /** 0–1: the classifier's confidence for a good, 1 for a code or a keyword. */
  confidence: number;
  /** The HS or CPV row of the line's code, for code rules. */
  codeRow: number | null;
  /** One clause: how the line was put in the sector. */
  reason: string;
}

// ---------------------------------------------------------------------------------------------------------
// Goods: the ILAB sector and goods family of the matched good.

/** Fish is "Agriculture" to ILAB and bricks are "Manufacturing": the goods family says what work it is. */
export function sectorOfGood(family: string, ilabSector: string | null): SectorKey | null {
  if (family === 'fish-seafood') return 'fishing';
  if (family === 'construction-materials') return ilabSector === 'Mining' ? 'mining' : 'construction';
  if (ilabSector === 'Agriculture') return 'agriculture';
  if (ilabSector === 'Mining') return 'mining';
  if (ilabSector === 'Manufacturing') return 'manufacturing';
  return null;
}

/** How the work behind a good reads in an explanation. */
const GOOD_WORK: Partial<Record<SectorKey, string>> = {
  fishing: 'is caught or farmed in fisheries',
  agriculture: 'is grown, raised or gathered on farms, plantations or in forests',
  mining: 'is mined or quarried',
  construction: 'is a building material made in kilns and plants',
  manufacturing: 'is made in labour-intensive manufacturing and is on the ILAB list',
};

// ---------------------------------------------------------------------------------------------------------
// Codes: prefixes of the HS code (2, 4 or 6 digits) and of the 8-digit CPV code. The longest prefix wins.

interface CodeRule {
  prefix: string;
  sector: SectorKey;
  label: string;
}

const HS_RULES: readonly CodeRule[] = sortRules([
  { prefix: '03', sector: 'fishing', label: 'HS chapter 03 (fish and crustaceans)' },
  { prefix: '1604', sector: 'fishing', label: 'HS 1604 (prepared or preserved fish)' },
  { prefix: '1605', sector: 'fishing', label: 'HS 1605 (prepared crustaceans and molluscs)' },
  ...['01', '06', '07', '08', '09', '10', '12', '13', '14'].map((c) => ({ prefix: c, sector: 'agriculture' as const, label: `HS chapter ${c} (agricultural produce)` })),
  { prefix: '2401', sector: 'agriculture', label: 'HS 2401 (unmanufactured tobacco)' },
  { prefix: '4001', sector: 'agriculture', label: 'HS 4001 (natural rubber)' },
  { prefix: '44', sector: 'agriculture', label: 'HS chapter 44 (wood and charcoal: forestry)' },
  { prefix: '5001', sector: 'agriculture', label: 'HS 5001 (silk-worm cocoons)' },
  ...['5201', '5202', '5203'].map((c) => ({ prefix: c, sector: 'agriculture' as const, label: `HS ${c} (raw cotton)` })),
  { prefix: '25', sector: 'mining', label: 'HS chapter 25 (salt, stone, sand, earths, cement)' },
  { prefix: '26', sector: 'mining', label: 'HS chapter 26 (ores)' },
  ...['2701', '2702'].map((c) => ({ prefix: c, sector: 'mining' as const, label: `HS ${c} (coal and lignite)` })),
  ...['7102', '7103', '7106', '7108', '7110'].map((c) => ({ prefix: c, sector: 'mining' as const, label: `HS ${c} (precious stones and metals, unworked)` })),
  { prefix: '2523', sector: 'construction', label: 'HS 2523 (cement)' },
  ...['6901', '6904', '6905'].map((c) => ({ prefix: c, sector: 'construction' as const, label: `HS ${c} (bricks, tiles)` })),
]);

const CPV_RULES: readonly CodeRule[] = sortRules([
  { prefix: '03', sector: 'agriculture', label: 'CPV division 03 (agricultural, farming and forestry products)' },
  { prefix: '0331', sector: 'fishing', label: 'CPV 03310000 (fish, crustaceans and aquatic products)' },
  { prefix: '77', sector: 'agriculture', label: 'CPV division 77 (agricultural, forestry and horticultural services)' },
  { prefix: '14', sector: 'mining', label: 'CPV division 14 (mining and basic metals)' },
  { prefix: '45', sector: 'construction', label: 'CPV division 45 (construction work)' },
  { prefix: '4411', sector: 'construction', label: 'CPV 44110000 (construction materials)' },
  { prefix: '909', sector: 'cleaning', label: 'CPV 90900000 (cleaning and sanitation services)' },
  { prefix: '9831', sector: 'cleaning', label: 'CPV 98310000 (washing and dry-cleaning services)' },
  { prefix: '7971', sector: 'security', label: 'CPV 79710000 (security services)' },
  ...['551', '553', '554', '555'].map((c) => ({ prefix: c, sector: 'hospitality' as const, label: `CPV ${c.padEnd(8, '0')} (hotel, restaurant and catering services)` })),
  { prefix: '601', sector: 'logistics', label: 'CPV 60100000 (road transport services)' },
  { prefix: '631', sector: 'logistics', label: 'CPV 63100000 (cargo handling and storage services)' },
  { prefix: '641', sector: 'logistics', label: 'CPV 64100000 (post and courier services)' },
  { prefix: '796', sector: 'labour-services', label: 'CPV 79600000 (recruitment and supply of personnel)' },
  { prefix: '7951', sector: 'labour-services', label: 'CPV 79510000 (telephone answering and call centres)' },
  { prefix: '905', sector: 'labour-services', label: 'CPV 90500000 (refuse and waste services)' },
  { prefix: '985', sector: 'domestic-work', label: 'CPV 98500000 (private households with employed persons)' },
]);

function sortRules(rules: CodeRule[]): CodeRule[] {
  return rules.sort((a, b) => b.prefix.length - a.prefix.length);
}

// ---------------------------------------------------------------------------------------------------------
// Words: English phrases, matched on the same folded singular words the classifier uses.

/** Words after a service word that make the line about goods, not the service ("cleaning products"). */
const GOODS_AFTER = [
  'product', 'supply', 'supplies', 'chemical', 'equipment', 'machine', 'machinery', 'agent', 'cloth', 'material',
  'trolley', 'cart', 'kit', 'tool', 'spray', 'wipe', 'detergent', 'liquid', 'powder', 'solution', 'software',
  'system', 'basket', 'bag', 'consumable', 'disposable', 'utensil', 'uniform', 'racking', 'shelving', 'scanner',
  'paper', 'toy', 'set', 'rod', 'reel', 'tackle', 'lure', 'hook', 'licence', 'license', 'game', 'magazine', 'book',
];
/** Words before "security" that make it information security, not guarding. */
const NOT_GUARDING_BEFORE = ['cyber', 'it', 'information', 'network', 'data', 'computer', 'cloud', 'managed', 'endpoint', 'email', 'application', 'web', 'internet', 'software', 'social', 'food', 'national'];

interface KeywordGroup {
  sector: SectorKey;
  phrases: readonly string[];
  unlessBefore?: readonly string[];
  unlessAfter?: readonly string[];
}

const KEYWORDS: readonly KeywordGroup[] = [
  { sector: 'fishing', phrases: ['fishing', 'commercial fishing'], unlessAfter: GOODS_AFTER },
  { sector: 'fishing', phrases: ['fishing vessel', 'fishing boat', 'fishing fleet', 'fishing crew', 'trawler', 'fish processing', 'seafood processing', 'shrimp peeling', 'aquaculture', 'fish farming', 'fish farm', 'shrimp farming'] },
  { sector: 'domestic-work', phrases: ['domestic worker', 'domestic work', 'domestic staff', 'domestic help', 'domestic service', 'household staff', 'housemaid', 'maid', 'maid service', 'nanny', 'au pair', 'home help', 'home care', 'homecare', 'live-in carer', 'live-in care', 'caregiver', 'elderly care at home'] },
  { sector: 'agriculture', phrases: ['harvesting', 'harvest labour', 'harvest labor', 'fruit picking', 'crop picking', 'farm labour', 'farm labor', 'farm work', 'farm worker', 'farmworker', 'seasonal worker', 'seasonal labour', 'seasonal labor', 'plantation', 'horticulture', 'horticultural service', 'agricultural service', 'agricultural labour', 'landscaping', 'grounds maintenance', 'gardening service', 'tree planting', 'forestry', 'tree felling', 'packhouse'] },
  { sector: 'mining', phrases: ['mining', 'quarrying', 'quarry', 'artisanal mining', 'mine site', 'open pit', 'open-pit'], unlessBefore: ['data', 'text', 'crypto', 'bitcoin', 'process', 'opinion', 'web'] },
  { sector: 'construction', phrases: ['construction', 'building work', 'civil work', 'civil engineering work', 'groundwork', 'renovation', 'refurbishment', 'demolition', 'scaffolding', 'bricklaying', 'roofing', 'road work', 'roadwork', 'road construction', 'fit-out', 'building site', 'construction site', 'plastering', 'painting and decorating', 'brick kiln'], unlessAfter: [...GOODS_AFTER, 'consultancy', 'consulting', 'consultant', 'design', 'insurance', 'law', 'permit'] },
  { sector: 'cleaning', phrases: ['cleaning', 'janitorial', 'janitor', 'custodial service', 'housekeeping', 'window cleaning', 'office cleaning', 'sanitation service', 'facilities management', 'facility management', 'facility service', 'laundry', 'dry cleaning'], unlessAfter: GOODS_AFTER, unlessBefore: ['data', 'code', 'database', 'dental', 'teeth', 'tooth', 'list'] },
  { sector: 'cleaning', phrases: ['cleaning staff', 'office cleaner', 'contract cleaner', 'contract cleaning', 'commercial cleaning'] },
  { sector: 'security', phrases: ['security guard', 'security guarding', 'manned guarding', 'guarding service', 'security officer', 'door supervisor', 'door supervision', 'security patrol', 'mobile patrol', 'security staff', 'security personnel', 'security service', 'security company', 'event security', 'site security', 'static guarding', 'night watchman'], unlessBefore: NOT_GUARDING_BEFORE },
  { sector: 'hospitality', phrases: ['catering', 'caterer', 'canteen', 'hospitality', 'hotel', 'restaurant', 'food service', 'kitchen staff', 'kitchen porter', 'banqueting', 'waiting staff', 'bar staff'], unlessAfter: [...GOODS_AFTER, 'management', 'booking'] },
  { sector: 'labour-services', phrases: ['agency labour', 'agency labor', 'agency worker', 'agency staff', 'temporary staff', 'temporary worker', 'temporary labour', 'temporary labor', 'temp staff', 'temp worker', 'temp agency', 'labour hire', 'labor hire', 'labour provider', 'labour supply', 'labor supply', 'labour agency', 'staffing', 'staffing agency', 'recruitment agency', 'recruitment service', 'manpower', 'outsourced labour', 'contract labour', 'contract labor', 'day labour', 'day labor', 'call centre', 'call center', 'contact centre', 'contact center', 'car wash', 'hand car wash', 'car valeting', 'nail salon', 'nail bar', 'waste collection', 'waste sorting', 'waste management', 'refuse collection', 'recycling service', 'meat processing', 'meat packing', 'poultry processing', 'packing service', 'co-packing'], unlessAfter: ['software', 'system'] },
  { sector: 'logistics', phrases: ['logistics', 'warehousing', 'warehouse', 'trucking', 'haulage', 'haulier', 'freight', 'freight forwarding', 'courier', 'parcel delivery', 'delivery driver', 'last mile delivery', 'last-mile delivery', 'fulfilment', 'fulfillment', 'distribution centre', 'distribution center', 'removal service', 'road transport', 'transport service', 'lorry driver', 'truck driver', 'van driver', 'pick and pack', 'picking and packing', 'order picking'], unlessAfter: [...GOODS_AFTER, 'management'] },
];

interface KeywordRule {
  sector: SectorKey;
  phrase: string;
  unlessBefore: ReadonlySet<string> | null;
  unlessAfter: ReadonlySet<string> | null;
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  rules: KeywordRule[] | null;
}

function buildTrie(): TrieNode {
  const root: TrieNode = { next: null, rules: null };
  const fold = (words: readonly string[] | undefined) => (words ? new Set(words.map((w) => phraseKey(w))) : null);
  for (const g of KEYWORDS) {
    const before = fold(g.unlessBefore);
    const after = fold(g.unlessAfter);
    for (const phrase of g.phrases) {
      // Hyphenated phrases are also indexed joined, as the classifier does ("fit-out" and "fitout").
      for (const variant of phrase.includes('-') ? [phrase, phrase.replaceAll('-', '')] : [phrase]) {
        const words = phraseKey(variant).split(' ');
        let n = root;
        for (const w of words) {
          n.next ??= new Map();
          let child = n.next.get(w);
          if (!child) { child = { next: null, rules: null }; n.next.set(w, child); }
          n = child;
        }
        (n.rules ??= []).push({ sector: g.sector, phrase, unlessBefore: before, unlessAfter: after });
      }
    }
  }
  return root;
}

export interface SectorRules {
  readonly edition: string;
  /** The surest match per sector (at equal confidence the first found: goods, then codes, then words), in SECTOR_KEYS order. */
  match(classification: Classification, description: string | null): SectorMatch[];
}

/** Builds the rules' indexes once. */
export function buildSectorRules(): SectorRules {
  const trie = buildTrie();
  const goodReasons = new Map<string, string>();
  // Reused by every call: match() runs to completion, so one set of token arrays and slots is enough.
  const tokens: Tokens = { words: [], starts: [], ends: [] };
  const best: (SectorMatch | null)[] = SECTOR_KEYS.map(() => null);
  const sectorIndex = new Map<SectorKey, number>(SECTOR_KEYS.map((k, i) => [k, i]));

  const offer = (m: SectorMatch) => {
    const i = sectorIndex.get(m.sector)!;
    const prev = best[i];
    if (!prev || m.confidence > prev.confidence) best[i] = m;
  };

  const goodReason = (g: GoodMatch, sector: SectorKey) => {
    let reason = goodReasons.get(g.good);
    if (reason === undefined) {
      reason = `the line's good ${g.good} ${GOOD_WORK[sector] ?? `belongs to ${SECTORS[sector].label.toLowerCase()}`} (ILAB sector ${g.sector ?? 'none'}, goods family ${g.family})`;
      goodReasons.set(g.good, reason);
    }
    return reason;
  };

  const codeMatch = (rules: readonly CodeRule[], system: 'hs' | 'cpv', resolution: Classification['hs']) => {
    const code = resolution?.code;
    if (!code) return;
    for (const r of rules) {
      if (!code.startsWith(r.prefix)) continue;
      const label = system === 'hs' ? 'HS' : 'CPV';
      offer({ sector: r.sector, via: system, rule: `${system}:${r.prefix}`, matched: code, confidence: 1, codeRow: resolution.row, reason: `the line's ${label} code ${code} (${resolution.description ?? 'no description'}; ${system} ${resolution.edition}, row ${resolution.row ?? 'none'}) falls under ${r.label}` });
      return;
    }
  };

  const keywordMatch = (text: string) => {
    const { words, starts, ends } = tokenizeInto(text, tokens);
    const n = words.length;
    for (let i = 0; i < n; i++) words[i] = singular(words[i]!);
    for (let i = 0; i < n; i++) {
      let node = trie.next?.get(words[i]!);
      for (let j = i; node; ) {
        if (node.rules) {
          const before = i > 0 ? words[i - 1]! : null;
          const after = j + 1 < n ? words[j + 1]! : null;
          for (const r of node.rules) {
            if (before !== null && r.unlessBefore?.has(before)) continue;
            if (after !== null && r.unlessAfter?.has(after)) continue;
            const matched = text.slice(starts[i]!, ends[j]!);
            offer({ sector: r.sector, via: 'keyword', rule: `keyword:${r.phrase}`, matched, confidence: 1, codeRow: null, reason: `the description says "${matched}"` });
          }
        }
        j++;
        if (j >= n || !node.next) break;
        node = node.next.get(words[j]!);
      }
    }
  };

  return {
    edition: SECTOR_RULES_VERSION,
    match(classification, description) {
      best.fill(null);
      for (const g of classification.goods) {
        const sector = sectorOfGood(g.family, g.sector);
        if (sector) offer({ sector, via: 'good', rule: `good:${g.family}`, matched: g.good, confidence: g.confidence, codeRow: null, reason: goodReason(g, sector) });
      }
      codeMatch(HS_RULES, 'hs', classification.hs);
      codeMatch(CPV_RULES, 'cpv', classification.cpv);
      if (description) keywordMatch(description);
      const out: SectorMatch[] = [];
      for (const m of best) if (m) out.push(m);
      return out;
    },
  };
}
