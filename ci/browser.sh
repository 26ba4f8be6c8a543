#!/usr/bin/env bash
# The browser tests: builds the book, serves it on 127.0.0.1 at a free port and
# drives Debian's Chromium through it (ci/browser/*.test.js, node's test runner).
#   ci/browser.sh              install what is missing, build, test
#   ci/browser.sh --no-build   test the book already built
#   ci/browser.sh --no-build search.test.js   one file
#   BOOK_SITE=/tmp/x ci/browser.sh --no-build  another built site
# Screenshots land in target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
if [[ "${1:-}" == --no-build ]]; then build=0; shift; fi

source ci/browser/install.sh

if ((build)); then ci/build.sh >/dev/null; fi
site=${BOOK_SITE:-$(ci/build.sh --where)}  # BOOK_SITE: test another built copy
export BOOK_SITE_DIR=$(cd "$site" && pwd)  # offline.test.js copies it
[[ -f $site/index.html ]] || { echo "ci/browser.sh: $site/index.html missing: build the book first" >&2; exit 1; }
serve "$site"
echo "ci/browser.sh: testing $site at $served_url"

site_dir=$(realpath "$site")
cd ci/browser
files=("$@")
((${#files[@]})) || files=(*.test.js)
# One file at a time: each starts its own Chromium, and the machine has 2 cores.
# BOOK_SITE_DIR: for search-weight.test.js, which serves the site gzipped itself.
BOOK_SITE_DIR=$site_dir BOOK_URL=$served_url node --test --test-concurrency=1 --test-reporter=tap "${files[@]}"
