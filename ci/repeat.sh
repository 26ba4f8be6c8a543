#!/usr/bin/env bash
# Runs the README's test command several times in a fresh clone of the committed
# tree and counts the passes, to show the tests do not flake (thread orders,
# timers). With --busy, a busy loop per core competes with every run.
#
# Usage: ci/repeat.sh [runs] [--busy]   (default 10 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=10 busy=false
for arg in "$@"; do
  case $arg in
    --busy) busy=true ;;
    *) runs=$arg ;;
  esac
done
work=$(mktemp -d)
loops=()
cleanup() { ((${#loops[@]})) && kill "${loops[@]}" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
git clone --quiet . "$work/book"
cd "$work/book"
if $busy; then
  for _ in $(seq "$(nproc)"); do
    (while :; do :; done) &
    loops+=($!)
  done
fi
# Every run runs every listing: no pass remembered from the run before (tests/book/passed.rs).
export BOOK_RERUN=1
passed=0
for run in $(seq "$runs"); do
  if cargo test --locked >"$work/run-$run.log" 2>&1; then
    passed=$((passed + 1))
    echo "run $run: ok ($(grep -c '\.\.\. ok$' "$work/run-$run.log") tests ok)"
  else
    mkdir -p "$root/target/repeat" && cp "$work/run-$run.log" "$root/target/repeat/"
    echo "run $run: FAILED (log: target/repeat/run-$run.log)"
    grep -E '^test .* FAILED|panicked|^(src|listings)/' "$work/run-$run.log" | head -20 || true
  fi
done
echo "repeat: $passed of $runs runs passed (busy cores: $busy)"
((passed == runs))
