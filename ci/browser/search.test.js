// Search: Russian word forms and English/code terms find the pages that use them;
// nonsense finds nothing; bad input neither throws nor freezes the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertNoErrors, search } from './lib.js';

// Each expected page was picked by grepping src/: the page uses the word, and,
// for a Russian query, only in other forms than the one typed (so it is found
// by morphology, not by the letters typed).
const FINDS = [
  // ch02-00 has «потоки», «потоков»; ch04-01 «потоки», «потоков», «потоках», «потоке»: neither has «поток».
  ['поток', ['ch02-00-asyncio-vs-threads.html', 'ch04-01-thread-pool.html']],
  // ch04-02 has «потокам», «потоки», «потоков».
  ['потоки', ['ch02-01-main-differences.html', 'ch04-02-cpu-bound.html']],
  // glossary has «поток», «потоки», never «потоков».
  ['потоков', ['ch02-01-main-differences.html', 'glossary.html']],
  // ch03 has «корутин», «корутины»; ch05-06 only «корутин».
  ['корутина', ['ch03-async-await.html', 'ch05-06-channels.html']],
  // ch03 writes «создаёт» (ё); ё and е are one letter for search.
  ['создает', ['ch03-async-await.html']],
  ['цикл событий', ['ch01-what-is-async.html', 'ch02-01-main-differences.html']],
  ['asyncio', ['ch02-00-asyncio-vs-threads.html']],
  ['tokio', ['ch03-async-await.html']],
  ['GIL', ['ch04-02-cpu-bound.html']],
  ['spawn_blocking', ['ch05-02-blocking.html']],
  ['join!', ['ch05-09-join.html']],
];
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

for (const [query, pages] of FINDS) {
  test(`search «${query}» finds ${pages.join(', ')}`, async () => {
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
