#!/usr/bin/env bash
# Runs the README's test command several times in a fresh clone of the committed
# tree and counts the passes, to show the tests do not flake (thread orders,
# timers). With --busy, a busy loop per core competes with every run. With
# --threaded, each run is only the tests of the listings that run more than one
# thread or process (their programs name one of THREADED below), which is far
# quicker than the whole suite; the end says how often each of them passed.
#
# Usage: ci/repeat.sh [runs] [--busy] [--threaded]   (default 10 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=10 busy=false threaded=false
for arg in "$@"; do
  case $arg in
    --busy) busy=true ;;
    --threaded) threaded=true ;;
    *) runs=$arg ;;
  esac
done
work=$(mktemp -d)
loops=()
cleanup() { ((${#loops[@]})) && kill "${loops[@]}" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
git clone --quiet . "$work/book"
cd "$work/book"
command=(cargo test --locked)
if $threaded; then
  # Threads, processes, thread pools, and tokio tasks (spawned onto the runtime's
  # worker threads). Rejected listings (rustc.txt) are only compiled, never run.
  THREADED='threading|concurrent\.futures|multiprocessing|to_thread|run_in_executor|thread::|rayon|spawn'
  tests=()
  for dir in listings/*/listing-*/; do
    [[ -e ${dir}rustc.txt ]] && continue
    if grep -qE "$THREADED" "$dir"main.* 2>/dev/null; then
      name=$(basename "$dir")
      tests+=("${name//-/_}")
    fi
  done
  echo "threaded listings (${#tests[@]}): ${tests[*]}"
  command=(cargo test --locked --test book -- --exact "${tests[@]}")
fi
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
  if "${command[@]}" >"$work/run-$run.log" 2>&1; then
    passed=$((passed + 1))
    echo "run $run: ok ($(grep -c '\.\.\. ok$' "$work/run-$run.log") tests ok)"
  else
    mkdir -p "$root/target/repeat" && cp "$work/run-$run.log" "$root/target/repeat/"
    echo "run $run: FAILED (log: target/repeat/run-$run.log)"
    grep -E '^test .* FAILED|panicked|^(src|listings)/' "$work/run-$run.log" | head -20 || true
  fi
done
if $threaded; then
  # How often each test passed, fewest first.
  cat "$work"/run-*.log | sed -n 's/^test \(.*\) \.\.\. \(ok\|FAILED\)$/\1 \2/p' |
    awk '{ runs[$1]++; if ($2 == "ok") ok[$1]++ }
      END { for (t in runs) printf "%s: %d of %d passed\n", t, ok[t], runs[t] }' | sort -t: -k2n
fi
scope="the whole suite"
$threaded && scope="the ${#tests[@]} threaded listings"
echo "repeat: $passed of $runs runs of $scope passed (busy cores: $busy)"
((passed == runs))
