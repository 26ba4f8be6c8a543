#!/usr/bin/env bash
# For each query of ci/browser/search-queries.js: how many results each built site
# gives, and where the first expected page is among them (e.g. to compare the
# search before and after a change).
#   ci/search-table.sh [SITE...]   built sites (default: this book's)
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/browser/install.sh
(($#)) || set -- "$(ci/build.sh --where)"
urls=()
for site in "$@"; do
  serve "$site"
  urls+=("$served_url")
done
cd ci/browser
BOOK_URL=${urls[0]} node --input-type=module - "$@" -- "${urls[@]}" <<'JS'
import { launch, openPage, search } from './lib.js';
import { FINDS } from './search-queries.js';
const args = process.argv.slice(2);
const sites = args.slice(0, args.indexOf('--'));
const urls = args.slice(args.indexOf('--') + 1);
const browser = await launch();
const columns = [];
for (const base of urls) {
  const tab = await openPage(await browser.newContext(), new URL('ch01-what-is-async.html', base).href);
  const column = [];
  for (const { query, pages } of FINDS) {
    const found = await search(tab, query);
    const rank = found.pages.indexOf(pages[0]) + 1;
    column.push(`${found.pages.length}${rank ? ` (#${rank})` : ' (—)'}`);
  }
  columns.push(column);
}
await browser.close();
console.log(`| query | expected page | ${sites.join(' | ')} |`);
console.log(`| --- | --- |${sites.map(() => ' --- |').join('')}`);
FINDS.forEach(({ query, pages }, i) => {
  console.log(`| ${query} | ${pages[0].replace(/\.html$/, '')} | ${columns.map((c) => c[i]).join(' | ')} |`);
});
JS
