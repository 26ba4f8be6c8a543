// Search on every change of the search box's text, however it got there: a word
// picked from a phone keyboard's suggestions, a paste or dictation (text inserted
// with `input` events and no key press: Playwright's keyboard.insertText), the end
// of an IME composition; one search per key press; Enter, ↓, Esc and ?search= as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertNoErrors, url } from './lib.js';

const START = 'ch01-what-is-async.html';
// src/ch03-async-await.md explains «корутина» (src/glossary.md, «Где объяснено»).
const WORD = 'корутина';
const EXPECTED = 'ch03-async-await.html';

let browser, context;
before(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
});
after(() => browser?.close());

// The page with the search bar open and focused, its searcher counting the searches
// it runs (elasticlunr's Index.search) in window.searchCount once it has loaded.
async function openSearch(page = START) {
  const tab = await openPage(context, page);
  await tab.locator('#mdbook-search-toggle').click();
  await tab.locator('#mdbook-searchbar').focus();
  // Once the teasers are in too: their arrival searches again (theme/search-ru/unpack.js).
  await tab.waitForFunction(() => window.elasticlunr && window.search && window.search.index
    && window.searchRu && window.searchRu.teasersLoaded
    && !document.getElementById('mdbook-searchbar-outer').classList.contains('searching'), null, { timeout: 15000 });
  await tab.evaluate(() => {
    window.searchCount = 0;
    const search = window.elasticlunr.Index.prototype.search;
    window.elasticlunr.Index.prototype.search = function(...args) {
      window.searchCount++;
      return search.apply(this, args);
    };
  });
  return tab;
}

async function results(tab, what) {
  await tab.waitForFunction(() => document.querySelectorAll('#mdbook-searchresults li a').length > 0, null, { timeout: 5000 })
    .catch(() => { throw new Error(`${tab.url()}: ${what}: expected search results within 5 s, none shown`); });
  return tab.evaluate(() => [...document.querySelectorAll('#mdbook-searchresults li a')]
    .map((a) => new URL(a.href).pathname.split('/').pop()));
}

test(`text inserted without key events (suggestion bar, paste, dictation) is searched: «${WORD}»`, async () => {
  const tab = await openSearch();
  await tab.keyboard.insertText(WORD);
  const pages = await results(tab, `«${WORD}» inserted with keyboard.insertText (input event only, no keyup)`);
  assert.ok(pages.includes(EXPECTED), `${tab.url()}: «${WORD}» inserted: expected ${EXPECTED} among the results, found ${pages.join(', ')}`);
  assert.equal(await tab.evaluate(() => window.searchCount), 1, `${tab.url()}: «${WORD}» inserted at once: expected one search`);
  // The address says what was searched, as after typing.
  assert.match(decodeURIComponent(tab.url()), new RegExp(`[?&]search=${WORD}`), `${tab.url()}: expected ?search=${WORD} in the address`);
  assertNoErrors(tab, `«${WORD}» inserted`);
  await tab.close();
});

test('text inserted before the search scripts have loaded is searched once they have', async () => {
  const tab = await openPage(context, START);
  await tab.locator('#mdbook-search-toggle').click();
  await tab.keyboard.insertText(WORD);
  const pages = await results(tab, `«${WORD}» inserted right after opening the search`);
  assert.ok(pages.includes(EXPECTED), `${tab.url()}: expected ${EXPECTED} among the results, found ${pages.join(', ')}`);
  assertNoErrors(tab, `«${WORD}» inserted while loading`);
  await tab.close();
});

test('an IME composition is searched at its end, not while it is composed', async () => {
  const tab = await openSearch();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Input.imeSetComposition', { text: 'кору', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.imeSetComposition', { text: WORD, selectionStart: WORD.length, selectionEnd: WORD.length });
  assert.equal(await tab.evaluate(() => window.searchCount), 0, `${tab.url()}: expected no search while the composition is not finished`);
  await cdp.send('Input.insertText', { text: WORD }); // commits the composition: compositionend
  const pages = await results(tab, `IME composition «${WORD}» committed`);
  assert.ok(pages.includes(EXPECTED), `${tab.url()}: expected ${EXPECTED} among the results, found ${pages.join(', ')}`);
  assertNoErrors(tab, 'IME composition');
  await tab.close();
});

test('typing key by key searches once per key press', async () => {
  const tab = await openSearch();
  // Latin: Playwright types a letter missing from the US layout as insertText, without keys.
  const word = 'tokio';
  await tab.keyboard.type(word, { delay: 30 });
  await results(tab, `«${word}» typed`);
  const count = await tab.evaluate(() => window.searchCount);
  assert.equal(count, word.length, `${tab.url()}: «${word}» typed key by key: expected ${word.length} searches (one per key), found ${count}`);
  // Backspace changes the text: one more search; an arrow key changes nothing: none.
  await tab.keyboard.press('Backspace');
  await tab.keyboard.press('ArrowLeft');
  await tab.keyboard.press('End');
  assert.equal(await tab.evaluate(() => window.searchCount), count + 1, `${tab.url()}: Backspace, ←, End: expected exactly one more search`);
  assertNoErrors(tab, 'typing');
  await tab.close();
});

test('after inserted text: ↓ and Enter open the first result, Esc closes the search', async () => {
  let tab = await openSearch();
  await tab.keyboard.insertText(WORD);
  const pages = await results(tab, `«${WORD}» inserted`);
  await tab.keyboard.press('ArrowDown');
  assert.equal(await tab.evaluate(() => document.querySelector('#mdbook-searchresults li.focus') === document.querySelector('#mdbook-searchresults li')), true,
    `${tab.url()}: ↓ after the results: expected the first result marked as focused`);
  await Promise.all([tab.waitForURL((u) => u.pathname.endsWith(`/${pages[0]}`)), tab.keyboard.press('Enter')]);
  assert.match(tab.url(), /[?&]highlight=/, `${tab.url()}: Enter on the first result: expected its page with ?highlight=`);
  await tab.close();

  tab = await openSearch();
  await tab.keyboard.insertText(WORD);
  await results(tab, `«${WORD}» inserted`);
  await tab.keyboard.press('Escape');
  assert.equal(await tab.locator('#mdbook-search-wrapper').isHidden(), true, `${tab.url()}: Esc: expected the search bar closed`);
  assertNoErrors(tab, 'Esc');
  await tab.close();
});

test('a page opened with ?search= shows the results at once', async () => {
  const tab = await openPage(context, `${START}?search=${encodeURIComponent(WORD)}`);
  const pages = await results(tab, `${START}?search=${WORD}`);
  assert.ok(pages.includes(EXPECTED), `${tab.url()}: expected ${EXPECTED} among the results, found ${pages.join(', ')}`);
  assert.equal(await tab.locator('#mdbook-searchbar').inputValue(), WORD);
  assertNoErrors(tab, '?search=');
  await tab.close();
});
