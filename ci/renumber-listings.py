#!/usr/bin/env python3
"""Renumbers the listings of each chapter in page order (SUMMARY.md's chapter order,
then the order of the pages' {{#include}} directives), so a listing added in the
middle of a chapter can take any free number and get its place afterwards.

Renames the folders listings/chNN-*/listing-NN-MM/ (git mv) and rewrites every
reference: folder paths and test names (listing_NN_MM) (in src/, listings/, ci/, README.md, Cargo.toml), and in the
book's own text (src/, listings/) figure ids (listing-5-18-python) and «5-18». Prints each change; --dry-run only prints.

Usage: ci/renumber-listings.py [--dry-run]   (from the repository's root)
"""

import re
import subprocess
import sys
from pathlib import Path

INCLUDE = re.compile(r"\{\{#(?:rustdoc_)?include \.\./listings/[^/]+/listing-(\d\d)-(\d\d)/")


def chapters():
    summary = Path("src/SUMMARY.md").read_text(encoding="utf-8")
    return [Path("src", name) for name in re.findall(r"\]\(([^)]+\.md)\)", summary)]


def mapping():
    """{(chapter, old number): new number} for the listings that move."""
    order = {}
    for page in chapters():
        for chapter, number in INCLUDE.findall(page.read_text(encoding="utf-8")):
            key = (int(chapter), int(number))
            seen = order.setdefault(key[0], [])
            if key not in seen:
                seen.append(key)
    moves = {}
    for chapter, keys in order.items():
        for new, key in enumerate(keys, start=1):
            if key[1] != new:
                moves[key] = new
    return moves


def rewrite(text, moves, prose):
    def folder(m):
        key = (int(m[1]), int(m[2]))
        return f"listing-{m[1]}-{moves[key]:02}" if key in moves else m[0]

    def short(m):
        key = (int(m[1]), int(m[2]))
        return f"{m[1]}-{moves[key]}" if key in moves else m[0]

    def test_name(m):
        key = (int(m[1]), int(m[2]))
        return f"listing_{m[1]}_{moves[key]:02}" if key in moves else m[0]

    text = re.sub(r"listing-(\d\d)-(\d\d)(?!\d)", folder, text)
    # The tests' names, as scripts filter on them (cargo test -- listing_05_14).
    text = re.sub(r"listing_(\d\d)_(\d\d)(?!\d)", test_name, text)
    if not prose:
        return text
    # Figure ids and links: listing-5-18-python.
    text = re.sub(r"(?<=listing-)([1-9]\d?)-([1-9]\d?)(?=-)", short, text)
    # «листинг 5-18», «5-12 и 5-13»: not part of a word, a path or a longer number.
    return re.sub(r"(?<![\w.\-–/])([1-9]\d?)-([1-9]\d?)(?![\w\-])", short, text)


def files():
    listed = subprocess.run(["git", "ls-files", "src", "listings", "README.md", "Cargo.toml", "ci"],
                            capture_output=True, text=True, check=True).stdout.split()
    return [Path(f) for f in listed
            if Path(f).suffix in {".md", ".py", ".rs", ".txt", ".sh", ".js", ".toml"} and Path(f).name != "dictionary.txt"
            and Path(f).name != "renumber-listings.py" and not f.startswith("ci/gates/")]


def main(dry_run):
    moves = mapping()
    if not moves:
        print("листинги уже пронумерованы по порядку страниц")
        return 0
    for (chapter, old), new in sorted(moves.items()):
        print(f"листинг {chapter}-{old} → {chapter}-{new}")
    for path in files():
        text = path.read_text(encoding="utf-8")
        # Numbers in the book's own text; elsewhere («листинг 5-14» in a README) only paths.
        new_text = rewrite(text, moves, prose=path.parts[0] in ("src", "listings"))
        if new_text != text:
            for number, (a, b) in enumerate(zip(text.splitlines(), new_text.splitlines()), start=1):
                if a != b:
                    print(f"{path}:{number}: {b.strip()[:160]}")
            if not dry_run:
                path.write_text(new_text, encoding="utf-8")
    if dry_run:
        return 0
    # Two steps, so that 5-18 → 5-10 does not collide with the 5-10 that moves on.
    folders = {}
    for (chapter, old), new in moves.items():
        [path] = Path("listings").glob(f"*/listing-{chapter:02}-{old:02}")
        temporary = path.with_name(path.name + "-renumbering")
        subprocess.run(["git", "mv", str(path), str(temporary)], check=True)
        folders[temporary] = path.with_name(f"listing-{chapter:02}-{new:02}")
    for temporary, final in folders.items():
        subprocess.run(["git", "mv", str(temporary), str(final)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main("--dry-run" in sys.argv[1:]))
