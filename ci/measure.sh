#!/usr/bin/env bash
# Times the same CPU-bound and I/O-bound jobs in Python and Rust on this
# machine and prints the table of chapter 4.5 (src/ch04-05-measurements.md).
# Readers can rerun it; their figures will differ. Nothing here is a test.
#
# Usage: ci/measure.sh [runs] [--write]   (default 5 runs; the table shows the
# median; --write also puts the table into the chapter between its markers)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5 write=false
for arg in "$@"; do
  case $arg in
    --write) write=true ;;
    *) runs=$arg ;;
  esac
done
chapter=src/ch04-05-measurements.md
cargo build --release --locked --quiet --example measure
rust=target/release/examples/measure
python=(python3 listings/ch04-named-examples/listing-04-06/main.py)

median() { # median wall time in seconds of `runs` runs of a command
  python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"{statistics.median(times):.3f}")
PY
}
# "1,234 с (×2,1)": a time and the speedup against the one-thread time, Russian decimal comma.
cell() { python3 -c "import sys; t, base = map(float, sys.argv[1:]); print(f'{t:.3f} с (×{base / t:.1f})'.replace('.', ','))" "$1" "$2"; }
plain() { python3 -c "import sys; print(f'{float(sys.argv[1]):.3f} с'.replace('.', ','))" "$1"; }

py_one=$(median "${python[@]}" cpu-one-thread)
rs_one=$(median $rust cpu-one-thread)
table() {
  echo "Машина: $(nproc) ядра, $(free -g | awk '/Mem:/ {print $2}') ГиБ, $(python3 --version), $(rustc --version | cut -d' ' -f1-2); медиана $runs запусков."
  echo
  echo "| Сценарий | Модель | Python | Rust |"
  echo "| --- | --- | --- | --- |"
  echo "| CPU-bound: простые числа | один поток | $(plain "$py_one") | $(plain "$rs_one") |"
  echo "| CPU-bound: простые числа | потоки | $(cell "$(median "${python[@]}" cpu-threads)" "$py_one") | $(cell "$(median $rust cpu-threads)" "$rs_one") |"
  echo "| CPU-bound: простые числа | процессы (Python), rayon (Rust) | $(cell "$(median "${python[@]}" cpu-processes)" "$py_one") | $(cell "$(median $rust cpu-rayon)" "$rs_one") |"
  echo "| I/O-bound: 1000 ожиданий по 0,5 с | потоки | $(plain "$(median "${python[@]}" io-threads)") | $(plain "$(median $rust io-threads)") |"
  echo "| I/O-bound: 1000 ожиданий по 0,5 с | asyncio (Python), tokio (Rust) | $(plain "$(median "${python[@]}" io-asyncio)") | $(plain "$(median $rust io-tokio)") |"
}

table | tee target/measurements.md
if $write; then
  python3 - "$chapter" target/measurements.md <<'PY'
import sys
chapter, table = sys.argv[1], open(sys.argv[2]).read()
text = open(chapter).read()
begin, end = "<!-- ci/measure.sh: начало -->", "<!-- ci/measure.sh: конец -->"
if begin not in text or end not in text:
    sys.exit(f"{chapter}:1: нет меток {begin} и {end}")
head, rest = text.split(begin)
open(chapter, "w").write(head + begin + "\n" + table + rest[rest.index(end):])
PY
  echo "таблица записана в $chapter"
fi
