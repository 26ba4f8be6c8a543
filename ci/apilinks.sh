#!/usr/bin/env bash
# Each API the book names links to its documentation on its first mention in each page's
# running text, and only there: ci/gates/api-links.tsv is the one source of the addresses
# (docs.rs at the Cargo.lock version, doc.rust-lang.org at rust-version, docs.python.org/3/);
# a code span that looks like an API but is not in it is reported. Never fetches anything.
#   ci/apilinks.sh [FILE|DIR...]  `file:line: …` per problem (default: the pages of src/, and
#                                 then also each line of api-links.tsv that no page mentions)
#   ci/apilinks.sh --fix [FILE…]  links each first mention, unlinks later ones, in place
#   ci/apilinks.sh --self-test    each case in ci/gates/cases/apilinks/ caught
#   ci/apilinks.sh --verify       each address of api-links.tsv names a real page and anchor:
#                                 rustdoc of the locked crates built offline (about 3 min cold,
#                                 10 s warm), the toolchain's std docs, the newest Python's objects
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/gates/common.sh
gates_need_python
if [[ ${1:-} == --self-test ]]; then
  failed=0
  gates_self_test ci/apilinks.sh ci/gates/cases/apilinks/* || failed=1
  # A line of the mapping that no page names is reported, by its line.
  mapping=$(mktemp)
  trap 'rm -f "$mapping"' EXIT
  cp ci/gates/api-links.tsv "$mapping"
  printf 'tokio::never_named\thttps://docs.rs/tokio/1.54.1/tokio/index.html\n' >>"$mapping"
  out=$(APILINKS_MAPPING=$mapping ci/apilinks.sh 2>&1) && failed=1
  if [[ $out == "$mapping:$(wc -l <"$mapping"): \`tokio::never_named\` не упоминается ни на одной странице"* ]]; then
    echo "ok: ci/apilinks.sh names a line of the mapping that no page mentions"
  else
    echo "ci/gates/api-links.tsv:1: self-test: ci/apilinks.sh did not name the unused line:"; echo "$out"; failed=1
  fi
  exit $failed
fi
if [[ ${1:-} == --verify ]]; then
  exec python3 ci/gates/apilinks_verify.py
fi
fix=()
if [[ ${1:-} == --fix ]]; then fix=(--fix); shift; fi
unused=()
(($#)) || { set -- src; unused=(--unused); }
# SUMMARY.md is the sidebar, not a page: its links lead to sections
mapfile -t files < <(gates_markdown_files "$@" | grep -v '/SUMMARY\.md$')
exec python3 ci/gates/apilinks.py "${fix[@]}" "${unused[@]}" "${files[@]}"
