#!/usr/bin/env python3
"""ci/run-listing.sh: one listing's programs, run from a clone, beside the output the
book shows. The same files the tests run: listings/…/main.py with `python3 -W
default`, listings/…/main.rs compiled with `-D warnings` in a Cargo project of its own
(target/projects/run/, the book's crate versions and Cargo.lock, projects.py)."""

import os
import re
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in ci/workshop/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import book  # noqa: E402
import projects  # noqa: E402

USAGE = """usage: ci/run-listing.sh N-M [python|rust]   runs listing N-M (e.g. 5-8)
       ci/run-listing.sh --list                  every listing and what runs it
       ci/run-listing.sh --self-test             every listing the chapters show is reachable"""
CAPTION = re.compile(r"<figcaption>Листинг (\d+-\d+) — (Python(?: 3\.\d+\+)?|Rust): <code>([^<]+)</code>")


def find(number):
    """The folder of listing `number` ('5-8', '05-08' or 'listing-05-16'), or None."""
    m = re.fullmatch(r"(?:listing-)?(\d+)-(\d+)", number.strip())
    if not m:
        return None
    wanted = f"{int(m.group(1))}-{int(m.group(2))}"
    return next((f for f in book.listings() if book.number(f) == wanted), None)


def plan(folder):
    """[(language, file, how)] for a listing: how = 'runs', 'rejected' or 'panics'."""
    steps = []
    if os.path.isfile(os.path.join(book.ROOT, folder, "main.py")):
        steps.append(("python", f"{folder}/main.py", "runs"))
    if extension_name(folder):
        steps.append(("rust", f"{folder}/src/lib.rs", "extension"))
    if os.path.isfile(os.path.join(book.ROOT, folder, "main.rs")):
        how = "runs" if book.runs_rust(folder) else "rejected"
        if how == "runs" and book.is_test_module(folder):
            how = "tests"
        if os.path.isfile(os.path.join(book.ROOT, folder, "panic.txt")):
            how = "panics"
        steps.append(("rust", f"{folder}/main.rs", how))
    return steps


def extension_name(folder):
    """The package name of a Python extension module the folder shows (Cargo.toml and
    src/lib.rs, chapter 8), or None."""
    manifest = os.path.join(book.ROOT, folder, "Cargo.toml")
    if not (os.path.isfile(manifest) and os.path.isfile(os.path.join(book.ROOT, folder, "src", "lib.rs"))):
        return None
    m = re.search(r'^name\s*=\s*"([^"]+)"', open(manifest, encoding="utf-8").read(), re.M)
    return m and m.group(1)


def build_extension(folder):
    """Builds the chapter folder's extension module as tests/book/extension.rs does and
    returns the directory to put on PYTHONPATH (None when the chapter has none)."""
    chapter = os.path.dirname(folder)
    found = [f"{chapter}/{d}" for d in sorted(os.listdir(os.path.join(book.ROOT, chapter)))
             if extension_name(f"{chapter}/{d}")]
    if not found:
        return None
    name = extension_name(found[0])
    target = os.path.join(book.ROOT, "target", "extensions")
    print(f"\n(cargo собирает модуль расширения {name} из {found[0]})", file=sys.stderr, flush=True)
    build = subprocess.run(["cargo", "build", "--locked", "--quiet", "-p", name, "--target-dir", target],
                           cwd=book.ROOT, capture_output=True, text=True,
                           env={**os.environ, "PYO3_BUILD_EXTENSION_MODULE": "1"})
    if build.returncode != 0:
        sys.exit(f"{found[0]}/src/lib.rs: модуль не собрался:\n{build.stderr}")
    python_dir = os.path.join(target, "debug", "python")
    os.makedirs(python_dir, exist_ok=True)
    shutil.copyfile(os.path.join(target, "debug", f"lib{name}.so"), os.path.join(python_dir, f"{name}.abi3.so"))
    return python_dir


def rust_project(folder):
    """target/projects/run/listing-NN-MM: a Cargo project whose program is the listing's file."""
    name = os.path.basename(folder)
    project = os.path.join(projects.WORK, "run", name)
    os.makedirs(project, exist_ok=True)
    toml, used = projects.manifest(folder, bin_path=os.path.join(book.ROOT, folder, "main.rs"))
    lock = projects.book_lock_rename(projects.lock_for(used), name)
    for file, text in (("Cargo.toml", toml), ("Cargo.lock", lock)):
        path = os.path.join(project, file)
        if not os.path.isfile(path) or open(path, encoding="utf-8").read() != text:
            open(path, "w", encoding="utf-8").write(text)
    return project


