#!/usr/bin/env bash
# The `[output.search-ru]` command of book.toml. mdBook runs it in the output
# folder (book/search-ru, or under `mdbook build -d DIR`), where cargo would not
# find this workspace: so run cargo from the repository root. stdin (mdBook's
# RenderContext) passes through to the backend. A target dir of its own, so a
# rebuild under `mdbook serve` never waits for a `cargo test` holding target/'s
# lock; the dev profile, as indexing the book takes 0.1 s even unoptimised.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet --locked --target-dir target/search-ru -p search-ru
