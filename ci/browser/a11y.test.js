// Accessibility in every theme (issue 19.4): axe-core finds no violation on any page
// in any of the five themes (search results and the help popup shown too); bare
// ←/→ do not turn pages, Alt+Shift+←/→ do and the help popup says so; every element
// the Tab key reaches shows that it has the focus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openPage, assertNoErrors, search, url, chapterPages, REPO } from './lib.js';

export const THEMES = ['light', 'rust', 'coal', 'navy', 'ayu'];
const AXE = path.join(REPO, 'ci/browser/node_modules/axe-core/axe.min.js');
const PAIRS_PAGE = 'ch02-02-how-they-work.html';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

// A context whose pages open in `theme` (book.js reads localStorage «mdbook-theme»).
async function themed(theme, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await context.addInitScript((t) => localStorage.setItem('mdbook-theme', t), theme);
  return context;
}

async function violations(tab) {
  // Two frames: ResizeObserver callbacks (focusable scrolling code) have run.
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  if (!(await tab.evaluate(() => 'axe' in window))) await tab.addScriptTag({ path: AXE });
  const found = await tab.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.slice(0, 5)
      .map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 240)}`).join('\n      ')}`);
  });
  const cls = await tab.evaluate(() => document.documentElement.className);
  return found.map((v) => `${tab.url()} [${cls}]: ${v}`);
}

// Switches the open page to `theme` the reader's way (the theme menu's button: book.js
// sets the class on <html> and enables the theme's highlighting stylesheet) and checks
// that it took.
async function switchTheme(tab, theme) {
  await tab.evaluate((t) => document.getElementById(`mdbook-theme-${t}`).click(), theme);
  // A stylesheet the theme enables (coal's, navy's, ayu's highlighting) loads only then.
  await tab.waitForFunction(() => [...document.querySelectorAll('link[rel=stylesheet]')]
    .every((l) => l.disabled || l.media === 'print' || l.sheet));
  const cls = await tab.evaluate(() => document.documentElement.className);
  assert.match(cls, new RegExp(`\\b${theme}\\b`), `${tab.url()}: expected <html class> to name the theme «${theme}», found «${cls}»`);
}

// Every page in every theme. Each page loads once and axe-core runs in each theme in
// turn, switched in place: loading every page five times cost ~4 minutes more here.
test('axe-core: no violation on any page in any of the five themes', async () => {
  const context = await themed('light');
  const tab = await context.newPage();
  const found = [];
  for (const page of ['index.html', ...chapterPages(), 'print.html', 'no-such-page.html']) {
    await tab.goto(url(page), { waitUntil: 'load' });
    for (const theme of THEMES) {
      await switchTheme(tab, theme);
      found.push(...await violations(tab));
    }
  }
  assert.deepEqual(found, [], `axe-core: expected no violation, found:\n  ${found.join('\n  ')}`);
  await context.close();
});

// What shows only on demand or on a wide screen, in each theme: pairs side by side,
// search results, the help popup.
for (const theme of THEMES) {
  test(`axe-core: no violation in the «${theme}» theme with pairs side by side, search results, the help popup`, async () => {
    const context = await themed(theme, { viewport: { width: 1920, height: 1000 } });
    const tab = await context.newPage();
    const found = [];
    await tab.goto(url(PAIRS_PAGE));
    const cls = await tab.evaluate(() => document.documentElement.className);
    assert.match(cls, new RegExp(`\\b${theme}\\b`), `${tab.url()}: expected <html class> to name the theme «${theme}», found «${cls}»`);
    assert.ok(await tab.locator('.listing-pair').count() > 0, `${tab.url()} at 1920 px: expected pairs side by side (.listing-pair), found none`);
    found.push(...await violations(tab));
    await tab.setViewportSize({ width: 1280, height: 800 });
    await search(tab, 'потоки');
    found.push(...await violations(tab));
    await tab.keyboard.press('Escape');
    await tab.locator('main').click({ position: { x: 1, y: 1 } });
    await tab.keyboard.press('?');
    await tab.locator('#mdbook-help-popup').waitFor({ state: 'visible' });
    found.push(...await violations(tab));
    assert.deepEqual(found, [], `axe-core in the «${theme}» theme: expected no violation, found:\n  ${found.join('\n  ')}`);
    await context.close();
  });
}

