// Search: Russian word forms and English/code terms find the pages that use them;
// nonsense finds nothing; bad input neither throws nor freezes the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertNoErrors, search, source } from './lib.js';

// Each expected page was picked by grepping src/: the page uses the word (`uses`),
// and, for a Russian query marked `otherForms`, only in other forms than the one
// typed, so that it is found by morphology, not by the letters typed. The book's
// text changes: each test first checks that this still holds of src/, and says so
// if it does not (then pick the pages again).
const FINDS = [
  // ch02-00: «потоки», «потоков»; ch04-01: «потоки», «потоков», «потоках», «потоке».
  { query: 'поток', uses: /поток/, otherForms: true, pages: ['ch02-00-asyncio-vs-threads.html', 'ch04-01-thread-pool.html'] },
  // ch04-02: «потокам», «потоки», «потоков».
  { query: 'потоки', uses: /поток/, pages: ['ch02-01-main-differences.html', 'ch04-02-cpu-bound.html'] },
  // glossary: «поток», «потоки», never «потоков».
  { query: 'потоков', uses: /поток/, otherForms: true, pages: ['glossary.html'] },
  // ch03: «корутин», «корутины»; ch05-06: only «корутин».
  { query: 'корутина', uses: /корутин/, otherForms: true, pages: ['ch03-async-await.html', 'ch05-06-channels.html'] },
  // ch03 writes «создаёт»: ё and е are one letter for search.
  { query: 'создает', uses: /создаёт/, otherForms: true, pages: ['ch03-async-await.html'] },
  { query: 'цикл событий', uses: /цикл\S* событи/, pages: ['ch02-01-main-differences.html', 'ch04-03-io-and-cpu.html'] },
  { query: 'asyncio', uses: /asyncio/, pages: ['ch02-00-asyncio-vs-threads.html'] },
  { query: 'tokio', uses: /tokio/, pages: ['ch03-async-await.html'] },
  { query: 'GIL', uses: /\bGIL\b/, pages: ['ch04-02-cpu-bound.html'] },
  { query: 'spawn_blocking', uses: /spawn_blocking/, pages: ['ch05-02-blocking.html'] },
  { query: 'join!', uses: /join!/, pages: ['ch05-09-join.html'] },
];

// The expectation still matches the book's text: `page`'s source uses the word,
// and not in the typed form if `otherForms`.
function checkStillTrue({ query, uses, otherForms }, page) {
  const file = `src/${page.replace(/\.html$/, '.md')}`;
  const text = source(file);
  const typed = new RegExp(`(?<!\\p{L})${query}(?!\\p{L})`, 'iu');
  assert.ok(new RegExp(uses.source, 'iu').test(text), `${file}: stale expectation in ci/browser/search.test.js: «${query}» should find this page because it uses ${uses}, but it no longer does; pick the pages again`);
  assert.ok(!otherForms || !typed.test(text), `${file}: stale expectation in ci/browser/search.test.js: the page should use «${query}» only in other forms, but now has «${query}» itself; pick a page that proves morphology`);
}
const NONSENSE = ['ыщвфлджыв', 'qwzxv'];
const BAD_INPUT = {
  'an empty string': '',
  'a single letter': 'ы',
  'a single Latin letter': 'a',
  'punctuation only': '!?.,;:—«»()[]{}*',
  'a 500-character query': 'потоки корутина asyncio '.repeat(21).slice(0, 500),
};
const START = 'ch01-what-is-async.html';

let browser, context, tab;
before(async () => {
  browser = await launch();
  context = await browser.newContext();
  tab = await openPage(context, START);
});
after(() => browser?.close());

for (const find of FINDS) {
  const { query, pages } = find;
  test(`search «${query}» finds ${pages.join(', ')}`, async () => {
    for (const page of pages) checkStillTrue(find, page);
    const found = await search(tab, query);
    const missing = pages.filter((p) => !found.pages.includes(p));
    assert.deepEqual(missing, [], `${tab.url()}: search «${query}»: expected among the results ${pages.join(', ')}; `
      + `missing ${missing.join(', ')}; found ${found.pages.length} (${[...new Set(found.pages)].join(', ') || 'none'}), header «${found.header}»`);
    assertNoErrors(tab, `search «${query}»`);
  });
}

for (const query of NONSENSE) {
  test(`search «${query}» finds nothing`, async () => {
    const found = await search(tab, query);
    assert.deepEqual(found.pages, [], `${tab.url()}: search «${query}»: expected no result, found ${found.pages.join(', ')}`);
    assertNoErrors(tab, `search «${query}»`);
  });
}

for (const [what, query] of Object.entries(BAD_INPUT)) {
  test(`search for ${what} neither throws nor freezes the page`, async () => {
    await search(tab, query);
    // The page still answers: a script runs and the search bar still takes input.
    const alive = await tab.evaluate(() => 6 * 7);
    assert.equal(alive, 42, `${tab.url()}: after a search for ${what} the page does not answer`);
    assertNoErrors(tab, `${tab.url()}: search for ${what}`);
    const found = await search(tab, 'asyncio');
    assert.ok(found.pages.length > 0, `${tab.url()}: after a search for ${what}, «asyncio» expected to find pages, found none`);
  });
}
