// Python | Rust tabs: the ARIA tabs pattern (roles, aria-selected, aria-controls,
// roving tabindex, arrow keys), the choice remembered across reloads and pages,
// and without JavaScript both listings one after the other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertNoErrors, source, url, screenshot } from './lib.js';

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

// A «Попробуйте» pair sits in a closed <details>: open every one, as a reader
// would (a click on its summary works with and without JavaScript).
async function openDetails(tab) {
  const closed = tab.locator('details:not([open]) > summary');
  for (let i = 0; i < 100 && await closed.count(); i++) await closed.first().click();
}

async function expectAllChosen(tab, page, chosen) {
  await openDetails(tab);
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
  await openDetails(tab);
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

// Side by side (theme/README.md): where two listings of 80 columns fit, each pair
// shows Python left and Rust right, without tabs; below that, tabs.
async function pairLayout(tab, listing) {
  await openDetails(tab);
  return tab.evaluate((listing) => {
    const py = document.getElementById(`${listing}-python`);
    const rs = document.getElementById(`${listing}-rust`);
    const wrapper = py.closest('.listing-tabs');
    const code = py.querySelector('pre > code');
    const probe = document.createElement('span');
    probe.textContent = '0'.repeat(80);
    probe.style.cssText = 'position: absolute; visibility: hidden; white-space: pre';
    code.append(probe);
    const columns = probe.getBoundingClientRect().width;
    probe.remove();
    const visible = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    const [a, b] = [py.getBoundingClientRect(), rs.getBoundingClientRect()];
    const content = document.getElementById('mdbook-content').getBoundingClientRect();
    return {
      visible: [visible(py), visible(rs)],
      sideBySide: a.right <= b.left && Math.abs(a.top - b.top) < 2,
      tablistShown: [...wrapper.querySelectorAll('[role="tablist"]')].some(visible),
      tabpanels: wrapper.querySelectorAll('[role="tabpanel"]').length,
      codeWidths: [py, rs].map((f) => Math.round(f.querySelector('pre > code').clientWidth)),
      columns: Math.round(columns),
      insideContent: a.left >= content.left - 1 && b.right <= content.right + 1,
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  }, listing);
}

// The layout follows a ResizeObserver: its callbacks run before the next frame.
async function resize(tab, size) {
  await tab.setViewportSize(size);
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

function expectSideBySide(state, where) {
  const want = { visible: [true, true], sideBySide: true, tablistShown: false, tabpanels: 0, insideContent: true, pageOverflow: 0 };
  const got = Object.fromEntries(Object.keys(want).map((k) => [k, state[k]]));
  assert.deepEqual(got, want, `${where}: expected Python and Rust side by side, no tabs, within the page; found ${JSON.stringify(state)}`);
  assert.ok(state.codeWidths.every((w) => w >= state.columns), `${where}: expected each listing's code at least 80 columns (${state.columns} px) wide, found ${state.codeWidths.join(' and ')} px`);
}

for (const theme of ['light', 'rust', 'coal', 'navy', 'ayu']) {
  test(`«${theme}» theme: side by side at 1920 px, tabs at 1280 and 360 px, no sideways scrolling`, async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1000 } });
    await context.addInitScript((t) => localStorage.setItem('mdbook-theme', t), theme);
    const tab = await openPage(context, PAGE);
    for (const listing of pairs(PAGE)) expectSideBySide(await pairLayout(tab, listing), `${tab.url()} #${listing} at 1920 px`);
    await tab.locator('.listing-tabs').first().scrollIntoViewIfNeeded();
    await screenshot(tab, `pair-${theme}`);
    for (const width of [1280, 360]) {
      await resize(tab, { width, height: 800 });
      await expectAllChosen(tab, PAGE, 'Python');
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.equal(overflow, 0, `${tab.url()} at ${width} px: expected no sideways scrolling, found ${overflow} px more`);
      await tab.locator('.listing-tabs').first().scrollIntoViewIfNeeded();
      await screenshot(tab, `pair-${theme}`);
    }
    assertNoErrors(tab, tab.url());
    await context.close();
  });
}

test('the remembered choice survives side by side: Rust chosen at 1280 px is still chosen after 1920 px', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await openPage(context, PAGE);
  const [first] = pairs(PAGE);
  await clickTab(tab, first, 'Rust');
  await resize(tab, { width: 1920, height: 1000 });
  expectSideBySide(await pairLayout(tab, first), `${tab.url()} #${first} at 1920 px after choosing Rust`);
  await tab.reload();
  expectSideBySide(await pairLayout(tab, first), `${tab.url()} #${first} at 1920 px, reloaded`);
  const stored = await tab.evaluate(() => localStorage.getItem('asinkhronnost-listing-language'));
  assert.equal(stored, 'rust', `${tab.url()} at 1920 px: expected the stored choice «rust» kept, found «${stored}»`);
  await resize(tab, { width: 1280, height: 800 });
  await expectAllChosen(tab, PAGE, 'Rust');
  assertNoErrors(tab, tab.url());
  await context.close();
});
