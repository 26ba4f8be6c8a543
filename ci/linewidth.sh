#!/usr/bin/env bash
# Line width of the programs the book shows: no line of a listing's main.rs or main.py
# wider than 80 columns, so that at 1280 px the code box shows every line whole
# (a comment that does not fit goes onto its own line). Outputs (output*.txt,
# rustc.txt, panic.txt) are what a program or rustc prints, compared verbatim by
# the tests, and are not held to it. Rust code lines are also kept within 80 by
# rustfmt itself: .ci/run checks the listings with `rustfmt --config max_width=80`.
#   ci/linewidth.sh [FILE|DIR...]  `file:line: …` per line too wide (default listings/;
#                                  a folder means its .rs and .py files)
#   ci/linewidth.sh --self-test    each case in ci/gates/cases/linewidth/ caught
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ${1:-} == --self-test ]]; then
  source ci/gates/common.sh
  gates_self_test ci/linewidth.sh ci/gates/cases/linewidth/*
  exit
fi
(($#)) || set -- listings
exec python3 - "$@" <<'PY'
import os, sys, unicodedata

LIMIT = 80

def width(line):
    # columns as a monospace font draws them: a tab to the next multiple of 8 (the
    # browser's tab-size), East Asian wide characters as two
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in line.expandtabs(8))

files = []
for arg in sys.argv[1:]:
    if os.path.isdir(arg):
        for root, dirs, names in os.walk(arg):
            dirs.sort()
            files += sorted(os.path.join(root, n) for n in names if n.endswith((".rs", ".py")))
    elif os.path.isfile(arg):
        files.append(arg)
    else:
        sys.exit(f"{arg}:1: файла нет")
problems = 0
for path in files:
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            columns = width(line.rstrip("\n"))
            if columns > LIMIT:
                print(f"{path}:{number}: строка длиннее {LIMIT} знаков ({columns}): "
                      "перенесите комментарий на отдельную строку или разбейте код")
                problems += 1
if problems:
    sys.exit(1)
PY
