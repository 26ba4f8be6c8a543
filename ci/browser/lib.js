// Shared by every *.test.js: Debian's Chromium driven by playwright-core, the
// address of the served book (BOOK_URL, set by ci/browser.sh) and helpers.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BOOK_URL = (process.env.BOOK_URL || '').replace(/\/?$/, '/');
export const SCREENSHOTS = path.join(REPO, 'target/screenshots');
if (BOOK_URL === '/') {
  throw new Error('BOOK_URL is not set: run ci/browser.sh, or serve the built book and set BOOK_URL=http://127.0.0.1:PORT/');
}

// The flags without which Chromium reaches for Google's hosts at start (refused here).
// playwright-core adds --headless and a fresh temporary --user-data-dir itself.
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

export const url = (page) => new URL(page, BOOK_URL).href;

// A page that records its uncaught exceptions and console errors; `assertNoErrors`
// fails with them, naming the page.
export async function openPage(context, page, { viewport } = {}) {
  const tab = await context.newPage();
  if (viewport) await tab.setViewportSize(viewport);
  tab.errors = [];
  tab.on('pageerror', (e) => tab.errors.push(`${tab.url()}: uncaught ${e.message}`));
  tab.on('console', (m) => {
    if (m.type() === 'error') tab.errors.push(`${tab.url()}: console error: ${m.text()}`);
  });
  await tab.goto(url(page), { waitUntil: 'load' });
  return tab;
}

export function assertNoErrors(tab, what) {
  if (tab.errors.length) {
    throw new Error(`${what}: expected no page or console error, found:\n  ${tab.errors.join('\n  ')}`);
  }
}

// The chapter pages of the book (from SUMMARY.md), e.g. 'ch02-01-main-differences.html'.
export function chapterPages() {
  const summary = readFileSync(path.join(REPO, 'src/SUMMARY.md'), 'utf8');
  return [...summary.matchAll(/\]\(([^)]+)\.md\)/g)].map((m) => `${m[1]}.html`);
}

export function source(file) {
  return readFileSync(path.join(REPO, file), 'utf8');
}

export async function screenshot(tab, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const width = tab.viewportSize().width;
  const file = path.join(SCREENSHOTS, `${name}-${width}.png`);
  await tab.screenshot({ path: file });
  return file;
}

// Opens the search bar the way a reader does (the toolbar button), types `query`
// and waits until the searcher has answered (not «searching» any more and a new
// results header shown; nothing is shown for a blank query). Returns the header
// text and the result pages ('ch02-01-main-differences.html', in the searcher's order).
export async function search(tab, query) {
  const bar = tab.locator('#mdbook-searchbar');
  if (!(await bar.isVisible())) await tab.locator('#mdbook-search-toggle').click();
  // Forget the previous answer, so that waiting for a header waits for this one
  // (unless it is the same query: the searcher does not search the same twice).
  if (query.trim() !== tab.lastQuery) {
    await tab.evaluate(() => { document.getElementById('mdbook-searchresults-header').textContent = ''; });
  }
  if (query.trim() !== '') tab.lastQuery = query.trim();
  await bar.fill(query);
  // The searcher runs on keyup; End moves the caret and changes nothing.
  await bar.press('End');
  if (query.trim() !== '') {
    await tab.waitForFunction(() => {
      const outer = document.getElementById('mdbook-searchbar-outer');
      const header = document.getElementById('mdbook-searchresults-header');
      return !outer.classList.contains('searching') && header.innerText.trim() !== '';
    }, null, { timeout: 10000 }).catch(async () => {
      throw new Error(`${tab.url()}: search for «${query.slice(0, 40)}»: expected results within 10 s, found none shown (is the search index or its JS missing?)${
        tab.errors.map((e) => `\n  ${e}`).join('')}`);
    });
  }
  return tab.evaluate(() => ({
    header: document.getElementById('mdbook-searchresults-header').innerText.trim(),
    pages: [...document.querySelectorAll('#mdbook-searchresults li a')]
      .map((a) => new URL(a.href).pathname.split('/').pop()),
  }));
}
