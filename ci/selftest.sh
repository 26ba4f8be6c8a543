#!/usr/bin/env bash
# Breaks the book once per kind of mistake the tests must catch, in a copy of
# the committed tree, and checks that `cargo test --locked` goes red with a
# message naming the file and line. A check that cannot fail guards nothing.
#
# Usage: ci/selftest.sh [case…]   (no case: all of them)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source ci/scratch-copy.sh

ch02=src/ch02-02-how-they-work.md
ch03=src/ch03-async-await.md
l0201=listings/ch02-asyncio-vs-threads/listing-02-01
l0303=listings/ch03-async-await/listing-03-03
l0304=listings/ch03-async-await/listing-03-04
l0505=listings/ch05-rust-differences/listing-05-12
l0506=listings/ch05-rust-differences/listing-05-13
l0507=listings/ch05-rust-differences/listing-05-15
ch0606=src/ch06-06-testing.md
l0653=listings/ch06-async-in-practice/listing-06-23
l0481=listings/ch04-named-examples/listing-04-10
ch08=src/ch08-rust-from-python.md
l0801=listings/ch08-rust-from-python/listing-08-01
l0803=listings/ch08-rust-from-python/listing-08-03
l0804=listings/ch08-rust-from-python/listing-08-04
# fence_of PAGE FILE: the line of the code fence that includes FILE, which the
# harness names (so a case survives text added above the listing)
fence_of() {
  awk -v file="$2" '/^```/ { if (open) open = 0; else { open = 1; fence = NR }; next }
    open && index($0, file) { print fence; exit }' "$1"
}
# line_of PAGE TEXT: the first line of PAGE that contains TEXT
line_of() { grep -nF -m1 -- "$2" "$1" | cut -d: -f1; }
l0401_output=listings/ch04-named-examples/listing-04-01/output.txt

