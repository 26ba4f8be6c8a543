#!/usr/bin/env bash
# Prints how long the book's checks take on this machine. Reports, never asserts:
# nothing here fails because the machine is slow.
#
# Works in a copy of the committed tree with its own empty target directory,
# so the first `cargo test` is really cold.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git archive HEAD | tar -x -C "$work"
cd "$work"
export CARGO_TARGET_DIR="$work/target"

seconds() { # run a command quietly, print its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}
row() { printf '%-58s %8s s\n' "$1" "$2"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(rustc --version)"
cold=$(seconds cargo test --locked)
row "cargo test --locked, cold (empty target dir)" "$cold"
warm=$(seconds cargo test --locked)
row "cargo test --locked, warm (nothing changed)" "$warm"

sed -i 's|// имитация асинхронной операции|// имитация асинхронной операции (правка)|' listings/ch03-async-await/listing-03-03/main.rs
row "cargo test --locked, after editing one listing" "$(seconds cargo test --locked)"

# One more tokio snippet: its test alone, first run (skeptic compiles it) minus
# an already-cached listing's test alone, against bare rustc + run of the same file.
new=listings/ch03-async-await/listing-03-99
mkdir -p "$new"
cat >"$new/main.rs" <<'RUST'
#[tokio::main]
async fn main() {
    let answer = tokio::spawn(async { 6 * 7 }).await.unwrap();
    println!("{answer}");
}
RUST
echo 42 >"$new/output.txt"
cp src/ch03-async-await.md "$work/ch03.md"
cat >>src/ch03-async-await.md <<'MD'

<figure class="listing" id="listing-3-99">
<figcaption>Листинг 3-99 — Rust: <code>listings/ch03-async-await/listing-03-99/main.rs</code></figcaption>

```rust
{{#rustdoc_include ../listings/ch03-async-await/listing-03-99/main.rs}}
```

</figure>

<figure class="output">
<figcaption>Вывод листинга 3-99: <code>listings/ch03-async-await/listing-03-99/output.txt</code></figcaption>

```text
{{#include ../listings/ch03-async-await/listing-03-99/output.txt}}
```

</figure>
MD
cargo test --locked --no-run -q 2>/dev/null
# Both select every workspace member, as `cargo test --locked` does: selecting
# only the book's package unifies dependency features differently and rebuilds them.
first=$(seconds cargo test --locked -- --exact listing_03_99)
cached=$(seconds cargo test --locked -- --exact listing_03_01)
deps="$CARGO_TARGET_DIR/debug/deps"
tokio_rlib=$(ls "$deps"/libtokio-*.rlib | head -1)
bare=$(seconds bash -c "rustc --edition=2024 -L '$deps' --extern tokio='$tokio_rlib' $new/main.rs -o '$work/bare' && '$work/bare'")
marginal=$(python3 -c "print(f'{$first - $cached:.2f}')")
row "one more tokio snippet, marginal (its test minus a cached one)" "$marginal"
row "the same snippet, bare rustc compile + run" "$bare"
printf '%-58s %8s\n' "ratio" "$(python3 -c "print(f'{$marginal / $bare:.2f}')")x"

rm -rf "$new" && cp "$work/ch03.md" src/ch03-async-await.md
mdbook=$root/ci/mdbook.sh
row "mdbook build, first (compiles the search-ru backend)" "$(seconds "$mdbook" build "$work")"
ours=$(seconds "$mdbook" build "$work")
row "mdbook build, Russian search + theme" "$ours"
site=$(ci/build.sh 2>/dev/null | tail -1)
index=$(ls "$site"/searchindex-*.js)
stock=$(mktemp -d)
trap 'rm -rf "$work" "$stock"' EXIT
ci/stock-book.sh "$stock"
plain=$(seconds "$mdbook" build "$stock")
row "mdbook build, stock mdBook (ci/stock-book.sh)" "$plain"
printf '%-58s %8s\n' "ratio" "$(python3 -c "print(f'{$ours / $plain:.2f}')")x"
printf '%-58s %8s\n' "built site ($site)" "$(du -sh "$site" | cut -f1)"
printf '%-58s %8s\n' "built site, stock" "$(du -sh "$stock/book" | cut -f1)"
printf '%-58s %8s\n' "search index, Russian" "$(du -k "$index" | cut -f1) KiB"
printf '%-58s %8s\n' "search index, stock" "$(du -k "$stock"/book/searchindex-*.js | cut -f1) KiB"
