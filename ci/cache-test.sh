#!/usr/bin/env bash
# Proves that the pass cache of `cargo test` (tests/book/passed.rs) cannot hide a
# change: in a copy of the committed tree, after a run that fills the cache and a
# warm run that must run nothing, each input of the key is changed in turn and the
# runs it decides must be made again (BOOK_RUN_LOG lists the runs really made).
#
# Usage: ci/cache-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source ci/scratch-copy.sh
copy_of_head "$work/book"
cd "$work/book"
l0303=listings/ch03-async-await/listing-03-03
python_listings=$(ls listings/*/*/main.py | wc -l)
rust_listings=$(ls listings/*/*/main.rs | wc -l)

# runs LOG: `cargo test --test book` with the run log (its verdict is not the point here).
runs() { rm -f "$work/$1"; BOOK_RUN_LOG="$work/$1" cargo test --locked --quiet --test book >"$work/$1.out" 2>&1 || true; touch "$work/$1"; }
failed=0
# expect NAME LOG PATTERN MIN: at least MIN runs in LOG match PATTERN.
expect() {
  local made
  made=$(grep -c -- "$3" "$work/$2" || true)
  if ((made >= $4)); then
    echo "ok   $1: $made runs made again"
  else
    echo "FAIL $1: $made runs match «$3», expected at least $4 (runs made: $(wc -l <"$work/$2"))"
    tail -20 "$work/$2.out"
    failed=1
  fi
}

# Passes remembered by an earlier cache-test (the copies share target/selftest) would
# include this script's own edits and hide them: start from none.
rm -rf "$CARGO_TARGET_DIR/tmp/passed"
BOOK_RERUN=1 runs fill
runs warm
if [[ -s "$work/warm" ]]; then
  echo "FAIL warm: nothing changed, yet runs were made:"; head "$work/warm"; failed=1
else
  echo "ok   warm: nothing changed, no run made"
fi

echo '# правка' >>"$l0303/main.py"
runs python-program
expect python-program python-program "python .* $l0303/main.py" 1
git -C "$root" show "HEAD:$l0303/main.py" >"$l0303/main.py"

sed -i 's/^/ /' "$l0303/output.txt"
runs output
expect "output (Python)" output "python .* $l0303/main.py" 1
expect "output (Rust)" output "rust $l0303/main.rs" 1
git -C "$root" show "HEAD:$l0303/output.txt" >"$l0303/output.txt"

echo '// правка' >>"$l0303/main.rs"
runs rust-program
expect rust-program rust-program "rust $l0303/main.rs" 1
git -C "$root" show "HEAD:$l0303/main.rs" >"$l0303/main.rs"

# A python3.11 that reports another release: every Python listing runs on it again.
real=$(python3.11 -c 'import sys; print(sys.executable)')
mkdir -p "$work/fake-bin"
cat >"$work/fake-bin/python3.11" <<SH
#!/usr/bin/env bash
if [[ \$1 == -c && \$2 == *version_info* ]]; then echo 3.11.99; else exec "$real" "\$@"; fi
SH
chmod +x "$work/fake-bin/python3.11"
PATH="$work/fake-bin:$PATH" runs interpreter
# (a test module logs «python -m unittest 3.11.99 …»)
expect "interpreter version" interpreter "3.11.99 listings/" "$python_listings"

echo '# правка' >>Cargo.lock
runs lock
expect "Cargo.lock (Python)" lock "^python " "$python_listings"
expect "Cargo.lock (Rust)" lock "^rust " "$rust_listings"
git -C "$root" show HEAD:Cargo.lock >Cargo.lock

echo '// правка' >>tests/book/compare.rs
runs harness
expect "harness" harness "^rust " "$rust_listings"
git -C "$root" show HEAD:tests/book/compare.rs >tests/book/compare.rs

exit $failed
