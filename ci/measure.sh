#!/usr/bin/env bash
# Times the same CPU-bound and I/O-bound jobs in Python and Rust on this
# machine and prints the table of section 4.6 (src/ch04-05-measurements.md).
# Readers can rerun it; their figures will differ. Nothing here is a test.
#
# Usage: ci/measure.sh [runs] [--write] [--web]   (default 5 runs; the table
# shows the median; --write also puts the table into the chapter between its
# markers, once the machine is quiet: 1-minute load average below 0,5;
# --web measures only the web service of listing 4-10, see the end)
#
# The table's times are the ones listing 4-11 reports itself: each program times
# its job with a monotonic clock (time.perf_counter, Instant), so Python's
# interpreter start-up and imports are not in them. This script also times each
# whole process and prints, under the table, what start-up and exit add on top.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5 write=false web_only=false
for arg in "$@"; do
  case $arg in
    --write) write=true ;;
    --web) web_only=true ;;
    *) runs=$arg ;;
  esac
done
# Chapter 8's extension module (listing 8-1) in release, importable as `primes`
# by listing 8-2 through PYTHONPATH: the reader's environment is not touched.
if ! $web_only; then
  PYO3_BUILD_EXTENSION_MODULE=1 cargo build --release --locked --quiet -p primes --target-dir target/extensions
  mkdir -p target/extensions/release/python
  cp target/extensions/release/libprimes.so target/extensions/release/python/primes.abi3.so
fi
# The interpreter python3 stands for: a version manager's shim would add its own
# start-up to every whole-process time.
python=$(python3 -c 'import sys; print(sys.executable)')
if ! $web_only; then
cargo build --release --locked --quiet --example measure

python3 - "$runs" "$write" "$python" <<'PY'
import os, re, statistics, subprocess, sys, time

sys.path.insert(0, "ci")
from measure_table import NBSP, grouped, machine, number, runs_note, wait_until_quiet, write_between

runs, write, python = int(sys.argv[1]), sys.argv[2] == "true", sys.argv[3]
wait_until_quiet(write)
chapter = "src/ch04-05-measurements.md"
listing = "listings/ch04-named-examples/listing-04-11/main.py"
rust = ["target/release/examples/measure"]
py = [python, listing]
extension = [python, "listings/ch08-rust-from-python/listing-08-02/main.py"]
extension_env = {**os.environ, "PYTHONPATH": "target/extensions/release/python"}
# Listing 4-11's FULL parameters, as the table's labels name them.
LIMITS = [400_000, 480_000, 560_000, 640_000]
WAITS, WAIT = 1000, 0.5

startup = {"Python": [], "Rust": []}


def median(language, command, env=None):
    """Median of the job's own time over `runs` runs; the whole process's extra (start-up and exit) goes to `startup`."""
    own = []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
        whole = time.perf_counter() - start
        match = re.search(r"(\d+\.\d+) с$", out.strip())
        if not match:
            sys.exit(f"{' '.join(command)}: нет времени в выводе {out!r}")
        own.append(float(match[1]))
        startup[language].append(whole - own[-1])
    print(f"{language} {' '.join(command[2 if language == 'Python' else 1:])}: {statistics.median(own):.3f} с", file=sys.stderr)
    return statistics.median(own)


def seconds(t):
    return f"{number(t)}{NBSP}с"


def speedup(t, base):
    return f"{seconds(t)} (×{number(base / t, 1)})"


py_one = median("Python", [*py, "cpu-one-thread"])
rs_one = median("Rust", [*rust, "cpu-one-thread"])
py_threads = median("Python", [*py, "cpu-threads"])
rs_threads = median("Rust", [*rust, "cpu-threads"])
py_processes = median("Python", [*py, "cpu-processes"])
rs_rayon = median("Rust", [*rust, "cpu-rayon"])
rs_rayon_fine = median("Rust", [*rust, "cpu-rayon-fine"])
py_io_threads = median("Python", [*py, "io-threads"])
rs_io_threads = median("Rust", [*rust, "io-threads"])
py_asyncio = median("Python", [*py, "io-asyncio"])
rs_tokio = median("Rust", [*rust, "io-tokio"])
# Python calling listing 8-1's Rust functions (listing 8-2), on the same limits.
ext_one = median("Python", [*extension, "rust-one-thread"], extension_env)
ext_holding = median("Python", [*extension, "rust-threads-holding-gil"], extension_env)
ext_threads = median("Python", [*extension, "rust-threads"], extension_env)
ext_per_number = median("Python", [*extension, "rust-per-number"], extension_env)
# rayon splits the four limits in halves, one half per thread (section 4.6):
# how long each half takes alone.
halves = [LIMITS[:2], LIMITS[2:]]
rs_halves = [median("Rust", [*rust, "cpu-one-thread", *map(str, half)]) for half in halves]

