// Browser tests of the knowledge-base pages, through the shared e2e harness (built web app, in-process Vigil with
// an in-memory database, Chromium; skipped without one unless CI is set). Screenshots go to test-results/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { noHorizontalScroll, shot, skipped, skipReason, startHarness, type Harness, type WatchedPage } from './harness.ts';

const SEVEN_DATASETS = ['countries', 'tip-tiers', 'ilab-tvpra', 'gsi', 'hs', 'cpv', 'ilo-indicators'];

let e2e: Harness | undefined;
let base = '';

/** A watched page opened at `path`; `allowStatus` lists the error statuses expected there. */
async function open(path: string, viewport?: { width: number; height: number }, allowStatus: number[] = []): Promise<WatchedPage> {
  const watched = await e2e!.watchedPage(
    {
      // The shell asks who is signed in; to a visitor who is not, the API answers 401 (signed out, not an error).
      allowAnswer: (a) => (a.status === 401 && a.method === 'GET' && a.path === '/api/v1/session') || allowStatus.includes(a.status),
      // A search superseded by the next keystroke is aborted on purpose.
      allowFailure: (url, errorText) => errorText === 'net::ERR_ABORTED' && url.includes('/api/v1/search'),
    },
    viewport,
  );
  await watched.page.goto(base + path);
  return watched;
}

async function apiJson<T>(path: string): Promise<T> {
  const res = await fetch(base + path);
  assert.equal(res.status, 200, `${path} answered ${res.status}`);
  return (await res.json()) as T;
}

