#!/usr/bin/env bash
# Lighthouse on a chapter page, mobile and desktop, for this book and for stock
# mdBook (a temporary copy of the book built without theme/ and without the extra
# output tables), so that before and after come from one script.
# Asserts accessibility, best practices and SEO = 100 for this book; performance,
# page weight and request count are reported only (they depend on timing). Then
# accessibility = 100 in each of the five themes, mobile and desktop, on a chapter
# page with pairs (ci/browser/lighthouse-themes.js).
#   ci/lighthouse.sh              build both, measure
#   ci/lighthouse.sh --no-build   measure this book as already built (stock is always built)
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
if [[ "${1:-}" == --no-build ]]; then build=0; fi
page=ch02-01-main-differences.html
pairs_page=ch02-02-how-they-work.html

source ci/browser/install.sh
if ((build)); then ours_site=$(ci/build.sh); else ours_site=$(ci/build.sh --where); fi

stock=$(mktemp -d)
trap 'rm -rf "$stock"' EXIT
ci/stock-book.sh "$stock"
stock_site=$(ci/build.sh "$stock")

serve "$ours_site"; ours=$served_url
serve "$stock_site"; theirs=$served_url
trap 'kill "${servers[@]}" 2>/dev/null; rm -rf "$stock"' EXIT

out=target/lighthouse
mkdir -p "$out"
flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
run() { # name url form-factor
  local preset=()
  [[ $3 == desktop ]] && preset=(--preset=desktop)
  CHROME_PATH=/usr/bin/chromium ci/browser/node_modules/.bin/lighthouse "$2$page" "${preset[@]}" \
    --chrome-flags="$flags" --only-categories=accessibility,best-practices,seo,performance \
    --output=json --output-path="$out/$1-$3.json" --quiet
}
for ff in mobile desktop; do
  run stock "$theirs" $ff
  run book "$ours" $ff
done
# Both run, so that a failure in one still shows the other's figures.
status=0
node ci/browser/lighthouse-report.js "$out" "$page" || status=1
node ci/browser/lighthouse-themes.js "$ours$pairs_page" "$out" || status=1
exit $status
