// Python | Rust tabs: the ARIA tabs pattern (roles, aria-selected, aria-controls,
// roving tabindex, arrow keys), the choice remembered across reloads and pages,
// and without JavaScript both listings one after the other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertNoErrors, source, url } from './lib.js';

const PAGE = 'ch02-02-how-they-work.html';
const OTHER_PAGE = 'ch03-async-await.html';

// The pairs a page has: listing numbers with both a -python and a -rust figure in its source.
function pairs(page) {
  const md = source(`src/${page.replace(/\.html$/, '.md')}`);
  const ids = new Set([...md.matchAll(/id="(listing-[\d-]+?)-(python|rust)"/g)].map((m) => `${m[1]}-${m[2]}`));
  return [...ids].filter((id) => id.endsWith('-python') && ids.has(id.replace(/-python$/, '-rust')))
    .map((id) => id.replace(/-python$/, ''));
}

// For each pair: its tablist (the nearest one before the Python figure, in the
// same container), its tabs' names and ARIA state, and which figure is visible.
async function tabState(tab, listing) {
  return tab.evaluate((listing) => {
    const py = document.getElementById(`${listing}-python`);
    const rs = document.getElementById(`${listing}-rust`);
    if (!py || !rs) return { error: `figures #${listing}-python / #${listing}-rust not on the page` };
    const panelOf = (fig) => fig.closest('[role="tabpanel"]');
    const pyPanel = panelOf(py);
    const list = [...document.querySelectorAll('[role="tablist"]')]
      .find((l) => [...l.querySelectorAll('[role="tab"]')].some((t) => {
        const panel = document.getElementById(t.getAttribute('aria-controls'));
        return panel && (panel === pyPanel || panel.contains(py));
      }));
    if (!list) return { error: `no [role=tablist] whose tab controls the panel of #${listing}-python` };
    const allTabs = [...document.querySelectorAll('[role="tab"]')];
    const tabs = [...list.querySelectorAll('[role="tab"]')].map((t) => {
      const panel = document.getElementById(t.getAttribute('aria-controls'));
      return {
        name: t.textContent.trim(),
        selected: t.getAttribute('aria-selected'),
        tabindex: t.getAttribute('tabindex'),
        controls: t.getAttribute('aria-controls'),
        panelRole: panel && panel.getAttribute('role'),
        panelHas: panel ? (panel.contains(py) ? 'python' : panel.contains(rs) ? 'rust' : 'neither') : 'missing',
        focused: document.activeElement === t,
        index: allTabs.indexOf(t),
      };
    });
    const visible = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    return { tabs, pythonVisible: visible(py), rustVisible: visible(rs) };
  }, listing);
}

// The whole expected state of one pair with `chosen` ('Python' or 'Rust') selected.
function expectChosen(state, chosen, where) {
  assert.ok(!state.error, `${where}: ${state.error}`);
  const names = state.tabs.map((t) => t.name);
  assert.deepEqual(names, ['Python', 'Rust'], `${where}: expected tabs «Python», «Rust», found ${JSON.stringify(names)}`);
  for (const t of state.tabs) {
    const on = t.name === chosen;
    const want = { selected: String(on), tabindex: on ? '0' : '-1', panelRole: 'tabpanel', panelHas: t.name.toLowerCase() };
    const got = { selected: t.selected, tabindex: t.tabindex, panelRole: t.panelRole, panelHas: t.panelHas };
    assert.deepEqual(got, want, `${where}: tab «${t.name}» (aria-controls=${t.controls}) with «${chosen}» chosen: expected ${JSON.stringify(want)}, found ${JSON.stringify(got)}`);
  }
  const want = { pythonVisible: chosen === 'Python', rustVisible: chosen === 'Rust' };
  const got = { pythonVisible: state.pythonVisible, rustVisible: state.rustVisible };
  assert.deepEqual(got, want, `${where}: with «${chosen}» chosen expected visible ${JSON.stringify(want)}, found ${JSON.stringify(got)}`);
}

