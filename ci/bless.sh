#!/usr/bin/env bash
# Rewrites the outputs a listing shows from real runs of its programs
# (tests/book/bless.rs says exactly what it writes and what it never removes),
# then prints `git status` of listings/ so the author sees what changed.
#
# Usage: ci/bless.sh [--runs N] [--busy] [listing…]   (listing: listing-02-04 or
#        listing_02_04; none: every listing)
#        ci/bless.sh --self-test   (in a copy: a broken output, a broken rustc.txt
#        and a broken panic.txt are restored; a second bless changes nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs="" busy=false names=()
while (($#)); do
  case $1 in
    --runs) runs=$2; shift ;;
    --busy) busy=true ;;
    --self-test) self_test=true ;;
    *) names+=("${1//-/_}") ;;
  esac
  shift
done

bless() { # bless the given test names (none: every listing) in the current directory
  # one filter per run: the book's test binary (libtest-mimic) takes only one
  local filters=("$@")
  ((${#filters[@]})) || filters=("")
  for filter in "${filters[@]}"; do
    BOOK_BLESS=1 BOOK_RERUN=1 ${runs:+BOOK_BLESS_RUNS=$runs} \
      cargo test --locked --quiet --test book -- ${filter:+"$filter"} 2>&1 |
      grep -vE '^(running|test result|$)|^\.+$|^test .* ok$' || true
  done
}

if [[ ${self_test:-} ]]; then
  source ci/scratch-copy.sh
  copy_of_head "$work/book"
  cd "$work/book"
  git init -q && git add -A && git -c user.name=bless -c user.email=bless@localhost commit -qm copy
  l=listings/ch02-asyncio-vs-threads/listing-02-01
  sed -i '1s/.*/сломано/' "$l/output.txt"
  sed -i 's/E0752/E9999/' listings/ch03-async-await/listing-03-04/rustc.txt
  sed -i 's/LocalSet/LocalSett/' listings/ch05-rust-differences/listing-05-15/panic.txt
  bless listing_02_01 listing_03_04 listing_05_15 >/dev/null
  if ! git diff --exit-code --stat; then echo "FAIL bless: broken files were not restored"; exit 1; fi
  echo "ok   bless restores a broken output.txt, rustc.txt and panic.txt"
  runs=1 bless >/dev/null
  if [[ -n $(git status --porcelain) ]]; then echo "FAIL bless: a second bless of an unchanged book changed:"; git status --short; exit 1; fi
  echo "ok   bless of the whole unchanged book changes nothing"
  exit 0
fi

loops=()
trap '((${#loops[@]})) && kill "${loops[@]}" 2>/dev/null' EXIT
if $busy; then
  for _ in $(seq "$(nproc)"); do (while :; do :; done) & loops+=($!); done
fi
bless "${names[@]}"
git status --short listings/
