#!/usr/bin/env bash
# Bytes (gzip) and time from opening the search on a chapter page to its first
# results, and to the results' teasers: a phone on Lighthouse's throttled mobile
# network and CPU (ci/browser/search-weight.js), and unthrottled.
#   ci/search-weight.sh [SITE...]   built sites to measure (default: this book's)
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/browser/install.sh
(($#)) || set -- "$(ci/build.sh --where)"
for site in "$@"; do
  [[ -f $site/index.html ]] || { echo "ci/search-weight.sh: $site/index.html missing" >&2; exit 1; }
done
cd ci/browser
# lib.js wants an address; each site gets its own below.
BOOK_URL=http://127.0.0.1/ node --input-type=module - "$@" <<'JS'
import path from 'node:path';
import { measure, serveGzipped, PAGE, QUERY } from './search-weight.js';
console.log(`| site | network | to the first results of «${QUERY}» on ${PAGE} | until the teasers | files before the first results |`);
console.log('| --- | --- | --- | --- | --- |');
for (const site of process.argv.slice(2)) {
  const server = await serveGzipped(path.resolve('../..', site));
  try {
    for (const throttle of [true, false]) {
      const m = await measure(server.url, { throttle });
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      console.log(`| ${site} | ${throttle ? 'mobile, throttled' : 'local'} | ${kb(m.bytesToFirst)}, ${m.firstResult} ms | ${kb(m.bytesAll)}, ${m.teasers} ms | ${m.filesToFirst.join(', ')} |`);
    }
  } finally {
    server.close();
  }
}
JS
