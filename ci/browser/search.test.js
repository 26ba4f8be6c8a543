// Search: Russian word forms, questions, jargon and English/code terms find the pages
// that use them (the queries: search-queries.js);
// nonsense finds nothing; bad input neither throws nor freezes the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertNoErrors, search, source } from './lib.js';
import { FINDS } from './search-queries.js';

// The expectation still matches the book's text: `page`'s source uses the word,
// and not in the typed form if `otherForms`.
function checkStillTrue({ query, uses, otherForms }, page) {
  const file = `src/${page.replace(/\.html$/, '.md')}`;
  const text = source(file);
  const typed = new RegExp(`(?<!\\p{L})${query}(?!\\p{L})`, 'iu');
  assert.ok(new RegExp(uses.source, 'iu').test(text), `${file}: stale expectation in ci/browser/search-queries.js: «${query}» should find this page because it uses ${uses}, but it no longer does; pick the pages again`);
  assert.ok(!otherForms || !typed.test(text), `${file}: stale expectation in ci/browser/search-queries.js: the page should use «${query}» only in other forms, but now has «${query}» itself; pick a page that proves morphology`);
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
  const { query, pages, top } = find;
  test(`search «${query}» finds ${pages.join(', ')}${top ? ` among the first ${top}` : ''}`, async () => {
    for (const page of pages) checkStillTrue(find, page);
    const found = await search(tab, query);
    const shown = top ? found.pages.slice(0, top) : found.pages;
    const missing = pages.filter((p) => !shown.includes(p));
    assert.deepEqual(missing, [], `${tab.url()}: search «${query}»: expected among the ${top ? `first ${top} ` : ''}results ${pages.join(', ')}; `
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
