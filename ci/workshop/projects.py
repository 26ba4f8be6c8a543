#!/usr/bin/env python3
"""A runnable Rust listing as a Cargo project of its own: Cargo.toml with the crates it
uses at the book's versions (Cargo.toml's reader-deps block), the book's Cargo.lock
trimmed to what it needs, and its program.

  projects.py archives SITE   SITE/projects/listing-NN-MM.zip for every runnable Rust
                              listing: Cargo.toml, Cargo.lock, src/main.rs and, for a
                              pair, main.py, with the outputs the book shows
  projects.py check SITE      unpacks every archive, `cargo build --offline --locked`
                              in each (one shared target dir), runs one and compares
                              its output with the book's
Python 3.9+, standard library and cargo only."""

import hashlib
import io
import os
import shutil
import subprocess
import sys
import time
import zipfile

sys.dont_write_bytecode = True  # no __pycache__ in ci/workshop/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import book  # noqa: E402

WORK = os.path.join(book.ROOT, "target/projects")
# One target dir for every project built here (ci/run-listing.sh's and the archives'):
# the crates compile once.
TARGET = os.path.join(WORK, "target")
# The archives' own profile without debug info: a build check needs none, and with it
# the shared target/ took 1,7 GB (CI's disk ran out).
CARGO_ENV = {**os.environ, "CARGO_TARGET_DIR": TARGET, "CARGO_PROFILE_DEV_DEBUG": "false"}
ZIP_TIME = (2026, 1, 1, 0, 0, 0)  # a fixed time: the same listing gives the same archive


def manifest(folder, bin_path=None):
    """Cargo.toml of the listing's project; `bin_path`: its program elsewhere than src/main.rs."""
    name = os.path.basename(folder)
    deps = book.reader_deps()
    source = open(os.path.join(book.ROOT, folder, "main.rs"), encoding="utf-8").read()
    used = book.crates_used(source, deps)
    lines = [
        f"# Листинг {book.number(folder)} книги «Асинхронность» ({folder}).",
        ("# Тесты на Rust: cargo test." if book.is_test_module(folder) else "# Программа на Rust: cargo run.")
        + ((" Тесты на Python: python3 -m unittest main.py." if book.is_test_module(folder)
            else " Программа на Python: python3 main.py.")
           if os.path.isfile(os.path.join(book.ROOT, folder, "main.py")) else ""),
        "[package]",
        f'name = "{name}"',
        'version = "0.1.0"',
        f'edition = "{book.package_field("edition")}"',
        f'rust-version = "{book.package_field("rust-version")}"',
        "publish = false",
    ]
    if bin_path and book.is_test_module(folder):
        lines += ["autobins = false", "", "[lib]", f'path = "{bin_path}"']
    elif bin_path:
        lines += ["autobins = false", "", "[[bin]]", f'name = "{name}"', f'path = "{bin_path}"']
    lines += ["", "[dependencies]"] + [line for crate, line in deps if crate in used]
    # a project of its own even when unpacked inside another Cargo workspace
    lines += ["", "[workspace]"]
    return "\n".join(lines) + "\n", used


def lock_for(used):
    """The book's Cargo.lock trimmed to a package that depends on `used`: cargo resolves
    the package offline starting from the book's lock, keeps the versions it holds and
    drops every package no longer needed."""
    key = hashlib.sha256(("\n".join(used) + "\n").encode()
                         + open(os.path.join(book.ROOT, "Cargo.lock"), "rb").read()
                         + open(os.path.join(book.ROOT, "Cargo.toml"), "rb").read()).hexdigest()[:16]
    cached = os.path.join(WORK, "locks", f"{key}.lock")
    if os.path.isfile(cached):
        return open(cached, encoding="utf-8").read()
    scratch = os.path.join(WORK, "locks", key)
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(os.path.join(scratch, "src"), exist_ok=True)
    deps = dict(book.reader_deps())
    open(os.path.join(scratch, "Cargo.toml"), "w", encoding="utf-8").write(
        '[package]\nname = "listing"\nversion = "0.1.0"\nedition = "2024"\n\n[workspace]\n\n[dependencies]\n'
        + "".join(deps[c] + "\n" for c in used))
    open(os.path.join(scratch, "src/main.rs"), "w").write("fn main() {}\n")
    shutil.copy(os.path.join(book.ROOT, "Cargo.lock"), os.path.join(scratch, "Cargo.lock"))
    cargo(["metadata", "--offline", "--format-version", "1"], scratch, quiet=True)
    # the package's own entry is named «listing»: book_lock_rename gives it the project's name
    text = open(os.path.join(scratch, "Cargo.lock"), encoding="utf-8").read()
    open(cached, "w", encoding="utf-8").write(text)
    shutil.rmtree(scratch)
    return text


def book_lock_rename(text, name):
    return text.replace('name = "listing"\nversion = "0.1.0"', f'name = "{name}"\nversion = "0.1.0"', 1)


def cargo(args, cwd, quiet=False, env=None):
    out = subprocess.run(["cargo", *args], cwd=cwd, capture_output=True, text=True,
                         env={**CARGO_ENV, **(env or {})})
    if out.returncode != 0:
        sys.exit(f"{cwd}: cargo {' '.join(args)} завершился с кодом {out.returncode}:\n{out.stderr}")
    return out