test('bare ←/→ do not turn the page; Alt+Shift+←/→ do; the help popup names the shortcut', async () => {
  const context = await browser.newContext();
  const tab = await openPage(context, PAIRS_PAGE);
  const [prev, next] = await tab.evaluate(() => ['previous', 'next']
    .map((rel) => document.querySelector(`.nav-chapters.${rel}`)?.href));
  assert.ok(prev && next, `${tab.url()}: expected links to the previous and next chapter, found ${prev}, ${next}`);
  await tab.locator('main p').first().click();
  for (const key of ['ArrowRight', 'ArrowLeft']) {
    await tab.keyboard.press(key);
    await tab.waitForTimeout(300);
    assert.equal(tab.url(), url(PAIRS_PAGE), `${url(PAIRS_PAGE)}: expected a bare ${key} to leave the reader on the page, found ${tab.url()}`);
  }
  await Promise.all([tab.waitForURL(next, { timeout: 5000 }).catch(() => {}), tab.keyboard.press('Alt+Shift+ArrowRight')]);
  assert.equal(tab.url(), next, `${url(PAIRS_PAGE)}: expected Alt+Shift+→ to open the next chapter ${next}, found ${tab.url()}`);
  await Promise.all([tab.waitForURL(url(PAIRS_PAGE), { timeout: 5000 }).catch(() => {}), tab.keyboard.press('Alt+Shift+ArrowLeft')]);
  assert.equal(tab.url(), url(PAIRS_PAGE), `${next}: expected Alt+Shift+← to open the previous chapter ${url(PAIRS_PAGE)}, found ${tab.url()}`);
  await tab.keyboard.press('?');
  const help = (await tab.locator('#mdbook-help-popup').innerText()).replace(/\s+/g, ' ');
  assert.match(help, /Alt\s*\+\s*Shift\s*\+\s*←.*Alt\s*\+\s*Shift\s*\+\s*→ — предыдущая или следующая глава/,
    `${tab.url()}: expected the help popup to name Alt+Shift+←/→ for chapters, found «${help}»`);
  assert.doesNotMatch(help, /(^|[^+] )← или →/, `${tab.url()}: the help popup still offers bare ←/→: «${help}»`);
  assertNoErrors(tab, tab.url());
  await context.close();
});

// Each element the Tab key reaches, screenshotted with and without the focus: the
// two must differ (an outline clipped by a scrolling box, or `outline: none`, does not).
for (const theme of THEMES) {
  test(`visible keyboard focus on every element Tab reaches, «${theme}» theme`, async () => {
    const context = await themed(theme);
    const tab = await openPage(context, PAIRS_PAGE);
    await tab.emulateMedia({ reducedMotion: 'reduce' });
    const invisible = [];
    const seen = new Set();
    for (let i = 0; i < 400; i++) {
      await tab.keyboard.press('Tab');
      const el = await tab.evaluate(() => {
        const a = document.activeElement;
        if (!a || a === document.body) return null;
        a.dataset.focusProbe = a.dataset.focusProbe || String(Math.random());
        const r = a.getBoundingClientRect();
        const name = `<${a.localName}${a.id ? `#${a.id}` : ''}${a.className && typeof a.className === 'string' ? `.${a.className.trim().split(/\s+/).join('.')}` : ''}> «${(a.getAttribute('aria-label') || a.textContent).trim().slice(0, 30)}»`;
        return { probe: a.dataset.focusProbe, name, x: r.x, y: r.y, w: r.width, h: r.height };
      });
      if (!el || seen.has(el.probe)) break;
      seen.add(el.probe);
      const viewport = tab.viewportSize();
      const clip = { x: Math.max(0, el.x - 6), y: Math.max(0, el.y - 6) };
      clip.width = Math.min(viewport.width, el.x + el.w + 6) - clip.x;
      clip.height = Math.min(viewport.height, el.y + el.h + 6) - clip.y;
      if (clip.width <= 0 || clip.height <= 0) {
        invisible.push(`${el.name}: focused outside the window`);
        continue;
      }
      const focused = await tab.screenshot({ clip, animations: 'disabled', caret: 'initial' });
      await tab.evaluate(() => document.activeElement.blur());
      const blurred = await tab.screenshot({ clip, animations: 'disabled', caret: 'initial' });
      await tab.evaluate((p) => document.querySelector(`[data-focus-probe="${p}"]`).focus(), el.probe);
      if (focused.equals(blurred)) invisible.push(`${el.name} at ${Math.round(el.x)},${Math.round(el.y)}`);
    }
    assert.ok(seen.size > 20, `${tab.url()}: expected Tab to reach more than 20 elements, found ${seen.size}`);
    assert.deepEqual(invisible, [], `${tab.url()} in the «${theme}» theme: expected every element Tab reaches to look different when focused, found no visible focus on:\n  ${invisible.join('\n  ')}`);
    await context.close();
  });
}
