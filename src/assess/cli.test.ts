// `vigil assess` end to end on the known portfolio: one entry per data row, each explained down to dataset,
// edition and row; rejected rows kept in the output with their reason; CSV, HTML and PDF forms.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runVigil } from '../../test/cli.ts';
import type { AssessEntry } from './output.ts';

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/portfolio/known-portfolio.csv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vigil-assess-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const vigil = (...args: string[]) => runVigil(args);

test('JSON: one entry per data row, numbered from 1, each flagged row explained by dataset, edition and row', async () => {
  const out = join(dir, 'a.json');
  const r = await vigil('assess', FIXTURE, '--out', out);
  assert.equal(r.code, 0, r.err);
  const entries = JSON.parse(readFileSync(out, 'utf8')) as AssessEntry[];
  assert.deepEqual(entries.map((e) => e.row), Array.from({ length: 30 }, (_, i) => i + 1));
  assert.deepEqual(entries.map((e) => e.line), Array.from({ length: 30 }, (_, i) => i + 2));

  const cocoa = entries[0]!;
  assert.equal(cocoa.supplier, 'Lagunes Cocoa Export SARL');
  assert.deepEqual(cocoa.country, { input: 'Ivory Coast', code: 'CI', name: "Côte d'Ivoire" });
  assert.equal(cocoa.goods[0]?.good, 'Cocoa');
  assert.equal(cocoa.level, 'severe');
  const ilab = cocoa.signals.find((s) => s.dataset === 'ilab-tvpra');
  assert.ok(ilab, 'the ILAB signal is there');
  assert.equal(ilab.edition, '2022');
  assert.equal(ilab.key, 'Cocoa|CI');
  assert.equal(typeof ilab.row, 'number');
  assert.equal(cocoa.signals.reduce((a, s) => a + s.contribution, 0), cocoa.score, 'contributions add up to the score');

  for (const e of entries.filter((x) => x.level === 'high' || x.level === 'severe')) {
    assert.ok(e.signals.some((s) => s.contribution > 0 && s.dataset && s.edition && (s.row !== null || s.dataset === 'vigil-sectors')), `row ${e.row} is explained`);
  }

  const rejected = entries.find((e) => e.rejected);
  assert.equal(rejected?.row, 29);
  assert.equal(rejected?.score, null);
  assert.equal(rejected?.issues[0]?.column, 'Amount');
  // An unknown country keeps the row, with no country code and a warning naming the value.
  const atlantis = entries.find((e) => e.country?.input === 'Atlantis');
  assert.equal(atlantis?.country?.code, null);
  assert.match(atlantis?.issues.map((i) => i.message).join(' ') ?? '', /Atlantis/);
  assert.match(r.err, /Assessed 30 rows .* 1 rejected/);
});

test('CSV: a header and one row per data row, signals written as dataset, edition, key, row and points', async () => {
  const r = await vigil('assess', FIXTURE, '--format', 'csv');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines[0], 'row,line,supplier,country_input,country,goods,score,level,signals,summary,issues');
  assert.equal(lines.length, 31);
  assert.match(lines[1]!, /^1,2,Lagunes Cocoa Export SARL,Ivory Coast,CI,Cocoa,75,severe,ilab-tvpra 2022 Cocoa\|CI \(row \d+\) \+45/);
});

test('a column the file does not have is refused before any work, naming it', async () => {
  const r = await vigil('assess', FIXTURE, '--map', 'supplier=Name Of Vendor', '--out', join(dir, 'x.json'));
  assert.equal(r.code, 2);
  assert.match(r.err, /Name Of Vendor/);
});

test('HTML and PDF: the board report with summary, charts, worklist, method and sources', async () => {
  const html = join(dir, 'report.html');
  const r = await vigil('assess', FIXTURE, '--format', 'html', '--out', html);
  assert.equal(r.code, 0, r.err);
  const text = readFileSync(html, 'utf8');
  for (const heading of ['Summary', 'Where to act first', 'Hotspots: goods and countries', 'Method', 'Sources']) assert.match(text, new RegExp(`<h2>${heading}</h2>`));
  assert.match(text, /28 suppliers and 29 supplier lines/);
  assert.match(text, /<svg[^>]*>/, 'charts are inline SVG');
  assert.match(text, /Lagunes Cocoa Export SARL/);
  assert.match(text, /List of Goods Produced by Child Labor or Forced Labor/);
  assert.match(text, /Vigil goods map/);
  assert.doesNotMatch(text, /<script/i, 'no scripts in the report');

  const pdf = join(dir, 'report.pdf');
  const p = await vigil('assess', FIXTURE, '--format', 'pdf', '--out', pdf);
  assert.equal(p.code, 0, p.err);
  const bytes = readFileSync(pdf);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  assert.ok(bytes.length > 20_000, `a real document, not an empty one (${bytes.length} bytes)`);
});
