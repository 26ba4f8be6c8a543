#!/usr/bin/env bash
# Every «Скачать проект» archive of the built site unpacked and built offline with its
# own Cargo.lock (one shared target dir); one pair run and compared with the book.
#   ci/projects.sh [SITE]   default: the site ci/build.sh built
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 ci/workshop/projects.py check "${1:-$(ci/build.sh --where)}"
