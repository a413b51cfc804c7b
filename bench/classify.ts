// Micro-benchmark of the classification engine, to run by hand (not a test):
//   node --import tsx bench/classify.ts [--lines 200000] [--seed 42] [--rounds 5]
// Generates realistic procurement and supplier lines (free text in several styles, HS codes written in
// several ways, CPV codes with and without check digits, services, unlisted goods, a little noise), builds
// the classifier once and prints lines per second for classify() alone.
import { parseArgs } from 'node:util';
import { buildClassifier, type LineInput } from '../src/classify/classifier.ts';
import { loadClassifierData } from '../src/classify/load.ts';
import { random } from '../test/supplier-files.ts';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '200000' }, seed: { type: 'string', default: '42' }, rounds: { type: 'string', default: '5' } } });
const N = Number(values.lines);
const ROUNDS = Math.max(1, Number(values.rounds));

const rand = random(Number(values.seed));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const t0 = performance.now();
const data = loadClassifierData();
const t1 = performance.now();
const classifier = buildClassifier(data);
const t2 = performance.now();

const phrases = data.goodsMap.entries.flatMap((e) => [e.good, ...e.synonyms.map((s) => s.text), ...e.otherLanguages.map((s) => s.text)]);
const hsCodes = data.hs.rows.filter((r) => r.level >= 4).map((r) => r.code);
const mappedHs = data.goodsMap.entries.flatMap((e) => e.hs.map((c) => c.code));
const cpvRows = data.cpv.rows;
const unlisted = [
  'office chairs, ergonomic', 'A4 copy paper 80gsm', 'printer toner cartridges', 'diesel fuel', 'laptop repair', 'office cleaning services',
  'security guard services', 'catering services for staff canteen', 'legal advisory services', 'software licences', 'LED street lights',
  'road resurfacing works', 'medical oxygen cylinders', 'vehicle tyres 205/55 R16', 'HVAC maintenance contract', 'stationery',
  'steel reinforcement bars', 'PVC pipes 110mm', 'bottled water 500ml', 'hand sanitiser 70% alcohol', 'courier services', 'ambulance hire',
  'translation services', 'school textbooks', 'photocopier lease', 'fuel cards', 'temporary staff - warehouse', 'waste collection',
];
const prefixes = ['', '', 'Supply of ', 'Purchase of ', 'Framework: ', 'Item 12 - ', 'Lot 3: ', 'PO 4500012345 '];
const suffixes = ['', '', ', 25 kg bags', ' (grade A)', ' - 1,000 units', ', origin as per contract', ' 20ft container', ', FOB', ' x 12'];
// National tariff lines add 2 or 4 digits to the HS subheading; a file repeats a few of them.
const NATIONAL = ['00', '10', '20', '90', '11', '19', '91', '99'];
const hsStyle = (code: string): string => {
  const six = code.padEnd(6, '0');
  switch (Math.floor(rand() * 4)) {
    case 0: return code;
    case 1: return `${six.slice(0, 4)}.${six.slice(4)}`;
    case 2: return `${six}${pick(NATIONAL)}${pick(NATIONAL)}`;
    default: return `${six.slice(0, 4)}.${six.slice(4)}.${pick(NATIONAL)}`;
  }
};

function generate(count: number): LineInput[] {
  const lines: LineInput[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    if (r < 0.35) lines.push({ description: `${pick(prefixes)}${pick(phrases)}${pick(suffixes)}` });
    else if (r < 0.55) lines.push({ description: `${pick(prefixes)}${pick(unlisted)}${pick(suffixes)}` });
    else if (r < 0.7) lines.push({ description: `${pick(phrases)}${pick(suffixes)}`, hsCode: hsStyle(rand() < 0.7 ? pick(mappedHs) : pick(hsCodes)) });
    else if (r < 0.8) lines.push({ hsCode: hsStyle(pick(hsCodes)) });
    else if (r < 0.9) {
      const c = pick(cpvRows);
      lines.push({ description: rand() < 0.5 ? c.description : pick(unlisted), cpvCode: rand() < 0.5 ? `${c.code}-${c.check_digit}` : c.code });
    } else lines.push({ description: `${pick(prefixes)}${pick(phrases)} and ${pick(phrases)} for ${pick(unlisted)}`, unspscCode: rand() < 0.3 ? '50161509' : undefined });
  }
  return lines;
}

// Each round classifies a fresh set of generated lines (so caches see new lines as a real file would),
// after a short warm-up; the median round is reported, since a shared machine makes single runs noisy.
const warm = generate(Math.min(20000, N));
for (const line of warm) classifier.classify(line);
let matched = 0;
let evidence = 0;
const rounds: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const lines = generate(N);
  matched = 0;
  evidence = 0;
  const start = performance.now();
  for (let i = 0; i < N; i++) {
    const c = classifier.classify(lines[i]!);
    if (c.goods.length > 0) matched++;
    evidence += c.goods.length;
  }
  rounds.push(performance.now() - start);
}
const sorted = [...rounds].sort((a, b) => a - b);
const ms = sorted[Math.floor(sorted.length / 2)]!;
const mem = process.memoryUsage();
console.log(`reference data read and map compiled in ${(t1 - t0).toFixed(0)} ms; classifier built in ${(t2 - t1).toFixed(0)} ms`);
console.log(`${N.toLocaleString('en')} lines classified in ${ms.toFixed(0)} ms (median of ${ROUNDS} rounds: ${rounds.map((r) => r.toFixed(0)).join(', ')} ms): ${Math.round(N / (ms / 1000)).toLocaleString('en')} lines/s, ${((ms * 1000) / N).toFixed(2)} µs/line`);
console.log(`${matched.toLocaleString('en')} lines matched at least one listed good (${((matched / N) * 100).toFixed(1)} %), ${evidence.toLocaleString('en')} good matches in all`);
console.log(`heap used ${(mem.heapUsed / 1e6).toFixed(0)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB (the last round's generated lines included)`);
