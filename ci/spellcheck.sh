#!/usr/bin/env bash
# Spelling of the book's prose: hunspell with Debian's ru_RU and en_US dictionaries plus
# ci/dictionary.txt (sorted, one word per line). Code blocks, inline code, URLs, HTML tags
# and {{#include}} directives are not prose: markdown-it-py parses the files.
#   ci/spellcheck.sh [FILE.md|DIR...]         `file:line: …` per unknown word (default src/,
#                                             where an unused dictionary word is reported too)
#   ci/spellcheck.sh --list [FILE.md|DIR...]  each unknown word once, to grow the dictionary
#   ci/spellcheck.sh --self-test              each case in ci/gates/cases/spellcheck/ caught
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/gates/common.sh
gates_need_hunspell
gates_need_python
mode=()
case "${1:-}" in
  --self-test) gates_self_test ci/spellcheck.sh ci/gates/cases/spellcheck/*; exit ;;
  --list) mode=(--list); shift ;;
  "") mode=(--whole-book) ;; # the whole book: a dictionary word it no longer uses is stale
esac
mapfile -t files < <(gates_markdown_files "$@")
exec python3 ci/gates/spellcheck.py "${mode[@]}" "${files[@]}"
