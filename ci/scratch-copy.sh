# Sourced (after `root=$PWD` at the repository's root) by the scripts that test a copy
# of the committed tree: ci/selftest.sh, ci/cache-test.sh, ci/bless.sh --self-test.
# $work is a fresh temporary folder, removed on exit. The copies share compiled
# dependencies through target/selftest, so only the book package rebuilds. Not through
# the repository's target/: cargo fingerprints a path package relative to its root, so
# the test binary a copy built (reading the book from the copy) would pass as fresh
# for the repository's own sources (seen with cargo 1.95).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$root/target/selftest"

# copy_of_head DIR: HEAD's files in DIR (emptied first). -m gives them the time of
# extraction, newer than the last build, so cargo sees them as changed.
copy_of_head() {
  rm -rf "$1" && mkdir -p "$1"
  git -C "$root" archive HEAD | tar -x -m -C "$1"
}
