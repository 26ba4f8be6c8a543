"""ci/apilinks.sh --verify: every address of ci/gates/api-links.tsv names a real page and anchor.

The book never fetches its links, so this checks them against the documentation built here:
- docs.rs: rustdoc of the crates at the versions Cargo.lock pins, with the features the
  book's tests use (dev-dependencies, and the workspace members' dependencies: pyo3),
  built offline into target/apilinks-doc;
- doc.rust-lang.org: the std docs of the toolchain in use (`rustup doc --path`): an item's
  path is the same in the pinned rust-version's docs if it is stable there, so the item
  (or the member the anchor names) must be stable since rust-version or earlier, as its
  page says («Stable since Rust version …»);
- docs.python.org: the object the anchor names exists in the newest Python found
  (docs.python.org/3/ describes the newest); the page is not checked.
A crate the tests do not build is listed as not checked.
Prints `ci/gates/api-links.tsv:line: what` per problem.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tomllib

sys.path.insert(0, os.path.dirname(__file__))
from apilinks import MAPPING  # noqa: E402
from extlinks import rust_version  # noqa: E402

SCRATCH = "target/apilinks-doc"


def newest_python():
    """The newest Python the book promises (docs.python.org/3/ describes the newest), as the
    tests find it: python3.N on PATH or a pyenv version."""
    newest = tomllib.load(open("Cargo.toml", "rb"))["package"]["metadata"]["book"]["python-versions"][-1]
    pyenv = os.path.expanduser(os.environ.get("PYENV_ROOT", "~/.pyenv"))
    candidates = [f"python{newest}"] + sorted(glob.glob(f"{pyenv}/versions/{newest}*/bin/python3"))
    for python in candidates:
        if subprocess.run([python, "-c", "pass"], capture_output=True).returncode == 0:
            return python
    sys.exit(f"{MAPPING}:1: нет Python {newest}: адреса docs.python.org не проверить")


def entries():
    with open(MAPPING, encoding="utf-8") as text:
        for number, line in enumerate(text, 1):
            api, _, url = line.rstrip("\n").partition("\t")
            if url and url != "-" and not line.startswith("# "):
                yield number, api, url


def tested_dependencies():
    """{crate: its specification} as the book's tests build it: the root's dev-dependencies
    and the dependencies of the workspace's other members (chapter 8's extension module)."""
    root = tomllib.load(open("Cargo.toml", "rb"))
    deps = dict(root["dev-dependencies"])
    for member in root["workspace"]["members"]:
        if member != ".":
            deps.update(tomllib.load(open(f"{member}/Cargo.toml", "rb")).get("dependencies", {}))
    return deps


def build_crate_docs(crates):
    """rustdoc of the given crates (dash names) into SCRATCH; the folder of their HTML."""
    deps = tested_dependencies()
    os.makedirs(os.path.join(SCRATCH, "src"), exist_ok=True)
    with open(os.path.join(SCRATCH, "Cargo.toml"), "w") as manifest:
        manifest.write('[package]\nname = "apilinks-doc"\nversion = "0.0.0"\nedition = "2024"\n')
        manifest.write("[workspace]\n[dependencies]\n")
        for crate in sorted(crates):
            spec = deps[crate]
            if isinstance(spec, str):
                spec = {"version": spec}
            fields = ", ".join(f"{key} = {value!r}".replace("'", '"').replace("True", "true")
                               .replace("False", "false") for key, value in spec.items())
            manifest.write(f"{crate} = {{ {fields} }}\n")
    open(os.path.join(SCRATCH, "src", "lib.rs"), "w").close()
    shutil.copy("Cargo.lock", SCRATCH)  # the versions the book tests, no resolution online
    command = ["cargo", "doc", "--offline", "--no-deps", "--quiet"]
    for crate in sorted(crates):
        command += ["-p", crate]
    subprocess.run(command, cwd=SCRATCH, check=True,
                   env=dict(os.environ, CARGO_TARGET_DIR=os.path.abspath(f"{SCRATCH}/target")))
    return os.path.join(SCRATCH, "target", "doc")


def page_problem(root, path):
    """None if root/path (with its #anchor) exists, else what is missing."""
    file, _, anchor = path.partition("#")
    local = os.path.join(root, file)
    if not os.path.isfile(local):
        return f"нет страницы {file}"
    if anchor and f'id="{anchor}"' not in open(local, encoding="utf-8").read():
        return f"на странице {file} нет якоря #{anchor}"
    return None


STABLE_SINCE = re.compile(r"Stable since Rust version (\d+)\.(\d+)")


def std_since(root, path):
    """(major, minor) of the Rust release the item, or the member its anchor names, became
    stable in, as its rustdoc page says; None where the page says none (a module, an impl)."""
    file, _, anchor = path.partition("#")
    html = open(os.path.join(root, file), encoding="utf-8").read()
    # the member's own header up to the next member, or the page's heading with its sub-heading
    start = html.find(f'id="{anchor}"') if anchor else html.find("<h1")
    end = html.find('<section id="', start + 1) if anchor else html.find("</div>", html.find("</h1>", start))
    found = STABLE_SINCE.search(html, start, end if end > 0 else len(html))
    return (int(found[1]), int(found[2])) if found else None


def python_object(anchor):
    """A Python expression importing and reaching the object a docs.python.org anchor names."""
    if anchor.startswith("asyncio.loop."):  # the docs write the event loop's members as loop.x
        name = anchor.removeprefix("asyncio.loop.")
        return f"import asyncio\nloop = asyncio.new_event_loop()\ngetattr(loop, {name!r})\nloop.close()"
    return (
        "import builtins, importlib, sys\n"
        f"parts = {anchor!r}.split('.')\n"
        "obj, i = builtins, 0\n"
        "for i in range(len(parts), 0, -1):\n"
        "    try:\n"
        "        obj = importlib.import_module('.'.join(parts[:i])); break\n"
        "    except ImportError:\n"
        "        i = 0\n"
        "for part in parts[i:]:\n"
        "    obj = getattr(obj, part)\n"
    )


def main():
    problems, unchecked = [], []
    rows = list(entries())
    deps = tested_dependencies()
    crates = {url.split("/")[3] for _, _, url in rows if url.startswith("https://docs.rs/")}
    rustdoc = build_crate_docs(crates & deps.keys())
    std = os.path.dirname(subprocess.run(["rustup", "doc", "--path"], capture_output=True,
                                         text=True, check=True).stdout.strip())
    python = newest_python()
    promised = tuple(int(part) for part in rust_version(".").split(".")[:2])
    for number, api, url in rows:
        parts = url.split("/")
        where = f"{MAPPING}:{number}: {url}"
        if parts[2] == "docs.rs":
            if parts[3] not in deps:
                unchecked.append(f"{where}: крейт {parts[3]} тесты не собирают, не проверено")
                continue
            what = page_problem(rustdoc, "/".join(parts[5:]))
        elif parts[2] == "doc.rust-lang.org":
            path = "/".join(parts[4:])
            what = page_problem(std, path)
            if not what and (since := std_since(std, path)) and since > promised:
                what = (f"стабильно с Rust {since[0]}.{since[1]}, а книга обещает "
                        f"{promised[0]}.{promised[1]} (rust-version)")
        elif parts[2] == "docs.python.org":
            anchor = url.partition("#")[2] or parts[-1].removesuffix(".html")
            run = subprocess.run([python, "-c", python_object(anchor)], capture_output=True, text=True)
            what = None if run.returncode == 0 else f"в {python} нет {anchor}"
        else:
            what = "адрес не документации API"
        if what:
            problems.append(f"{where}: {what}")
    for line in unchecked:
        print(line, file=sys.stderr)
    for line in problems:
        print(line)
    sys.exit(1 if problems else 0)


main()
