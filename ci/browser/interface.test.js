// A Russian interface: no stock English string of mdBook 0.5.4 is shown or read out
// (title, aria-label, placeholder…) on a chapter page, in the search UI, on the 404 page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertNoErrors, search, url, chapterPages } from './lib.js';

// Every English string a reader meets in stock mdBook 0.5.4, from its sources
// (mdbook-html-0.5.4: front-end/templates/index.hbs, front-end/js/book.js,
// front-end/searcher/searcher.js, src/html_handlebars/hbs_renderer.rs for the 404
// page). The theme names «Rust» and «Ayu» are proper names and may stay.
const STOCK_ENGLISH = [
  'Keyboard shortcuts', 'Press', 'to navigate between chapters', 'to search in the book',
  'to show this help', 'to hide this help', 'Auto', 'Light', 'Coal', 'Navy',
  'Toggle Table of Contents', 'Change theme', 'Themes', 'Search (`/`)', 'Toggle Searchbar',
  'Print this book', 'Git repository', 'Suggest an edit', 'Search this book', 'Page navigation',
  'Previous chapter', 'Next chapter', 'Table of contents', 'Show hidden lines', 'Hide lines',
  'Copy to clipboard', 'Copied!', 'Clipboard error!', 'Run this code', 'Undo changes', 'No output',
  'Search Result Teaser', 'search result', 'No search results', 'Page not found',
  'Document not found', 'This URL is invalid', 'Redirecting',
];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const STOCK_RE = new RegExp(`(?<![A-Za-z])(${STOCK_ENGLISH.map(escape).join('|')})(?![A-Za-z])`, 'i');

// The interface text of the page (everything but the chapter's own text in <main>,
// unless `withMain`, hidden popups included: a reader opens them) and every
// attribute a screen reader or a tooltip shows.
async function englishOnPage(tab, { withMain = false } = {}) {
  const found = await tab.evaluate(({ source, withMain }) => {
    const re = new RegExp(source, 'i');
    const hits = [];
    if (re.test(document.title)) hits.push(`<title>: «${document.title}»`);
    const body = document.body.cloneNode(true);
    body.querySelectorAll(`script, style, noscript${withMain ? '' : ', main'}`).forEach((e) => e.remove());
    for (const el of [body, ...body.querySelectorAll('*')]) {
      for (const attr of ['title', 'aria-label', 'placeholder', 'alt', 'aria-roledescription', 'aria-description']) {
        const value = el.getAttribute(attr);
        if (value && re.test(value)) hits.push(`<${el.localName}${el.id ? `#${el.id}` : ''} ${attr}="${value}">`);
      }
      for (const node of el.childNodes) {
        if (node.nodeType === Node.TEXT_NODE && re.test(node.textContent)) {
          hits.push(`<${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${el.className}` : ''}> text «${node.textContent.trim()}»`);
        }
      }
    }
    // Attributes inside <main> are interface too (the code blocks' buttons).
    if (!withMain) {
      for (const el of document.querySelectorAll('main *')) {
        for (const attr of ['title', 'aria-label', 'placeholder']) {
          const value = el.getAttribute(attr);
          if (value && re.test(value)) hits.push(`<${el.localName} ${attr}="${value}"> in <main>`);
        }
      }
    }
    return hits;
  }, { source: STOCK_RE.source, withMain });
  return [...new Set(found)];
}

// «1 результат», «2 результата», «5 результатов», «21 результат».
function resultsWord(n) {
  if (n % 10 === 1 && n % 100 !== 11) return 'результат';
  if ([2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)) return 'результата';
  return 'результатов';
}

let browser, context;
before(async () => {
  browser = await launch();
  context = await browser.newContext();
});
after(() => browser?.close());

test('a chapter page: Russian interface, lang="ru", no stock English string', async () => {
  const tab = await openPage(context, 'ch02-02-how-they-work.html');
  const lang = await tab.evaluate(() => document.documentElement.lang);
  assert.equal(lang, 'ru', `${tab.url()}: expected <html lang="ru">, found «${lang}»`);
  // Hidden popups (help, theme menu) are checked too; opening the menu also runs its code.
  await tab.locator('#mdbook-theme-toggle').click();
  const english = await englishOnPage(tab);
  assert.deepEqual(english, [], `${tab.url()}: expected no English interface string, found:\n  ${english.join('\n  ')}`);
  assertNoErrors(tab, tab.url());
  await tab.close();
});

test('every page (chapters, title page, print page): no stock English string', async () => {
  const tab = await context.newPage();
  const found = [];
  for (const page of ['index.html', ...chapterPages(), 'print.html']) {
    await tab.goto(url(page));
    found.push(...(await englishOnPage(tab)).map((hit) => `${tab.url()}: ${hit}`));
  }
  assert.deepEqual(found, [], `expected no English interface string, found:\n  ${found.join('\n  ')}`);
  await tab.close();
});

test('the search UI: Russian placeholder, results header and «nothing found»', async () => {
  const tab = await openPage(context, 'ch01-what-is-async.html');
  const found = await search(tab, 'потоки');
  const n = found.pages.length;
  const pattern = new RegExp(`^Найден[оы]? ${n} ${resultsWord(n)} по запросу «?потоки»?`);
  assert.match(found.header, pattern, `${tab.url()}: search «потоки» (${n} results): expected a header like «Найдено ${n} ${resultsWord(n)} по запросу «потоки»», found «${found.header}»`);
  const english = await englishOnPage(tab);
  assert.deepEqual(english, [], `${tab.url()} with search results: expected no English interface string, found:\n  ${english.join('\n  ')}`);

  const none = await search(tab, 'qwzxv');
  assert.match(none.header, /ничего не найдено/i, `${tab.url()}: search «qwzxv»: expected a header saying «ничего не найдено», found «${none.header}»`);
  assert.doesNotMatch(none.header, STOCK_RE, `${tab.url()}: search «qwzxv»: header «${none.header}» is English`);
  assertNoErrors(tab, tab.url());
  await tab.close();
});

test('the 404 page: status 404, Russian text and interface', async () => {
  const tab = await context.newPage();
  const response = await tab.goto(url('no-such-page.html'));
  assert.equal(response.status(), 404, `${tab.url()}: expected status 404, found ${response.status()}`);
  const main = (await tab.locator('main').innerText()).trim();
  assert.match(main, /[А-Яа-яЁё]{3,}/, `${tab.url()}: expected a Russian message in <main>, found «${main.slice(0, 200)}»`);
  const english = await englishOnPage(tab, { withMain: true });
  assert.deepEqual(english, [], `${tab.url()}: expected no English interface string, found:\n  ${english.join('\n  ')}`);
  await tab.close();
});
