# Sourced (after `root=$PWD` at the repository's root) by the scripts that test a copy
# of the committed tree: ci/selftest.sh, ci/cache-test.sh, ci/bless.sh --self-test.
# $work is a fresh temporary folder, removed on exit. The copies share compiled
# dependencies through target/selftest, so only the book package rebuilds.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$root/target/selftest"

# copy_of_head DIR: HEAD's files in DIR (emptied first). -m gives them the time of
# extraction, newer than the last build, so cargo sees them as changed.
copy_of_head() {
  rm -rf "$1" && mkdir -p "$1"
  git -C "$root" archive HEAD | tar -x -m -C "$1"
}