# case name | what to break (a command run in the copy) | text the failure must contain
cases=(
  "compile-error|sed -i 's/task2());/task3());/' $l0201/main.rs|$ch02:$(fence_of $ch02 $l0201/main.rs): $l0201/main.rs не компилируется"
  "rustc-names-listing|sed -i 's/task2());/task3());/' $l0201/main.rs|--> $l0201/main.rs:$(line_of $l0201/main.rs 'task2());'):"
  "warning|sed -i 's/^async fn main() {/async fn main() { let unused = 1;/' $l0201/main.rs|unused variable"
  "panic|sed -i 's/say_hello().await;/say_hello().await; panic!(\"сломано\");/' $l0303/main.rs|$ch03:$(fence_of $ch03 $l0303/main.rs): $l0303/main.rs завершилась с ошибкой"
  "rust-output|sed -i 's/Hello, world!/Hello, Rust!/' $l0303/main.rs|$ch03:$(fence_of $ch03 $l0303/main.rs): $l0303/main.rs печатает не то"
  "python-output|sed -i 's/Hello, world!/Hello, Python!/' $l0303/main.py|$ch03:$(fence_of $ch03 $l0303/main.py): $l0303/main.py печатает не то"
  "thread-order|cd listings/ch02-asyncio-vs-threads/listing-02-04 && sed -i '3s/.*/End task1/;4s/.*/End task2/' output.txt output-2.txt|listing-02-04/main.rs печатает не то"
  "missing-include|sed -i 's#listing-03-03/main.py#listing-03-09/main.py#' $ch03|$ch03:$(fence_of $ch03 $l0303/main.py): {{#include ../listings/ch03-async-await/listing-03-09/main.py}}: файла"
  "missing-include-in-prose|sed -i '1a {{#include nope.md}}' $ch03|$ch03:2: {{#include nope.md}}: файла src/nope.md нет"
  "unknown-anchor|sed -i 's/main.py:fragment/main.py:fragmnet/' $ch03|$ch03:$(fence_of $ch03 listing-03-01/main.py:fragment): в listings/ch03-async-await/listing-03-01/main.py нет якоря «fragmnet»"
  "unpaired-python|python3 -c 'import re,sys; p=\"$ch03\"; s=open(p).read(); s=re.sub(r\"<figure class=\\\"listing\\\" id=\\\"listing-3-3-rust\\\">.*?</figure>\", \"\", s, flags=re.S); open(p,\"w\").write(s)'|$ch03:$(fence_of $ch03 $l0303/main.py): листинг на Python $l0303/main.py показан без пары на Rust"
  "orphan|touch $l0303/notes.txt|$l0303/notes.txt:1: файл не показан ни на одной странице"
  "compile-fail-compiles|sed -i 's/^async fn main/#[tokio::main] async fn main/' listings/ch03-async-await/listing-03-04/main.rs|помечен compile_fail, но компилируется"
  "compile-fail-other-reason|sed -i 's/tokio::spawn(/tokio::spwn(/' $l0506/main.rs|rustc печатает не то, что показано в $l0506/rustc.txt"
  "rustc-wording|sed -i 's/may outlive borrowed value/may outlive the borrowed value/' $l0505/rustc.txt|rustc печатает не то, что показано в $l0505/rustc.txt"
  "compile-fail-unexplained|rm $l0304/rustc.txt && sed -i '\\#$l0304/rustc.txt#d' $ch03|блок помечен compile_fail: покажите под ним $l0304/rustc.txt"
  "test-module-rust|sed -i 's/from_secs(3599)).await/from_secs(3601)).await/' $l0653/main.rs|$ch0606:$(fence_of $ch0606 $l0653/main.rs): $l0653/main.rs: тесты не прошли"
  "test-module-python|sed -i 's/call_later(3599/call_later(3601/' $l0653/main.py|$ch0606:$(fence_of $ch0606 $l0653/main.py): $l0653/main.py: тесты не прошли на Python"
  "panic-message|sed -i 's/LocalSet/LocalSett/' $l0507/panic.txt|программа печатает в stderr не то, что показано в $l0507/panic.txt"
  "search-ru-yo|sed -i \"s#token = token.replace(/ё/g, 'е');##\" theme/search-ru/stemmer-ru-en.js|строк дают в браузере не те поисковые термины"
  "python-too-new|sed -i 's/    await say_hello()/    async with asyncio.timeout(5):\\n        await say_hello()/' $l0303/main.py|$ch03:$(fence_of $ch03 $l0303/main.py): $l0303/main.py на Python 3.9."
  "python-since-unpromised|sed -i 's#Листинг 3-3 — Python: #Листинг 3-3 — Python 3.8+: #' $ch03|$ch03:$(fence_of $ch03 $l0303/main.py): подпись говорит «Python 3.8+»"
  "versions-table|sed -i '/^. .tokio. /s/[0-9][0-9.]*[0-9]/1.0.0/' src/preface.md|src/preface.md:$(line_of src/preface.md '| `tokio` |'): в таблице версий tokio — «1.0.0»"
  "quiz-wrong-is-output|sed -i 's/^<coroutine object say_hello at 0x7f3a2c1b5e40>\$/Hello, world!/' $ch03|$ch03:$(line_of $ch03 '<coroutine object say_hello at 0x7f3a2c1b5e40>'): «неверный» вариант 1 совпадает с $l0303/output.txt"
  "quiz-key-not-output|sed -i '0,\\#$l0401_output#s##listings/ch04-named-examples/listing-04-02/output.txt#' src/ch04-01-thread-pool.md|src/ch04-01-thread-pool.md:$(line_of src/ch04-01-thread-pool.md $l0401_output): ответ — не вывод листинга 4-1"
  "web-route-python|sed -i 's#\"/items/{item_id}/stock\"#\"/items/{item_id}/stok\"#' $l0481/main.py|$l0481/main.py печатает не то"
  "web-route-rust|sed -i 's#\"/items/{id}/stock\"#\"/items/{id}/stok\"#' $l0481/main.rs|$l0481/main.rs печатает не то"
  "caption|sed -i 's#Листинг 3-3 — Rust: <code>$l0303/main.rs</code>#Листинг 3-3 — Rust#' $ch03|$ch03:$(fence_of $ch03 $l0303/main.rs): подпись над блоком не называет файл"
  "extension-compile-error|sed -i 's/(2..limit).filter/(2..limit).fliter/' $l0801/src/lib.rs|$ch08:$(fence_of $ch08 $l0801/src/lib.rs): модуль расширения $l0801/src/lib.rs не собирается"
  "extension-warning|sed -i 's/^    fn count(limit: u64) -> usize {/&\\n        let unused = 1;/' $l0801/src/lib.rs|unused variable"
  "extension-not-importable|sed -i 's/^mod primes {/mod primes2 {/' $l0801/src/lib.rs|$ch08:$(fence_of $ch08 $l0803/main.py): $l0803/main.py на Python"
  "extension-output|sed -i 's/^168 168$/168 169/' $l0801/output.txt|$ch08:$(fence_of $ch08 $l0801/main.py): $l0801/main.py печатает не то"
  "extension-panic-message|sed -i 's/а не с 0/а не с нуля/' $l0804/panic.txt|не напечатала в stderr строк, которые показаны в $l0804/panic.txt"
  "extension-unpaired|sed -i '/listing-08-01\\/Cargo.toml/d' $ch08|модуль расширения $l0801/src/lib.rs показан без Cargo.toml"
)

wanted=("$@")
failed=0
for case in "${cases[@]}"; do
  IFS='|' read -r name breakage expected <<<"$case"
  if ((${#wanted[@]})) && [[ " ${wanted[*]} " != *" $name "* ]]; then continue; fi
  copy_of_head "$work/book"
  (cd "$work/book" && eval "$breakage")
  if (cd "$work/book" && cargo test --locked --quiet >"$work/log" 2>&1); then
    echo "FAIL $name: cargo test passed with the book broken"
    failed=1
  elif ! grep -qF -- "$expected" "$work/log"; then
    echo "FAIL $name: cargo test failed, but without «$expected»:"
    grep -E 'panicked|:[0-9]+: ' "$work/log" | head -20 || true
    failed=1
  else
    echo "ok   $name: $(grep -F -- "$expected" "$work/log" | head -1)"
  fi
done
exit $failed
