// Generated supplier files for benchmarks and load tests: a realistic mix of listed goods (written as the
// ILAB name, a trade synonym or an HS code), everyday goods and services, countries in the forms real files
// use, spend and currencies. Deterministic for a given seed.
import type { ClassifierData } from '../src/classify/index.ts';
import { random, writeCsvFile } from '../test/supplier-files.ts';

const EVERYDAY: [string, string | null, string][] = [
  ['Office paper A4 80gsm', '480256', 'FI'],
  ['Laptops 14 inch', '847130', 'IE'],
  ['Printer toner cartridges', '844399', 'DE'],
  ['Software licences', null, 'US'],
  ['Management consulting services', null, 'GB'],
  ['Desk chairs', '940130', 'PL'],
  ['Medical syringes', '901831', 'DE'],
  ['Diesel fuel', '271019', 'NL'],
  ['Mobile phones', '851713', 'KR'],
  ['Wooden pallets', '441520', 'SE'],
];
const SERVICES: [string, string][] = [
  ['Office cleaning services', 'GB'],
  ['Security guard services', 'AE'],
  ['Catering services for staff canteen', 'QA'],
  ['Warehouse and logistics services', 'PL'],
  ['Construction works, new office wing', 'SA'],
  ['Temporary agency labour', 'MY'],
  ['Domestic workers placement', 'LB'],
];
// Ways files write countries: code, English name, alias, lower case.
const COUNTRY_FORMS: Record<string, string[]> = {
  CI: ["Côte d'Ivoire", 'Ivory Coast', 'CI', 'cote divoire'],
  MM: ['Burma', 'Myanmar', 'MM'],
  CN: ['China', 'CN', "People's Republic of China", 'CHN'],
  TR: ['Türkiye', 'Turkey', 'TR'],
  CD: ['Congo (DRC)', 'Democratic Republic of the Congo', 'CD'],
  KR: ['Korea, South', 'South Korea', 'KR'],
  VN: ['Viet Nam', 'Vietnam', 'VN'],
  GB: ['United Kingdom', 'UK', 'GB'],
  US: ['United States', 'USA', 'US'],
};
const CURRENCIES = ['EUR', 'EUR', 'EUR', 'USD', 'USD', 'GBP'];

export const HEADER = ['Vendor Name', 'Vendor ID', 'Country of Origin', 'Item Description', 'HS Code', 'Spend Amount', 'Currency', 'Tier'];

/** One generated line as CSV cells, in HEADER order. */
export function lineGenerator(data: ClassifierData, seed = 42, suppliers = 200_000): () => string[] {
  const rnd = random(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const rows = data.ilab.rows;
  const entries = new Map(data.goodsMap.entries.map((e) => [e.good, e]));
  const country = (code: string) => (COUNTRY_FORMS[code] ? pick(COUNTRY_FORMS[code]) : rnd() < 0.7 ? code : code.toLowerCase());
  return () => {
    const n = Math.floor(rnd() * suppliers);
    const r = rnd();
    let description = '';
    let hs = '';
    let code = '';
    if (r < 0.4) {
      const row = pick(rows);
      const entry = entries.get(row.good);
      code = row.country_code;
      const way = rnd();
      const synonyms = entry?.synonyms.filter((s) => !s.partial) ?? [];
      if (way < 0.4 || !entry) description = `${row.good} ${pick(['', 'bulk', 'grade A', 'shipment', 'lot 7'])}`.trim();
      else if (way < 0.75 && synonyms.length) description = pick(synonyms).text;
      else {
        const codes = entry.hs.filter((c) => !c.partial);
        description = pick(['Goods as per PO', 'Assorted items', 'Raw materials']);
        hs = codes.length ? pick(codes).code : '';
        if (!hs) description = row.good;
      }
    } else if (r < 0.8) {
      const [d, h, c] = pick(EVERYDAY);
      description = d;
      hs = h && rnd() < 0.6 ? h : '';
      code = c;
    } else {
      const [d, c] = pick(SERVICES);
      description = d;
      code = c;
    }
    const spend = (Math.floor(rnd() * 5_000_000) / 100).toFixed(2);
    return [`Supplier ${n} Ltd`, `V${n}`, country(code), description, hs, spend, pick(CURRENCIES), rnd() < 0.8 ? '1' : '2'];
  };
}

/** Writes `lines` generated data rows (plus the header) to a CSV file. */
export function writePortfolioCsv(path: string, lines: number, data: ClassifierData, seed = 42): Promise<void> {
  return writeCsvFile(path, HEADER, lines, lineGenerator(data, seed));
}
