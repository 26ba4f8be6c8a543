#!/usr/bin/env bash
# Runs the commands chapter 8 («Как собрать модуль») gives readers, as a reader
# would: each ```console block of that section in a fresh copy of listing 8-1's
# folder (its Cargo.toml, src/ and main.py; Cargo.lock added so the crates are the
# tested ones), then the listing's main.py against its output.txt. `cargo test`
# builds the module its own way (tests/book/extension.rs); this checks the page.
#   ci/extension-build.sh              every block, then main.py
#   ci/extension-build.sh --self-test  a wrong command in a copy of the chapter fails
# `pip install maturin` runs as shown, after the version ci/maturin-requirements.txt
# pins (with its hash) is installed into the same venv, so it changes nothing; the
# chapter must name that version (the preface's table is held to it by the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
chapter=src/ch08-rust-from-python.md
listing=listings/ch08-rust-from-python/listing-08-01
python=$(python3 -c 'import sys; print(sys.executable)')

# The ```console blocks of the section, one file per block (its `$ ` lines).
blocks() { # CHAPTER OUT_DIR
  python3 - "$1" "$2" <<'PY'
import re, sys
chapter, out = sys.argv[1:]
lines = open(chapter, encoding="utf-8").read().split("\n")
start = next((i for i, l in enumerate(lines) if l == "## Как собрать модуль"), None)
if start is None:
    sys.exit(f"{chapter}:1: нет раздела «## Как собрать модуль»")
count, block = 0, None
for number, line in enumerate(lines[start + 1:], start + 2):
    if line.startswith("## "):
        break
    if line == "```console":
        block = []
    elif line == "```" and block is not None:
        if not block:
            sys.exit(f"{chapter}:{number}: пустой блок console")
        count += 1
        open(f"{out}/{count}.sh", "w").write("\n".join(block) + "\n")
        block = None
    elif block is not None:
        if not line.startswith("$ "):
            sys.exit(f"{chapter}:{number}: в блоке console строка без «$ »: {line}")
        block.append(line[2:])
if count == 0:
    sys.exit(f"{chapter}:{start + 1}: в разделе нет блоков console")
PY
}

# check CHAPTER: every block of CHAPTER builds a module main.py imports.
check() {
  local chapter=$1 work block folder version
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  mkdir "$work/blocks"
  blocks "$chapter" "$work/blocks"
  version=$(sed -n 's/^maturin==\([0-9.]*\) .*/\1/p' ci/maturin-requirements.txt)
  grep -q "maturin ${version%.*}" "$chapter" ||
    { echo "$chapter:1: глава не называет maturin ${version%.*} из ci/maturin-requirements.txt" >&2; return 1; }
  for block in "$work/blocks"/*.sh; do
    folder="$work/$(basename "$block" .sh)"
    mkdir "$folder"
    cp -r "$listing/Cargo.toml" "$listing/src" "$listing/main.py" "$folder"
    cp Cargo.lock "$folder"
    # one build folder for every copy (cargo's and maturin's ./target), so only
    # the first block compiles PyO3
    mkdir -p "$root/target/extension-build"
    ln -s "$root/target/extension-build" "$folder/target"
    echo "--- $chapter, блок $(basename "$block" .sh):" && sed 's/^/$ /' "$block"
    # The reader's shell: commands run one by one in the copy, with what the
    # previous ones set up (an activated venv); the pinned maturin goes in first.
    if ! (cd "$folder" && PATH="$(dirname "$python"):$PATH" bash -e -c "
        unset CARGO_TARGET_DIR
        pip() { if [[ \$* == 'install maturin' ]]; then
                  command pip install -q --require-hashes --no-deps -r '$root/ci/maturin-requirements.txt'; fi
                command pip \"\$@\"; }
        $(cat "$block")
        python3 main.py >'$work/out.txt'"); then
      echo "$chapter: блок $(basename "$block" .sh) не собрал модуль, который импортирует main.py" >&2
      return 1
    fi
    diff -u "$listing/output.txt" "$work/out.txt" ||
      { echo "$chapter: после блока $(basename "$block" .sh) main.py печатает не $listing/output.txt" >&2; return 1; }
  done
  echo "ci/extension-build.sh: $(ls "$work/blocks" | wc -l) блока команд из $chapter собирают модуль листинга 8-1"
}

if [[ ${1:-} == --self-test ]]; then
  broken=$(mktemp)
  trap 'rm -f "$broken"' EXIT
  sed 's|^\$ cp target/release/libprimes.so primes.abi3.so|$ cp target/release/libprimes.so primes.so.bak|' "$chapter" >"$broken"
  cmp -s "$chapter" "$broken" && { echo "self-test: the chapter's cp command was not found" >&2; exit 1; }
  if check "$broken" >/dev/null 2>&1; then
    echo "self-test: a block that builds no importable module passed" >&2
    exit 1
  fi
  echo "ci/extension-build.sh --self-test: a wrong command fails"
  exit
fi
check "$chapter"
