#!/usr/bin/env bash
# Freshness: does the book still hold on the newest crates, the newest CPython
# this machine has and the installed stable Rust? Runs in a clone of the
# committed tree (target/fresh/book, built in target/fresh/target, so the
# book's own target/ is left alone) and never touches the working tree.
#
#   pass 1, «cargo update»: the newest version of every crate that Cargo.toml's
#     requirements allow (rust-version does not hold them back: a reader's new
#     project gets the newest too);
#   pass 2, «newest majors»: every registry dependency of the workspace whose
#     newest release is outside its requirement gets that release as its
#     requirement, then `cargo update` again. Exact pins (`=0.5.4`: mdBook, which
#     the book is built with) and [patch]ed crates (skeptic) are only reported.
#     Skipped when no dependency has a newer major.
#
# In both passes python-versions in Cargo.toml gains every CPython 3.N newer than
# its last entry that the machine has (python3.N on PATH, pyenv builds), and the
# preface's «Версии» table is rewritten in the copy to match (book_structure
# holds it to Cargo.toml and Cargo.lock; that it needs updating is no failure).
# Each pass then runs `BOOK_RERUN=1 cargo test --locked --no-fail-fast` (the lock
# is the updated one) and prints every change and every failure as
# `file:line: …` (paths in the copy, which are the book's paths).
# Exits 1 when a pass fails; its whole log is in target/fresh/pass-N.log.
#
# Usage: ci/fresh.sh [COMMIT]   (default HEAD: the committed tree, not the working one)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
fresh=$root/target/fresh
book=$fresh/book
export CARGO_TARGET_DIR=$fresh/target
# The newest, not the newest that rust-version 1.88 allows (resolver 3's default).
export CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=allow
# Every listing runs in every pass: no pass remembered from the pass before.
export BOOK_RERUN=1
if command -v rustup >/dev/null; then export RUSTUP_TOOLCHAIN=stable; fi

mkdir -p "$fresh"
rm -rf "$book"
git clone --quiet "$root" "$book"
cd "$book"
git checkout --quiet --detach "${1:-HEAD}"
echo "fresh: $(git log -1 --format='%h %s') ($(rustc --version))"

# The helpers below work on the copy's Cargo.toml, Cargo.lock and preface.
helper() {
  python3 - "$@" <<'PY'
import json, os, re, subprocess, sys, urllib.request
from pathlib import Path

def lock_versions(path):
    """{name: [(version, line)]} from a Cargo.lock."""
    found, name = {}, None
    for number, line in enumerate(Path(path).read_text().splitlines(), 1):
        if line == "[[package]]":
            name = None
        elif m := re.match(r'name = "(.+)"$', line):
            name = m[1]
        elif (m := re.match(r'version = "(.+)"$', line)) and name:
            found.setdefault(name, []).append((m[1], number))
    return found

def lock_diff(before, after):
    old, new = lock_versions(before), lock_versions(after)
    for name in sorted(set(old) | set(new)):
        was = [v for v, _ in old.get(name, [])]
        now = [(v, n) for v, n in new.get(name, []) if v not in was]
        gone = [v for v in was if v not in [v for v, _ in new.get(name, [])]]
        for version, number in now:
            if gone:
                print(f"Cargo.lock:{number}: {name} {gone.pop(0)} → {version}")
            else:
                print(f"Cargo.lock:{number}: {name} {version} (new)")
        for version in gone:
            print(f"Cargo.lock:1: {name} {version} (gone)")

def semver(version):
    core = version.split("+")[0]
    return tuple(int(part) for part in core.split(".")) if "-" not in core else None

def newest(name):
    """The newest release of a crate in the crates.io index (no pre-releases, nothing yanked)."""
    n = name.lower()
    prefix = {1: "1", 2: "2", 3: f"3/{n[0]}"}.get(len(n), f"{n[:2]}/{n[2:4]}")
    with urllib.request.urlopen(f"https://index.crates.io/{prefix}/{n}", timeout=60) as response:
        entries = [json.loads(line) for line in response.read().decode().splitlines() if line]
    releases = [e["vers"] for e in entries if not e.get("yanked") and semver(e["vers"])]
    return max(releases, key=semver)

def compatible(req, version):
    """Does a caret requirement ("1.54", "^0.11.1") take this version?"""
    want, have = semver(req.lstrip("^").strip()), semver(version)
    if want is None or have is None:
        return True
    significant = next((i for i, part in enumerate(want) if part != 0), len(want) - 1)
    return have[: significant + 1] == want[: significant + 1] and have >= want

def majors():
    """Rewrites each registry requirement that the newest release is outside of."""
    meta = json.loads(subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
        check=True, capture_output=True, text=True).stdout)
    root = Path(meta["workspace_root"])
    patched = set()
    manifest = (root / "Cargo.toml").read_text()
    if m := re.search(r"^\[patch\.crates-io\]\n((?:[^\[].*\n?)*)", manifest, re.M):
        patched = set(re.findall(r"^([A-Za-z0-9_-]+)\s*=", m[1], re.M))
    changed = False
    for package in meta["packages"]:
        path = Path(package["manifest_path"])
        lines = path.read_text().splitlines(keepends=True)
        shown = path.relative_to(root)
        for dep in package["dependencies"]:
            if not (dep["source"] or "").startswith("registry+"):
                continue
            name, req = dep["rename"] or dep["name"], dep["req"]
            latest = newest(dep["name"])
            pattern = re.compile(
                rf'^(\s*{re.escape(name)}\s*=\s*(?:\{{[^}}]*?version\s*=\s*)?")([^"]+)(")')
            number = next((i for i, line in enumerate(lines) if pattern.match(line)), None)
            where = f"{shown}:{number + 1 if number is not None else 1}"
            if req.startswith("="):
                print(f"{where}: {name} {req} is pinned; newest is {latest}"
                      + (" (not tried)" if semver(latest) != semver(req[1:]) else ""))
                continue
            if not req.startswith("^") or compatible(req, latest):
                print(f"{where}: {name} {req}: newest is {latest}, within the requirement")
                continue
            if name in patched:
                print(f"{where}: {name} {req} is [patch]ed in Cargo.toml; newest is {latest} (not tried)")
                continue
            if number is None:
                print(f"{where}: {name} {req}: newest is {latest}, but its line was not found (not tried)")
                continue
            old, latest = pattern.match(lines[number])[2], latest.split("+")[0]
            lines[number] = pattern.sub(rf"\g<1>{latest}\g<3>", lines[number], count=1)
            print(f"{where}: {name} \"{old}\" → \"{latest}\" (newest major)")
            changed = True
        path.write_text("".join(lines))
    sys.exit(0 if changed else 3)

