// The site as a whole: no request leaves the site, the copy button copies the
// full program, the comparison table fits a 360 px phone; screenshots to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertNoErrors, search, screenshot, source, chapterPages } from './lib.js';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const TABLE_PAGE = 'ch02-01-main-differences.html';
const TABS_PAGE = 'ch02-02-how-they-work.html';
// The first Rust listing that shows only an anchor of its file ({{#rustdoc_include
// …/main.rs:name}}): the other lines are hidden, and the copy must hold them all.
const HIDDEN_LINES = (() => {
  for (const page of chapterPages()) {
    const md = source(`src/${page.replace(/\.html$/, '.md')}`);
    const m = md.match(/<figure class="listing" id="([^"]+)">(?:(?!<\/figure>)[\s\S])*?\{\{#rustdoc_include \.\.\/([^:}]+\.rs):\w+\}\}/);
    if (m) return { page, figure: m[1], file: m[2] };
  }
  throw new Error('src/*.md: expected a Rust listing included with an anchor ({{#rustdoc_include …:name}}), found none');
})();

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('no request to any host but the site: every page loaded, search used', async () => {
  const context = await browser.newContext();
  const foreign = [];
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) && !LOCAL_HOSTS.has(u.hostname)) {
      foreign.push(`${r.frame()?.url() ?? '?'} requested ${r.url()}`);
    }
  });
  const tab = await openPage(context, 'index.html');
  // networkidle (500 ms without a request) on the first and last page catches late
  // requests; the others only need their load-time ones.
  const pages = chapterPages();
  for (const [i, page] of pages.entries()) {
    await tab.goto(new URL(page, tab.url()).href, { waitUntil: i === 0 ? 'networkidle' : 'load' });
  }
  await search(tab, 'потоки');
  await tab.goto(new URL('print.html', tab.url()).href, { waitUntil: 'networkidle' });
  assert.deepEqual(foreign, [], `expected no request outside 127.0.0.1, found:\n  ${foreign.join('\n  ')}`);
  assertNoErrors(tab, 'the chapter pages');
  await context.close();
});

test('the copy button of a Rust listing with hidden lines copies the whole program', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const tab = await openPage(context, HIDDEN_LINES.page);
  const figure = tab.locator(`#${HIDDEN_LINES.figure}`);
  const hidden = await figure.locator('.boring').count();
  assert.ok(hidden > 0, `${tab.url()} #${HIDDEN_LINES.figure}: expected hidden lines (.boring), found none`);
  // In a Python | Rust pair, choose the Rust tab first.
  const tabId = await figure.evaluate((f) => {
    const panel = f.closest('[role="tabpanel"]');
    return panel ? panel.getAttribute('aria-labelledby') : null;
  });
  if (tabId) await tab.locator(`[id="${tabId}"]`).click();
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('pre').hover();
  await figure.locator('button.clip-button').click();
  const copied = await tab.evaluate(() => navigator.clipboard.readText());
  // mdBook drops the ANCHOR lines of an {{#rustdoc_include …:main}}.
  const expected = source(HIDDEN_LINES.file).split('\n').filter((l) => !/\/\/ ANCHOR(_END)?:/.test(l)).join('\n');
  assert.equal(copied.trim(), expected.trim(), `${tab.url()} #${HIDDEN_LINES.figure}: expected the clipboard to hold ${HIDDEN_LINES.file} (${expected.trim().split('\n').length} lines), found ${copied.trim().split('\n').length} lines`);
  const tooltip = (await figure.locator('button.clip-button').innerText()).trim();
  assert.doesNotMatch(tooltip, /Copied|Clipboard error/, `${tab.url()} #${HIDDEN_LINES.figure}: expected a Russian tooltip after copying, found «${tooltip}»`);
  assertNoErrors(tab, tab.url());
  await context.close();
});

test('on a 360 px phone the comparison table does not widen the page', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const tab = await openPage(context, TABLE_PAGE);
  const table = tab.locator('main table').first();
  await table.scrollIntoViewIfNeeded();
  // The table may scroll inside its own box (a scrolling ancestor inside <main>);
  // no box above that one, up to <html>, may be wider inside than it is.
  const m = await tab.evaluate(() => {
    const table = document.querySelector('main table');
    const main = table.closest('main');
    let own = table.parentElement;
    while (own !== main && !['auto', 'scroll'].includes(getComputedStyle(own).overflowX)) own = own.parentElement;
    const describe = (el) => `<${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''}>`;
    const overflowing = [];
    for (let el = own === main ? table.parentElement : own.parentElement; el; el = el.parentElement) {
      if (el.scrollWidth > el.clientWidth + 1) overflowing.push(`${describe(el)} ${el.scrollWidth} px inside ${el.clientWidth} px`);
    }
    const box = own === main ? null : own.getBoundingClientRect();
    return {
      viewport: window.innerWidth,
      table: Math.round(table.getBoundingClientRect().width),
      own: own === main ? null : `${describe(own)} ${Math.round(box.left)}..${Math.round(box.right)} px`,
      ownFits: own === main || (box.left >= 0 && box.right <= window.innerWidth + 1),
      overflowing,
    };
  });
  assert.ok(m.overflowing.length === 0 && m.ownFits,
    `${tab.url()} at 360 px: expected the table (${m.table} px) to fit or to scroll inside its own box within the screen (${m.viewport} px); `
    + `found its own scrolling box ${m.own ?? 'none'}${m.ownFits ? '' : ' not within the screen'}, and wider than themselves: ${m.overflowing.join(', ') || 'nothing'}`);
  await screenshot(tab, 'table');
  assertNoErrors(tab, tab.url());
  await context.close();
});

for (const width of [360, 1280]) {
  test(`screenshots at ${width} px: a chapter with tabs, the table, search results`, async () => {
    const context = await browser.newContext({ viewport: { width, height: width === 360 ? 740 : 800 } });
    const tab = await openPage(context, TABS_PAGE);
    await tab.locator('figure.listing').first().scrollIntoViewIfNeeded();
    await tab.evaluate(() => window.scrollBy(0, -80));
    await screenshot(tab, 'tabs');
    await tab.getByRole('tab', { name: 'Rust', exact: true }).first().click();
    await screenshot(tab, 'tabs-rust');
    await tab.goto(new URL(TABLE_PAGE, tab.url()).href);
    await screenshot(tab, 'table-page');
    await search(tab, 'потоки');
    await screenshot(tab, 'search');
    assertNoErrors(tab, tab.url());
    await context.close();
  });
}
