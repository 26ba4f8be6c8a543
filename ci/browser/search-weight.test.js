// The budget of issue 14: at most 50 KB (gzip) from opening the search on a chapter
// page to its first results, on a throttled phone, and the results' teasers follow.
// The figures (ci/search-weight.sh prints them for any built site) go to the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, serveGzipped, PAGE, QUERY } from './search-weight.js';

// Issue 14 asked for 50 KB: 43 KB when it was built; the book grew to 52.7 KB
// (2 December 2026), then search-ru packed the index leaner (front-coded terms,
// delta postings, title and anchors made in the browser, minified scripts):
// 43.8 KB. Back to the goal, with room for the book to grow.
export const BUDGET_KB = 50;

test(`≤ ${BUDGET_KB} KB gzip from opening the search on ${PAGE} to the first results for «${QUERY}», throttled`, async (t) => {
  const site = process.env.BOOK_SITE_DIR;
  assert.ok(site, 'BOOK_SITE_DIR is not set: run ci/browser.sh');
  const server = await serveGzipped(site);
  try {
    const m = await measure(server.url, { throttle: true });
    t.diagnostic(`to the first result: ${(m.bytesToFirst / 1024).toFixed(1)} KB, ${m.firstResult} ms (${m.filesToFirst.join(', ')}); `
      + `teasers at ${m.teasers} ms, ${(m.bytesAll / 1024).toFixed(1)} KB in all (${m.filesAfter.join(', ')})`);
    // Nothing downloaded means the files came from a cache: the budget would be unmeasured.
    assert.ok(m.filesToFirst.some((f) => f.startsWith('searchindex')) && m.bytesToFirst > 0,
      `${PAGE}: the search index did not come over the network (${m.filesToFirst.join(', ') || 'no file'}): nothing was measured`);
    assert.ok(m.bytesToFirst <= BUDGET_KB * 1024, `${PAGE}: the search downloaded ${(m.bytesToFirst / 1024).toFixed(1)} KB before its first results, `
      + `more than ${BUDGET_KB} KB: ${m.filesToFirst.join(', ')}`);
  } finally {
    server.close();
  }
});
