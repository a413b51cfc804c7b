// Generated supplier and spend files for tests and measurements: deterministic (seeded), any size, written as
// a stream so that a file of a million lines costs no memory. The goods and countries are real pairs, so the
// lines get real classifications and risk; supplier names and numbers are made up.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const GOODS: [description: string, hs: string, countries: string[]][] = [
  ['Cotton T-shirts, knitted', '610910', ['China', 'Bangladesh', 'India', 'Turkey', 'Vietnam']],
  ['Cocoa beans, raw', '180100', ["Côte d'Ivoire", 'Ghana', 'Nigeria', 'Cameroon']],
  ['Frozen shrimp', '030617', ['Thailand', 'Vietnam', 'India', 'Ecuador']],
  ['Nitrile examination gloves', '401519', ['Malaysia', 'Thailand', 'China']],
  ['Solar panels, photovoltaic modules', '854143', ['China', 'Malaysia', 'Vietnam']],
  ['Palm oil, crude', '151110', ['Indonesia', 'Malaysia']],
  ['Office cleaning services', '', ['United Kingdom', 'France', 'Germany']],
  ['Laptop computers', '847130', ['China', 'Taiwan', 'Mexico']],
  ['Coffee, not roasted', '090111', ['Brazil', 'Colombia', 'Ethiopia', 'Guatemala']],
  ['Bricks, ceramic building', '690410', ['India', 'Pakistan', 'Nepal']],
  ['Security guarding services', '', ['United Kingdom', 'Qatar', 'United Arab Emirates']],
  ['Printer paper, A4', '480256', ['Finland', 'Sweden', 'Portugal']],
];

/** Mulberry32: a small, fast, seeded generator, so a file is the same every time. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const GENERATED_HEADER = ['Vendor Name', 'Vendor No', 'Country', 'Description', 'HS Code', 'Amount', 'Currency', 'Period', 'Tier'];

/**
 * Writes `lines` data lines for about lines / 10 suppliers (at most `suppliers`). Each supplier buys one good
 * from one country, so the name-and-country rule and the vendor number agree on who is who.
 */
export async function writeSupplierFile(path: string, lines: number, opts: { suppliers?: number; seed?: number } = {}): Promise<void> {
  const next = random(opts.seed ?? 1);
  const supplierCount = Math.max(1, Math.min(opts.suppliers ?? 100_000, Math.ceil(lines / 10)));
  let i = 0;
  await writeCsvFile(path, GENERATED_HEADER, lines, () => {
    const s = Math.floor(next() * supplierCount);
    const [description, hs, countries] = GOODS[s % GOODS.length]!;
    const amount = (Math.floor(next() * 5_000_000) / 100).toFixed(2);
    const month = String(1 + (i++ % 12)).padStart(2, '0');
    return [`Supplier ${s} Trading Ltd`, `V${String(s).padStart(6, '0')}`, countries[s % countries.length]!, description, hs, amount, 'EUR', `2025-${month}`, String(1 + (s % 3))];
  });
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Streams `lines` generated rows under a header to a CSV file, in 64 KB writes. */
export async function writeCsvFile(path: string, header: readonly string[], lines: number, row: () => string[]): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${header.map(csvCell).join(',')}\n`);
  let chunk = '';
  for (let i = 0; i < lines; i++) {
    chunk += `${row().map(csvCell).join(',')}\n`;
    if (chunk.length > 64 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
}
