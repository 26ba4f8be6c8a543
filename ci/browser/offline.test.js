// Offline reading (offline/README.md): one visit installs the service worker, which
// caches the whole book; offline, every chapter opens and the Russian search works;
// after a rebuild with a changed chapter the new text arrives, online and then offline.
// Works on a copy of the repository (the rebuild changes a chapter), served on its
// own port: a service worker belongs to its origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, cpSync, symlinkSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, search, chapterPages, REPO } from './lib.js';

const CHANGED = 'ch01-what-is-async';
const site = process.env.BOOK_SITE_DIR; // set by ci/browser.sh: the built site under test
let browser, copy, server, origin;

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} in ${cwd}: exit ${r.status}\n${r.stderr.slice(-3000)}`);
  return r.stdout;
}

before(async () => {
  assert.ok(site, 'BOOK_SITE_DIR is not set: run ci/browser.sh');
  copy = mkdtempSync(path.join(tmpdir(), 'offline-'));
  // The sources (as ci/stock-book.sh copies them) and the site under test; target/
  // is shared, so the pinned mdBook and search-ru's build are reused.
  run('bash', ['-c', `tar --exclude=./target --exclude=./book --exclude=./.git --exclude=node_modules -cf - . | tar -xf - -C "${copy}"`], REPO);
  symlinkSync(path.join(REPO, 'target'), path.join(copy, 'target'));
  cpSync(site, path.join(copy, 'book/html'), { recursive: true });
  server = spawn(process.execPath, [path.join(REPO, 'ci/browser/serve.js'), path.join(copy, 'book/html')]);
  origin = await new Promise((resolve, reject) => {
    server.stdout.once('data', (d) => resolve(String(d).trim().replace(/\/?$/, '/')));
    server.once('error', reject);
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.kill();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

// Waits until the page is controlled by the service worker of the build whose sw.js
// is on disk now, and its cache holds every file sw.js lists; returns the version,
// the number of files and the bytes cached.
async function installed(tab) {
  const sw = readFileSync(path.join(copy, 'book/html/sw.js'), 'utf8');
  const version = sw.match(/const VERSION = "([0-9a-f]+)"/)?.[1];
  assert.ok(version, `${copy}/book/html/sw.js: expected «const VERSION = "…"», found none`);
  const files = JSON.parse(sw.match(/const FILES = (\[[\s\S]*?\]);/)[1]);
  const state = await tab.evaluate(async ({ version, count }) => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (reg) await reg.update().catch(() => {});
    const deadline = Date.now() + 60000;
    for (;;) {
      const keys = await caches.keys();
      const cache = keys.includes(`asinkhronnost-${version}`) && await caches.open(`asinkhronnost-${version}`);
      const entries = cache ? await cache.keys() : [];
      const active = (await navigator.serviceWorker.getRegistration())?.active;
      if ((entries.length === count && keys.length === 1 && active?.state === 'activated') || Date.now() > deadline) {
        let bytes = 0;
        for (const req of entries) bytes += (await (await cache.match(req)).arrayBuffer()).byteLength;
        return { keys, entries: entries.length, bytes, active: active?.state ?? 'none', controlled: !!navigator.serviceWorker.controller };
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }, { version, count: files.length });
  const want = { keys: [`asinkhronnost-${version}`], entries: files.length, active: 'activated' };
  assert.deepEqual({ keys: state.keys, entries: state.entries, active: state.active }, want,
    `${tab.url()}: expected within 60 s the service worker of sw.js version ${version} active, its cache alone, with the ${files.length} files it lists; found ${JSON.stringify(state)}`);
  return { version, files: files.length, bytes: state.bytes };
}

// Opens `page` in `tab` and returns its <main> text; fails on a failed request,
// a page or console error.
async function open(tab, page) {
  const failed = [];
  // A request the browser cancels itself (net::ERR_ABORTED: seen once for a deferred
  // script while a navigation settled) is not a miss; a file the service worker cannot
  // serve offline fails as net::ERR_FAILED or ERR_INTERNET_DISCONNECTED.
  const onFail = (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()} (${r.failure()?.errorText})`);
  };
  const onError = (e) => failed.push(`uncaught ${e.message}`);
  const onConsole = (m) => { if (m.type() === 'error') failed.push(`console error: ${m.text()}`); };
  tab.on('requestfailed', onFail);
  tab.on('pageerror', onError);
  tab.on('console', onConsole);
  const response = await tab.goto(origin + page, { waitUntil: 'load' }).catch((e) => {
    throw new Error(`${origin}${page} offline: expected the page from the cache, found ${e.message.split('\n')[0]}`);
  });
  tab.off('requestfailed', onFail);
  tab.off('pageerror', onError);
  tab.off('console', onConsole);
  assert.deepEqual(failed, [], `${origin}${page} offline: expected every request served, found:\n  ${failed.join('\n  ')}`);
  assert.equal(response.status(), 200, `${origin}${page} offline: expected status 200, found ${response.status()}`);
  return tab.locator('main').innerText();
}

test('one visit caches the book; offline every chapter opens and the search works; a rebuilt chapter arrives', async (t) => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(origin + 'index.html', { waitUntil: 'load' });
  const first = await installed(tab);
  t.diagnostic(`cached after one visit: ${first.files} files, ${first.bytes} bytes (${Math.round(first.bytes / 1024)} KB), version ${first.version}`);

  await context.setOffline(true);
  for (const page of ['', 'index.html', ...chapterPages()]) {
    await open(tab, page);
    // The page itself, not the 404 page: the title of the built file.
    const html = readFileSync(path.join(copy, 'book/html', page || 'index.html'), 'utf8');
    const title = html.match(/<title>([^<]*)<\/title>/)[1]
      .replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.equal(await tab.title(), title, `${origin}${page} offline: expected the page titled «${title}», found «${await tab.title()}»`);
  }
  const found = await search(tab, 'потоками');
  assert.ok(found.pages.length > 0, `${tab.url()} offline: search «потоками»: expected results, found none (header «${found.header}»)`);

  // Rebuild with a changed chapter: online the new text shows at once, and once the
  // new service worker has replaced the cache, offline too.
  await context.setOffline(false);
  const marker = `Проверка офлайн-режима ${Date.now()}.`;
  appendFileSync(path.join(copy, `src/${CHANGED}.md`), `\n${marker}\n`);
  run('ci/build.sh', [], copy);
  assert.ok((await open(tab, `${CHANGED}.html`)).includes(marker), `${origin}${CHANGED}.html online after the rebuild: expected the new text «${marker}», found the old page`);
  const second = await installed(tab);
  await context.setOffline(true);
  assert.ok((await open(tab, `${CHANGED}.html`)).includes(marker), `${origin}${CHANGED}.html offline after the rebuild: expected the new text «${marker}» from the new cache (sw.js version ${second.version}, before ${first.version}), found the old chapter`);
  t.diagnostic(`after the rebuild: version ${second.version}, ${second.bytes} bytes cached; rebuild in the copy of the repository`);
  await context.close();
});