def pythons():
    """Adds each CPython 3.N newer than python-versions' last that this machine has."""
    path = Path("Cargo.toml")
    text = path.read_text()
    m = re.search(r'^python-versions = \[(.*)\]$', text, re.M)
    listed = re.findall(r'"(3\.\d+)"', m[1])
    last = int(listed[-1].split(".")[1])
    candidates = {}
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if folder.endswith("shims") or not os.path.isdir(folder):
            continue
        for entry in os.listdir(folder):
            if (n := re.fullmatch(r"python3\.(\d+)", entry)) and int(n[1]) > last:
                candidates.setdefault(int(n[1]), []).append(Path(folder, entry))
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"), "versions")
    if pyenv.is_dir():
        for build in sorted(pyenv.iterdir(), reverse=True):
            if (n := re.fullmatch(r"3\.(\d+)\.\d+", build.name)) and int(n[1]) > last:
                candidates.setdefault(int(n[1]), []).append(build / "bin" / f"python3.{n[1]}")
    added = []
    for minor in sorted(candidates):
        for python in candidates[minor]:
            try:
                release = subprocess.run(
                    [python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
                    capture_output=True, text=True, timeout=60).stdout.strip()
            except OSError:
                continue
            if release.startswith(f"3.{minor}."):
                added.append(f"3.{minor}")
                print(f"Cargo.toml:{text[:m.start()].count(chr(10)) + 1}: python-versions + \"3.{minor}\" ({python}, {release})")
                break
    if not added:
        print(f"Cargo.toml:{text[:m.start()].count(chr(10)) + 1}: no CPython newer than {listed[-1]} on this machine (python3.N on PATH, pyenv)")
        return
    listed += added
    path.write_text(text[:m.start(1)] + ", ".join(f'"{v}"' for v in listed) + text[m.end(1):])

def preface(before_lock, before_toml):
    """The «Версии» rows that named the old lock's or list's versions now name the new ones."""
    path = Path("src/preface.md")
    old, new = lock_versions(before_lock), lock_versions("Cargo.lock")
    def span(text):
        listed = re.findall(r'"(3\.\d+)"', re.search(r'^python-versions = \[(.*)\]$', text, re.M)[1])
        return f"{listed[0]}–{listed[-1]}"
    lines = path.read_text().splitlines(keepends=True)
    for i, line in enumerate(lines):
        cells = line.split("|")
        if len(cells) < 4:
            continue
        name, shown = cells[1].strip(), cells[2].strip()
        if name == "Python":
            was, now = span(Path(before_toml).read_text()), span(Path("Cargo.toml").read_text())
        elif name in old and name in new:
            was, now = old[name][0][0], new[name][0][0]
        else:
            continue
        if shown == was and was != now:
            cells[2] = cells[2].replace(was, now)
            lines[i] = "|".join(cells)
            print(f"src/preface.md:{i + 1}: «Версии»: {name} {was} → {now} (rewritten in the copy)")
    path.write_text("".join(lines))

command, *args = sys.argv[1:]
{"lock-diff": lock_diff, "majors": majors, "pythons": pythons, "preface": preface}[command](*args)
PY
}

