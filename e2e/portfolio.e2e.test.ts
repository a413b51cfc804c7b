// Browser test of the supplier portfolio, through the shared e2e harness (built web app, in-process Vigil with
// an in-memory database, Chromium). One story, in order: first administrator → import a known file through the
// web page (columns recognised, mapping saved) → progress to the end → the rejected row and its CSV → the
// overview and its map → the top supplier and the explanation of its signals → the supplier table → the risk
// weights → the saved mapping reused → phone layout. Without a Chromium the tests skip (and fail when CI is
// set). Screenshots go to test-results/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { abortedOnLeaving, noHorizontalScroll, root, shot, skipped, skipReason, startHarness, type Harness } from './harness.ts';

const FIXTURE = `${root}test/fixtures/portfolio/known-portfolio.csv`;
const ADMIN = { name: 'Ada Admin', email: 'ada@example.org', password: 'correct horse battery staple' };
const ORG = 'Ministry of Example';
/** Data rows in the fixture; the one with "twelve thousand" as spend is rejected, "Atlantis" is no country. */
const ROWS = 30;

let e2e: Harness | undefined;
let base = '';

/** The line of the fixture (header = line 1) whose first cells start with `prefix`. */
function fixtureLine(prefix: string): number {
  const i = readFileSync(FIXTURE, 'utf8').split('\n').findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `no fixture line starts with ${prefix}`);
  return i + 1;
}

