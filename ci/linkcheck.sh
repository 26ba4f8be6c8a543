#!/usr/bin/env bash
# Every internal link and #anchor of the built site resolves: hyperlink 0.3.2 (crates.io)
# reads the site's HTML offline with --check-anchors (chapters, print.html, the listings'
# <figure id>), and --sources maps each broken link back to its Markdown paragraph.
# External links are listed, never fetched, and checked for form by ci/gates/extlinks.py
# (https, a host of HOSTS, docs.rs at the version Cargo.lock pins, docs.python.org/3/).
#   ci/linkcheck.sh             builds the book (ci/build.sh) and checks its site
#   ci/linkcheck.sh BOOK_DIR    the same for another book (a folder with book.toml)
#   ci/linkcheck.sh --self-test each case in ci/gates/cases/linkcheck/ caught
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/gates/common.sh
gates_need_hyperlink
if [[ ${1:-} == --self-test ]]; then
  gates_self_test ci/linkcheck.sh ci/gates/cases/linkcheck/*/
  exit
fi
book=${1:-.}
book=${book%/}
if [[ $book == . ]]; then
  site=$(ci/build.sh)
else # a case book builds into target/, not next to its sources
  site=$(ci/build.sh "$book" "target/linkcheck/${book//\//_}")
fi
src=$(python3 -c 'import sys, tomllib, os; b = sys.argv[1]
print(os.path.normpath(os.path.join(b, tomllib.load(open(os.path.join(b, "book.toml"), "rb")).get("book", {}).get("src", "src"))))' "$book")

echo "Внешние ссылки (не проверяются, сеть не нужна):"
{ "$hyperlink" dump-external-links --base-path "$site" | grep -v -e '^Reading files$' -e '^Checking ' || true; } |
  LC_ALL=C sort -u | sed 's/^/  /'

# external links are checked for form only: allowed host, https, docs.rs at the locked version
external=$(python3 ci/gates/extlinks.py "$src") || true

rc=0
report=$("$hyperlink" "$site" --check-anchors --sources "$src") || rc=$?
problems=$(python3 ci/gates/linkreport.py "$site" <<<"$report") || true
if [[ -n $external ]]; then
  echo "$external"
  echo "ci/linkcheck.sh: внешние ссылки не по правилам (ci/gates/extlinks.py)" >&2
  [[ $rc != 0 || -n $problems ]] && echo "${problems:-$report}"
  exit 1
fi
if [[ $rc != 0 || -n $problems ]]; then
  echo "${problems:-$report}"
  echo "ci/linkcheck.sh: в $site есть битые ссылки или якоря" >&2
  exit 1
fi
echo "ci/linkcheck.sh: все внутренние ссылки и якоря в $site на месте"