# Runs the suite; prints its failures as file:line lines. Status: the suite's.
suite() {
  local log=$fresh/pass-$1.log status=0
  cargo test --locked --no-fail-fast >"$log" 2>&1 || status=$?
  grep -h '^Python для листингов' "$log" | sort -u | sed 's/^/  /'
  awk '/^test result:/ { runs++; passed += $4; failed += $6 }
    END { if (runs) printf "  tests: %d passed, %d failed\n", passed, failed; else print "  no test ran: the build failed" }' "$log"
  if ((status)); then
    sed -n 's/^test \(.*\) \.\.\. FAILED$/  FAILED: \1/p' "$log"
    # The harness's own messages (src/chNN.md:line: …), and compiler errors as file:line.
    # After «печатает не то»: what the program printed, up to the shown outputs.
    # A panic outside the harness's messages (the book's reading or lints, a test of the harness) as file:line.
    sed -e "s|$book/||g" "$log" | awk '
      panic != "" && !/^(\[Python [^]]*\] )?[A-Za-z0-9_.\/-]+\.(md|rs|py|txt|toml):[0-9]+: / {
        message = $0; sub(/^ +/, "", message); if (!seen[panic message]++) print panic ": " message }
      { panic = "" }
      match($0, /panicked at [^ ]+:[0-9]+:[0-9]+:$/) {
        split(substr($0, RSTART + 12), at, ":"); panic = at[1] ":" at[2]; next }
      printed && /^(--- |книга не показывает)/ { printed = 0 } # the line before it only separates
      printed { if (shown++ && shown <= 21) print "    | " held; held = $0; next }
      match($0, /(\[Python [^]]*\] )?[A-Za-z0-9_.\/-]+\.(md|rs|py|txt|toml):[0-9]+: /) {
        line = substr($0, RSTART); if (!seen[line]++) print line
        printed = 0; next }
      /^\+\+\+ / { printed = 1; shown = 0; next }
      /^(error|warning)(\[[A-Z0-9]+\])?: / { message = $0; next }
      /^ +--> / && message != "" { split($2, at, ":"); line = at[1] ":" at[2] ": " message
        if (!seen[line]++) print line; message = "" }' |
      sed -E 's/^(\[Python [^]]*\]) ([^ ]+:[0-9]+:) /\2 \1 /; s/^/  /'
    echo "  log: target/fresh/pass-$1.log"
  fi
  return "$status"
}

failed=()
run_pass() { # number, title, command that makes the pass's Cargo.toml
  local n=$1 title=$2
  shift 2
  echo
  echo "== pass $n: $title"
  cp Cargo.lock "$fresh/before.lock"
  cp Cargo.toml "$fresh/before.toml"
  "$@"
  cargo update --quiet 2>"$fresh/update-$n.log" || { cat "$fresh/update-$n.log"; failed+=("$n"); return; }
  local changes
  changes=$(helper lock-diff "$fresh/before.lock" Cargo.lock)
  [[ -n $changes ]] && echo "$changes" || echo "Cargo.lock: nothing newer"
  helper preface "$fresh/before.lock" "$fresh/before.toml"
  if suite "$n"; then echo "pass $n: ok"; else echo "pass $n: FAILED"; failed+=("$n"); fi
}

# Pass 2 starts from pass 1's manifest and lock; majors() exits 3 when no
# dependency has a newer major, and pass 2 is skipped.
majors() {
  local status=0
  helper majors || status=$?
  ((status == 3)) && echo "nothing to try: no dependency has a newer major than its requirement allows"
  return "$status"
}
run_pass 1 "cargo update (newest within Cargo.toml's requirements)" helper pythons
echo
echo "== newest major versions"
if majors; then
  run_pass 2 "newest major versions" true
else
  status=$?
  ((status == 3)) || exit "$status"
  echo "== pass 2: skipped"
fi

echo
if ((${#failed[@]})); then
  echo "fresh: FAILED (pass ${failed[*]})"
  exit 1
fi
echo "fresh: ok"