describe('supplier portfolio in the browser', { timeout: 240_000 }, () => {
  let page: Page;
  let problems: string[] = [];

  before(async () => {
    if (skipReason) return;
    e2e = await startHarness();
    base = e2e.base;
    ({ page, problems } = await e2e.watchedPage({
      // Asking who is signed in answers 401 before the administrator exists: signed out, not an error.
      allowAnswer: (a) => a.status === 401 && a.path === '/api/v1/session',
      allowFailure: abortedOnLeaving,
    }));
  });

  after(async () => {
    await e2e?.close();
  });

  test('an administrator with no suppliers is led from the overview to the import', async (t) => {
    if (skipped(t)) return;
    await page.goto(e2e!.app.setupLink!);
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('E-mail address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Organisation name').fill(ORG);
    await page.getByLabel('Kind of organisation').selectOption('public_body');
    await page.getByRole('button', { name: 'Create the administrator and the organisation' }).click();
    await page.waitForURL(/\/organisation\?welcome=1$/);

    const nav = page.getByRole('navigation', { name: 'Organisation pages' });
    assert.deepEqual((await nav.getByRole('link').allInnerTexts()).slice(0, 4), ['Portfolio', 'Suppliers', 'Import', 'Risk weights']);
    await nav.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByTestId('portfolio-empty').waitFor();
    await shot(page, 'portfolio-empty');
    await page.getByRole('link', { name: 'Import a supplier file' }).click();
    await page.waitForURL(/\/imports$/);
    await page.getByRole('heading', { level: 1, name: 'Import suppliers' }).waitFor();
    assert.deepEqual(problems, []);
  });

  test('a file uploaded through the page has its columns recognised, and the mapping is saved with the import', async (t) => {
    if (skipped(t)) return;
    await page.getByLabel(/Supplier or spend file/).setInputFiles(FIXTURE);
    const mapping = page.getByTestId('mapping');
    await mapping.getByRole('heading', { name: 'Match the columns of known-portfolio.csv' }).waitFor();

    const fieldOf = (header: string) => mapping.getByLabel(`Field for column “${header}”`);
    const expected: Record<string, string> = {
      'Vendor No': 'supplier_ref',
      'Vendor Name': 'supplier',
      'Country of Origin': 'country',
      'Item Description': 'description',
      'HS Code': 'hs',
      'CPV Code': 'cpv',
      Amount: 'spend',
      Currency: 'currency',
      'Fiscal Year': 'period',
    };
    for (const [header, field] of Object.entries(expected)) assert.equal(await fieldOf(header).inputValue(), field, `${header} is recognised as ${field}`);
    // Each recognised column says why, and shows sample values from the file.
    const supplierRow = mapping.locator('tr[data-header="Vendor Name"]');
    assert.notEqual((await supplierRow.locator('td').last().innerText()).trim(), 'Not recognised');
    assert.match(await supplierRow.innerText(), /Lagunes Cocoa Export SARL/);
    assert.match(await mapping.getByRole('list', { name: 'Required fields' }).innerText(), /Supplier name \(required\): column “Vendor Name”/);

    // Leaving out the supplier is refused before anything is sent, and the person is told why.
    await fieldOf('Vendor Name').selectOption('');
    await page.getByRole('button', { name: 'Start the import' }).click();
    await page.getByText('Choose the column that holds the supplier name: it is required.').waitFor();
    await fieldOf('Vendor Name').selectOption('supplier');

    await page.getByLabel(/Save this mapping as/).fill('ERP vendor export');
    await shot(page, 'import-mapping');
    await page.getByRole('button', { name: 'Start the import' }).click();
    await page.waitForURL(/\/imports\/\d+$/);
    assert.deepEqual(problems, []);
  });

  test('the import runs to the end; the rejected row is reported with its line, column, value and reason, and downloads as CSV', async (t) => {
    if (skipped(t)) return;
    // The progress page polls until the import is over (a small file may already be done at the first look).
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('import-status').textContent(), 'Done');
    const counts = await page.getByTestId('import-counts').innerText();
    assert.match(counts, new RegExp(`Rows read\\s+${ROWS}\\b`));
    assert.match(counts, new RegExp(`Imported\\s+${ROWS - 1}\\b`));
    assert.match(counts, /Rejected\s+1\b/);
    assert.match(counts, /Warnings\s+[1-9]/);

    const issues = page.getByTestId('issues');
    const spendLine = fixtureLine('V-1170,');
    const rejected = issues.locator('tr.issue-error');
    assert.equal(await rejected.count(), 1);
    const cells = await rejected.first().locator('th, td').allInnerTexts();
    assert.equal(cells[0], String(spendLine), 'the line of the file');
    assert.equal(cells[1], 'Amount', 'the column as the file names it');
    assert.equal(cells[2], 'twelve thousand', 'the value as written');
    assert.equal(cells[3], 'Rejected');
    assert.ok(cells[4]!.length > 10, `a reason is given: ${cells[4]}`);
    // The unknown country keeps its row, flagged.
    const atlantis = issues.locator('tr', { hasText: 'Atlantis' });
    assert.match(await atlantis.innerText(), new RegExp(`^${fixtureLine('V-1180,')}\\b`));
    assert.match(await atlantis.innerText(), /Kept, with a warning/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.match(csv.split('\n')[0]!, /line/);
    assert.match(csv, /twelve thousand/);
    assert.match(csv, new RegExp(`\\b${spendLine}\\b`));
    await shot(page, 'import-result');
    assert.deepEqual(problems, []);
  });

  test('the overview shows the risk per level, the spend at risk, the map of spend × risk, the hotspots and the editions', async (t) => {
    if (skipped(t)) return;
    await page.getByRole('link', { name: 'See the portfolio overview' }).click();
    await page.waitForURL(/\/portfolio$/);
    await page.getByTestId('portfolio-figures').waitFor();
    assert.match(await page.getByTestId('inherent-risk-note').innerText(), /not a finding about the company/);
    assert.match(await page.locator('.lede').innerText(), /ILAB 2022, TIP 2025, GSI 2023/);

    // Suppliers per level, in words and figures (the chart has the same figures in its accessible name).
    const levels = page.getByTestId('level-table');
    assert.deepEqual(await levels.locator('tbody th .level-badge').allInnerTexts(), ['Severe', 'High', 'Medium', 'Low']);
    const chart = page.getByTestId('distribution-chart');
    await chart.locator('svg').waitFor();
    assert.match((await chart.getAttribute('aria-label'))!, /^Suppliers per risk level: Low \d+, Medium \d+, High \d+, Severe \d+\.$/);
    await page.getByTestId('spend-chart').locator('svg').waitFor();

    // The map: countries coloured by their worst level, circles sized by spend, a legend with counts.
    const map = page.getByTestId('portfolio-map');
    await map.locator('svg.map-svg path[data-code]').first().waitFor();
    assert.ok(['high', 'severe'].includes((await map.locator('path[data-code="CN"]').getAttribute('data-class'))!), 'China is high or severe');
    assert.equal(await map.locator('path[data-code="FI"]').getAttribute('data-class'), 'low', 'office paper from Finland is low');
    assert.equal(await map.locator('path[data-code="AU"]').getAttribute('data-class'), 'no-suppliers');
    assert.match((await map.locator('path[data-code="CI"]').getAttribute('aria-label'))!, /Côte d’Ivoire|Côte d'Ivoire|Cote d'Ivoire/);
    const bubbles = map.locator('circle[data-bubble]');
    assert.ok((await bubbles.count()) >= 10, 'a circle per country with spend');
    const r = async (code: string) => Number(await map.locator(`circle[data-bubble="${code}"]`).getAttribute('r'));
    assert.ok((await r('CN')) > (await r('FI')), 'more spend, a larger circle');
    assert.match(await map.locator('.legend').innerText(), /Severe[\s\S]*No suppliers[\s\S]*Circle area: spend/);
    await map.locator('path[data-code="CN"]').hover();
    assert.match(await map.locator('.map-tooltip').innerText(), /China[\s\S]*risk at worst · 3 suppliers/);

    // Hotspots link each good and country; "Ivory Coast" in the file is Côte d'Ivoire.
    const hotspots = page.getByTestId('hotspots');
    const cocoa = hotspots.locator('tr', { has: page.locator('a[href="/goods/cocoa"]') });
    assert.equal(await cocoa.locator('a[href="/countries/CI"]').count(), 1, 'cocoa from Côte d’Ivoire is a hotspot');
    assert.match(await cocoa.first().innerText(), /ILAB 2022, row \d+/);
    assert.match(await page.getByTestId('portfolio-editions').innerText(), /ILAB 2022/);
    assert.equal(await page.getByTestId('portfolio-editions').locator('a[href="/sources#dataset-ilab-tvpra"]').count(), 1);
    assert.ok((await page.getByTestId('worklist').locator('li').count()) >= 3);
    await page.mouse.move(0, 0);
    await shot(page, 'portfolio-overview');

    // The board report, in the signed-in person's organisation, as a page and as a PDF.
    const html = await page.request.get(`${base}${await page.getByRole('link', { name: 'open as a web page' }).getAttribute('href')}`);
    assert.equal(html.status(), 200);
    assert.match(await html.text(), /Where to act first[\s\S]*Lagunes Cocoa Export SARL/);
    const pdf = await page.request.get(`${base}${await page.getByRole('link', { name: 'download the PDF' }).getAttribute('href')}`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    assert.deepEqual(problems, []);
  });

  test('the top supplier explains every signal with its dataset, edition and row', async (t) => {
    if (skipped(t)) return;
    const top = page.getByTestId('worklist').locator('li').first().locator('a.worklist-name');
    const name = await top.innerText();
    await top.click();
    await page.waitForURL(/\/suppliers\/\d+$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    assert.match(await page.getByTestId('supplier-risk').innerText(), /Inherent risk\s+(High|Severe)/);
    assert.match(await page.getByTestId('inherent-risk-note').innerText(), /ILAB list names goods and countries, not companies/);

    const line = page.getByTestId('supplier-line').first();
    const goods = line.locator('.goods-matched a[href^="/goods/"]');
    assert.ok((await goods.count()) >= 1, 'the matched good links to its page');
    assert.equal(await line.locator('.line-meta a[href^="/countries/"]').count(), 1, 'the country links to its page');
    const sources = await line.getByTestId('signal-source').allInnerTexts();
    const ilab = sources.find((s) => /^ILAB edition 2022, row \d+$/.test(s));
    assert.ok(ilab, `an ILAB 2022 signal with its row: ${sources.join(' | ')}`);
    assert.equal(await line.getByTestId('signals').locator('a[href="/sources#dataset-ilab-tvpra"]').count() >= 1, true, 'the dataset links to its source');
    const explanations = await line.getByTestId('signals').locator('.signal-explanation').allInnerTexts();
    assert.ok(explanations.every((e) => e.trim().length > 20), 'every signal is explained in words');
    await shot(page, 'supplier');
    assert.deepEqual(problems, []);
  });

  test('the supplier table sorts, filters by level and country, and keeps the view in the address', async (t) => {
    if (skipped(t)) return;
    await page.getByRole('navigation', { name: 'Organisation pages' }).getByRole('link', { name: 'Suppliers' }).click();
    await page.waitForURL(/\/suppliers$/);
    const table = page.getByTestId('supplier-table');
    await table.waitFor();
    assert.match(await page.getByTestId('supplier-count').innerText(), /Suppliers 1–\d+ of \d+/);

    await table.getByRole('button', { name: /^Supplier/ }).click();
    await page.waitForURL(/sort=name/);
    await page.waitForFunction(() => document.querySelector('[data-testid="supplier-table"] th[aria-sort="ascending"]') !== null);
    const names = await table.locator('tbody th a').allInnerTexts();
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })), 'sorted by name');

    await page.getByRole('button', { name: /^Severe/ }).click();
    await page.waitForURL(/level=severe/);
    await page.getByLabel('Country', { exact: true }).selectOption('MY');
    await page.waitForURL(/country=MY/);
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const filtered = page.getByTestId('supplier-count');
    const text = await filtered.innerText();
    if (!/No supplier matches/.test(text)) {
      for (const level of await table.locator('tbody .level-badge').allInnerTexts()) assert.match(level, /^Severe/);
    }
    await page.getByRole('button', { name: /^Severe/ }).click();
    await page.waitForURL((u) => !u.search.includes('level='));
    await page.getByLabel('Search', { exact: true }).fill('gloves');
    await page.waitForURL(/q=gloves/);
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    await table.locator('tbody tr', { hasText: 'Klang Valley Gloves' }).waitFor();
    // The address alone gives the same view.
    await page.reload();
    assert.equal(await page.getByLabel('Search', { exact: true }).inputValue(), 'gloves');
    assert.equal(await page.getByLabel('Country', { exact: true }).inputValue(), 'MY');
    await table.locator('tbody tr', { hasText: 'Klang Valley Gloves' }).waitFor();
    await shot(page, 'suppliers');
    assert.deepEqual(problems, []);
  });

  test('the risk weights show each default and why; an administrator can edit them', async (t) => {
    if (skipped(t)) return;
    await page.getByRole('navigation', { name: 'Organisation pages' }).getByRole('link', { name: 'Risk weights' }).click();
    const weights = page.getByTestId('weights');
    await weights.waitFor();
    const rows = weights.locator('tbody tr');
    assert.ok((await rows.count()) >= 3);
    assert.ok((await weights.locator('tbody input').count()) >= 3, 'editable for the administrator');
    const whys = await weights.locator('tbody td:last-child').allInnerTexts();
    assert.ok(whys.every((w) => w.trim().length > 10), 'every default is explained');
    await shot(page, 'risk-weights');

    // Points that no longer add up to 100 are refused by the server, which says why; nothing changes.
    const tip = page.getByLabel('TIP tier: points', { exact: true });
    const sector = page.getByLabel('Sector exposure: points', { exact: true });
    await tip.fill('20');
    await page.getByText('1 weight changed, not yet saved.').waitFor();
    problems.length = 0;
    await page.getByRole('button', { name: 'Save and reassess' }).click();
    await page.getByText('The weights were not saved').waitFor();
    assert.match(await page.locator('.form-problem').innerText(), /100/);
    assert.deepEqual(problems, ['HTTP PUT /api/v1/risk/weights 400'], 'the refusal is the only error answer');
    problems.length = 0;

    // Moving five points from sectors to the TIP tier is saved, every line reassessed, and the page says what changed.
    await sector.fill('20');
    await page.getByRole('button', { name: 'Save and reassess' }).click();
    const saved = page.getByTestId('weights-saved');
    await saved.waitFor();
    assert.match(await saved.innerText(), /Changed: TIP tier: points, Sector exposure: points\./);
    assert.match(await saved.innerText(), new RegExp(`${ROWS - 1} lines reassessed; \\d+ changed level\\.`));
    assert.equal(await page.getByLabel('TIP tier: points', { exact: true }).inputValue(), '20', 'the saved weights come back from the server');
    assert.equal(await weights.locator('tr.changed').count(), 2, 'the two weights are marked as differing from their defaults');

    // Back to the defaults.
    await page.getByRole('button', { name: 'Fill in the defaults' }).click();
    await page.getByRole('button', { name: 'Save and reassess' }).click();
    await page.getByText('Changed: TIP tier: points, Sector exposure: points.').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="weights"] tr.changed').length === 0);
    await shot(page, 'risk-weights-saved', false);

    // Reassessing with unchanged editions says so, and how many lines it went through.
    await page.getByRole('button', { name: 'Reassess the portfolio now' }).click();
    const reassessed = page.getByTestId('reassessed');
    await reassessed.waitFor();
    assert.match(await reassessed.innerText(), /No newer edition since the last assessment: still ILAB 2022, TIP 2025, GSI 2023\./);
    assert.match(await reassessed.innerText(), new RegExp(`${ROWS - 1} lines reassessed; 0 changed level\\.`));
    assert.deepEqual(problems, []);
  });

  test('past imports are listed, and the saved mapping is offered for the next file, dropped on the page', async (t) => {
    if (skipped(t)) return;
    await page.getByRole('navigation', { name: 'Organisation pages' }).getByRole('link', { name: 'Import' }).click();
    await page.getByTestId('past-imports').locator('a', { hasText: 'known-portfolio.csv' }).waitFor();
    // This time the file is dropped on the page rather than picked.
    const dropped = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'next-month.csv', { type: 'text/csv' }));
      return dt;
    }, readFileSync(FIXTURE, 'utf8'));
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByRole('heading', { name: 'Match the columns of next-month.csv' }).waitFor();
    const saved = page.getByLabel('Use a saved mapping');
    await saved.locator('option', { hasText: 'ERP vendor export' }).waitFor({ state: 'attached' });
    const value = await saved.locator('option', { hasText: 'ERP vendor export' }).getAttribute('value');
    await saved.selectOption(value!);
    await page.getByText('Applied “ERP vendor export”.').waitFor();
    assert.equal(await page.getByLabel('Field for column “Vendor Name”').inputValue(), 'supplier');
    await page.getByRole('button', { name: 'Choose another file' }).click();
    assert.deepEqual(problems, []);
  });

  test('on a phone the overview and a supplier fit the screen', async (t) => {
    if (skipped(t)) return;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/portfolio`);
    await page.getByTestId('portfolio-map').locator('svg.map-svg').waitFor();
    await noHorizontalScroll(page);
    await shot(page, 'portfolio-phone');
    await page.getByTestId('worklist').locator('a.worklist-name').first().click();
    await page.getByTestId('supplier-line').first().waitFor();
    await noHorizontalScroll(page);
    await shot(page, 'supplier-phone');
    await page.getByRole('link', { name: /^from import \d+, row \d+$/ }).first().click();
    await page.getByTestId('issues').waitFor();
    await noHorizontalScroll(page);
    await shot(page, 'import-result-phone');
    await page.goto(`${base}/suppliers`);
    await page.getByTestId('supplier-table').waitFor();
    // Rows are cards on a phone, without clickable headers: a select sorts them.
    await page.getByLabel('Sort by').selectOption({ label: 'Spend, largest first' });
    await page.waitForURL(/sort=spend/);
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    await noHorizontalScroll(page);
    await shot(page, 'suppliers-phone', false);
    assert.deepEqual(problems, []);
  });
});
