#!/usr/bin/env bash
# Runs the pinned mdBook with the given arguments (`ci/mdbook.sh serve --open`),
# installing it first into target/mdbook if the one on PATH is another version.
set -euo pipefail
cd "$(dirname "$0")/.."
version=0.5.4
mdbook=mdbook
if [[ "$(mdbook --version 2>/dev/null)" != "mdbook v$version" ]]; then
  mdbook=target/mdbook/bin/mdbook
  if [[ "$("$mdbook" --version 2>/dev/null)" != "mdbook v$version" ]]; then
    echo "ci/mdbook.sh: installing mdBook $version into target/mdbook (a few minutes, once)" >&2
    cargo install mdbook --version "=$version" --locked --root target/mdbook
  fi
fi
# The repository's address on every page (mdBook's git-repository-url) when it is known:
# GitHub Actions' GITHUB_SERVER_URL/GITHUB_REPOSITORY or BOOK_REPOSITORY_URL (ci/workshop/book.py).
url=$(python3 ci/workshop/book.py url)
if [[ -n $url ]]; then export MDBOOK_OUTPUT__HTML__GIT_REPOSITORY_URL=$url; fi
exec "$mdbook" "$@"