def shown(folder, names):
    return [(n, open(os.path.join(book.ROOT, folder, n), encoding="utf-8").read()) for n in names]


def report(title, stdout, stderr, expected, folder):
    """Prints a program's output beside the book's; True when it is one of them."""
    print(f"\n== {title}")
    print(stdout, end="" if stdout.endswith("\n") or not stdout else "\n")
    if stderr:
        print(f"-- stderr:\n{stderr}", end="" if stderr.endswith("\n") else "\n")
    match = next((n for n, text in expected if text == stdout), None)
    if match and not stderr:
        print(f"-- совпадает с тем, что показывает книга: {folder}/{match}")
        return True
    if not expected:
        print("-- книга не показывает вывода этой программы" + (": она ничего не печатает" if not stdout else ""))
        return not stdout and not stderr
    for name, text in expected:
        print(f"-- книга показывает {folder}/{name}:\n{text}", end="" if text.endswith("\n") else "\n")
    return False


def run_python(folder, file):
    python = os.environ.get("PYTHON", "python3")
    version = subprocess.run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True).stdout.strip()
    extension = build_extension(folder)
    if extension:
        os.environ["PYTHONPATH"] = extension
    if book.is_test_module(folder):
        # a test module: unittest runs it in its folder and reports on stderr
        out = subprocess.run([python, "-W", "default", "-m", "unittest", "main.py"],
                             cwd=os.path.join(book.ROOT, folder), capture_output=True, text=True,
                             env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"})
        print(f"\n== Python {version}: {python} -m unittest main.py (в {folder})\n{out.stdout}{out.stderr}", end="")
        passed = out.returncode == 0
        print("-- " + ("тесты прошли, как в книге" if passed else "тесты не прошли")
              + f": {folder}/" + ", ".join(book.outputs(folder, "python")))
        return passed
    out = subprocess.run([python, "-W", "default", file], cwd=book.ROOT, capture_output=True, text=True,
                         env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"})
    return report(f"Python {version}: {python} -W default {file}", out.stdout, out.stderr,
                  shown(folder, book.outputs(folder, "python")), folder)


def run_rust(folder, file, how):
    name = os.path.basename(folder)
    project = rust_project(folder)
    sys.stdout.flush()
    print(f"\n(cargo собирает {file} в {os.path.relpath(project, book.ROOT)}: в первый раз с крейтами — около минуты)",
          file=sys.stderr, flush=True)
    if how == "extension":
        python_dir = build_extension(folder)
        print(f"\n== Rust: модуль расширения из {folder} собран: {os.path.relpath(python_dir, book.ROOT)}; "
              f"программы на Python этой главы запускаются с ним в PYTHONPATH")
        return True
    if how == "tests":
        # a test module: cargo test runs it; the book shows one run of its tests
        out = subprocess.run(["cargo", "test", "--locked", "--lib"], cwd=project, capture_output=True,
                             text=True, env={**os.environ, "CARGO_TARGET_DIR": projects.TARGET})
        print(f"\n== Rust: cargo test ({file})\n{out.stdout}{out.stderr}", end="")
        expected = [line for _, text in shown(folder, book.outputs(folder, "rust"))
                    for line in text.splitlines() if line.startswith("test ") and " ... " in line]
        found = out.returncode == 0 and all(line in out.stdout for line in expected)
        print("-- " + ("тесты прошли, как в книге" if found else "тесты прошли не так, как в книге")
              + f": {folder}/" + ", ".join(book.outputs(folder, "rust")))
        return found
    build = subprocess.run(["cargo", "rustc", "--locked", "--quiet", "--bin", name, "--", "-D", "warnings"],
                           cwd=project, capture_output=True, text=True,
                           env={**os.environ, "CARGO_TARGET_DIR": projects.TARGET})
    if how == "rejected":
        lines = [line for line in open(os.path.join(book.ROOT, folder, "rustc.txt"), encoding="utf-8").read().splitlines() if line.strip()]
        print(f"\n== Rust: cargo rustc -- -D warnings ({file})\n{build.stderr}", end="")
        found = build.returncode != 0 and all(line in build.stderr for line in lines)
        print(f"-- книга показывает {folder}/rustc.txt" + (" — эти строки есть в ответе компилятора:" if found else ", а компилятор ответил иначе:"))
        print("\n".join(lines))
        return found
    if build.returncode != 0:
        print(f"\n== Rust: {file} не компилируется:\n{build.stderr}")
        return False
    binary = os.path.join(projects.TARGET, "debug", name)
    out = subprocess.run([binary], cwd=book.ROOT, capture_output=True, text=True)
    if how == "panics":
        lines = [line for line in open(os.path.join(book.ROOT, folder, "panic.txt"), encoding="utf-8").read().splitlines() if line.strip()]
        ok = report(f"Rust: {file}", out.stdout, "", shown(folder, book.outputs(folder, "rust")), folder)
        print(f"-- stderr:\n{out.stderr}", end="")
        found = out.returncode != 0 and all(line in out.stderr for line in lines)
        print(f"-- книга показывает {folder}/panic.txt" + (" — эти строки есть в stderr:" if found else ", а программа напечатала другое:"))
        print("\n".join(lines))
        return ok and found
    return report(f"Rust: {file}", out.stdout, out.stderr, shown(folder, book.outputs(folder, "rust")), folder) \
        and out.returncode == 0


def run(number, only=None):
    folder = find(number)
    if not folder:
        sys.exit(f"ci/run-listing.sh: листинга {number} нет в listings/\n{USAGE}")
    ok = True
    for language, file, how in plan(folder):
        if only and language != only:
            continue
        ok &= run_python(folder, file) if language == "python" else run_rust(folder, file, how)
    return ok


def captions():
    """(chapter:line, number, language, file) of every listing caption in src/*.md."""
    found = []
    for name in sorted(os.listdir(os.path.join(book.ROOT, "src"))):
        if name.endswith(".md"):
            path = f"src/{name}"
            for i, line in enumerate(open(os.path.join(book.ROOT, path), encoding="utf-8"), 1):
                for m in CAPTION.finditer(line):
                    found.append((f"{path}:{i}", m.group(1), m.group(2).split()[0].lower(), m.group(3)))
    return found


def self_test():
    """Every listing a chapter shows resolves, by its number, to the file its caption
    names; then one pair runs for real and prints what the book shows."""
    problems = []
    shown_captions = captions()
    if not shown_captions:
        problems.append("src/SUMMARY.md:1: ни одной подписи «Листинг N-M — …: <code>…</code>» в src/*.md")
    for at, number, language, file in shown_captions:
        folder = find(number)
        steps = {lang: (f, how) for lang, f, how in plan(folder)} if folder else {}
        runs = {steps[language][0]} if language in steps else set()
        if language in steps and steps[language][1] == "extension":
            runs.add(f"{folder}/Cargo.toml")
        if file not in runs:
            problems.append(f"{at}: ci/run-listing.sh {number} не запускает {file}"
                            + (f" (он нашёл {steps[language][0]})" if language in steps else ""))
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print(f"ci/run-listing.sh --self-test: {len(shown_captions)} подписей, каждая программа достижима по номеру", file=sys.stderr)
    pair = next(number for at, number, language, file in shown_captions
                if language == "rust" and book.runs_rust(os.path.dirname(file))
                and os.path.isfile(os.path.join(book.ROOT, os.path.dirname(file), "main.py"))
                and "output.txt" in os.listdir(os.path.join(book.ROOT, os.path.dirname(file))))
    out = subprocess.run([os.path.join(book.ROOT, "ci/run-listing.sh"), pair], capture_output=True, text=True)
    if out.returncode != 0 or out.stdout.count("-- совпадает") != 2:
        sys.exit(f"{find(pair)}/output.txt:1: ci/run-listing.sh {pair} не напечатал того, что показывает книга:\n{out.stdout}{out.stderr}")
    print(f"ci/run-listing.sh --self-test: ci/run-listing.sh {pair} запустил обе программы, вывод совпал с книгой", file=sys.stderr)


def main():
    args = sys.argv[1:]
    if args == ["--list"]:
        for folder in book.listings():
            for language, file, how in plan(folder):
                note = {"runs": "", "rejected": " (не компилируется: rustc.txt)", "panics": " (паникует: panic.txt)",
                        "tests": " (тесты: cargo test)",
                        "extension": " (модуль расширения для Python)"}[how]
                print(f"ci/run-listing.sh {book.number(folder)} {language}\t{file}{note}")
    elif args == ["--self-test"]:
        self_test()
    elif len(args) in (1, 2) and not args[0].startswith("-") and (len(args) == 1 or args[1] in ("python", "rust")):
        sys.exit(0 if run(*args) else 1)
    else:
        sys.exit(USAGE)


if __name__ == "__main__":
    main()
