// The words readers type for a term (src/glossary.md, column «Не пишем») find the
// pages that explain it (column «Где объяснено»), ranked first, and the page opened
// from the result marks the term's words; hyphens and spaces inside a word do not matter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertNoErrors, search, source } from './lib.js';

// The glossary's rows: term, the words not written (comma-separated), the pages.
function glossaryRows() {
  const lines = source('src/glossary.md').split('\n');
  const cells = (line) => line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim());
  const at = lines.findIndex((l) => l.startsWith('|') && cells(l).includes('Термин'));
  const header = cells(lines[at]);
  const [term, avoided, pages] = ['Термин', 'Не пишем', 'Где объяснено'].map((name) => header.indexOf(name));
  const rows = [];
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    const c = cells(line);
    rows.push({
      term: c[term],
      variants: (c[avoided] || '').split(',').map((v) => v.trim()).filter(Boolean),
      pages: [...(c[pages] || '').matchAll(/\]\(([^)#]+)\.md[^)]*\)/g)].map((m) => `${m[1]}.html`),
    });
  }
  return rows;
}
const ROWS = glossaryRows().filter((r) => r.variants.length && r.pages.length);
// The issue's examples: each must be in the glossary, with the page that explains it.
const ASKED = ['таймаут', 'мьютекс', 'дедлок', 'взаимоблокировка', 'тред', 'рантайм', 'фьючерс', 'сопрограмма', 'ивент луп'];
// Written with a hyphen, a space or as one word: one word for search.
const SPELLINGS = [['тайм-аут', 'тайм аут', 'таймаут'], ['ивент луп', 'ивент-луп', 'ивентлуп']];
const START = 'ch01-what-is-async.html';

let browser, tab;
before(async () => {
  browser = await launch();
  tab = await openPage(await browser.newContext(), START);
});
after(() => browser?.close());

test('the glossary lists the words readers ask about', () => {
  const listed = ROWS.flatMap((r) => r.variants);
  const missing = ASKED.filter((w) => !listed.includes(w));
  assert.deepEqual(missing, [], `src/glossary.md: expected these words in a «Не пишем» cell of a row with «Где объяснено»: ${missing.join(', ')}`);
});

for (const row of ROWS) {
  for (const word of row.variants) {
    test(`«${word}» (for «${row.term}») lists ${row.pages.join(' or ')} first`, async () => {
      const found = await search(tab, word);
      assert.ok(row.pages.includes(found.pages[0]), `${tab.url()}: search «${word}»: src/glossary.md says «${row.term}» is explained on `
        + `${row.pages.join(', ')}; expected it as the first result, found ${found.pages.slice(0, 5).join(', ') || 'nothing'} (header «${found.header}»)`);
      assertNoErrors(tab, `search «${word}»`);
    });
  }
}

for (const spellings of SPELLINGS) {
  test(`${spellings.map((s) => `«${s}»`).join(', ')} find the same`, async () => {
    const results = [];
    for (const s of spellings) results.push((await search(tab, s)).pages);
    assert.ok(results[0].length > 0, `${tab.url()}: search «${spellings[0]}»: expected results, found none`);
    for (let i = 1; i < spellings.length; i++) {
      assert.deepEqual(results[i], results[0], `${tab.url()}: search «${spellings[i]}» should find what «${spellings[0]}» finds`);
    }
  });
}

// The word typed, and the beginning of the term's word the page must mark.
for (const [word, marks] of [['дедлок', 'взаимн'], ['мьютекс', 'блокировк'], ['таймаут', 'тайм'], ['тред', 'поток']]) {
  test(`«${word}»: the first result's teaser and the page opened from it mark the term`, async () => {
    const found = await search(tab, word);
    // The first result's teaser shows the term, emphasised.
    const emphasised = await tab.evaluate(() => [...document.querySelectorAll('#mdbook-searchresults li:first-child .teaser em')]
      .map((e) => e.textContent.toLowerCase()));
    assert.ok(emphasised.some((e) => e.startsWith(marks)), `${tab.url()}: search «${word}»: expected «${marks}…» emphasised in the first result's teaser, found ${emphasised.join(', ') || 'nothing'}`);
    const page = await tab.context().newPage();
    const link = await tab.evaluate(() => document.querySelector('#mdbook-searchresults li a').href);
    await page.goto(link, { waitUntil: 'load' });
    await page.waitForSelector('main mark', { timeout: 10000 }).catch(() => {
      throw new Error(`${link}: opened from the first result for «${word}» (${found.pages[0]}): expected marked words (<mark>), found none`);
    });
    const marked = await page.evaluate(() => [...document.querySelectorAll('main mark')].map((m) => m.textContent.toLowerCase()));
    assert.ok(marked.some((m) => m.startsWith(marks)), `${link}: opened from the first result for «${word}»: expected «${marks}…» marked, found ${[...new Set(marked)].join(', ')}`);
    await page.close();
  });
}
