#!/usr/bin/env bash
# Each API the book names links to its documentation on its first mention in each page's
# running text, and only there: ci/gates/api-links.tsv is the one source of the addresses
# (docs.rs at the Cargo.lock version, doc.rust-lang.org at rust-version, docs.python.org/3/);
# a code span that looks like an API but is not in it is reported. Never fetches anything.
#   ci/apilinks.sh [FILE|DIR...]  `file:line: …` per problem (default: the pages of src/)
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
  gates_self_test ci/apilinks.sh ci/gates/cases/apilinks/*
  exit
fi
if [[ ${1:-} == --verify ]]; then
  exec python3 ci/gates/apilinks_verify.py
fi
fix=()
if [[ ${1:-} == --fix ]]; then fix=(--fix); shift; fi
(($#)) || set -- src
# SUMMARY.md is the sidebar, not a page: its links lead to sections
mapfile -t files < <(gates_markdown_files "$@" | grep -v '/SUMMARY\.md$')
exec python3 ci/gates/apilinks.py "${fix[@]}" "${files[@]}"
