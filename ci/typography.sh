#!/usr/bin/env bash
# Russian typography of the book's prose and the glossary's terms (src/glossary.md):
# «ёлочки» and „лапки“ inside them, « — » between words, no double spaces, no space
# before punctuation, no synonym from the glossary's «Не пишем» column in any inflection;
# a no-break space (U+00A0) between a number and its unit or counted noun and inside
# digit groups; the form of listing captions; the comments of listings (# and //).
# A quotation of the seed keeps the seed's words when marked <span class="seed">…</span>.
# The rules are listed in ci/gates/README.md.
#   ci/typography.sh [FILE|DIR...]  `file:line: …` per problem (default src/ and listings/;
#                                   a folder means its .md, .py and .rs files; the glossary
#                                   is the glossary.md among them, else src/'s)
#   ci/typography.sh --self-test    each case in ci/gates/cases/typography/ caught
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/gates/common.sh
gates_need_python
if [[ ${1:-} == --self-test ]]; then
  gates_self_test ci/typography.sh ci/gates/cases/typography/*
  exit
fi
(($#)) || set -- src listings
mapfile -t files < <(gates_files '*.md' '*.py' '*.rs' -- "$@")
exec python3 ci/gates/typography.py "${files[@]}"
