#!/usr/bin/env bash
# The `[output.search-ru]` command of book.toml. mdBook runs it in the output
# folder (book/search-ru, or under `mdbook build -d DIR`), where cargo would not
# find this workspace: so run cargo from the repository root. stdin (mdBook's
# RenderContext) passes through to the backend.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet --locked --release -p search-ru