def archive_files(folder):
    """[(name in the archive, path in the repository)] for the listing's archive."""
    name = os.path.basename(folder)
    # a test module (no `fn main`) is a library: `cargo test` runs it
    program = "lib.rs" if book.is_test_module(folder) else "main.rs"
    files = [(f"{name}/src/{program}", f"{folder}/main.rs")]
    if os.path.isfile(os.path.join(book.ROOT, folder, "main.py")):
        files.append((f"{name}/main.py", f"{folder}/main.py"))
    for output in sorted(set(book.outputs(folder, "rust") + book.outputs(folder, "python"))):
        files.append((f"{name}/{output}", f"{folder}/{output}"))
    if os.path.isfile(os.path.join(book.ROOT, folder, "panic.txt")):
        files.append((f"{name}/panic.txt", f"{folder}/panic.txt"))
    return files


def write_zip(path, members):
    """A zip of (name, bytes) with fixed times and modes: the same input, the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    data = buffer.getvalue()
    if not os.path.isfile(path) or open(path, "rb").read() != data:
        open(path, "wb").write(data)
    return len(data)


def archives(site):
    """Every runnable Rust listing's archive in SITE/projects/; prints their total size."""
    dest = os.path.join(site, "projects")
    os.makedirs(dest, exist_ok=True)
    total = count = 0
    for folder in book.listings():
        if not book.runs_rust(folder):
            continue
        name = os.path.basename(folder)
        toml, used = manifest(folder)
        members = [(f"{name}/Cargo.toml", toml.encode()),
                   (f"{name}/Cargo.lock", book_lock_rename(lock_for(used), name).encode())]
        members += [(inside, open(os.path.join(book.ROOT, path), "rb").read())
                    for inside, path in archive_files(folder)]
        total += write_zip(os.path.join(dest, f"{name}.zip"), members)
        count += 1
    print(f"projects.py: {count} архивов в {dest}, вместе {total / 1024:.1f} КиБ", file=sys.stderr)


def unpack(archive, project, into):
    """Unpacks `archive` over the copy a previous check left: a file whose bytes are the
    same keeps its time, so cargo rebuilds only what changed (target/ is shared and kept)."""
    with zipfile.ZipFile(archive) as z:
        names = set()
        for info in z.infolist():
            path = os.path.join(into, info.filename)
            names.add(os.path.normpath(path))
            data = z.read(info)
            if not os.path.isfile(path) or open(path, "rb").read() != data:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                open(path, "wb").write(data)
    for root, _, files in os.walk(project):
        for file in files:
            path = os.path.normpath(os.path.join(root, file))
            if path not in names:
                os.remove(path)


def check(site):
    """Unpacks every archive of SITE/projects and builds it offline with its own
    Cargo.lock; runs the first pair and compares its output with the book's."""
    started = time.monotonic()
    unpacked = os.path.join(WORK, "check")
    os.makedirs(unpacked, exist_ok=True)
    problems = []
    wanted = [f for f in book.listings() if book.runs_rust(f)]
    found = sorted(n for n in os.listdir(os.path.join(site, "projects")) if n.endswith(".zip"))
    expected = sorted(f"{os.path.basename(f)}.zip" for f in wanted)
    for name in sorted(set(expected) - set(found)):
        problems.append(f"{site}/projects/{name}:1: архива нет")
    for name in sorted(set(found) - set(expected)):
        problems.append(f"{site}/projects/{name}:1: архив листинга, который не запускается или которого нет")
    ran = None
    built = 0
    for folder in wanted:
        name = os.path.basename(folder)
        archive = os.path.join(site, "projects", f"{name}.zip")
        if not os.path.isfile(archive):
            continue
        project = os.path.join(unpacked, name)
        unpack(archive, project, unpacked)
        # the archive's program is the listing's, byte for byte
        for inside, path in archive_files(folder):
            if open(os.path.join(unpacked, inside), "rb").read() != open(os.path.join(book.ROOT, path), "rb").read():
                problems.append(f"{path}:1: в {archive} другой {inside}")
        build = ["test", "--no-run"] if book.is_test_module(folder) else ["build"]
        out = subprocess.run(["cargo", *build, "--offline", "--locked", "--quiet"], cwd=project,
                             capture_output=True, text=True, env=CARGO_ENV)
        if out.returncode != 0:
            problems.append(f"{folder}/main.rs:1: проект {archive} не собирается (cargo {' '.join(build)} --offline --locked):\n{out.stderr}")
            continue
        built += 1
        if ran is None and not book.is_test_module(folder) and os.path.isfile(os.path.join(project, "main.py")) and os.path.isfile(os.path.join(project, "output.txt")):
            ran = folder
            shown = open(os.path.join(project, "output.txt"), encoding="utf-8").read()
            run = subprocess.run(["cargo", "run", "--offline", "--locked", "--quiet"], cwd=project,
                                 capture_output=True, text=True, env=CARGO_ENV)
            if run.returncode != 0 or run.stdout != shown:
                problems.append(f"{folder}/output.txt:1: cargo run в {project} напечатала не то, что показывает книга:\n"
                                f"{run.stdout}{run.stderr}")
            py = subprocess.run([sys.executable, "-W", "default", "main.py"], cwd=project, capture_output=True, text=True,
                                env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"})
            if py.returncode != 0 or py.stdout != shown or py.stderr:
                problems.append(f"{folder}/output.txt:1: python3 main.py в {project} напечатала не то, что показывает книга:\n"
                                f"{py.stdout}{py.stderr}")
    for problem in problems:
        print(problem)
    print(f"projects.py: собрано архивов: {built} из {len(wanted)}, за {time.monotonic() - started:.0f} с"
          + (f"; {book.number(ran)} запущен (Rust и Python), вывод совпал с книгой" if ran and not problems else ""),
          file=sys.stderr)
    if problems or ran is None:
        sys.exit(1 if problems else "projects.py: ни одного архива с парой и output.txt: запускать нечего")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] in ("archives", "check"):
        {"archives": archives, "check": check}[sys.argv[1]](sys.argv[2])
    else:
        sys.exit(__doc__)