async function expectAllChosen(tab, page, chosen) {
  const listings = pairs(page);
  assert.ok(listings.length > 0, `src of ${page}: expected Python/Rust pairs, found none`);
  for (const listing of listings) expectChosen(await tabState(tab, listing), chosen, `${tab.url()} #${listing}`);
}

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('every Python/Rust pair shows as tabs, Python first, ARIA attributes right', async () => {
  const context = await browser.newContext();
  const tab = await openPage(context, PAGE);
  // Without a remembered choice each pair shows one of its two listings; Python is
  // the book's first language.
  await expectAllChosen(tab, PAGE, 'Python');
  assertNoErrors(tab, PAGE);
  await context.close();
});

test('clicking «Rust» shows Rust and hides Python; the choice survives a reload and another page', async () => {
  const context = await browser.newContext();
  const tab = await openPage(context, PAGE);
  const [first] = pairs(PAGE);
  await clickTab(tab, first, 'Rust');
  expectChosen(await tabState(tab, first), 'Rust', `${tab.url()} #${first} after clicking «Rust»`);
  await tab.reload();
  await expectAllChosen(tab, PAGE, 'Rust');
  await tab.goto(new URL(OTHER_PAGE, tab.url()).href);
  await expectAllChosen(tab, OTHER_PAGE, 'Rust');
  await clickTab(tab, pairs(OTHER_PAGE)[0], 'Python');
  await tab.reload();
  await expectAllChosen(tab, OTHER_PAGE, 'Python');
  assertNoErrors(tab, `${PAGE}, ${OTHER_PAGE}`);
  await context.close();
});

test('keyboard: ArrowRight, ArrowLeft, Home, End move the selection and the focus', async () => {
  const context = await browser.newContext();
  const tab = await openPage(context, PAGE);
  const [first] = pairs(PAGE);
  await (await tabLocator(tab, first, 'Python')).focus();
  for (const [key, chosen] of [['ArrowRight', 'Rust'], ['ArrowLeft', 'Python'], ['ArrowLeft', 'Rust'],
    ['ArrowRight', 'Python'], ['End', 'Rust'], ['Home', 'Python']]) {
    const before = tab.url();
    await tab.keyboard.press(key);
    const state = await tabState(tab, first).catch((e) => {
      throw new Error(`${before} #${first}: after ${key} on a focused tab expected the tabs to change, found the page navigating away (${e.message.split('\n')[0]})`);
    });
    expectChosen(state, chosen, `${tab.url()} #${first} after ${key}`);
    const focused = state.tabs.find((t) => t.focused)?.name ?? 'no tab';
    assert.equal(focused, chosen, `${tab.url()} #${first} after ${key}: expected the focus on «${chosen}», found it on ${focused}`);
  }
  assertNoErrors(tab, PAGE);
  await context.close();
});

test('without JavaScript both listings of each pair show, Python then Rust', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const tab = await context.newPage();
  await tab.goto(url(PAGE));
  for (const listing of pairs(PAGE)) {
    const py = tab.locator(`#${listing}-python`);
    const rs = tab.locator(`#${listing}-rust`);
    const got = { python: await py.isVisible(), rust: await rs.isVisible() };
    assert.deepEqual(got, { python: true, rust: true }, `${tab.url()} #${listing} without JavaScript: expected both listings visible, found ${JSON.stringify(got)}`);
    const [a, b] = [await py.boundingBox(), await rs.boundingBox()];
    assert.ok(a.y + a.height <= b.y, `${tab.url()} #${listing} without JavaScript: expected Python (y ${a.y}..${a.y + a.height}) above Rust (y ${b.y})`);
  }
  await context.close();
});

// The tab named `name` of `listing`'s pair, as a locator.
async function tabLocator(tab, listing, name) {
  const state = await tabState(tab, listing);
  assert.ok(!state.error, `${tab.url()}: ${state.error}`);
  const found = state.tabs.find((t) => t.name === name);
  assert.ok(found, `${tab.url()} #${listing}: expected a tab «${name}», found ${JSON.stringify(state.tabs.map((t) => t.name))}`);
  return tab.locator('[role="tab"]').nth(found.index);
}

async function clickTab(tab, listing, name) {
  await (await tabLocator(tab, listing, name)).click();
}
