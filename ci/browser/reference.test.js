// The reference pages a reader comes back to (the glossary, «Как выбрать»): at 1280 px
// each table shows whole, no sideways scrolling; at 360 px its rows are cards, and
// every link in them is on the screen. Full-page screenshots of both widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { launch, openPage, assertNoErrors, SCREENSHOTS } from './lib.js';

const PAGES = ['glossary.html', 'ch07-how-to-choose.html'];

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

// Per table: its first header, how wide it is inside its box and the box itself,
// whether it shows as cards, and the links of its cells that are not wholly on screen.
async function measure(tab) {
  return tab.evaluate(() => [...document.querySelectorAll('main table')].map((table) => {
    const box = table.closest('.table-wrapper') || table.parentElement;
    const links = [...table.querySelectorAll('td a[href]')];
    const offscreen = links.filter((a) => {
      const r = a.getBoundingClientRect();
      return r.width === 0 || r.left < 0 || r.right > window.innerWidth + 1
        || getComputedStyle(a).visibility === 'hidden';
    }).map((a) => a.textContent.trim());
    return {
      name: (table.querySelector('th')?.textContent || '?').trim(),
      inside: box.scrollWidth,
      box: box.clientWidth,
      cards: getComputedStyle(table).display !== 'table',
      links: links.length,
      offscreen,
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    };
  }));
}

// The whole page, and one screen from the table's top (a phone's full page is long).
async function fullScreenshot(tab, page, width) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const name = path.join(SCREENSHOTS, `reference-${page.replace(/\.html$/, '')}-${width}`);
  await tab.screenshot({ path: `${name}.png`, fullPage: true });
  await tab.locator('main table').first().evaluate((table) => table.scrollIntoView());
  await tab.screenshot({ path: `${name}-table.png` });
  await tab.evaluate(() => window.scrollTo(0, 0));
}

for (const page of PAGES) {
  test(`${page} at 1280 px: every table shows whole, without scrolling sideways`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await openPage(context, page);
    await fullScreenshot(tab, page, 1280);
    const tables = await measure(tab);
    assert.ok(tables.length > 0, `${tab.url()}: expected a table, found none`);
    for (const t of tables) {
      assert.ok(!t.cards, `${tab.url()} at 1280 px: expected the table «${t.name}» as a table, found it shown as cards`);
      assert.ok(t.inside <= t.box + 1,
        `${tab.url()} at 1280 px: the table «${t.name}» scrolls sideways: ${t.inside} px wide inside its ${t.box} px box`);
      assert.deepEqual(t.offscreen, [], `${tab.url()} at 1280 px: links of the table «${t.name}» off the screen`);
      assert.ok(t.page <= t.viewport, `${tab.url()} at 1280 px: the page is ${t.page} px wide in a ${t.viewport} px window`);
    }
    assertNoErrors(tab, tab.url());
    await context.close();
  });

  test(`${page} at 360 px: rows are cards, every link on the screen`, async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    });
    const tab = await openPage(context, page);
    await fullScreenshot(tab, page, 360);
    const tables = await measure(tab);
    assert.ok(tables.length > 0, `${tab.url()}: expected a table, found none`);
    for (const t of tables) {
      assert.ok(t.cards, `${tab.url()} at 360 px: expected the table «${t.name}» as cards, found a table`);
      assert.ok(t.inside <= t.box + 1,
        `${tab.url()} at 360 px: the table «${t.name}» scrolls sideways: ${t.inside} px wide inside its ${t.box} px box`);
      assert.ok(t.links > 0, `${tab.url()}: expected links in the table «${t.name}», found none`);
      assert.deepEqual(t.offscreen, [], `${tab.url()} at 360 px: links of the table «${t.name}» off the screen`);
      assert.ok(t.page <= t.viewport, `${tab.url()} at 360 px: the page is ${t.page} px wide in a ${t.viewport} px window`);
    }
    // Each card names its fields: the column headers, read from the table's head.
    const unlabelled = await tab.evaluate(() => [...document.querySelectorAll('main table td')]
      .filter((td) => !td.dataset.label).length);
    assert.equal(unlabelled, 0, `${tab.url()} at 360 px: expected every cell to carry its column's name (data-label), found ${unlabelled} without`);
    assertNoErrors(tab, tab.url());
    await context.close();
  });
}
