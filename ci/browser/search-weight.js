// What a reader downloads and waits for between opening the search on a chapter page
// and seeing the first results, on a throttled phone: Chromium's network throttling
// over CDP with Lighthouse's mobile figures (150 ms round trip, 1.6 Mbit/s down,
// 750 kbit/s up) and its 4× CPU slowdown, the site served gzipped (serve.js --gzip).
// Used by search-weight.test.js (the budget) and ci/search-weight.sh (the figures).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PAGE = 'ch02-01-main-differences.html';
export const QUERY = 'потоки';
export const MOBILE = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

// Serves `site` gzipped on a free port; returns { url, close }.
export async function serveGzipped(site) {
  const server = spawn(process.execPath, [path.join(HERE, 'serve.js'), site, '--gzip'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await createInterface({ input: server.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value]);
  if (!/^http:\/\/127\.0\.0\.1:\d+\/$/.test(line || '')) {
    server.kill();
    throw new Error(`serve.js ${site} --gzip did not start`);
  }
  return { url: line, close: () => server.kill() };
}

// Opens `PAGE` of the site at `base`, waits until it is idle, then opens the search
// and types QUERY. Returns the bytes transferred (gzip, headers included) and the
// time from the click to the first result, then to the results' teasers.
export async function measure(base, { throttle = true } = {}) {
  const browser = await launch();
  try {
    // No service worker: it would fetch the index with the page (offline/), and a
    // search opened before it is done pays the network price measured here.
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, serviceWorkers: 'block',
    });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    if (throttle) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...MOBILE });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    await tab.goto(new URL(PAGE, base).href, { waitUntil: 'networkidle' });
    // Times and bytes as the page saw them (performance.now, Resource Timing's
    // transferSize: gzip body and headers), so the test's own latency is not in them.
    await tab.evaluate((query) => {
      const results = document.getElementById('mdbook-searchresults');
      new MutationObserver(() => {
        const now = performance.now();
        if (!window.firstResultAt && results.querySelector('li a')) window.firstResultAt = now;
        const teaser = results.querySelector('li .teaser');
        if (!window.teasersAt && teaser && teaser.textContent.trim() !== '') window.teasersAt = now;
      }).observe(results, { childList: true, subtree: true, characterData: true });
      // Before any handler of the page (the search button's own run at its target).
      // The query is in the box at once, as if typed while the index loads (the
      // searcher searches it once set up), so the test's own pace is not measured.
      window.addEventListener('click', () => {
        window.clickAt = performance.now();
        document.getElementById('mdbook-searchbar').value = query;
      }, { capture: true, once: true });
    }, QUERY);
    await tab.locator('#mdbook-search-toggle').click();
    await tab.waitForFunction(() => window.firstResultAt && window.teasersAt, null, { timeout: 60000 });
    await tab.waitForLoadState('networkidle');
    const m = await tab.evaluate(() => ({
      clickAt: window.clickAt, firstResultAt: window.firstResultAt, teasersAt: window.teasersAt,
      // The browser asks for the favicon when it likes: not the search's.
      resources: performance.getEntriesByType('resource')
        .filter((r) => r.startTime >= window.clickAt && !/favicon/.test(r.name))
        .map((r) => ({ name: r.name.split('/').pop(), bytes: r.transferSize, end: r.responseEnd })),
    }));
    const atFirst = m.resources.filter((r) => r.end <= m.firstResultAt);
    const after = m.resources.filter((r) => r.end > m.firstResultAt);
    const sum = (list) => list.reduce((n, r) => n + r.bytes, 0);
    const show = (r) => `${r.name} ${(r.bytes / 1024).toFixed(1)} KB`;
    return {
      firstResult: Math.round(m.firstResultAt - m.clickAt),
      teasers: Math.round(Math.max(m.teasersAt, m.firstResultAt) - m.clickAt),
      bytesToFirst: sum(atFirst), bytesAll: sum(m.resources),
      filesToFirst: atFirst.map(show), filesAfter: after.map(show),
    };
  } finally {
    await browser.close();
  }
}
