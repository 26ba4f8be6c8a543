#!/usr/bin/env bash
# Russian typography of the book's prose and the glossary's terms (src/glossary.md):
# «ёлочки» and „лапки“ inside them, « — » between words, no double spaces, no space
# before punctuation, no synonym from the glossary's «Не пишем» column in any inflection.
# A quotation of the seed keeps the seed's words when marked <span class="seed">…</span>.
#   ci/typography.sh [FILE.md|DIR...]  `file:line: …` per problem (default src/; the
#                                      glossary is the glossary.md among them, else src/'s)
#   ci/typography.sh --self-test       each case in ci/gates/cases/typography/ caught
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/gates/common.sh
gates_need_python
if [[ ${1:-} == --self-test ]]; then
  gates_self_test ci/typography.sh ci/gates/cases/typography/*
  exit
fi
mapfile -t files < <(gates_markdown_files "$@")
exec python3 ci/gates/typography.py "${files[@]}"
