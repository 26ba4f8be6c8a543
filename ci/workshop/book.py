"""What the workshop tools share: the repository's address, the listing folders and
what each one holds, and the book's dependency block (Cargo.toml's reader-deps).

Used by the mdBook preprocessor (links.py), the project archives (projects.py) and
ci/run-listing.sh (run.py). Python 3.9+, standard library only.
"""

import os
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.."))
FOLDER = re.compile(r"listings/ch\d\d-[^/]+/listing-(\d\d)-(\d\d)$")


def repository():
    """(url, commit) of the repository the site links to, or None.

    The address is BOOK_REPOSITORY_URL (https://github.com/OWNER/NAME), else the one
    GitHub Actions gives every workflow (GITHUB_SERVER_URL/GITHUB_REPOSITORY); the
    commit is GITHUB_SHA, else BOOK_REPOSITORY_COMMIT, else the checkout's HEAD.
    Without an address (a local build) the site shows plain file names."""
    url = os.environ.get("BOOK_REPOSITORY_URL", "").strip()
    server, name = os.environ.get("GITHUB_SERVER_URL", ""), os.environ.get("GITHUB_REPOSITORY", "")
    if not url and server and name:
        url = f"{server}/{name}"
    if not url:
        return None
    if not re.fullmatch(r"https?://[^\s\"'<>]+", url):
        sys.exit(f"ci/workshop/book.py: BOOK_REPOSITORY_URL «{url}» — не адрес https://…")
    commit = os.environ.get("GITHUB_SHA") or os.environ.get("BOOK_REPOSITORY_COMMIT") or git("rev-parse", "HEAD")
    if not re.fullmatch(r"[0-9a-f]{40}", commit or ""):
        sys.exit(f"ci/workshop/book.py: коммит «{commit}» для ссылок на {url} — не 40 шестнадцатеричных цифр")
    return url.rstrip("/"), commit


def git(*args):
    out = subprocess.run(["git", "-C", ROOT, *args], capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else None


def files_at(commit):
    """Every file path in the repository at `commit` (a set)."""
    out = git("ls-tree", "-r", "--name-only", commit)
    if out is None:
        sys.exit(f"ci/workshop/book.py: коммита {commit} нет в репозитории {ROOT}")
    return set(out.splitlines())


def number(folder):
    """'listings/ch05-…/listing-05-16' → '5-15' (the number captions use)."""
    m = FOLDER.search(folder)
    return f"{int(m.group(1))}-{int(m.group(2))}"


def listings():
    """Every listing folder, relative to the root, in order: listings/chNN-…/listing-NN-MM."""
    found = []
    for chapter in sorted(os.listdir(os.path.join(ROOT, "listings"))):
        path = os.path.join(ROOT, "listings", chapter)
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                folder = f"listings/{chapter}/{name}"
                if FOLDER.search(folder):
                    found.append(folder)
    return found


def runs_rust(folder):
    """A listing whose Rust program compiles and runs: main.rs without rustc.txt (the
    tests require rustc.txt under every compile_fail block, and only there)."""
    return os.path.isfile(os.path.join(ROOT, folder, "main.rs")) and not os.path.isfile(
        os.path.join(ROOT, folder, "rustc.txt"))


def is_test_module(folder):
    """A Rust listing that is a test module (```rust,test_harness): no `fn main`. Its
    project is a library, and `cargo test` runs it."""
    path = os.path.join(ROOT, folder, "main.rs")
    return os.path.isfile(path) and not re.search(r"\bfn main\s*\(", open(path, encoding="utf-8").read())


def outputs(folder, language):
    """The output files a `language` program of `folder` may print (tests/book/main.rs
    `may_print`: output*.txt for both, output-python*/output-rust* only for one)."""
    names = sorted(n for n in os.listdir(os.path.join(ROOT, folder))
                   if n.startswith("output") and n.endswith(".txt"))
    return [n for n in names
            if not n.startswith(("output-python", "output-rust")) or n.startswith(f"output-{language}")]


# The book's crates: the `reader-deps` block of Cargo.toml, which the preface shows.
CRATE_LINE = re.compile(r"^([A-Za-z0-9_-]+)\s*=")


def reader_deps():
    """[(crate, line)] from Cargo.toml's `# ANCHOR: reader-deps` block, in its order."""
    text = open(os.path.join(ROOT, "Cargo.toml"), encoding="utf-8").read()
    m = re.search(r"^# ANCHOR: reader-deps\n(.*?)^# ANCHOR_END: reader-deps", text, re.M | re.S)
    if not m:
        sys.exit("Cargo.toml:1: нет блока # ANCHOR: reader-deps … # ANCHOR_END: reader-deps")
    deps = []
    for line in m.group(1).splitlines():
        c = CRATE_LINE.match(line)
        if c:
            deps.append((c.group(1), line.strip()))
    return deps


def crates_used(source, deps):
    """The crates of `deps` a Rust program names (`tokio::`, `use rayon…`), plus what they
    need: a crate whose name starts with tokio- is used with tokio."""
    used = [crate for crate, _ in deps
            if re.search(rf"\b{crate.replace('-', '_')}\s*::", source)
            or re.search(rf"\buse\s+{crate.replace('-', '_')}\b", source)]
    if any(c.startswith("tokio-") for c in used) and "tokio" not in used:
        used.append("tokio")
    return [crate for crate, _ in deps if crate in used]


def package_field(name):
    """A string field of Cargo.toml's [package] (edition, rust-version)."""
    text = open(os.path.join(ROOT, "Cargo.toml"), encoding="utf-8").read()
    package = re.search(r"^\[package\]\n(.*?)(?=^\[)", text, re.M | re.S).group(1)
    return re.search(rf'^{re.escape(name)}\s*=\s*"([^"]+)"', package, re.M).group(1)


if __name__ == "__main__":
    # `book.py url`: the repository's address for mdBook's git-repository-url, or nothing.
    if sys.argv[1:] == ["url"]:
        repo = repository()
        if repo:
            print(repo[0])
    else:
        sys.exit("usage: book.py url")
