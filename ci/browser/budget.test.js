// The page budget of issue 19: the first load of a chapter page with pairs makes
// at most 12 requests and transfers at most 200 KB, served gzipped as a static
// host serves it. Counted: what the page requests and the service worker's own
// script; not counted: the book the worker then caches for reading offline, which
// it fetches after the page has loaded (reported, not limited).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, source } from './lib.js';
import { serveGzipped } from './search-weight.js';

const PAGE = 'ch02-02-how-they-work.html';
const MAX_REQUESTS = 12;
const MAX_KB = 200;

test(`first load of ${PAGE}: ≤ ${MAX_REQUESTS} requests and ≤ ${MAX_KB} KB (gzip), the service worker included`, async () => {
  assert.match(source(`src/${PAGE.replace(/\.html$/, '.md')}`), /<figure class="listing" id="listing-\d+-\d+-python">/,
    `src/${PAGE.replace(/\.html$/, '.md')}: expected a page with Python | Rust pairs`);
  const server = await serveGzipped(process.env.BOOK_SITE_DIR);
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = [];
    const cached = [];
    const finished = [];
    context.on('requestfinished', (r) => finished.push((async () => {
      const { responseBodySize, responseHeadersSize } = await r.sizes();
      const row = { url: r.url().replace(server.url, ''), bytes: responseBodySize + responseHeadersSize };
      // The worker's script is fetched for the page's registration; the worker's
      // other fetches fill its offline cache.
      (r.serviceWorker() && !row.url.endsWith('sw.js') ? cached : page).push(row);
    })()));
    const tab = await context.newPage();
    await tab.goto(new URL(PAGE, server.url).href, { waitUntil: 'networkidle' });
    assert.ok(await tab.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration())),
      `${PAGE}: expected the service worker registered on first load`);
    // active = its install, which fills the offline cache, is over
    await tab.evaluate(() => navigator.serviceWorker.ready);
    await Promise.all(finished);
    const kb = (rows) => rows.reduce((sum, r) => sum + r.bytes, 0) / 1024;
    const list = page.map((r) => `${r.url || '(page)'} ${(r.bytes / 1024).toFixed(1)} KB`).join(', ');
    console.log(`# ${PAGE}: ${page.length} requests, ${kb(page).toFixed(1)} KB; then the offline cache: ${cached.length} files, ${kb(cached).toFixed(1)} KB`);
    assert.ok(page.some((r) => r.url.endsWith('sw.js')), `${PAGE}: expected sw.js among the first load's requests: ${list}`);
    assert.ok(page.length <= MAX_REQUESTS, `${PAGE}: ${page.length} requests on first load, more than ${MAX_REQUESTS}: ${list}`);
    assert.ok(kb(page) <= MAX_KB, `${PAGE}: ${kb(page).toFixed(1)} KB on first load, more than ${MAX_KB} KB: ${list}`);
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
});
