// Lighthouse accessibility of one page in each of the five themes, mobile and
// desktop (issue 19.4); ci/lighthouse.sh runs it on a chapter page with pairs.
//   node lighthouse-themes.js URL OUT_DIR [THEME,…]   (all five by default)
// book.js reads the theme from localStorage, and Lighthouse's own launcher starts
// each run in a fresh profile; so this drives a Chromium started here, in which the
// theme is stored first (Lighthouse 12 clears only service workers, caches and file
// systems before a run: clearStorageTypes in core/config/constants.js). Each report
// must show the theme it claims: the page background in Lighthouse's own screenshot
// has the colour the theme gives <html> (a run that measured the default theme five
// times fails). Fails naming the theme, the form factor and each failed audit unless
// every score is 100.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [pageUrl, out, only] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const THEMES = only ? only.split(',') : ['light', 'rust', 'coal', 'navy', 'ayu'];
const profile = mkdtempSync(path.join(tmpdir(), 'lh-themes-'));
const chrome = spawn(process.env.CHROME_PATH || '/usr/bin/chromium', [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });

function lighthouse(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(here, 'node_modules/.bin/lighthouse'), args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse ${args.join(' ')}: exit ${code}`))));
  });
}

// Playwright stays connected only between Lighthouse runs: connected, it holds each
// new tab paused until it has attached, and Lighthouse's tab would wait on it.
async function withBrowser(port, fn) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const tab = await browser.contexts()[0].newPage();
    const result = await fn(tab);
    await tab.close();
    return result;
  } finally {
    await browser.close(); // connected over CDP: disconnects, Chromium runs on
  }
}

// The colour at a few points of the page background (right margin, below the menu
// bar) in a screenshot given as a data: address, as [r, g, b] each.
function backgroundSamples(tab, data) {
  return tab.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return [0.3, 0.5, 0.7].map((f) => [...ctx.getImageData(img.width - 4, Math.round(120 + f * 200), 1, 1).data.slice(0, 3)]);
  }, data);
}

const failures = [];
const rows = [];
try {
  const portFile = path.join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 200 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 100));
  const port = readFileSync(portFile, 'utf8').split('\n')[0];
  for (const theme of THEMES) {
    // Store the theme, and check in a real look that book.js applied it.
    const look = await withBrowser(port, async (tab) => {
      await tab.goto(pageUrl);
      await tab.evaluate((t) => localStorage.setItem('mdbook-theme', t), theme);
      await tab.reload({ waitUntil: 'load' });
      return tab.evaluate(() => ({
        cls: document.documentElement.className,
        bg: getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g).slice(0, 3).map(Number),
      }));
    });
    if (!new RegExp(`\\b${theme}\\b`).test(look.cls)) {
      throw new Error(`${pageUrl}: stored the «${theme}» theme, but <html class> is «${look.cls}»`);
    }
    for (const ff of ['mobile', 'desktop']) {
      const file = path.join(out, `theme-${theme}-${ff}.json`);
      await lighthouse([pageUrl, `--port=${port}`, '--only-categories=accessibility',
        '--output=json', `--output-path=${file}`, '--quiet', ...(ff === 'desktop' ? ['--preset=desktop'] : [])]);
      const report = JSON.parse(readFileSync(file, 'utf8'));
      const shot = report.fullPageScreenshot?.screenshot?.data;
      if (!shot) throw new Error(`${file}: no full-page screenshot to check the theme by`);
      const samples = await withBrowser(port, (tab) => backgroundSamples(tab, shot));
      // The screenshot is lossy (WebP): a few units either way.
      const off = samples.filter((px) => px.some((v, i) => Math.abs(v - look.bg[i]) > 8));
      if (off.length) {
        failures.push(`${file}: ${pageUrl}, ${ff}: Lighthouse did not measure the «${theme}» theme: its screenshot shows the background rgb(${off[0]}), the theme's is rgb(${look.bg})`);
      }
      const score = Math.round(report.categories.accessibility.score * 100);
      rows.push(`${theme.padEnd(6)} ${ff.padEnd(8)} accessibility ${score}  (background rgb(${samples[0]}))`);
      if (score !== 100) {
        const failed = report.categories.accessibility.auditRefs.map((a) => report.audits[a.id])
          .filter((a) => a.score !== null && a.score < 1 && !['informative', 'manual'].includes(a.scoreDisplayMode))
          .map((a) => `${a.id} (${a.title}) at ${[...new Set((a.details?.items || []).map((i) => i.node?.selector))].slice(0, 3).join('; ')}`);
        failures.push(`${file}: ${pageUrl} in the «${theme}» theme, ${ff}: accessibility expected 100, found ${score}; failed audits: ${failed.join(', ')}`);
      }
    }
  }
} finally {
  const exited = new Promise((r) => chrome.once('exit', r));
  chrome.kill();
  await exited; // or it still writes to its profile while that is removed
  rmSync(profile, { recursive: true, force: true });
}
console.log(`Lighthouse accessibility in each theme, ${pageUrl}\n${rows.join('\n')}`);
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
