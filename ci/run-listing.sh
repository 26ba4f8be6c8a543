#!/usr/bin/env bash
# Runs one listing from a clone and shows what its programs print beside what the book
# shows; the exit code says whether they match. Needs python3 (3.9+) and cargo.
#   ci/run-listing.sh 5-8           both programs of listing 5-8 (Python, then Rust)
#   ci/run-listing.sh 5-8 rust      one of them (python | rust)
#   ci/run-listing.sh --list        every listing and what runs it
#   ci/run-listing.sh --self-test   every listing a chapter shows is reachable by its number
# PYTHON=python3.13 picks the interpreter. Rust programs build in target/projects/
# (ci/workshop/run.py).
set -euo pipefail
exec python3 "$(dirname "$0")/workshop/run.py" "$@"
