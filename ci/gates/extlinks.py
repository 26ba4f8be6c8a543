"""External links of a book's Markdown, checked for form only (never fetched).

Usage: python3 ci/gates/extlinks.py SRC_DIR [--list]
Prints `file:line: what` for every link that
- is not https, or points to a host the book does not link to (HOSTS);
- is a docs.rs page without the version Cargo.lock pins for that crate
  (docs.rs/tokio/1.54.1/…); a crate the book only names (not in Cargo.lock) is free;
- is a docs.python.org page not under /3/ (the book promises 3.9–3.13, not one minor);
- is a page of Rust's API docs (std, core, alloc on doc.rust-lang.org) without the
  version the book promises, Cargo.toml's rust-version (doc.rust-lang.org/1.88.0/std/…):
  the oldest Rust the book promises, so a linked API exists on every promised toolchain;
  the Book and the Reference describe the language, not an API, and stay unversioned.
--list prints every external link as `file:line: url` instead (and checks nothing).
Code blocks and code spans are skipped: a URL there is code, not a link.
"""
import os
import re
import sys
import tomllib

# hosts the book may link to: the documentation of what it uses, nothing else
HOSTS = {
    "docs.rs",
    "doc.rust-lang.org",
    "rust-lang.github.io",
    "docs.python.org",
    "peps.python.org",
    "tokio.rs",
    "crates.io",
    "github.com",
    "marabos.nl",
    "fastapi.tiangolo.com",
    "pyo3.rs",
    "www.maturin.rs",
}
URL = re.compile(r"""(?:\]\(|href=["']|<)(https?://[^\s)"'<>]+)""")
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`[^`]*`")


def locked_versions(root):
    with open(os.path.join(root, "Cargo.lock"), "rb") as lock:
        packages = tomllib.load(lock).get("package", [])
    versions = {}
    for package in packages:
        versions.setdefault(package["name"].replace("_", "-"), set()).add(package["version"])
    return versions


def rust_version(root):
    """Cargo.toml's rust-version as a release number: 1.88 -> 1.88.0."""
    with open(os.path.join(root, "Cargo.toml"), "rb") as manifest:
        version = tomllib.load(manifest)["package"]["rust-version"]
    return version if version.count(".") == 2 else f"{version}.0"


RUST_API_DOCS = {"std", "core", "alloc"}


def links(path):
    in_code = False
    with open(path, encoding="utf-8") as text:
        for number, line in enumerate(text, 1):
            if FENCE.match(line):
                in_code = not in_code
                continue
            if in_code:
                continue
            for match in URL.finditer(CODE_SPAN.sub("", line)):
                yield number, match.group(1)


def problem(url, versions, rust):
    scheme, _, rest = url.partition("://")
    host, _, path = rest.partition("/")
    if scheme != "https":
        return f"{url}: только https"
    if host not in HOSTS:
        return f"{url}: хоста {host} нет в списке HOSTS в ci/gates/extlinks.py"
    parts = path.split("/")
    if host == "docs.rs":
        crate = parts[0].replace("_", "-")
        version = parts[1] if len(parts) > 1 else ""
        if crate not in versions:
            return None  # a crate the book names but does not test: no version to pin
        if version not in versions[crate]:
            locked = ", ".join(sorted(versions[crate]))
            return f"{url}: нужна версия из Cargo.lock: docs.rs/{parts[0]}/{locked}/…"
    if host == "doc.rust-lang.org" and (parts[0] in RUST_API_DOCS or parts[1:2] and parts[1] in RUST_API_DOCS):
        if parts[0] != rust:
            return f"{url}: документация std — версии из rust-version: doc.rust-lang.org/{rust}/…"
    if host == "docs.python.org" and parts[0] != "3":
        return f"{url}: документация Python — по адресу docs.python.org/3/…"
    return None


def main():
    args = [arg for arg in sys.argv[1:] if arg != "--list"]
    listing = "--list" in sys.argv[1:]
    src = args[0]
    versions = locked_versions(".")  # ci/ scripts run from the repository root
    rust = rust_version(".")
    found = 0
    for folder, _, files in sorted(os.walk(src)):
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            path = os.path.normpath(os.path.join(folder, name))
            for number, url in links(path):
                if listing:
                    print(f"{path}:{number}: {url}")
                elif (what := problem(url, versions, rust)) is not None:
                    print(f"{path}:{number}: {what}")
                    found += 1
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
