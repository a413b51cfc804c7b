// What the browser tests share: the built web app (run `npm run build` first) served by an in-process Vigil with
// an in-memory database, driven by Debian's Chromium through playwright-core, and pages that record whatever
// goes wrong in them. Without a Chromium the tests skip (and fail when CI is set). Screenshots go to test-results/.
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningVigil } from '../src/app.ts';

export const root = fileURLToPath(new URL('..', import.meta.url));
const shots = `${root}test-results`;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DESKTOP = { width: 1280, height: 900 };

function findSkipReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const msg = `no Chromium at ${CHROMIUM} (install Debian's chromium package or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(`e2e: ${msg}; CI is set, so the browser tests cannot be skipped`);
  console.log(`# e2e: ${msg}; browser tests skipped`);
  return `${msg}; browser tests skipped`;
}

/** Why the browser tests cannot run here, or null when they can. */
export const skipReason = findSkipReason();

/** Skips the test when there is no Chromium; true when it did. */
export function skipped(t: TestContext): boolean {
  if (skipReason) {
    t.skip(skipReason);
    return true;
  }
  return false;
}

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage });
}

export async function noHorizontalScroll(page: Page): Promise<void> {
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scrollWidth <= clientWidth + 1, `page scrolls sideways: scrollWidth ${scrollWidth} > ${clientWidth}`);
}

/** An answer with status 400 or more, as a watched page saw it. */
export interface ErrorAnswer {
  method: string;
  path: string;
  status: number;
}

/** What a test expects to go wrong, so that its watched pages do not count it as a problem. */
export interface WatchRules {
  /** Error answers the app gives on purpose at this point. */
  allowAnswer?(answer: ErrorAnswer): boolean;
  /** Failed requests that are no failure of the app. */
  allowFailure?(url: string, errorText: string | undefined): boolean;
}

/** A page left while it was loading aborts its request; that is not a failure of the app. */
export const abortedOnLeaving = (_url: string, errorText: string | undefined): boolean => errorText === 'net::ERR_ABORTED';

/** A page (in its own browser context) that records uncaught errors, failed requests, error answers and requests leaving the origin. */
export interface WatchedPage {
  page: Page;
  problems: string[];
  close(): Promise<void>;
}

/** A running Vigil and a Chromium to look at it with. */
export interface Harness {
  app: RunningVigil;
  /** The app's address without a trailing slash. */
  base: string;
  watchedPage(rules?: WatchRules, viewport?: { width: number; height: number }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  assert.ok(existsSync(`${root}web/dist/index.html`), 'web/dist/index.html is missing: run `npm run build` before the e2e tests');
  mkdirSync(shots, { recursive: true });
  const { startVigil } = await import('../src/app.ts');
  const app = await startVigil({ port: 0, dataDir: 'memory' });
  const base = app.url.replace(/\/$/, '');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  } catch (e) {
    await app.close();
    throw e;
  }

  async function watchedPage(rules: WatchRules = {}, viewport = DESKTOP): Promise<WatchedPage> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce', serviceWorkers: 'block', acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // The failed answer behind "status of 4xx" is judged by the response rule below.
      if (m.type() === 'error' && !/status of (\d+)/.test(m.text())) problems.push(`console error: ${m.text()}`);
    });
    page.on('requestfailed', (r) => {
      const errorText = r.failure()?.errorText;
      if (rules.allowFailure?.(r.url(), errorText)) return;
      problems.push(`request failed: ${r.url()} ${errorText ?? ''}`);
    });
    page.on('response', (r) => {
      if (r.status() < 400) return;
      const answer = { method: r.request().method(), path: new URL(r.url()).pathname, status: r.status() };
      if (rules.allowAnswer?.(answer)) return;
      problems.push(`HTTP ${answer.method} ${answer.path} ${answer.status}`);
    });
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`request outside the origin: ${u}`);
    });
    return { page, problems, close: () => context.close() };
  }

  return {
    app,
    base,
    watchedPage,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}