describe('knowledge base in the browser', { timeout: 180_000 }, () => {
  before(async () => {
    if (skipReason) return;
    e2e = await startHarness();
    base = e2e.base;
  });

  after(async () => {
    await e2e?.close();
  });

  test('home map: coloured countries, legend per indicator, tooltip on hover and focus', async (t) => {
    if (skipped(t)) return;
    const { page, problems, close } = await open('/');
    try {
      await page.waitForSelector('svg.map-svg path[data-code]');
      const paths = await page.locator('svg.map-svg path[data-feature]').count();
      assert.ok(paths >= 170, `expected at least 170 country shapes, got ${paths}`);
      const fills = await page.$$eval('svg.map-svg path[data-code]', (els) => els.map((e) => e.getAttribute('fill')));
      const colours = new Set(fills.filter((f) => f && f.startsWith('#')));
      assert.ok(colours.size >= 4, `expected at least 4 tier colours on the map, got ${[...colours].join(', ')}`);

      const legend = page.locator('.legend');
      assert.equal(await legend.getAttribute('data-indicator'), 'tip');
      const tipLegend = await legend.innerText();
      for (const label of ['Tier 1', 'Tier 2', 'Tier 2 Watch List', 'Tier 3', 'No placement recorded']) {
        assert.ok(tipLegend.includes(label), `TIP legend lacks "${label}": ${tipLegend}`);
      }
      const { tipYears } = await apiJson<{ tipYears: number[] }>('/api/v1/countries');
      const yearOptions = await page.locator('.year-select option').allInnerTexts();
      assert.deepEqual(yearOptions.map(Number).sort(), [...tipYears].sort(), 'year selector offers the TIP years');
      assert.match(await page.locator('.map-notes').innerText(), /Source:.*Trafficking in Persons/is);
      assert.ok((await page.locator('.figure').count()) >= 3, 'headline figures shown');
      await shot(page, 'home-map');

      // Hovering a country shows its name and value.
      const brazil = page.locator('path[data-code="BR"]');
      await brazil.hover();
      const tooltip = page.locator('.map-tooltip');
      await tooltip.waitFor();
      assert.match(await tooltip.innerText(), /Brazil/);
      assert.match(await tooltip.innerText(), /Tier|No placement/);

      // Switching the indicator changes the legend and the colours.
      await page.getByLabel('Modern slavery prevalence').check();
      await page.waitForSelector('.legend[data-indicator="gsi"]');
      const gsiLegend = await legend.innerText();
      assert.notEqual(gsiLegend, tipLegend);
      assert.match(gsiLegend, /per 1,000/);
      assert.match(gsiLegend, /No estimate/);
      assert.match(await page.locator('.map-notes').innerText(), /Global Slavery Index/);
      const gsiFills = await page.$$eval('svg.map-svg path[data-code]', (els) => els.map((e) => e.getAttribute('fill')));
      assert.notDeepEqual(gsiFills, fills, 'map colours change with the indicator');
      await brazil.hover({ position: { x: 10, y: 10 }, force: true });
      await page.locator('path[data-code="CN"]').hover();
      assert.match(await tooltip.innerText(), /China[\s\S]*per 1,000/);
      await shot(page, 'home-map-gsi', false);

      await page.getByLabel('Goods on the ILAB list').check();
      await page.waitForSelector('.legend[data-indicator="ilab"]');
      assert.match(await legend.innerText(), /or more/);

      // Keyboard: a focused country shows its tooltip and Enter opens its page.
      await page.locator('path[data-code="IN"]').focus();
      await tooltip.waitFor();
      assert.match(await tooltip.innerText(), /India/);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/countries\/IN$/);
      await page.locator('h1', { hasText: 'India' }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('country page from the map: tier history chart and table with every year', async (t) => {
    if (skipped(t)) return;
    const { page, problems, close } = await open('/');
    try {
      await page.locator('path[data-code="MM"]').click();
      await page.waitForURL(/\/countries\/MM$/);
      await page.locator('h1', { hasText: 'Myanmar' }).waitFor();
      await page.waitForSelector('.tier-chart svg');
      const { tipYears } = await apiJson<{ tipYears: number[] }>('/api/v1/countries');
      const tableYears = await page.locator('[data-testid="tier-table"] tbody th').allInnerTexts();
      assert.deepEqual(tableYears.map(Number).sort(), [...tipYears].sort(), 'tier table lists every TIP year');
      const table = await page.locator('[data-testid="tier-table"]').innerText();
      assert.match(table, /Tier/);
      assert.match(await page.locator('.tier-chart').getAttribute('aria-label') ?? '', /Tier history for Myanmar/);
      // Sources are shown for each block, with rows.
      assert.ok((await page.locator('.source-note').count()) >= 3, 'each figure block names its source');
      assert.match(await page.locator('[data-testid="goods-table"]').innerText(), /Forced labour|Child labour/);
      await shot(page, 'country-MM');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('country page shows years without a placement as gaps', async (t) => {
    if (skipped(t)) return;
    const list = await apiJson<{ tipYears: number[]; countries: { code: string; tiers: Record<string, string | null> }[] }>('/api/v1/countries');
    const withGap = list.countries.find((c) => {
      const v = list.tipYears.map((y) => c.tiers[String(y)]);
      return v.some((x) => x === null) && v.some((x) => x !== null);
    });
    if (!withGap) {
      t.skip('the loaded TIP edition has no country with a missing year');
      return;
    }
    const { page, problems, close } = await open(`/countries/${withGap.code}`);
    try {
      await page.waitForSelector('.tier-chart svg');
      assert.match(await page.locator('[data-testid="tier-table"]').innerText(), /No placement recorded/);
      assert.match(await page.locator('.tier-chart').innerText(), /No placement/);
      await shot(page, `country-${withGap.code}-gaps`, false);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('header search finds the good Cocoa, and its page lists Côte d’Ivoire', async (t) => {
    if (skipped(t)) return;
    const { page, problems, close } = await open('/');
    try {
      const box = page.getByRole('combobox', { name: /search/i });
      await box.click();
      await box.pressSequentially('cocoa', { delay: 30 });
      const option = page.getByRole('option', { name: /^Cocoa\b/ }).first();
      await option.waitFor();
      // Walk the list with the arrow keys until Cocoa is highlighted, then press Enter.
      const optionId = await option.getAttribute('id');
      const count = await page.getByRole('option').count();
      for (let i = 0; i < count && (await box.getAttribute('aria-activedescendant')) !== optionId; i++) {
        await box.press('ArrowDown');
      }
      assert.equal(await box.getAttribute('aria-activedescendant'), optionId, 'arrow keys reach the Cocoa option');
      await shot(page, 'search-suggestions', false);
      await box.press('Enter');
      await page.waitForURL(/\/goods\/[^/]+$/);
      await page.locator('h1', { hasText: /^Cocoa$/ }).waitFor();
      const countries = page.locator('[data-testid="good-countries"]');
      await countries.waitFor();
      assert.match(await countries.innerText(), /C[ôo]te d.Ivoire/);
      await shot(page, 'good-cocoa');

      // From the good to the country.
      await countries.getByRole('link', { name: /C[ôo]te d.Ivoire/ }).click();
      await page.waitForURL(/\/countries\/CI$/);
      await page.waitForSelector('[data-testid="goods-table"]');
      assert.match(await page.locator('[data-testid="goods-table"]').innerText(), /Cocoa/);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('goods list filters by type and sorts', async (t) => {
    if (skipped(t)) return;
    const { page, problems, close } = await open('/goods');
    try {
      const table = page.locator('[data-testid="goods-list"]');
      await table.waitFor();
      const all = await table.locator('tbody tr').count();
      assert.ok(all >= 100, `expected the full ILAB list, got ${all} goods`);
      await page.getByLabel('Listed for').selectOption('forcedLabor');
      await page.waitForURL(/type=forcedLabor/);
      const forced = await table.locator('tbody tr').count();
      assert.ok(forced > 0 && forced < all, `forced-labour filter keeps some goods (${forced} of ${all})`);
      await page.getByRole('button', { name: /^Countries/ }).click();
      await page.waitForURL(/sort=countries/);
      const counts = (await table.locator('tbody tr td:nth-child(3)').allInnerTexts()).map((s) => Number(s.replace(/\D/g, '')));
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'sorted by number of countries, most first');
      await page.getByLabel('Listed for').selectOption('all');
      await shot(page, 'goods-list', false);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('search page: selecting an HS or CPV code shows its description and level', async (t) => {
    if (skipped(t)) return;
    const { page, problems, close } = await open('/search?q=cocoa');
    try {
      const first = page.locator('.code-list .code-link').first();
      await first.waitFor();
      const code = (await first.locator('.code').innerText()).trim();
      await first.click();
      const panel = page.locator('.detail-panel');
      await panel.locator('.detail-description').waitFor();
      assert.match(await panel.innerText(), new RegExp(code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.match(await panel.innerText(), /Level/);
      assert.match(await panel.innerText(), /Source:/);
      await shot(page, 'search-cocoa');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('sources page lists the seven datasets with provenance', async (t) => {
    if (skipped(t)) return;
    const { page, problems, close } = await open('/sources');
    try {
      await page.waitForSelector('[data-dataset]');
      const ids = await page.$$eval('[data-dataset]', (els) => els.map((e) => e.getAttribute('data-dataset')));
      for (const id of SEVEN_DATASETS) assert.ok(ids.includes(id), `sources page lacks dataset ${id} (has ${ids.join(', ')})`);
      const text = await page.locator('main').innerText();
      for (const word of ['Publisher', 'Licence', 'Checksum', 'Rows', 'Active']) assert.ok(text.includes(word), `sources page lacks "${word}"`);
      await shot(page, 'sources');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('an unknown country shows the server’s problem detail', async (t) => {
    if (skipped(t)) return;
    const { page, problems, close } = await open('/countries/ZZ', undefined, [404]);
    try {
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.innerText();
      assert.match(text, /Could not load/);
      const problem = (await (await fetch(`${base}/api/v1/countries/ZZ`)).json()) as { title?: string; detail?: string };
      if (problem.detail) assert.ok(text.includes(problem.detail), `error state shows the problem detail "${problem.detail}"`);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('phone width (375px): country page and map fit without sideways scrolling', async (t) => {
    if (skipped(t)) return;
    const phone = { width: 375, height: 812 };
    const { page, problems, close } = await open('/countries/MM', phone);
    try {
      await page.waitForSelector('.tier-chart svg');
      await page.waitForSelector('[data-testid="goods-table"]');
      await noHorizontalScroll(page);
      await shot(page, 'phone-country-MM');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
      await page.waitForSelector('svg.map-svg path[data-code]');
      await noHorizontalScroll(page);
      await shot(page, 'phone-home');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});
