#!/usr/bin/env bash
# Prints how `cargo test --locked` scales with the number of listings: in a copy of a
# commit with N generated listings added (a tokio task ↔ an asyncio task printing a
# number; every tenth a rejected Rust block with its rustc.txt), the time of a run
# with dependencies compiled but no listing compiled or run before (cold), with
# nothing changed (warm), after editing one listing, after editing prose only.
# Reports, never asserts.
#
# Usage: ci/scale.sh [--ref COMMIT] [N…]   (default: HEAD, N = 0 100 600)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
ref=HEAD sizes=()
while (($#)); do
  case $1 in
    --ref) ref=$2; shift ;;
    *) sizes+=("$1") ;;
  esac
  shift
done
((${#sizes[@]})) || sizes=(0 100 600)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Its own target dir, so dependencies stay compiled from one N to the next.
export CARGO_TARGET_DIR="$root/target/scale"
unset BOOK_RERUN

seconds() { # run a command quietly, print its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >"$work/last.log" 2>&1 || { tail -30 "$work/last.log"; exit 1; }
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.1f}')"
}

echo "machine: $(nproc) cores, $(rustc --version); commit $(git rev-parse --short "$ref")"
printf '%6s %10s %10s %14s %12s %22s\n' N cold warm "one listing" "prose only" "cold per listing"
for n in "${sizes[@]}"; do
  rm -rf "$work/book" && mkdir "$work/book"
  git archive "$ref" | tar -x -m -C "$work/book"
  cd "$work/book"
  rejected=$(grep -qs rustc.txt build/lints.rs tests/book/lints.rs && echo yes || echo no)
  python3 - "$n" "$rejected" <<'PY'
import sys
from pathlib import Path
n, rejected = int(sys.argv[1]), sys.argv[2] == "yes"
folder = Path("listings/ch90-scale")
page = ["# Листинги для замера\n"]
for k in range(1, n + 1):
    d = folder / f"listing-90-{k:03}"
    d.mkdir(parents=True)
    path = f"../{d}"
    if rejected and k % 10 == 0:
        (d / "main.rs").write_text(f'fn main() {{\n    let n: u32 = "{k}";\n    println!("{{n}}");\n}}\n')
        (d / "rustc.txt").write_text("error[E0308]: mismatched types\n")
        page.append(f"""
<figure class="listing" id="listing-90-{k}-rust">
<figcaption>Листинг 90-{k} — Rust: <code>{d}/main.rs</code></figcaption>

```rust,compile_fail,E0308
{{{{#rustdoc_include {path}/main.rs}}}}
```

</figure>

<figure class="output" id="listing-90-{k}-rustc">
<figcaption>Ответ компилятора на листинг 90-{k}: <code>{d}/rustc.txt</code></figcaption>

```text
{{{{#include {path}/rustc.txt}}}}
```

</figure>
""")
        continue
    (d / "main.py").write_text(f"import asyncio\n\n\nasync def main():\n    print(await asyncio.create_task(asyncio.sleep(0, {k})))\n\n\nasyncio.run(main())\n")
    (d / "main.rs").write_text(f"#[tokio::main]\nasync fn main() {{\n    let n = tokio::spawn(async {{ {k} }}).await.unwrap();\n    println!(\"{{n}}\");\n}}\n")
    (d / "output.txt").write_text(f"{k}\n")
    for kind, lang, name in [("python", "Python", "main.py"), ("rust", "Rust", "main.rs")]:
        directive = "rustdoc_include" if lang == "Rust" else "include"
        page.append(f"""
<figure class="listing" id="listing-90-{k}-{kind}">
<figcaption>Листинг 90-{k} — {lang}: <code>{d}/{name}</code></figcaption>

```{kind}
{{{{#{directive} {path}/{name}}}}}
```

</figure>
""")
    page.append(f"""
<figure class="output" id="listing-90-{k}-output">
<figcaption>Вывод листинга 90-{k} (Python и Rust): <code>{d}/output.txt</code></figcaption>

```text
{{{{#include {path}/output.txt}}}}
```

</figure>
""")
if n:
    Path("src/ch90-scale.md").write_text("".join(page))
    summary = Path("src/SUMMARY.md")
    text = summary.read_text()
    marker = "\n---\n"
    summary.write_text(text.replace(marker, "- [Листинги для замера](ch90-scale.md)\n" + marker, 1))
PY
  cargo test --locked --no-run >"$work/last.log" 2>&1 || { tail -30 "$work/last.log"; exit 1; }
  # Snippets cold: no compiled listing, no remembered pass.
  rm -rf "$CARGO_TARGET_DIR/debug/.skeptic-bin" "$CARGO_TARGET_DIR/tmp/passed"
  cold=$(seconds cargo test --locked)
  warm=$(seconds cargo test --locked)
  if ((n)); then listing=listings/ch90-scale/listing-90-001/main.rs page=src/ch90-scale.md
  else listing=listings/ch03-async-await/listing-03-03/main.rs page=src/ch01-what-is-async.md; fi
  echo '// правка' >>"$listing"
  one=$(seconds cargo test --locked)
  printf '\nЕщё одно предложение.\n' >>"$page"
  prose=$(seconds cargo test --locked)
  per=$( ((n)) && python3 -c "print(f'{($cold - ${base_cold:-$cold}) / $n:.3f}')" || echo —)
  ((n)) || base_cold=$cold
  printf '%6s %9ss %9ss %13ss %11ss %21s\n' "$n" "$cold" "$warm" "$one" "$prose" "$per"
  cd "$root"
done
