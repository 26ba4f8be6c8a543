#!/usr/bin/env bash
# Builds the deployable site with the pinned mdBook (ci/mdbook.sh) and prints its folder,
# relative to the repository root: book/ while HTML is the book's only renderer, book/html/
# when book.toml adds another (mdBook then gives each renderer a folder of its own).
# The book itself (no BOOK_DIR) also gets its PDF and EPUB in that folder (ci/print.sh).
#   ci/build.sh [BOOK_DIR [BUILD_DIR]]   another book, or another build folder (for tests), no PDF/EPUB
#   ci/build.sh --where [BOOK_DIR]       only print the folder of a book already built
set -euo pipefail
cd "$(dirname "$0")/.."
build=true
if [[ "${1:-}" == --where ]]; then build=false; shift; fi
book=${1:-.}
dest=()
if (($# > 1)); then dest=(--dest-dir "$PWD/$2"); fi
# This book (not a test book) links «Скачать проект» to the archives built below.
if $build && [[ $book == . ]]; then export BOOK_PROJECTS=1; fi
if $build; then ci/mdbook.sh build "$book" "${dest[@]}" >&2; fi
site=$(python3 - "$book" "${2:-}" <<'PY'
import os, sys, tomllib
book, build_dir = sys.argv[1:]
config = tomllib.load(open(os.path.join(book, "book.toml"), "rb"))
if not build_dir:
    build_dir = os.path.normpath(os.path.join(book, config.get("build", {}).get("build-dir", "book")))
outputs = config.get("output", {}) or {"html": {}}
site = os.path.join(build_dir, "html") if len(outputs) > 1 else build_dir
if not os.path.isfile(os.path.join(site, "index.html")):
    sys.exit(f"ci/build.sh: {site}/index.html не собран")
print(site)
PY
)
# Each runnable Rust listing as a project to download (ci/workshop/projects.py).
if [[ ${BOOK_PROJECTS:-} == 1 ]]; then python3 ci/workshop/projects.py archives "$site" >&2; fi
if $build && (($# == 0)); then ci/print.sh "$site" >&2; fi
# What is published must not carry the builder's paths (the PDF's are compressed).
if $build && leaks=$(grep -rlF --exclude='*.pdf' --exclude='*.epub' "$PWD/" "$site"); then
  echo "ci/build.sh: the built site names this machine's folder $PWD/ in:" $leaks >&2
  exit 1
fi
echo "$site"
