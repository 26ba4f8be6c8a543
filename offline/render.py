#!/usr/bin/env python3
"""The `[output.service-worker]` renderer of book.toml (offline/README.md).

mdBook runs renderers in name order, so this one runs after `html` and
`search-ru` (which renames the search index): the site in ../html is final.
It writes html/sw.js: offline/sw.js with VERSION, a hash of the path and bytes of
every file it caches (a rebuilt chapter is a new version), and FILES, those files.
"""
import hashlib
import json
import os
import sys
from pathlib import Path

# Not cached: not used by any page (the theme links the SVG icon only, copies with
# navigator.clipboard, needs no toc.html with JavaScript on), or not a page's part
# (big downloads a reader fetches on purpose).
SKIP_NAMES = {".nojekyll", "sw.js", "toc.html"}
SKIP_PREFIXES = ("clipboard-", "favicon-")
SKIP_SUFFIXES = (".png", ".pdf", ".epub", ".map")


def cached(path: Path) -> bool:
    name = path.name
    return not (name in SKIP_NAMES or name.startswith(SKIP_PREFIXES) or name.endswith(SKIP_SUFFIXES))


def main() -> None:
    ctx = json.load(sys.stdin)
    html = Path(ctx["destination"]).parent / "html"
    if not (html / "index.html").is_file():
        sys.exit(f"offline/render.py: {html}/index.html нет: в book.toml нужен [output.html], и он должен идти раньше [output.service-worker]")
    files = sorted(p.relative_to(html).as_posix() for p in html.rglob("*") if p.is_file() and cached(p))
    digest = hashlib.sha256()
    for name in files:
        data = (html / name).read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    template = (Path(ctx["root"]) / "offline" / "sw.js").read_text(encoding="utf-8")
    # './' is the address of index.html on a static host.
    marker = "/* global VERSION, FILES */"
    if template.count(marker) != 1:
        sys.exit(f"offline/sw.js: expected the line «{marker}» once, where VERSION and FILES go")
    values = f"const VERSION = {json.dumps(digest.hexdigest()[:16])};\nconst FILES = {json.dumps(['./', *files], indent=0)};"
    # Comment lines stay here: sw.js is fetched by every first visit (page budget).
    code = "\n".join(line for line in template.replace(marker, values).splitlines() if not line.lstrip().startswith("//"))
    (html / "sw.js").write_text(code + "\n", encoding="utf-8")
    size = sum((html / name).stat().st_size for name in files)
    print(f"offline: {html / 'sw.js'} — {len(files)} файлов, {size // 1024} КБ в кэше, версия {digest.hexdigest()[:16]}", file=sys.stderr)


if __name__ == "__main__":
    main()
