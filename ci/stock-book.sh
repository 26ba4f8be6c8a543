#!/usr/bin/env bash
# Copies the book into DIR as stock mdBook would build it: no theme/, no output
# but html, none of the html keys that bring this repository's theme in. Used to
# measure the same book before and after (ci/lighthouse.sh, ci/bench.sh).
#   ci/stock-book.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: ci/stock-book.sh DIR}
mkdir -p "$dir"
# The book includes files from all over the repository (Cargo.toml, listings/).
tar --exclude=./target --exclude=./book --exclude=./theme --exclude=./.git --exclude=node_modules -cf - . | tar -xf - -C "$dir"
awk '
  /^\[/ { keep = ($0 !~ /^\[output\./ || $0 ~ /^\[output\.html[].]/) }
  keep && !/^[[:space:]]*(additional-js|additional-css|theme|input-404)[[:space:]]*=/
' book.toml >"$dir/book.toml"