io = f"I/O-bound: {WAITS}{NBSP}ожиданий по {number(WAIT, 1)}{NBSP}с"
cpu = "CPU-bound: простые числа"
sequential = f"{WAITS * WAIT:g}{NBSP}с"
table = f"""\
{machine(python)}; {runs_note(runs)}.

| Сценарий | Модель | Python | Rust |
| --- | --- | --- | --- |
| {cpu} | один поток | {seconds(py_one)} | {seconds(rs_one)} |
| {cpu} | потоки | {speedup(py_threads, py_one)} | {speedup(rs_threads, rs_one)} |
| {cpu} | процессы (Python), rayon (Rust) | {speedup(py_processes, py_one)} | {speedup(rs_rayon, rs_one)} |
| {cpu} | rayon, работа делится по числам (Rust) | — | {speedup(rs_rayon_fine, rs_one)} |
| {cpu} | Python вызывает Rust (глава 8): один поток | {speedup(ext_one, py_one)} | — |
| {cpu} | Python вызывает Rust: потоки, GIL не отпущен | {speedup(ext_holding, py_one)} | — |
| {cpu} | Python вызывает Rust: потоки, GIL отпущен | {speedup(ext_threads, py_one)} | — |
| {cpu} | Python вызывает Rust для каждого числа | {speedup(ext_per_number, py_one)} | — |
| {io} | один поток: расчёт, {WAITS}{NBSP}×{NBSP}{number(WAIT, 1)}{NBSP}с | {sequential} | {sequential} |
| {io} | потоки | {seconds(py_io_threads)} | {seconds(rs_io_threads)} |
| {io} | asyncio (Python), tokio (Rust) | {seconds(py_asyncio)} | {seconds(rs_tokio)} |

Запуск и завершение процесса сверх времени в таблице (медиана по всем запускам): \
Python — {seconds(statistics.median(startup["Python"]))}, Rust — {seconds(statistics.median(startup["Rust"]))}.

Половины вычислений на Rust, каждая в одном потоке: \
{" и ".join(map(grouped, halves[0]))} — {seconds(rs_halves[0])}, \
{" и ".join(map(grouped, halves[1]))} — {seconds(rs_halves[1])}.
"""
print(table, end="")
os.makedirs("target", exist_ok=True)
with open("target/measurements.md", "w") as out:
    out.write(table)
if write:
    write_between(chapter, "", table)
    print(f"таблица записана в {chapter}")
PY
fi

# The web service of listing 4-10 (section 4.5): each program started with the
# argument `serve` runs only its server and prints its port; wrk loads
# GET /items/1 over 100 keep-alive connections, and the server's peak resident
# memory (VmHWM) is read from /proc before it is stopped. The Python packages
# come from requirements.txt with hashes, as the tests install them.
command -v wrk >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
}
# Listing 4-10's Rust program, built in release in a project of its own under
# target/ (an example target would be held to cargo fmt's width, not to the
# listings' 80 columns) with the versions Cargo.lock pins.
web=target/measure-web
mkdir -p "$web/src"
cp listings/ch04-named-examples/listing-04-10/main.rs "$web/src/main.rs"
cp Cargo.lock "$web/Cargo.lock"
{
  printf '[package]\nname = "web-service"\nversion = "0.1.0"\nedition = "2024"\n\n'
  printf '[workspace]\n\n[dependencies]\n'
  sed -n '/^# ANCHOR: reader-deps/,/^# ANCHOR_END: reader-deps/p' Cargo.toml | grep -v '^#'
} >"$web/Cargo.toml"
cargo build --release --quiet --manifest-path "$web/Cargo.toml"
venv=target/measure-python
if ! cmp -s requirements.txt "$venv/made-from-requirements.txt"; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check --no-input \
    --require-hashes --no-deps --only-binary :all: -r requirements.txt
  cp requirements.txt "$venv/made-from-requirements.txt"
fi

python3 - "$runs" "$write" "$venv/bin/python3" <<'PY'
import re, statistics, subprocess, sys, urllib.request

sys.path.insert(0, "ci")
from measure_table import NBSP, grouped, machine, runs_note, wait_until_quiet, write_between

runs, write, python = int(sys.argv[1]), sys.argv[2] == "true", sys.argv[3]
wait_until_quiet(write)
chapter = "src/ch04-05-measurements.md"
SECONDS, CONNECTIONS = 5, 100
services = {
    "Python": [python, "listings/ch04-named-examples/listing-04-10/main.py"],
    "Rust": ["target/measure-web/target/release/web-service"],
}


def load(command):
    """Requests per second under wrk, and the server's peak memory in MiB."""
    server = subprocess.Popen([*command, "serve"], stdout=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{int(server.stdout.readline())}"
        item = urllib.request.Request(
            base + "/items", data='{"name":"чай","price":250}'.encode(),
            headers={"content-type": "application/json"}, method="POST")
        urllib.request.urlopen(item).read()
        out = subprocess.run(
            ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", base + "/items/1"],
            check=True, capture_output=True, text=True).stdout
        if "Non-2xx" in out or "Socket errors" in out:
            sys.exit(f"wrk: не все ответы 200:\n{out}")
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
        with open(f"/proc/{server.pid}/status") as status:
            peak = int(re.search(r"VmHWM:\s+(\d+) kB", status.read())[1]) / 1024
        return rps, peak
    finally:
        server.terminate()
        server.wait()


rps, memory = {}, {}
for language, command in services.items():
    results = [load(command) for _ in range(runs)]
    rps[language] = statistics.median(r for r, _ in results)
    memory[language] = statistics.median(m for _, m in results)
    print(f"{language}: {rps[language]:.0f} запросов/с, {memory[language]:.1f} МиБ", file=sys.stderr)

table = f"""\
{machine(python)}; \
wrk, {CONNECTIONS}{NBSP}соединений, {SECONDS}{NBSP}с; {runs_note(runs)}.

| Веб-сервис листинга 4-10, `GET /items/1` | Python: FastAPI и uvicorn | Rust: axum |
| --- | --- | --- |
| Запросов в секунду | {grouped(rps["Python"])} | {grouped(rps["Rust"])} |
| Наибольший объём памяти процесса | {round(memory["Python"])}{NBSP}МиБ | {round(memory["Rust"])}{NBSP}МиБ |
"""
print(table, end="")
if write:
    write_between(chapter, " веб", table)
    print(f"таблица веб-сервиса записана в {chapter}")
PY
